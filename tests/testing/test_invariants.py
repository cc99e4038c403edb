"""Our own suite runs every invariant of the pack over the public strategies (issue 4)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chomage_rules import ParameterSet
from chomage_rules.testing import Case, cases, parameter_sets
from chomage_rules.testing.invariants import INVARIANTS, InvariantViolation, check_case


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
