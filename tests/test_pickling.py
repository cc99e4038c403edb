"""Results and errors travel: every result and every exception of the library pickles and comes
back equal (issue 9, item 12).

A payment body runs the library in process pools: the pool sends each result, and each error,
back to the parent pickled. A result that cannot be loaded again ends the pool
(``BrokenProcessPool``); an error that cannot be loaded again replaces the real error by a
``TypeError`` about its constructor.
"""

import importlib
import inspect
import multiprocessing
import pickle
import pkgutil
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import chomage_rules
from chomage_rules import (
    Cp124Category,
    DayEntry,
    DayStatus,
    DerivedFigureRefused,
    History,
    Month,
    MonthResult,
    ParameterNotCovered,
    ParameterSet,
    Reason,
    compare,
    compute_month,
    compute_population,
)
from chomage_rules.cli.errors import CommandError
from chomage_rules.core.errors import input_error
from chomage_rules.parameters.schema import ParameterFileError, Problem
from chomage_rules.testing import Case, cases
from chomage_rules.testing.invariants import InvariantViolation
from tests.helpers import employer, month_of, unemployed, worker, working_days


def round_trip(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value))


# --------------------------------------------------------------------------- the exceptions


def _exception_classes() -> set[type[BaseException]]:
    """Every exception class defined in the library's modules (population and testing too)."""
    found: set[type[BaseException]] = set()
    for info in pkgutil.walk_packages(chomage_rules.__path__, "chomage_rules."):
        module = importlib.import_module(info.name)
        for _, member in inspect.getmembers(module, inspect.isclass):
            if issubclass(member, BaseException) and member.__module__.startswith("chomage_rules."):
                found.add(member)
    return found


# One strategy of constructor arguments per exception class of the library. A class added
# without one fails test_every_exception_class_of_the_library_is_listed below.
_TEXT = st.text(max_size=40)
_ARGUMENTS: dict[type[BaseException], st.SearchStrategy[tuple[Any, ...]]] = {
    ParameterNotCovered: st.tuples(_TEXT, st.dates(), _TEXT),
    DerivedFigureRefused: st.tuples(_TEXT, st.dates(), _TEXT),
    InvariantViolation: st.tuples(_TEXT, _TEXT),
    CommandError: st.tuples(_TEXT, st.sampled_from([1, 2])),
    ParameterFileError: st.tuples(
        st.lists(
            st.builds(Problem, _TEXT, st.none() | _TEXT, st.none() | _TEXT, _TEXT),
            min_size=1,
            max_size=3,
        )
    ),
}


def test_every_exception_class_of_the_library_is_listed() -> None:
    assert _exception_classes() == set(_ARGUMENTS)


@pytest.mark.parametrize("cls", list(_ARGUMENTS), ids=lambda c: c.__name__)
@settings(max_examples=50)
@given(data=st.data())
def test_every_exception_of_the_library_pickles(
    cls: type[BaseException], data: st.DataObject
) -> None:
    error = cls(*data.draw(_ARGUMENTS[cls]))
    error.add_note("raised while computing a month")
    loaded = round_trip(error)
    assert type(loaded) is cls
    assert str(loaded) == str(error)
    assert loaded.args == error.args
    assert vars(loaded) == vars(error)  # the attributes (name, on, invariant …) and the notes


def test_a_parameter_not_covered_keeps_its_figures() -> None:
    error = ParameterNotCovered("wage.monthly_ceiling", date(2019, 6, 1), "first value 2020-03-01")
    loaded = round_trip(error)
    assert (loaded.name, loaded.on, loaded.detail) == (
        "wage.monthly_ceiling",
        date(2019, 6, 1),
        "first value 2020-03-01",
    )
    assert str(loaded) == (
        "parameter 'wage.monthly_ceiling' has no value on 2019-06-01: first value 2020-03-01"
    )


def test_the_validation_errors_the_library_raises_pickle() -> None:
    # the models' own errors and those built by input_error (a History after the month …)
    with pytest.raises(ValidationError) as caught:
        worker(monthly_gross_wage="-1")
    built = input_error("History", ("history", "through"), "after the month", "2025-03-31")
    for error in (caught.value, built):
        loaded = round_trip(error)
        assert type(loaded) is type(error)
        assert str(loaded) == str(error)
        assert loaded.errors() == error.errors()


