"""Ticket printing benchmark: build time and bytes per ticket, by mode.

    python benchmarks/bench_printing.py [--runs 50]

"Build" is layout + composition + rendering to python-escpos bytes (a ``Dummy``),
i.e. everything ``print_ticket`` does before it opens the connection; tickets
carry the built-in logo, and Chinese goes as images (``raster``) or as printer
text in the GB18030 / Big5 code page (``cjk_mode``). Also
timed: the preview image; a whole ``print_ticket`` to a TCP printer on
127.0.0.1 that answers ``DLE EOT`` (connect, status, send, wait until every
byte is taken, status, close); ``check_status`` (connect, ``DLE EOT`` 1 and 4,
close); and the two status questions alone on an open connection.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.i18n import Catalogs
from kiosk.settings import PrinterSection, default_cache_dir
from printing.escpos_env import escpos_printers, prepare_escpos
from printing.job import TicketPrinter, TicketSections
from printing.render_escpos import PrinterCaps, render
from printing.samples import sample_ticket
from printing.status import PrinterState, SocketLink, query_status

ZONE = ZoneInfo("Asia/Hong_Kong")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(action: Callable[[], int], runs: int) -> tuple[float, float, int]:
    """Median and p95 in milliseconds, and the size the action returned."""
    samples: list[float] = []
    size = 0
    for _ in range(runs):
        started = time.perf_counter()
        size = action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), percentile(samples, 0.95), size


def build_action(
    printer: TicketPrinter, locale: str, dots: int, caps: PrinterCaps
) -> Callable[[], int]:
    ticket = sample_ticket(locale)

    def action() -> int:
        dummy = escpos_printers().Dummy(profile=printer.section.profile)
        render(printer.layout(ticket), dummy, dots, caps, cjk_mode=printer.section.cjk_mode)
        return len(dummy.output)

    return action


def tcp_server() -> tuple[socket.socket, int]:
    """A printer on 127.0.0.1 that reads everything and answers ``DLE EOT n``: online."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def handle(conn: socket.socket) -> None:
        with conn:
            while chunk := conn.recv(65536):
                position = 0
                while (at := chunk.find(b"\x10\x04", position)) >= 0 and at + 2 < len(chunk):
                    if chunk[at + 2] in (1, 2, 3, 4):
                        conn.sendall(b"\x12")  # online, paper fine
                    position = at + 3

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return listener, listener.getsockname()[1]


def open_link_action(port: int) -> tuple[Callable[[], int], socket.socket]:
    """``DLE EOT`` 1 and 4 on one open connection: the status round trips alone."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=2)
    link = SocketLink(sock)

    def action() -> int:
        report = query_status(link, time.monotonic() + 2)
        assert report.state is PrinterState.ONLINE, report.describe()
        return len(report.replies)

    return action, sock


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs

    prepare_escpos(default_cache_dir())
    with tempfile.TemporaryDirectory(prefix="bench-printing-") as folder:
        return run(runs, Path(folder))


def run(runs: int, data_dir: Path) -> int:
    catalogs = Catalogs()

    started = time.perf_counter()
    escpos_printers()
    import_ms = (time.perf_counter() - started) * 1000
    cold = TicketPrinter(PrinterSection(), data_dir, catalogs, ZONE)
    started = time.perf_counter()
    cold.render_bytes(cold.layout(sample_ticket("zh_Hant")))
    first_ms = (time.perf_counter() - started) * 1000

    native, image = PrinterCaps(native_qr=True), PrinterCaps(native_qr=False)
    rows: list[tuple[str, Callable[[], int]]] = []
    for dots in (512, 384, 576):
        printer = TicketPrinter(PrinterSection(paper_dots=dots), data_dir, catalogs, ZONE)
        gb18030, big5 = (
            TicketPrinter(PrinterSection(paper_dots=dots, cjk_mode=m), data_dir, catalogs, ZONE)
            for m in ("gb18030", "big5")
        )
        no_logo = TicketPrinter(
            PrinterSection(paper_dots=dots), data_dir, catalogs, ZONE, TicketSections(logo=False)
        )
        rows += [
            (f"English, no logo, native QR, {dots}", build_action(no_logo, "en", dots, native)),
            (f"English text mode, native QR, {dots}", build_action(printer, "en", dots, native)),
            (f"English text mode, image QR, {dots}", build_action(printer, "en", dots, image)),
            (
                f"Chinese raster (zh_Hans), native QR, {dots}",
                build_action(printer, "zh_Hans", dots, native),
            ),
            (
                f"Chinese raster (zh_Hant), image QR, {dots}",
                build_action(printer, "zh_Hant", dots, image),
            ),
            (
                f"Chinese gb18030 (zh_Hans), native QR, {dots}",
                build_action(gb18030, "zh_Hans", dots, native),
            ),
            (
                f"Chinese big5 (zh_Hant), native QR, {dots}",
                build_action(big5, "zh_Hant", dots, native),
            ),
        ]
    printer = TicketPrinter(PrinterSection(), data_dir, catalogs, ZONE)
    zh = sample_ticket("zh_Hans")
    rows.append(("Preview image (zh_Hans, 512)", lambda: printer.preview_image(zh).height))

    listener, port = tcp_server()
    section = PrinterSection(url=f"tcp://127.0.0.1:{port}")
    tcp_printer = TicketPrinter(section, data_dir, catalogs, ZONE)
    en = sample_ticket("en")
    rows.append(("print_ticket over TCP, English", lambda: tcp_printer.print_ticket(en).bytes_sent))
    rows.append(("print_ticket over TCP, Chinese", lambda: tcp_printer.print_ticket(zh).bytes_sent))

    def check() -> int:
        report = tcp_printer.status_report()
        assert report.state is PrinterState.ONLINE, report.describe()
        return len(report.replies)

    rows.append(("check_status over TCP (connect, 2 queries, close)", check))
    query_action, link_socket = open_link_action(port)
    rows.append(("status queries on an open TCP connection", query_action))

    print(f"python-escpos import: {import_ms:.0f} ms; first ticket (fonts load): {first_ms:.0f} ms")
    print(f"{runs} runs each; times in ms; size in bytes (preview: image height in dots)")
    print()
    header = f"{'scenario':<50} {'median':>8} {'p95':>8} {'size':>9}"
    print(header)
    print("-" * len(header))
    for name, action in rows:
        median, p95, size = timed(action, runs)
        print(f"{name:<50} {median:>8.2f} {p95:>8.2f} {size:>9}")
    print("(status rows: size = status replies read)")
    link_socket.close()
    listener.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
