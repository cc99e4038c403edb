"""R0 (2) The allowance: units × a daily amount, rounded once, half up, one line per daily amount
(rate group), and the gross allowance as their sum."""

import numpy as np
import pytest

from chomage_rules.rules import allowance
from chomage_rules.rules.rate import RateGroup

STANDARD, FORCE_MAJEURE, ENERGY = (
    RateGroup.STANDARD,
    RateGroup.FORCE_MAJEURE,
    RateGroup.ENERGY_CRISIS,
)


@pytest.mark.parametrize(
    ("half_units", "amount_cents", "expected_cents"),
    [
        (26, 6244, 81172),  # CSC Metea statement « 13JX62,44: 811,72 »: 13 × 62.44 = 811.72
        (19, 510, 4845),  # 9.5 × 5.10 = 48.45
        (1, 510, 255),  # 0.5 × 5.10 = 2.55
        (26, 520, 6760),  # 13 × 5.20 = 67.60
        (1, 6245, 3123),  # 0.5 × 62.45 = 31.225, a tie → 31.23 (half up)
        (3, 6245, 9368),  # 1.5 × 62.45 = 93.675 → 93.68
        (2, 6245, 6245),  # 1 × 62.45 = 62.45
        (0, 6245, 0),  # no unit, nothing
    ],
)
def test_component(half_units: int, amount_cents: int, expected_cents: int) -> None:
    assert allowance.component_cents(half_units, amount_cents) == expected_cents


def test_component_on_columns() -> None:
    # the population engine passes columns of units and of daily amounts; per row as above:
    # 9.5 × 5.10 = 48.45, 0.5 × 5.10 = 2.55, 13 × 5.20 = 67.60, 0.5 × 62.45 = 31.225 → 31.23
    half_units = [19, 1, 26, 1]
    amounts = [510, 510, 520, 6245]
    column = allowance.component_cents(
        np.array(half_units, dtype=np.int64), np.array(amounts, dtype=np.int64)
    )
    scalars = [allowance.component_cents(u, a) for u, a in zip(half_units, amounts, strict=True)]
    assert column.tolist() == scalars == [4845, 255, 6760, 3123]


def test_one_line_per_daily_amount() -> None:
    # standard: 13 × 62.44 = 811.72; force majeure: 1.5 × 84.13 = 126.195 → 126.20;
    # gross 811.72 + 126.20 = 937.92. The energy group has no rate (no daily amount): no line.
    result = allowance.compute(
        {STANDARD: 26, FORCE_MAJEURE: 3, ENERGY: 0}, {STANDARD: 6244, FORCE_MAJEURE: 8413}
    )
    assert result.components == {STANDARD: 81172, FORCE_MAJEURE: 12620}
    assert result.gross == 93792


def test_each_line_is_rounded_before_the_sum() -> None:
    # 0.5 × 62.45 = 31.225 → 31.23 twice (two groups) = 62.46, not 1 × 62.45 = 62.45
    result = allowance.compute(
        {STANDARD: 1, FORCE_MAJEURE: 1, ENERGY: 0}, {STANDARD: 6245, FORCE_MAJEURE: 6245}
    )
    assert result.gross == 6246


def test_lines_on_columns() -> None:
    # rows: (13 standard at 62.44, 1.5 force majeure at 84.13) = 811.72 + 126.20 = 937.92;
    #       (0.5 standard at 62.45, none) = 31.23 + 0 = 31.23
    units = {
        STANDARD: np.array([26, 1], dtype=np.int64),
        FORCE_MAJEURE: np.array([3, 0], dtype=np.int64),
        ENERGY: 0,
    }
    daily = {
        STANDARD: np.array([6244, 6245], dtype=np.int64),
        FORCE_MAJEURE: np.array([8413, 8413], dtype=np.int64),
    }
    result = allowance.compute(units, daily)
    first = allowance.compute(
        {STANDARD: 26, FORCE_MAJEURE: 3, ENERGY: 0}, {STANDARD: 6244, FORCE_MAJEURE: 8413}
    )
    second = allowance.compute(
        {STANDARD: 1, FORCE_MAJEURE: 0, ENERGY: 0}, {STANDARD: 6245, FORCE_MAJEURE: 8413}
    )
    assert result.gross.tolist() == [first.gross, second.gross] == [93792, 3123]
    assert result.components[FORCE_MAJEURE].tolist() == [12620, 0]


def test_steps_show_each_line_and_the_sum() -> None:
    units = {STANDARD: 26, FORCE_MAJEURE: 3, ENERGY: 0}
    daily = {STANDARD: 6244, FORCE_MAJEURE: 8413}
    result = allowance.compute(units, daily)
    standard, force_majeure, gross = allowance.steps(
        result, units, daily, (STANDARD, FORCE_MAJEURE)
    )
    assert [standard.id, force_majeure.id, gross.id] == [
        "allowance.line.standard",
        "allowance.line.force_majeure",
        "allowance.gross",
    ]
    assert standard.applies and force_majeure.applies and gross.applies
    assert (standard.formula, standard.result) == (
        "13 × 62.44",
        "811.72 (rounded once, half up)",
    )
    assert force_majeure.formula == "1.5 × 84.13"
    assert force_majeure.result.startswith("126.20 ")
    assert (gross.formula, gross.result) == ("811.72 + 126.20", "937.92")


def test_steps_without_a_unit() -> None:
    units = {STANDARD: 0, FORCE_MAJEURE: 0, ENERGY: 0}
    result = allowance.compute(units, {STANDARD: 6244, FORCE_MAJEURE: 8413})
    (gross,) = allowance.steps(result, units, {}, ())
    assert (gross.id, gross.applies, gross.message) == (
        "allowance.gross",
        False,
        "allowance.gross.none",
    )
    assert gross.result == "0.00"


def test_an_even_amount_stays_an_exact_integer() -> None:
    # an even daily amount takes the shortcut half units × (amount / 2): 26 × (6244 / 2) = 26 × 3122
    # = 81,172 cents (13 × 62.44 = 811.72), computed in integers, never as a float
    result = allowance.component_cents(26, 6244)
    assert result == 81172
    assert type(result) is int


def test_every_step_names_its_rule_and_sources() -> None:
    # each step is printed with its rule (R0) and its sources (the CSC Metea statement line),
    # with a line and without
    units = {STANDARD: 26, FORCE_MAJEURE: 0, ENERGY: 0}
    daily = {STANDARD: 6244, FORCE_MAJEURE: 8413}
    with_line = allowance.steps(allowance.compute(units, daily), units, daily, (STANDARD,))
    without = allowance.steps(allowance.compute(units, daily), units, daily, ())
    for step in (*with_line, *without):
        assert (step.rule, step.sources) == ("R0", allowance.SOURCES), step.id
