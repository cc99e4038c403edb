"""Population input that is refused clearly, every problem at once, and never a national number in
an error; tables that used to crash or be refused for no fault of a row (issue 9: items 3, 6, 10,
11 and 16)."""

import re
import time
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import (
    History,
    ParameterSet,
    Reason,
    compare,
    compute_population,
)
from chomage_rules.population import (
    COLUMNS,
    DETAIL_COLUMNS,
    OUTPUT_COLUMNS,
    Column,
    frame_from_cases,
)
from chomage_rules.testing import Case
from tests.helpers import employer, month_of, unemployed, worker
from tests.population.test_identical_to_compute_month import check_rows

INDEX = ["ann", "bob", "cyd"]


def table(**columns: Any) -> pd.DataFrame:
    """Three valid rows (2024-06, six-day weeks), with ``columns`` changed."""
    base: dict[str, Any] = {
        "monthly_wage_cents": [250_000, 350_000, 450_000],
        "days_per_week": [6, 6, 6],
        "days_economic": [4, 0, 2],
    }
    base.update(columns)
    return pd.DataFrame(base, index=INDEX)


def refusal(frame: Any, year: int = 2024, month: int = 6, **options: Any) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        compute_population(frame, year, month, **options)
    return error.value


def problems(error: ValidationError) -> dict[tuple[Any, ...], str]:
    return {tuple(e["loc"]): e["msg"] for e in error.errors()}


# 10 or more digits, with the separators a national number is written with
LONG_DIGITS = re.compile(r"\d(?:[ ./-]?\d){9,}")


# how str() and JSON write a character they do not show (its code point, in hex digits)
ESCAPE = re.compile(r"\\(?:U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})")


def leaked(error: ValidationError) -> list[str]:
    """Runs of 10+ digits anywhere in the error: its text, its JSON, its details (input, loc)."""
    texts = [ESCAPE.sub("", text) for text in (str(error), error.json(), repr(error.errors()))]
    return [match.group() for text in texts for match in LONG_DIGITS.finditer(text)]


# --------------------------------------------------------------------------- item 3: bounds


@pytest.mark.parametrize("name", ["prior_supplement_units", "cp124_credit_used"])
@pytest.mark.parametrize(
    ("value", "words"),
    [
        # doubled into half units in int64, (-2**63 + 26) × 2 wrapped around to 52, i.e. 26
        # units: with the month's 4 units the 27th was reached and a supplement paid
        (-(2**63) + 26, "is negative"),
        # what a missing value becomes in an int64 column; doubled, it wrapped around to 0
        (-(2**63), "missing"),
        # a year holds at most 6 days × 53 weeks = 318 units (History's bound)
        (319, "above 318"),
        (2**62, "above 318"),
    ],
)
def test_a_counter_out_of_its_bounds_is_refused_not_wrapped_around(
    name: str, value: int, words: str
) -> None:
    frame = table(**{name: np.array([value, 0, 0], dtype=np.int64)})
    found = problems(refusal(frame))
    assert words in found[(name, "ann")], found


def test_a_counter_at_the_most_a_year_holds_is_accepted() -> None:
    # 318 units counted before: far past the 26 free units, so above the threshold every
    # eligible unit would count; ann earns 2,500.00, at or below it, so her 4 units get the
    # supplement either way: 4 × 5.10 = 20.40
    result = compute_population(table(prior_supplement_units=[318, 0, 0]), 2024, 6)
    assert isinstance(result, pd.DataFrame)
    assert result["supplement_units_after"].tolist() == [322.0, 0.0, 2.0]
    assert result.loc["ann", "employer_supplement_cents"] == 2040


NUMERIC = [c for c in COLUMNS if c.kind in ("cents", "hundredths", "count", "half_units")]


def _valid(column: Column) -> int:
    return column.default if isinstance(column.default, int) else 0


@given(st.sampled_from(NUMERIC), st.integers(-(2**63), 2**63 - 1))
def test_any_int64_out_of_a_columns_bounds_is_refused_naming_the_column_and_row(
    column: Column, value: int
) -> None:
    assert column.high is not None  # every numeric column has a bound
    assume(value < 0 or value > column.high or (column.positive and value == 0))
    others = 350_000 if column.name == "monthly_wage_cents" else _valid(column)
    frame = table(**{column.name: np.array([value, others, others], dtype=np.int64)})
    found = problems(refusal(frame))
    assert list(found) == [(column.name, "ann")], found


