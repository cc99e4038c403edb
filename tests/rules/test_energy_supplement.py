"""R5 (energy scheme) The employer supplement for energy-crisis units, 2022-10-01 to 2023-03-31:
units × the energy supplement, rounded once, half up."""

from datetime import date

import numpy as np
import pytest

from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Reason
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.parameters.month import resolve_month
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import energy_supplement

DEFAULT = ParameterSet.default()
NOVEMBER_2022 = date(2022, 11, 1)
F = month_figures(DEFAULT, NOVEMBER_2022).energy  # 6.34 from 2022-11-01 (Group S)


def figures_on(on: date, parameters: ParameterSet = DEFAULT) -> energy_supplement.Figures:
    return month_figures(parameters, on).energy


def test_the_amount_in_force() -> None:
    # supplement.toml: 6.22 from 2022-10-01, 6.34 from 2022-11-01, none from 2023-04-01
    assert figures_on(date(2022, 10, 1)).amount_cents == 622
    assert F.amount_cents == 634
    assert figures_on(date(2023, 4, 1)).amount_cents is None
    # before the scheme there is no version at all
    before = figures_on(date(2020, 3, 1))
    assert (before.amount_cents, before.use) == (None, None)


def test_energy_crisis_units_only() -> None:
    # 9.5 energy-crisis units × 6.34 = 60.23; the 5 economic units do not count
    result = energy_supplement.compute(SCALAR, F, {Reason.ENERGY_CRISIS: 19, Reason.ECONOMIC: 10})
    assert (result.units, result.amount) == (19, 6023)


def test_half_a_unit() -> None:
    # October 2022: 0.5 × 6.22 = 3.11
    result = energy_supplement.compute(
        SCALAR, figures_on(date(2022, 10, 1)), {Reason.ENERGY_CRISIS: 1}
    )
    assert result.amount == 311


def test_half_a_unit_of_an_odd_amount_rounds_half_up() -> None:
    # the amount overridden to 6.47 (Securex's figure, the caveat): 0.5 × 6.47 = 3.235 → 3.24
    f = figures_on(NOVEMBER_2022, DEFAULT.override({"supplement.energy_amount": "6.47"}))
    assert energy_supplement.compute(SCALAR, f, {Reason.ENERGY_CRISIS: 1}).amount == 324


def test_no_unit_outside_the_scheme_is_fine() -> None:
    f = figures_on(date(2024, 6, 1))
    result = energy_supplement.compute(SCALAR, f, {Reason.ECONOMIC: 10, Reason.ENERGY_CRISIS: 0})
    assert (result.units, result.amount) == (0, 0)


def test_units_outside_the_scheme_are_not_covered() -> None:
    f = figures_on(date(2024, 6, 1))
    with pytest.raises(ParameterNotCovered) as raised:
        energy_supplement.compute(SCALAR, f, {Reason.ENERGY_CRISIS: 2})
    assert raised.value.name == "supplement.energy_amount"
    assert raised.value.on == date(2024, 6, 1)


def test_columns_give_the_scalar_figures() -> None:
    # 9.5 × 6.34 = 60.23; 0.5 × 6.34 = 3.17; nothing; 13 × 6.34 = 82.42
    energy = [19, 1, 0, 26]
    column = energy_supplement.compute(
        NUMPY,
        F,
        {
            Reason.ENERGY_CRISIS: np.array(energy, dtype=np.int64),
            Reason.ECONOMIC: np.full(4, 10, dtype=np.int64),
        },
    )
    scalars = [energy_supplement.compute(SCALAR, F, {Reason.ENERGY_CRISIS: u}) for u in energy]
    assert column.amount.tolist() == [s.amount for s in scalars] == [6023, 317, 0, 8242]
    assert column.units.tolist() == energy


def test_a_column_outside_the_scheme() -> None:
    f = figures_on(date(2024, 6, 1))
    zeros = np.zeros(3, dtype=np.int64)
    result = energy_supplement.compute(NUMPY, f, {Reason.ENERGY_CRISIS: zeros})
    assert result.amount.tolist() == [0, 0, 0]
    with pytest.raises(ParameterNotCovered):
        energy_supplement.compute(NUMPY, f, {Reason.ENERGY_CRISIS: np.array([0, 1, 0])})


