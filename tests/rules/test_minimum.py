"""R3 Minimum daily amount: where a minimum is sourced for the date, each daily amount is at least
it; from 2024 none is sourced and none is applied."""

from datetime import date

import numpy as np
import pytest

from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.core.ops import SCALAR
from chomage_rules.explain.step import Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.parameters.month import resolve_month
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import daily_wage, minimum, rate
from chomage_rules.rules.rate import RateGroup

DEFAULT = ParameterSet.default()
DECEMBER_2022 = date(2022, 12, 1)
JUNE_2024 = date(2024, 6, 1)
STANDARD, FORCE_MAJEURE, ENERGY = (
    RateGroup.STANDARD,
    RateGroup.FORCE_MAJEURE,
    RateGroup.ENERGY_CRISIS,
)
F = month_figures(DEFAULT, DECEMBER_2022).minimum  # 61.37 from 2022-12-01 (Securex)


def test_the_minimum_in_force() -> None:
    # allowance.toml: 60.17 (June 2022), 57.84 (from 2022-07-01), 61.37 (from 2022-12-01),
    # 63.52 (from 2023-07-01), 64.79 (from 2023-11-01), none sourced from 2024-01-01
    assert month_figures(DEFAULT, date(2022, 6, 1)).minimum.minimum_cents == 6017
    assert month_figures(DEFAULT, date(2022, 7, 1)).minimum.minimum_cents == 5784
    assert F.minimum_cents == 6137
    assert month_figures(DEFAULT, date(2023, 7, 1)).minimum.minimum_cents == 6352
    assert month_figures(DEFAULT, date(2023, 11, 1)).minimum.minimum_cents == 6479
    assert month_figures(DEFAULT, JUNE_2024).minimum.minimum_cents is None
    # before June 2022 the files have a version with no figure: none applied, not refused
    assert month_figures(DEFAULT, date(2020, 3, 1)).minimum.minimum_cents is None


def test_a_month_before_the_first_version_is_not_covered() -> None:
    # the parameter's first version starts on 2020-02-01
    with pytest.raises(ParameterNotCovered) as raised:
        minimum.figures(resolve_month(DEFAULT, date(2020, 1, 1)))
    assert raised.value.name == "allowance.minimum_daily"


def test_an_amount_below_the_minimum_is_raised() -> None:
    # 2,000.00 / 26 × 65 % = 50.00 is raised to 61.37; 80.00 stays
    raised = minimum.apply(SCALAR, F, {STANDARD: 5000, FORCE_MAJEURE: 8000})
    assert raised == {STANDARD: 6137, FORCE_MAJEURE: 8000}


def test_an_amount_at_the_minimum_stays() -> None:
    # max(61.37, 61.37) = 61.37; one cent below, 61.36, is raised to 61.37
    assert minimum.apply(SCALAR, F, {STANDARD: 6137}) == {STANDARD: 6137}
    assert minimum.apply(SCALAR, F, {STANDARD: 6136}) == {STANDARD: 6137}


def test_no_minimum_sourced_leaves_the_amounts() -> None:
    f = month_figures(DEFAULT, JUNE_2024).minimum
    assert minimum.apply(SCALAR, f, {STANDARD: 5000}) == {STANDARD: 5000}


def test_a_supplied_minimum_is_applied() -> None:
    # allowance.minimum_daily supplied from 2024-01-01 as 66.09: 50.00 → 66.09
    supplied = DEFAULT.override({"allowance.minimum_daily": {date(2024, 1, 1): "66.09"}})
    f = month_figures(supplied, JUNE_2024).minimum
    assert f.minimum_cents == 6609
    assert minimum.apply(SCALAR, f, {STANDARD: 5000}) == {STANDARD: 6609}


