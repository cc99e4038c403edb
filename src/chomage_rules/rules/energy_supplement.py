"""R5 (energy scheme) The employer supplement for energy-crisis days, 2022-10-01 to 2023-03-31.

Source (Group S, "Régime de chômage temporaire énergie et supplément : précisions",
https://groups.be/fr/actualites/articles-juridiques/regime-de-chomage-temporaire-energie-et-supplement-precisions):

    Allowance 70 %, plus an employer supplement of 6.22 EUR per day of temporary unemployment
    (6.34 EUR from 1 November 2022), paid by the employer.

Rulebook R5: energy-crisis units get this supplement *instead* of the 2024 supplement (which did not
exist yet); they do not count towards its free units. It is due whatever the agreement flag, which
concerns the 2024 supplement (D11). The amounts are ``supplement.energy_amount``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from ..core.errors import ParameterNotCovered
from ..core.ops import Num, Ops, total
from ..core.sources import LegalSource
from ..core.vocabulary import ENERGY_CRISIS_FIRST_DAY, ENERGY_CRISIS_LAST_DAY, Reason
from ..explain.step import Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, cents
from .allowance import component_cents

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "REASONS",
    "RULE",
    "SOURCES",
    "STEPS",
    "EnergySupplement",
    "Figures",
    "compute",
    "figures",
    "steps",
]

RULE = "R5"

STEPS: tuple[str, ...] = ("supplement.energy",)
NOTICES: tuple[str, ...] = ()

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "Group S, Régime de chômage temporaire énergie et supplément: précisions",
        "https://groups.be/fr/actualites/articles-juridiques/regime-de-chomage-temporaire-energie-et-supplement-precisions",
    ),
)

REASONS: frozenset[Reason] = frozenset({Reason.ENERGY_CRISIS})
AMOUNT = "supplement.energy_amount"
PARAMETERS: tuple[str, ...] = (AMOUNT,)
"""Needed only for energy-crisis units (a month outside the scheme has none)."""


class Figures(NamedTuple):
    first_day: date
    amount_cents: int | None
    use: ParameterUse | None


def figures(p: MonthParameters) -> Figures:
    use = p.uses.get(AMOUNT)
    return Figures(p.first_day, cents(use.version if use else None), use)


class EnergySupplement(NamedTuple):
    units: Num
    """Half units of the energy-crisis scheme."""
    amount: Num
    by_employer: Num
    """Paid by the employer: all of it (the flag ``supplement_paid_by_fund`` concerns the 2024
    supplement; docs/decisions.md D11)."""
    by_fund: Num


def compute(ops: Ops, f: Figures, half_units_by_reason: Mapping[Reason, Num]) -> EnergySupplement:
    """Energy-crisis units × the energy supplement, rounded once, half up; ParameterNotCovered
    for such units on a date without an amount."""
    units = total(half_units_by_reason, REASONS)
    if f.amount_cents is None and ops.any(units > 0):
        raise ParameterNotCovered(AMOUNT, f.first_day, "no energy supplement on this date")
    amount = component_cents(units, f.amount_cents or 0)
    return EnergySupplement(units, amount, amount, 0)


def steps(f: Figures, e: EnergySupplement) -> tuple[Step, ...]:
    """``supplement.energy``: the units and the amount, or that no energy-crisis unit is due."""
    uses = () if f.use is None else (f.use,)
    if int(e.units) > 0:
        values = {"units": int(e.units), "amount": f.amount_cents or 0, "total": int(e.amount)}
        return (Step("supplement.energy", RULE, True, "supplement.energy", values, uses, SOURCES),)
    scheme = {"first": ENERGY_CRISIS_FIRST_DAY, "last": ENERGY_CRISIS_LAST_DAY}
    return (
        Step("supplement.energy", RULE, False, "supplement.energy.none", scheme, uses, SOURCES),
    )
