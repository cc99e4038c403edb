"""R2 Rate: the share of the daily wage paid per unit, by reason and date, and the daily amount.

Source (union FAQ, CSC, "À combien s'élève le chômage temporaire?",
https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « Depuis le 01.01.2024, les allocations de chômage temporaire s'élèvent à:
      - 60% (excepté le chômage temporaire pour force majeure) de la rémunération brute mensuelle
        éventuellement plafonnée à 3.299,11 euros.
      - 65% de votre rémunération (éventuellement plafonnée) en cas de chômage temporaire pour
        force majeure. »

Medical force majeure keeps 65 % (ABVV-Metaal,
https://abvvmetaal-btb.com/fr/actualites/actualites-syndicales/baisse-de-lindemnite-en-cas-de-chomage-temporaire).
The energy-crisis scheme (2022-10-01 to 2023-03-31) had its own 70 % (Group S,
https://groups.be/fr/actualites/articles-juridiques/regime-de-chomage-temporaire-energie-et-supplement-precisions).
Earlier rates (70 % from 2020-02-01 for every reason, 65 % from 2022-07-01) are dated versions of
the same parameters (``parameters/rate.toml``).

Rulebook R0 (1) and R2: the daily amount is ``rate × daily wage``, computed as one exact fraction
and rounded **once** to the cent, half up: the Securex maxima check it,
65 % × 3,299.11 / 26 = 82.4777… → 82.48. Reasons that share a rate share a daily amount (a
*rate group*), and the allowance has one line per daily amount (D9).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from ..core.errors import ParameterNotCovered
from ..core.money import half_up_div
from ..core.ops import Num, Ops, add
from ..core.sources import LegalSource
from ..core.vocabulary import Reason
from ..explain.step import Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, ratio
from .daily_wage import DailyWage

__all__ = [
    "GROUP_OF",
    "NOTICES",
    "PARAMETERS",
    "RATE_GROUPS",
    "REASONS_OF",
    "RULE",
    "SOURCES",
    "STEPS",
    "Figures",
    "RateGroup",
    "daily_amounts",
    "figures",
    "groups_shown",
    "steps",
    "units_by_group",
]

RULE = "R2"

STEPS: tuple[str, ...] = ("rate.by_reason", "allowance.daily_amount.<group>")
NOTICES: tuple[str, ...] = ()

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): À combien s'élève le chômage temporaire?",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "ABVV-Metaal, Baisse de l'indemnité en cas de chômage temporaire",
        "https://abvvmetaal-btb.com/fr/actualites/actualites-syndicales/baisse-de-lindemnite-en-cas-de-chomage-temporaire",
    ),
    LegalSource(
        "CAPAC, Chômage temporaire: diminution du montant des allocations à partir de janvier",
        "https://capac.fgov.be/fr/actualites/chomage-temporaire-diminution-du-montant-des-allocations-partir-de-janvier",
    ),
    LegalSource(
        "Securex, Chômage temporaire: montants actuels",
        "https://securex.be/fr/lex4you/employeur/montants-actuels/montants-socio-juridiques/chomage-temporaire-montants-actuels",
    ),
)


class RateGroup(StrEnum):
    """Reasons that share a rate, hence a daily amount; the value is the rate parameter's name."""

    STANDARD = "rate.standard"
    FORCE_MAJEURE = "rate.force_majeure"
    ENERGY_CRISIS = "rate.energy_crisis"

    @property
    def label(self) -> str:
        """The group's short name in ids and column names: ``standard``, ``force_majeure`` …"""
        return self.value.removeprefix("rate.")


RATE_GROUPS: tuple[RateGroup, ...] = tuple(RateGroup)
GROUP_OF: Mapping[Reason, RateGroup] = {
    Reason.ECONOMIC: RateGroup.STANDARD,
    Reason.BAD_WEATHER: RateGroup.STANDARD,
    Reason.TECHNICAL_ACCIDENT: RateGroup.STANDARD,
    Reason.FORCE_MAJEURE: RateGroup.FORCE_MAJEURE,
    Reason.FORCE_MAJEURE_MEDICAL: RateGroup.FORCE_MAJEURE,
    Reason.COLLECTIVE_CLOSURE: RateGroup.STANDARD,
    Reason.STRIKE_LOCKOUT: RateGroup.STANDARD,
    Reason.PROTECTED_WORKER_DISMISSAL: RateGroup.STANDARD,
    Reason.ENERGY_CRISIS: RateGroup.ENERGY_CRISIS,
}
"""The rate of each reason: « 60% (excepté … force majeure) », 65 % for both force majeures, the
energy scheme's own rate."""
REASONS_OF: Mapping[RateGroup, tuple[Reason, ...]] = {
    group: tuple(r for r in Reason if GROUP_OF[r] is group) for group in RATE_GROUPS
}

