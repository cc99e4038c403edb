"""R5 Employer supplement (from 2024-01-01).

Source (union FAQ, CSC, "Supplément", https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « Pour tenir compte de la baisse de 65 à 60 % des allocations de chômage temporaire, un
      supplément de 5,10 euros par jour de chômage temporaire est prévu.
      Vous avez droit à ce supplément de 5,10 euros par jour si votre salaire mensuel brut ne
      dépasse pas 4.000 euros. Si votre salaire mensuel brut dépasse 4.000 euros, vous recevrez ce
      supplément de 5,10 euros à partir du 27e jour de chômage temporaire au cours de la même année
      civile et chez le même employeur.
      Attention: les jours de chômage temporaire pour cause de force majeure ne sont pas pris en
      compte!
      Ce supplément s'ajoute aux autres suppléments prévus dans votre entreprise ou votre secteur et
      est payé par votre employeur. »

The amount (5.00, 5.10 from 2024-05-01, 5.20 from 2025-02-01), the threshold (4,000; 4,155; 4,284)
and the 26 units that come first are dated parameters (``parameters/supplement.toml``). Not due
where a company agreement already guarantees as much (CAPAC, Easypay); paid by a sector fund where
a generally binding agreement says so (Acerta,
https://acerta.be/fr/inspiration/indemnite-supplementaire-pour-chomage-temporaire-pour-ouvriers-et-employes-dernier-etat-de-la-situation).

Readings (docs/decisions.md): « ne dépasse pas » — a wage exactly at the threshold gets it from the
first unit; the wage compared is the gross monthly wage **before** the ceiling (an hourly wage as
``hourly × Q × 26 / 6``); « jour » is counted in units (R4, SPF Emploi via Partena, 25/01/2024),
so the counter of the calendar year runs in half units and starts again from zero each 1 January.
Medical force majeure is force majeure; the energy-crisis scheme had its own supplement
(``energy_supplement.py``) and does not count here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from ..core.errors import ParameterNotCovered
from ..core.ops import Flag, Num, Ops, add, total
from ..core.sources import LegalSource
from ..core.vocabulary import Reason
from ..explain.step import Phrase, Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, cents, half_units
from .allowance import component_cents
from .daily_wage import SIX_DAY_WEEK, paid_hourly

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "REASONS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Figures",
    "Supplement",
    "compute",
    "figures",
    "prior_units",
    "steps",
]

RULE = "R5"

STEPS: tuple[str, ...] = (
    "supplement.in_force",
    "supplement.scope",
    "supplement.agreement",
    "supplement.threshold",
    "supplement.day_27",
    "supplement.amount",
)
NOTICES: tuple[str, ...] = ()

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): Supplément",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "Acerta, Indemnité supplémentaire pour chômage temporaire",
        "https://acerta.be/fr/inspiration/indemnite-supplementaire-pour-chomage-temporaire-pour-ouvriers-et-employes-dernier-etat-de-la-situation",
    ),
)

REASONS: frozenset[Reason] = frozenset(
    {
        Reason.ECONOMIC,
        Reason.BAD_WEATHER,
        Reason.TECHNICAL_ACCIDENT,
        Reason.COLLECTIVE_CLOSURE,
        Reason.STRIKE_LOCKOUT,
        Reason.PROTECTED_WORKER_DISMISSAL,
    }
)
"""Every reason but force majeure (« ne sont pas pris en compte »), medical force majeure and the
energy-crisis scheme: these units get the supplement and count towards the free units."""

AMOUNT = "supplement.amount"
THRESHOLD = "supplement.wage_threshold"
FREE_UNITS = "supplement.free_units"
PARAMETERS: tuple[str, ...] = (AMOUNT, THRESHOLD, FREE_UNITS)
"""Covered on every date computed; before 2024 their versions say the supplement did not exist."""


class Figures(NamedTuple):
    first_day: date
    amount_cents: int | None
    """None before the supplement existed: nothing is due."""
    threshold_cents: int | None
    free_half_units: int | None
    amount: ParameterUse
    threshold: ParameterUse
    free_units: ParameterUse


def figures(p: MonthParameters) -> Figures:
    """The supplement's figures; ParameterNotCovered if the amount is in force without the
    threshold or the free units."""
    amount, threshold, free = p.use(AMOUNT), p.use(THRESHOLD), p.use(FREE_UNITS)
    if amount.value is not None:
        for use in (threshold, free):
            if use.value is None:
                raise ParameterNotCovered(
                    use.name, p.first_day, "the supplement is in force but this figure is not"
                )
    return Figures(
        p.first_day,
        cents(amount.version),
        cents(threshold.version),
        half_units(free.version),
        amount,
        threshold,
        free,
    )


def prior_units(counted_half_units: int, through: date | None, first_day: date) -> tuple[int, bool]:
    """The units counted before the month in its calendar year, and whether a count recorded
    in an earlier year was dropped (the counter starts again each 1 January)."""
    if through is None or through.year == first_day.year:
        return counted_half_units, False
    return 0, counted_half_units > 0


class Supplement(NamedTuple):
    eligible: Num
    """Half units of the reasons that get the supplement (and count towards the free units)."""
    at_or_below: Flag
    """The gross monthly wage does not exceed the threshold."""
    after_free: Num
    """Half units of the month that come after the free units of the year (above the threshold,
    the units the supplement is due on)."""
    paid: Num
    """Half units that get the supplement this month."""
    amount: Num
    by_employer: Num
    by_fund: Num
    counted_after: Num
    """The calendar year's counter after the month."""


