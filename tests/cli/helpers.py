"""Running the command line in-process: ``run(argv)`` gives the exit code, stdout and stderr."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from chomage_rules.cli import main
from chomage_rules.cli.case_file import EXAMPLE

SCREEN_LINES = 24
"""A bad input's message fits on one screen."""


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def with_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def write_case(
    folder: Path, changes: dict[str, Any] | None = None, name: str = "case.json"
) -> Path:
    """The example case, with top-level parts replaced or added, written to ``folder/name``."""
    path = folder / name
    path.write_text(json.dumps({**EXAMPLE, **(changes or {})}), encoding="utf-8")
    return path


def assert_bad_input(result: Run, *expected: str) -> None:
    """Exit code 2, nothing on stdout, a short message naming what is expected, no traceback."""
    assert result.code == 2, result
    assert result.out == ""
    assert "Traceback" not in result.err
    assert len(result.err.splitlines()) <= SCREEN_LINES
    for text in expected:
        assert text in result.err, result.err


# The README's population: ann 2,500.00 a month, 4 economic days, bob 4,500.00, 2 days, both on
# a six-day week, June 2024; net ann 183.97 and bob 113.77 (the README's example), 297.74 in all.
POPULATION = pd.DataFrame(
    {"monthly_wage_cents": [250_000, 450_000], "days_per_week": [6, 6], "days_economic": [4, 2]}
)


def population_csv(
    folder: Path, frame: pd.DataFrame = POPULATION, name: str = "population.csv"
) -> Path:
    """``frame`` written as CSV to ``folder/name``."""
    path = folder / name
    frame.to_csv(path, index=False)
    return path
