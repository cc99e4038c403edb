"""R5 Employer supplement (from 2024): every eligible unit at or below the wage threshold; above
it, only from the 27th eligible unit of the calendar year; none where an agreement guarantees as
much; force majeure (incl. medical) and the energy scheme never count."""

from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from chomage_rules import History, compute_month
from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Reason
from chomage_rules.explain.step import Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.parameters.month import resolve_month
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import supplement
from chomage_rules.rules.supplement import Supplement
from tests.helpers import employer, month_of, unemployed, worker, working_days

DEFAULT = ParameterSet.default()
JUNE_2024 = date(2024, 6, 1)
F = month_figures(DEFAULT, JUNE_2024).supplement  # 5.10, threshold 4,000.00, 26 free units
ABOVE = 500_000  # 5,000.00 a month, above the 4,000.00 threshold
BELOW = 350_000  # 3,500.00 a month


def run(
    half_units: dict[Reason, int],
    *,
    wage_cents: int = ABOVE,
    hourly_cents: int = 0,
    q_h: int = 3800,
    prior: int = 0,
    agreement: bool = False,
    fund: bool = False,
    f: supplement.Figures = F,
) -> Supplement:
    return supplement.compute(
        SCALAR,
        f,
        half_units,
        monthly_wage_cents=wage_cents,
        hourly_wage_cents=hourly_cents,
        weekly_hours_h=q_h,
        divisor=26,
        prior_half_units=prior,
        agreement_guarantees_supplement=agreement,
        paid_by_fund=fund,
    )


def economic(half_units: int, **kwargs: Any) -> Supplement:
    return run({Reason.ECONOMIC: half_units}, **kwargs)


def test_figures_in_force() -> None:
    # supplement.toml: 5.10 from 2024-05-01, 4,000 from 2024-01-01, 26 units (52 half units)
    assert (F.amount_cents, F.threshold_cents, F.free_half_units) == (510, 400_000, 52)
    # 2025: 5.20 from 2025-02-01, 4,155 from 2025-01-01
    f = month_figures(DEFAULT, date(2025, 3, 1)).supplement
    assert (f.amount_cents, f.threshold_cents, f.free_half_units) == (520, 415_500, 52)
    # January 2024: 5.00
    assert month_figures(DEFAULT, date(2024, 1, 1)).supplement.amount_cents == 500


def test_the_threshold_is_at_most() -> None:
    # « ne dépasse pas 4.000 euros »: 4,000.00 gets it from the first unit, 4,000.01 does not
    assert economic(2, wage_cents=400_000).at_or_below is True
    assert economic(2, wage_cents=400_000).paid == 2
    assert economic(2, wage_cents=400_001).at_or_below is False
    assert economic(2, wage_cents=400_001).paid == 0


def test_the_wage_compared_is_not_capped() -> None:
    # 3,500.00 is above the ceiling 3,365.16 but not above 4,000.00: every unit
    assert economic(8, wage_cents=BELOW).paid == 8
    # 4,500.00 (capped at 3,365.16 for the allowance) is above 4,000.00
    assert economic(8, wage_cents=450_000).at_or_below is False


def test_hourly_wage_is_compared_as_a_monthly_wage() -> None:
    # hourly × Q × 26 / 6: 24.29 × 38 × 26 / 6 = 3,999.7533… ≤ 4,000; 24.30 → 4,001.40 > 4,000
    assert economic(2, wage_cents=0, hourly_cents=2429).at_or_below is True
    assert economic(2, wage_cents=0, hourly_cents=2430).at_or_below is False


def test_hourly_wage_exactly_at_the_threshold_gets_it() -> None:
    # no hourly wage lands exactly on 4,000 at Q 38, so with the threshold overridden to 5,200:
    # 30.00 × 40 × 26 / 6 = 5,200.00 exactly → gets it; 30.01 → 5,201.7333… > 5,200 → does not
    f = month_figures(DEFAULT.override({"supplement.wage_threshold": "5200"}), JUNE_2024)
    s = f.supplement
    assert economic(2, wage_cents=0, hourly_cents=3000, q_h=4000, f=s).at_or_below is True
    assert economic(2, wage_cents=0, hourly_cents=3001, q_h=4000, f=s).at_or_below is False


