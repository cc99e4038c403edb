"""R1 Daily wage: the capped wage of one day in the six-day regime.

Source (De Tijd, "De juiste formule voor de uitkering",
https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html, fact sheet §1.2):

    Vast maandloon: gemiddeld dagloon = 1/26 van het maandloon.
    Vast uurloon: dagloon = uurloon × (Q / 6), met Q = het normale gemiddelde aantal arbeidsuren
    per week.

and the ceiling (union FAQ: « de la rémunération brute mensuelle éventuellement plafonnée à
3.299,11 euros »; Securex: « Plafond salarial mensuel (plafond journalier × 26) »).

Rulebook R1: monthly-paid ``min(wage, ceiling) / 26``; hourly-paid
``min(hourly × Q / 6, ceiling / 26)``. The daily wage is **not** rounded (R0): it is returned as the
numerator of an exact fraction over :func:`denominator`, so that ``rate × daily wage`` can be rounded
once, exactly, by the daily-amount rule.
"""

from __future__ import annotations

from ..core.money import Num
from ..core.ops import Ops
from ..explain import LegalSource

__all__ = ["SIX_DAY_WEEK", "SOURCES", "denominator", "fraction", "numerator"]

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

SIX_DAY_WEEK = 6
"""Allowances are counted in the six-day regime: six units make a full week (design §3)."""

_HUNDREDTHS = 100  # weekly hours are carried in hundredths of an hour


def denominator(divisor: int) -> int:
    """The common denominator of every daily wage: ``divisor × 6 × 100`` (cents per day)."""
    return divisor * SIX_DAY_WEEK * _HUNDREDTHS


def numerator(
    ops: Ops,
    *,
    monthly_wage_cents: Num,
    hourly_wage_cents: Num,
    paid_hourly: Num,
    weekly_hours_h: Num,
    ceiling_cents: int,
    divisor: int,
) -> Num:
    """The daily wage in cents, as a numerator over ``denominator(divisor)``.

    monthly: ``min(wage, ceiling) / divisor`` = ``min(wage, ceiling) × 600 / (divisor × 600)``;
    hourly: ``min(hourly × Q / 6, ceiling / divisor)``, with Q in hundredths of an hour, is
    ``min(hourly × Q_h × divisor, ceiling × 600) / (divisor × 600)``.
    """
    scale = SIX_DAY_WEEK * _HUNDREDTHS
    capped_monthly = ops.minimum(monthly_wage_cents, ceiling_cents) * scale
    capped_hourly = ops.minimum(hourly_wage_cents * weekly_hours_h * divisor, ceiling_cents * scale)
    return ops.where(paid_hourly, capped_hourly, capped_monthly)


def fraction(
    ops: Ops,
    *,
    monthly_wage_cents: Num,
    hourly_wage_cents: Num,
    paid_hourly: Num,
    weekly_hours_h: Num,
    ceiling_cents: int,
    divisor: int,
) -> tuple[Num, int]:
    """The daily wage in cents as an exact ``(numerator, denominator)``.

    When no one is paid by the hour (``paid_hourly`` is the single value False), the daily wage is
    simply ``min(wage, ceiling) / divisor``: the common denominator that the hourly rule needs is
    left out (the same fraction, one multiplication less per row).
    """
    if paid_hourly is False:
        return ops.minimum(monthly_wage_cents, ceiling_cents), divisor
    return (
        numerator(
            ops,
            monthly_wage_cents=monthly_wage_cents,
            hourly_wage_cents=hourly_wage_cents,
            paid_hourly=paid_hourly,
            weekly_hours_h=weekly_hours_h,
            ceiling_cents=ceiling_cents,
            divisor=divisor,
        ),
        denominator(divisor),
    )
