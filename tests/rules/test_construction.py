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
from chomage_rules.parameters.month import resolve_month
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
    """``frost_days`` days at usual hours in a frost period, of the first reason given."""
    first = next(iter(half_units))
    return construction.compute(
        SCALAR,
        f,
        half_units,
        SIX_DAY,
        in_joint_committee=committee,
        has_legitimation_card=card,
        has_category=category is not None,
        category_code=construction.CATEGORIES.index(category) if category else 0,
        frost_default_days={first: frost_days},
        frost_explicit_hours_h={},
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


def five_day(
    half_units: dict[Reason, int],
    frost_days: dict[Reason, int] | None = None,
    frost_hours_h: dict[Reason, int] | None = None,
) -> Construction:
    """A five-day worker (Q 38: a day is 7.6 h, 1.2 units), category III with a card, no credit
    used; ``frost_days`` at usual hours and ``frost_hours_h`` hundredths in a frost period."""
    return construction.compute(
        SCALAR,
        F,
        half_units,
        units.scale(3800, 5, 3800, bool(frost_hours_h)),
        in_joint_committee=True,
        has_legitimation_card=True,
        has_category=True,
        category_code=construction.CATEGORIES.index(III),
        frost_default_days=frost_days or {},
        frost_explicit_hours_h=frost_hours_h or {},
        prior_credit_half_units=0,
    )


def test_frost_units_from_hours() -> None:
    # five-day week, Q 38, hours given day by day: 1 frost day (38 / 5 = 7.6 h) + 3.80 h
    # = 11.4 h × 6 / 38 = 1.8 → fraction .8 ≥ .75 → 2 units; on the credit 5 − 2 = 3 units
    c = five_day({Reason.BAD_WEATHER: 10}, {Reason.BAD_WEATHER: 1}, {Reason.BAD_WEATHER: 380})
    assert (c.frost_units, c.covered) == (4, 6)


def test_frost_units_are_counted_per_reason() -> None:
    # five-day week, Q 38: a day is 7.6 h × 6 / 38 = 1.2 units. Two frost days of each of three
    # reasons: 2.4 → 2.5 units each, 7.5 frost units, all the units, none on the credit (the
    # 45.6 frost hours counted together would be 7.2 → 7 units, leaving 0.5 on the credit)
    three = (Reason.ECONOMIC, Reason.BAD_WEATHER, Reason.TECHNICAL_ACCIDENT)
    c = five_day(dict.fromkeys(three, 5), dict.fromkeys(three, 2))
    assert (c.units, c.frost_units, c.covered, c.top_up) == (15, 15, 0, 0)


def test_a_reason_frost_units_are_at_most_its_own_units() -> None:
    # 3 frost days given for a reason with 1 unit, none for another of 2 units: 1 frost unit
    # (not 3 taken from the other reason's units), 2 units on the credit: 2 × 10.08 = 20.16
    c = run({Reason.ECONOMIC: 2, Reason.BAD_WEATHER: 4}, frost_days=3)
    assert (c.frost_units, c.covered, c.top_up) == (2, 4, 2016)


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
    # half a unit is something to drop
    assert construction.prior_credit(1, date(2024, 9, 30), date(2024, 10, 1)) == (0, True)
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
        frost_default_days={Reason.ECONOMIC: frost},
        frost_explicit_hours_h={},
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
    assert eligibility.formula == "joint committee 124 = 124; legitimation card: yes; category: III"
    assert eligibility.result == (
        "due on economic, bad weather, technical accident, force majeure, energy crisis units, "
        "not on other reasons: 12 unit(s)"
    )
    assert (frost.message, frost.formula) == (
        "construction.frost.none",
        "no day in a recognised frost period",
    )
    # 50 used, 12 this month: min(12, max(60 − 50, 0)) = 10 covered, 2 beyond
    assert credit.formula == (
        "credit 60 a service year, used since 2023-10-01: 50; min(12, max(60 − 50, 0))"
    )
    assert credit.result == "10 unit(s) covered; 2 unit(s) beyond the credit get no top-up"
    # 10 × 10.08 = 100.80
    assert top_up.formula == "10 × 10.08 (category III)"
    assert top_up.result.startswith("100.80, ")
    assert [u.name for u in top_up.parameters] == ["construction.amount.III"]
    assert [u.name for u in credit.parameters] == ["construction.credit_units"]
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
    assert (frost.id, frost.applies, frost.message) == (
        "construction.frost",
        True,
        "construction.frost.no_amount",
    )
    assert frost.formula.startswith("4 unit(s) in a recognised frost period (4 day(s))")
    assert "construction.frost_amount.III" in frost.result
    assert [u.name for u in frost.parameters] == ["construction.frost_amount.III"]
    assert notice.code == "construction.frost_amount_missing"
    assert "supply construction.frost_amount.III" in notice.message


def test_frost_step_with_an_amount() -> None:
    # 4 × 5.00 = 20.00
    f = month_figures(DEFAULT.override({"construction.frost_amount.III": "5.00"}), JUNE_2024)
    c = run({Reason.BAD_WEATHER: 24}, prior=110, frost_days=4, f=f.construction)
    (_, frost, _, _), notices = steps_of(c, prior=110, frost_days=4, f=f.construction)
    assert (frost.id, frost.applies, frost.message) == (
        "construction.frost",
        True,
        "construction.frost",
    )
    assert frost.result == "4 × 5.00 = 20.00"
    assert [u.name for u in frost.parameters] == ["construction.frost_amount.III"]
    assert notices == ()


BEFORE_THE_CREDIT = date(2020, 3, 1)  # the credit, amounts and frost amounts start on 2020-03-26
ALL_FIGURES = {
    "construction.credit_units": "60",
    **{f"construction.amount.{c}": "10.08" for c in construction.CATEGORIES},
}
"""The credit and a top-up amount for every category, supplied for every date."""


def test_figures_read_afresh() -> None:
    # construction.figures on its own (not the month's kept figures): as test_figures_in_force
    f = construction.figures(resolve_month(DEFAULT, JUNE_2024))
    assert f.credit_half_units == 120
    assert f.amounts_cents == (634, 666, 763, 802, 1008, 1085)
    assert f.frost_cents == (0, 0, 0, 0, 0, 0)  # no frost amount sourced: none, not one cent
    assert f.missing == ()
    assert set(f.uses) == set(construction.PARAMETERS)  # 1 credit + 6 amounts + 6 frost amounts


def test_figures_before_the_credit() -> None:
    # March 2020: no version of the credit, of the amounts or of the frost amounts yet: no credit,
    # 0 for every amount, and the credit and the six amounts listed as missing
    f = construction.figures(resolve_month(DEFAULT, BEFORE_THE_CREDIT))
    assert f.credit_half_units is None
    assert f.amounts_cents == (0, 0, 0, 0, 0, 0)
    assert f.frost_cents == (0, 0, 0, 0, 0, 0)
    assert [m.name for m in f.missing] == [
        "construction.credit_units",
        *(f"construction.amount.{c}" for c in construction.CATEGORIES),
    ]
    assert f.uses == {}
    # half a unit already needs them
    with pytest.raises(ParameterNotCovered):
        run({Reason.ECONOMIC: 1}, f=f)


def test_an_amount_supplied_as_no_figure_refuses_the_units() -> None:
    # construction.amount.III overridden to "no figure" from 2024-01-01: June 2024 lists it as
    # missing, with the override's note, and refuses a worker with construction units
    no_amount = DEFAULT.override({"construction.amount.III": {date(2024, 1, 1): None}})
    f = construction.figures(resolve_month(no_amount, JUNE_2024))
    (missing,) = f.missing
    assert (missing.name, missing.on) == ("construction.amount.III", JUNE_2024)
    assert str(missing) == (
        "parameter 'construction.amount.III' has no value on 2024-06-01: "
        "no figure from this date (override)"
    )
    with pytest.raises(ParameterNotCovered) as raised:
        run({Reason.ECONOMIC: 2}, f=f)
    assert raised.value is missing


@pytest.mark.parametrize("credit", ["0", None])
def test_a_credit_of_zero_or_none_covers_nothing(credit: str | None) -> None:
    # construction.credit_units overridden to 0 units, or to no figure: 12 units, none covered
    f = construction.figures(
        resolve_month(DEFAULT.override({"construction.credit_units": credit}), JUNE_2024)
    )
    c = run({Reason.ECONOMIC: 24}, f=f)
    assert (c.covered, c.top_up, c.credit_used_after) == (0, 0, 0)
    (_, _, step, top_up), _ = steps_of(c, f=f)
    assert top_up.applies is False  # 0 × 10.08 = 0.00
    if credit is None:
        assert step.message == "construction.credit.none"
        assert (
            step.formula == "no construction credit is in force in the service year from 2023-10-01"
        )
        assert step.result == "0 unit(s) covered"
    else:  # min(12, max(0 − 0, 0)) = 0, and the text says 0; 12 − 0 = 12 beyond
        assert step.formula == (
            "credit 0 a service year, used since 2023-10-01: 0; min(12, max(0 − 0, 0))"
        )
        assert step.result == "0 unit(s) covered; 12 unit(s) beyond the credit get no top-up"


def test_not_eligible_no_frost_amount() -> None:
    # a frost amount supplied (5.00) but no legitimation card: no frost amount, no frost top-up
    f = month_figures(DEFAULT.override({"construction.frost_amount.III": "5.00"}), JUNE_2024)
    c = run({Reason.BAD_WEATHER: 24}, frost_days=4, card=False, f=f.construction)
    assert (c.frost_units, c.frost_amount_cents, c.frost_top_up, c.sector_top_up) == (0, 0, 0, 0)


def frost_hours_steps(frost_hours_h: int) -> tuple[Step, ...]:
    """The steps of 10 bad-weather half units of a five-day worker (Q 38), one frost day of
    ``frost_hours_h`` hundredths of an hour."""
    c = five_day({Reason.BAD_WEATHER: 10}, frost_hours_h={Reason.BAD_WEATHER: frost_hours_h})
    steps, _ = steps_of(c, frost_days=1)
    return steps


def test_frost_step_of_hours_worth_no_unit() -> None:
    # 0.50 h × 6 / 38 = 0.0789… → 0 units: the frost day is named, no unit is kept off the credit
    _, frost, _, _ = frost_hours_steps(50)
    assert (frost.applies, frost.message) == (False, "construction.frost.no_units")
    assert frost.formula == "1 day(s) in a recognised frost period, whose hours are worth no unit"
    assert frost.result == "every construction unit draws on the credit"


def test_frost_step_of_half_a_unit() -> None:
    # 1.90 h × 6 / 38 = 0.30 → 0.5 unit: a frost unit, kept off the credit
    _, frost, _, _ = frost_hours_steps(190)
    assert (frost.applies, frost.message) == (True, "construction.frost.no_amount")
    assert frost.formula.startswith("0.5 unit(s) in a recognised frost period (1 day(s))")


def test_credit_step_leaves_the_frost_units_out() -> None:
    # 12 bad-weather units, 4 of them frost: 8 on the credit; 55 used, 5 left: 5 covered, 3 beyond
    c = run({Reason.BAD_WEATHER: 24}, prior=110, frost_days=4)
    (_, _, credit, _), _ = steps_of(c, prior=110, frost_days=4)
    assert credit.formula == (
        "credit 60 a service year, used since 2023-10-01: 55; min(8, max(60 − 55, 0))"
    )
    assert credit.result == "5 unit(s) covered; 3 unit(s) beyond the credit get no top-up"


def test_top_up_step_applies_from_one_cent() -> None:
    # nothing covered (credit exhausted): the top-up step does not apply
    (_, _, _, top_up), _ = steps_of(run({Reason.ECONOMIC: 24}, prior=120), prior=120)
    assert (top_up.applies, top_up.formula) == (False, "0 × 10.08 (category III)")
    # category III's amount supplied as 0.02: 0.5 × 0.02 = 0.01, a top-up
    f = month_figures(DEFAULT.override({"construction.amount.III": "0.02"}), JUNE_2024)
    (_, _, _, top_up), _ = steps_of(run({Reason.ECONOMIC: 1}, f=f.construction), f=f.construction)
    assert (top_up.applies, top_up.result) == (
        True,
        "0.01, paid by the sector fund through the payment body",
    )


def test_steps_before_any_construction_figure_name_none() -> None:
    # March 2020, an eligible worker with no construction unit (medical force majeure only): the
    # month is computed; no credit, amount or frost amount is in force, so no step names one
    f = construction.figures(resolve_month(DEFAULT, BEFORE_THE_CREDIT))
    c = run({Reason.FORCE_MAJEURE_MEDICAL: 4}, f=f)
    (_, frost, credit, top_up), _ = steps_of(c, f=f)
    assert credit.message == "construction.credit.none"
    assert (frost.parameters, credit.parameters, top_up.parameters) == ((), (), ())
    # with the credit and the amounts supplied for every date but no frost amount yet: 4 frost
    # days are 4 frost units, and the frost step names no frost figure
    supplied = construction.figures(resolve_month(DEFAULT.override(ALL_FIGURES), BEFORE_THE_CREDIT))
    c = run({Reason.BAD_WEATHER: 24}, frost_days=4, f=supplied)
    (_, frost, _, _), _ = steps_of(c, frost_days=4, f=supplied)
    assert (frost.message, frost.parameters) == ("construction.frost.no_amount", ())


def test_every_step_names_its_rule_and_sources() -> None:
    # each variant printed with R6 and its sources (CSC, ACV-CSC): not eligible; eligible with no
    # frost day, with frost units and no frost amount, with a frost amount; frost hours worth no
    # unit; no credit in force
    frost_amount = month_figures(
        DEFAULT.override({"construction.frost_amount.III": "5.00"}), JUNE_2024
    ).construction
    before = construction.figures(resolve_month(DEFAULT, BEFORE_THE_CREDIT))
    variants = [
        steps_of(run({Reason.ECONOMIC: 24}, card=False), card=False)[0],
        steps_of(run({Reason.ECONOMIC: 24}))[0],
        steps_of(run({Reason.BAD_WEATHER: 24}, frost_days=4), frost_days=4)[0],
        steps_of(
            run({Reason.BAD_WEATHER: 24}, frost_days=4, f=frost_amount),
            frost_days=4,
            f=frost_amount,
        )[0],
        frost_hours_steps(50),
        steps_of(run({Reason.FORCE_MAJEURE_MEDICAL: 4}, f=before), f=before)[0],
    ]
    for steps in variants:
        for step in steps:
            assert (step.rule, step.sources) == ("R6", construction.SOURCES), step.message
