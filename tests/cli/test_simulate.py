"""chomage-rules simulate: a population file through the streaming engine, with its totals."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from chomage_rules import ParameterSet, compute_population
from tests.cli.helpers import POPULATION, assert_bad_input, population_csv, run

FRAME = POPULATION  # ann and bob, June 2024 (tests/cli/helpers.py)


def _total(out: str, label: str) -> str:
    for line in out.splitlines():
        if line.strip().startswith(label):
            return line.split()[-1]
    raise AssertionError(f"no {label} in {out}")


def test_a_csv_file_beside_its_results(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run(
        capsys, "simulate", str(population_csv(tmp_path)), "--year", "2024", "--month", "6"
    )
    assert result.code == 0, result.err
    assert result.out.startswith("2 rows from population.csv to population.results.csv")
    assert _total(result.out, "net total") == "297.74"
    assert "payable 2" in result.out
    written = pd.read_csv(tmp_path / "population.results.csv")
    assert list(written["net_total_cents"]) == [18397, 11377]
    # the same rows as compute_population on the table
    expected = compute_population(FRAME, 2024, 6)
    assert list(written["net_total_cents"]) == list(expected["net_total_cents"])
    assert f"Results written to {tmp_path / 'population.results.csv'}" in result.out


def test_set_and_out_and_kept_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = population_csv(tmp_path, FRAME.assign(person=["ann", "bob"]))
    out = tmp_path / "results.parquet"
    result = run(
        capsys,
        "simulate",
        str(source),
        "--year",
        "2024",
        "--month",
        "6",
        "--set",
        "wage.monthly_ceiling=1000.00",
        "--out",
        str(out),
        "--keep",
        "person",
        "--detail",
    )
    assert result.code == 0, result.err
    # both wages are capped at 1,000.00: 1,000 / 26 = 38.4615…, 60 % → 23.0769… → 23.08 a day;
    # ann 4 × 23.08 = 92.32, bob 2 × 23.08 = 46.16; 138.48 in all
    assert _total(result.out, "allowance") == "138.48"
    table = pq.read_table(out).to_pandas()
    assert list(table["person"]) == ["ann", "bob"]
    assert list(table["gross_allowance_cents"]) == [9232, 4616]
    assert "payment_body_gross_cents" in table  # --detail
    mine = ParameterSet.default().override({"wage.monthly_ceiling": "1000.00"})
    expected = compute_population(FRAME, 2024, 6, parameters=mine)
    assert list(table["net_total_cents"]) == list(expected["net_total_cents"])


def test_a_bad_row_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = FRAME.assign(monthly_wage_cents=[250_000, -5])
    result = run(
        capsys, "simulate", str(population_csv(tmp_path, bad)), "--year", "2024", "--month", "6"
    )
    assert_bad_input(
        result, "population.csv: 1 problem", "monthly_wage_cents[1]: row 1: -5 cents is negative"
    )
    assert not (tmp_path / "population.results.csv").exists()  # nothing half-written


def test_a_national_number_in_a_row_is_masked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = FRAME.assign(monthly_wage_cents=[250_000, 85073003328])
    result = run(
        capsys, "simulate", str(population_csv(tmp_path, bad)), "--year", "2024", "--month", "6"
    )
    assert_bad_input(result, "monthly_wage_cents[1]")
    assert "85073003328" not in result.err


def test_bad_files_and_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = str(population_csv(tmp_path))
    month = ("--year", "2024", "--month", "6")
    assert_bad_input(
        run(capsys, "simulate", str(tmp_path / "none.csv"), *month), "none.csv: no such file"
    )
    not_parquet = tmp_path / "broken.parquet"
    not_parquet.write_text("not a parquet file", encoding="utf-8")
    assert_bad_input(
        run(capsys, "simulate", str(not_parquet), *month), "broken.parquet: cannot be computed"
    )
    assert_bad_input(
        run(capsys, "simulate", source, "--year", "2024", "--month", "13"),
        "month: the month must be a whole number, 1-12",
    )
    assert_bad_input(
        run(capsys, "simulate", source, *month, "--set", "rate.standrd=0.5"),
        "--set: 1 problem",
        "rate.standrd: unknown parameter 'rate.standrd'; did you mean 'rate.standard'?",
    )
    assert_bad_input(
        run(capsys, "simulate", source, *month, "--out", source), "the population file"
    )
    assert_bad_input(
        run(capsys, "simulate", source, *month, "--out", str(tmp_path / "r.txt")),
        "give a .parquet (or .pq) or a .csv file",
    )
    assert_bad_input(
        run(capsys, "simulate", source, *month, "--out", str(tmp_path / "no" / "r.csv")),
        "does not exist",
    )
    assert_bad_input(run(capsys, "simulate", source, "--month", "6"), "--year")
    assert_bad_input(
        run(capsys, "simulate", source, "--year", "twenty", "--month", "6"), "invalid int value"
    )


def test_a_folder_of_parquet_parts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Spark and Dask write a table as a folder of part files: ann's row, then bob's
    folder = tmp_path / "population.parquet"
    folder.mkdir()
    FRAME.iloc[:1].to_parquet(folder / "part-0.parquet", index=False)
    FRAME.iloc[1:].to_parquet(folder / "part-1.parquet", index=False)
    (folder / "_SUCCESS").write_text("", encoding="utf-8")
    result = run(capsys, "simulate", str(folder), "--year", "2024", "--month", "6")
    assert result.code == 0, result.err
    # ann 183.97 + bob 113.77 = 297.74, as from one file
    assert _total(result.out, "net total") == "297.74"
    written = pq.read_table(tmp_path / "population.results.parquet")
    assert written.column("net_total_cents").to_pylist() == [18397, 11377]
