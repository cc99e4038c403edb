"""Issue 10, item 1: how sure each figure is. A strict set refuses derived and unverified figures;
``report(on=…)`` lists every figure in force on a day with its confidence, the stale and the
missing ones, and the facts: the list a payment body reviews each month."""

import json
import pickle
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chomage_rules
import chomage_rules.parameters as parameters_module
from chomage_rules import (
    DerivedFigureRefused,
    MonthResult,
    ParameterNotCovered,
    ParameterSet,
    Reason,
    compute_month,
    compute_months,
)
from chomage_rules.parameters import ParameterReport, report
from tests.helpers import employer, month_of, unemployed, worker, working_days

DEFAULT = ParameterSet.default()
STRICT = ParameterSet.default(strict=True)


def _month(
    year: int,
    month: int,
    parameters: ParameterSet = DEFAULT,
    wage: str = "5000.00",
    reason: Reason = Reason.ECONOMIC,
    days: int = 4,
) -> MonthResult:
    return compute_month(
        worker(monthly_gross_wage=Decimal(wage)),
        employer(),
        month_of(year, month, unemployed(working_days(year, month, days), reason)),
        parameters=parameters,
    )


def _amounts(result: MonthResult) -> tuple[object, ...]:
    return (result.payments, result.daily_amounts, result.units, result.history_after)


# --------------------------------------------------------------------------- strict sets


def test_a_strict_set_has_the_shipped_figures() -> None:
    assert STRICT.strict and not DEFAULT.strict
    assert STRICT is ParameterSet.default(strict=True)  # made once
    assert STRICT.fingerprint() == DEFAULT.fingerprint()  # the same figures
    assert "strict" in repr(STRICT)
    shipped = Path(str(resources.files(parameters_module)))
    assert ParameterSet.from_directory(shipped, strict=True).strict


@pytest.mark.parametrize(
    ("year", "month", "value", "grade"),
    [
        # 3,432.46 from 2025-02-01, derived (cross-checked); 3,501.11 from 2026-03-01, unverified
        (2025, 2, "3432.46", "derived"),
        (2026, 3, "3501.11", "derived and unverified"),
        (2026, 12, "3501.11", "derived and unverified"),
    ],
)
def test_a_month_that_needs_a_derived_figure_is_refused(
    year: int, month: int, value: str, grade: str
) -> None:
    # the ceiling is compared with every worker's wage: every month from February 2025 needs it
    with pytest.raises(DerivedFigureRefused) as caught:
        _month(year, month, STRICT, wage="1500.00")
    error = caught.value
    assert isinstance(error, ParameterNotCovered) and isinstance(error, LookupError)
    assert (error.name, error.value, error.confidence) == (
        "wage.monthly_ceiling",
        Decimal(value),
        "derived",
    )
    assert error.unverified == (grade != "derived")
    message = str(error)
    assert "'wage.monthly_ceiling'" in message and f"{value} from" in message
    assert f"is {grade}" in message
    assert f"asked for the month {year}-{month:02d}" in message
    assert "override" in message and "'wage.monthly_ceiling'" in message
    # it travels back from a process pool as itself
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is DerivedFigureRefused and str(again) == message
    assert (again.value, again.confidence, again.unverified) == (
        error.value,
        error.confidence,
        error.unverified,
    )


def test_the_month_before_the_derived_ceiling_computes_as_the_default() -> None:
    # January 2025 uses 3,365.16 (official): both sides of 2025-02-01
    strict, default = _month(2025, 1, STRICT), _month(2025, 1)
    assert _amounts(strict) == _amounts(default)
    assert strict.explain("json") == default.explain("json")
    with pytest.raises(DerivedFigureRefused):
        _month(2025, 2, STRICT)


def test_a_caller_figure_is_accepted_in_a_strict_set() -> None:
    change = {"wage.monthly_ceiling": {date(2025, 2, 1): "3432.46"}}
    supplied = STRICT.override(change)
    assert supplied.strict  # an override keeps the set strict
    result = _month(2026, 3, supplied)
    assert result.daily_amounts[Reason.ECONOMIC] == Decimal("79.21")  # 0.60 × 3,432.46 / 26
    assert _amounts(result) == _amounts(_month(2026, 3, DEFAULT.override(change)))
    ceiling = next(f for f in result.figures if f.name == "wage.monthly_ceiling")
    assert ceiling.confidence == "caller"


