"""The catalogue editor: edit in every language, save (seen by other kiosks, audited
old → new), validation that refuses to save, and YAML export/import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPlainTextEdit, QWidget

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.catalogue_admin import CatalogueAdmin
from kiosk.db.database import Database
from kiosk.i18n import LOCALES
from kiosk.reception import Reception
from kiosk.settings import Settings
from ui.admin.catalogue_page import CataloguePage

from .conftest import CATALOGUE, Admin


def _catalogue_page(admin: Admin) -> CataloguePage:
    admin.touch("admin.nav.catalogue")
    page = admin.panel.page("catalogue")
    assert isinstance(page, CataloguePage)
    assert page.loaded
    return page


def type_into(admin: Admin, name: str, text: str) -> None:
    """Replace a field's text as a manager would: keys for Latin text, the input
    method's committed text for Chinese (one-line and multi-line fields alike)."""
    edit = admin.find(name, QWidget)
    assert isinstance(edit, QLineEdit | QPlainTextEdit), f"{name} is not a text field"
    edit.setFocus()
    edit.selectAll()
    if not text:
        QTest.keyClick(edit, Qt.Key.Key_Delete)
    elif text.isascii():
        QTest.keyClicks(edit, text)
    elif isinstance(edit, QLineEdit):  # Chinese arrives through an input method
        edit.insert(text)
    else:
        edit.insertPlainText(text)


def test_edit_in_three_languages_and_an_answer_then_save(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    other_kiosk = Reception(db, settings)
    assert other_kiosk.catalogue().service("open_account").name["en"] == "Open an account"
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    assert page.services.form.slug.text() == "open_account"
    assert page.services.form.slug.isReadOnly()  # stored ids stay fixed
    type_into(admin, "admin.service.name.en", "Open a savings account")
    type_into(admin, "admin.service.name.zh_Hans", "开立储蓄账户")
    type_into(admin, "admin.service.name.zh_Hant", "開立儲蓄戶口")

    admin.click("admin.catalogue.show_questionnaire")
    assert page.questionnaire.form.id_edit.text() == "topic"
    type_into(admin, "admin.question.options.0.label.en", "Bank accounts")
    admin.touch("admin.catalogue.save")

    assert not page.problem_box.isVisible()
    assert page.status_text.startswith("The catalogue was saved.")
    assert other_kiosk.refresh_if_changed()
    for reception in (other_kiosk, Reception(db, settings)):
        catalogue = reception.catalogue()
        assert catalogue.service("open_account").name == {
            "en": "Open a savings account",
            "zh_Hans": "开立储蓄账户",
            "zh_Hant": "開立儲蓄戶口",
        }
        assert catalogue.questionnaire.question("topic").options[0].label["en"] == "Bank accounts"
    [entry] = AuditLog(db, settings.kiosk.id).entries(action="catalogue.edit")
    assert entry.actor_name == "Mary Manager"
    changes = entry.detail["changes"]
    assert changes["services.open_account.name.en"] == {
        "old": "Open an account",
        "new": "Open a savings account",
    }
    assert changes["services.open_account.name.zh_Hant"]["new"] == "開立儲蓄戶口"
    assert changes["questionnaire.questions.topic.options.topic_accounts.label.en"] == {
        "old": "Accounts",
        "new": "Bank accounts",
    }


def _duplicate_prefix(admin: Admin, page: CataloguePage) -> None:
    page.services.list.setCurrentRow(1)
    assert page.services.form.slug.text() == "lost_card"
    type_into(admin, "admin.service.prefix", "A")


def _option_without_target(admin: Admin, page: CataloguePage) -> None:
    admin.click("admin.catalogue.show_questionnaire")
    page.questionnaire.form.option(1).target.setCurrentIndex(0)  # "— Not chosen —"


def _unreachable_service(admin: Admin, page: CataloguePage) -> None:
    admin.click("admin.catalogue.service_add")
    assert page.services.form.slug.text() == "service_4"
    type_into(admin, "admin.service.prefix", "Z")
    texts = ["name", "description", "steps.0", "steps.1", "steps.2", "follow_up.0"]
    for field in texts:
        for code in LOCALES:
            type_into(admin, f"admin.service.{field}.{code}", f"{field} {code}")


def _empty_translation(admin: Admin, page: CataloguePage) -> None:
    type_into(admin, "admin.service.name.zh_Hant", "")
    edit = admin.find("admin.service.name.zh_Hant", QLineEdit)
    assert edit.property("missing") == "true"  # flagged before saving
    assert page.services.form.name.message.text() == "Missing translation: 繁體中文"


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (
            _duplicate_prefix,
            [
                "Service “Open an account” › Ticket prefix: “A” is used by more than one service.",
                "Service “Lost card” › Ticket prefix: “A” is used by more than one service.",
            ],
        ),
        (
            _option_without_target,
            [
                "Question “How can we help you today?” › Answer “Lost card”: "
                "Choose where this answer leads: a question or a service."
            ],
        ),
        (
            _unreachable_service,
            ["Service “name en”: No answer leads to this service, so customers cannot choose it."],
        ),
        (
            _empty_translation,
            ["Service “Open an account” › Service name › 繁體中文: This cannot be empty."],
        ),
    ],
    ids=["duplicate_prefix", "option_without_target", "unreachable_service", "empty_translation"],
)
def test_each_rule_refuses_to_save_with_its_message(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    db: Database,
    settings: Settings,
    break_it: Callable[[Admin, CataloguePage], None],
    expected: list[str],
) -> None:
    store = CatalogueAdmin(db, settings.kiosk.id)
    before, version = store.current(), store.version()
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    break_it(admin, page)
    admin.touch("admin.catalogue.save")

    assert page.problem_box.isVisible()
    assert page.problem_title.text() == "Not saved. Please fix these first:"
    assert [p.text for p in page.problems] == expected
    assert page.problem_list.text() == "\n".join(f"• {line}" for line in expected)
    assert (store.current(), store.version()) == (before, version)
    assert AuditLog(db, settings.kiosk.id).entries(action="catalogue.") == []


