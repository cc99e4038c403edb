"""The strategies and the invariant pack find planted faults (issue 4, "how it will be judged").

Each fault replaces one rule of the library by a faulty copy (the rule module or the kernel's
reference to it, patched for the duration of the test), then runs the whole invariant pack over
``cases()`` with hypothesis's default number of examples (100), a fixed seed (``derandomize``) and
no example database, and expects a violation from the invariants that guard that rule.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings

from chomage_rules import Reason
from chomage_rules.core.money import half_up_div
from chomage_rules.core.ops import Num, Ops
from chomage_rules.rules import daily_wage, payment_status, rate, supplement, units
from chomage_rules.testing import Case, cases
from chomage_rules.testing.invariants import InvariantViolation, check_case


@dataclass(frozen=True)
class Fault:
    name: str
    apply: Callable[[pytest.MonkeyPatch], None]
    caught_by: frozenset[str]


# 1. off by one at the 27th unit: the supplement starts one unit early (from the 26th)
def _off_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    original = supplement.compute

    def faulty(ops: Ops, f: supplement.Figures, *args: Any, **kwargs: Any) -> Any:
        if f.free_half_units is not None:
            f = f._replace(free_half_units=f.free_half_units - 2)
        return original(ops, f, *args, **kwargs)

    monkeypatch.setattr(supplement, "compute", faulty)


# 2. the daily amount rounded half to even instead of half up
def _half_even(monkeypatch: pytest.MonkeyPatch) -> None:
    def faulty(numerator: int, denominator: int) -> int:
        quotient, remainder = divmod(numerator, denominator)
        if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
            return quotient + 1
        return quotient

    monkeypatch.setattr(rate, "half_up_div", faulty)


# 3. the ceiling applied after the rate: min(rate × wage / 26, ceiling / 26)
def _ceiling_after_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    original_amounts = rate.daily_amounts

    def uncapped(ops: Ops, f: daily_wage.Figures, **k: Any) -> daily_wage.DailyWage:
        _CEILING["figures"] = f  # for capped_after, which runs next
        if k["hourly_wage_cents"]:
            numerator = k["hourly_wage_cents"] * k["weekly_hours_h"] * f.divisor
            return daily_wage.DailyWage(numerator, f.divisor * 600, False)
        return daily_wage.DailyWage(k["monthly_wage_cents"], f.divisor, False)

    def capped_after(f: rate.Figures, wage: daily_wage.DailyWage) -> dict[rate.RateGroup, Num]:
        figures = _CEILING["figures"]
        cap = half_up_div(figures.ceiling_cents, figures.divisor)
        return {g: min(a, cap) for g, a in original_amounts(f, wage).items()}  # type: ignore[type-var]

    monkeypatch.setattr(daily_wage, "compute", uncapped)
    monkeypatch.setattr(rate, "daily_amounts", capped_after)


_CEILING: dict[str, daily_wage.Figures] = {}


# 4. force-majeure units counted towards the 27th unit (and so paid like the others)
def _force_majeure_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        supplement,
        "REASONS",
        supplement.REASONS | {Reason.FORCE_MAJEURE, Reason.FORCE_MAJEURE_MEDICAL},
    )


# 5. units rounded down to the half below instead of to the nearest half (a .75 left at .5)
def _units_rounded_down(monkeypatch: pytest.MonkeyPatch) -> None:
    def faulty(numerator: Num, denominator: Num) -> Num:
        return (2 * numerator) // denominator

    monkeypatch.setattr(units, "quarter_round", faulty)


# 6. the control card reported before the employer's declaration
def _card_first(monkeypatch: pytest.MonkeyPatch) -> None:
    def faulty(ops: Ops, employer_declared: Any, card_submitted: Any) -> Num:
        return ops.where(
            card_submitted,
            ops.where(
                employer_declared,
                payment_status.PAYABLE,
                payment_status.AWAITING_EMPLOYER_DECLARATION,
            ),
            payment_status.AWAITING_CONTROL_CARD,
        )

    monkeypatch.setattr(payment_status, "compute", faulty)


FAULTS = (
    Fault("off_by_one_at_the_27th_unit", _off_by_one, frozenset({"supplement_from_the_27th_unit"})),
    Fault(
        "half_even_instead_of_half_up",
        _half_even,
        frozenset({"daily_amount_is_the_rounded_rate_times_the_capped_daily_wage"}),
    ),
    Fault(
        "ceiling_applied_after_the_rate",
        _ceiling_after_rate,
        frozenset(
            {
                "daily_amount_is_the_rounded_rate_times_the_capped_daily_wage",
                "allowance_rises_with_the_wage_up_to_the_ceiling",
            }
        ),
    ),
    Fault(
        "units_rounded_down_to_the_half",
        _units_rounded_down,
        frozenset({"units_are_the_quarter_rounded_hours"}),
    ),
    Fault(
        "card_reported_before_the_declaration",
        _card_first,
        frozenset({"status_follows_the_paperwork"}),
    ),
    Fault(
        "force_majeure_counted_towards_the_27th_unit",
        _force_majeure_counted,
        frozenset({"no_supplement_on_force_majeure", "supplement_from_the_27th_unit"}),
    ),
)


@contextmanager
def planted(fault: Fault) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fault.apply(monkeypatch)
        yield


@settings(database=None, derandomize=True)  # the default number of examples, a fixed seed
@given(cases())
def the_pack_holds(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_the_pack_finds_the_planted_fault(fault: Fault) -> None:
    with planted(fault), pytest.raises(InvariantViolation) as caught:
        the_pack_holds()
    assert caught.value.invariant in fault.caught_by, str(caught.value)


def test_without_a_fault_the_same_run_passes() -> None:
    the_pack_holds()
