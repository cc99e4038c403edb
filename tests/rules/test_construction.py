"""R6 Construction (joint committee 124) top-up: the category's amount per unit within a 60-unit
credit a service year (1 October - 30 September); frost units outside the credit."""

from datetime import date

import numpy as np
import pytest

from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Cp124Category, Reason
from chomage_rules.explain.step import Notice, Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import construction, units
from chomage_rules.rules.construction import Construction

DEFAULT = ParameterSet.default()
JUNE_2024 = date(2024, 6, 1)
F = month_figures(DEFAULT, JUNE_2024).construction  # credit 60 units; I 6.34 … III 10.08 …
SIX_DAY = units.scale(3800, 6, 3800, False)  # a six-day full-timer: one unit a day, (1, 0, 1)
III = Cp124Category.III


def run(
    half_units: dict[Reason, int],
    *,
    prior: int = 0,
    frost_days: int = 0,
    committee: bool = True,
    card: bool = True,
    category: Cp124Category | None = III,
    f: construction.Figures = F,
) -> Construction:
    return construction.compute(
        SCALAR,
        f,
        half_units,
        SIX_DAY,
        in_joint_committee=committee,
        has_legitimation_card=card,
        has_category=category is not None,
        category_code=construction.CATEGORIES.index(category) if category else 0,
        frost_default_days=frost_days,
        frost_explicit_hours_h=0,
        prior_credit_half_units=prior,
    )


def test_figures_in_force() -> None:
    # construction.toml from 2020-03-26: credit 60 units (120 half units); I 6.34, IA 6.66,
    # II 7.63, IIA 8.02, III 10.08, IV 10.85; no frost amount sourced
    assert F.credit_half_units == 120
    assert F.amounts_cents == (634, 666, 763, 802, 1008, 1085)
    assert F.frost_cents == (0, 0, 0, 0, 0, 0)
    assert F.missing == ()


def test_who_gets_the_top_up() -> None:
    # joint committee 124, a legitimation card and a category, all three
    assert construction.applies(SCALAR, True, True, True) is True
    assert construction.applies(SCALAR, False, True, True) is False
    assert construction.applies(SCALAR, True, False, True) is False
    assert construction.applies(SCALAR, True, True, False) is False


def test_the_reasons_of_the_top_up() -> None:
    # « Raisons économiques ; Accident technique ; Intempéries ; Force majeure », and the energy
    # scheme as economic unemployment; not medical force majeure nor the other reasons
    expected = {
        Reason.ECONOMIC,
        Reason.BAD_WEATHER,
        Reason.TECHNICAL_ACCIDENT,
        Reason.FORCE_MAJEURE,
        Reason.ENERGY_CRISIS,
    }
    assert expected == construction.REASONS
    # 2 economic + 1 force-majeure + 1.5 energy units = 4.5; medical FM and closure left out
    c = run(
        {
            Reason.ECONOMIC: 4,
            Reason.FORCE_MAJEURE: 2,
            Reason.ENERGY_CRISIS: 3,
            Reason.FORCE_MAJEURE_MEDICAL: 6,
            Reason.COLLECTIVE_CLOSURE: 8,
        }
    )
    assert c.units == 9
    # 4.5 × 10.08 = 45.36
    assert c.top_up == 4536


@pytest.mark.parametrize(
    ("prior_half_units", "covered_half_units"),
    [
        (0, 24),  # 12 units, all within the credit
        (100, 20),  # 50 used, 10 left: 10 covered
        (120, 0),  # exhausted
        (119, 1),  # half a unit left
    ],
)
def test_the_credit(prior_half_units: int, covered_half_units: int) -> None:
    c = run({Reason.ECONOMIC: 24}, prior=prior_half_units)
    assert c.covered == covered_half_units
    assert c.credit_used_after == prior_half_units + covered_half_units


def test_top_up_within_the_credit() -> None:
    # 50 units used, 12 this month, 10 left: 10 × 10.08 = 100.80; 60 used after
    c = run({Reason.ECONOMIC: 24}, prior=100)
    assert (c.covered, c.amount_cents, c.top_up, c.sector_top_up) == (20, 1008, 10080, 10080)
    assert c.credit_used_after == 120


