"""chomage-rules parameters: the figures in force on a day, one parameter's history, the review
list; as a table or as JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from chomage_rules import ParameterSet, report
from tests.cli.helpers import assert_bad_input, run


def _row(table: str, name: str) -> list[str]:
    for line in table.splitlines():
        cells = line.split()
        if cells and cells[0] == name:
            return cells
    raise AssertionError(f"no row for {name}")


def test_the_figures_in_force_on_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "parameters", "--on", "2024-06-01")
    assert result.code == 0, result.err
    assert result.out.startswith("Figures in force on 2024-06-01")
    # the ceiling of May 2024 (ONEM's page of 12 July 2024), official, with its two pages
    assert _row(result.out, "wage.monthly_ceiling")[:5] == [
        "wage.monthly_ceiling",
        "3365.16",
        "EUR",
        "per",
        "month",
    ]
    assert "2024-05-01  official" in result.out
    assert "rate.energy_crisis" in result.out and "not in force" in result.out
    assert "<https://www.onem.be/" in result.out  # the sources, listed once, numbered
    # every parameter has its row
    for name in ParameterSet.default().names():
        _row(result.out, name)


def test_the_figures_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "parameters", "--on", "2026-12-01", "--format", "json")
    data = json.loads(result.out)
    figures = {figure["name"]: figure for figure in data["figures"]}
    ceiling = figures["wage.monthly_ceiling"]
    # the derived ceiling of March 2026 (3,432.46 × 1.02 = 3,501.1092 → 3,501.11), unverified
    assert ceiling["value"] == "3501.11" and ceiling["confidence"] == "derived"
    assert ceiling["unverified"] and ceiling["unit"] == "EUR per month"
    assert ceiling["sources"]


def test_one_parameters_history(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "parameters", "--name", "supplement.amount", "--on", "2024-06-01")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("supplement.amount: ")
    versions = ParameterSet.default().parameter("supplement.amount").versions
    rows = [line for line in lines if line[:3].strip() in ("", "*") and line[3:7].isdigit()]
    assert len(rows) == len(versions)
    # the version in force on 2024-06-01 is marked: 5.10 from 2024-05-01
    assert [row.split()[1:4] for row in rows if row.startswith("*")] == [
        ["2024-05-01", "2025-01-31", "5.10"]
    ]
    assert "- (not in force)" in result.out  # before 2024 the supplement did not exist
    assert "Notes" in result.out and "Sources" in result.out


def test_one_parameters_history_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "parameters", "--name", "wage.monthly_ceiling", "--format", "json")
    data = json.loads(result.out)
    versions = ParameterSet.default().parameter("wage.monthly_ceiling").versions
    assert [v["from"] for v in data["versions"]] == [v.valid_from.isoformat() for v in versions]
    assert data["versions"][-1]["until"] is None and data["series"] == "social_benefits"


def test_the_review_list(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "parameters", "--report", "--on", "2026-12-01")
    assert result.code == 0, result.err
    assert result.out == str(report(on=date(2026, 12, 1)))
    as_json = run(capsys, "parameters", "--report", "--on", "2026-12-01", "--format", "json")
    assert json.loads(as_json.out) == report(on=date(2026, 12, 1)).as_dict()


def test_today_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "parameters")
    assert result.code == 0
    assert result.out.startswith(f"Figures in force on {date.today().isoformat()}")


def test_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(
        run(capsys, "parameters", "--name", "wage.ceiling"),
        "unknown parameter 'wage.ceiling'; did you mean 'wage.monthly_ceiling'?",
    )
    assert_bad_input(run(capsys, "parameters", "--on", "2024-13-01"), "'2024-13-01' is not a date")
    assert_bad_input(run(capsys, "parameters", "--on", "01/06/2024"), "is not a date")
    assert_bad_input(
        run(capsys, "parameters", "--name", "rate.standard", "--report"), "not allowed with"
    )
