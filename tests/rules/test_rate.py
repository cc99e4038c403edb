"""R2 Rate: the share of the daily wage by reason and date; R0 (1) the daily amount, rate × daily
wage rounded once to the cent, half up."""

from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from chomage_rules import compute_month
from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Reason
from chomage_rules.explain.step import Step
from chomage_rules.kernel import MonthFigures, month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.parameters.month import resolve_month
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import daily_wage, rate
from chomage_rules.rules.daily_wage import DailyWage
from chomage_rules.rules.rate import RateGroup
from tests.helpers import employer, month_of, unemployed, worker

DEFAULT = ParameterSet.default()
JUNE_2024 = date(2024, 6, 1)
STANDARD, FORCE_MAJEURE, ENERGY = (
    RateGroup.STANDARD,
    RateGroup.FORCE_MAJEURE,
    RateGroup.ENERGY_CRISIS,
)


def figures(on: date, parameters: ParameterSet = DEFAULT) -> MonthFigures:
    return month_figures(parameters, on)


def wage(f: MonthFigures, monthly_cents: int = 0, hourly_cents: int = 0) -> DailyWage:
    return daily_wage.compute(
        SCALAR,
        f.daily_wage,
        monthly_wage_cents=monthly_cents,
        hourly_wage_cents=hourly_cents,
        weekly_hours_h=3800,
    )


def amounts(on: date, monthly_cents: int) -> dict[RateGroup, int]:
    f = figures(on)
    return {g: int(a) for g, a in rate.daily_amounts(f.rate, wage(f, monthly_cents)).items()}


def test_rates_in_force_in_2024() -> None:
    # rate.toml from 2024-01-01: 60 % (3/5) except force majeure 65 % (13/20); no energy scheme
    f = figures(JUNE_2024).rate
    assert f.rates == {STANDARD: (3, 5), FORCE_MAJEURE: (13, 20), ENERGY: None}
    assert f.uses[ENERGY] is not None  # a version saying the scheme ended, without a value


# (rate group) of each reason, from the rulebook: R2 « 60% (excepté … force majeure) », 65 % for
# force majeure and medical force majeure, and the energy-crisis scheme's own rate.
GROUPS: dict[Reason, RateGroup] = {
    Reason.ECONOMIC: STANDARD,
    Reason.BAD_WEATHER: STANDARD,
    Reason.TECHNICAL_ACCIDENT: STANDARD,
    Reason.FORCE_MAJEURE: FORCE_MAJEURE,
    Reason.FORCE_MAJEURE_MEDICAL: FORCE_MAJEURE,
    Reason.COLLECTIVE_CLOSURE: STANDARD,
    Reason.STRIKE_LOCKOUT: STANDARD,
    Reason.PROTECTED_WORKER_DISMISSAL: STANDARD,
    Reason.ENERGY_CRISIS: ENERGY,
}


def test_every_reason_has_its_rate_group() -> None:
    assert dict(rate.GROUP_OF) == GROUPS
    assert rate.REASONS_OF[FORCE_MAJEURE] == (Reason.FORCE_MAJEURE, Reason.FORCE_MAJEURE_MEDICAL)
    assert rate.REASONS_OF[ENERGY] == (Reason.ENERGY_CRISIS,)
    assert STANDARD.label == "standard"
    assert rate.PARAMETERS == ("rate.standard", "rate.force_majeure", "rate.energy_crisis")


@pytest.mark.parametrize(
    ("on", "expected_cents"),
    [
        # Securex maxima at 65 % (a wage far above the ceiling):
        (date(2023, 11, 1), 8248),  # 0.65 × 3,299.11 / 26 = 82.4777… → 82.48
        (date(2023, 7, 1), 8086),  # 0.65 × 3,234.45 / 26 = 80.8612… → 80.86
        (date(2022, 12, 1), 7998),  # 0.65 × 3,199.26 / 26 = 79.9815 → 79.98
        # FGTB-ABVV maximum from July 2022: 0.65 × 3,014.78 / 26 = 75.3695 → 75.37
        (date(2022, 7, 1), 7537),
    ],
)
def test_published_maxima_at_65_percent(on: date, expected_cents: int) -> None:
    assert amounts(on, 1_000_000)[STANDARD] == expected_cents