def test_a_smaller_credit_than_already_used_covers_nothing() -> None:
    # credit overridden to 40 units (80 half units), 50 already used: nothing, never negative
    f = month_figures(DEFAULT.override({"construction.credit_units": "40"}), JUNE_2024)
    c = run({Reason.ECONOMIC: 24}, prior=100, f=f.construction)
    assert (c.covered, c.top_up, c.credit_used_after) == (0, 0, 100)


def test_the_category_amount() -> None:
    # 12 units × each category's amount: 6.34 → 76.08; 10.85 → 130.20
    assert run({Reason.ECONOMIC: 24}, category=Cp124Category.I).top_up == 7608
    assert run({Reason.ECONOMIC: 24}, category=Cp124Category.IV).top_up == 13020


def test_not_eligible_nothing_and_no_credit_used() -> None:
    c = run({Reason.ECONOMIC: 24}, prior=10, card=False)
    assert (c.applies, c.units, c.covered, c.amount_cents, c.top_up) == (False, 0, 0, 0, 0)
    assert c.credit_used_after == 10


def test_frost_units_are_outside_the_credit() -> None:
    # frost amount for category III supplied as 5.00. 12 bad-weather units, 4 of them in a frost
    # period (six-day week: 4 days = 4 units); 55 used, 5 left: covered min(12 − 4, 5) = 5
    f = month_figures(DEFAULT.override({"construction.frost_amount.III": "5.00"}), JUNE_2024)
    c = run({Reason.BAD_WEATHER: 24}, prior=110, frost_days=4, f=f.construction)
    assert (c.frost_units, c.covered) == (8, 10)
    # top-up 5 × 10.08 = 50.40; frost 4 × 5.00 = 20.00; sector top-up 70.40
    assert (c.top_up, c.frost_top_up, c.sector_top_up) == (5040, 2000, 7040)
    assert c.credit_used_after == 120  # the frost units took nothing from the credit


def test_frost_units_without_a_frost_amount() -> None:
    # none sourced: the 4 frost units are still kept off the credit, but nothing is paid for them
    c = run({Reason.BAD_WEATHER: 24}, prior=110, frost_days=4)
    assert (c.frost_units, c.covered, c.frost_amount_cents, c.frost_top_up) == (8, 10, 0, 0)
    assert c.sector_top_up == 5040  # 5 × 10.08


def test_frost_units_are_at_most_the_units() -> None:
    # 20 frost days counted against 12 eligible units: 12 frost units, none on the credit
    c = run({Reason.BAD_WEATHER: 24}, frost_days=20)
    assert (c.frost_units, c.covered) == (24, 0)


def test_frost_units_from_hours() -> None:
    # five-day week, Q 38, hours given day by day: 1 frost day (38 / 5 = 7.6 h) + 3.80 h
    # = 11.4 h × 6 / 38 = 1.8 → fraction .8 ≥ .75 → 2 units; on the credit 5 − 2 = 3 units
    scale = units.scale(3800, 5, 3800, True)
    c = construction.compute(
        SCALAR,
        F,
        {Reason.BAD_WEATHER: 10},
        scale,
        in_joint_committee=True,
        has_legitimation_card=True,
        has_category=True,
        category_code=construction.CATEGORIES.index(III),
        frost_default_days=1,
        frost_explicit_hours_h=380,
        prior_credit_half_units=0,
    )
    assert (c.frost_units, c.covered) == (4, 6)


def test_a_month_before_the_credit_is_not_covered() -> None:
    # the credit and the amounts start on 2020-03-26: March 2020 has none
    f = month_figures(DEFAULT, date(2020, 3, 1)).construction
    assert f.credit_half_units is None
    with pytest.raises(ParameterNotCovered) as raised:
        run({Reason.ECONOMIC: 4}, f=f)
    assert raised.value.name == "construction.credit_units"
    # no construction unit (or not eligible): nothing needed, no error
    assert run({Reason.FORCE_MAJEURE_MEDICAL: 4}, f=f).top_up == 0
    assert run({Reason.ECONOMIC: 4}, card=False, f=f).top_up == 0


