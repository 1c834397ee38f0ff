"""Demo traffic: a small fill has the shape of a branch's days, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel, col, select

from kiosk.access import SYSTEM, StaffMember
from kiosk.audit import AuditLog
from kiosk.catalogue.loader import load_catalogue
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.db.models import CounterRow, QueueEvent, Staff, Ticket, Visit
from kiosk.db.models_rollup import ReportDay
from kiosk.demo_data import DemoFiller, DemoRefused
from kiosk.demo_queue import DayRows
from kiosk.demo_traffic import OPENING_HOURS
from kiosk.reception import Reception, VisitInput
from kiosk.reports.service import Reports
from kiosk.settings import Settings, settings_from_mapping
from kiosk.ticket import TicketStatus

from ..postgres import postgres_url
from .reports.counted import assert_shown_as_counted, counted

__all__ = ["postgres_url"]

#: Two whole weeks, Monday 16 to Sunday 29 November 2026.
LAST_DAY = date(2026, 11, 29)
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def branch(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, Settings]]:
    """A database with the built-in catalogue and nothing else."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": url}}
    )
    db = Database(url)
    if not db.is_sqlite:  # one server database for the module: start each test afresh
        SQLModel.metadata.drop_all(db.engine)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, load_catalogue())
    yield db, settings
    db.dispose()


def _fill(db: Database, settings: Settings, **options: Any) -> Any:
    arguments: dict[str, Any] = {"days": 14, "per_day": 50, "until": LAST_DAY, **options}
    return DemoFiller(db, settings, lambda: NOW).fill(SYSTEM, **arguments)


def test_a_small_fill_looks_like_a_branch(branch: tuple[Database, Settings]) -> None:
    db, settings = branch
    done = _fill(db, settings)
    zone = settings.business.zone
    with db.session() as session:
        visits = session.exec(select(Visit)).all()
        tickets = session.exec(select(Ticket)).all()
        events = session.exec(select(QueueEvent).order_by(col(QueueEvent.id))).all()
        staff_ids = {s.id for s in session.exec(select(Staff)).all()}
        counters = {c.id for c in session.exec(select(CounterRow)).all()}
    assert (done.visits, done.tickets, done.events) == (len(visits), len(tickets), len(events))
    assert 12 * 50 * 0.8 < len(visits) < 14 * 50 * 1.2
    assert (done.first_day, done.last_day) == (date(2026, 11, 16), LAST_DAY)

    # every visit that ended with a ticket has exactly one, and only those do
    by_visit = Counter(t.visit_id for t in tickets)
    assert {v.id for v in visits if v.outcome == "ticket"} == set(by_visit)
    assert set(by_visit.values()) == {1}
    assert {v.outcome for v in visits} <= {"ticket", "abandoned", "list_printed"}
    assert all(v.kiosk_id.startswith("demo-") for v in visits)

    # within opening hours, never on Sunday, busier on Friday than on Wednesday
    weekdays: Counter[int] = Counter()
    for ticket in tickets:
        local = ticket.issued_at.astimezone(zone)
        opens, closes = OPENING_HOURS[local.weekday()]
        assert opens <= local.hour < closes, local
        assert ticket.business_day == local.date()
        weekdays[local.weekday()] += 1
    assert weekdays[6] == 0
    assert weekdays[4] > weekdays[2] and weekdays[0] > weekdays[2]

    # numbers run from 1 per day and prefix; the timeline is in order
    numbers: dict[tuple[date, str], list[int]] = {}
    for ticket in tickets:
        numbers.setdefault((ticket.business_day, ticket.prefix), []).append(ticket.number)
    assert all(sorted(n) == list(range(1, len(n) + 1)) for n in numbers.values())
    kinds: dict[int, list[str]] = {}
    for event in events:
        kinds.setdefault(event.ticket_id, []).append(event.kind)
    for ticket in tickets:
        assert kinds[ticket.id or 0][0] == "issued"
        moments = [ticket.issued_at, ticket.called_at, ticket.started_at, ticket.finished_at]
        present = [m for m in moments if m is not None]
        assert present == sorted(present)
        if ticket.status == TicketStatus.DONE:
            assert kinds[ticket.id or 0][-1] == "finished" and ticket.outcome
            assert ticket.counter in counters and ticket.staff_id in staff_ids
        if ticket.transferred_from:
            assert "transferred" in kinds[ticket.id or 0]
    statuses = Counter(t.status for t in tickets)
    assert statuses[TicketStatus.DONE] > 0.8 * len(tickets)

    # what customers come for, and what they forget
    services = Counter(t.service_slug for t in tickets)
    assert services.most_common(1)[0][0] == "deposit_withdrawal"
    assert any("proof_of_address" in v.materials_missing for v in visits)
    assert any(v.answers and v.answers[-1].startswith("not_sure") for v in visits)
    [entry] = AuditLog(db, "kiosk-1").entries(action="demo.fill")
    assert entry.detail["visits"] == len(visits)