def test_maxima_from_2024() -> None:
    # 0.60 × 3,365.16 / 26 = 77.6575… → 77.66; 0.65 × 3,365.16 / 26 = 84.129 → 84.13
    assert amounts(JUNE_2024, 500_000) == {STANDARD: 7766, FORCE_MAJEURE: 8413}
    # January 2024 (ceiling 3,299.11): 0.60 × 3,299.11 / 26 = 76.1333… → 76.13
    assert amounts(date(2024, 1, 1), 500_000)[STANDARD] == 7613


def test_covid_and_energy_crisis_rates() -> None:
    # June 2022, 70 % for every reason: 0.70 × 3,014.78 / 26 = 81.1672… → 81.17 (FGTB-ABVV)
    assert amounts(date(2022, 6, 1), 500_000) == {STANDARD: 8117, FORCE_MAJEURE: 8117}
    # November 2022, ceiling 3,075.04: 65 % → 0.65 × 3,075.04 / 26 = 76.876 → 76.88;
    # energy scheme 70 % → 0.70 × 3,075.04 / 26 = 82.7895… → 82.79
    assert amounts(date(2022, 11, 1), 500_000) == {
        STANDARD: 7688,
        FORCE_MAJEURE: 7688,
        ENERGY: 8279,
    }


def test_wage_below_the_ceiling() -> None:
    # 2,600.00 / 26 = 100.00 a day; 60 % → 60.00, 65 % → 65.00
    assert amounts(JUNE_2024, 260_000) == {STANDARD: 6000, FORCE_MAJEURE: 6500}


def test_half_cent_ties_round_up() -> None:
    # 60 %: 0.6 × 2,600.65 / 26 = 60.015 → 60.02
    assert amounts(JUNE_2024, 260_065)[STANDARD] == 6002
    # 65 %: 0.65 × 2,601.00 / 26 = 65.025 → 65.03
    assert amounts(JUNE_2024, 260_100)[FORCE_MAJEURE] == 6503
    # 70 % (June 2022): 0.7 × 2,601.30 / 26 = 70.035 → 70.04
    assert amounts(date(2022, 6, 1), 260_130)[STANDARD] == 7004


def test_just_below_a_tie_rounds_down() -> None:
    # 0.6 × 2,600.64 / 26 = 60.0147… → 60.01
    assert amounts(JUNE_2024, 260_064)[STANDARD] == 6001


def test_rate_times_wage_is_one_fraction_not_a_rounded_daily_wage() -> None:
    # R0: never round the daily wage first. 2,600.60 / 26 = 100.0230…; rounded first to 100.02,
    # × 0.65 = 65.013 → 65.01; the exact 0.65 × 2,600.60 / 26 = 65.015 is a tie → 65.02
    assert amounts(JUNE_2024, 260_060)[FORCE_MAJEURE] == 6502


def test_hourly_wage() -> None:
    f = figures(JUNE_2024)
    # 20.00 × 38 / 6 = 126.6666… a day (below 129.4292…); 60 % → 76.00 exactly
    assert rate.daily_amounts(f.rate, wage(f, hourly_cents=2000))[STANDARD] == 7600
    # 25.00 × 38 / 6 = 158.33… is capped at 3,365.16 / 26; 60 % → 77.66 as above
    assert rate.daily_amounts(f.rate, wage(f, hourly_cents=2500))[STANDARD] == 7766


def test_an_overridden_rate() -> None:
    # rate.standard 0.62: 0.62 × 3,365.16 / 26 = 80.2461… → 80.25
    f = figures(JUNE_2024, DEFAULT.override({"rate.standard": "0.62"}))
    assert rate.daily_amounts(f.rate, wage(f, 500_000))[STANDARD] == 8025


def test_units_by_group() -> None:
    f = figures(JUNE_2024).rate
    half_units = {
        Reason.ECONOMIC: 4,
        Reason.BAD_WEATHER: 3,
        Reason.FORCE_MAJEURE: 1,
        Reason.FORCE_MAJEURE_MEDICAL: 2,
    }
    # standard 4 + 3 = 7; force majeure 1 + 2 = 3; no energy-crisis reason: the literal 0
    totals = rate.units_by_group(SCALAR, f, half_units)
    assert totals == {STANDARD: 7, FORCE_MAJEURE: 3, ENERGY: 0}
    assert type(totals[ENERGY]) is int


