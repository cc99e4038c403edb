"""R6 Construction (joint committee 124) top-up and its 60-unit credit.

Source (union FAQ, CSC, "CP 124 - Construction", https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « Droit: Indemnité complémentaire en cas de chômage temporaire. - Raisons économiques ;
      - Accident technique ; - Intempéries ; - Force majeure.
      Conditions accessoires: Disposer d'une carte de légitimation ayant-droit.
      Montant: Catégorie I € 6,34/jour ; Catégorie I A € 6,66/jour ; Catégorie II € 7,63/jour ;
      Catégorie II A € 8,02/jour ; Catégorie III € 10,08/jour ; Catégorie IV et plus € 10,85/jour.
      Payé par le secteur, via la CSC.
      Nombre de jours indemnisables: Crédit de 60 jours, prenant cours le premier jour de la durée
      (1.10) de la carte de légitimation et se terminant le dernier jour de cette durée (30.09). »

and the frost exception (ACV-CSC construction,
https://www.accg.be/nl/sector/bouw/bestaanzekerheid/arbeiders/werkloosheid): during a frost period
recognised by Constructiv the frost indemnity is paid without limit and is not deducted from the
credit. No frost amount is sourced: none is paid unless the caller supplies
``construction.frost_amount.<category>``, and the result says so.

Readings (docs/decisions.md): the energy-crisis scheme is economic unemployment (ONEM E5), so its
units get the top-up; medical force majeure does not; « jours » are counted in units (R4); the
credit runs per service year, 1 October to 30 September, and starts again each 1 October; the
credit used cannot exceed the credit in force. Frost units are counted per reason, as R4 counts
every reason's units: each eligible reason's frost hours are rounded to its units on their own, and
never come to more than that reason's units (D53). Counted from all the reasons' frost hours
together, a month made only of frost days could round below its units and draw on the credit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from ..core.errors import ParameterNotCovered
from ..core.ops import Flag, Num, Ops, add, subtract, total
from ..core.sources import LegalSource
from ..core.vocabulary import Cp124Category, Reason
from ..explain.step import Notice, Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, cents, half_units
from .allowance import component_cents
from .units import UnitScale, numerator, quarter_round

__all__ = [
    "CATEGORIES",
    "ELIGIBLE_IN_ORDER",
    "JOINT_COMMITTEE",
    "NOTICES",
    "PARAMETERS",
    "REASONS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Construction",
    "Figures",
    "applies",
    "compute",
    "counts_as_frost",
    "credit_exceeded",
    "figures",
    "in_joint_committee",
    "prior_credit",
    "service_year_start",
    "steps",
]

RULE = "R6"

STEPS: tuple[str, ...] = (
    "construction.eligibility",
    "construction.frost",
    "construction.credit",
    "construction.top_up",
)
NOTICES: tuple[str, ...] = ("construction.frost_amount_missing",)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): CP 124 - Construction",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "ACV-CSC Bouw-Industrie & Energie, Werkloosheid (bestaanszekerheid bouw)",
        "https://www.accg.be/nl/sector/bouw/bestaanzekerheid/arbeiders/werkloosheid",
    ),
)

JOINT_COMMITTEE = "124"
REASONS: frozenset[Reason] = frozenset(
    {
        Reason.ECONOMIC,
        Reason.BAD_WEATHER,
        Reason.TECHNICAL_ACCIDENT,
        Reason.FORCE_MAJEURE,
        Reason.ENERGY_CRISIS,
    }
)
"""« Raisons économiques ; Accident technique ; Intempéries ; Force majeure », and the
energy-crisis scheme as economic unemployment."""
ELIGIBLE_IN_ORDER: tuple[Reason, ...] = tuple(r for r in Reason if r in REASONS)
"""The eligible reasons in the vocabulary's order (of the frost columns of a population)."""
CATEGORIES: tuple[Cp124Category, ...] = tuple(Cp124Category)
"""Category codes in the rules and in population columns: the index in this tuple."""

CREDIT = "construction.credit_units"
AMOUNTS = tuple(f"construction.amount.{c}" for c in CATEGORIES)
FROST_AMOUNTS = tuple(f"construction.frost_amount.{c}" for c in CATEGORIES)
PARAMETERS: tuple[str, ...] = (CREDIT, *AMOUNTS, *FROST_AMOUNTS)
"""Needed only where a worker has construction units: before the credit and the amounts are in
force (2020-03-26), a worker with construction units is refused (ParameterNotCovered); a worker
of the sector without such units is computed. A credit set to no figure (an override) covers no
unit; an amount set to no figure refuses the month's construction units, as a missing one."""


class Figures(NamedTuple):
    credit_half_units: int | None
    """None where no credit is in force (then none is checked, and no unit is covered)."""
    amounts_cents: tuple[int, ...]
    """The top-up per unit by category code (0 where the figure is missing: see ``missing``)."""
    frost_cents: tuple[int, ...]
    """The frost amount per unit by category code; 0 where none is sourced (none is paid)."""
    missing: tuple[ParameterNotCovered, ...]
    """The credit or top-up amounts not in force on the month's first day: raised only for a
    worker with construction units."""
    uses: Mapping[str, ParameterUse]


