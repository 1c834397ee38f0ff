"""Ticket printing: layout as data, ESC/POS rendering, printer connections, previews.

The UI uses :class:`printing.job.TicketPrinter` (``print_ticket``,
``preview_image``, ``print_test_page``, ``check_status``),
:class:`printing.status.PrinterState`, :func:`printing.outcome.problem_message`,
:func:`printing.outcome.print_status` (what to store after a job)
and :func:`printing.selftest.run_print_test`; call
:func:`printing.escpos_env.prepare_escpos` once at start-up. Importing this
package does not import python-escpos.
"""
