"""The counters a month leaves (R5 supplement units of the calendar year, R6 construction credit
of the service year), shown together in ``history.after``; each is its rule's, chained here from
``supplement.prior_units`` / ``construction.prior_credit`` to the month's counts."""

from datetime import date

import numpy as np

from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Reason
from chomage_rules.explain.step import Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.rules import construction, counters, supplement, units

DEFAULT = ParameterSet.default()


def history_step(
    *,
    supplement_prior: int = 0,
    supplement_reset: bool = False,
    counted: int = 0,
    credit_prior: int = 0,
    credit_reset: bool = False,
    covered: int = 0,
    service_year: date = date(2024, 10, 1),
) -> Step:
    (step,) = counters.steps(
        supplement_prior=supplement_prior,
        supplement_reset=supplement_reset,
        supplement_counted=counted,
        supplement_after=supplement_prior + counted,
        service_year=service_year,
        credit_prior=credit_prior,
        credit_reset=credit_reset,
        credit_covered=covered,
        credit_after=credit_prior + covered,
    )
    return step


def test_the_step() -> None:
    # supplement: 10 units before + 5 = 15; credit: 50 used + 10 = 60
    step = history_step(supplement_prior=20, counted=10, credit_prior=100, covered=20)
    assert (step.id, step.rule, step.applies) == ("history.after", "R5/R6", True)
    assert step.formula == (
        "supplement units this calendar year: 10 + 5; "
        "construction credit used since 2024-10-01: 50 + 10"
    )
    assert step.result == "15 supplement unit(s); 60 credit unit(s) used"


def test_the_step_says_a_counter_restarted() -> None:
    # a new calendar year: the supplement counter starts from 0; 0 + 2.5 = 2.5
    step = history_step(supplement_reset=True, counted=5, credit_prior=30, covered=4)
    assert "supplement units this calendar year: 0 (new year: counter restarted) + 2.5" in (
        step.formula
    )
    # a new service year: 0 + 3 = 3 credit units
    step = history_step(credit_reset=True, covered=6, service_year=date(2025, 10, 1))
    assert "construction credit used since 2025-10-01: 0 (new year: counter restarted) + 3" in (
        step.formula
    )
    assert step.result == "0 supplement unit(s); 3 credit unit(s) used"


def test_the_step_takes_column_values() -> None:
    # the counts may come from a column's row (numpy int64): written as the same units
    step = history_step(counted=np.int64(7), covered=np.int64(3))
    assert step.result == "3.5 supplement unit(s); 1.5 credit unit(s) used"


def test_the_supplement_counter_across_1_january() -> None:
    # 30 units counted through 2024-12-31; January 2025: the counter restarts, 4 units this month
    prior, reset = supplement.prior_units(60, date(2024, 12, 31), date(2025, 1, 1))
    assert (prior, reset) == (0, True)
    f = month_figures(DEFAULT, date(2025, 1, 1)).supplement
    s = supplement.compute(
        SCALAR,
        f,
        {Reason.ECONOMIC: 8},
        monthly_wage_cents=500_000,
        hourly_wage_cents=0,
        weekly_hours_h=3800,
        divisor=26,
        prior_half_units=prior,
        agreement_guarantees_supplement=False,
        paid_by_fund=False,
    )
    # 0 + 4 units: within the year's first 26, nothing paid above the threshold; 4 units after
    assert (s.paid, s.counted_after) == (0, 8)
    step = history_step(supplement_prior=prior, supplement_reset=reset, counted=int(s.eligible))
    assert step.result.startswith("4 supplement unit(s)")


def test_the_credit_across_1_october() -> None:
    # 60 units used through 2024-09-30 (the whole credit); October 2024: a new service year
    prior, reset = construction.prior_credit(120, date(2024, 9, 30), date(2024, 10, 1))
    assert (prior, reset) == (0, True)
    f = month_figures(DEFAULT, date(2024, 10, 1)).construction
    c = construction.compute(
        SCALAR,
        f,
        {Reason.ECONOMIC: 24},
        units.scale(3800, 6, 3800, False),
        in_joint_committee=True,
        has_legitimation_card=True,
        has_category=True,
        category_code=0,
        frost_default_days={},
        frost_explicit_hours_h={},
        prior_credit_half_units=prior,
    )
    # the 12 units are covered again (12 × 6.34 = 76.08), 12 used after
    assert (c.covered, c.top_up, c.credit_used_after) == (24, 7608, 24)
    step = history_step(
        credit_prior=prior,
        credit_reset=reset,
        covered=int(c.covered),
        service_year=construction.service_year_start(date(2024, 10, 1)),
    )
    assert "used since 2024-10-01: 0 (new year: counter restarted) + 12" in step.formula
    assert step.result.endswith("12 credit unit(s) used")