def test_refuses_a_database_with_traffic_unless_forced(branch: tuple[Database, Settings]) -> None:
    db, settings = branch
    friday = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # 10:00 in Hong Kong
    Reception(db, settings, lambda: friday).take_ticket(
        VisitInput("en", friday, ("topic_cards", "card_lost"), "lost_card")
    )
    with pytest.raises(DemoRefused, match="already has real traffic"):
        _fill(db, settings)
    _fill(db, settings, force=True)  # the numbers of that Friday go on after L001
    with db.session() as session:
        friday_cards = session.exec(
            select(Ticket.number).where(Ticket.business_day == friday.date(), Ticket.prefix == "L")
        ).all()
    assert sorted(friday_cards) == list(range(1, len(friday_cards) + 1))
    # the kiosk goes on issuing after the demo traffic (PostgreSQL: past its ids)
    later = friday + timedelta(days=10)
    Reception(db, settings, lambda: later).take_ticket(VisitInput("en", later, (), "lost_card"))


def test_a_second_fill_needs_force(branch: tuple[Database, Settings]) -> None:
    db, settings = branch
    _fill(db, settings, days=2, per_day=20)
    with pytest.raises(DemoRefused, match="already has demo traffic"):
        _fill(db, settings, days=2, per_day=20)


def test_the_same_seed_gives_the_same_traffic(tmp_path: Path) -> None:
    def traffic(folder: Path, seed: int) -> list[tuple[Any, ...]]:
        settings = settings_from_mapping({"kiosk": {"data_dir": str(folder)}})
        db = Database(settings.database_url)
        db.create_schema()
        with db.session() as session:
            save_catalogue(session, load_catalogue())
        _fill(db, settings, days=3, per_day=30, seed=seed)
        with db.session() as session:
            rows = session.exec(select(Ticket).order_by(col(Ticket.id))).all()
            found = [(t.code, t.issued_at, t.status, t.counter) for t in rows]
        db.dispose()
        return found

    first = traffic(tmp_path / "a", 7)
    assert first == traffic(tmp_path / "b", 7)
    assert first != traffic(tmp_path / "c", 8)


def test_hooks_see_each_batch_with_its_ids(branch: tuple[Database, Settings]) -> None:
    db, settings = branch
    seen: list[tuple[int, int]] = []

    def hook(connection: Connection, days: Sequence[DayRows]) -> None:
        tickets = [t for day in days for t in day.tickets]
        stored = connection.execute(
            select(col(Ticket.id)).where(col(Ticket.id).in_([t["id"] for t in tickets]))
        )
        seen.append((len(tickets), len(stored.all())))

    DemoFiller(db, settings, lambda: NOW, hooks=[hook]).fill(
        SYSTEM, days=3, per_day=20, until=LAST_DAY
    )
    assert seen and all(expected == found for expected, found in seen)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"days": 0}, "Give between 1 and 3650 days."),
        ({"per_day": 0}, "Give between 1 and 20000 visits a day."),
    ],
)
def test_refuses_sizes_out_of_range(
    branch: tuple[Database, Settings], options: dict[str, int], message: str
) -> None:
    db, settings = branch
    with pytest.raises(DemoRefused) as caught:
        _fill(db, settings, **options)
    assert caught.value.message.format(**caught.value.params) == message


