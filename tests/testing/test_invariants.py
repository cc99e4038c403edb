"""Our own suite runs every invariant of the pack over the public strategies (issue 4)."""

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chomage_rules import MonthResult, ParameterSet, compute_month
from chomage_rules.testing import Case, cases, parameter_sets
from chomage_rules.testing.invariants import (
    INVARIANTS,
    InvariantViolation,
    check_case,
    frost_units_are_counted_per_reason,
)
from tests.helpers import employer, frost_january, worker


@pytest.mark.parametrize("name", [i.name for i in INVARIANTS])
@settings(max_examples=60)
@given(case=cases())
def test_each_invariant_holds_over_the_strategies(name: str, case: Case) -> None:
    check_case(case, only=[name])


@given(st.data())
def test_the_pack_holds_under_what_if_parameters(data: st.DataObject) -> None:
    parameters = data.draw(parameter_sets())
    check_case(data.draw(cases(parameters=parameters)), parameters=parameters)


def test_every_invariant_is_named_and_described() -> None:
    names = [i.name for i in INVARIANTS]
    assert len(names) == len(set(names)) >= 9
    for invariant in INVARIANTS:
        assert len(invariant.description) > 40 and invariant.on in ("result", "case")


def test_a_violation_names_its_invariant() -> None:
    error = InvariantViolation("payments_add_up", "net 1.00 ≠ gross 2.00 − withholding 0.50")
    assert isinstance(error, AssertionError)
    assert str(error) == "[payments_add_up] net 1.00 ≠ gross 2.00 − withholding 0.50"
    assert error.invariant == "payments_add_up"


def test_an_unknown_name_in_only_runs_nothing_rather_than_everything() -> None:
    # only= filters by name; a typo must not silently pass as "all checked"
    with pytest.raises(ValueError, match="unknown invariant"):
        check_case(None, only=["payments_add_upp"], parameters=ParameterSet.default())  # type: ignore[arg-type]


class _FrostCountedTogether:
    """A result whose frost step says what pooled counting gave (7 units for the January case),
    everything else as computed: what an implementation that pools the reasons would report."""

    def __init__(self, result: MonthResult, frost_half_units: int) -> None:
        self._result = result
        frost = result.step("construction.frost")
        values = {**frost.values, "units": frost_half_units}
        self.steps = tuple(
            s._replace(values=values) if s.id == "construction.frost" else s for s in result.steps
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._result, name)


def test_frost_units_counted_together_are_caught() -> None:
    # 2024-01, 38 h over 5 days, CP 124 II with a card, six frost days of three reasons:
    # 2 × 7.6 h × 6 / 38 = 2.4 → 2.5 units per reason, 7.5 frost units; counted together,
    # 45.6 h × 6 / 38 = 7.2 → 7 (14 half units), half a unit short
    w = worker(
        monthly_gross_wage=Decimal("2500.00"),
        days_per_week=5,
        cp124_category="II",
        has_legitimation_card=True,
    )
    january = frost_january()
    result = compute_month(w, employer("124"), january)
    frost_units_are_counted_per_reason(result)  # the library counts 7.5
    pooled = _FrostCountedTogether(result, 14)
    with pytest.raises(
        InvariantViolation,
        match=r"7\.00 frost unit\(s\), but .* give 7\.50 counted reason by reason",
    ):
        frost_units_are_counted_per_reason(pooled)  # type: ignore[arg-type]
