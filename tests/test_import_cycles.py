"""Imports go one way: the domain and printing never import the UI, no package has
a module-level cycle, and no app imports the folder of another (README, Layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.import_cycles import FUNCTION, MODULE, build_graph, find_cycles, main

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kiosk", "printing", "ui", "cli")
GRAPH = build_graph(PACKAGES, ROOT)


def _inside(cycle_modules: tuple[str, ...], package: str) -> bool:
    return any(m == package or m.startswith(f"{package}.") for m in cycle_modules)


@pytest.mark.parametrize("package", ["kiosk", "printing", "ui", "cli"])
def test_no_module_level_cycle(package: str) -> None:
    cycles = [c for c in find_cycles(GRAPH) if c.level == MODULE and _inside(c.modules, package)]
    assert not cycles, "\n".join(c.describe(GRAPH) for c in cycles)


@pytest.mark.parametrize("package", ["kiosk", "printing"])
def test_no_ui_or_widgets(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if words[:1] not in (["import"], ["from"]) or len(words) < 2:
                continue
            target = words[1]
            if target in ("ui", "PySide6.QtWidgets") or target.startswith("ui."):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
            if target == "PySide6" and "QtWidgets" in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_counts_module_and_function_level_imports_apart(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("def f():\n    from pkg.a import x\n")
    (package / "c.py").write_text("from . import d\n")
    (package / "d.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.c\n"
    )
    graph = build_graph(["pkg"], tmp_path)
    assert graph.count(MODULE) == 3
    assert graph.count(FUNCTION) == 1
    cycles = {c.modules: c.level for c in find_cycles(graph)}
    assert cycles == {("pkg.c", "pkg.d"): MODULE, ("pkg.a", "pkg.b"): FUNCTION}
    assert main(["pkg", "--root", str(tmp_path)]) == 1


def test_reports_each_cycle(capsys: pytest.CaptureFixture[str]) -> None:
    main([*PACKAGES, "--root", str(ROOT)])
    out = capsys.readouterr().out
    assert "module-level and" in out
    for cycle in find_cycles(GRAPH):
        assert " ↔ ".join(cycle.modules) in out


#: The app folders of ui/, and which other app each may import: the kiosk hosts the
#: admin panel in its admin mode; nothing else crosses.
APPS = {"customer": {"admin"}, "admin": set(), "console": set(), "display": set()}


def _app(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "ui" and parts[1] in APPS else None


def test_no_app_imports_the_folder_of_another() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        own = _app(module)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if words[:1] not in (["import"], ["from"]) or len(words) < 2:
                continue
            target = _app(words[1])
            if target is None or target == own:
                continue
            if own is None or target not in APPS[own]:  # ui/common imports no app at all
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