def test_service_year() -> None:
    assert construction.service_year_start(date(2024, 10, 1)) == date(2024, 10, 1)
    assert construction.service_year_start(date(2024, 9, 30)) == date(2023, 10, 1)
    assert construction.service_year_start(date(2025, 1, 15)) == date(2024, 10, 1)


def test_the_credit_restarts_each_1_october() -> None:
    # used through 2024-09-30, month of October 2024: a new service year, dropped
    assert construction.prior_credit(50, date(2024, 9, 30), date(2024, 10, 1)) == (0, True)
    # used through 2024-10-01, the service year's first day; month of November 2024: kept
    assert construction.prior_credit(2, date(2024, 10, 1), date(2024, 11, 1)) == (2, False)
    # used through 2024-10-31, month of September 2025: the same service year, kept
    assert construction.prior_credit(50, date(2024, 10, 31), date(2025, 9, 1)) == (50, False)
    # used through 2024-09-30, month of September 2025: the service year of 2024-10-01, dropped
    assert construction.prior_credit(50, date(2024, 9, 30), date(2025, 9, 1)) == (0, True)
    # nothing to drop
    assert construction.prior_credit(0, date(2024, 9, 30), date(2024, 10, 1)) == (0, False)
    assert construction.prior_credit(50, None, date(2024, 10, 1)) == (50, False)


def test_credit_exceeded() -> None:
    # 120 half units = the 60-unit credit: not exceeded; 120.5 → 121 half units: exceeded
    assert construction.credit_exceeded(120, F) is False
    assert construction.credit_exceeded(121, F) is True
    # no credit in force: nothing to check
    assert (
        construction.credit_exceeded(500, month_figures(DEFAULT, date(2020, 3, 1)).construction)
        is False
    )


def test_columns_give_the_scalar_figures() -> None:
    # rows (economic half units, prior, frost days, category, card):
    rows = [
        (24, 100, 0, 4, True),  # 10 × 10.08 = 100.80
        (24, 0, 0, 0, True),  # 12 × 6.34 = 76.08
        (24, 120, 0, 5, True),  # credit exhausted: 0
        (24, 110, 4, 4, True),  # 4 frost units, 5 covered: 50.40
        (24, 0, 0, 4, False),  # no card: 0
    ]
    half_units, prior, frost, category, card = (np.array(c) for c in zip(*rows, strict=True))
    column = construction.compute(
        NUMPY,
        F,
        {Reason.ECONOMIC: half_units},
        SIX_DAY,
        in_joint_committee=np.ones(5, dtype=bool),
        has_legitimation_card=card,
        has_category=np.ones(5, dtype=bool),
        category_code=category,
        frost_default_days=frost,
        frost_explicit_hours_h=0,
        prior_credit_half_units=prior,
    )
    scalars = [
        run(
            {Reason.ECONOMIC: u}, prior=p, frost_days=d, category=construction.CATEGORIES[k], card=b
        )
        for u, p, d, k, b in rows
    ]
    assert column.top_up.tolist() == [s.top_up for s in scalars] == [10080, 7608, 0, 5040, 0]
    assert column.covered.tolist() == [s.covered for s in scalars]
    assert column.frost_units.tolist() == [s.frost_units for s in scalars]
    assert column.credit_used_after.tolist() == [s.credit_used_after for s in scalars]