def _at_or_below(
    ops: Ops,
    threshold_cents: int,
    *,
    monthly_wage_cents: Num,
    hourly_wage_cents: Num,
    weekly_hours_h: Num,
    divisor: int,
) -> Flag:
    """The gross monthly wage, **uncapped**, does not exceed the threshold. Hourly: the monthly
    wage is ``hourly × Q × divisor / 6``, compared without dividing
    (``hourly × Q_h × divisor <= threshold × 600``, Q in hundredths of an hour)."""
    monthly = monthly_wage_cents <= threshold_cents
    by_hour = paid_hourly(hourly_wage_cents)
    if by_hour is False:
        return monthly
    hourly = hourly_wage_cents * weekly_hours_h * divisor <= threshold_cents * SIX_DAY_WEEK * 100
    return ops.choose(by_hour, hourly, monthly)


def compute(
    ops: Ops,
    f: Figures,
    half_units_by_reason: Mapping[Reason, Num],
    *,
    monthly_wage_cents: Num,
    hourly_wage_cents: Num,
    weekly_hours_h: Num,
    divisor: int,
    prior_half_units: Num,
    agreement_guarantees_supplement: Flag,
    paid_by_fund: Flag,
) -> Supplement:
    """R5: at or below the threshold every eligible unit gets the supplement; above it, only the
    units after the first ``free`` eligible units of the calendar year with this employer,
    ``clip(prior + eligible - free, 0, eligible)``; none where an agreement guarantees as much."""
    eligible = total(half_units_by_reason, REASONS)
    counted = add(prior_half_units, eligible)  # the year's eligible units after the month
    threshold, free = f.threshold_cents, f.free_half_units
    if f.amount_cents is None or threshold is None or free is None:
        at_or_below: Flag = False
        late: Num = 0
        paid: Num = 0
    else:
        at_or_below = _at_or_below(
            ops,
            threshold,
            monthly_wage_cents=monthly_wage_cents,
            hourly_wage_cents=hourly_wage_cents,
            weekly_hours_h=weekly_hours_h,
            divisor=divisor,
        )
        late = ops.minimum(ops.maximum(counted - free, 0), eligible)
        paid = ops.where(agreement_guarantees_supplement, 0, ops.where(at_or_below, eligible, late))
    amount = component_cents(paid, f.amount_cents or 0)
    return Supplement(
        eligible,
        at_or_below,
        late,
        paid,
        amount,
        ops.where(paid_by_fund, 0, amount),
        ops.where(paid_by_fund, amount, 0),
        counted,
    )


