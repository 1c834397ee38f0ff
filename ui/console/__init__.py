"""The counter console: staff sign in, open their counter and serve the queue.

``ConsoleWindow`` (window.py) is the root; ``run_console`` (main.py) is the entry
point. What it shares with the lobby display (the queue backend, the connection
banner, shutdown) is in ``ui/common``.
"""