def test_units_without_a_rate_are_not_covered() -> None:
    f = figures(JUNE_2024).rate  # the energy scheme ended on 2023-03-31
    assert rate.units_by_group(SCALAR, f, {Reason.ENERGY_CRISIS: 0})[ENERGY] == 0  # no error
    with pytest.raises(ParameterNotCovered) as raised:
        rate.units_by_group(SCALAR, f, {Reason.ECONOMIC: 4, Reason.ENERGY_CRISIS: 1})
    assert raised.value.name == "rate.energy_crisis"
    assert raised.value.on == JUNE_2024


def test_energy_crisis_units_within_the_scheme() -> None:
    # November 2022: the energy scheme's 70 % is in force, its units are covered
    f = figures(date(2022, 11, 1)).rate
    assert rate.units_by_group(SCALAR, f, {Reason.ENERGY_CRISIS: 6})[ENERGY] == 6


def test_units_without_a_rate_in_a_column() -> None:
    f = figures(JUNE_2024).rate
    zeros = np.zeros(3, dtype=np.int64)
    totals = rate.units_by_group(
        NUMPY, f, {Reason.ECONOMIC: zeros + 2, Reason.ENERGY_CRISIS: zeros}
    )
    assert totals[STANDARD].tolist() == [2, 2, 2]
    one = np.array([0, 0, 1], dtype=np.int64)
    with pytest.raises(ParameterNotCovered):
        rate.units_by_group(NUMPY, f, {Reason.ECONOMIC: zeros, Reason.ENERGY_CRISIS: one})


def test_a_month_before_the_first_rate_is_not_covered() -> None:
    # the rates start on 2020-02-01
    with pytest.raises(ParameterNotCovered) as raised:
        rate.figures(resolve_month(DEFAULT, date(2020, 1, 1)))
    assert raised.value.name == "rate.standard"


def test_columns_give_the_scalar_figures() -> None:
    f = figures(JUNE_2024)
    # rows: 2,600.00 a month; 2,600.65 (a 60 % tie); 5,000.00 (capped); 20.00 an hour
    monthly = [260_000, 260_065, 500_000, 0]
    hourly = [0, 0, 0, 2000]
    column_wage = daily_wage.compute(
        NUMPY,
        f.daily_wage,
        monthly_wage_cents=np.array(monthly, dtype=np.int64),
        hourly_wage_cents=np.array(hourly, dtype=np.int64),
        weekly_hours_h=np.full(4, 3800, dtype=np.int64),
    )
    columns = rate.daily_amounts(f.rate, column_wage)
    scalars = [
        rate.daily_amounts(f.rate, wage(f, m, h)) for m, h in zip(monthly, hourly, strict=True)
    ]
    # 60 %: 60.00, 60.02, 77.66, 76.00; 65 %: 65.00, 65.01625 → 65.02, 84.13, 82.3333… → 82.33
    assert columns[STANDARD].tolist() == [s[STANDARD] for s in scalars] == [6000, 6002, 7766, 7600]
    assert columns[FORCE_MAJEURE].tolist() == [s[FORCE_MAJEURE] for s in scalars]
    assert columns[FORCE_MAJEURE].tolist() == [6500, 6502, 8413, 8233]


def steps_of(
    reasons: tuple[Reason, ...], parameters: ParameterSet = DEFAULT, monthly_cents: int = 500_000
) -> tuple[Step, ...]:
    f = figures(JUNE_2024, parameters)
    w = wage(f, monthly_cents)
    daily = rate.daily_amounts(f.rate, w)
    groups = tuple(g for g in rate.RATE_GROUPS if any(GROUPS[r] is g for r in reasons))
    return rate.steps(f.rate, w, daily, reasons=reasons, groups=groups)


def test_steps_without_a_day() -> None:
    (step,) = steps_of(())
    assert (step.id, step.applies, step.message) == ("rate.by_reason", False, "rate.none")
    assert step.result == "no rate applies"


