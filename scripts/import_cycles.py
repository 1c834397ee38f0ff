"""Find import cycles between the modules of the project's packages.

Reads the source with :mod:`ast` (nothing is imported) and builds two graphs of
module → module edges: imports at module level (including those under ``if
TYPE_CHECKING:``, which count as module level for the reader and the type checker)
and imports inside functions. A cycle made only of module-level edges is an
error: it makes the import order matter. A cycle that needs at least one
function-level edge is reported as a warning: it works, but hides a dependency
that goes the wrong way.

    python scripts/import_cycles.py kiosk printing ui

exits 1 when a module-level cycle exists. Pass ``--root DIR`` to read packages
somewhere other than the current directory.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MODULE = "module"
FUNCTION = "function"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    level: str  # MODULE or FUNCTION
    line: int


@dataclass
class Graph:
    """The modules found and the import edges between them (only inside the packages)."""

    modules: set[str] = field(default_factory=set)
    edges: list[Edge] = field(default_factory=list)

    def count(self, level: str) -> int:
        return sum(1 for e in self.edges if e.level == level)

    def neighbours(self, levels: Iterable[str]) -> dict[str, set[str]]:
        wanted = set(levels)
        out: dict[str, set[str]] = {m: set() for m in self.modules}
        for edge in self.edges:
            if edge.level in wanted and edge.source != edge.target:
                out[edge.source].add(edge.target)
        return out


@dataclass(frozen=True)
class Cycle:
    modules: tuple[str, ...]  # the strongly connected component, sorted
    level: str  # MODULE when module-level edges alone close it, else FUNCTION

    def describe(self, graph: Graph) -> str:
        inside = set(self.modules)
        lines = [f"{self.level}-level cycle: {' ↔ '.join(self.modules)}"]
        for edge in sorted(graph.edges, key=lambda e: (e.source, e.target, e.line)):
            if edge.source in inside and edge.target in inside and edge.source != edge.target:
                lines.append(f"    {edge.source}:{edge.line} → {edge.target} ({edge.level})")
        return "\n".join(lines)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(current: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = current.split(".") if is_package else current.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _known(name: str, modules: set[str]) -> str | None:
    """The longest prefix of ``name`` that is one of ``modules``."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def _imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    """Every import statement with its level: inside a def (or lambda) or not."""

    def walk(node: ast.AST, level: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
        for child in ast.iter_child_nodes(node):
            inner = (
                FUNCTION
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                else level
            )
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, level
            yield from walk(child, inner)

    yield from walk(tree, MODULE)


def imported_names(node: ast.Import | ast.ImportFrom, current: str, is_package: bool) -> list[str]:
    """Fully qualified names an import statement reaches (``from a import b`` → ``a.b``)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = _resolve(current, is_package, node)
    return [f"{base}.{alias.name}" if base else alias.name for alias in node.names]


def build_graph(packages: Sequence[str], root: Path = Path()) -> Graph:
    graph = Graph()
    files: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            name = module_name(path, root)
            files[name] = path
            graph.modules.add(name)
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node, level in _imports(tree):
            for imported in imported_names(node, name, is_package):
                target = _known(imported, graph.modules)
                if target is not None and target != name:
                    graph.edges.append(Edge(name, target, level, node.lineno))
    return graph


def _components(neighbours: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[set[str]] = []
    counter = 0
    for start in sorted(neighbours):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(neighbours[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(neighbours[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def find_cycles(graph: Graph) -> list[Cycle]:
    """Module-level cycles, then the further cycles that function-level imports close."""
    module_level = _components(graph.neighbours([MODULE]))
    cycles = [Cycle(tuple(sorted(c)), MODULE) for c in module_level]
    for component in _components(graph.neighbours([MODULE, FUNCTION])):
        if component not in module_level:
            cycles.append(Cycle(tuple(sorted(component)), FUNCTION))
    return sorted(cycles, key=lambda c: (c.level != MODULE, c.modules))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="+", help="top-level packages to read")
    parser.add_argument("--root", type=Path, default=Path(), help="folder holding them")
    args = parser.parse_args(argv)
    graph = build_graph(args.packages, args.root)
    cycles = find_cycles(graph)
    print(
        f"{len(graph.modules)} modules, {graph.count(MODULE)} module-level and "
        f"{graph.count(FUNCTION)} function-level imports between them"
    )
    for cycle in cycles:
        print(cycle.describe(graph))
    errors = sum(1 for c in cycles if c.level == MODULE)
    print(f"{errors} module-level cycle(s) (errors), {len(cycles) - errors} function-level")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
