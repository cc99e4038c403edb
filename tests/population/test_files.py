"""compute_population_file: Parquet and CSV files in record batches, the same rows as
compute_population on the whole table, exact totals, bad rows named by their place in the file
(issue 11, item 3)."""

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
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


def _folder_of_parts(frame: pd.DataFrame, folder: Path, cuts: list[int]) -> Path:
    """``frame`` as Spark or Dask leave a table: part files in a folder (one in a sub-folder), with
    the writers' markers and metadata beside them."""
    (folder / "rest").mkdir(parents=True)
    bounds = [0, *cuts, len(frame)]
    names = [f"part-{i:05d}.parquet" for i in range(len(bounds) - 2)] + ["rest/part-0.parquet"]
    for name, start, end in zip(names, bounds[:-1], bounds[1:], strict=True):
        part = frame.iloc[start:end]
        table = pa.Table.from_pandas(part, preserve_index=False)
        ids = pa.array([f"W{i:05d}" for i in range(start, end)])
        pq.write_table(table.add_column(0, "worker_id", ids), folder / name, row_group_size=150)
    (folder / "_SUCCESS").write_text("")
    (folder / ".part-00000.parquet.crc").write_text("not a parquet file")
    (folder / "_metadata").write_text("not a parquet file")
    return folder


def test_a_folder_of_parquet_parts_is_read_as_one_table_in_the_order_of_its_paths(
    tmp_path: Path,
) -> None:
    frame = _population()
    # parts of 400, 250 and 350 rows: "rest/part-0" sorts after "part-00001"
    given = _folder_of_parts(frame, tmp_path / "in.parquet", [400, 650])
    summary = compute_population_file(
        given,
        tmp_path / "out.parquet",
        *PEER_MONTH,
        parameters=peer_parameters(),
        keep_columns=["worker_id"],
        batch_rows=128,
        workers=2,
    )
    got = read(tmp_path / "out.parquet")
    assert got["worker_id"].tolist() == [f"W{i:05d}" for i in range(ROWS)]
    expected = to_pandas(compute_population(frame, *PEER_MONTH, parameters=peer_parameters()))
    got = got.drop(columns="worker_id")
    got["status"] = got["status"].astype(str)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    # batches of up to 128 rows, across a file's row groups but never across two files:
    # ceil(400 / 128) + ceil(250 / 128) + ceil(350 / 128) = 4 + 2 + 3
    assert summary.rows == ROWS and summary.batches == 9


def test_a_bad_row_in_a_later_part_is_named_by_its_place_in_the_whole_table(
    tmp_path: Path,
) -> None:
    frame = _population()
    frame.loc[701, "days_economic"] = -2  # row 51 of the last part, which starts at row 650
    given = _folder_of_parts(frame, tmp_path / "in", [400, 650])
    with pytest.raises(ValidationError) as error:
        compute_population_file(
            given, tmp_path / "out.parquet", *PEER_MONTH, keep_columns=["worker_id"], batch_rows=100
        )
    assert error.value.errors()[0]["loc"] == ("days_economic", 701)


def test_a_folder_without_parquet_files_or_with_parts_that_differ_is_refused(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "_SUCCESS").write_text("")
    with pytest.raises(ValidationError, match=r"a folder without \.parquet files"):
        compute_population_file(empty, tmp_path / "out.parquet", *PEER_MONTH)
    frame = _population().head(20)
    mixed = _folder_of_parts(frame, tmp_path / "mixed", [10])
    pq.write_table(
        pa.Table.from_pandas(frame.drop(columns="days_economic"), preserve_index=False),
        mixed / "part-00009.parquet",
    )
    with pytest.raises(ValidationError, match=r"part-00009.parquet: its columns differ"):
        compute_population_file(mixed, tmp_path / "out.parquet", *PEER_MONTH)
    assert not (tmp_path / "out.parquet").exists()
