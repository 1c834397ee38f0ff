"""The counter console: staff sign in, open their counter and serve the queue.

``ConsoleWindow`` (window.py) is the root; ``run_console`` (main.py) is the entry
point. ``QueueBackend`` and ``ConnectionBanner`` are also
used by the lobby display (``ui/display``).
"""
