"""Load catalogue YAML files, validate them and report every problem with its place.

A problem reads ``services.yaml:48: services[3].materials[0].text.zh_Hant: missing``:
the file, the line where the nearest enclosing item starts, and the path.
Run ``python -m kiosk.catalogue.loader [FILE ...]`` (or ``kiosk catalogue check``)
to see them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.validate import catalogue_problems, catalogue_warnings

if TYPE_CHECKING:
    import yaml

PathPart = str | int


def default_catalogue_files() -> list[Path]:
    folder = Path(__file__).resolve().parents[2] / "assets" / "catalogue"
    return [folder / "services.yaml", folder / "questionnaire.yaml"]


class CatalogueError(Exception):
    """A catalogue that cannot be used; ``problems`` lists each one with its place."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def format_path(parts: Iterable[PathPart]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_index(
    node: yaml.Node, prefix: tuple[PathPart, ...], out: dict[tuple[PathPart, ...], int]
) -> None:
    import yaml

    out[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _line_index(value, (*prefix, str(key.value)), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_index(item, (*prefix, index), out)


class _Source:
    """One parsed file: its data and the line of every path in it."""

    def __init__(self, path: Path) -> None:
        import yaml  # files only: the kiosk reads its stored catalogue without it

        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogueError([f"{path}: cannot be read ({exc.strerror})"]) from None
        except UnicodeDecodeError:
            raise CatalogueError([f"{path}: is not UTF-8 text"]) from None
        try:
            node = yaml.compose(text)
            self.data: Any = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark else str(path)
            reason = getattr(exc, "problem", None) or str(exc)
            raise CatalogueError([f"{where}: not valid YAML ({reason})"]) from None
        if not isinstance(self.data, dict):
            raise CatalogueError(
                [f"{path}: expected a mapping with 'services' and/or 'questionnaire'"]
            )
        self.lines: dict[tuple[PathPart, ...], int] = {}
        if node is not None:
            _line_index(node, (), self.lines)

    def place(self, parts: tuple[PathPart, ...]) -> str:
        for end in range(len(parts), -1, -1):
            if parts[:end] in self.lines:
                return f"{self.path}:{self.lines[parts[:end]]}"
        return str(self.path)


def _pydantic_problem(error: Mapping[str, Any]) -> tuple[tuple[PathPart, ...], str]:
    parts = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = error["type"]
    if kind == "missing":
        return parts, "missing"
    if kind == "extra_forbidden":
        return parts, "unknown field"
    message = str(error["msg"]).removeprefix("Value error, ")
    return parts, message[:1].lower() + message[1:]


def parse_catalogue(data: Mapping[str, Any], place: Any = None) -> Catalogue:
    """Validate already-parsed data; ``place(parts)`` names where a path came from."""
    try:
        catalogue = Catalogue.model_validate(dict(data))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            parts, message = _pydantic_problem(error)
            prefix = f"{place(parts)}: " if place else ""
            problems.append(f"{prefix}{format_path(parts)}: {message}")
        raise CatalogueError(problems) from None
    problems = catalogue_problems(catalogue)
    if problems:
        raise CatalogueError(problems)
    return catalogue


def load_catalogue(paths: Sequence[Path] | None = None) -> Catalogue:
    """Read, merge (by top-level key) and validate catalogue files."""
    sources = [_Source(Path(p)) for p in (paths or default_catalogue_files())]
    merged: dict[str, Any] = {}
    owner: dict[str, _Source] = {}
    for source in sources:
        for key, value in source.data.items():
            if key in owner:
                raise CatalogueError(
                    [f"{source.path}: '{key}' is already defined in {owner[key].path}"]
                )
            merged[key], owner[key] = value, source

    def place(parts: tuple[PathPart, ...]) -> str:
        if parts and isinstance(parts[0], str) and parts[0] in owner:
            return owner[parts[0]].place(parts)
        return ", ".join(str(s.path) for s in sources)

    return parse_catalogue(merged, place)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        catalogue = load_catalogue([Path(a) for a in args] or None)
    except CatalogueError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)  # noqa: T201 - command-line report
        return 1
    print(  # noqa: T201 - command-line report
        f"OK: {len(catalogue.services)} services, {len(catalogue.questionnaire.questions)} questions"
    )
    for warning in catalogue_warnings(catalogue):
        print(f"warning: {warning}")  # noqa: T201 - command-line report
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