@pytest.mark.parametrize(
    "days",
    [
        pd.Series([4.0, np.nan, 2.0], index=INDEX),
        pd.Series([4, None, 2], dtype=object, index=INDEX),
        pd.Series([4, pd.NA, 2], dtype="Int64", index=INDEX),
    ],
    ids=["nan", "none", "na"],
)
def test_a_missing_value_is_refused_as_missing(days: pd.Series) -> None:
    found = problems(refusal(table(days_economic=days)))
    assert found == {("days_economic", "bob"): "row 'bob' (position 1): the value is missing"}


def test_a_nullable_integer_column_without_missing_values_computes() -> None:
    plain = compute_population(table(), 2024, 6)
    nullable = compute_population(
        table(days_economic=pd.Series([4, 0, 2], dtype="Int64", index=INDEX)), 2024, 6
    )
    assert isinstance(plain, pd.DataFrame) and isinstance(nullable, pd.DataFrame)
    pd.testing.assert_frame_equal(plain, nullable)


# --------------------------------------------------------------------------- item 16: all at once


def test_every_problem_of_every_column_is_reported_at_once() -> None:
    frame = table(
        # ann: not whole cents; bob: negative (hidden behind ann's problem before)
        monthly_wage_cents=[2500.5, -5.0, 450_000.0],
        # cyd: an hourly wage as well as a monthly one (a check across columns, still made on
        # the rows whose columns all read)
        hourly_wage_cents=[0, 0, 2_000],
        # ann: missing
        days_economic=[np.nan, 2.0, 1.0],
        regime=["full_time", "half", "full_time"],
    )
    found = problems(refusal(frame))
    assert set(found) == {
        ("monthly_wage_cents", "ann"),
        ("monthly_wage_cents", "bob"),
        ("monthly_wage_cents", "cyd"),
        ("days_economic", "ann"),
        ("regime", "bob"),
    }, found
    assert "2500.5 is not a whole number of cents" in found[("monthly_wage_cents", "ann")]
    assert "-5 cents is negative" in found[("monthly_wage_cents", "bob")]
    assert "both a monthly and an hourly wage" in found[("monthly_wage_cents", "cyd")]


def test_the_same_problems_in_the_same_order_whatever_the_threads_reading_the_columns() -> None:
    # every column read on a thread of its own with its own problems, taken in column order
    frame = table(
        monthly_wage_cents=[2500.5, -5.0, 450_000.0],
        hourly_wage_cents=[0, 0, 2_000],
        days_economic=[np.nan, 2.0, 1.0],
        days_per_week=[6, 9, 0],
        prior_supplement_units=[400, 0, -1],
        regime=["full_time", "half", "full_time"],
        card_submitted=[True, 2, False],
    )
    expected = refusal(frame, workers=1).errors()
    assert len(expected) > 6
    for workers in (2, 3, 8):
        assert refusal(frame, workers=workers).errors() == expected


def test_a_row_already_refused_is_not_checked_again_across_columns() -> None:
    # bob's 40 days are above 31 (his own column's bound): the month's days across reasons are
    # not counted for him as well
    found = problems(refusal(table(days_economic=[4, 40, 2])))
    assert list(found) == [("days_economic", "bob")], found


# --------------------------------------------------------------------------- item 10: crashes


@pytest.mark.parametrize(
    "empty",
    [
        pd.DataFrame(
            {
                "monthly_wage_cents": pd.Series([], dtype=np.int64),
                "days_economic": pd.Series([], dtype=np.int64),
            }
        ),
        pd.DataFrame(),
        pd.DataFrame({"days_economic": pd.Series([], dtype=object)}),
    ],
    ids=["typed", "no_columns", "no_wage_column"],
)
def test_a_table_of_no_rows_gives_an_empty_result(empty: pd.DataFrame) -> None:
    result = compute_population(empty, 2024, 6, detail=True)
    assert isinstance(result, pd.DataFrame)
    assert len(result) == 0
    assert list(result.columns) == [*OUTPUT_COLUMNS, *DETAIL_COLUMNS]
    assert result["net_total_cents"].dtype == np.int64


def test_a_mapping_of_no_rows_gives_empty_columns() -> None:
    result = compute_population({"monthly_wage_cents": np.array([], dtype=np.int64)}, 2024, 6)
    assert isinstance(result, dict)
    assert list(result) == list(OUTPUT_COLUMNS)
    assert all(len(column) == 0 for column in result.values())


def test_comparing_a_table_of_no_rows_gives_no_change() -> None:
    baseline = ParameterSet.default()
    result = compare(pd.DataFrame(), 2025, 3, baseline, baseline)
    assert (result.gainers, result.losers, result.unchanged) == (0, 0, 0)
    assert str(result.net_cost) == "0.00" and result.change_quantiles == {}