PARAMETERS: tuple[str, ...] = tuple(group.value for group in RATE_GROUPS)
"""The standard and force-majeure rates are needed for every worker; the energy scheme's only
for its units."""


class Figures(NamedTuple):
    first_day: date
    rates: Mapping[RateGroup, tuple[int, int] | None]
    """Each group's rate as an exact ``(numerator, denominator)``; None where none is in force."""
    uses: Mapping[RateGroup, ParameterUse | None]


def figures(p: MonthParameters) -> Figures:
    """The rates in force; ParameterNotCovered if the standard or force-majeure rate is not."""
    for group in (RateGroup.STANDARD, RateGroup.FORCE_MAJEURE):
        p.value_required(group.value)
    uses = {group: p.uses.get(group.value) for group in RATE_GROUPS}
    rates = {group: ratio(use.version if use else None) for group, use in uses.items()}
    # read-only: the figures are kept per set and reachable from every result (D55)
    return Figures(p.first_day, MappingProxyType(rates), MappingProxyType(uses))


def units_by_group(ops: Ops, f: Figures, half_units: Mapping[Reason, Num]) -> dict[RateGroup, Num]:
    """The half units of each rate group (a literal 0 for a group with no reason in the month);
    ParameterNotCovered where a group has units but no rate on the month's first day."""
    totals: dict[RateGroup, Num] = dict.fromkeys(RATE_GROUPS, 0)
    for reason, units in half_units.items():
        group = GROUP_OF[reason]
        totals[group] = add(totals[group], units)
    for group, rate in f.rates.items():
        if rate is None and ops.any(totals[group] > 0):
            raise ParameterNotCovered(
                group.value, f.first_day, "no rate for these units on this date"
            )
    return totals


def daily_amounts(f: Figures, wage: DailyWage) -> dict[RateGroup, Num]:
    """R0 (1): ``rate × daily wage`` in cents, rounded once, half up, for each group with a rate."""
    return {
        group: half_up_div(rate[0] * wage.numerator, rate[1] * wage.denominator)
        for group, rate in f.rates.items()
        if rate is not None
    }


def groups_shown(f: Figures, reasons: tuple[Reason, ...]) -> tuple[RateGroup, ...]:
    """The rate groups of the month's reasons that have a rate in force, in the groups' order:
    those with a daily amount to show (a reason without a rate has no unit: units_by_group)."""
    present = {GROUP_OF[r] for r in reasons}
    return tuple(g for g in RATE_GROUPS if g in present and f.rates[g] is not None)


def _reason_phrase(f: Figures, reason: Reason) -> tuple[str, dict[str, object]]:
    group = GROUP_OF[reason]
    rate = f.rates[group]
    if rate is None:  # a reason whose hours gave no unit, on a date without its rate
        return ("rate.reason.none", {"reason": reason, "group": group})
    return ("rate.reason", {"reason": reason, "group": group, "rate": rate})


_DAILY_AMOUNT_IDS = {group: f"allowance.daily_amount.{group.label}" for group in RATE_GROUPS}
"""The id of each rate group's daily-amount step."""


def steps(
    f: Figures,
    wage: DailyWage,
    amounts: Mapping[RateGroup, Num],
    *,
    reasons: tuple[Reason, ...],
    groups: tuple[RateGroup, ...],
) -> tuple[Step, ...]:
    """``rate.by_reason`` (the rate of each reason of the month) and, per rate group shown
    (:func:`groups_shown`), ``allowance.daily_amount.<group>`` (rate × daily wage, rounded)."""
    if not reasons:
        return (Step("rate.by_reason", RULE, False, "rate.none", {}, (), SOURCES),)
    by_reason = {
        "reasons": tuple(_reason_phrase(f, r) for r in reasons),
        "groups": tuple(("rate.group", {"group": g, "rate": f.rates[g]}) for g in groups)
        or (("none", {}),),
    }
    uses = tuple(use for g in groups if (use := f.uses[g]) is not None)
    message = "rate.by_reason"
    result = [Step("rate.by_reason", RULE, bool(groups), message, by_reason, uses, SOURCES)]
    for group in groups:
        rate = f.rates[group]
        assert rate is not None  # groups_shown gives groups with a rate
        values = {
            "group": group,
            "rate": rate,
            "daily_wage": (int(wage.numerator), wage.denominator * 100),
            "exact": (rate[0] * int(wage.numerator), rate[1] * wage.denominator * 100),
            "amount": int(amounts[group]),
        }
        use = f.uses[group]
        step_id = _DAILY_AMOUNT_IDS[group]
        uses = () if use is None else (use,)
        result.append(Step(step_id, "R0/R2", True, "allowance.daily_amount", values, uses, SOURCES))
    return tuple(result)
