"""The Qt side: one folder per app, and what they share.

| folder | what lives there |
|---|---|
| ``ui/common/`` | shared by every app: the background worker and job groups, widgets, theme, the customer's language, the connection monitor and its banner, the queue backend the console and display read, the GUI-thread collector, QR pixmaps, long press, the input watcher, shutdown |
| ``ui/customer/`` | the customer kiosk: ``app.py`` (its composition root), the window, router, screens, background watches, lockdown, the customer's session, screenshots |
| ``ui/admin/`` | the admin panel, hosted by the kiosk's admin mode |
| ``ui/console/`` | the counter console (its own process) |
| ``ui/display/`` | the lobby display (its own process) |

Apps import ``ui/common`` and the domain (``kiosk``, ``printing``), never each
other, except that the kiosk hosts the admin panel. The command line is ``cli/``.
"""

from ui.common.source_scan import stop_pyside_source_scan

stop_pyside_source_scan()  # before any of the kiosk's own modules or its domain stack load