def steps_of(
    c: Construction,
    *,
    prior: int = 0,
    frost_days: int = 0,
    reset: bool = False,
    committee: str = "124",
    card: bool = True,
    category: Cp124Category | None = III,
    f: construction.Figures = F,
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    return construction.steps(
        f,
        c,
        joint_committee=committee,
        has_legitimation_card=card,
        category=category,
        frost_days=frost_days,
        prior_credit_half_units=prior,
        credit_reset=reset,
        service_year=date(2023, 10, 1),
    )


def test_step_of_another_joint_committee() -> None:
    (eligibility,), notices = steps_of(run({Reason.ECONOMIC: 24}, committee=False), committee="200")
    assert (eligibility.id, eligibility.applies) == ("construction.eligibility", False)
    assert eligibility.formula.startswith("joint committee 200 ≠ 124")
    assert notices == ()


def test_step_without_a_card() -> None:
    (eligibility,), _ = steps_of(run({Reason.ECONOMIC: 24}, card=False), card=False)
    assert eligibility.applies is False
    assert "legitimation card: no" in eligibility.formula


def test_steps_within_and_beyond_the_credit() -> None:
    (eligibility, frost, credit, top_up), notices = steps_of(
        run({Reason.ECONOMIC: 24}, prior=100), prior=100
    )
    assert [s.id for s in (eligibility, frost, credit, top_up)] == [
        "construction.eligibility",
        "construction.frost",
        "construction.credit",
        "construction.top_up",
    ]
    assert [s.applies for s in (eligibility, frost, credit, top_up)] == [True, False, True, True]
    assert eligibility.result.endswith("12 unit(s)")
    # 50 used, 12 this month: min(12, max(60 − 50, 0)) = 10 covered, 2 beyond
    assert credit.formula == (
        "credit 60 a service year, used since 2023-10-01: 50; min(12, max(60 − 50, 0))"
    )
    assert credit.result == "10 unit(s) covered; 2 unit(s) beyond the credit get no top-up"
    # 10 × 10.08 = 100.80
    assert top_up.formula == "10 × 10.08 (category III)"
    assert top_up.result.startswith("100.80, ")
    assert [u.name for u in top_up.parameters] == ["construction.amount.III"]
    assert notices == ()


def test_step_of_a_new_service_year() -> None:
    # the credit restarted: 0 used, 12 units covered
    (_, _, credit, _), _ = steps_of(run({Reason.ECONOMIC: 24}), reset=True)
    assert credit.message == "construction.credit.reset"
    assert "used since 2023-10-01: 0 (new service year)" in credit.formula
    assert credit.result == "12 unit(s) covered"


def test_steps_show_the_credit_used() -> None:
    # construction.credit_units overridden to 80: 80 − 50 = 30 left, all 12 covered; text says 80
    f = month_figures(DEFAULT.override({"construction.credit_units": "80"}), JUNE_2024)
    c = run({Reason.ECONOMIC: 24}, prior=100, f=f.construction)
    (_, _, credit, _), _ = steps_of(c, prior=100, f=f.construction)
    assert credit.formula == (
        "credit 80 a service year, used since 2023-10-01: 50; min(12, max(80 − 50, 0))"
    )
    assert "60" not in credit.formula
    assert credit.result == "12 unit(s) covered"


def test_frost_step_without_an_amount_and_its_notice() -> None:
    c = run({Reason.BAD_WEATHER: 24}, prior=110, frost_days=4)
    (_, frost, _, _), (notice,) = steps_of(c, prior=110, frost_days=4)
    assert (frost.applies, frost.message) == (True, "construction.frost.no_amount")
    assert frost.formula.startswith("4 unit(s) in a recognised frost period (4 day(s))")
    assert "construction.frost_amount.III" in frost.result
    assert notice.code == "construction.frost_amount_missing"
    assert "supply construction.frost_amount.III" in notice.message


def test_frost_step_with_an_amount() -> None:
    # 4 × 5.00 = 20.00
    f = month_figures(DEFAULT.override({"construction.frost_amount.III": "5.00"}), JUNE_2024)
    c = run({Reason.BAD_WEATHER: 24}, prior=110, frost_days=4, f=f.construction)
    (_, frost, _, _), notices = steps_of(c, prior=110, frost_days=4, f=f.construction)
    assert (frost.applies, frost.message) == (True, "construction.frost")
    assert frost.result == "4 × 5.00 = 20.00"
    assert notices == ()
