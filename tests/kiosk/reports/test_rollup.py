"""The day rollup: the dashboard from kept days equals the dashboard counted from the
tickets, whatever changes after a day was kept (a rating, a ticket, a visit's exit, a
service's target), on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlmodel import col

from kiosk.bring_lists import BringLists
from kiosk.db.models import ServiceRow, Ticket
from kiosk.db.models_rollup import ReportChange, ReportDay
from kiosk.feedback import Ratings
from kiosk.follow_on import FollowOns
from kiosk.i18n import Catalogs
from kiosk.reception import VisitInput
from kiosk.reports import rollup, tables
from kiosk.reports.service import Dashboard, Reports
from kiosk.reports.window import Window
from tests.kiosk.reports.counted import assert_shown_as_counted, counted
from tests.kiosk.reports.scenario import MANAGER, MONDAY, TUESDAY, Branch

WEDNESDAY = TUESDAY + timedelta(days=1)


def _reports(branch: Branch) -> Reports:
    return Reports(branch.db, branch.settings, branch.clock)


def _assert_same(branch: Branch, first: date, last: date) -> Dashboard:
    reports = _reports(branch)
    dashboard = reports.dashboard(MANAGER, first, last)
    figures = counted(branch.db, reports.window(first, last), reports.today(), branch.clock.now)
    assert_shown_as_counted(dashboard, figures)
    return dashboard


def _kept_days(branch: Branch) -> dict[date, int]:
    with branch.db.reading() as session:
        rows = session.execute(select(col(ReportDay.day), col(ReportDay.changes))).all()
    return {day: int(changes) for day, changes in rows}


def test_closed_days_are_kept_and_read_back_unchanged(branch: Branch) -> None:
    first = _assert_same(branch, MONDAY, WEDNESDAY)
    kept = _kept_days(branch)
    assert set(kept) == {MONDAY, TUESDAY}  # Wednesday is today: always counted afresh
    again = _assert_same(branch, MONDAY, WEDNESDAY)
    assert again == first
    assert _kept_days(branch) == kept


def test_the_dashboard_reads_the_kept_day(branch: Branch) -> None:
    """Proof that a current kept day is what is shown: a figure changed in the kept row
    alone shows; any change to Monday's tickets puts the counted figures back."""
    _reports(branch).dashboard(MANAGER, MONDAY, MONDAY)
    with branch.db.session() as session:
        row = session.get(ReportDay, MONDAY)
        assert row is not None
        figures = dict(row.figures)
        figures["kiosk"] = [999, *figures["kiosk"][1:]]
        row.figures = figures
    assert _reports(branch).dashboard(MANAGER, MONDAY, MONDAY).kiosk.visits == 999
    with branch.db.session() as session:
        some = session.scalars(select(Ticket).where(col(Ticket.business_day) == MONDAY)).first()
        assert some is not None
        some.note = "seen by the report test"
    assert _assert_same(branch, MONDAY, MONDAY).kiosk.visits != 999


def test_a_rating_after_the_day_was_kept_counts(branch: Branch) -> None:
    before = _assert_same(branch, MONDAY, TUESDAY).csat
    ratings = Ratings(branch.db, branch.settings, branch.clock)
    with branch.db.reading() as session:
        done = session.execute(
            select(col(Ticket.id), col(Ticket.reference)).where(
                col(Ticket.business_day) == MONDAY, col(Ticket.status) == "DONE"
            )
        ).all()
    unrated = [reference for ticket_id, reference in done if not _rated(branch, ticket_id)]
    assert unrated, "the scenario has a served, unrated Monday ticket"
    ratings.rate(unrated[0], 5)
    after = _assert_same(branch, MONDAY, TUESDAY).csat
    assert after.answered == before.answered + 1


def _rated(branch: Branch, ticket_id: int | None) -> bool:
    with branch.db.reading() as session:
        found = session.execute(
            text("SELECT count(*) FROM visit_rating WHERE ticket_id = :t"), {"t": ticket_id}
        ).scalar_one()
    return bool(found)