def test_step_with_energy_crisis_units() -> None:
    result = energy_supplement.compute(SCALAR, F, {Reason.ENERGY_CRISIS: 19})
    (step,) = energy_supplement.steps(F, result)
    assert (step.id, step.rule, step.applies) == ("supplement.energy", "R5", True)
    # 9.5 × 6.34 = 60.23
    assert (step.formula, step.result) == ("9.5 × 6.34", "60.23, paid by the employer")
    assert [u.name for u in step.parameters] == ["supplement.energy_amount"]


def test_step_with_half_a_unit() -> None:
    # 0.5 × 6.34 = 3.17: half a unit is a unit of the scheme, the step applies
    (step,) = energy_supplement.steps(
        F, energy_supplement.compute(SCALAR, F, {Reason.ENERGY_CRISIS: 1})
    )
    assert step.applies is True
    assert (step.formula, step.result) == ("0.5 × 6.34", "3.17, paid by the employer")


def test_step_shows_the_amount_used() -> None:
    # 6.22 in October 2022: 9.5 × 6.22 = 59.09, and the text says 6.22, not 6.34
    f = figures_on(date(2022, 10, 1))
    (step,) = energy_supplement.steps(
        f, energy_supplement.compute(SCALAR, f, {Reason.ENERGY_CRISIS: 19})
    )
    assert (step.formula, step.result) == ("9.5 × 6.22", "59.09, paid by the employer")


def test_step_without_energy_crisis_units() -> None:
    f = figures_on(date(2020, 3, 1))
    (step,) = energy_supplement.steps(f, energy_supplement.compute(SCALAR, f, {Reason.ECONOMIC: 4}))
    assert (step.id, step.applies) == ("supplement.energy", False)
    assert step.formula == "no energy-crisis unit this month (scheme of 2022-10-01 to 2023-03-31)"
    assert step.parameters == ()  # no version before the scheme


def test_figures_read_afresh() -> None:
    # energy_supplement.figures on its own (not the month's kept figures): November 2022, 6.34
    f = energy_supplement.figures(resolve_month(DEFAULT, NOVEMBER_2022))
    assert (f.first_day, f.amount_cents) == (NOVEMBER_2022, 634)
    assert f.use is not None and f.use.name == "supplement.energy_amount"


def test_units_outside_the_scheme_name_the_day_and_why() -> None:
    f = energy_supplement.figures(resolve_month(DEFAULT, date(2024, 6, 1)))
    with pytest.raises(ParameterNotCovered) as raised:
        energy_supplement.compute(SCALAR, f, {Reason.ENERGY_CRISIS: 2})
    assert str(raised.value) == (
        "parameter 'supplement.energy_amount' has no value on 2024-06-01: "
        "no energy supplement on this date"
    )


def test_an_amount_supplied_as_zero_pays_nothing() -> None:
    # supplement.energy_amount overridden to 0.00: 9.5 × 0.00 = 0.00, and the text says 0.00
    f = figures_on(NOVEMBER_2022, DEFAULT.override({"supplement.energy_amount": "0.00"}))
    result = energy_supplement.compute(SCALAR, f, {Reason.ENERGY_CRISIS: 19})
    assert result.amount == 0
    (step,) = energy_supplement.steps(f, result)
    assert (step.formula, step.result) == ("9.5 × 0.00", "0.00, paid by the employer")


def test_every_step_names_its_rule_and_sources() -> None:
    # with energy-crisis units and without: each printed with R5 and its source (Group S)
    with_units = energy_supplement.steps(
        F, energy_supplement.compute(SCALAR, F, {Reason.ENERGY_CRISIS: 19})
    )
    without = energy_supplement.steps(F, energy_supplement.compute(SCALAR, F, {Reason.ECONOMIC: 4}))
    for step in (*with_units, *without):
        assert (step.rule, step.sources) == ("R5", energy_supplement.SOURCES), step.message
