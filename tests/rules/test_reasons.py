"""Which rules each reason falls under (R2 rate, R5 supplements, R6 construction top-up)."""

import pytest

from chomage_rules import Reason
from chomage_rules.rules import reasons
from chomage_rules.rules.reasons import RateGroup, ReasonRules, rules_for

STANDARD, FORCE_MAJEURE, ENERGY = (
    RateGroup.STANDARD,
    RateGroup.FORCE_MAJEURE,
    RateGroup.ENERGY_CRISIS,
)

# (rate group, 2024 supplement, energy supplement, construction top-up), from the rulebook:
# R2  60 % from 2024 "except force majeure and medical force majeure 65 %"; energy scheme 70 %.
# R5  the 2024 supplement for "every reason except force majeure and medical force majeure";
#     energy-crisis days "get instead the energy supplement".
# R6  "each unit of economic, bad-weather, technical-accident or force-majeure unemployment";
#     the energy scheme is economic unemployment (ONEM E5, docs/decisions.md), medical force
#     majeure and the other reasons are not in the CP 124 list.
EXPECTED: dict[Reason, tuple[RateGroup, bool, bool, bool]] = {
    Reason.ECONOMIC: (STANDARD, True, False, True),
    Reason.BAD_WEATHER: (STANDARD, True, False, True),
    Reason.TECHNICAL_ACCIDENT: (STANDARD, True, False, True),
    Reason.FORCE_MAJEURE: (FORCE_MAJEURE, False, False, True),
    Reason.FORCE_MAJEURE_MEDICAL: (FORCE_MAJEURE, False, False, False),
    Reason.COLLECTIVE_CLOSURE: (STANDARD, True, False, False),
    Reason.STRIKE_LOCKOUT: (STANDARD, True, False, False),
    Reason.PROTECTED_WORKER_DISMISSAL: (STANDARD, True, False, False),
    Reason.ENERGY_CRISIS: (ENERGY, False, True, True),
}


def _rules(expected: tuple[RateGroup, bool, bool, bool]) -> ReasonRules:
    group, supplement, energy, construction = expected
    return ReasonRules(
        group, supplement=supplement, energy_supplement=energy, construction=construction
    )


def test_every_reason_is_classified() -> None:
    assert set(EXPECTED) == set(Reason)


@pytest.mark.parametrize("reason", list(Reason))
def test_rules_for_reason(reason: Reason) -> None:
    assert rules_for(reason) == _rules(EXPECTED[reason])
    assert rules_for(reason.value) == rules_for(reason)  # by its value too


def test_the_table_builder() -> None:
    # The table is built once, at import, and the engines read it at import too: a change to the
    # builder would be seen by no later call. Build it again here and check it whole (this is what
    # lets mutation testing, which changes functions after import, see the table).
    assert reasons._table() == {r.value: _rules(expected) for r, expected in EXPECTED.items()}