def test_the_threshold_in_force_on_the_date() -> None:
    # 4,100.00: above 4,000 in 2024, not above 4,155 in 2025
    assert economic(2, wage_cents=410_000).at_or_below is False
    f = month_figures(DEFAULT, date(2025, 3, 1)).supplement
    assert economic(2, wage_cents=410_000, f=f).at_or_below is True


@pytest.mark.parametrize(
    ("prior_units", "eligible_units", "paid_units"),
    [
        (0, 26, 0),  # units 1-26 are free
        (0, 27, 1),  # the 27th unit gets it
        (25, 2, 1),  # units 26 and 27: only the 27th
        (26, 3, 3),  # 27, 28, 29
        (30, 5, 5),  # all after the 26th
        (25.5, 1, 0.5),  # half units: the 26th is reached halfway through
        (10, 0, 0),  # nothing this month
    ],
)
def test_day_27_above_the_threshold(
    prior_units: float, eligible_units: float, paid_units: float
) -> None:
    s = economic(int(eligible_units * 2), prior=int(prior_units * 2))
    assert s.paid == int(paid_units * 2)


def test_at_or_below_the_threshold_every_unit() -> None:
    # no free units: 5 units from the first one, whatever the count before
    assert economic(10, wage_cents=BELOW).paid == 10
    assert economic(10, wage_cents=BELOW, prior=0).amount == 2550  # 5 × 5.10 = 25.50


def test_force_majeure_and_the_energy_scheme_do_not_count() -> None:
    s = run(
        {
            Reason.ECONOMIC: 10,
            Reason.FORCE_MAJEURE: 6,
            Reason.FORCE_MAJEURE_MEDICAL: 4,
            Reason.ENERGY_CRISIS: 2,
        },
        wage_cents=BELOW,
        prior=20,
    )
    # only the 5 economic units are eligible, paid, and counted: 10 + 20 = 30 half units after
    assert (s.eligible, s.paid, s.counted_after) == (10, 10, 30)
    # every reason but force majeure, medical force majeure and the energy scheme
    expected = {
        Reason.ECONOMIC,
        Reason.BAD_WEATHER,
        Reason.TECHNICAL_ACCIDENT,
        Reason.COLLECTIVE_CLOSURE,
        Reason.STRIKE_LOCKOUT,
        Reason.PROTECTED_WORKER_DISMISSAL,
    }
    assert expected == supplement.REASONS


def test_eligible_reasons_are_added() -> None:
    # 3 economic + 2 bad-weather + 1.5 strike units = 6.5 units (13 half units); × 5.10 = 33.15
    s = run({Reason.ECONOMIC: 6, Reason.BAD_WEATHER: 4, Reason.STRIKE_LOCKOUT: 3}, wage_cents=BELOW)
    assert (s.eligible, s.paid, s.amount) == (13, 13, 3315)


def test_amounts() -> None:
    # 9.5 × 5.10 = 48.45; 0.5 × 5.10 = 2.55
    assert economic(19, wage_cents=BELOW).amount == 4845
    assert economic(1, wage_cents=BELOW).amount == 255
    # 2025 (5.20): 13 × 5.20 = 67.60
    f = month_figures(DEFAULT, date(2025, 3, 1)).supplement
    assert economic(26, wage_cents=BELOW, f=f).amount == 6760


def test_half_a_unit_of_an_odd_amount_rounds_half_up() -> None:
    # amount overridden to 5.15: 0.5 × 5.15 = 2.575 → 2.58
    f = month_figures(DEFAULT.override({"supplement.amount": "5.15"}), JUNE_2024).supplement
    assert economic(1, wage_cents=BELOW, f=f).amount == 258


