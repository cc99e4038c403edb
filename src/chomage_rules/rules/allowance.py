"""R0 (2) The allowance: units × a daily amount, rounded once, one line per daily amount.

Source (CSC Metea, bank-statement line,
https://lacsc.be/acv-csc-metea/publications/fiche-info--5-10-euros-en-plus-en-cas-de-ch-mage-temporaire):

    « 13JX62,44: 811,72 »   (13 allowances × 62.44 = 811.72)

Units can be halves, so a component is ``half units × daily amount / 2``, rounded to the cent, half
up, once. The allowance has one component per daily amount (per rate group, R2), like the
statement line, and the gross allowance is their sum. It is paid by the payment body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ..core.money import half_up_div
from ..core.ops import Num, add, is_zero
from ..core.sources import LegalSource
from ..explain.step import Step
from .rate import RateGroup

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Allowance",
    "component_cents",
    "compute",
    "steps",
]

RULE = "R0"

STEPS: tuple[str, ...] = ("allowance.line.<group>", "allowance.gross")
NOTICES: tuple[str, ...] = ()

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC Metea, Fiche info: 5,10 euros en plus en cas de chômage temporaire",
        "https://lacsc.be/acv-csc-metea/publications/fiche-info--5-10-euros-en-plus-en-cas-de-ch-mage-temporaire",
    ),
)

PARAMETERS: tuple[str, ...] = ()


def component_cents(half_units: Num, amount_cents: Num) -> Num:
    """``units × amount`` in cents, with units given in halves, rounded half up."""
    if is_zero(half_units):
        return 0  # no unit (a literal 0, as where no row has any): no pass over a column
    if type(amount_cents) is int and amount_cents % 2 == 0:
        return half_units * (amount_cents // 2)  # an even amount: half units × it is whole cents
    return half_up_div(half_units * amount_cents, 2)


class Allowance(NamedTuple):
    components: dict[RateGroup, Num]
    """Per rate group with a rate in force."""
    gross: Num


def compute(group_units: Mapping[RateGroup, Num], daily: Mapping[RateGroup, Num]) -> Allowance:
    """One component per daily amount, and their sum."""
    components = {
        group: component_cents(group_units[group], amount) for group, amount in daily.items()
    }
    gross: Num = 0
    for amount in components.values():
        gross = add(gross, amount)
    return Allowance(components, gross)


_LINE_IDS = {group: f"allowance.line.{group.label}" for group in RateGroup}
"""The id of each rate group's line step."""


def steps(
    allowance: Allowance,
    group_units: Mapping[RateGroup, Num],
    daily: Mapping[RateGroup, Num],
    groups: tuple[RateGroup, ...],
) -> tuple[Step, ...]:
    """``allowance.line.<group>`` per rate group shown, then ``allowance.gross``."""
    result = []
    for group in groups:
        values = {
            "group": group,
            "units": int(group_units[group]),
            "daily": int(daily[group]),
            "amount": int(allowance.components[group]),
        }
        step_id = _LINE_IDS[group]
        result.append(Step(step_id, RULE, True, "allowance.line", values, (), SOURCES))
    lines = tuple(("amount", {"amount": int(allowance.components[g])}) for g in groups)
    message = "allowance.gross" if groups else "allowance.gross.none"
    gross = {"lines": lines, "gross": int(allowance.gross)}
    result.append(Step("allowance.gross", RULE, bool(groups), message, gross, (), SOURCES))
    return tuple(result)
