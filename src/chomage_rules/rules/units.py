"""R4 Units in the month: how many allowances the hours of temporary unemployment are worth.

Source (De Tijd, https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html):

    Voltijdse werknemers en deeltijdse werknemers met behoud van rechten zonder IGU:
    aantal uitkeringen = (P × 6) / Q […] met IGU: (P × 6) / S.

and the rounding confirmed by the SPF Emploi (Partena Professional, 25/01/2024,
https://www.partena-professional.be/nl/onze-inzichten/infoflashes/bijkomende-toeslag-bij-tijdelijke-werkloosheid-verduidelijking):

    decimaal gedeelte < 0,25 → naar beneden; ≥ 0,25 en < 0,75 → 0,50; ≥ 0,75 → naar boven.

Rulebook R4: per reason r, ``units_r = quarter_round(P_r × 6 / B)``, B = Q (full-time, part-time
with maintained rights) or S (income-guarantee and voluntary part-time); a day's hours default to
``Q / days_per_week``. A worker cannot lose more working days in a calendar week than the week
has for them (the electronic card starts with every day marked as temporary unemployment, so a
raw import can hold more). Units are carried as **half units** (integers), so the rule is exact
and runs on columns.

A five-day working regime (régime de travail de cinq jours, vijfdagenstelsel) works Monday to
Friday as a rule; a day of temporary unemployment on a Saturday or a Sunday can still be right (a
week that includes Saturdays), so it is paid as given, but the result names it in a notice
(``units.outside_working_week``). A population row has no dates: the notice is given to one
worker-month only.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from math import gcd
from typing import NamedTuple

from ..core.money import half_up_div
from ..core.ops import Flag, Num, Ops, add, is_zero, multiply
from ..core.sources import LegalSource
from ..core.vocabulary import DayStatus, Reason, WorkRegime
from ..explain.step import Notice, Step
from .daily_wage import SIX_DAY_WEEK

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "REGIMES_USING_FULL_TIME_HOURS",
    "RULE",
    "SOURCES",
    "STEPS",
    "UnitScale",
    "Units",
    "compute",
    "counts_against_full_time",
    "days_outside_the_working_week",
    "days_step",
    "divisor_hours",
    "notices",
    "numerator",
    "overfull_weeks",
    "quarter_round",
    "scale",
    "steps",
    "working_days_capacity",
]

RULE = "R4"

STEPS: tuple[str, ...] = ("input.days", "units.quarter_round", "units.quarter_round.<reason>")
NOTICES: tuple[str, ...] = ("units.outside_working_week",)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "De Tijd, De juiste formule voor de uitkering",
        "https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html",
    ),
    LegalSource(
        "Partena Professional, Bijkomende toeslag bij tijdelijke werkloosheid: verduidelijking",
        "https://www.partena-professional.be/nl/onze-inzichten/infoflashes/bijkomende-toeslag-bij-tijdelijke-werkloosheid-verduidelijking",
    ),
)

PARAMETERS: tuple[str, ...] = ()
"""The rule has no dated figure: six units a week is the regime itself."""

REGIMES_USING_FULL_TIME_HOURS: frozenset[WorkRegime] = frozenset(
    {WorkRegime.PART_TIME_INCOME_GUARANTEE, WorkRegime.VOLUNTARY_PART_TIME}
)
"""The regimes whose units count against S, the weekly hours of a comparable full-timer (with
IGU, and voluntary part-time: D10); the others count against Q."""


class UnitScale(NamedTuple):
    """``P × 6 / B`` as integers: ``default days × per_default_day + explicit hundredths ×
    per_explicit_hundredth``, over ``denominator``.

    A day's hours default to ``Q / days_per_week``, which is not a decimal in general (38 / 6), so
    hours are scaled by ``days_per_week``: a default day adds ``Q_h × 6``, an explicit hundredth
    of an hour ``days_per_week × 6``, over ``days_per_week × B_h`` (Q and B in hundredths).
    """

    per_default_day: Num
    per_explicit_hundredth: Num
    denominator: Num


def scale(
    weekly_hours_h: Num, days_per_week: Num, divisor_hours_h: Num, explicit_hours: bool
) -> UnitScale:
    """The factors of every unit count of a month, reduced by their common factor where they
    are single values (the same fraction: a six-day full-timer's count is days / 1).

    ``explicit_hours=False`` says no hours are given day by day: that factor is 0 and takes no
    part in the reduction.
    """
    per_day = weekly_hours_h * SIX_DAY_WEEK
    per_hundredth = days_per_week * SIX_DAY_WEEK if explicit_hours else 0
    denominator = days_per_week * divisor_hours_h
    if type(per_day) is int and type(per_hundredth) is int and type(denominator) is int:
        common = gcd(per_day, per_hundredth, denominator)
        return UnitScale(per_day // common, per_hundredth // common, denominator // common)
    return UnitScale(per_day, per_hundredth, denominator)


def numerator(default_days: Num, explicit_hours_h: Num, unit_scale: UnitScale) -> Num:
    """``P × 6 / B``'s numerator over ``unit_scale.denominator``: ``default_days`` days of
    ``Q / days_per_week`` hours, plus ``explicit_hours_h`` hundredths of an hour."""
    return add(
        multiply(default_days, unit_scale.per_default_day),
        multiply(explicit_hours_h, unit_scale.per_explicit_hundredth),
    )


def quarter_round(numerator: Num, denominator: Num) -> Num:
    """``quarter_round(numerator / denominator)`` in half units (2 = one unit).

    With ``k`` the whole part and ``f`` the fractional part: ``f < 0.25`` → k; ``0.25 ≤ f < 0.75``
    → k + ½; ``f ≥ 0.75`` → k + 1. That is rounding to the nearest half, a quarter going up: in
    half units, ``2x`` rounded to the nearest whole, half up: one exact rounding.
    """
    return half_up_div(2 * numerator, denominator)


class Units(NamedTuple):
    half_units: dict[Reason, Num]
    """Per reason given in the inputs."""
    scale: UnitScale
    divisor_hours: Num
    """B: Q, or S for the regimes counted against a full-timer's hours (hundredths)."""


def counts_against_full_time(regime: WorkRegime) -> bool:
    """Whether the regime's units count against S, a comparable full-timer's weekly hours."""
    return regime in REGIMES_USING_FULL_TIME_HOURS


def divisor_hours(
    ops: Ops, weekly_hours_h: Num, uses_full_time_hours: Flag, full_time_weekly_hours_h: Num
) -> Num:
    """B: the worker's own weekly hours Q, or S for the regimes that count against a
    comparable full-timer's."""
    return ops.where(uses_full_time_hours, full_time_weekly_hours_h, weekly_hours_h)


def compute(
    ops: Ops,
    *,
    default_days: Mapping[Reason, Num],
    explicit_hours_h: Mapping[Reason, Num],
    weekly_hours_h: Num,
    days_per_week: Num,
    uses_full_time_hours: Flag,
    full_time_weekly_hours_h: Num,
) -> Units:
    """R4: the units of each reason, ``quarter_round(P_r × 6 / B)``, in half units."""
    b_h = divisor_hours(ops, weekly_hours_h, uses_full_time_hours, full_time_weekly_hours_h)
    explicit = any(not is_zero(hours) for hours in explicit_hours_h.values())
    unit_scale = scale(weekly_hours_h, days_per_week, b_h, explicit)
    return Units(
        {
            reason: quarter_round(
                numerator(days, explicit_hours_h.get(reason, 0), unit_scale),
                unit_scale.denominator,
            )
            for reason, days in default_days.items()
        },
        unit_scale,
        b_h,
    )


# --------------------------------------------------------------------------- the week's limit


def overfull_weeks(days: Iterable[date], days_per_week: int) -> list[tuple[date, int]]:
    """The calendar weeks (their Monday, and the count) with more days of temporary
    unemployment than the worker's working days a week."""
    # 0001-01-01, ordinal 1, was a Monday: a week's number is (ordinal - 1) // 7
    per_week = Counter([(day.toordinal() - 1) // 7 for day in days])
    return [
        (date.fromordinal(week * 7 + 1), count)
        for week, count in per_week.items()
        if count > days_per_week
    ]


def working_days_capacity(first_day: date, days_per_week: int) -> int:
    """The most days of a month a worker can lose: per calendar week, at most
    ``days_per_week`` of its days in the month (what a month total can be checked against)."""
    length = calendar.monthrange(first_day.year, first_day.month)[1]
    per_week: dict[int, int] = {}
    for number in range(length):
        week = (first_day.toordinal() + number - 1) // 7
        per_week[week] = per_week.get(week, 0) + 1
    return sum(min(days_per_week, count) for count in per_week.values())


FIVE_DAY_WEEK = 5
"""A five-day working regime: Monday to Friday, as a rule."""

_SATURDAY = 5  # date.weekday(): Monday is 0


def days_outside_the_working_week(days: Iterable[date], days_per_week: int) -> tuple[date, ...]:
    """The days of temporary unemployment on a Saturday or a Sunday of a worker in a five-day
    regime, in date order (none for any other regime: a six-day week holds Saturdays, and a
    part-timer's days can be any)."""
    if days_per_week != FIVE_DAY_WEEK:
        return ()
    return tuple(sorted(day for day in days if day.weekday() >= _SATURDAY))


_WEEKDAY_PHRASES = {5: "day.saturday", 6: "day.sunday"}


def notices(outside_working_week: Sequence[date]) -> tuple[Notice, ...]:
    """``units.outside_working_week``, naming each Saturday and Sunday paid to a five-day
    worker (not refused: a week may include them, but the reader should check it does)."""
    if not outside_working_week:
        return ()
    days = tuple((_WEEKDAY_PHRASES[day.weekday()], {"day": day}) for day in outside_working_week)
    return (Notice("units.outside_working_week", {"days": days}),)


# --------------------------------------------------------------------------- explanation


def days_step(days_by_reason: Mapping[Reason, int], other_days: Mapping[DayStatus, int]) -> Step:
    """``input.days``: what the control card says of the month."""
    total = sum(days_by_reason.values())
    values = {
        "reasons": tuple(
            ("days.reason", {"reason": r, "days": n}) for r, n in days_by_reason.items()
        ),
        "others": tuple(
            ("days.status", {"status": s, "days": n}) for s, n in other_days.items() if n
        )
        or (("none", {}),),
        "days": total,
    }
    message = "input.days" if total else "input.days.none"
    return Step("input.days", RULE, total > 0, message, values)


_UNITS_IDS = {reason: f"units.quarter_round.{reason.value}" for reason in Reason}
"""The id of each reason's units step."""


def steps(
    units: Units,
    *,
    days_by_reason: Mapping[Reason, int],
    default_days: Mapping[Reason, Num],
    explicit_hours_h: Mapping[Reason, Num],
    weekly_hours_h: int,
    days_per_week: int,
    divisor_hours_h: int,
    divisor_is_full_time: bool,
) -> tuple[Step, ...]:
    """``units.quarter_round.<reason>`` for each reason of the month (or one step saying there is
    none), with P, the division and the rounding."""
    if not days_by_reason:
        return (Step("units.quarter_round", RULE, False, "units.none", {"hours": 0}, (), SOURCES),)
    result = []
    for reason, days in days_by_reason.items():
        # P × days_per_week, in hundredths: the default days at Q each, the explicit hours
        scaled = (
            int(default_days.get(reason, 0)) * weekly_hours_h
            + int(explicit_hours_h.get(reason, 0)) * days_per_week
        )
        values = {
            "reason": reason,
            "hours": (scaled, days_per_week * 100),
            "days": days,
            "six": SIX_DAY_WEEK,
            "divisor": "S" if divisor_is_full_time else "Q",
            "divisor_hours": divisor_hours_h,
            "ratio": (scaled * SIX_DAY_WEEK, days_per_week * divisor_hours_h),
            "units": int(units.half_units[reason]),
        }
        step_id = _UNITS_IDS[reason]
        result.append(Step(step_id, RULE, True, "units.quarter_round", values, (), SOURCES))
    return tuple(result)
