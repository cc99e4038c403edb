"""The layers of the package, and the size of its functions (issue 8: "layers that show").

Imports point down: ``core`` → ``parameters`` → ``explain`` (steps and the catalogue) → ``rules``
→ ``kernel`` → ``case`` → ``population`` and ``testing`` → ``plot`` (drawings for a notebook)
→ ``cli`` (the command line, above everything it runs), never back up. No rule imports the
rendering code. Every function of ``src/`` is at most 60 lines (ruff's branch and statement
limits, PLR0912 and PLR0915, are on as well).
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "chomage_rules"
LAYERS = (
    "core",
    "parameters",
    "explain",
    "rules",
    "kernel",
    "case",
    "population",
    "testing",
    "plot",
    "cli",
)
# population and testing are side by side at the top: neither imports the other
SIDE_BY_SIDE = {("population", "testing"), ("testing", "population")}
MAX_FUNCTION_LINES = 60


def _modules() -> list[tuple[str, Path]]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append((".".join(parts), path))
    return names


def _imports(module: str, path: Path) -> set[str]:
    """Every chomage_rules module ``module`` imports, at the top or inside a function."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("chomage_rules.")}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_the_layers_are_all_there() -> None:
    layers = {_layer(module) for module, _ in _modules()}
    assert layers - {None} == set(LAYERS)


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_imports_point_down(module: str, path: Path) -> None:
    own = _layer(module)
    if own is None:  # the package's __init__: the public API, which re-exports every layer
        return
    for target in _imports(module, path):
        layer = _layer(target)
        if layer is None or layer == own:
            continue
        assert (own, layer) not in SIDE_BY_SIDE, f"{module} imports {target}"
        assert LAYERS.index(layer) < LAYERS.index(own), f"{module} imports {target}, a layer above"


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_no_rule_imports_the_rendering(module: str, path: Path) -> None:
    if _layer(module) not in ("core", "parameters", "rules", "kernel"):
        return
    assert not any(t.startswith("chomage_rules.explain.render") for t in _imports(module, path))


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    # the check above would pass trivially if _imports found nothing: it must see these
    path = tmp_path / "daily_wage.py"
    path.write_text("from ..kernel import KernelInputs\nfrom .. import case\n")
    found = _imports("chomage_rules.rules.daily_wage", path)
    assert {"chomage_rules.kernel", "chomage_rules.case"} <= found


def test_functions_are_short() -> None:
    long = []
    for module, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {length} lines")
    assert not long, long