def test_an_agreement_that_guarantees_as_much() -> None:
    # nothing paid, but the units still count towards the year's 26: 30 + 4 = 34 units after
    s = economic(8, wage_cents=BELOW, prior=60, agreement=True)
    assert (s.paid, s.amount, s.by_employer, s.by_fund) == (0, 0, 0, 0)
    assert s.counted_after == 68


def test_paid_by_a_sector_fund() -> None:
    # 5 × 5.10 = 25.50, paid by the fund instead of the employer
    s = economic(10, wage_cents=BELOW, fund=True)
    assert (s.amount, s.by_employer, s.by_fund) == (2550, 0, 2550)
    s = economic(10, wage_cents=BELOW, fund=False)
    assert (s.amount, s.by_employer, s.by_fund) == (2550, 2550, 0)


def test_before_2024_nothing_is_due() -> None:
    f = month_figures(DEFAULT, date(2023, 6, 1)).supplement
    assert f.amount_cents is None
    s = economic(10, wage_cents=BELOW, prior=4, f=f)
    assert (s.at_or_below, s.after_free, s.paid, s.amount) == (False, 0, 0, 0)
    assert s.counted_after == 14  # the counter still runs: 4 + 10 (and restarts each 1 January)


def test_a_threshold_missing_while_the_amount_is_in_force() -> None:
    # the amount is in force in 2024, the threshold overridden to "no figure": not covered
    no_threshold = DEFAULT.override({"supplement.wage_threshold": None})
    with pytest.raises(ParameterNotCovered) as raised:
        supplement.figures(resolve_month(no_threshold, JUNE_2024))
    assert raised.value.name == "supplement.wage_threshold"
    no_free_units = DEFAULT.override({"supplement.free_units": None})
    with pytest.raises(ParameterNotCovered) as raised:
        supplement.figures(resolve_month(no_free_units, JUNE_2024))
    assert raised.value.name == "supplement.free_units"


def test_the_counter_restarts_each_1_january() -> None:
    # counted through 2024-05-31, month of June 2024: the same year, kept
    assert supplement.prior_units(30, date(2024, 5, 31), JUNE_2024) == (30, False)
    # counted through 2024-12-31, month of January 2025: a new year, dropped
    assert supplement.prior_units(30, date(2024, 12, 31), date(2025, 1, 1)) == (0, True)
    # nothing to drop: no restart to tell; half a unit is something to drop
    assert supplement.prior_units(0, date(2024, 12, 31), date(2025, 1, 1)) == (0, False)
    assert supplement.prior_units(1, date(2024, 12, 31), date(2025, 1, 1)) == (0, True)
    # no date recorded: the count is taken as it is
    assert supplement.prior_units(30, None, JUNE_2024) == (30, False)


def test_columns_give_the_scalar_figures() -> None:
    # rows (wage, hourly, prior, economic half units, agreement, fund):
    rows = [
        (400_000, 0, 0, 2, False, False),  # at the threshold: 1 × 5.10 = 5.10
        (400_001, 0, 0, 2, False, False),  # above, within the 26: nothing
        (ABOVE, 0, 50, 6, False, False),  # 25 + 3 − 26 = 2 units → 10.20
        (0, 2429, 0, 19, False, True),  # hourly, at or below: 9.5 × 5.10 = 48.45 by the fund
        (BELOW, 0, 0, 8, True, False),  # agreement: nothing
    ]
    wage, hourly, prior, units, agreement, fund = (np.array(c) for c in zip(*rows, strict=True))
    columns = supplement.compute(
        NUMPY,
        F,
        {Reason.ECONOMIC: units, Reason.FORCE_MAJEURE: np.zeros(5, dtype=np.int64)},
        monthly_wage_cents=wage,
        hourly_wage_cents=hourly,
        weekly_hours_h=np.full(5, 3800, dtype=np.int64),
        divisor=26,
        prior_half_units=prior,
        agreement_guarantees_supplement=agreement,
        paid_by_fund=fund,
    )
    scalars = [
        economic(u, wage_cents=w, hourly_cents=h, prior=p, agreement=a, fund=b)
        for w, h, p, u, a, b in rows
    ]
    assert columns.paid.tolist() == [s.paid for s in scalars] == [2, 0, 4, 19, 0]
    assert columns.amount.tolist() == [s.amount for s in scalars] == [510, 0, 1020, 4845, 0]
    assert columns.by_fund.tolist() == [s.by_fund for s in scalars]
    assert columns.counted_after.tolist() == [s.counted_after for s in scalars]


