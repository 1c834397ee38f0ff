"""Fuzzed inputs: whatever a file or a field holds, the answer is success or a clear
error that names the place, never a traceback; and a failed import changes nothing.

Property-based (hypothesis): random YAML and TOML documents, mutations of the real
catalogue and settings, and random printer URLs. The example counts are kept small
enough for CI; ``HYPOTHESIS_PROFILE=long`` runs a hundred times more.
"""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.catalogue.loader import CatalogueError, default_catalogue_files, load_catalogue
from kiosk.settings import PrinterSection, SettingsError, load_settings
from printing.backends import PrinterConfigError, parse_printer_url

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=15_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True),
    st.text(max_size=40),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
REAL_CATALOGUE: dict[str, Any] = {}
for _path in default_catalogue_files():
    REAL_CATALOGUE.update(yaml.safe_load(_path.read_text(encoding="utf-8")))


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


CATALOGUE_PATHS = _paths(REAL_CATALOGUE)[1:]


def _mutated(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    node: Any = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["random", "mutated"])
@given(data=st.data())
def test_a_catalogue_file_loads_or_says_where_it_is_wrong(
    kind: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if kind == "random":
        document = data.draw(VALUES)
    else:
        path = data.draw(st.sampled_from(CATALOGUE_PATHS))
        document = _mutated(REAL_CATALOGUE, path, data.draw(VALUES))
    file = _write(tmp_path_factory.mktemp("cat"), "catalogue.yaml", yaml.safe_dump(document))
    try:
        load_catalogue([file])
    except CatalogueError as exc:
        assert exc.problems and all(str(file) in p or "catalogue" in p for p in exc.problems)


@given(text=st.text(max_size=300))
def test_any_text_as_a_catalogue_file(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    file = _write(tmp_path_factory.mktemp("cat"), "catalogue.yaml", text)
    try:
        load_catalogue([file])
    except CatalogueError as exc:
        assert exc.problems and str(file) in "\n".join(exc.problems)


SETTING_KEYS = {
    "kiosk": ["id", "branch_name", "data_dir"],
    "database": ["url"],
    "printer": ["url", "timeout_seconds", "profile"],
    "display": ["idle_seconds", "high_contrast", "languages", "default_language"],
    "business": ["zone", "day_reset_hour"],
    "queue": ["priority_ratio"],
}
TOML_VALUES = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.lists(st.text(max_size=8), max_size=3),
)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


@given(data=st.data())
def test_a_settings_file_loads_or_names_the_field(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    section = data.draw(st.sampled_from(sorted(SETTING_KEYS)))
    key = data.draw(st.sampled_from(SETTING_KEYS[section]))
    value = data.draw(TOML_VALUES)
    tmp = tmp_path_factory.mktemp("settings")
    text = f'[kiosk]\ndata_dir = "{tmp}"\n' if section != "kiosk" else ""
    text += f"[{section}]\n{key} = {_toml_value(value)}\n"
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return  # the strategy wrote something TOML itself refuses: covered below
    file = _write(tmp, "kiosk.toml", text)
    try:
        load_settings(file)
    except SettingsError as exc:
        message = str(exc)
        assert str(file) in message and key in message


@given(text=st.text(max_size=200))
def test_any_text_as_a_settings_file(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    file = _write(tmp_path_factory.mktemp("settings"), "kiosk.toml", text)
    try:
        load_settings(file)
    except SettingsError as exc:
        assert str(file) in str(exc)


URL_PARTS = st.sampled_from(
    ["preview", "file:", "tcp://", "usb://", "serial://", "cups://", "network://", "", "://"]
)


@given(scheme=URL_PARTS, rest=st.text(max_size=60))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_printer_url_parses_or_gives_a_reason(scheme: str, rest: str) -> None:
    try:
        parse_printer_url(scheme + rest, PrinterSection())
    except PrinterConfigError as exc:
        assert str(exc)


@pytest.fixture(scope="module")
def catalogue_admin(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from kiosk.bootstrap import open_database
    from kiosk.catalogue_admin import CatalogueAdmin
    from kiosk.settings import settings_from_mapping
    from kiosk.staff import StaffDirectory

    data_dir = tmp_path_factory.mktemp("import")
    db = open_database(settings_from_mapping({"kiosk": {"data_dir": str(data_dir)}}))
    manager = StaffDirectory(db).create_first_manager("409217")
    yield CatalogueAdmin(db, "fuzz"), manager, data_dir
    db.dispose()


@given(data=st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_failed_import_changes_nothing(catalogue_admin: Any, data: st.DataObject) -> None:
    from kiosk.catalogue_admin import CatalogueRejected

    admin, manager, data_dir = catalogue_admin
    before, version = admin.export_yaml(manager), admin.version()
    path = data.draw(st.sampled_from(CATALOGUE_PATHS))
    document = _mutated(REAL_CATALOGUE, path, data.draw(VALUES))
    file = _write(data_dir, "import.yaml", yaml.safe_dump(document))
    try:
        admin.import_files(manager, [file])
    except (CatalogueError, CatalogueRejected):
        assert admin.export_yaml(manager) == before and admin.version() == version