def test_the_chain_from_a_low_wage() -> None:
    # December 2022, 2,000.00 a month: 0.65 × 2,000.00 / 26 = 50.00 and, energy scheme,
    # 0.70 × 2,000.00 / 26 = 53.8461… → 53.85: both raised to 61.37
    f = month_figures(DEFAULT, DECEMBER_2022)
    wage = daily_wage.compute(
        SCALAR, f.daily_wage, monthly_wage_cents=200_000, hourly_wage_cents=0, weekly_hours_h=3800
    )
    before = rate.daily_amounts(f.rate, wage)
    assert before == {STANDARD: 5000, FORCE_MAJEURE: 5000, ENERGY: 5385}
    assert minimum.apply(SCALAR, f.minimum, before) == dict.fromkeys(before, 6137)


def test_columns_give_the_scalar_figures() -> None:
    # 50.00 → 61.37; 61.36 → 61.37; 61.37 stays; 80.00 stays
    amounts = [5000, 6136, 6137, 8000]
    column = minimum.apply(NUMPY, F, {STANDARD: np.array(amounts, dtype=np.int64)})[STANDARD]
    scalars = [minimum.apply(SCALAR, F, {STANDARD: a})[STANDARD] for a in amounts]
    assert column.tolist() == scalars == [6137, 6137, 6137, 8000]


def steps_of(f: minimum.Figures, before: dict[RateGroup, int]) -> tuple[Step, ...]:
    after = minimum.apply(SCALAR, f, before)
    return minimum.steps(f, before, after, tuple(before))


def test_step_without_a_day() -> None:
    (step,) = minimum.steps(F, {}, {}, ())
    assert (step.id, step.applies, step.message) == (
        "allowance.minimum",
        False,
        "allowance.minimum.no_days",
    )


def test_step_when_no_minimum_is_sourced() -> None:
    (step,) = steps_of(month_figures(DEFAULT, JUNE_2024).minimum, {STANDARD: 5000})
    assert (step.id, step.applies) == ("allowance.minimum", False)
    assert step.formula == "no minimum daily amount is sourced on 2024-06-01"
    assert "allowance.minimum_daily" in step.result
    assert [u.name for u in step.parameters] == ["allowance.minimum_daily"]


def test_step_when_an_amount_is_raised() -> None:
    (step,) = steps_of(F, {STANDARD: 5000, ENERGY: 8000})
    assert (step.id, step.rule, step.applies) == ("allowance.minimum", "R3", True)
    assert step.values["minimum"] == 6137
    assert step.formula == (
        "standard: max(50.00, minimum 61.37); energy crisis: max(80.00, minimum 61.37)"
    )
    assert step.result == (
        "standard raised to 61.37; energy crisis 80.00 is not below the minimum 61.37"
    )


def test_step_when_no_amount_is_raised() -> None:
    # 61.37 is not below 61.37: kept, the rule did not change anything
    (step,) = steps_of(F, {STANDARD: 6137})
    assert step.applies is False
    assert step.result == "standard 61.37 is not below the minimum 61.37"


def test_step_shows_the_minimum_used() -> None:
    # with 66.09 supplied, the text says 66.09 and not the 2022 figure 61.37
    supplied = DEFAULT.override({"allowance.minimum_daily": {date(2024, 1, 1): "66.09"}})
    (step,) = steps_of(month_figures(supplied, JUNE_2024).minimum, {STANDARD: 5000})
    assert step.result == "standard raised to 66.09"
    assert "61.37" not in step.formula
    assert step.parameters[0].version.overridden


def test_every_step_names_its_rule_and_sources() -> None:
    # each variant is printed with its rule (R3) and its sources: no day, no minimum sourced,
    # a minimum compared
    (no_days,) = minimum.steps(F, {}, {}, ())
    (none,) = steps_of(month_figures(DEFAULT, JUNE_2024).minimum, {STANDARD: 5000})
    (compared,) = steps_of(F, {STANDARD: 5000})
    for step in (no_days, none, compared):
        assert (step.rule, step.sources) == ("R3", minimum.SOURCES), step.message