def figures(p: MonthParameters) -> Figures:
    missing = [p.missing[name] for name in (CREDIT, *AMOUNTS) if name in p.missing]
    for name in AMOUNTS:
        use = p.uses.get(name)
        if use is not None and use.value is None:
            missing.append(ParameterNotCovered(name, p.first_day, use.version.note or ""))
    # a category without a figure has 0 here and is in ``missing``: a worker with construction
    # units is refused then, whatever the category (as long as any amount of the month is missing)
    amounts = [cents(p.uses[n].version) if n in p.uses else None for n in AMOUNTS]
    frost = [0] * len(CATEGORIES)
    if all(name in p.uses for name in FROST_AMOUNTS):  # 0 for a category with no figure
        frost = [cents(p.uses[name].version) or 0 for name in FROST_AMOUNTS]
    credit = p.uses.get(CREDIT)
    return Figures(
        half_units(credit.version if credit else None),
        tuple(a or 0 for a in amounts),
        tuple(frost),
        tuple(missing),
        MappingProxyType({name: p.uses[name] for name in PARAMETERS if name in p.uses}),
    )


def in_joint_committee(committee: str) -> bool:
    """The employer's joint committee is construction's."""
    return committee == JOINT_COMMITTEE


def counts_as_frost(reason: Reason, in_frost_period: bool) -> bool:
    """A day of an eligible reason in a frost period recognised by Constructiv."""
    return in_frost_period and reason in REASONS


def applies(
    ops: Ops, in_joint_committee: Flag, has_legitimation_card: Flag, has_category: Flag
) -> Flag:
    """Joint committee 124, a legitimation card and a category."""
    both = ops.choose(in_joint_committee, has_legitimation_card, False)
    return ops.choose(both, has_category, False)


def service_year_start(on: date) -> date:
    """The 1 October that opens the service year containing ``on``."""
    return date(on.year if on.month >= 10 else on.year - 1, 10, 1)


def prior_credit(used_half_units: int, through: date | None, first_day: date) -> tuple[int, bool]:
    """The credit used before the month in its service year, and whether a count recorded in an
    earlier service year was dropped (the credit starts again each 1 October)."""
    if through is None or through >= service_year_start(first_day):
        return used_half_units, False
    return 0, used_half_units > 0


def credit_exceeded(used_half_units: Num, f: Figures) -> Flag:
    """More credit used than the credit in force: an input error (where a credit is in force)."""
    return False if f.credit_half_units is None else used_half_units > f.credit_half_units


class Construction(NamedTuple):
    applies: Flag
    units: Num
    """Half units of the eligible reasons, where the top-up applies."""
    frost_units: Num
    covered: Num
    """Half units paid from the credit."""
    amount_cents: Num
    frost_amount_cents: Num
    top_up: Num
    frost_top_up: Num
    sector_top_up: Num
    credit_used_after: Num


def _frost_units(
    ops: Ops,
    half_units_by_reason: Mapping[Reason, Num],
    frost_default_days: Mapping[Reason, Num],
    frost_explicit_hours_h: Mapping[Reason, Num],
    unit_scale: UnitScale,
) -> Num:
    """The units in a recognised frost period: per eligible reason, R4's count of its frost
    hours, at most that reason's units."""
    frost: Num = 0
    for reason in ELIGIBLE_IN_ORDER:
        days = frost_default_days.get(reason, 0)
        hours = frost_explicit_hours_h.get(reason, 0)
        if not (ops.any(days) or ops.any(hours)):  # no frost day of this reason anywhere
            continue
        counted = quarter_round(numerator(days, hours, unit_scale), unit_scale.denominator)
        frost = add(frost, ops.minimum(counted, half_units_by_reason.get(reason, 0)))
    return frost


def compute(
    ops: Ops,
    f: Figures,
    half_units_by_reason: Mapping[Reason, Num],
    unit_scale: UnitScale,
    *,
    in_joint_committee: Flag,
    has_legitimation_card: Flag,
    has_category: Flag,
    category_code: Num,
    frost_default_days: Mapping[Reason, Num],
    frost_explicit_hours_h: Mapping[Reason, Num],
    prior_credit_half_units: Num,
) -> Construction:
    """R6: the eligible units, the frost units outside the credit, the rest within what is left
    of the credit, each at the category's amount."""
    eligible = applies(ops, in_joint_committee, has_legitimation_card, has_category)
    units = ops.where(eligible, total(half_units_by_reason, REASONS), 0)
    if f.missing and ops.any(units > 0):
        raise f.missing[0]
    frost = ops.where(
        eligible,
        _frost_units(
            ops, half_units_by_reason, frost_default_days, frost_explicit_hours_h, unit_scale
        ),
        0,
    )
    left = ops.maximum((f.credit_half_units or 0) - prior_credit_half_units, 0)
    covered = ops.minimum(subtract(units, frost), left)
    amount = ops.where(eligible, ops.take(f.amounts_cents, category_code), 0)
    frost_amount: Num = 0
    if any(f.frost_cents):  # no frost amount sourced or supplied: none is paid
        frost_amount = ops.where(eligible, ops.take(f.frost_cents, category_code), 0)
    top_up = component_cents(covered, amount)
    frost_top_up = component_cents(frost, frost_amount)
    return Construction(
        eligible,
        units,
        frost,
        covered,
        amount,
        frost_amount,
        top_up,
        frost_top_up,
        add(top_up, frost_top_up),
        add(prior_credit_half_units, covered),
    )


