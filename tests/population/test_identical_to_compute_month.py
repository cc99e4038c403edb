"""compute_population gives, row by row and to the cent, what compute_month gives (issue 3).

Random populations of valid cases (the public strategies: half-cent ties, wages around the ceiling
and the threshold, counters at 25-27 units and at the end of the credit, half units, part-time
regimes, frost days, five- and six-day weeks) are computed both ways, with the shipped parameters
and with what-if overrides.
"""

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import ParameterSet, compute_month, compute_population
from chomage_rules.population import compute, frame_from_cases
from chomage_rules.testing import Case, cases, covered_months, parameter_sets
from tests.population.kinds import KINDS, as_kind, to_pandas

# result column -> what it is in a MonthResult
MONEY = {
    "gross_allowance_cents": lambda r: r.gross_allowance,
    "sector_top_up_cents": lambda r: r.sector_top_up,
    "employer_supplement_cents": lambda r: r.employer_supplement,
    "payment_body_withholding_cents": lambda r: r.payment_body_withholding,
    "employer_withholding_cents": lambda r: r.employer_withholding,
    "sector_fund_withholding_cents": lambda r: r.sector_fund_withholding,
    "withholding_cents": lambda r: r.withholding,
    "net_total_cents": lambda r: r.net_total,
    "payment_body_gross_cents": lambda r: r.payment("payment_body").gross,
    "employer_gross_cents": lambda r: r.payment("employer").gross,
    "sector_fund_gross_cents": lambda r: r.payment("sector_fund").gross,
    "payment_body_net_cents": lambda r: r.payment("payment_body").net,
    "employer_net_cents": lambda r: r.payment("employer").net,
    "sector_fund_net_cents": lambda r: r.payment("sector_fund").net,
}
UNITS = {
    "supplement_units_paid": lambda r: r.supplement_units_paid,
    "construction_units_paid": lambda r: r.construction_units_paid,
    "supplement_units_after": lambda r: r.history_after.supplement_units,
    "cp124_credit_used_after": lambda r: r.history_after.cp124_credit_used,
}


@st.composite
def populations(draw: st.DrawFn) -> tuple[int, int, ParameterSet, list[Case]]:
    parameters = draw(st.one_of(st.just(ParameterSet.default()), parameter_sets()))
    year, month = draw(covered_months(parameters))
    people = draw(
        st.lists(cases(year=year, month=month, parameters=parameters), min_size=1, max_size=12)
    )
    return year, month, parameters, people


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def check_rows(
    year: int,
    month: int,
    parameters: ParameterSet,
    people: list[Case],
    kind: str = "pandas",
    workers: int | None = None,
) -> None:
    frame = frame_from_cases((c.worker, c.employer, c.month, c.history) for c in people)
    table = as_kind(frame, kind)
    got_back = compute_population(
        table, year, month, parameters=parameters, detail=True, workers=workers
    )
    assert type(got_back) is type(table)  # the kind that came in
    result = to_pandas(got_back)
    for row, case in enumerate(people):
        expected = compute_month(
            case.worker, case.employer, case.month, case.history, parameters=parameters
        )
        got = result.iloc[row]
        for name, read in MONEY.items():
            assert int(got[name]) == _cents(read(expected)), (row, name)
        for name, read in UNITS.items():
            assert Decimal(str(got[name])) == read(expected), (row, name)
        assert got["status"] == expected.status.value
        for line in expected.allowance_lines:
            label = line.rate_parameter.removeprefix("rate.")
            assert Decimal(str(got[f"units_{label}"])) == line.units
            assert int(got[f"daily_amount_{label}_cents"]) == _cents(line.daily_amount)


@settings(max_examples=150)
@given(populations())
def test_every_row_is_what_compute_month_gives(
    population: tuple[int, int, ParameterSet, list[Case]],
) -> None:
    check_rows(*population)


@settings(max_examples=150)
@given(populations(), st.sampled_from(KINDS[1:]), st.sampled_from([1, 2, 3]), st.integers(1, 5))
def test_polars_and_arrow_rows_are_what_compute_month_gives_on_any_number_of_threads(
    population: tuple[int, int, ParameterSet, list[Case]], kind: str, workers: int, chunk: int
) -> None:
    # chunks of a few rows, so that 2 and 3 threads each compute some of them
    saved = compute.CHUNK_ROWS
    compute.CHUNK_ROWS = chunk
    try:
        check_rows(*population, kind=kind, workers=workers)
    finally:
        compute.CHUNK_ROWS = saved


@given(populations())
def test_a_mapping_of_arrays_gives_the_same_as_a_frame(
    population: tuple[int, int, ParameterSet, list[Case]],
) -> None:
    year, month, parameters, people = population
    frame = frame_from_cases((c.worker, c.employer, c.month, c.history) for c in people)
    as_frame = compute_population(frame, year, month, parameters=parameters)
    mapping = {name: frame[name].to_numpy() for name in frame.columns}
    as_mapping = compute_population(mapping, year, month, parameters=parameters)
    assert isinstance(as_frame, pd.DataFrame) and isinstance(as_mapping, dict)
    for name, column in as_mapping.items():
        assert np.array_equal(np.asarray(as_frame[name], dtype=object), column.astype(object))


@given(populations(), st.integers(1, 5))
def test_chunking_changes_nothing(
    population: tuple[int, int, ParameterSet, list[Case]], chunk: int
) -> None:
    # rows are computed in chunks; a chunk boundary anywhere gives the same rows
    year, month, parameters, people = population
    frame = frame_from_cases((c.worker, c.employer, c.month, c.history) for c in people)
    whole = compute_population(frame, year, month, parameters=parameters)
    saved = compute.CHUNK_ROWS
    compute.CHUNK_ROWS = chunk
    try:
        chunked = compute_population(frame, year, month, parameters=parameters)
    finally:
        compute.CHUNK_ROWS = saved
    assert isinstance(whole, pd.DataFrame) and isinstance(chunked, pd.DataFrame)
    pd.testing.assert_frame_equal(whole, chunked)


@given(populations(), st.integers(1, 5), st.integers(1, 4))
def test_any_number_of_threads_gives_the_same_rows(
    population: tuple[int, int, ParameterSet, list[Case]], chunk: int, workers: int
) -> None:
    # chunks of a few rows, spread over 1 to 4 threads: every row as with one thread
    year, month, parameters, people = population
    frame = frame_from_cases((c.worker, c.employer, c.month, c.history) for c in people)
    one = compute_population(frame, year, month, parameters=parameters, workers=1, detail=True)
    saved = compute.CHUNK_ROWS
    compute.CHUNK_ROWS = chunk
    try:
        many = compute_population(
            frame, year, month, parameters=parameters, workers=workers, detail=True
        )
    finally:
        compute.CHUNK_ROWS = saved
    assert isinstance(one, pd.DataFrame) and isinstance(many, pd.DataFrame)
    pd.testing.assert_frame_equal(one, many)


def test_workers_must_be_a_whole_number_from_one() -> None:
    frame = frame_from_cases([])
    for bad in (0, -1, True, 1.5):
        with pytest.raises(ValidationError, match="workers"):
            compute_population(frame, 2024, 6, workers=bad)  # type: ignore[arg-type]