def steps_of(
    half_units: dict[Reason, int],
    *,
    wage_cents: int = ABOVE,
    hourly_cents: int = 0,
    prior: int = 0,
    agreement: bool = False,
    fund: bool = False,
    f: supplement.Figures = F,
) -> tuple[Step, ...]:
    s = run(
        half_units,
        wage_cents=wage_cents,
        hourly_cents=hourly_cents,
        prior=prior,
        agreement=agreement,
        fund=fund,
        f=f,
    )
    return supplement.steps(
        f,
        s,
        half_units,
        reasons=tuple(half_units),
        monthly_wage_cents=wage_cents,
        hourly_wage_cents=hourly_cents,
        weekly_hours_h=3800,
        divisor=26,
        prior_half_units=prior,
        agreement_guarantees_supplement=agreement,
        paid_by_fund=fund,
    )


def test_step_before_2024() -> None:
    f = month_figures(DEFAULT, date(2023, 6, 1)).supplement
    (step,) = steps_of({Reason.ECONOMIC: 10}, f=f)
    assert (step.id, step.applies) == ("supplement.in_force", False)
    assert step.formula.startswith("no employer supplement on 2023-06-01")


def test_steps_above_the_threshold() -> None:
    # 25 units before + 3 now − 26 free = 2 units paid; 2 × 5.10 = 10.20
    scope, agreement, threshold, day_27, amount = steps_of({Reason.ECONOMIC: 6}, prior=50)
    assert [s.id for s in (scope, agreement, threshold, day_27, amount)] == [
        "supplement.scope",
        "supplement.agreement",
        "supplement.threshold",
        "supplement.day_27",
        "supplement.amount",
    ]
    assert [s.applies for s in (scope, agreement, threshold, day_27, amount)] == [
        True,
        False,
        False,
        True,
        True,
    ]
    assert scope.formula == "economic 3"
    assert threshold.formula == "gross monthly wage (not capped) 5,000.00 > threshold 4,000.00"
    assert day_27.formula == (
        "units counted before this month 25 + this month 3, first 26 free: clip(25 + 3 − 26, 0, 3)"
    )
    assert day_27.result == "2 of 3 unit(s) come after the first free units"
    assert (amount.formula, amount.result) == ("2 × 5.10", "10.20, paid by the employer")


def test_steps_at_or_below_the_threshold() -> None:
    _, _, threshold, day_27, amount = steps_of({Reason.ECONOMIC: 10}, wage_cents=400_000)
    assert threshold.applies is True and day_27.applies is False
    # 4,000.00 ≤ 4,000.00: at most
    assert threshold.formula == "gross monthly wage (not capped) 4,000.00 ≤ threshold 4,000.00"
    assert day_27.result == "the first 26 units of the year are not left out"
    # 5 × 5.10 = 25.50
    assert amount.result == "25.50, paid by the employer"


def test_steps_of_an_hourly_wage() -> None:
    # 24.29 × 38 × 26 / 6 = 3,999.7533… ≤ 4,000.00
    _, _, threshold, _, _ = steps_of({Reason.ECONOMIC: 2}, wage_cents=0, hourly_cents=2429)
    assert "hourly 24.29 × Q 38.00 × 26 / 6 = 3,999.7533… ≤ threshold 4,000.00" in threshold.formula