def test_served_visits_get_ratings_survey_scores_and_the_cases_low_ones_open(
    branch: tuple[Database, Settings],
) -> None:
    from kiosk.db.models_contacts import SurveyAnswerRow
    from kiosk.db.models_feedback import ComplaintCase, VisitRating

    db, settings = branch
    _fill(db, settings)
    with db.session() as session:
        served = {
            t.id: t for t in session.exec(select(Ticket)).all() if t.status == TicketStatus.DONE
        }
        ratings = session.exec(select(VisitRating)).all()
        answers = session.exec(select(SurveyAnswerRow)).all()
        cases = session.exec(select(ComplaintCase)).all()
    answered = [r.ticket_id for r in ratings] + [a.ticket_id for a in answers]
    assert set(answered) <= set(served) and len(answered) == len(set(answered))
    assert 0.2 < len(answered) / len(served) < 0.45  # about a third answer
    scores = [r.score for r in ratings] + [a.score for a in answers]
    assert all(1 <= s <= 5 for s in scores if s is not None)
    low = sum(1 for s in scores if s is not None and s <= 2)
    assert len(cases) == low and all(c.ticket_id in served for c in cases)
    assert {c.source for c in cases} <= {"kiosk_rating", "survey"}
    assert all(c.closed_at is not None and c.closed_at > c.opened_at for c in cases)
    for rating in ratings:
        if rating.score <= 2:
            assert rating.case_id in {c.id for c in cases}


def test_the_filled_days_are_kept_for_the_reports(branch: tuple[Database, Settings]) -> None:
    """The fill works out the report rollup of its days (on PostgreSQL the triggers are
    bypassed for the fill and the dates bumped once), and the dashboard read from it
    is the one counted from the tickets."""
    db, settings = branch
    _fill(db, settings)
    with db.session() as session:
        kept = set(session.exec(select(col(ReportDay.day))).all())
    assert kept == {LAST_DAY - timedelta(days=n) for n in range(14)}
    reports = Reports(db, settings, lambda: NOW)
    with db.session() as session:
        session.add(Staff(id=9001, number="9001", name="M", role="manager", pin_hash="-",
                          created_at=NOW))  # fmt: skip
    manager = StaffMember(9001, "M", "manager", "9001")
    first = LAST_DAY - timedelta(days=13)
    window = reports.window(first, LAST_DAY)
    assert_shown_as_counted(
        reports.dashboard(manager, first, LAST_DAY), counted(db, window, reports.today(), NOW)
    )


def test_printed_lists_have_codes_and_about_half_come_back(
    branch: tuple[Database, Settings],
) -> None:
    from kiosk.db.models_bring_list import BringList

    db, settings = branch
    _fill(db, settings)
    with db.session() as session:
        visits = {v.id: v for v in session.exec(select(Visit)).all()}
        lists = session.exec(select(BringList)).all()
    printed = {i for i, v in visits.items() if v.outcome == "list_printed"}
    assert printed and {b.visit_id for b in lists} == printed
    assert len({b.code for b in lists}) == len(lists)
    back = [b for b in lists if b.returned_visit_id is not None]
    assert 0.3 < len(back) / len(lists) < 0.7
    for b in back:
        first, again = visits[b.visit_id], visits[b.returned_visit_id or 0]
        assert again.service_slug == first.service_slug and again.outcome == "ticket"
        assert again.started_at > first.finished_at
    assert len({b.returned_visit_id for b in back}) == len(back)