# --------------------------------------------------------------------------- the results


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    index, end = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    return [(i // 12, i % 12 + 1) for i in range(index, end + 1)]


# 2020-03 (the first month every figure covers) to 2026-12: the months where the supplement or
# the energy scheme has no figure yet (2020-03 to 2022-09 hold a ParameterNotCovered in their
# figures) and every month after
ALL_MONTHS = _months((2020, 3), (2026, 12))


def _economic(year: int, month: int) -> Month:
    return month_of(year, month, unemployed(working_days(year, month, 4), Reason.ECONOMIC))


def _construction(year: int, month: int) -> tuple[Any, Any, Month, History]:
    """CP 124, category II, bad weather in a frost period and economic days: the credit and the
    top-up (in force from 2020-03-26: a month from April 2020)."""
    days = working_days(year, month, 6, six_day=False)
    entries = [
        *unemployed(days[:2], Reason.BAD_WEATHER, frost_period=True),
        *unemployed(days[2:], Reason.ECONOMIC),
    ]
    return (
        worker(
            days_per_week=5,
            cp124_category=Cp124Category.II,
            has_legitimation_card=True,
            monthly_gross_wage=Decimal("2500.00"),
        ),
        employer("124"),
        Month(year=year, month=month, days=entries),
        History(cp124_credit_used=Decimal("10")),
    )


def _energy(year: int, month: int) -> Month:
    return month_of(year, month, unemployed(working_days(year, month, 3), Reason.ENERGY_CRISIS))


def _hourly_force_majeure(year: int, month: int) -> Month:
    days = working_days(year, month, 5)
    return Month(
        year=year,
        month=month,
        days=[
            *unemployed(days[:2], Reason.FORCE_MAJEURE),
            DayEntry(day=days[2], status=DayStatus.WORKED),
            *unemployed(days[3:], Reason.ECONOMIC, hours=Decimal("3.25")),
        ],
        card_submitted=False,
    )


def _examples() -> list[tuple[str, tuple[Any, ...]]]:
    """Four kinds of worker-month, each in every month it applies to."""
    examples: list[tuple[str, tuple[Any, ...]]] = []
    for year, month in ALL_MONTHS:
        examples.append(
            (f"economic-{year}-{month:02d}", (worker(), employer(), _economic(year, month)))
        )
        if (year, month) >= (2020, 4):
            examples.append((f"cp124-{year}-{month:02d}", _construction(year, month)))
        if (2022, 10) <= (year, month) <= (2023, 3):  # the energy-crisis scheme
            examples.append(
                (f"energy-{year}-{month:02d}", (worker(), employer(), _energy(year, month)))
            )
        if month in (1, 7):
            hourly = worker(monthly_gross_wage=None, hourly_wage=Decimal("17.35"))
            examples.append(
                (
                    f"hourly-fm-{year}-{month:02d}",
                    (hourly, employer(), _hourly_force_majeure(year, month)),
                )
            )
    return examples


EXAMPLES = _examples()


def _everything(result: MonthResult) -> dict[str, Any]:
    """What a reader can get from a result: amounts, steps, notices, counters, every rendering."""
    return {
        "amounts": (
            result.units,
            result.daily_amounts,
            result.allowance_lines,
            result.gross_allowance,
            result.sector_top_up,
            result.employer_supplement,
            result.supplement_units_paid,
            result.construction_units_paid,
            result.withholding,
            result.net_total,
            result.payments,
            result.status,
        ),
        "history_after": result.history_after,
        "steps": result.steps,
        "notices": result.notices,
        "fingerprint": result.parameters_fingerprint,
        "renderings": [
            result.explain(format, lang)
            for format in ("text", "markdown", "json")
            for lang in ("en", "fr", "nl")
        ],
    }


@pytest.mark.parametrize("example", [e for _, e in EXAMPLES], ids=[n for n, _ in EXAMPLES])
def test_a_result_comes_back_equal_with_the_same_explanation(example: tuple[Any, ...]) -> None:
    result = compute_month(*example)
    loaded = round_trip(result)  # before anything is read: nothing written out yet
    assert loaded == result
    assert _everything(loaded) == _everything(result)
    # read, then pickled: what was written out when read is written again the same
    again = round_trip(result)
    assert again == result and _everything(again) == _everything(result)


@settings(max_examples=60)
@given(cases())
def test_any_generated_result_comes_back_equal(case: Case) -> None:
    result = compute_month(case.worker, case.employer, case.month, case.history)
    loaded = round_trip(result)
    assert loaded == result
    assert loaded.payments == result.payments and loaded.steps == result.steps
    assert loaded.explain() == result.explain()


def test_a_result_is_small_and_shares_the_shipped_parameters() -> None:
    # the shipped parameters go by their fingerprint, and the month's figures are derived again:
    # a result is a few kilobytes (the whole set alone pickles to some 60 kB)
    result = compute_month(worker(), employer(), _economic(2025, 3))
    assert len(pickle.dumps(result)) < 8_000
    assert round_trip(result).computation.parameters is ParameterSet.default()


def test_a_result_under_the_callers_own_parameters_carries_them() -> None:
    # a what-if set has no other home than the pickle: it goes whole, figures and fingerprint
    reform = ParameterSet.default().override({"supplement.amount": {date(2025, 1, 1): "6.00"}})
    result = compute_month(worker(), employer(), _economic(2025, 3), parameters=reform)
    loaded = round_trip(result)
    assert loaded == result and loaded.parameters_fingerprint == reform.fingerprint()
    # 4 economic units below the threshold × 6.00 = 24.00 (the shipped 5.20 would give 20.80)
    assert loaded.employer_supplement == result.employer_supplement == Decimal("24.00")
    assert _everything(loaded) == _everything(result)


def test_a_result_computed_with_other_shipped_figures_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # another version of the library ships other figures: loading the result there would explain
    # amounts it did not pay, so it is refused, naming both fingerprints
    result = compute_month(worker(), employer(), _economic(2025, 3))
    data = pickle.dumps(result)
    other = ParameterSet.default().override({"rate.standard": {date(2025, 1, 1): "0.61"}})
    monkeypatch.setattr(ParameterSet, "default", classmethod(lambda cls: other))
    with pytest.raises(pickle.UnpicklingError) as caught:
        pickle.loads(data)
    assert result.parameters_fingerprint in str(caught.value)
    assert other.fingerprint() in str(caught.value)


def test_the_parts_of_a_result_come_back_equal() -> None:
    example = _construction(2024, 1)
    result = compute_month(*example)
    parts = [
        *result.payments,
        *result.allowance_lines,
        *result.steps,
        *result.notices,
        result.history_after,
        result.status,
        *example,
    ]
    for part in parts:
        assert round_trip(part) == part, part
    for step in result.steps:
        assert round_trip(step).text("fr") == step.text("fr")


def test_a_parameter_set_comes_back_with_the_same_figures() -> None:
    # decision: a ParameterSet pickles whole (a result under a what-if set needs it)
    shipped = ParameterSet.default()
    loaded = round_trip(shipped)
    assert loaded.fingerprint() == shipped.fingerprint()
    assert loaded.names() == shipped.names()
    for name in shipped.names():
        assert loaded.parameter(name) == shipped.parameter(name)
    assert loaded.value("wage.monthly_ceiling", date(2025, 3, 1)) == shipped.value(
        "wage.monthly_ceiling", date(2025, 3, 1)
    )


# --------------------------------------------------------------------------- populations

FRAME = pd.DataFrame(
    {
        "monthly_wage_cents": [260_000, 500_000, 310_000],
        "days_per_week": [6, 6, 5],
        "days_economic": [10, 0, 4],
        "days_force_majeure": [0, 3, 0],
    },
    index=["low", "fm", "five"],
)


def test_a_population_result_comes_back_equal() -> None:
    table = compute_population(FRAME, 2025, 3, detail=True)
    assert isinstance(table, pd.DataFrame)
    loaded = round_trip(table)
    pd.testing.assert_frame_equal(loaded, table)
    assert loaded.attrs == table.attrs


def test_a_comparison_comes_back_equal() -> None:
    baseline = ParameterSet.default()
    reform = baseline.override({"rate.standard": {date(2025, 1, 1): Decimal("0.62")}})
    result = compare(FRAME, 2025, 3, baseline, reform)
    loaded = round_trip(result)
    for name in ("baseline", "reform", "rows", "cost", "cost_by_component"):
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(result, name))
    assert (loaded.gainers, loaded.losers, loaded.unchanged) == (
        result.gainers,
        result.losers,
        result.unchanged,
    )
    assert loaded.change_quantiles == result.change_quantiles
    assert loaded.summary() == result.summary()


# --------------------------------------------------------------------------- a process pool

POOL_EXAMPLES = EXAMPLES[::3]  # some sixty worker-months across 2020-2026, every kind


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_process_pool_gives_the_results_computed_in_process(start: str) -> None:
    context = multiprocessing.get_context(start)
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        futures = [pool.submit(compute_month, *example) for _, example in POOL_EXAMPLES]
        pooled = [future.result(timeout=120) for future in futures]
        # an error raised in a worker comes back as itself: 2019 is before the first figures
        # (bad input at the month), and a what-if set without a standard rate lacks a figure
        early = pool.submit(compute_month, worker(), employer(), _economic(2019, 6))
        with pytest.raises(ValidationError) as refused:
            early.result(timeout=120)
        no_rate = ParameterSet.default().override({"rate.standard": None})
        bare = pool.submit(
            compute_month, worker(), employer(), _economic(2024, 6), parameters=no_rate
        )
        with pytest.raises(ParameterNotCovered) as caught:
            bare.result(timeout=120)
    assert [e["loc"] for e in refused.value.errors()] == [("month",)]
    assert "2019-06" in str(refused.value)
    assert (caught.value.name, caught.value.on) == ("rate.standard", date(2024, 6, 1))
    for (name, example), result in zip(POOL_EXAMPLES, pooled, strict=True):
        here = compute_month(*example)
        assert result == here, name
        assert result.payments == here.payments and result.steps == here.steps, name
        assert result.explain("json", "fr") == here.explain("json", "fr"), name