def _eligibility(
    c: Construction,
    *,
    joint_committee: str,
    has_legitimation_card: bool,
    category: Cp124Category | None,
) -> Step:
    values = {
        "committee": joint_committee,
        "required": JOINT_COMMITTEE,
        "card": "yes" if has_legitimation_card else "no",
        "category": ("category", {"category": category.value})
        if category
        else ("category.none", {}),
        "units": int(c.units),
        "reasons": tuple(("reason", {"reason": r}) for r in Reason if r in REASONS),
    }
    same = "same" if in_joint_committee(joint_committee) else "other"
    message = "construction.eligibility." + ("yes" if c.applies else "no") + "." + same
    return Step("construction.eligibility", RULE, bool(c.applies), message, values, (), SOURCES)


def _frost_step(
    f: Figures, c: Construction, category: Cp124Category, frost_days: int
) -> tuple[Step, tuple[Notice, ...]]:
    if int(c.frost_units) <= 0:  # no frost day, or frost hours worth no unit
        message = "construction.frost.no_units" if frost_days else "construction.frost.none"
        days = {"days": frost_days}
        return Step("construction.frost", RULE, False, message, days, (), SOURCES), ()
    name = f"construction.frost_amount.{category.value}"
    use = f.uses.get(name)
    values = {
        "units": int(c.frost_units),
        "days": frost_days,
        "amount": int(c.frost_amount_cents),
        "total": int(c.frost_top_up),
        "parameter": name,
    }
    uses = () if use is None else (use,)
    if int(c.frost_amount_cents):
        return Step(
            "construction.frost", RULE, True, "construction.frost", values, uses, SOURCES
        ), ()
    step = Step(
        "construction.frost", RULE, True, "construction.frost.no_amount", values, uses, SOURCES
    )
    return step, (Notice("construction.frost_amount_missing", values),)


def _credit_steps(
    f: Figures,
    c: Construction,
    category: Cp124Category,
    *,
    prior_credit_half_units: int,
    credit_reset: bool,
    service_year: date,
) -> tuple[Step, Step]:
    """``construction.credit`` (what the credit covers) and ``construction.top_up``."""
    on_credit = int(c.units) - int(c.frost_units)
    credit = {
        "credit": f.credit_half_units or 0,
        "since": service_year,
        "used": prior_credit_half_units,
        "on_credit": on_credit,
        "covered": int(c.covered),
        "beyond": on_credit - int(c.covered),
        "zero": 0,
    }
    message = "construction.credit" + (".reset" if credit_reset else "")
    message += ".beyond" if credit["beyond"] else ""
    if f.credit_half_units is None:  # no credit in force: nothing is covered
        message = "construction.credit.none"
    top_up = {
        "covered": int(c.covered),
        "amount": int(c.amount_cents),
        "category": category.value,
        "total": int(c.top_up),
    }
    credit_uses = (f.uses[CREDIT],) if CREDIT in f.uses else ()
    amount = f.uses.get(f"construction.amount.{category.value}")
    amount_uses = () if amount is None else (amount,)
    return (
        Step("construction.credit", RULE, True, message, credit, credit_uses, SOURCES),
        Step(
            "construction.top_up",
            RULE,
            int(c.top_up) > 0,
            "construction.top_up",
            top_up,
            amount_uses,
            SOURCES,
        ),
    )


def steps(
    f: Figures,
    c: Construction,
    *,
    joint_committee: str,
    has_legitimation_card: bool,
    category: Cp124Category | None,
    frost_days: int,
    prior_credit_half_units: int,
    credit_reset: bool,
    service_year: date,
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """``construction.eligibility``; where the top-up applies, ``construction.frost``,
    ``construction.credit`` and ``construction.top_up``."""
    eligibility = _eligibility(
        c,
        joint_committee=joint_committee,
        has_legitimation_card=has_legitimation_card,
        category=category,
    )
    if not c.applies or category is None:
        return (eligibility,), ()
    frost, notices = _frost_step(f, c, category, frost_days)
    credit = _credit_steps(
        f,
        c,
        category,
        prior_credit_half_units=prior_credit_half_units,
        credit_reset=credit_reset,
        service_year=service_year,
    )
    return (eligibility, frost, *credit), notices