def test_reading_a_refused_figure_from_a_strict_set() -> None:
    with pytest.raises(DerivedFigureRefused, match="strict set"):
        STRICT.value("wage.monthly_ceiling", date(2026, 3, 1))
    # the version, with its confidence, can still be read
    assert STRICT.version("wage.monthly_ceiling", date(2026, 3, 1)).unverified
    assert STRICT.value("wage.monthly_ceiling", date(2025, 1, 31)) == Decimal("3365.16")


def test_a_strict_set_pickles_as_strict() -> None:
    again = pickle.loads(pickle.dumps(STRICT))
    assert again.strict and again.fingerprint() == STRICT.fingerprint()
    assert set(again.indexations) == set(STRICT.indexations)


def test_compute_months_stops_at_the_first_refused_month() -> None:
    months = [
        month_of(2025, m, unemployed(working_days(2025, m, 2), Reason.ECONOMIC)) for m in (1, 2)
    ]
    with pytest.raises(DerivedFigureRefused, match="2025-02"):
        compute_months(worker(), employer(), months, parameters=STRICT)


@settings(max_examples=60, deadline=None)
@given(
    month=st.tuples(st.integers(2020, 2024), st.integers(1, 12)),
    wage=st.integers(100_000, 600_000),
    reason=st.sampled_from(
        [Reason.ECONOMIC, Reason.FORCE_MAJEURE, Reason.BAD_WEATHER, Reason.TECHNICAL_ACCIDENT]
    ),
    days=st.integers(1, 10),
)
def test_a_month_that_needs_no_derived_figure_computes_as_the_default(
    month: tuple[int, int], wage: int, reason: Reason, days: int
) -> None:
    # every figure before February 2025 is official or secondary: the strict set gives the same
    # amounts, steps and notices as the default set
    year, number = month
    if (year, number) < (2020, 3):  # the ceiling's first figure is of March 2020
        number = 3
    salary = str(Decimal(wage) / 100)
    strict = _month(year, number, STRICT, salary, reason, days)
    default = _month(year, number, DEFAULT, salary, reason, days)
    assert _amounts(strict) == _amounts(default)
    assert strict.steps == default.steps and strict.notices == default.notices


# --------------------------------------------------------------------------- the report


def test_the_report_of_december_2026() -> None:
    on_day = report(on=date(2026, 12, 1))
    assert isinstance(on_day, ParameterReport) and not on_day.strict
    ceiling = on_day.figure("wage.monthly_ceiling")
    assert (ceiling.value, ceiling.valid_from, ceiling.confidence, ceiling.unverified) == (
        Decimal("3501.11"),
        date(2026, 3, 1),
        "derived",
        True,
    )
    assert ceiling.stale is not None
    assert (ceiling.stale.on, ceiling.stale.status) == (date(2026, 10, 1), "expected")
    assert ceiling.status == "stale"
    amount = on_day.figure("supplement.amount")
    assert (amount.value, amount.confidence, amount.unverified) == (
        Decimal("5.20"),
        "secondary",
        False,
    )
    assert amount.stale is not None and amount.stale.on == date(2026, 3, 1)
    threshold = on_day.figure("supplement.wage_threshold")
    assert (threshold.value, threshold.confidence, threshold.stale) == (
        Decimal("4284"),
        "secondary",
        None,
    )
    assert threshold.status == "in force"
    minimum = on_day.figure("allowance.minimum_daily")
    assert minimum.value is None and minimum.missing and minimum.status == "missing"
    energy = on_day.figure("supplement.energy_amount")
    assert energy.not_in_force and not energy.missing and energy.status == "not in force"
    assert {f.name for f in on_day.stale} == {"wage.monthly_ceiling", "supplement.amount"}
    assert "allowance.minimum_daily" in {f.name for f in on_day.missing}
    assert {f.name for f in on_day.derived} == {"wage.monthly_ceiling"}
    assert [f.name for f in on_day.figures] == list(DEFAULT.names())