def _set_target(branch: Branch, slug: str, minutes: int) -> None:
    with branch.db.session() as session:
        session.execute(
            update(ServiceRow).where(col(ServiceRow.slug) == slug).values(sla_minutes=minutes)
        )


def test_a_new_target_judges_the_kept_days_without_counting_them_again(branch: Branch) -> None:
    enquiry = "general_enquiry"
    before = _assert_same(branch, MONDAY, TUESDAY)
    kept = _kept_days(branch)
    _set_target(branch, enquiry, 600)
    after = _assert_same(branch, MONDAY, TUESDAY)
    assert after.by_service[enquiry].within_sla > before.by_service[enquiry].within_sla
    assert _kept_days(branch) == kept
    for minutes in (1, 2, 3, 5, 8, 13):  # every edge of the hand-made waits
        _set_target(branch, enquiry, minutes)
        _assert_same(branch, MONDAY, TUESDAY)
    _set_target(branch, enquiry, 15)
    assert _assert_same(branch, MONDAY, TUESDAY).by_service[enquiry] == before.by_service[enquiry]


def test_a_long_range_is_counted_to_the_minute(branch: Branch) -> None:
    """Over a quarter the histograms are per minute, in kept days as in counted ones."""
    dashboard = _assert_same(branch, MONDAY - timedelta(days=120), WEDNESDAY)
    assert dashboard.total.wait.resolution == rollup.COARSE


def test_every_source_table_counts_changes(branch: Branch) -> None:
    """Each table the figures are read from bumps its UTC date's count on a change."""

    def count() -> int:
        with branch.db.reading() as session:
            return int(
                session.execute(
                    select(func.coalesce(func.sum(col(ReportChange.changes)), 0))
                ).scalar_one()
            )

    start = count()
    assert start > 0  # the scenario's own writes were counted
    with branch.db.session() as session:
        for table in ("ticket", "visit", "queue_event", "visit_exit"):
            session.execute(text(f"UPDATE {table} SET {_harmless(table)}"))
    assert count() > start


def _harmless(table: str) -> str:
    return {
        "ticket": "note = note",
        "visit": "locale = locale",
        "queue_event": "kind = kind",
        "visit_exit": "screen = screen",
    }[table]


def test_days_of_another_format_are_counted_again(branch: Branch) -> None:
    """Days kept by another version of the rollup are worked out again and offered to
    keep; today never is."""
    reports = _reports(branch)
    reports.dashboard(MANAGER, MONDAY, WEDNESDAY)
    with branch.db.session() as session:
        session.execute(update(ReportDay).values(format=rollup.FORMAT - 1))
    window = Window.of(branch.settings, MONDAY, WEDNESDAY)
    with branch.db.reading() as session:
        days, fresh = rollup.range_figures(session, window, reports.today())
    assert set(days) == {MONDAY, TUESDAY, WEDNESDAY}
    assert [f.day for f in fresh] == [MONDAY, TUESDAY]
    assert all(f.utc_first <= f.utc_last for f in fresh)