def test_an_unknown_column_is_refused_even_in_a_table_of_no_rows() -> None:
    found = problems(refusal(pd.DataFrame({"days_econmic": pd.Series([], dtype=np.int64)})))
    assert list(found) == [("days_econmic",)]


@pytest.mark.parametrize(
    "huge",
    [10**30, Decimal("1E+5000"), "1E+999999999", 10**5000],
    ids=["int", "decimal", "text", "longer_than_str_allows"],
)
def test_an_object_column_with_a_huge_number_is_refused_naming_it(huge: Any) -> None:
    wages = pd.Series([huge, 350_000, 450_000], dtype=object, index=INDEX)
    start = time.perf_counter()
    found = problems(refusal(table(monthly_wage_cents=wages)))
    assert time.perf_counter() - start < 5  # "1E+999999999" is not written out
    assert "is above 1e+08" in found[("monthly_wage_cents", "ann")], found


def test_a_column_given_twice_is_refused_naming_it() -> None:
    frame = pd.concat([table(), table()[["days_economic"]]], axis=1)
    found = problems(refusal(frame))
    assert found == {
        ("days_economic",): "the column 'days_economic' is given 2 times; give each column once"
    }


def test_a_column_of_several_dimensions_is_refused_naming_it() -> None:
    columns = {"monthly_wage_cents": np.array([250_000, 350_000]), "days_economic": np.ones((2, 2))}
    found = problems(refusal(columns))
    assert list(found) == [("days_economic",)] and "one-dimensional" in found[("days_economic",)]


# --------------------------------------------------------------------------- item 11: overflow


def _case(wage: dict[str, Decimal], hours: str, days_per_week: int) -> Case:
    return Case(
        worker(**wage, weekly_hours=Decimal(hours), days_per_week=days_per_week),
        employer(),
        month_of(2024, 6, unemployed([date(2024, 6, 3)], Reason.ECONOMIC)),
        History(),
    )


def test_rows_that_each_compute_alone_compute_together() -> None:
    # the table: 10,000.00 EUR an hour, 50 h over 6 days, next to 2,000.00 EUR a month,
    # 1 h over 1 day. The guard used to bound the rows together, the one's hourly wage × weekly
    # hours as a daily wage times the units of the other's 1 h a week (the most units per day),
    # and refused the month's figures; each row's own figures are far from 2**63 (the daily
    # wage is capped at the ceiling before any amount is formed)
    people = [
        _case({"monthly_gross_wage": None, "hourly_wage": Decimal("10000.00")}, "50", 6),
        _case({"monthly_gross_wage": Decimal("2000.00")}, "1", 1),
    ]
    check_rows(2024, 6, ParameterSet.default(), people)  # each row is what compute_month gives


def test_a_row_whose_own_figures_could_overflow_is_refused_by_name() -> None:
    # a supplement of 200.00 EUR a unit (20,000 cents). bob works 0.01 h a week over 1 day: his
    # units can reach 31 days × (0.01 h + 6 × 24 h) × 6 / 0.01 h ≈ 2.7 million (5.4 million half
    # units); 2 × 5.4e6 × 20,000 × the withholding's (107 + 107) × 400 × 400 ≈ 7.3e18 is beyond
    # 2**62 ≈ 4.6e18. ann's 38 h over 5 days: at most 358 half units, ≈ 4.9e14: she is fine,
    # so the month's figures are not to blame: bob is, by name
    parameters = ParameterSet.default().override({"supplement.amount": Decimal("200.00")})
    frame = table(weekly_hours_hundredths=[3800, 1, 3800], days_per_week=[5, 1, 5])
    found = problems(refusal(frame, parameters=parameters))
    assert list(found) == [("weekly_hours_hundredths", "bob")], found
    assert "overflow" in found[("weekly_hours_hundredths", "bob")]
    alone = compute_population(table().iloc[[0, 2]], 2024, 6, parameters=parameters)
    assert len(alone) == 2


# --------------------------------------------------------------------------- item 6: privacy

NISS_LIKE = [
    "85073003328",  # a national number
    "85.07.30-033.28",  # as printed
    85073003328,  # as an integer index
    "8507300332",  # one digit dropped
    "850730033289",  # one digit added
    "85073003329",  # one digit changed (fails its check: still personal data)
    "worker-85073003328",  # inside a longer key
]


@pytest.mark.parametrize("label", NISS_LIKE, ids=str)
def test_a_row_labelled_by_a_national_number_is_named_by_position_and_masked(label: Any) -> None:
    frame = table(monthly_wage_cents=[250_000, -1, 450_000]).set_axis(["a", label, "c"])
    error = refusal(frame)
    assert not leaked(error), leaked(error)
    ((loc, message),) = problems(error).items()
    assert loc[0] == "monthly_wage_cents" and str(loc[1]).startswith("**.**.**-***.")
    assert message.startswith(f"row '{loc[1]}' (position 1): -1 cents is negative")


