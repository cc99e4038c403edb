"""The public API is what ``__all__`` lists, every name of it imports, and the README, the docs and
the examples import from ``chomage_rules`` nothing else; the optional extras say which to install."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import chomage_rules

ROOT = Path(__file__).parent.parent
IMPORT = re.compile(r"from chomage_rules import\s+(\([^)]*\)|[^\n]*)")


def _texts() -> dict[str, str]:
    """Every text a reader copies code from: the README, the docs, the examples."""
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    paths += sorted((ROOT / "examples").glob("*.py"))
    texts = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in paths}
    for notebook in sorted((ROOT / "examples").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
        texts[str(notebook.relative_to(ROOT))] = "\n".join(code)
    return texts


def _imported_names(text: str) -> list[str]:
    """The names of every ``from chomage_rules import …`` (one line or in parentheses)."""
    names = []
    for match in IMPORT.finditer(text):
        group = match.group(1).strip().strip("()")
        for line in group.splitlines():
            for part in line.split("#")[0].split(","):
                name = part.split(" as ")[0].strip()
                if name:
                    names.append(name)
    return names


def test_the_checker_reads_one_line_and_parenthesised_imports() -> None:
    text = (
        "from chomage_rules import A, B as C  # a comment, D\n"
        "from chomage_rules.population import E\n"
        "from chomage_rules import (\n    F,  # why\n    G,\n)\n"
    )
    assert _imported_names(text) == ["A", "B", "F", "G"]


def test_every_name_of_all_imports() -> None:
    assert len(set(chomage_rules.__all__)) == len(chomage_rules.__all__)
    assert chomage_rules.__all__ == sorted(chomage_rules.__all__)
    for name in chomage_rules.__all__:
        assert getattr(chomage_rules, name) is not None, name
    assert set(chomage_rules.__all__) <= set(dir(chomage_rules))


def test_the_population_functions_import_from_the_package() -> None:
    from chomage_rules import compare, compute_population, frame_from_cases  # noqa: PLC0415
    from chomage_rules.population import (  # noqa: PLC0415
        compare as population_compare,
    )
    from chomage_rules.population import (  # noqa: PLC0415
        compute_population as population_compute,
    )
    from chomage_rules.population import (  # noqa: PLC0415
        frame_from_cases as population_frame_from_cases,
    )

    assert compare is population_compare
    assert compute_population is population_compute
    assert frame_from_cases is population_frame_from_cases
    with pytest.raises(AttributeError, match="no attribute 'compute_populaton'"):
        chomage_rules.compute_populaton  # noqa: B018 - a misspelt name


def test_the_docs_import_only_the_public_api() -> None:
    found = {path: _imported_names(text) for path, text in _texts().items()}
    assert sum(len(names) for names in found.values()) >= 20  # the checker finds them
    assert "frame_from_cases" in found["docs/population.md"]
    for path, names in found.items():
        for name in names:
            assert name in chomage_rules.__all__, f"{path}: from chomage_rules import {name}"


def test_the_docs_name_the_undocumented_api() -> None:
    """``compute_months`` and ``ParameterSet.names/value/version`` are shown with an example."""
    texts = _texts()
    readme, parameters = texts["README.md"], texts["docs/parameters.md"]
    assert "compute_months(" in readme
    for method in (".names()", ".value(", ".version("):
        assert method in parameters, method


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_testing_package_without_hypothesis_names_its_extra() -> None:
    # hypothesis hidden as if not installed: None in sys.modules makes its import fail
    done = _run(
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import chomage_rules.testing\n"
        "except ImportError as error:\n"
        "    print(error)\n"
        "import chomage_rules\n"
        "chomage_rules.compute_month\n"  # the core still works
    )
    assert done.returncode == 0, done.stderr
    assert "pip install 'chomage-rules[testing]'" in done.stdout
    assert "hypothesis" in done.stdout


@pytest.mark.parametrize("hidden", ["numpy", "pandas"])
def test_the_population_package_without_numpy_or_pandas_names_its_extra(hidden: str) -> None:
    done = _run(
        f"import sys; sys.modules[{hidden!r}] = None\n"
        "import chomage_rules\n"
        "for name in ('chomage_rules.population', 'frame_from_cases', 'compare'):\n"
        "    try:\n"
        "        if name.startswith('chomage_rules.'):\n"
        "            import chomage_rules.population\n"
        "        else:\n"
        "            getattr(chomage_rules, name)\n"
        "    except ImportError as error:\n"
        "        print(name, '->', error)\n"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    assert all("pip install 'chomage-rules[population]'" in line for line in lines)


def test_the_package_import_loads_neither_pandas_nor_numpy() -> None:
    done = _run(
        "import sys, chomage_rules\n"
        "from chomage_rules import Worker, compute_month, compute_months\n"
        "dir(chomage_rules)\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'hypothesis') if m in sys.modules))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_license_is_an_spdx_expression() -> None:
    """A license table, or a license classifier beside the expression, made setuptools print
    nine BuildBackendWarning blocks on every install."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    assert project["project"]["license-files"] == ["LICENSE"]
    assert not [c for c in project["project"]["classifiers"] if c.startswith("License ::")]
    # the SPDX form needs setuptools 77 (PEP 639)
    assert project["build-system"]["requires"] == ["setuptools>=77.0.1"]
