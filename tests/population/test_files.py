"""compute_population_file: Parquet and CSV files in record batches, the same rows as
compute_population on the whole table, exact totals, bad rows named by their place in the file
(issue 11, item 3)."""

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError

from chomage_rules import compute_population
from chomage_rules.core.money import cents_to_decimal
from chomage_rules.population import (
    DETAIL_COLUMNS,
    OUTPUT_COLUMNS,
    PEER_MONTH,
    FileSummary,
    compute_population_file,
    peer_parameters,
)
from tests.population.files import population, read, write
from tests.population.kinds import to_pandas

ROWS = 1_000


def _population() -> pd.DataFrame:
    return population(ROWS)


@pytest.mark.parametrize("source", [".parquet", ".csv"])
@pytest.mark.parametrize("target", [".parquet", ".csv"])
def test_a_file_gives_the_rows_of_the_whole_table(tmp_path: Path, source: str, target: str) -> None:
    frame = _population()
    given = write(frame, tmp_path / f"in{source}")
    summary = compute_population_file(
        given,
        tmp_path / f"out{target}",
        *PEER_MONTH,
        parameters=peer_parameters(),
        detail=True,
        keep_columns=["worker_id"],
        batch_rows=128,
        workers=2,
    )
    got = read(tmp_path / f"out{target}")
    assert list(got.columns) == ["worker_id", *OUTPUT_COLUMNS, *DETAIL_COLUMNS]
    assert got["worker_id"].tolist() == [f"W{i:05d}" for i in range(ROWS)]
    whole = compute_population(frame, *PEER_MONTH, parameters=peer_parameters(), detail=True)
    expected = to_pandas(whole)
    got = got.drop(columns="worker_id")
    got["status"] = got["status"].astype(str)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    if target == ".parquet":  # the same types too (CSV writes 14.0 as 14)
        for name in got.columns.drop("status"):
            assert got[name].dtype == expected[name].dtype, name
    assert summary.rows == ROWS
    if source == ".parquet":  # batches of 128 rows, across the file's row groups of 300
        assert summary.batches == 8
    assert not list(tmp_path.glob(".*partial"))


def test_the_summary_is_the_exact_sum_of_the_rows(tmp_path: Path) -> None:
    frame = _population()
    summary = compute_population_file(
        write(frame, tmp_path / "in.parquet", ids=False),
        tmp_path / "out.parquet",
        *PEER_MONTH,
        parameters=peer_parameters(),
        batch_rows=100,
    )
    assert isinstance(summary, FileSummary)
    whole = compute_population(frame, *PEER_MONTH, parameters=peer_parameters(), detail=True)
    for payer, totals in summary.payers.items():
        assert totals.gross == cents_to_decimal(int(whole[f"{payer}_gross_cents"].sum()))
        assert totals.withholding == cents_to_decimal(
            int(whole[f"{payer}_withholding_cents"].sum())
        )
        assert totals.net == cents_to_decimal(int(whole[f"{payer}_net_cents"].sum()))
    assert summary.components["net_total"] == cents_to_decimal(int(whole["net_total_cents"].sum()))
    counts = whole["status"].value_counts()
    assert summary.statuses == {status: int(counts[status]) for status in summary.statuses}
    assert sum(summary.statuses.values()) == ROWS and summary.statuses["payable"] < ROWS
    assert "1,000 rows from in.parquet to out.parquet" in summary.summary()
    with pytest.raises(AttributeError):
        summary.rows = 0  # type: ignore[misc]  # frozen


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_a_bad_row_is_named_by_its_place_in_the_file(tmp_path: Path, suffix: str) -> None:
    frame = _population()
    frame.loc[437, "days_economic"] = -2
    given = write(frame, tmp_path / f"in{suffix}")
    with pytest.raises(ValidationError) as error:
        compute_population_file(
            given, tmp_path / "out.parquet", *PEER_MONTH, keep_columns=["worker_id"], batch_rows=100
        )
    [problem] = error.value.errors()
    assert problem["loc"] == ("days_economic", 437)
    assert problem["msg"].startswith("row 437: -2 days is negative")
    # the same words as compute_population on the whole table
    with pytest.raises(ValidationError) as whole:
        compute_population(frame, *PEER_MONTH)
    assert whole.value.errors()[0]["msg"] == problem["msg"]
    assert not (tmp_path / "out.parquet").exists() and not list(tmp_path.glob(".*"))


def test_text_in_a_number_column_of_a_csv_file_is_named_by_its_row(tmp_path: Path) -> None:
    lines = ["monthly_wage_cents,days_economic,days_per_week"]
    lines += [f"{250_000 + i},{i % 20},6" for i in range(5_000)]
    lines[4_321 + 1] = "350000,twelve,6"
    given = tmp_path / "in.csv"
    given.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        compute_population_file(given, tmp_path / "out.csv", 2024, 6, batch_rows=1_000)
    [problem] = error.value.errors()
    assert problem["loc"] == ("days_economic", 4_321)
    assert problem["msg"] == "row 4321: 'twelve' is not whole days"


def test_a_file_of_no_rows_gives_an_output_of_no_rows(tmp_path: Path) -> None:
    given = write(_population().head(0), tmp_path / "in.parquet", ids=False)
    summary = compute_population_file(given, tmp_path / "out.parquet", *PEER_MONTH)
    assert summary.rows == 0 and summary.payers["employer"].gross == 0
    assert pq.read_table(tmp_path / "out.parquet").schema.names == list(OUTPUT_COLUMNS)


def test_the_wrong_kind_of_file_or_column_is_refused(tmp_path: Path) -> None:
    given = write(_population().head(10), tmp_path / "in.parquet")
    for bad, where in (
        ({"output": tmp_path / "out.xlsx"}, ("file",)),
        ({"keep_columns": ["niss"]}, ("niss",)),
        ({"batch_rows": 0}, ("batch_rows",)),
    ):
        options: dict[str, Any] = {"output": tmp_path / "out.parquet", **bad}
        output = options.pop("output")
        with pytest.raises(ValidationError) as error:
            compute_population_file(given, output, *PEER_MONTH, **options)
        assert error.value.errors()[0]["loc"] == where
    with pytest.raises(ValidationError, match="unknown column 'worker_id'"):
        compute_population_file(given, tmp_path / "out.parquet", *PEER_MONTH)


def test_the_progress_bar_is_on_when_asked_and_off_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = write(_population(), tmp_path / "in.parquet", ids=False)
    compute_population_file(given, tmp_path / "a.parquet", *PEER_MONTH, batch_rows=250)
    assert capsys.readouterr().err == ""  # pytest's stderr is not a terminal
    compute_population_file(
        given, tmp_path / "b.parquet", *PEER_MONTH, batch_rows=250, progress=True
    )
    bar = capsys.readouterr().err
    assert "1.00k/1.00k" in bar and "rows" in bar
