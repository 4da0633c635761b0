"""The shape of the package (issue 10): the bars that keep one obvious place for each kind of change.

- no module under lexcheck/ over 600 lines;
- no requirement id spelled in Python (which requirements a rule concerns is catalogue data);
- legal vocabulary of any language lives in lexcheck/lang/<code>/*.yaml: at most 10 Python lines with Cyrillic;
- no import cycle between modules, imports inside functions included (``if TYPE_CHECKING:`` imports,
  which never run, excepted);
- the layers point one way: rendering (``lexcheck.report``) may use the review, the review never uses
  rendering; the safe-file helpers (``lexcheck.files``) use nothing of lexcheck but its errors and version.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lexcheck"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 600
CYRILLIC = re.compile("[\u0400-\u04ff]")
# an id of the catalogue: instrument prefix, a dash, an article number (PAL-3a-acts, COE-26, EU-4-2-...)
REQUIREMENT_ID = re.compile(r"\b(?:PAL|UNTOC|COE|EU|OPSC|P029|UNODC|OHCHR|GR38|UNICEF|NRM)-\d")


def _name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


NAMES = {_name(p): p for p in MODULES}


def test_the_package_is_where_the_tests_look():
    assert "lexcheck" in NAMES and len(NAMES) > 20


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {n} lines (at most {MAX_LINES}): split it by job"


def _code_strings(tree: ast.AST):
    """String constants that are not docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_no_requirement_id_in_python():
    found = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _code_strings(tree):
            if REQUIREMENT_ID.search(node.value):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value[:60]!r}")
    assert not found, "requirement ids belong in the catalogue (standards/*.yaml):\n" + "\n".join(found)


def test_vocabulary_is_data_not_python():
    lines = [
        f"{path.relative_to(PACKAGE)}:{i}"
        for path in MODULES
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CYRILLIC.search(line)
    ]
    assert len(lines) <= 10, f"{len(lines)} Python lines carry Cyrillic letters (at most 10):\n" + "\n".join(
        lines
    )


def _imports(name: str, path: Path) -> set[str]:
    """Modules of the package that ``name`` imports, anywhere in it (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {  # ``if TYPE_CHECKING:`` imports are for annotations and never run
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If)
        and getattr(block.test, "id", getattr(block.test, "attr", "")) == "TYPE_CHECKING"
        for stmt in block.body
        for n in ast.walk(stmt)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level > 1 else base
                base = ".".join(base)
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            # ``from pkg import sub`` imports the submodule when there is one, else the package
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in NAMES else module for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in NAMES:  # ``import lexcheck.law.model.x`` -> the module part
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles():
    graph = {name: _imports(name, path) for name, path in NAMES.items()}
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def _reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [n for n in graph if n == start or n.startswith(start + ".")]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen


def test_layers_point_one_way():
    graph = {name: _imports(name, path) for name, path in NAMES.items()}
    review = _reach(graph, "lexcheck.review")
    assert not {n for n in review if n.startswith("lexcheck.report")}, (
        "lexcheck.review must not use lexcheck.report"
    )
    files = _reach(graph, "lexcheck.files") - {n for n in NAMES if n.startswith("lexcheck.files")}
    assert files <= {"lexcheck.errors", "lexcheck.version"}, f"lexcheck.files uses {sorted(files)}"
