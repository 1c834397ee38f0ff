"""The lobby display (now-serving board): latest calls, waiting counts, chime and voice.

``DisplayWindow`` (window.py) is the root; ``run_display`` (main.py) is the entry point.
"""