def test_problem_is_shown_next_to_its_field(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    _duplicate_prefix(admin, page)
    admin.touch("admin.catalogue.save")
    message = page.services.form.fields["prefix"].message
    assert message.isVisible()
    assert message.text() == "“A” is used by more than one service."
    page.services.list.setCurrentRow(2)  # general_enquiry ("G") has no such marker
    assert not page.services.form.fields["prefix"].message.isVisible()
    page.services.list.setCurrentRow(0)  # open_account ("A") has it too
    assert page.services.form.fields["prefix"].message.isVisible()


def _answer_dialog(admin: Admin, path: Path) -> None:
    dialog = admin.panel.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.testOption(QFileDialog.Option.ReadOnly)  # no rename/delete at the kiosk
    dialog.selectFile(str(path))
    dialog.accept()


def test_yaml_export_then_import_round_trip(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    db: Database,
    settings: Settings,
    tmp_path: Path,
) -> None:
    store = CatalogueAdmin(db, settings.kiosk.id)
    before, version = store.current(), store.version()
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    exported = tmp_path / "exported.yaml"

    admin.click("admin.catalogue.export")
    _answer_dialog(admin, exported)
    admin.settle()
    assert exported.exists()
    assert page.status_text == f"Exported to {exported}"

    admin.click("admin.catalogue.import")
    _answer_dialog(admin, exported)
    admin.settle()
    assert page.status_text == "The catalogue was imported and saved."
    assert store.current() == before
    assert store.version() == version + 1
    actions = [e.action for e in AuditLog(db, settings.kiosk.id).entries(action="catalogue.")]
    assert actions == ["catalogue.import", "catalogue.export"]


def test_malformed_import_names_file_line_and_field(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    db: Database,
    settings: Settings,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        CATALOGUE.read_text(encoding="utf-8").replace("prefix: L", "prefix: l1"), "utf-8"
    )
    store = CatalogueAdmin(db, settings.kiosk.id)
    version = store.version()
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    page.import_files([bad])
    admin.settle()
    assert page.problem_box.isVisible()
    [problem] = page.problems
    assert problem.text.startswith(f"{bad}:39: services[1].prefix:")
    assert store.version() == version


def test_a_save_never_overwrites_a_change_made_meanwhile_on_another_kiosk(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    type_into(admin, "admin.service.name.en", "Mine")
    other = CatalogueAdmin(db, "kiosk-2")
    changed = other.current().model_copy(
        update={"services": list(reversed(other.current().services))}
    )
    other.replace(manager, changed)
    admin.touch("admin.catalogue.save")
    assert [p.text for p in page.problems] == [
        "The catalogue was changed on another kiosk since you opened it, so your changes were"
        " not saved. Note them, press “Discard changes” and make them again."
    ]
    assert other.current() == changed
    admin.touch("admin.catalogue.discard")
    assert page.services.form.slug.text() == "general_enquiry"  # the other kiosk's order
    assert not page.problem_box.isVisible()


def test_reorder_and_delete_items_then_save(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    store = CatalogueAdmin(db, settings.kiosk.id)
    before = store.current()
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    admin.click("admin.service.steps.0.down")
    admin.click("admin.service.materials.2.delete")  # the optional photo
    page.services.list.setCurrentRow(2)
    admin.click("admin.catalogue.service_up")
    assert page.services.form.slug.text() == "general_enquiry"
    admin.click("admin.catalogue.show_questionnaire")
    page.questionnaire.list.setCurrentRow(1)
    admin.click("admin.catalogue.question_up")
    admin.click("admin.question.options.0.down")
    admin.touch("admin.catalogue.save")
    assert page.problems == []

    after = store.current()
    assert [s.slug for s in after.services] == ["open_account", "general_enquiry", "lost_card"]
    old_steps, new_steps = before.services[0].steps, after.services[0].steps
    assert new_steps == [old_steps[1], old_steps[0], old_steps[2]]
    assert [m.id for m in after.services[0].materials] == ["id_document", "proof_of_address"]
    assert [q.id for q in after.questionnaire.questions] == ["accounts", "topic"]
    assert after.questionnaire.start == "topic"
    assert [o.id for o in after.questionnaire.questions[0].options] == [
        "not_sure_accounts",
        "open_new_account",
    ]


def test_staff_forcing_import_or_export_is_refused(
    make_admin: Callable[..., Admin],
    clerk: StaffMember,
    db: Database,
    settings: Settings,
    tmp_path: Path,
) -> None:
    store = CatalogueAdmin(db, settings.kiosk.id)
    version = store.version()
    admin = make_admin(clerk)
    assert not admin.panel.nav_buttons["catalogue"].isVisible()
    page = admin.panel.page("catalogue")
    assert isinstance(page, CataloguePage)
    page.import_files([CATALOGUE])  # what the hidden buttons would do
    admin.settle()
    assert [p.text for p in page.problems] == ["Only a manager can do this."]
    target = tmp_path / "leak.yaml"
    page.export_to(target)
    admin.settle()
    assert not target.exists()
    assert store.version() == version
    assert AuditLog(db, settings.kiosk.id).entries(action="catalogue.") == []


LONG_STEP = (
    "Bring your identity card and a recent bill with your address to the counter; "
    "the teller checks both, scans them and hands them back before the account opens."
)


def test_long_texts_are_edited_over_wrapped_lines_and_saved_whole(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    for name in (
        "admin.service.description.en",
        "admin.service.steps.0.zh_Hans",
        "admin.service.follow_up.0.zh_Hant",
        "admin.service.pause_reason.en",
        "admin.service.materials.0.note.en",
        "admin.service.materials.0.if_missing.zh_Hans",
    ):
        box = admin.find(name, QPlainTextEdit)
        assert box.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
        assert box.height() >= 3 * box.fontMetrics().lineSpacing()  # three lines in sight
    assert isinstance(admin.find("admin.service.name.en", QWidget), QLineEdit)  # names: one line

    step = admin.find("admin.service.steps.0.en", QPlainTextEdit)
    type_into(admin, "admin.service.steps.0.en", LONG_STEP)
    QTest.keyClick(step, Qt.Key.Key_Return)  # one paragraph: Enter moves on
    assert step.toPlainText() == LONG_STEP
    layout = step.document().firstBlock().layout()
    assert layout is not None and layout.lineCount() >= 2  # wrapped, all of it in sight
    type_into(admin, "admin.service.steps.1.zh_Hans", "")
    assert admin.find("admin.service.steps.1.zh_Hans", QPlainTextEdit).property("missing") == "true"
    type_into(admin, "admin.service.steps.1.zh_Hans", "到柜台出示身份证明文件")
    QApplication.clipboard().setText("Keep the receipt.\nIt shows the account number.")
    note = admin.find("admin.service.follow_up.0.en", QPlainTextEdit)
    note.selectAll()
    note.paste()
    assert note.toPlainText() == "Keep the receipt. It shows the account number."

    too_long = admin.find("admin.service.description.en", QPlainTextEdit)
    too_long.setPlainText("x" * 401)
    assert too_long.property("missing") == "true"
    assert page.services.form.description.message.text() == (
        "English: Too long: at most 400 characters."
    )
    too_long.setPlainText("Open an account in a few minutes.")
    assert not page.services.form.description.message.isVisible()

    admin.touch("admin.catalogue.save")
    assert page.problems == []
    saved = CatalogueAdmin(db, settings.kiosk.id).current().service("open_account")
    assert saved.steps[0]["en"] == LONG_STEP
    assert saved.steps[1]["zh_Hans"] == "到柜台出示身份证明文件"
    assert saved.follow_up[0]["en"] == "Keep the receipt. It shows the account number."
    assert saved.description["en"] == "Open an account in a few minutes."


def test_questions_with_the_same_words_can_be_told_apart(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    page = _catalogue_page(admin)
    admin.click("admin.catalogue.show_questionnaire")
    view = page.questionnaire
    view.list.setCurrentRow(0)
    type_into(admin, "admin.question.text.en", "What would you like to do?")
    view.store()
    view.reload(0)
    lines = [view.list.item(r).text() for r in range(view.list.count())]
    assert lines == [
        "1. What would you like to do? (first question)",
        "2. What would you like to do? (after “Accounts”)",
    ]
    admin.panel.language.set_locale("zh_Hans")
    lines = [view.list.item(r).text() for r in range(view.list.count())]
    assert lines[1] == "2. 您想办理什么？（在“账户”之后）"
    assert lines[0] == "1. 请问今天需要办理什么业务？（第一个问题）"

    admin.panel.language.set_locale("en")
    admin.touch("admin.catalogue.save")  # allowed, with a warning
    assert page.problems == []
    status = page.status.text()
    assert status.startswith("The catalogue was saved.")
    assert "Question “topic” has the same words: customers and staff cannot tell" in status
