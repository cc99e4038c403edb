"""R3 Minimum daily amount: where a minimum is sourced for the date, the daily amount is at least it.

Sources: FGTB-ABVV (1 July 2022, https://www.abvv.be/afloop-van-de-vereenvoudigde-procedure-tijdelijke-werkloosheid-overmacht):
« minimum voltijds statuut = 60,17 euro per dag (in een 6-dagenweek) … vanaf 1 juli … 57.84 euro
per dag »; Securex (https://securex.be/fr/lex4you/employeur/montants-actuels/montants-socio-juridiques/chomage-temporaire-montants-actuels)
for 61.37 (December 2022), 63.52 (July 2023) and 64.79 (November 2023).

Rulebook R3: no minimum is sourced from 2024 on; then none is applied and the explanation says
so, and a caller who has the figure supplies ``allowance.minimum_daily``. A value is never invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from ..core.ops import Num, Ops
from ..core.sources import LegalSource
from ..explain.step import Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, cents
from .rate import RateGroup

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Figures",
    "apply",
    "figures",
    "steps",
]

RULE = "R3"

STEPS: tuple[str, ...] = ("allowance.minimum",)
NOTICES: tuple[str, ...] = ()

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "ABVV: Afloop van de vereenvoudigde procedure tijdelijke werkloosheid overmacht",
        "https://www.abvv.be/afloop-van-de-vereenvoudigde-procedure-tijdelijke-werkloosheid-overmacht",
    ),
    LegalSource(
        "Securex, Chômage temporaire: montants actuels",
        "https://securex.be/fr/lex4you/employeur/montants-actuels/montants-socio-juridiques/chomage-temporaire-montants-actuels",
    ),
)

MINIMUM = "allowance.minimum_daily"
PARAMETERS: tuple[str, ...] = (MINIMUM,)
"""Covered on every date computed; from 2024 its version says no figure is sourced."""


class Figures(NamedTuple):
    first_day: date
    minimum_cents: int | None
    use: ParameterUse


def figures(p: MonthParameters) -> Figures:
    """The minimum in force (None where no figure is sourced); ParameterNotCovered before its
    first version."""
    use = p.use(MINIMUM)
    return Figures(p.first_day, cents(use.version), use)


def apply(ops: Ops, f: Figures, amounts: Mapping[RateGroup, Num]) -> dict[RateGroup, Num]:
    """R3: each daily amount raised to the minimum; unchanged where none is sourced."""
    if f.minimum_cents is None:
        return dict(amounts)
    return {group: ops.maximum(amount, f.minimum_cents) for group, amount in amounts.items()}


def steps(
    f: Figures,
    before: Mapping[RateGroup, Num],
    after: Mapping[RateGroup, Num],
    groups: tuple[RateGroup, ...],
) -> tuple[Step, ...]:
    """``allowance.minimum``: each daily amount against the minimum, or why none applies."""
    if not groups:
        return (
            Step("allowance.minimum", RULE, False, "allowance.minimum.no_days", {}, (), SOURCES),
        )
    if f.minimum_cents is None:
        day = {"day": f.first_day}
        return (
            Step(
                "allowance.minimum",
                RULE,
                False,
                "allowance.minimum.none",
                day,
                (f.use,),
                SOURCES,
            ),
        )
    raised = [g for g in groups if after[g] != before[g]]
    compared = [
        (g, {"group": g, "amount": int(before[g]), "minimum": f.minimum_cents}) for g in groups
    ]
    values: dict[str, object] = {
        "minimum": f.minimum_cents,
        "maxima": tuple(("minimum.max", v) for _, v in compared),
        "outcomes": tuple(
            ("minimum.raised" if g in raised else "minimum.kept", v) for g, v in compared
        ),
    }
    message = "allowance.minimum"
    return (Step("allowance.minimum", RULE, bool(raised), message, values, (f.use,), SOURCES),)