def test_steps_name_the_reasons_not_counted() -> None:
    half_units = {Reason.ECONOMIC: 10, Reason.FORCE_MAJEURE: 6, Reason.ENERGY_CRISIS: 2}
    scope, *_, amount = steps_of(half_units, wage_cents=BELOW, fund=True)
    # the energy scheme has its own supplement: not listed among the reasons not counted
    assert scope.message == "supplement.scope.excluded"
    assert scope.formula == "economic 5 (force majeure not counted)"
    assert scope.result == "5 eligible unit(s)"
    assert amount.result == "25.50, paid by a sector fund"


def test_steps_without_an_eligible_unit() -> None:
    scope, *_, amount = steps_of({Reason.FORCE_MAJEURE: 6})
    assert scope.applies is False
    assert scope.message == "supplement.scope.none.excluded"
    assert amount.applies is False


def test_step_of_an_agreement() -> None:
    _, agreement, *_, amount = steps_of({Reason.ECONOMIC: 8}, wage_cents=BELOW, agreement=True)
    assert agreement.applies is True
    assert agreement.result == "not due: the agreement already guarantees it"
    assert (amount.applies, amount.formula) == (False, "0 × 5.10")


def test_steps_show_the_free_units_used() -> None:
    # supplement.free_units overridden to 30: 25 + 10 − 30 = 5 of 10 units paid; the text says 30
    f = month_figures(DEFAULT.override({"supplement.free_units": "30"}), JUNE_2024).supplement
    assert f.free_half_units == 60
    _, _, _, day_27, _ = steps_of({Reason.ECONOMIC: 20}, prior=50, f=f)
    assert day_27.formula == (
        "units counted before this month 25 + this month 10, first 30 free: clip(25 + 10 − 30, 0, 10)"
    )
    assert "26" not in day_27.formula
    assert day_27.result == "5 of 10 unit(s) come after the first free units"
    assert day_27.parameters[0].name == "supplement.free_units"


def test_steps_show_the_threshold_and_amount_used() -> None:
    # in March 2025: threshold 4,155.00 and 5.20; 4,100.00 ≤ 4,155.00; 5 × 5.20 = 26.00
    f = month_figures(DEFAULT, date(2025, 3, 1)).supplement
    _, _, threshold, _, amount = steps_of({Reason.ECONOMIC: 10}, wage_cents=410_000, f=f)
    assert threshold.formula == "gross monthly wage (not capped) 4,100.00 ≤ threshold 4,155.00"
    assert (amount.formula, amount.result) == ("5 × 5.20", "26.00, paid by the employer")


def test_an_agreement_does_not_make_the_free_units_step_disagree_with_itself() -> None:
    # June 2024, 5,000.00 (above 4,000), 30 units counted before, 4 eligible units, and an
    # agreement that already guarantees the supplement: clip(30 + 4 − 26, 0, 4) = 4 units come
    # after the free ones, and none is paid by the statutory rule (0 × 5.10 = 0.00)
    result = compute_month(
        worker(monthly_gross_wage=Decimal("5000.00")),
        employer(agreement_guarantees_supplement=True),
        month_of(2024, 6, unemployed(working_days(2024, 6, 4), Reason.ECONOMIC)),
        History(supplement_units=Decimal("30")),
    )
    assert (
        result.step("supplement.day_27").result == "4 of 4 unit(s) come after the first free units"
    )
    assert result.step("supplement.agreement").applies
    assert result.step("supplement.amount").formula == "0 × 5.10"
    assert result.employer_supplement == Decimal("0.00")


def test_figures_read_afresh() -> None:
    # supplement.figures on its own (not the month's kept figures): each figure and its parameter
    f = supplement.figures(resolve_month(DEFAULT, JUNE_2024))
    assert (f.first_day, f.amount_cents, f.threshold_cents, f.free_half_units) == (
        JUNE_2024,
        510,
        400_000,
        52,
    )
    assert [u.name for u in (f.amount, f.threshold, f.free_units)] == [
        "supplement.amount",
        "supplement.wage_threshold",
        "supplement.free_units",
    ]


