"""Hypothesis strategies that generate **valid** inputs by construction, aimed at the edges.

- national and enterprise numbers with correct mod-97 check digits (BIS numbers too);
- wages at, just below and just above the ceiling and the supplement threshold of the month, and
  at exact half-cent ties of the daily amount (60 %, 65 %, 70 %);
- counters at 25-27 units (the 27th-unit rule) and at the end of the construction credit;
- month and year boundaries, 29 February, the energy-crisis window, service-year starts (October);
- five- and six-day weeks, all four regimes, explicit and default hours, half units.

Every strategy shrinks towards a short, readable case (few days, round wages, no counters).
Keyword arguments narrow them: ``workers(paid="hourly")``, ``months(reasons=[Reason.FORCE_MAJEURE])``,
``cases(joint_committee="124")``.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Literal

from hypothesis import strategies as st

from ..models import (
    Cp124Category,
    DayEntry,
    DayStatus,
    Employer,
    History,
    Month,
    Reason,
    Worker,
    WorkRegime,
)
from ..money import cents_to_decimal, decimal_to_cents
from ..parameters import ParameterSet
from ..rules.reasons import ENERGY_CRISIS_FIRST_DAY, ENERGY_CRISIS_LAST_DAY

__all__ = [
    "Case",
    "cases",
    "covered_months",
    "employers",
    "enterprise_numbers",
    "histories",
    "months",
    "national_numbers",
    "parameter_sets",
    "wages",
    "workers",
]

LAST_YEAR = 2027


# --------------------------------------------------------------------------- identifiers


@st.composite
def national_numbers(draw: st.DrawFn, *, bis: bool | None = None) -> str:
    """Valid national (NISS) or BIS numbers, born before or from 2000."""
    year = draw(st.integers(1930, 2009))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    is_bis = draw(st.booleans()) if bis is None else bis
    if is_bis:
        month += draw(st.sampled_from((20, 40)))
    serial = draw(st.integers(1, 997))
    body = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    number = int(("2" if year >= 2000 else "") + body)
    return f"{body}{97 - number % 97:02d}"


@st.composite
def enterprise_numbers(draw: st.DrawFn) -> str:
    """Valid enterprise numbers, printed as ``0403.170.701``."""
    first = draw(st.integers(2_000_000, 19_999_999))  # 0200.000.0 … 1999.999.9
    digits = f"{first:08d}{97 - first % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


# --------------------------------------------------------------------------- months covered


@cache
def _coverage(parameters: ParameterSet) -> tuple[date, date]:
    """First month every parameter covers (construction included), and the last month generated."""
    start = max(
        parameters.parameter(n).versions[0].valid_from
        for n in parameters.names()
        if not n.startswith(("rate.energy", "supplement.energy"))
    )
    if start.day != 1:
        start = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, date(LAST_YEAR, 12, 1)


def covered_months(parameters: ParameterSet | None = None) -> st.SearchStrategy[tuple[int, int]]:
    """``(year, month)`` pairs the parameters cover, with the interesting months weighted in."""
    first, last = _coverage(parameters or ParameterSet.default())
    span = (last.year - first.year) * 12 + last.month - first.month

    def at(offset: int) -> tuple[int, int]:
        index = first.year * 12 + first.month - 1 + offset
        return index // 12, index % 12 + 1

    special = [
        (2024, 1),
        (2024, 5),
        (2024, 12),
        (2025, 1),
        (2025, 2),
        (2026, 1),  # changes of figures
        (2022, 10),
        (2022, 11),
        (2023, 3),
        (2023, 12),  # energy scheme, last 65 % month
        (2024, 2),
        (2024, 10),
        (2020, 5),
        (2022, 7),  # 29 Feb, service year, 15 % withholding
    ]
    special = [m for m in special if first <= date(*m, 1) <= last]
    return st.one_of(st.integers(0, span).map(at), st.sampled_from(special))


# --------------------------------------------------------------------------- money


def _money(cents: int) -> Decimal:
    return cents_to_decimal(cents)


def wages(
    on: date | None = None, *, parameters: ParameterSet | None = None
) -> st.SearchStrategy[Decimal]:
    """Monthly gross wages in EUR: ordinary ones, and the edges of the month ``on``.

    Edges: the ceiling and the supplement threshold ± 1 cent, and wages whose daily amount falls
    exactly on a half cent at 60 % (wage ≡ 0.65 mod 1.30), 65 % (≡ 1.00 mod 2.00) and 70 %
    (≡ 1.30 mod 2.60) — the ties that float engines round the wrong way.
    """
    parameters = parameters or ParameterSet.default()
    edges: list[int] = []
    if on is not None:
        for name in ("wage.monthly_ceiling", "supplement.wage_threshold"):
            value = parameters.version(name, on).value
            if value is not None:
                cents = decimal_to_cents(value)
                edges += [cents - 1, cents, cents + 1]
    ordinary = st.integers(100_000, 800_000)
    ties = st.one_of(
        st.integers(700, 3000).map(lambda k: 65 + 130 * k),
        st.integers(500, 2000).map(lambda k: 100 + 200 * k),
        st.integers(400, 1500).map(lambda k: 130 + 260 * k),
    )
    choices = [ordinary, ties] + ([st.sampled_from(edges)] if edges else [])
    return st.one_of(*choices).map(_money)


# --------------------------------------------------------------------------- workers, employers


@st.composite
def workers(
    draw: st.DrawFn,
    *,
    on: date | None = None,
    paid: Literal["monthly", "hourly"] | None = None,
    regime: WorkRegime | None = None,
    days_per_week: int | None = None,
    construction: bool | None = None,
    parameters: ParameterSet | None = None,
) -> Worker:
    """Valid workers; ``construction=True`` gives a category and a legitimation card."""
    chosen_regime = draw(st.sampled_from(list(WorkRegime))) if regime is None else regime
    dpw = draw(st.sampled_from((5, 6, 4, 1, 2, 3))) if days_per_week is None else days_per_week
    if chosen_regime is WorkRegime.FULL_TIME:
        weekly = draw(st.sampled_from(("38", "40", "36", "37.5", "39")))
        full_time = None
    else:
        full_time_hours = draw(st.sampled_from(("38", "40", "36")))
        weekly = draw(st.sampled_from(("19", "30.4", "24", "15.2", "20", "9.5")))
        full_time = (
            full_time_hours
            if chosen_regime
            in (WorkRegime.PART_TIME_INCOME_GUARANTEE, WorkRegime.VOLUNTARY_PART_TIME)
            else None
        )
    pay = draw(st.sampled_from(("monthly", "hourly"))) if paid is None else paid
    in_construction = draw(st.booleans()) if construction is None else construction
    wage = draw(wages(on, parameters=parameters))
    wage_fields: dict[str, Decimal] = {}
    if pay == "monthly":
        wage_fields["monthly_gross_wage"] = wage
    else:
        # an hourly wage around a monthly one: wage × 6 / (26 × Q), to the cent
        hourly_cents = max(
            1, decimal_to_cents(wage) * 6 * 100 // (26 * decimal_to_cents(Decimal(weekly)))
        )
        wage_fields["hourly_wage"] = _money(draw(st.sampled_from((hourly_cents, hourly_cents + 1))))
    return Worker(
        niss=draw(national_numbers()),
        weekly_hours=Decimal(weekly),
        days_per_week=dpw,
        regime=chosen_regime,
        full_time_weekly_hours=None if full_time is None else Decimal(full_time),
        cp124_category=draw(st.sampled_from(list(Cp124Category))) if in_construction else None,
        has_legitimation_card=in_construction,
        **wage_fields,
    )


@st.composite
def employers(draw: st.DrawFn, *, joint_committee: str | None = None) -> Employer:
    """Valid employers; joint committee 124 often, so that the construction rules are exercised."""
    committee = (
        draw(st.sampled_from(("124", "124", "111.01", "200", "149.03", "302")))
        if joint_committee is None
        else joint_committee
    )
    return Employer(
        enterprise_number=draw(enterprise_numbers()),
        joint_committee=committee,
        agreement_guarantees_supplement=draw(st.sampled_from((False, False, False, True))),
        supplement_paid_by_fund=draw(st.sampled_from((False, False, True))),
    )


# --------------------------------------------------------------------------- months


def _reasons_on(day: date, allowed: Sequence[Reason] | None) -> list[Reason]:
    reasons = list(Reason) if allowed is None else list(allowed)
    if not (ENERGY_CRISIS_FIRST_DAY <= day <= ENERGY_CRISIS_LAST_DAY):
        reasons = [r for r in reasons if r is not Reason.ENERGY_CRISIS]
    return reasons


@st.composite
def months(
    draw: st.DrawFn,
    year: int | None = None,
    month: int | None = None,
    *,
    reasons: Sequence[Reason] | None = None,
    max_days: int = 31,
    weekly_hours: Decimal | None = None,
    days_per_week: int = 6,
    parameters: ParameterSet | None = None,
) -> Month:
    """Valid months: distinct days inside the month, reasons valid on their dates.

    ``weekly_hours`` bounds explicit hours per day (a day never loses more than the whole week);
    ``days_per_week`` bounds the days of temporary unemployment in each calendar week.
    """
    if year is None or month is None:
        drawn_year, drawn_month = draw(covered_months(parameters))
        year = drawn_year if year is None else year
        month = drawn_month if month is None else month
    length = calendar.monthrange(year, month)[1]
    day_numbers = draw(
        st.lists(st.integers(1, length), unique=True, max_size=min(max_days, length))
    )
    entries = []
    per_week: dict[int, int] = {}
    for number in sorted(day_numbers):
        day = date(year, month, number)
        possible = _reasons_on(day, reasons)
        week = (day.toordinal() - 1) // 7
        unemployed = (
            bool(possible) and per_week.get(week, 0) < days_per_week and draw(st.integers(0, 4)) > 0
        )
        if unemployed:
            per_week[week] = per_week.get(week, 0) + 1
        if not unemployed:
            entries.append(
                DayEntry(
                    day=day,
                    status=draw(
                        st.sampled_from(
                            [s for s in DayStatus if s is not DayStatus.TEMPORARY_UNEMPLOYMENT]
                        )
                    ),
                )
            )
            continue
        hours = None
        if draw(st.integers(0, 3)) == 0:
            top = 1200 if weekly_hours is None else min(1200, decimal_to_cents(weekly_hours))
            hours = _money(draw(st.integers(25, max(25, top))))
        entries.append(
            DayEntry(
                day=day,
                status=DayStatus.TEMPORARY_UNEMPLOYMENT,
                reason=draw(st.sampled_from(possible)),
                hours=hours,
                frost_period=draw(st.sampled_from((False, False, False, True))),
            )
        )
    return Month(
        year=year,
        month=month,
        days=tuple(entries),
        employer_declared=draw(st.sampled_from((True, True, True, False))),
        card_submitted=draw(st.sampled_from((True, True, True, False))),
    )


@st.composite
def histories(draw: st.DrawFn, *, before: date | None = None, credit: int = 60) -> History:
    """Counters just before a month: around 26 supplement units and the end of the credit."""
    supplement_half = draw(st.one_of(st.integers(48, 56), st.integers(0, 400)))
    credit_half = draw(
        st.one_of(st.integers(2 * credit - 6, 2 * credit), st.integers(0, 2 * credit))
    )
    through: date | None = None
    if before is not None and draw(st.booleans()):
        # the end of an earlier month: same year, the year before, or across a service year
        candidates = [date(before.year - 1, 12, 31), date(before.year - 1, 9, 30)]
        if before.month > 1:
            previous = date(
                before.year, before.month - 1, calendar.monthrange(before.year, before.month - 1)[1]
            )
            candidates.append(previous)
        if before.month > 10:
            candidates.append(date(before.year, 9, 30))
        through = draw(st.sampled_from(candidates))
    return History(
        through=through,
        supplement_units=_money(supplement_half * 50),
        cp124_credit_used=_money(credit_half * 50),
    )


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    """A consistent worker, employer, month and history."""

    worker: Worker
    employer: Employer
    month: Month
    history: History


@st.composite
def cases(
    draw: st.DrawFn,
    *,
    joint_committee: str | None = None,
    reasons: Sequence[Reason] | None = None,
    paid: Literal["monthly", "hourly"] | None = None,
    regime: WorkRegime | None = None,
    days_per_week: int | None = None,
    year: int | None = None,
    month: int | None = None,
    parameters: ParameterSet | None = None,
) -> Case:
    """A worker, an employer, one of their months and the counters before it."""
    if year is None or month is None:
        drawn_year, drawn_month = draw(covered_months(parameters))
        year = drawn_year if year is None else year
        month = drawn_month if month is None else month
    first = date(year, month, 1)
    employer = draw(employers(joint_committee=joint_committee))
    worker = draw(
        workers(
            on=first,
            paid=paid,
            regime=regime,
            days_per_week=days_per_week,
            construction=True
            if employer.joint_committee == "124" and draw(st.integers(0, 3))
            else None,
            parameters=parameters,
        )
    )
    the_month = draw(
        months(
            year,
            month,
            reasons=reasons,
            weekly_hours=worker.weekly_hours,
            days_per_week=worker.days_per_week,
            parameters=parameters,
        )
    )
    history = draw(histories(before=first))
    return Case(worker, employer, the_month, history)


# --------------------------------------------------------------------------- parameter sets


SUPPLEMENT_START = date(2024, 1, 1)


@st.composite
def parameter_sets(draw: st.DrawFn) -> ParameterSet:
    """The shipped set, or it with plausible what-if overrides (rates, ceiling, supplement …).

    The supplement's figures are overridden from 2024-01-01 only, the date it came into force.
    """
    base = ParameterSet.default()
    changes: dict[str, Decimal | dict[date, Decimal]] = {}
    if draw(st.booleans()):
        changes["rate.standard"] = Decimal(f"0.{draw(st.integers(50, 75))}")
    if draw(st.booleans()):
        changes["rate.force_majeure"] = Decimal(f"0.{draw(st.integers(50, 75))}")
    if draw(st.booleans()):
        changes["wage.monthly_ceiling"] = _money(draw(st.integers(250_000, 450_000)))
    if draw(st.booleans()):
        changes["supplement.amount"] = {SUPPLEMENT_START: _money(draw(st.integers(0, 1000)))}
    if draw(st.booleans()):
        changes["supplement.wage_threshold"] = {
            SUPPLEMENT_START: _money(draw(st.integers(300_000, 500_000)))
        }
    return base.override(changes) if changes else base
