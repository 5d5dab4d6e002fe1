"""The code's shape, read from the source with `ast`: imports run one way (extraction <- warehouse
<- assets <- pipelines), no two modules import each other (directly or round a loop), and no
module writes os.environ (configuration travels as arguments and resources)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO_ROOT

# Lower layers never import higher ones; packages on one layer do not import each other.
LAYERS = {"extraction": 0, "synth": 0, "warehouse": 1, "assets": 2, "pipelines": 3}
CHECKED = (*LAYERS, "bench")


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in CHECKED:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            parts = path.relative_to(REPO_ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imported_names(
    module: str, path: Path, modules: frozenset[str] = frozenset()
) -> Iterator[tuple[int, str]]:
    """(line, module name) of every import in a file, in functions too. `from X import Y` imports
    the module X.Y when there is one (and X's own code only otherwise)."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: len(module.split(".")) - node.level + is_package]
                base = ".".join([*parent, base] if base else parent)
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            found = [name for name in submodules if name in modules]
            if len(found) < len(submodules):
                yield node.lineno, base
            for name in found:
                yield node.lineno, name


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    names = frozenset(modules)
    return {
        module: {name for _, name in imported_names(module, path, names) if name in names}
        - {module}
        for module, path in modules.items()
    }


def test_imports_run_from_pipelines_down_to_extraction() -> None:
    wrong = []
    for module, path in project_modules().items():
        own = module.split(".")[0]
        if own not in LAYERS:
            continue
        for line, name in imported_names(module, path):
            other = name.split(".")[0]
            if other in LAYERS and other != own and LAYERS[other] >= LAYERS[own]:
                wrong.append(f"{path.relative_to(REPO_ROOT)}:{line} imports {name}")
    assert wrong == []


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's strongly
    connected components of two or more modules)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_no_modules_import_each_other() -> None:
    assert import_cycles(import_graph()) == []


def _writes_environ(node: ast.AST) -> bool:
    def is_environ(target: ast.AST) -> bool:
        return (
            isinstance(target, ast.Attribute)
            and target.attr == "environ"
            and isinstance(target.value, ast.Name)
            and target.value.id == "os"
        )

    if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
        targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
        return any(isinstance(t, ast.Subscript) and is_environ(t.value) for t in targets)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        method = node.func
        if is_environ(method.value):
            return method.attr in {"setdefault", "update", "pop", "popitem", "clear"}
        return (
            isinstance(method.value, ast.Name)
            and method.value.id == "os"
            and method.attr in {"putenv", "unsetenv"}
        )
    return False


def test_nothing_writes_the_environment() -> None:
    writes = [
        f"{path.relative_to(REPO_ROOT)}:{node.lineno}"
        for path in project_modules().values()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _writes_environ(node)
    ]
    assert writes == []


def test_the_checks_would_catch_what_they_look_for(tmp_path: Path) -> None:
    # The detectors themselves, on code that does what the rules forbid.
    bad = ast.parse(
        "import os\nos.environ['X'] = '1'\nos.environ.setdefault('Y', '2')\nos.putenv('Z', '3')\n"
    )
    assert sum(_writes_environ(node) for node in ast.walk(bad)) == 3
    fine = ast.parse("import os\nenv = {**os.environ, 'X': '1'}\nos.environ.get('X')\n")
    assert not any(_writes_environ(node) for node in ast.walk(fine))
    module = tmp_path / "build.py"
    module.write_text(
        "from . import cli\nfrom ..warehouse import lock\nfrom .output import rows\n",
        encoding="utf-8",
    )
    known = frozenset({"pipelines.cli", "pipelines.output", "warehouse.lock"})
    loop = {"pipelines.build": {"pipelines.cli"}, "pipelines.cli": {"pipelines.build"}, "x": set()}
    assert import_cycles(loop) == [["pipelines.build", "pipelines.cli"]]
    assert [name for _, name in imported_names("pipelines.build", module, known)] == [
        "pipelines.cli",
        "warehouse.lock",
        "pipelines.output",
    ]
