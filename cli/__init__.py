"""The ``kiosk`` command line: argument parsing, prompts and exit codes; the work
itself is in the domain (``kiosk.commands``) and the apps (``ui``)."""