def test_a_figure_missing_while_the_amount_is_in_force_says_why() -> None:
    no_threshold = DEFAULT.override({"supplement.wage_threshold": None})
    with pytest.raises(ParameterNotCovered) as raised:
        supplement.figures(resolve_month(no_threshold, JUNE_2024))
    assert str(raised.value) == (
        "parameter 'supplement.wage_threshold' has no value on 2024-06-01: "
        "the supplement is in force but this figure is not"
    )


def test_no_amount_while_the_threshold_and_free_units_are_in_force() -> None:
    # supplement.amount overridden to "no figure" in June 2024, the threshold (4,000.00) and the
    # free units (26) still in force: nothing is due, as before 2024, even at or below the
    # threshold (3,500.00) where the 5 units would otherwise all be paid
    no_amount = DEFAULT.override({"supplement.amount": None})
    f = supplement.figures(resolve_month(no_amount, JUNE_2024))
    assert (f.amount_cents, f.threshold_cents, f.free_half_units) == (None, 400_000, 52)
    s = economic(10, wage_cents=BELOW, f=f)
    assert (s.at_or_below, s.after_free, s.paid, s.amount) == (False, 0, 0, 0)


def test_figures_supplied_as_zero() -> None:
    # amount 0.00, threshold 0.00, no free unit: 3,500.00 > 0.00, so only the units after the
    # first 0 free ones, clip(0 + 5 − 0, 0, 5) = 5 units, are paid 5 × 0.00 = 0.00;
    # the texts show the zeros supplied
    zeros = DEFAULT.override(
        {
            "supplement.amount": "0.00",
            "supplement.wage_threshold": "0.00",
            "supplement.free_units": "0",
        }
    )
    f = month_figures(zeros, JUNE_2024).supplement
    s = economic(10, wage_cents=BELOW, f=f)
    assert (s.at_or_below, s.paid, s.amount) == (False, 10, 0)  # 5 units = 10 half units
    _, _, threshold, day_27, amount = steps_of({Reason.ECONOMIC: 10}, wage_cents=BELOW, f=f)
    assert threshold.formula == "gross monthly wage (not capped) 3,500.00 > threshold 0.00"
    assert day_27.formula == (
        "units counted before this month 0 + this month 5, first 0 free: clip(0 + 5 − 0, 0, 5)"
    )
    assert (amount.formula, amount.result) == ("5 × 0.00", "0.00, paid by the employer")


def test_steps_from_half_a_unit_and_one_cent() -> None:
    # half an eligible unit is in scope; with the amount supplied as 0.02, 0.5 × 0.02 = 0.01 is
    # paid: the amount step applies
    f = month_figures(DEFAULT.override({"supplement.amount": "0.02"}), JUNE_2024).supplement
    scope, _, _, _, amount = steps_of({Reason.ECONOMIC: 1}, wage_cents=BELOW, f=f)
    assert (scope.applies, scope.result) == (True, "0.5 eligible unit(s)")
    assert (amount.applies, amount.formula, amount.result) == (
        True,
        "0.5 × 0.02",
        "0.01, paid by the employer",
    )


def test_step_without_an_agreement() -> None:
    _, agreement, *_ = steps_of({Reason.ECONOMIC: 8}, wage_cents=BELOW)
    assert (agreement.applies, agreement.message) == (False, "supplement.agreement.no")
    assert agreement.formula == "the employer's agreement guarantees at least as much: no"


def test_every_step_names_its_rule_and_sources() -> None:
    # before 2024 and from 2024, each step printed with R5 and its sources (CSC, Acerta)
    (in_force,) = steps_of(
        {Reason.ECONOMIC: 10}, f=month_figures(DEFAULT, date(2023, 6, 1)).supplement
    )
    for step in (in_force, *steps_of({Reason.ECONOMIC: 6}, prior=50)):
        assert (step.rule, step.sources) == ("R5", supplement.SOURCES), step.id
