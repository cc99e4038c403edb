"""compute_population reads pandas, polars and Arrow tables, returns the kind that came in, reads
int64 columns without copying them, and names a bad row the same way whatever the kind (issue 11).
"""

import subprocess
import sys
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from pydantic import ValidationError

from chomage_rules import compute_population
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.population import PEER_MONTH, peer_parameters, peer_population
from chomage_rules.population.columns import read_population
from tests.population.kinds import KINDS, as_kind, to_pandas

FIGURES = month_figures(peer_parameters(), date(*PEER_MONTH, 1))


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_gives_the_rows_pandas_gives_in_its_own_kind(kind: str) -> None:
    frame = peer_population(3_000)
    table = as_kind(frame, kind)
    result = compute_population(table, *PEER_MONTH, parameters=peer_parameters(), detail=True)
    assert type(result) is type(table)
    expected = compute_population(frame, *PEER_MONTH, parameters=peer_parameters(), detail=True)
    pd.testing.assert_frame_equal(to_pandas(result), to_pandas(expected))


@pytest.mark.parametrize("kind", KINDS)
def test_a_table_of_no_rows_gives_no_rows_of_its_kind(kind: str) -> None:
    table = as_kind(peer_population(0), kind)
    result = compute_population(table, *PEER_MONTH, parameters=peer_parameters())
    assert type(result) is type(table) and len(to_pandas(result)) == 0


def test_the_result_types_of_each_kind() -> None:
    frame = peer_population(10)
    as_polars = compute_population(as_kind(frame, "polars"), *PEER_MONTH)
    assert as_polars.schema["net_total_cents"] == pl.Int64
    assert as_polars.schema["units_standard"] == pl.Float64
    assert isinstance(as_polars.schema["status"], pl.Enum)
    as_arrow = compute_population(as_kind(frame, "arrow"), *PEER_MONTH)
    assert as_arrow.schema.field("net_total_cents").type == pa.int64()
    assert pa.types.is_dictionary(as_arrow.schema.field("status").type)
    fingerprint = ParameterSet.default().fingerprint()
    assert as_arrow.schema.metadata == {b"parameters_fingerprint": fingerprint.encode()}


# --------------------------------------------------------------------------- no copy


def _address(array: np.ndarray) -> int:
    return int(array.__array_interface__["data"][0])


def test_arrow_int64_columns_reach_the_kernel_without_a_copy() -> None:
    table = pa.table({"monthly_wage_cents": pa.array(np.arange(200_000, 300_000, dtype=np.int64))})
    buffer = table.column("monthly_wage_cents").chunk(0).buffers()[1]
    population = read_population(table, date(*PEER_MONTH, 1), [FIGURES])
    wages = population.values["monthly_wage_cents"]
    assert _address(wages) == buffer.address and len(wages) == table.num_rows
    batch = table.to_batches()[0]
    population = read_population(batch, date(*PEER_MONTH, 1), [FIGURES])
    assert _address(population.values["monthly_wage_cents"]) == buffer.address


def test_polars_int64_columns_reach_the_kernel_without_a_copy() -> None:
    wages = np.arange(200_000, 300_000, dtype=np.int64)
    frame = pl.DataFrame({"monthly_wage_cents": wages})
    assert np.shares_memory(frame["monthly_wage_cents"].to_numpy(), wages)  # polars' own buffer
    population = read_population(frame, date(*PEER_MONTH, 1), [FIGURES])
    assert np.shares_memory(population.values["monthly_wage_cents"], wages)


def test_the_results_are_handed_to_arrow_and_polars_without_a_copy() -> None:
    frame = peer_population(1_000)
    for kind in ("arrow", "polars"):
        result = compute_population(as_kind(frame, kind), *PEER_MONTH, workers=1)
        if kind == "arrow":
            net = result.column("net_total_cents").chunk(0)
            gross = result.column("gross_allowance_cents").chunk(0)
            addresses = [net.buffers()[1].address, gross.buffers()[1].address]
        else:
            addresses = [
                _address(result[name].to_numpy())
                for name in ("net_total_cents", "gross_allowance_cents")
            ]
        # rows of one block of int64 results: the columns lie at whole columns' distances
        assert abs(addresses[0] - addresses[1]) % (8 * len(frame)) == 0


# --------------------------------------------------------------------------- errors


BAD_TABLES: dict[str, dict[str, list[Any]]] = {
    "negative wage": {"monthly_wage_cents": [250_000, -5, 300_000]},
    "missing wage": {"monthly_wage_cents": [250_000, 300_000, None]},
    "euros, not cents": {"monthly_wage_cents": [2500.0, 3500.10, 3000.0]},
    "unknown column": {"monthly_wage_cents": [250_000] * 3, "worker_id": ["a", "b", "c"]},
    "unknown regime": {"monthly_wage_cents": [250_000] * 3, "regime": ["full_time", None, "x"]},
    "flag of 2": {"monthly_wage_cents": [250_000] * 3, "card_submitted": [1, 2, 0]},
    "two wages": {"monthly_wage_cents": [250_000] * 3, "hourly_wage_cents": [0, 1500, 0]},
    "too many days": {"monthly_wage_cents": [250_000] * 3, "days_economic": [0, 40, 27]},
    "text in numbers": {"monthly_wage_cents": ["250000", "x", "300000"]},
}


def _natural(kind: str, columns: dict[str, list[Any]]) -> Any:
    """The table as an analyst would make it of ``kind`` from lists (each library's types)."""
    if kind == "pandas":
        return pd.DataFrame(columns)
    if kind == "polars":
        return pl.DataFrame(columns, strict=False)
    table = pa.table(columns)
    return table.to_batches()[0] if kind == "arrow_batch" else table


@pytest.mark.parametrize("case", list(BAD_TABLES))
def test_every_kind_names_the_column_and_row_the_same_way(case: str) -> None:
    found = {}
    for kind in ("pandas", "polars", "arrow", "arrow_batch"):
        with pytest.raises(ValidationError) as error:
            compute_population(_natural(kind, BAD_TABLES[case]), 2024, 6)
        found[kind] = [(e["loc"], e["msg"]) for e in error.value.errors()]
    assert found["pandas"], case
    for kind, errors in found.items():
        assert errors == found["pandas"], (case, kind)


def test_a_lazy_polars_frame_is_refused_with_what_to_do() -> None:
    lazy = pl.DataFrame({"monthly_wage_cents": [250_000]}).lazy()
    with pytest.raises(ValidationError, match=r"collect\(\) a polars LazyFrame first"):
        compute_population(lazy, 2024, 6)


def test_nulls_and_nans_of_arrow_are_both_missing() -> None:
    table = pa.table(
        {
            "monthly_wage_cents": pa.array([250_000.0, None, float("nan")]),
            "days_economic": pa.array([1, None, 2], type=pa.int8()),
        }
    )
    with pytest.raises(ValidationError) as error:
        compute_population(table, 2024, 6)
    messages = {e["loc"]: e["msg"] for e in error.value.errors()}
    assert messages[("monthly_wage_cents", 1)].startswith("row 1: the value is missing")
    assert "(and 1 other row)" in messages[("monthly_wage_cents", 1)]
    assert messages[("days_economic", 1)] == "row 1: the value is missing"


# --------------------------------------------------------------------------- optional extras


def test_import_chomage_rules_loads_no_table_library() -> None:
    script = (
        "import sys, chomage_rules\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'polars', 'pyarrow', 'dask', 'tqdm')"
        " if m in sys.modules))\n"
        "import chomage_rules.population\n"
        "print(sorted(m for m in ('polars', 'dask', 'tqdm') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]", "[]"]