def test_a_database_that_refuses_the_kept_days_still_shows_the_dashboard(
    branch: Branch,
) -> None:
    """Keeping days is a saving, not a duty: a refused write is logged, not shown."""
    if not branch.db.is_sqlite:
        pytest.skip("the refusing trigger is written for SQLite")
    with branch.db.session() as session:
        session.execute(delete(ReportDay))
        session.execute(
            text(
                "CREATE TRIGGER report_day_refused BEFORE INSERT ON report_day "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )
    try:
        _assert_same(branch, MONDAY, WEDNESDAY)
        assert _kept_days(branch) == {}
    finally:
        with branch.db.session() as session:
            session.execute(text("DROP TRIGGER report_day_refused"))


def test_the_dashboard_and_the_pack_read_while_a_kiosk_holds_the_write_lock(
    branch: Branch,
) -> None:
    """Counted in a read: on SQLite a snapshot, so a kiosk issuing tickets (holding the
    write lock) neither waits for a report nor makes it wait."""
    if not branch.db.is_sqlite:
        pytest.skip("the write lock is SQLite's")
    reports = _reports(branch)
    before = reports.dashboard(MANAGER, MONDAY, WEDNESDAY)  # every closed day kept
    kiosk = sqlite3.connect(branch.db.engine.url.database or "", timeout=0)
    try:
        kiosk.execute("BEGIN IMMEDIATE")
        began = time.monotonic()
        assert reports.dashboard(MANAGER, MONDAY, WEDNESDAY) == before
        assert time.monotonic() - began < 5  # the busy timeout is 10 s
    finally:
        kiosk.rollback()
        kiosk.close()


def test_a_follow_on_counts_in_the_service_of_its_ticket(branch: Branch) -> None:
    """(Last: it adds a ticket to the module's Monday.)"""
    before = _assert_same(branch, MONDAY, TUESDAY)
    with branch.db.reading() as session:
        served = session.execute(
            select(col(Ticket.id)).where(
                col(Ticket.business_day) == MONDAY, col(Ticket.status) == "DONE"
            )
        ).first()
    assert served is not None
    branch.at(30, 16, 0)  # on Monday: only a ticket finished today can have a follow-on
    follow_ons = FollowOns(branch.db, branch.settings, branch.reception.catalogue(), branch.clock)
    follow_ons.issue(served[0], "lost_card", staff_id=11)
    branch.at(32, 12, 0)
    after = _assert_same(branch, MONDAY, TUESDAY)
    assert after.by_service["lost_card"].follow_ons == before.by_service["lost_card"].follow_ons + 1
    assert after.total.follow_ons == before.total.follow_ons + 1


def test_a_bring_list_that_comes_back_counts_on_the_day_it_was_printed(
    branch: Branch, catalogs: Catalogs
) -> None:
    """Monday prints a second list; it comes back on Wednesday, after Monday was kept:
    Monday's kept figures are out of date and the list counts there, not on Wednesday.
    (After the follow-on: it adds a visit to Monday.)"""
    before = _assert_same(branch, MONDAY, TUESDAY).kiosk
    assert (before.slips, before.slips_returned) == (1, 0)  # V7, printed without a code
    branch.at(30, 15, 0)
    started = branch.clock.now - timedelta(minutes=3)
    code = branch.reception.record_list_printed(
        VisitInput("en", started, ("accounts", "open"), "open_account", ("id_document",),
                   ("proof_of_address", "photo"))
    )  # fmt: skip
    branch.at(32, 12, 0)
    printed = _assert_same(branch, MONDAY, TUESDAY).kiosk
    assert (printed.slips, printed.slips_returned) == (2, 0)
    kept = _kept_days(branch)
    branch.at(32, 12, 30)  # Wednesday: the customer is back with the list
    found = BringLists(branch.db, branch.settings, branch.clock).find(code)
    branch.reception.take_ticket(
        VisitInput("en", branch.clock.now, (), found.service_slug, returning_list=found.code)
    )
    assert _kept_days(branch)[MONDAY] == kept[MONDAY]  # not read since
    monday = _assert_same(branch, MONDAY, TUESDAY)
    assert _kept_days(branch)[MONDAY] > kept[MONDAY]  # worked out again
    assert (monday.kiosk.slips, monday.kiosk.slips_returned) == (2, 1)
    assert monday.kiosk.slips_returned_percent == pytest.approx(50.0)
    wednesday = _assert_same(branch, WEDNESDAY, WEDNESDAY).kiosk
    assert (wednesday.slips, wednesday.slips_returned) == (0, 0)
    summary = tables.summary(monday, catalogs.localizer("en"))
    assert summary.endswith("bring-lists printed 2 · bring-lists back 1 (50.0%)")
    zh = tables.summary(monday, catalogs.localizer("zh_Hant"))
    assert "50.0%" in zh and "bring-lists" not in zh
