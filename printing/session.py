"""One printer connection's life, in a helper thread, bounded by a deadline.

open (one quick retry only if the connect itself failed) → ask the status
(two-way links) → send the job, unless the printer said it cannot print →
ask again → make sure every byte arrived → close. The question after the job
goes out right behind it: its answer comes once the printer has read the job,
and carries the acknowledgement of every byte (so the printer's delayed ACK
does not hold the job up). Status checks and the job share the one connection
(many network printers take one at a time) and the one deadline. The caller stops
waiting at the deadline plus :data:`GRACE_S`, whatever the device does.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from printing.status import PrinterState, StatusReport, link_for, query_status
from printing.transport import Progress, close_quietly, confirm_sent, open_device, send_chunks

GRACE_S = 0.5
"""How much longer than the timeout a job may take before the caller stops waiting."""
_PREVIEW_ONLINE = StatusReport(PrinterState.ONLINE, detail="preview printer")


@dataclass
class Session:
    progress: Progress = field(default_factory=Progress)
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    before: StatusReport | None = None
    """Status before the job (``None``: not asked, or the link is one-way)."""
    after: StatusReport | None = None
    """Status right after the job (asked only if the printer answered before)."""

    @property
    def finished(self) -> bool:
        return self.done.is_set()

    @property
    def blocked(self) -> bool:
        """The printer said it cannot print (paper out, cover open, offline): nothing was sent."""
        return self.before is not None and not self.before.state.can_print


def _status(
    device: Any, kind: str, deadline: float, query_s: float, first_wait: float | None = None
) -> StatusReport | None:
    """The status on the open link; raises if asking broke the connection (it is gone)."""
    if kind == "preview":
        return _PREVIEW_ONLINE
    link = link_for(device, kind)
    if link is None:
        return None
    report = query_status(link, deadline, query_s, first_wait)
    if isinstance(report.error, OSError) and not isinstance(report.error, TimeoutError):
        raise report.error  # e.g. reset by the printer: the job is not printed
    return report


def _work(
    session: Session,
    device: Any,
    kind: str,
    data: bytes | None,
    deadline: float,
    query_s: float | None,
) -> None:
    try:
        open_device(device, kind, deadline, session.progress)
        if query_s is not None:
            session.before = _status(device, kind, deadline, query_s)
        if data is None or session.blocked:
            return
        send_chunks(device, kind, data, deadline, session.progress)
        before = session.before
        if query_s is not None and before is not None and (before.answered or kind == "preview"):
            # the first reply queues behind the job: it may take until the deadline
            until_deadline = deadline - time.monotonic()
            session.after = _status(device, kind, deadline, query_s, until_deadline)
        confirm_sent(device, kind, deadline)
    except BaseException as exc:
        session.error = exc
    finally:
        close_quietly(device)
        session.done.set()


def run_session(
    device: Any,
    kind: str,
    data: bytes | None,
    deadline: float,
    query_s: float | None,
) -> Session:
    """Run one connection; return when it is done or at ``deadline`` + :data:`GRACE_S`.

    ``data=None`` only checks the status; ``query_s=None`` never asks it.
    A write to a device file or USB endpoint can block past any timeout; the
    helper thread then keeps the device and closes it when the write returns.
    """
    session = Session()
    worker = threading.Thread(
        target=_work,
        args=(session, device, kind, data, deadline, query_s),
        name="ticket-printer",
        daemon=True,
    )
    worker.start()
    session.done.wait(max(0.0, deadline - time.monotonic()) + GRACE_S)
    return session
