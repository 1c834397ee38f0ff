"""Every audit action the code writes has a label, translated in every language."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kiosk.audit import ACTION_LABELS, action_label
from kiosk.i18n import LOCALES, Catalogs

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^[a-z]+\.[a-z_]+$")
#: The calls that write an audit entry: audit.append(action=…), AuditLog.record(actor,
#: action, …), StaffDirectory._audit(session, actor, action, …), CatalogueAdmin.replace(action=…),
#: BranchService._export_csv(…, action=…)
WRITERS = {"append": None, "record": 1, "_audit": 2, "replace": None, "_export_csv": None}


def _strings(node: ast.AST) -> list[str]:
    """String constants an argument may evaluate to (also both arms of ``a if c else b``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def written_actions() -> set[str]:
    found: set[str] = set()
    for package in ("kiosk", "ui", "cli"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    func = node.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name not in WRITERS:
                        continue
                    args = [k.value for k in node.keywords if k.arg == "action"]
                    position = WRITERS[name]
                    if position is not None and len(node.args) > position:
                        args.append(node.args[position])
                    found.update(s for a in args for s in _strings(a) if CODE.match(s))
                elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    defaults = node.args.kw_defaults + node.args.defaults
                    names = [a.arg for a in node.args.kwonlyargs + node.args.args]
                    for arg_name, default in zip(reversed(names), reversed(defaults), strict=False):
                        if arg_name == "action" and default is not None:
                            found.update(s for s in _strings(default) if CODE.match(s))
    return found


def test_every_written_action_has_a_label() -> None:
    written = written_actions()
    # the scan sees each kind of writer: a default argument, a keyword, a positional, an if
    assert {"catalogue.edit", "visits.export", "kiosk.exit", "staff.deactivate"} <= written
    assert {"auth.sign_out", "ticket.reprint", "service.resume"} <= written
    missing = sorted(written - set(ACTION_LABELS))
    assert not missing, f"add a label to kiosk.audit.ACTION_LABELS for {missing}"


@pytest.mark.parametrize("locale", LOCALES)
def test_labels_are_translated(locale: str) -> None:
    loc = Catalogs().localizer(locale)
    for code, msgid in ACTION_LABELS.items():
        text = loc.tr(msgid)
        assert text and text != code
        if locale != "en":
            assert text != msgid, f"{code}: {msgid!r} is not translated to {locale}"


def test_an_unknown_action_shows_its_code() -> None:
    assert action_label("catalogue.edit") == ACTION_LABELS["catalogue.edit"]
    assert action_label("old.thing") == "old.thing"
