"""chomage-rules compare: a population file under the shipped figures and a reform, through the
streaming compare_file, each row's change written and the summary printed (issue 12, item 2)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from chomage_rules import ParameterSet, compare
from tests.cli.helpers import POPULATION, assert_bad_input, population_csv, run

FRAME = POPULATION  # ann and bob, June 2024 (tests/cli/helpers.py)
MONTH = ("--year", "2024", "--month", "6")


def test_a_reform_beside_the_population(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = population_csv(tmp_path)
    result = run(capsys, "compare", str(source), *MONTH, "--set", "wage.monthly_ceiling=3600.00")
    assert result.code == 0, result.err
    # bob's 4,500.00 is capped at 3,600.00 instead of 3,365.16: 3,600 / 26 × 60 % = 83.0769… →
    # 83.08 a day instead of 3,365.16 / 26 × 60 % = 77.66; his 2 days are 2 units (a six-day
    # week): 2 × 5.42 = 10.84 more gross, 26.75 % of which, 2.8997 → 2.90, is withheld:
    # +7.94 net. ann's 2,500.00 is under both ceilings: unchanged.
    assert "Reform: the shipped figures with wage.monthly_ceiling=3600.00" in result.out
    assert "payment_body            386.08 ->           396.92  (+10.84)" in result.out
    assert "Workers: 1 gain, 0 lose, 1 unchanged (of 2)" in result.out
    assert "100% +7.94" in result.out
    written = pd.read_csv(tmp_path / "population.compare.csv")
    assert list(written["net_total_change_cents"]) == [0, 794]
    # the same rows and summary as compare() on the table
    reform = ParameterSet.default().override({"wage.monthly_ceiling": "3600.00"})
    expected = compare(FRAME, 2024, 6, ParameterSet.default(), reform)
    assert list(written["net_total_change_cents"]) == list(expected.rows["net_total_change_cents"])
    assert expected.summary() in result.out
    assert f"Changes per row written to {tmp_path / 'population.compare.csv'}" in result.out


def test_out_and_kept_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = population_csv(tmp_path, FRAME.assign(person=["ann", "bob"]))
    out = tmp_path / "changes.parquet"
    result = run(
        capsys,
        "compare",
        str(source),
        *MONTH,
        "--set",
        "rate.standard=0.50",
        "--set",
        "supplement.amount=6.00",
        "--out",
        str(out),
        "--keep",
        "person",
        "--no-progress",
    )
    assert result.code == 0, result.err
    assert "rate.standard=0.50, supplement.amount=6.00" in result.out
    table = pq.read_table(out).to_pandas()
    assert list(table["person"]) == ["ann", "bob"]
    # a lower rate and a higher supplement: ann (4 days) and bob (2) each lose on the allowance
    # and gain on the supplement; the file holds what compare() gives
    reform = ParameterSet.default().override({"rate.standard": "0.50", "supplement.amount": "6.00"})
    expected = compare(FRAME, 2024, 6, ParameterSet.default(), reform)
    assert list(table["net_total_change_cents"]) == list(expected.rows["net_total_change_cents"])


def test_a_national_number_in_a_file_name_or_a_row_is_masked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    named = population_csv(tmp_path, name="85073003328.csv")
    done = run(capsys, "compare", str(named), *MONTH)
    assert done.code == 0, done.err
    assert "85073003328" not in done.out and "**.**.**-***.28.compare.csv" in done.out
    bad = FRAME.assign(monthly_wage_cents=[250_000, 85073003328])
    result = run(capsys, "compare", str(population_csv(tmp_path, bad)), *MONTH)
    assert_bad_input(result, "monthly_wage_cents[1]")
    assert "85073003328" not in result.err


def test_bad_files_and_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = str(population_csv(tmp_path))
    bad_row = population_csv(tmp_path, FRAME.assign(days_economic=[4, -1]), "bad.csv")
    assert_bad_input(run(capsys, "compare", str(bad_row), *MONTH), "bad.csv: 1 problem")
    assert not (tmp_path / "bad.compare.csv").exists()  # nothing half-written
    assert_bad_input(
        run(capsys, "compare", str(tmp_path / "none.csv"), *MONTH), "none.csv: no such file"
    )
    assert_bad_input(
        run(capsys, "compare", source, "--year", "2024", "--month", "13"),
        "month: the month must be a whole number, 1-12",
    )
    assert_bad_input(
        run(capsys, "compare", source, *MONTH, "--set", "rate.standrd=0.5"),
        "rate.standrd: unknown parameter 'rate.standrd'; did you mean 'rate.standard'?",
    )
    assert_bad_input(run(capsys, "compare", source, *MONTH, "--set", "rate.standard=half"), "--set")
    assert_bad_input(run(capsys, "compare", source, *MONTH, "--out", source), "the population")
    assert_bad_input(run(capsys, "compare", source, "--month", "6"), "--year")


def test_a_folder_of_parquet_parts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # a table written by Spark or Dask: ann's row, then bob's; the changes go to one Parquet file
    folder = tmp_path / "population"
    folder.mkdir()
    FRAME.iloc[:1].to_parquet(folder / "part-0.parquet", index=False)
    FRAME.iloc[1:].to_parquet(folder / "part-1.parquet", index=False)
    result = run(capsys, "compare", str(folder), *MONTH, "--set", "wage.monthly_ceiling=3600.00")
    assert result.code == 0, result.err
    written = pq.read_table(tmp_path / "population.compare.parquet")
    # as from one file: bob +7.94 (test_a_reform_beside_the_population), ann unchanged
    assert written.column("net_total_change_cents").to_pylist() == [0, 794]