def test_steps_show_each_reason_and_daily_amount() -> None:
    by_reason, standard, force_majeure = steps_of((Reason.ECONOMIC, Reason.FORCE_MAJEURE_MEDICAL))
    assert [by_reason.id, standard.id, force_majeure.id] == [
        "rate.by_reason",
        "allowance.daily_amount.standard",
        "allowance.daily_amount.force_majeure",
    ]
    assert by_reason.applies and standard.applies and force_majeure.applies
    assert by_reason.formula == (
        "economic → standard 60 %; medical force majeure → force majeure 65 %"
    )
    assert by_reason.result == "standard 60 %, force majeure 65 %"
    assert [u.name for u in by_reason.parameters] == ["rate.standard", "rate.force_majeure"]
    # 0.60 × 129.4292… = 77.6575… → 77.66; 0.65 × 3,365.16 / 26 = 84.129 exactly → 84.13
    assert standard.formula == "60 % × 129.4292… = 77.6575…"
    assert standard.result.startswith("77.66 ")
    assert force_majeure.formula == "65 % × 129.4292… = 84.129"
    assert force_majeure.result.startswith("84.13 ")


def test_steps_show_the_rate_used() -> None:
    # rate.standard overridden to 0.62: 0.62 × 129.4292… = 80.2461… → 80.25, and the text says 62 %
    (by_reason, standard) = steps_of(
        (Reason.ECONOMIC,), DEFAULT.override({"rate.standard": "0.62"})
    )
    assert by_reason.formula == "economic → standard 62 %"
    assert standard.formula.startswith("62 % × 129.4292…")
    assert "60 %" not in standard.formula
    assert standard.result.startswith("80.25 ")


def test_a_reason_without_a_rate_and_without_units_is_explained() -> None:
    # the energy scheme's rate overridden to no figure from its start; one energy-crisis day of
    # 0.5 h for a 38 h five-day worker: 0.5 × 6 / 38 = 0.0789… → 0 units, so nothing needs the
    # rate, and the month is computed: the explanation says the reason has no rate in force
    no_energy_rate = ParameterSet.default().override({"rate.energy_crisis": {"2022-10-01": None}})
    month = month_of(2022, 11, unemployed([date(2022, 11, 7)], Reason.ENERGY_CRISIS, hours="0.5"))
    result = compute_month(worker(days_per_week=5), employer(), month, parameters=no_energy_rate)
    assert result.units == {Reason.ENERGY_CRISIS: Decimal("0.0")}
    step = result.step("rate.by_reason")
    assert not step.applies and "no rate in force" in step.formula
    assert step.result == "none"  # no rate group, hence no daily amount
    for lang in ("en", "fr", "nl"):
        for fmt in ("text", "markdown", "json"):
            assert result.explain(fmt, lang)  # type: ignore[arg-type]


def test_units_without_a_rate_name_the_rate_the_day_and_why() -> None:
    # the figures read afresh (not the month's kept figures): the error names all three
    f = rate.figures(resolve_month(DEFAULT, JUNE_2024))
    assert f.first_day == JUNE_2024
    with pytest.raises(ParameterNotCovered) as raised:
        rate.units_by_group(SCALAR, f, {Reason.ENERGY_CRISIS: 1})
    assert str(raised.value) == (
        "parameter 'rate.energy_crisis' has no value on 2024-06-01: "
        "no rate for these units on this date"
    )


def test_every_step_names_its_rule_its_sources_and_its_rate() -> None:
    # each step is printed with its rule and sources; a daily amount is R0 (the rounding) and R2
    # (the rate), and reads its group's rate
    (none,) = steps_of(())
    by_reason, standard, force_majeure = steps_of((Reason.ECONOMIC, Reason.FORCE_MAJEURE))
    for step in (none, by_reason):
        assert (step.rule, step.sources) == ("R2", rate.SOURCES), step.message
    for step, name in ((standard, "rate.standard"), (force_majeure, "rate.force_majeure")):
        assert (step.rule, step.sources) == ("R0/R2", rate.SOURCES), step.id
        assert [u.name for u in step.parameters] == [name]
