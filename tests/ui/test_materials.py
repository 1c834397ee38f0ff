"""The materials checklist: what is missing, and what the service then allows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFrame, QLabel

from printing.preview import preview_paths
from ui.customer.router import Screen

from .driver import Kiosk


def missing_message(kiosk: Kiosk) -> str:
    box = kiosk.find("guidance.missing", QFrame)
    return "\n".join(label.text() for label in box.findChildren(QLabel) if label.isVisibleTo(box))


def test_the_message_names_each_missing_item_with_what_to_do(kiosk: Kiosk) -> None:
    kiosk.open_account_guidance("en")
    kiosk.click("material.photo")  # optional: does not count

    message = missing_message(kiosk)
    assert "Identity card — Please come back with it." in message
    assert "Proof of address — A recent utility bill will do." in message
    assert "A photo" not in message
    take = kiosk.button("ticket.take")
    assert not take.isEnabled()
    assert "We cannot serve you for this without them" in message
    assert kiosk.has("ticket.print_list")

    kiosk.click("material.id_document")
    kiosk.click("material.proof_of_address")
    assert not kiosk.has("guidance.missing")
    assert take.isEnabled() and take.text() == "Take a ticket"
    assert not kiosk.has("ticket.print_list")


def test_the_message_is_in_the_customers_language(kiosk: Kiosk) -> None:
    kiosk.open_account_guidance("zh_Hant")
    message = missing_message(kiosk)
    assert "身份證 — 請帶備後再來。" in message
    assert "住址證明 — 近期水電費單即可。" in message


def test_a_ticket_anyway_where_the_service_allows_it(kiosk: Kiosk) -> None:
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert "Identity card — We can still block the card." in missing_message(kiosk)
    take = kiosk.button("ticket.take")
    assert take.isEnabled() and take.text() == "Take a ticket anyway"

    kiosk.click("ticket.take")
    kiosk.wait_screen(Screen.TICKET)
    kiosk.qtbot.waitUntil(lambda: kiosk.text("ticket.code") == "L001", timeout=3000)
    assert "Please have these ready:\n•  Identity card" in kiosk.visible_texts()
    [ticket] = kiosk.tickets()
    assert ticket.materials_missing == ("id_document",)


def test_print_the_list_and_come_back_records_the_visit(kiosk: Kiosk, tmp_path: Path) -> None:
    kiosk.open_account_guidance("zh_Hans")
    kiosk.click("material.id_document")
    kiosk.click("ticket.print_list")
    kiosk.wait_screen(Screen.BRING_LIST)

    texts = "\n".join(kiosk.visible_texts())
    assert "住址证明" in texts and "身份证" in texts
    kiosk.qtbot.waitUntil(lambda: len(kiosk.visits()) == 1, timeout=3000)
    [visit] = kiosk.visits()
    assert (visit.outcome, visit.service_slug, visit.locale) == (
        "list_printed",
        "open_account",
        "zh_Hans",
    )
    assert visit.materials_have == ["id_document"]
    assert visit.materials_missing == ["proof_of_address", "photo"]
    assert kiosk.tickets() == []
    taken = kiosk.language.loc.tr("Please take your list from the printer.")
    assert taken == "请从打印机取走您的清单。"
    kiosk.qtbot.waitUntil(lambda: taken in kiosk.visible_texts(), timeout=3000)
    data, _png = preview_paths(tmp_path, "open_account-list")
    assert data.exists()
    code = kiosk.text("list.code")  # to come back with (tests/ui/test_list_return.py)
    assert code.isdigit() and code.encode() in data.read_bytes()
    assert kiosk.language.loc.tr("Your return code") in kiosk.visible_texts()

    kiosk.click("list.done")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.session.service_slug is None
