"""What the tests share, written once: :class:`~tests.helpers.clock.FakeClock` (a clock
moved by hand) and :class:`~tests.helpers.printer.FakePrinter` (a TCP printer on
127.0.0.1 that reads, stays silent, resets or answers ``DLE EOT`` in a chosen state)."""