def test_the_report_as_a_table() -> None:
    text = str(report(on=date(2026, 12, 1)))
    lines = text.splitlines()
    assert lines[0] == f"Figures in force on 2026-12-01 (set {DEFAULT.fingerprint()})"
    (ceiling,) = [line for line in lines if line.startswith("wage.monthly_ceiling ")]
    assert ceiling.split() == [
        "wage.monthly_ceiling",
        "3501.11",
        "2026-03-01",
        "derived,",
        "unverified",
        "2026-03-10",
        "stale",
        "(social_benefits",
        "indexation",
        "expected",
        "on",
        "2026-10-01)",
    ]
    (minimum,) = [line for line in lines if line.startswith("allowance.minimum_daily ")]
    assert minimum.split()[-1] == "missing"
    assert "- allowance.minimum_daily: missing: no minimum daily amount is sourced" in text
    assert "- supplement.amount: may be stale: social_benefits indexed on 2026-03-01" in text
    # the facts, with their confidence
    assert "Facts in force on 2026-12-01" in text
    assert any(line.startswith("control_card.") and "official" in line for line in lines)


def test_the_report_as_plain_data() -> None:
    data = report(on=date(2026, 12, 1)).as_dict()
    assert json.loads(json.dumps(data)) == data  # JSON-ready
    figures = {f["name"]: f for f in data["figures"]}
    ceiling = figures["wage.monthly_ceiling"]
    assert (ceiling["value"], ceiling["from"], ceiling["confidence"], ceiling["unverified"]) == (
        "3501.11",
        "2026-03-01",
        "derived",
        True,
    )
    assert ceiling["stale"]["on"] == "2026-10-01" and ceiling["stale"]["status"] == "expected"
    assert ceiling["stale"]["sources"][0]["date"] == "2026-03-10"
    assert figures["allowance.minimum_daily"]["status"] == "missing"
    assert figures["supplement.wage_threshold"]["stale"] is None
    facts = {f["name"]: f for f in data["facts"]}
    card = facts["control_card.electronic_mandatory_from"]
    assert (card["value"], card["confidence"]) == ("2025-01-01", "official")
    assert data["on"] == "2026-12-01" and data["strict"] is False


@pytest.mark.parametrize(
    ("on", "ceiling", "stale"),
    [
        (date(2025, 1, 31), "3365.16", None),
        (date(2025, 2, 1), "3432.46", None),
        (date(2026, 2, 28), "3432.46", None),
        (date(2026, 3, 1), "3501.11", None),
        (date(2026, 9, 30), "3501.11", None),
        (date(2026, 10, 1), "3501.11", date(2026, 10, 1)),
    ],
)
def test_the_ceiling_in_the_report_on_both_sides_of_each_date(
    on: date, ceiling: str, stale: date | None
) -> None:
    figure = report(on=on).figure("wage.monthly_ceiling")
    assert figure.value == Decimal(ceiling)
    assert (figure.stale.on if figure.stale else None) == stale


def test_the_report_of_a_strict_set_and_of_a_callers_figures() -> None:
    strict = report(on=date(2026, 12, 1), parameters=STRICT)
    assert strict.strict and strict.figure("wage.monthly_ceiling").refused
    assert not strict.figure("supplement.amount").refused
    supplied = DEFAULT.override({"supplement.amount": {date(2026, 3, 1): "5.30"}})
    amount = report(on=date(2026, 12, 1), parameters=supplied).figure("supplement.amount")
    assert (amount.value, amount.confidence, amount.overridden, amount.stale) == (
        Decimal("5.30"),
        "caller",
        True,
        None,
    )
    assert "supplied by the caller" in str(report(on=date(2026, 12, 1), parameters=supplied))


def test_the_report_before_the_first_figures() -> None:
    early = report(on=date(2019, 1, 1))
    assert all(f.missing and f.valid_from is None for f in early.figures)
    assert early.figure("rate.standard").status == "missing"
    with pytest.raises(KeyError):
        early.figure("rate.reduced")


def test_the_report_is_exported_and_checks_its_day() -> None:
    assert chomage_rules.report is report
    assert "report" in chomage_rules.__all__ and "DerivedFigureRefused" in chomage_rules.__all__
    with pytest.raises(TypeError, match=r"datetime\.date"):
        report(on="2026-12-01")  # type: ignore[arg-type]


def test_a_population_in_a_strict_set() -> None:
    population = pd.DataFrame(
        {
            "monthly_wage_cents": [250_000, 450_000],
            "days_per_week": [6, 6],
            "days_economic": [4, 2],
        }
    )
    with pytest.raises(DerivedFigureRefused, match="2026-03"):
        chomage_rules.compute_population(population, 2026, 3, parameters=STRICT)
    strict = chomage_rules.compute_population(population, 2024, 6, parameters=STRICT)
    default = chomage_rules.compute_population(population, 2024, 6)
    assert strict.equals(default)
