"""docs/cli.md runs as written: its shell blocks, in order, in an empty folder, with the
installed ``chomage-rules``; each text block after a shell block is part of what it printed."""

from __future__ import annotations

import os
import re
import subprocess
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "cli.md"
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    return BLOCK.findall(PAGE.read_text(encoding="utf-8"))


def test_every_command_of_the_page_runs_and_prints_what_it_shows(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PATH": f"{sysconfig.get_path('scripts')}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT / "src"),  # this tree, wherever the tests run from
    }
    blocks = _blocks()
    ran = 0
    for index, (kind, code) in enumerate(blocks):
        if kind != "bash":
            continue
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", code],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{code}\n{done.stderr}"
        ran += 1
        shown = blocks[index + 1] if index + 1 < len(blocks) else ("", "")
        if shown[0] == "text":
            for line in shown[1].splitlines():
                assert line in done.stdout, f"{code}\nshows {line!r}, printed:\n{done.stdout}"
    assert ran >= 10


def test_every_command_has_an_example() -> None:
    commands = {
        match.group(1)
        for kind, code in _blocks()
        if kind == "bash"
        for match in re.finditer(r"chomage-rules (\w+)", code)
    }
    assert commands == {
        "example",
        "compute",
        "parameters",
        "schema",
        "simulate",
        "compare",
        "verify",
    }
