"""compare_file: a baseline and a reform over a Parquet or CSV file in record batches, the rows
and the summaries compare() gives for the whole table, exact (issue 11, item 5)."""

import decimal
import importlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError

from chomage_rules import ParameterSet, compare
from chomage_rules.population import (
    CHANGE_COLUMNS,
    PEER_MONTH,
    FileComparison,
    compare_file,
    peer_parameters,
)
from tests.population.files import assert_same_summaries, population, read, write

compute_module = importlib.import_module("chomage_rules.population.compute")
compare_module = importlib.import_module("chomage_rules.population.compare")

ROWS = 3_000


def _sets() -> tuple[ParameterSet, ParameterSet]:
    """The peer's figures, and a reform that moves some rows up and some down: a higher standard
    rate, a lower supplement."""
    baseline = peer_parameters()
    reform = baseline.override(
        {
            "rate.standard": {date(2025, 1, 1): Decimal("0.65")},
            "supplement.amount": {date(2025, 1, 1): Decimal("2.00")},
        }
    )
    return baseline, reform


def _population(rows: int = ROWS) -> pd.DataFrame:
    return population(rows)


def _write(frame: pd.DataFrame, path: Path, ids: bool = True) -> Path:
    return write(frame, path, ids, row_group=700)


@pytest.mark.parametrize("source", [".parquet", ".csv"])
@pytest.mark.parametrize("target", [".parquet", ".csv"])
def test_a_file_gives_the_rows_and_summaries_of_the_whole_table(
    tmp_path: Path, source: str, target: str
) -> None:
    frame = _population()
    baseline, reform = _sets()
    got = compare_file(
        _write(frame, tmp_path / f"in{source}"),
        tmp_path / f"out{target}",
        *PEER_MONTH,
        baseline,
        reform,
        keep_columns=["worker_id"],
        batch_rows=512,
        workers=2,
    )
    expected = compare(frame, *PEER_MONTH, baseline, reform)
    assert expected.gainers and expected.losers and expected.unchanged  # every kind of row
    written = read(tmp_path / f"out{target}")
    assert list(written.columns) == ["worker_id", *CHANGE_COLUMNS]
    assert written["worker_id"].tolist() == [f"W{i:05d}" for i in range(ROWS)]
    pd.testing.assert_frame_equal(written.drop(columns="worker_id"), expected.rows)
    assert isinstance(got, FileComparison)
    assert (got.rows, got.output.name) == (ROWS, f"out{target}")
    if source == ".parquet":  # batches of 512 rows, across row groups of 700
        assert got.batches == 6
    assert_same_summaries(got, expected)
    assert f"{ROWS:,} rows from in{source} to out{target}" in got.summary()
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.parametrize("batch_rows", [1, 7, 1_000, 10_000])
def test_the_quantiles_and_counts_are_exact_whatever_the_batches(
    tmp_path: Path, batch_rows: int
) -> None:
    frame = _population(1_000 if batch_rows > 1 else 200)
    baseline, reform = _sets()
    got = compare_file(
        _write(frame, tmp_path / "in.parquet", ids=False),
        tmp_path / "out.parquet",
        *PEER_MONTH,
        baseline,
        reform,
        batch_rows=batch_rows,
    )
    assert_same_summaries(got, compare(frame, *PEER_MONTH, baseline, reform))


def test_each_batch_is_read_once_and_computed_under_each_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Any] = []
    runs: list[Any] = []
    real_read, real_run = compute_module.read_population, compare_module.run

    def counted_read(*args: Any) -> Any:
        reads.append(args)
        return real_read(*args)

    def counted_run(*args: Any) -> Any:
        runs.append(args)
        return real_run(*args)

    monkeypatch.setattr(compute_module, "read_population", counted_read)
    monkeypatch.setattr(compare_module, "run", counted_run)
    given = _write(_population(1_000), tmp_path / "in.parquet", ids=False)
    got = compare_file(given, tmp_path / "out.parquet", *PEER_MONTH, *_sets(), batch_rows=250)
    assert got.batches == len(reads) == 4 and len(runs) == 8
    assert [args[3] for args in reads] == [0, 250, 500, 750]  # each batch's first row


def test_a_bad_row_is_named_by_its_place_in_the_file_and_leaves_nothing(tmp_path: Path) -> None:
    frame = _population()
    frame.loc[2_437, "days_economic"] = -2
    given = _write(frame, tmp_path / "in.csv")
    with pytest.raises(ValidationError) as error:
        compare_file(given, tmp_path / "out.csv", *PEER_MONTH, *_sets(), keep_columns=["worker_id"])
    [problem] = error.value.errors()
    assert problem["loc"] == ("days_economic", 2_437)
    with pytest.raises(ValidationError) as whole:
        compare(frame, *PEER_MONTH, *_sets())
    assert whole.value.errors()[0]["msg"] == problem["msg"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]


def test_a_counter_above_the_reforms_smaller_credit_is_refused_as_compare_refuses_it(
    tmp_path: Path,
) -> None:
    baseline = ParameterSet.default()
    reform = baseline.override({"construction.credit_units": {date(2025, 1, 1): Decimal(10)}})
    frame = pd.DataFrame(
        {
            "monthly_wage_cents": [260_000] * 4,
            "days_per_week": [6] * 4,
            "days_economic": [10, 0, 0, 2],
            "joint_committee": ["124"] * 4,
            "cp124_credit_used": [0, 5, 3, 12],
        }
    )
    given = _write(frame, tmp_path / "in.parquet", ids=False)
    with pytest.raises(ValidationError) as error:
        compare_file(given, tmp_path / "out.parquet", 2025, 3, baseline, reform, batch_rows=2)
    with pytest.raises(ValidationError) as whole:
        compare(frame, 2025, 3, baseline, reform)
    assert error.value.errors() == whole.value.errors()
    assert error.value.errors()[0]["loc"] == ("cp124_credit_used", 3)


def test_a_file_of_no_rows_gives_no_rows_and_empty_summaries(tmp_path: Path) -> None:
    given = _write(_population().head(0), tmp_path / "in.parquet", ids=False)
    got = compare_file(given, tmp_path / "out.parquet", *PEER_MONTH, *_sets())
    assert (got.rows, got.batches, got.gainers + got.losers + got.unchanged) == (0, 0, 0)
    assert got.change_quantiles == {} and got.net_cost == 0
    assert pq.read_table(tmp_path / "out.parquet").schema.names == list(CHANGE_COLUMNS)


def test_the_callers_decimal_context_plays_no_part(tmp_path: Path) -> None:
    frame = _population()
    given = _write(frame, tmp_path / "in.parquet", ids=False)
    expected = compare_file(given, tmp_path / "a.parquet", *PEER_MONTH, *_sets())
    context = decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR)
    context.traps[decimal.Inexact] = True
    with decimal.localcontext(context):
        got = compare_file(given, tmp_path / "b.parquet", *PEER_MONTH, *_sets())
        assert str(got.net_cost) == str(expected.net_cost)
        assert got.summary().split("\n")[1:] == expected.summary().split("\n")[1:]
    assert_same_summaries(got, expected)
