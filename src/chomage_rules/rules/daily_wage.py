"""R1 Daily wage: the capped wage of one day in the six-day regime.

Source (De Tijd, "De juiste formule voor de uitkering",
https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html):

    Vast maandloon: gemiddeld dagloon = 1/26 van het maandloon.
    Vast uurloon: dagloon = uurloon × (Q / 6), met Q = het normale gemiddelde aantal arbeidsuren
    per week.

and the ceiling (union FAQ, CSC, https://www.lacsc.be/vos-droits/chomage/chomage-temporaire:
« de la rémunération brute mensuelle éventuellement plafonnée à 3.299,11 euros »; Securex:
« Plafond salarial mensuel (plafond journalier × 26) »).

Rulebook R1: monthly-paid ``min(wage, ceiling) / 26``; hourly-paid
``min(hourly × Q / 6, ceiling / 26)``. The daily wage is **not** rounded (R0): it is kept as an
exact fraction, so that ``rate × daily wage`` is rounded once, by the rate rule (R2).
"""

from __future__ import annotations

from typing import NamedTuple

from ..core.ops import Flag, Num, Ops
from ..core.sources import LegalSource
from ..explain.step import Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, cents

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SIX_DAY_WEEK",
    "SOURCES",
    "STEPS",
    "DailyWage",
    "Figures",
    "compute",
    "figures",
    "paid_hourly",
    "steps",
]

RULE = "R1"

STEPS: tuple[str, ...] = ("wage.ceiling", "wage.daily")
NOTICES: tuple[str, ...] = ()

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "De Tijd, De juiste formule voor de uitkering",
        "https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html",
    ),
    LegalSource(
        "ONEM T66, À combien s'élève votre allocation en cas de chômage temporaire",
        "https://www.onem.be/citoyens/chomage-temporaire/a-combien-s-eleve-votre-allocation-en-cas-de-chomage-temporaire-",
    ),
)

CEILING = "wage.monthly_ceiling"
DIVISOR = "wage.daily_divisor"
PARAMETERS: tuple[str, ...] = (CEILING, DIVISOR)
"""Both are needed for every worker: a month they do not cover cannot be computed."""

SIX_DAY_WEEK = 6
"""Allowances are counted in the six-day regime: six units make a full week (the rulebook)."""

_HUNDREDTHS = 100  # weekly hours are carried in hundredths of an hour


class Figures(NamedTuple):
    ceiling_cents: int
    divisor: int
    """The days in a month of the six-day regime (26)."""
    ceiling: ParameterUse
    divisor_use: ParameterUse


def figures(p: MonthParameters) -> Figures:
    """The ceiling and the divisor in force on the month's first day (ParameterNotCovered)."""
    ceiling, divisor = p.value_required(CEILING), p.value_required(DIVISOR)
    assert divisor.value is not None  # value_required
    return Figures(cents(ceiling) or 0, int(divisor.value), p.use(CEILING), p.use(DIVISOR))


class DailyWage(NamedTuple):
    """The daily wage in cents as an exact fraction; ``capped`` where the ceiling applied."""

    numerator: Num
    denominator: int
    capped: Flag


def paid_hourly(hourly_wage_cents: Num) -> Flag:
    """A worker with an hourly wage is paid by the hour (the models give one wage or the other)."""
    return hourly_wage_cents > 0


def compute(
    ops: Ops, f: Figures, *, monthly_wage_cents: Num, hourly_wage_cents: Num, weekly_hours_h: Num
) -> DailyWage:
    """R1. Monthly: ``min(wage, ceiling) / divisor``. Hourly: ``min(hourly × Q / 6, ceiling /
    divisor)``, which over the common denominator ``divisor × 6 × 100`` (Q in hundredths of an
    hour) is ``min(hourly × Q_h × divisor, ceiling × 600)``.

    Where nobody is paid by the hour (the single value False), the common denominator is left
    out: the same fraction, one multiplication less per row.
    """
    by_hour = paid_hourly(hourly_wage_cents)
    if by_hour is False:
        return DailyWage(
            ops.minimum(monthly_wage_cents, f.ceiling_cents),
            f.divisor,
            monthly_wage_cents > f.ceiling_cents,
        )
    scale = SIX_DAY_WEEK * _HUNDREDTHS
    hourly = hourly_wage_cents * weekly_hours_h * f.divisor
    return DailyWage(
        ops.where(
            by_hour,
            ops.minimum(hourly, f.ceiling_cents * scale),
            ops.minimum(monthly_wage_cents, f.ceiling_cents) * scale,
        ),
        f.divisor * scale,
        ops.choose(by_hour, hourly > f.ceiling_cents * scale, monthly_wage_cents > f.ceiling_cents),
    )


def steps(
    f: Figures,
    wage: DailyWage,
    *,
    monthly_wage_cents: int,
    hourly_wage_cents: int,
    weekly_hours_h: int,
) -> tuple[Step, ...]:
    """``wage.ceiling`` (the cap, or why the wage is not capped) and, for a monthly wage,
    ``wage.daily`` (the division, kept exact)."""
    capped = bool(wage.capped)
    daily = (int(wage.numerator), wage.denominator * 100)  # in euros
    if paid_hourly(hourly_wage_cents):
        values = {
            "hourly": hourly_wage_cents,
            "q": weekly_hours_h,
            "six": SIX_DAY_WEEK,
            "uncapped": (hourly_wage_cents * weekly_hours_h, SIX_DAY_WEEK * 100 * 100),
            "ceiling": f.ceiling_cents,
            "divisor": f.divisor,
            "daily_ceiling": (f.ceiling_cents, f.divisor * 100),
            "daily_wage": daily,
        }
        message = "wage.ceiling.hourly." + ("capped" if capped else "not_capped")
        uses = (f.ceiling, f.divisor_use)
        return (Step("wage.ceiling", RULE, capped, message, values, uses, SOURCES),)
    capped_wage = f.ceiling_cents if capped else monthly_wage_cents
    values = {"wage": monthly_wage_cents, "ceiling": f.ceiling_cents}
    message = "wage.ceiling.monthly." + ("capped" if capped else "not_capped")
    divided = {"capped_wage": capped_wage, "divisor": f.divisor, "daily_wage": daily}
    return (
        Step("wage.ceiling", RULE, capped, message, values, (f.ceiling,), SOURCES),
        Step("wage.daily", RULE, True, "wage.daily", divided, (f.divisor_use,), SOURCES),
    )