def _wage_phrase(
    monthly_wage_cents: int, hourly_wage_cents: int, weekly_hours_h: int, divisor: int
) -> Phrase:
    """The wage compared with the threshold, as a phrase (an hourly wage as a monthly one)."""
    if not paid_hourly(hourly_wage_cents):
        return ("wage.monthly", {"wage": monthly_wage_cents})
    monthly = (hourly_wage_cents * weekly_hours_h * divisor, SIX_DAY_WEEK * 100 * 100)
    values = {
        "hourly": hourly_wage_cents,
        "q": weekly_hours_h,
        "divisor": divisor,
        "six": SIX_DAY_WEEK,
        "monthly": monthly,
    }
    return ("wage.hourly_as_monthly", values)


def _scope_step(
    s: Supplement, half_units_by_reason: Mapping[Reason, Num], reasons: tuple[Reason, ...]
) -> Step:
    """``supplement.scope``: the units of the eligible reasons, and those not counted."""
    counted = tuple(
        ("reason.units", {"reason": r, "units": int(half_units_by_reason[r])})
        for r in reasons
        if r in REASONS
    )
    excluded = tuple(
        ("reason", {"reason": r})
        for r in reasons
        if r not in REASONS and r is not Reason.ENERGY_CRISIS  # which has its own supplement
    )
    message = ("supplement.scope" if counted else "supplement.scope.none") + (
        ".excluded" if excluded else ""
    )
    values = {"reasons": counted, "excluded": excluded, "eligible": int(s.eligible)}
    return Step("supplement.scope", RULE, int(s.eligible) > 0, message, values, (), SOURCES)


def _threshold_steps(
    f: Figures, s: Supplement, wage: Phrase, prior_half_units: int
) -> tuple[Step, Step]:
    """``supplement.threshold`` and ``supplement.day_27`` (the free units), which applies only
    above the threshold."""
    below = bool(s.at_or_below)
    threshold = {"wage": wage, "threshold": f.threshold_cents or 0}
    free = {
        **threshold,
        "prior": prior_half_units,
        "eligible": int(s.eligible),
        "free": f.free_half_units or 0,
        "after_free": int(s.after_free),
        "zero": 0,
    }
    return (
        Step(
            "supplement.threshold",
            RULE,
            below,
            "supplement.threshold." + ("below" if below else "above"),
            threshold,
            (f.threshold,),
            SOURCES,
        ),
        Step(
            "supplement.day_27",
            RULE,
            not below,
            "supplement.free_units." + ("not_applied" if below else "applied"),
            free,
            (f.free_units,),
            SOURCES,
        ),
    )


def steps(
    f: Figures,
    s: Supplement,
    half_units_by_reason: Mapping[Reason, Num],
    *,
    reasons: tuple[Reason, ...],
    monthly_wage_cents: int,
    hourly_wage_cents: int,
    weekly_hours_h: int,
    divisor: int,
    prior_half_units: int,
    agreement_guarantees_supplement: bool,
    paid_by_fund: bool,
) -> tuple[Step, ...]:
    """``supplement.in_force`` before 2024; then ``supplement.scope`` (the eligible units),
    ``supplement.agreement``, ``supplement.threshold``, ``supplement.day_27`` (the free units)
    and ``supplement.amount``."""
    if f.amount_cents is None:
        day = {"day": f.first_day}
        message = "supplement.not_in_force"
        return (Step("supplement.in_force", RULE, False, message, day, (f.amount,), SOURCES),)
    wage = _wage_phrase(monthly_wage_cents, hourly_wage_cents, weekly_hours_h, divisor)
    agreement = "supplement.agreement." + ("yes" if agreement_guarantees_supplement else "no")
    amount = {
        "paid": int(s.paid),
        "amount": f.amount_cents,
        "total": int(s.amount),
        "payer": "payer.sector_fund" if paid_by_fund else "payer.employer",
    }
    return (
        _scope_step(s, half_units_by_reason, reasons),
        Step(
            "supplement.agreement",
            RULE,
            agreement_guarantees_supplement,
            agreement,
            {},
            (),
            SOURCES,
        ),
        *_threshold_steps(f, s, wage, prior_half_units),
        Step(
            "supplement.amount",
            RULE,
            int(s.amount) > 0,
            "supplement.amount",
            amount,
            (f.amount,),
            SOURCES,
        ),
    )