@pytest.mark.parametrize(
    "changes",
    [
        {"monthly_wage_cents": [85073003328, 350_000, 450_000]},
        {"monthly_wage_cents": pd.Series(["85.07.30-033.28", 1, 2], dtype=object, index=INDEX)},
        {"days_economic": [4.0, 85073003328.0, 2.0]},
        {"prior_supplement_units": [0, 8507300332.5, 0]},
        {"joint_committee": ["85073003328", "200", "200"]},
        {"regime": ["85.07.30-033.28", "full_time", "full_time"]},
        {"has_legitimation_card": [85073003328, 0, 1]},
        {"85073003328": [1, 2, 3]},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_a_national_number_in_a_column_is_never_repeated(changes: dict[str, Any]) -> None:
    error = refusal(table(**changes))
    assert not leaked(error), leaked(error)


def test_a_national_number_given_as_the_year_is_not_repeated() -> None:
    error = refusal(table(), year=85073003328)
    assert not leaked(error), leaked(error)


@given(
    st.text(alphabet="0123456789", min_size=10, max_size=13),
    st.sampled_from(["", ".", "-", " "]),
    st.sampled_from(["label", "wage", "committee"]),
)
def test_no_run_of_ten_digits_ever_reaches_an_error(
    digits: str, separator: str, where: str
) -> None:
    written = separator.join([digits[:2], digits[2:4], digits[4:6], digits[6:]])
    frame = table(monthly_wage_cents=[250_000, -1, 450_000])
    if where == "label":
        frame = frame.set_axis(["a", written, "c"])
    elif where == "wage":
        frame["monthly_wage_cents"] = pd.Series([written, -1, 450_000], dtype=object, index=INDEX)
    else:
        frame["joint_committee"] = ["200", written, "200"]
    error = refusal(frame)
    assert not leaked(error), leaked(error)


def test_an_empty_frame_from_no_cases_computes() -> None:
    result = compute_population(frame_from_cases([]), 2024, 6)
    assert isinstance(result, pd.DataFrame) and len(result) == 0


# --------------------------------------------------------------------------- any table at all

HOSTILE = st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.text(max_size=12),
    st.decimals(allow_nan=True),
    st.sampled_from(
        [pd.NA, np.nan, "85.07.30-033.28", 85073003328, [1, 2], date(2024, 6, 3), "124", "II"]
    ),
)
NAMES = [c.name for c in COLUMNS] + ["85073003328", "days_econmic"]


@st.composite
def hostile_tables(draw: st.DrawFn) -> Any:
    """A DataFrame or a mapping of a few rows, of known and unknown columns holding anything."""
    rows = draw(st.integers(0, 4))
    columns: dict[str, Any] = {}
    for name in draw(st.lists(st.sampled_from(NAMES), max_size=5, unique=True)):
        kind = draw(st.sampled_from(["objects", "int64", "float64", "Int64"]))
        if kind == "int64":
            ints = st.integers(-(2**63), 2**63 - 1)
            values: Any = np.array(draw(st.lists(ints, min_size=rows, max_size=rows)), np.int64)
        elif kind == "float64":
            values = np.array(draw(st.lists(st.floats(), min_size=rows, max_size=rows)))
        elif kind == "Int64":
            maybe = st.one_of(st.none(), st.integers(-(2**63) + 1, 2**63 - 1))
            values = pd.array(draw(st.lists(maybe, min_size=rows, max_size=rows)), dtype="Int64")
        else:
            values = np.empty(rows, dtype=object)
            values[:] = draw(st.lists(HOSTILE, min_size=rows, max_size=rows))
        columns[name] = values
    if draw(st.booleans()):
        return columns
    labels = st.one_of(st.text(max_size=12), st.integers(), st.just("85073003328"))
    index = pd.Index(draw(st.lists(labels, min_size=rows, max_size=rows)), dtype=object)
    return pd.DataFrame({k: pd.Series(v, index=index) for k, v in columns.items()}, index=index)


@given(hostile_tables())
def test_any_table_computes_or_is_refused_naming_a_column_without_a_national_number(
    frame: Any,
) -> None:
    error: ValidationError | None = None
    try:
        compute_population(frame, 2024, 6)
    except ValidationError as refused:  # nothing else may come out
        error = refused
    if error is not None:
        assert not leaked(error), leaked(error)
        # each names a column (the one named by a national number, masked) or the table
        named = {*NAMES, "frame", "**.**.**-***.28"} - {"85073003328"}
        for detail in error.errors():
            assert detail["loc"][0] in named, detail
