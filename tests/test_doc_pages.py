"""The prose pages of the documentation run as written.

Each ```python block of a page runs, in the page's order, in one namespace per page and in an
empty folder (a block may write a file for the next one), so a block may use what an earlier one
defined; the blocks carry their own ``assert`` lines, each expected number derived in a comment
beside it. A block that cannot run here (it needs a Spark session) is preceded by a line
``<!-- not run: why -->`` (invisible in the site) and skipped; there are few, each says why. Each ```console block's ``$ chomage-rules …`` lines run
in order, in one empty folder per page, through ``python -m chomage_rules`` (this tree), and must
exit with 0; the lines a block shows under a command are part of what it printed.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"^(<!-- not run: [^\n]+ -->\n)?```(\w+)\n(.*?)^```", re.DOTALL | re.MULTILINE)
COMMAND = "$ "
NOT_RUN = {"population.md": 1}  # the Spark recipe (tests/population/test_cluster.py runs it)
# pages whose python blocks another test runs, and which one
RUN_ELSEWHERE = {"testing.md": "tests/test_docs.py runs its test file under pytest"}
# warnings a page's blocks raise from inside a dependency, not from this library: dask 2026.8's
# read_parquet and set_index call pandas 3.1's deprecated set_index(inplace=True)
FOREIGN_WARNINGS = {"population.md": r"The inplace keyword in DataFrame\.set_index is deprecated"}

# every prose page, with how many python blocks and console commands it holds at least (a page
# that lost its examples, or a block the pattern no longer finds, fails rather than passing empty)
PAGES = {
    "index.md": (0, 0),
    "getting-started.md": (3, 5),
    "fr/getting-started.md": (3, 5),
    "nl/getting-started.md": (3, 5),
    "concepts.md": (7, 0),
    "rulebook.md": (12, 0),
    "explanation.md": (6, 4),
    "exceptions.md": (10, 0),
    "parameters.md": (3, 0),
    "population.md": (6, 0),
    "schemas.md": (2, 0),
    "process.md": (0, 0),
}


def _blocks(page: str, kind: str) -> list[str]:
    """The page's blocks of one kind, each preceded by as many empty lines as come before it in
    the page, so that a failing line is reported at its line of the page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return [
        "\n" * text.count("\n", 0, match.start(3)) + match.group(3)
        for match in BLOCK.finditer(text)
        if match.group(2) == kind and not match.group(1)
    ]


def _not_run(page: str) -> int:
    return sum(bool(match.group(1)) for match in BLOCK.finditer((DOCS / page).read_text("utf-8")))


def test_a_block_marked_not_run_is_left_out() -> None:
    text = "<!-- not run: no Spark -->\n```python\nspark()\n```\n```python\nran()\n```\n"
    assert [m.group(3) for m in BLOCK.finditer(text) if not m.group(1)] == ["ran()\n"]


def test_every_page_with_python_blocks_is_run_and_few_are_marked_not_run() -> None:
    pages = {
        page.relative_to(DOCS).as_posix()
        for page in DOCS.rglob("*.md")
        if "```python" in page.read_text(encoding="utf-8")
    }
    assert pages - set(PAGES) - set(RUN_ELSEWHERE) == set()
    assert {page: _not_run(page) for page in PAGES if _not_run(page)} == NOT_RUN


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_python_block_of_the_page_runs(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the files a block writes, for the next block
    blocks = _blocks(page, "python")
    assert len(blocks) >= PAGES[page][0]
    namespace: dict[str, object] = {"__name__": f"docs.{page}"}
    with warnings.catch_warnings():
        if page in FOREIGN_WARNINGS:
            warnings.filterwarnings("ignore", message=FOREIGN_WARNINGS[page])
        for block in blocks:
            exec(compile(block, str(DOCS / page), "exec"), namespace)  # our own docs


def _commands(block: str) -> list[tuple[str, list[str]]]:
    """Each ``$ `` line of a console block and the lines shown under it (its output)."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith(COMMAND):
            commands.append((line.removeprefix(COMMAND), []))
        elif commands and line.strip() and line.strip() != "...":
            commands[-1][1].append(line)
    return commands


def test_a_console_block_is_read_as_commands_and_their_output() -> None:
    block = "$ chomage-rules example > case.json\n$ chomage-rules compute case.json\nA\n...\n  B\n"
    assert _commands(block) == [
        ("chomage-rules example > case.json", []),
        ("chomage-rules compute case.json", ["A", "  B"]),
    ]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_command_of_the_page_runs(page: str, tmp_path: Path) -> None:
    commands = [command for block in _blocks(page, "console") for command in _commands(block)]
    assert len(commands) >= PAGES[page][1]
    program = f"{shlex.quote(sys.executable)} -m chomage_rules"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}  # this tree, wherever pytest runs
    for command, shown in commands:
        assert command.startswith("chomage-rules "), f"{page}: only chomage-rules runs: {command}"
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", command.replace("chomage-rules", program)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"{page}: {command}\n{done.stderr}"
        for line in shown:
            assert line in done.stdout, f"{page}: {command} shows {line!r}:\n{done.stdout}"


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_page_links_only_to_pages_of_the_site(page: str) -> None:
    """mkdocs --strict fails on a link to a file outside docs/; a link to another page is a
    relative ``.md`` link, with an anchor or not, or an anchor of the same page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    links = [link for link in LINK.findall(text) if not link.startswith(("https://", "#"))]
    for link in links:
        target = (DOCS / page).parent / link.split("#")[0]
        assert target.suffix == ".md", f"{page}: {link}"
        assert target.resolve().is_relative_to(DOCS.resolve()), f"{page}: {link}"
