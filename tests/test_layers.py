"""The layers of the code hold, and nothing imports in a circle (issue 11)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "carecoop"


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), so a cycle is named whole."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if not imported.startswith("carecoop"):
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for module in sorted(graph.modules):
        if module.startswith("carecoop") and module not in index:
            visit(module)
    return found


def test_no_import_cycles_even_inside_functions() -> None:
    # grimp reads every import statement, at the top of a file, inside a function or under
    # TYPE_CHECKING alike, so a cycle hidden by a late import is still found.
    graph = grimp.build_graph("carecoop", include_external_packages=False)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("carecoop.a", "carecoop.b", "carecoop.c"):
        graph.add_module(name)
    graph.add_import(importer="carecoop.a", imported="carecoop.b")
    graph.add_import(importer="carecoop.b", imported="carecoop.a")
    graph.add_import(importer="carecoop.b", imported="carecoop.c")
    assert _cycles(graph) == [["carecoop.a", "carecoop.b"]]


def test_no_importlib_for_our_own_modules() -> None:
    # An import through importlib is an edge the checkers above cannot see.
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Name):
                names = [node.id]
            else:
                continue
            if any(name.startswith("importlib") or name == "__import__" for name in names):
                offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert sorted(set(offenders)) == []


def test_yml_files_count_everywhere(tmp_path: Path) -> None:
    """One rule finds module files: `modules validate` and `--modules DIR` agree on `.yml`."""
    from helpers import CliRunner

    from carecoop.cli.app import app
    from carecoop.content.loader import content_files

    folder = tmp_path / "adapted"
    folder.mkdir()
    bundled = PACKAGE.parent / "modules" / "think-carecoop"
    first = bundled / "01-care-in-our-lives.yaml"
    (folder / f"{first.stem}.yml").write_text(
        first.read_text(encoding="utf-8").replace("title:", "title: Adapted —", 1), encoding="utf-8"
    )
    assert content_files(folder) == [folder / f"{first.stem}.yml"]
    runner = CliRunner()
    checked = runner.invoke(app, ["modules", "validate", str(folder)])
    assert checked.stdout == "OK: 1 file valid.\n", checked.output
    listed = runner.invoke(app, ["--modules", str(folder), "modules", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert "Adapted —" in listed.stdout
