"""Hypothesis strategies that generate **valid** inputs by construction, aimed at the edges.

- national and enterprise numbers with correct mod-97 check digits (BIS numbers too);
- wages at, just below and just above the ceiling and the supplement threshold of the month, and
  of every other date (each dated value ± a cent: a figure kept after it changed is found), and
  at exact half-cent ties of the daily amount (60 %, 65 %, 70 %);
- counters at 25-27 units (the 27th-unit rule) and at the end of the construction credit;
- month and year boundaries, 29 February, the energy-crisis window, service-year starts (October),
  and the months around each change of a dated figure;
- five- and six-day weeks, all four regimes, explicit and default hours, half units;
- the process rules' inputs (issue 10), always in valid combinations: paper and electronic control
  cards with issue dates around the day the card is due, sheltered workshops, workers living in
  Belgium (with or without a region), in France, Germany, the Netherlands, Luxembourg, Spain (on
  an undated list only) or Switzerland (on no list), blue- and white-collar workers or the
  occupation not given, and histories with a spell of temporary unemployment, a last temporary
  unemployment around three years back and R14's week counters at their limits.

Every strategy shrinks towards a short, readable case (few days, round wages, no counters).
Keyword arguments narrow them: ``workers(paid="hourly")``, ``months(reasons=[Reason.FORCE_MAJEURE])``,
``cases(joint_committee="124")``; ``process=False`` leaves every process input at its default (an
electronic card, no workshop, living in Belgium, nothing else known), as before issue 10.
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

from ..case.models import (
    MAX_WEEKS_IN_A_YEAR,
    DayEntry,
    Employer,
    History,
    LastUnemployment,
    Month,
    ReasonLimitCounters,
    Spell,
    Worker,
)
from ..core import memo
from ..core.calendar import ONE_DAY, SUNDAY, monday_of, months_after
from ..core.money import cents_to_decimal, decimal_to_cents
from ..core.vocabulary import (
    ENERGY_CRISIS_FIRST_DAY,
    ENERGY_CRISIS_LAST_DAY,
    ControlCard,
    Cp124Category,
    DayStatus,
    Occupation,
    Reason,
    Region,
    WorkRegime,
)
from ..parameters import ParameterSet

__all__ = [
    "RESIDENCE_COUNTRIES",
    "SCENARIOS",
    "Case",
    "Scenario",
    "WageKind",
    "cases",
    "covered_months",
    "employers",
    "enterprise_numbers",
    "histories",
    "months",
    "national_numbers",
    "parameter_sets",
    "process_history",
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


def covered_months(
    parameters: ParameterSet | None = None, *, since: date | None = None
) -> st.SearchStrategy[tuple[int, int]]:
    """``(year, month)`` pairs the parameters cover (from the month of ``since`` on, if given),
    with the interesting months weighted in."""
    first, last = _coverage(parameters or ParameterSet.default())
    if since is not None:
        first = max(first, date(since.year, since.month, 1))
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
    special += _months_around_changes(parameters or ParameterSet.default())
    special = sorted({m for m in special if first <= date(*m, 1) <= last})
    # offsets from the first month and from the last: hypothesis favours small numbers, which
    # alone would crowd the months at the start of the span
    return st.one_of(
        st.integers(0, span).map(at),
        st.integers(0, span).map(lambda back: at(span - back)),
        st.sampled_from(special),
    )


_AIMED_AT = (
    "wage.monthly_ceiling",
    "supplement.wage_threshold",
    "supplement.amount",
    "supplement.energy_amount",
    "allowance.minimum_daily",
    "rate.standard",
    "rate.force_majeure",
    "construction.credit_units",
)
"""The dated figures whose changes the generated months surround."""


def _months_around_changes(parameters: ParameterSet) -> list[tuple[int, int]]:
    """For each change of a figure of :data:`_AIMED_AT` (and of the CP 124 figures): the month
    before it, the month it starts in and the first month it covers whole — where a figure
    kept after it changed, or applied before it starts, pays the wrong amount. Kept for the
    set's life (:mod:`chomage_rules.core.memo`: a what-if set takes it along when dropped)."""
    return memo.derived(parameters, "testing.months_around_changes", lambda: _changes(parameters))


def _changes(parameters: ParameterSet) -> list[tuple[int, int]]:
    names = [n for n in parameters.names() if n in _AIMED_AT or n.startswith("construction.")]
    months: set[tuple[int, int]] = set()
    for name in names:
        for version in parameters.parameter(name).versions:
            start = version.valid_from
            if start == date.min:  # an override of the whole series: no change to surround
                continue
            index = start.year * 12 + start.month - 1
            for offset in (-1, 0, 0 if start.day == 1 else 1):
                months.add(((index + offset) // 12, (index + offset) % 12 + 1))
    return sorted(months)


# --------------------------------------------------------------------------- money


def _money(cents: int) -> Decimal:
    return cents_to_decimal(cents)


WageKind = Literal[
    "ordinary",
    "tie_60",
    "tie_65",
    "tie_70",
    "tie_standard",
    "above_threshold",
    "edge",
    "ceiling",
    "threshold",
]

_EDGES = ("wage.monthly_ceiling", "supplement.wage_threshold")
"""The figures a wage is compared with: the ceiling (R1) and the supplement's threshold (R5)."""


def _dated_edges(parameters: ParameterSet) -> dict[str, tuple[int, ...]]:
    """Every value each edge has had or will have (cents), whatever the month: a wage a cent
    around an earlier or a later figure finds an implementation that keeps the wrong one."""
    return memo.derived(parameters, "testing.dated_edges", lambda: _edge_values(parameters))


def _edge_values(parameters: ParameterSet) -> dict[str, tuple[int, ...]]:
    return {
        name: tuple(
            sorted(
                {
                    decimal_to_cents(v.value)
                    for v in parameters.parameter(name).versions
                    if v.value is not None
                }
            )
        )
        for name in _EDGES
        if name in parameters.names()
    }


def _tie_cents(start: int, rate: Decimal, divisor: int) -> int | None:
    """The first wage from ``start`` (cents) whose daily amount ``rate × wage / divisor`` falls
    exactly on a half cent, or None if there is none within a period of the fraction."""
    numerator, denominator = rate.as_integer_ratio()
    period = 2 * denominator * divisor
    for cents in range(start, start + min(period, 20_000)):
        if (2 * numerator * cents) % period == denominator * divisor:
            return cents
    return None


@st.composite
def wages(
    draw: st.DrawFn,
    on: date | None = None,
    *,
    parameters: ParameterSet | None = None,
    kind: WageKind | None = None,
) -> Decimal:
    """Monthly gross wages in EUR: ordinary ones, and the edges of the month ``on``.

    A kind of wage is chosen first, so that each edge comes up often whatever hypothesis's bias
    towards small numbers: ordinary (1,000-8,000), above the supplement threshold, the ceiling or
    the threshold ± a few cents (those in force on ``on``, or any value they have had or will
    have, ± a cent: ``edge``; ``ceiling`` and ``threshold`` for one of them), and wages whose
    daily amount falls exactly on a half cent at 60 %
    (wage ≡ 0.65 mod 1.30), 65 % (≡ 1.00 mod 2.00) and 70 % (≡ 1.30 mod 2.60) — the ties that
    float engines round the wrong way; on a known month, the ties are at the standard and the
    force-majeure rates in force then. Shrinks towards 1,000.00.
    """
    parameters = parameters or ParameterSet.default()
    edges = _wage_edges(on, parameters)
    kind = _wage_kind(draw, kind, edges, known_month=on is not None)
    if kind == "tie_standard" and on is not None:
        tie = _tie_at_a_rate_in_force(draw, on, parameters, edges)
        if tie is not None:
            return _money(tie)
        kind = "tie_60"
    if kind in ("ceiling", "threshold", "edge"):
        return _money(_at_an_edge(draw, kind, edges, _dated_edges(parameters)))
    return _money(_cents_of_kind(draw, kind, edges))


def _at_an_edge(
    draw: st.DrawFn,
    kind: Literal["ceiling", "threshold", "edge"],
    edges: dict[str, int],
    dated: dict[str, tuple[int, ...]],
) -> int:
    """A wage (cents) at an edge: half the time the figure in force (± two cents), otherwise any
    value the figure has had or will have (± a cent)."""
    names = {
        "ceiling": ("wage.monthly_ceiling",),
        "threshold": ("supplement.wage_threshold",),
        "edge": _EDGES,
    }[kind]
    in_force = sorted(edges[n] for n in names if n in edges)
    use_in_force: bool = bool(in_force) and draw(st.booleans())
    if use_in_force:
        return draw(st.sampled_from(in_force)) + draw(st.integers(-2, 2))
    values = sorted({v for n in names for v in dated.get(n, ())})
    if not values:
        return draw(st.integers(100_000, 800_000))
    return draw(st.sampled_from(values)) + draw(st.integers(-1, 1))


def _wage_edges(on: date | None, parameters: ParameterSet) -> dict[str, int]:
    """The ceiling and the supplement's threshold in force on ``on``, in cents."""
    edges: dict[str, int] = {}
    if on is not None:
        for name in ("wage.monthly_ceiling", "supplement.wage_threshold"):
            value = parameters.version(name, on).value
            if value is not None:
                edges[name] = decimal_to_cents(value)
    return edges


def _wage_kind(
    draw: st.DrawFn, kind: WageKind | None, edges: dict[str, int], *, known_month: bool
) -> WageKind:
    """The kind asked for, or one drawn among those the month has."""
    kinds: list[WageKind] = ["ordinary", "tie_60", "tie_65", "tie_70"]
    if "supplement.wage_threshold" in edges:
        kinds += ["above_threshold", "threshold"]
    kinds.append("edge")  # the month's edges, or those of another date
    chosen: WageKind
    if kind is None or (kind in ("above_threshold", "tie_standard") and not edges):
        chosen = draw(st.sampled_from(kinds))
    else:
        chosen = kind
    if chosen in ("tie_60", "tie_65", "tie_70") and known_month:
        # on a known month, a tie at a rate in force then is the one that matters
        chosen = "tie_standard"
    return chosen


def _tie_at_a_rate_in_force(
    draw: st.DrawFn, on: date, parameters: ParameterSet, edges: dict[str, int]
) -> int | None:
    """A wage (cents) below the ceiling whose daily amount at the standard or the force-majeure
    rate in force on ``on`` is a tie, or None if the month has no such rate."""
    rate_name = draw(st.sampled_from(("rate.standard", "rate.standard", "rate.force_majeure")))
    rate = parameters.version(rate_name, on).value
    divisor = parameters.version("wage.daily_divisor", on).value
    ceiling = edges.get("wage.monthly_ceiling", 800_000)
    if rate is None or divisor is None:
        return None
    start = draw(st.integers(100_000, max(100_001, ceiling - 30_000)))
    tie = _tie_cents(start, rate, int(divisor))
    # three times in four, a tie whose cent below is even, where half-up and half-even part
    # ways (half-even keeps the even cent); otherwise one where they agree. The next tie's cent
    # has the other parity.
    want_even = draw(st.integers(0, 3)) > 0
    if tie is not None and _cent_below_is_even(tie, rate, int(divisor)) != want_even:
        tie = _tie_cents(tie + 1, rate, int(divisor))
    return tie


def _cent_below_is_even(wage_cents: int, rate: Decimal, divisor: int) -> bool:
    """For a wage whose daily amount ``rate × wage / divisor`` is a tie (k + ½ cents): k is even."""
    numerator, denominator = rate.as_integer_ratio()
    half_cents = 2 * numerator * wage_cents // (denominator * divisor)  # 2k + 1, exactly
    return (half_cents // 2) % 2 == 0


def _cents_of_kind(draw: st.DrawFn, kind: WageKind, edges: dict[str, int]) -> int:
    """A wage (cents) of one of the other kinds."""
    if kind == "ordinary":
        return draw(st.integers(100_000, 800_000))
    if kind == "tie_60":
        return 65 + 130 * draw(st.integers(700, 3000))
    if kind == "tie_65":
        return 100 + 200 * draw(st.integers(500, 2000))
    if kind == "tie_70":
        return 130 + 260 * draw(st.integers(400, 1500))
    if kind == "above_threshold" and "supplement.wage_threshold" in edges:
        return edges["supplement.wage_threshold"] + draw(st.integers(1, 400_000))
    return draw(st.integers(100_000, 800_000))


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
    joint_committee: str | None = None,
    wage_kind: WageKind | None = None,
    parameters: ParameterSet | None = None,
    residence_country: str | None = None,
    occupation: Occupation | None = None,
    process: bool = True,
) -> Worker:
    """Valid workers; ``construction=True`` (or ``joint_committee="124"``) gives a category and a
    legitimation card; ``wage_kind`` aims the wage at an edge (see :func:`wages`).

    The process rules' inputs: the country of residence (one of :data:`RESIDENCE_COUNTRIES`, or
    ``residence_country``), a region for a worker living in Belgium or none, and the occupation
    (blue-collar, white-collar or not given; ``occupation`` fixes it). ``process=False``: a worker
    living in Belgium, region and occupation not given."""
    if joint_committee is not None and construction is None:
        construction = joint_committee == "124"
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
    wage = draw(wages(on, parameters=parameters, kind=wage_kind))
    wage_fields = _wage_fields(draw, pay, wage, weekly)
    niss = draw(national_numbers())
    category = draw(st.sampled_from(list(Cp124Category))) if in_construction else None
    residence = _residence(draw, residence_country, occupation) if process else {}
    return Worker(
        niss=niss,
        weekly_hours=Decimal(weekly),
        days_per_week=dpw,
        regime=chosen_regime,
        full_time_weekly_hours=None if full_time is None else Decimal(full_time),
        cp124_category=category,
        has_legitimation_card=in_construction,
        **wage_fields,
        **residence,
    )


RESIDENCE_COUNTRIES: tuple[str, ...] = ("BE", "FR", "DE", "NL", "LU", "ES", "CH")
"""The countries of residence drawn: Belgium; France (officially not connected to eIDAS);
Germany, the Netherlands and Luxembourg (connected, ONEM); Spain (on an undated list only);
Switzerland (on no list: "not known to be connected")."""


def _residence(
    draw: st.DrawFn, country: str | None, occupation: Occupation | None
) -> dict[str, object]:
    """Country of residence (Belgium one time in two), a region for a Belgian resident or none,
    and the occupation (each of the two, or not given)."""
    if country is None:
        country = draw(st.sampled_from(("BE",) * 6 + RESIDENCE_COUNTRIES[1:]))
    region = (
        draw(st.sampled_from((None, *Region))) if country == "BE" else None
    )  # a region is for a worker living in Belgium only
    if occupation is None:
        occupation = draw(st.sampled_from((None, *Occupation)))
    return {"residence_country": country, "residence_region": region, "occupation": occupation}


def _wage_fields(draw: st.DrawFn, pay: str, wage: Decimal, weekly: str) -> dict[str, Decimal]:
    """The monthly wage, or an hourly wage around it: wage × 6 / (26 × Q), to the cent."""
    if pay == "monthly":
        return {"monthly_gross_wage": wage}
    hourly_cents = max(
        1, decimal_to_cents(wage) * 6 * 100 // (26 * decimal_to_cents(Decimal(weekly)))
    )
    return {"hourly_wage": _money(draw(st.sampled_from((hourly_cents, hourly_cents + 1))))}


@st.composite
def employers(
    draw: st.DrawFn,
    *,
    joint_committee: str | None = None,
    agreement: bool | None = None,
    sheltered_workshop: bool | None = None,
    process: bool = True,
) -> Employer:
    """Valid employers; joint committee 124 often, so that the construction rules are exercised;
    a sheltered or social workshop (which keeps the choice of a paper card) one time in six, or
    as ``sheltered_workshop`` says (never with ``process=False``)."""
    committee = (
        draw(st.sampled_from(("124", "124", "111.01", "200", "149.03", "302")))
        if joint_committee is None
        else joint_committee
    )
    return Employer(
        enterprise_number=draw(enterprise_numbers()),
        joint_committee=committee,
        agreement_guarantees_supplement=draw(st.sampled_from((False, False, False, True)))
        if agreement is None
        else agreement,
        supplement_paid_by_fund=draw(st.sampled_from((False, False, True))),
        sheltered_workshop=_workshop(draw, sheltered_workshop, process),
    )


def _workshop(draw: st.DrawFn, given: bool | None, process: bool) -> bool:
    if given is not None:
        return given
    return process and draw(st.integers(0, 5)) == 0


# --------------------------------------------------------------------------- months


_OTHER_STATUSES = [s for s in DayStatus if s is not DayStatus.TEMPORARY_UNEMPLOYMENT]


def _unemployed_day(
    draw: st.DrawFn, day: date, possible: list[Reason], weekly_hours: Decimal | None
) -> DayEntry:
    """A day of temporary unemployment: its hours one time in four, a frost day one in four."""
    hours = None
    if draw(st.integers(0, 3)) == 0:
        top = 1200 if weekly_hours is None else min(1200, decimal_to_cents(weekly_hours))
        hours = _money(draw(st.integers(25, max(25, top))))
    return DayEntry(
        day=day,
        status=DayStatus.TEMPORARY_UNEMPLOYMENT,
        reason=draw(st.sampled_from(possible)),
        hours=hours,
        frost_period=draw(st.sampled_from((False, False, False, True))),
    )


def _reasons_on(day: date, allowed: Sequence[Reason] | None) -> list[Reason]:
    """The reasons a day may have; within the energy-crisis window, the scheme's reason is
    weighted to about one day in three (one reason in nine otherwise, over six months of some
    ninety: its supplement would hardly come up)."""
    reasons = list(Reason) if allowed is None else list(allowed)
    if not (ENERGY_CRISIS_FIRST_DAY <= day <= ENERGY_CRISIS_LAST_DAY):
        return [r for r in reasons if r is not Reason.ENERGY_CRISIS]
    if Reason.ENERGY_CRISIS in reasons:
        others = len(reasons) - 1
        reasons += [Reason.ENERGY_CRISIS] * (others // 2 - 1)
    return reasons


@st.composite
def months(
    draw: st.DrawFn,
    year: int | None = None,
    month: int | None = None,
    *,
    reasons: Sequence[Reason] | None = None,
    max_days: int = 31,
    min_days: int = 0,
    weekly_hours: Decimal | None = None,
    days_per_week: int = 6,
    parameters: ParameterSet | None = None,
    control_card: ControlCard | None = None,
    process: bool = True,
) -> Month:
    """Valid months: distinct days inside the month, reasons valid on their dates.

    ``weekly_hours`` bounds explicit hours per day (a day never loses more than the whole week);
    ``days_per_week`` bounds the days of temporary unemployment in each calendar week. The
    card is paper one time in three (or ``control_card``; electronic with ``process=False``), its
    issue date missing one time in five, else around the day it is due (the first day of
    temporary unemployment; construction: the day before the month) ± a day, or any day from
    ten days before the month to its last.
    """
    if year is None or month is None:
        drawn_year, drawn_month = draw(covered_months(parameters))
        year = drawn_year if year is None else year
        month = drawn_month if month is None else month
    length = calendar.monthrange(year, month)[1]
    day_numbers = draw(
        st.lists(
            st.integers(1, length),
            unique=True,
            min_size=min(min_days, max_days, length),
            max_size=min(max_days, length),
        )
    )
    days = [date(year, month, number) for number in sorted(day_numbers)]
    entries = _entries(draw, days, reasons, weekly_hours, days_per_week)
    declared = draw(st.sampled_from((True, True, True, False)))
    submitted = draw(st.sampled_from((True, True, True, False)))
    card = _card(draw, year, month, entries, control_card, process)
    return Month(
        year=year,
        month=month,
        days=tuple(entries),
        employer_declared=declared,
        card_submitted=submitted,
        **card,
    )


def _entries(
    draw: st.DrawFn,
    days: Sequence[date],
    reasons: Sequence[Reason] | None,
    weekly_hours: Decimal | None,
    days_per_week: int,
) -> list[DayEntry]:
    """The month's days on the card: temporary unemployment four times in five (at most
    ``days_per_week`` a calendar week), else another status."""
    entries = []
    per_week: dict[int, int] = {}
    for day in days:
        possible = _reasons_on(day, reasons)
        week = (day.toordinal() - 1) // 7
        unemployed = (
            bool(possible) and per_week.get(week, 0) < days_per_week and draw(st.integers(0, 4)) > 0
        )
        if unemployed:
            per_week[week] = per_week.get(week, 0) + 1
            entries.append(_unemployed_day(draw, day, possible, weekly_hours))
        else:
            entries.append(DayEntry(day=day, status=draw(st.sampled_from(_OTHER_STATUSES))))
    return entries


def _card(
    draw: st.DrawFn,
    year: int,
    month: int,
    entries: Sequence[DayEntry],
    control_card: ControlCard | None,
    process: bool,
) -> dict[str, object]:
    """The month's control card and, for paper, its issue date (never after the month)."""
    if control_card is None:
        control_card = (
            draw(st.sampled_from((ControlCard.ELECTRONIC,) * 2 + (ControlCard.PAPER,)))
            if process
            else ControlCard.ELECTRONIC
        )
    if control_card is ControlCard.ELECTRONIC:
        return {"control_card": control_card}
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    unemployed = [e.day for e in entries if e.status is DayStatus.TEMPORARY_UNEMPLOYMENT]
    due = [first - ONE_DAY, *unemployed[:1]]  # construction's deadline, the general one
    issued: date | None = draw(
        st.one_of(
            st.none(),
            st.sampled_from(due).flatmap(
                lambda day: st.integers(-1, 1).map(lambda shift: day + shift * ONE_DAY)
            ),
            st.integers(-10, (last - first).days).map(lambda shift: first + shift * ONE_DAY),
        )
    )
    if issued is not None and issued > last:
        issued = last
    return {"control_card": control_card, "paper_card_issued": issued}


@st.composite
def histories(
    draw: st.DrawFn,
    *,
    before: date | None = None,
    credit: int = 60,
    aim: Literal["27th_unit", "credit_end", "before_27th_unit"] | None = None,
    process: bool = True,
) -> History:
    """Counters just before a month: around 26 supplement units and the end of the credit.

    ``aim`` puts the counter that matters right before its edge (22-28 supplement units, or the
    last 6 units of the credit), or the supplement's counter just before the 27th unit (20-25.5
    units: the month's first eligible units are then paid or not by the wage alone), in the
    month's own year (``through=None``).

    With ``before`` (the month's first day) and ``process=True``, two in three histories also carry
    what the process rules read (:func:`process_history`): a spell of temporary unemployment, the
    last temporary unemployment, a change of payment body, R14's week counters. These need
    ``through``: when none was drawn, the day before the month is used where it names the same
    calendar year and service year (not in January or October), which counts the same.
    """
    near_27 = st.integers(44, 56)
    near_end = st.integers(2 * credit - 12, 2 * credit)
    if aim == "27th_unit":
        supplement_half, credit_half = draw(near_27), draw(st.integers(0, 2 * credit))
    elif aim == "before_27th_unit":
        supplement_half, credit_half = draw(st.integers(40, 51)), draw(st.integers(0, 2 * credit))
    elif aim == "credit_end":
        supplement_half, credit_half = draw(st.integers(0, 400)), draw(near_end)
    else:
        supplement_half = draw(st.one_of(near_27, st.integers(0, 400)))
        credit_half = draw(st.one_of(near_end, st.integers(0, 2 * credit)))
    through: date | None = None
    if aim is None and before is not None and draw(st.integers(0, 3)) == 0:
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
    more: dict[str, object] = {}
    if process and before is not None and draw(st.integers(0, 2)) > 0:
        if through is None and before.month not in (1, 10):
            through = before - ONE_DAY  # the same calendar year and service year as None
        if through is not None:
            more = draw(process_history(through, before))
    return History(
        through=through,
        supplement_units=_money(supplement_half * 50),
        cp124_credit_used=_money(credit_half * 50),
        **more,
    )


@st.composite
def process_history(draw: st.DrawFn, through: date, before: date) -> dict[str, object]:
    """The fields of a :class:`History` the process rules read, valid with ``through`` and aimed
    at their edges for the month starting ``before``:

    - ``last_unemployment`` (half the time): its day, often three years (R13) back from the month
      ± two days, else up to some 40 months back; the regime and weekly hours then;
    - ``spell`` (with a last temporary unemployment, half the time): ending on or before it,
      started about three months (R12) before the month ± a few days or earlier, sometimes with
      weeks of work since (a Monday after the last day of temporary unemployment, its week over
      by ``through``);
    - ``payment_body_changed`` one time in six;
    - ``reason_limits`` (two times in three): the white-collar weeks mostly at or next to 16 and
      26, the blue-collar run mostly at or next to 4 weeks, reduced work since about three months
      back, the last day of temporary unemployment (mostly ``through``: no full week of work
      starts the counts again before the month), and a week still running at ``through``; never
      more weeks in the year than it has had Sundays by ``through``.
    """
    fields: dict[str, object] = {}
    last = draw(st.one_of(st.none(), _last_unemployment(through, before)))
    if last is not None:
        fields["last_unemployment"] = last
        if draw(st.booleans()):
            fields["spell"] = draw(_spell(last.day, through, before))
    fields["payment_body_changed"] = draw(st.integers(0, 5)) == 0
    if draw(st.integers(0, 2)) > 0:
        fields["reason_limits"] = draw(_week_counters(through, before, last))
    return fields


@st.composite
def _last_unemployment(draw: st.DrawFn, through: date, before: date) -> LastUnemployment:
    three_years = months_after(before, -36) - ONE_DAY  # a day that spares a new application …
    day = draw(
        st.one_of(
            st.integers(-2, 2).map(lambda shift: three_years + shift * ONE_DAY),
            st.integers(0, 1230).map(lambda back: through - back * ONE_DAY),
        )
    )
    regime = draw(st.sampled_from(list(WorkRegime)))
    hours = draw(st.sampled_from(("38", "38", "19", "30.4")))
    return LastUnemployment(day=min(day, through), regime=regime, weekly_hours=Decimal(hours))


@st.composite
def _spell(draw: st.DrawFn, last_unemployed: date, through: date, before: date) -> Spell:
    last_day = last_unemployed - draw(st.integers(0, 20)) * ONE_DAY
    three_months = months_after(before, -3)
    first_day = draw(
        st.one_of(
            st.integers(-4, 4).map(lambda shift: three_months + shift * ONE_DAY),
            st.integers(0, 200).map(lambda back: last_day - back * ONE_DAY),
        )
    )
    first_day = min(first_day, last_day)
    work_since = monday_of(last_unemployed) + 7 * ONE_DAY  # the first whole week after it
    has_work = work_since + 6 * ONE_DAY <= through and draw(st.booleans())
    return Spell(
        first_day=first_day,
        last_day=last_day,
        work_since=work_since if has_work else None,
        week_worked=draw(st.booleans()),
    )


def _sundays(first: date, last: date) -> int:
    """Sundays from ``first`` to ``last``, both included."""
    if last < first:
        return 0
    return ((last - first).days + (first.weekday() + 1) % 7) // 7


@st.composite
def _week_counters(
    draw: st.DrawFn, through: date, before: date, last: LastUnemployment | None
) -> ReasonLimitCounters:
    room = min(_sundays(date(through.year, 1, 1), through), MAX_WEEKS_IN_A_YEAR)
    full = min(draw(st.sampled_from((16, 16, 15, 0, 3))), room)
    reduced = min(draw(st.sampled_from((26, 26, 25, 0, 5))), room - full)
    run = draw(st.sampled_from((4, 4, 3, 0, 5)))
    reduced_since = draw(
        st.one_of(
            st.none(),
            st.integers(-3, 3).map(lambda shift: months_after(before, -3) + shift * ONE_DAY),
        )
    )
    last_unemployed = draw(
        st.sampled_from(
            (
                through,
                through,
                through - 3 * ONE_DAY,
                None,
                last.day if last else None,
                through - 9 * ONE_DAY,
            )
        )
    )
    open_week: tuple[date, ...] = ()
    if through.weekday() != SUNDAY and draw(st.booleans()):
        monday = monday_of(through)
        days = [monday + n * ONE_DAY for n in range(through.weekday() + 1)]
        open_week = tuple(draw(st.lists(st.sampled_from(days), unique=True, min_size=1)))
    return ReasonLimitCounters(
        full_weeks=full,
        reduced_weeks=reduced,
        run_full_weeks=run,
        reduced_since=None if reduced_since is None else min(reduced_since, through),
        last_unemployed=last_unemployed,
        open_week=open_week,
    )


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    """A consistent worker, employer, month and history."""

    worker: Worker
    employer: Employer
    month: Month
    history: History


Scenario = Literal["any", "27th_unit", "half_cent_tie", "ceiling", "threshold", "credit_end"]
SCENARIOS: tuple[Scenario, ...] = (
    "any",
    "27th_unit",
    "half_cent_tie",
    "ceiling",
    "threshold",
    "credit_end",
)
"""What :func:`cases` aims at; each comes up about as often as the others, whatever hypothesis's
bias towards small numbers:

- ``any``: everything drawn freely;
- ``27th_unit``: 2024 on, a wage above the supplement threshold (one time in four a cent around
  any of its values instead), no company agreement, 22-28 units already counted in the year, at
  least one day (R5);
- ``half_cent_tie``: a monthly wage whose daily amount at the standard rate in force falls exactly
  on a half cent, and days of reasons at that rate (R0);
- ``ceiling``: a wage within two cents of the ceiling in force, or a cent around any value the
  ceiling has had or will have (R1);
- ``threshold``: 2024 on, a wage within two cents of the supplement threshold in force or a cent
  around any of its values (4,000, 4,155, 4,284 …), no company agreement, days of reasons at
  the standard rate, 20-25.5 units counted in the year: the month's first units are paid, or
  not, by the wage alone (R5);
- ``credit_end``: joint committee 124, a category and a card, the last units of the credit (R6).
"""

_STANDARD_REASONS = (
    Reason.ECONOMIC,
    Reason.BAD_WEATHER,
    Reason.TECHNICAL_ACCIDENT,
    Reason.COLLECTIVE_CLOSURE,
    Reason.STRIKE_LOCKOUT,
    Reason.PROTECTED_WORKER_DISMISSAL,
)


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
    scenario: Scenario | None = None,
    parameters: ParameterSet | None = None,
    residence_country: str | None = None,
    occupation: Occupation | None = None,
    control_card: ControlCard | None = None,
    process: bool = True,
) -> Case:
    """A worker, an employer, one of their months and the counters before it.

    A :data:`scenario <SCENARIOS>` is drawn first (or given), so that every edge of the rulebook
    comes up often; the keyword arguments narrow the cases and win over the scenario. The process
    rules' inputs (the control card, a workshop, the residence, the occupation, the history's
    spell, last temporary unemployment and week counters) are drawn too, in valid combinations;
    ``residence_country``, ``occupation`` and ``control_card`` fix one, ``process=False`` leaves
    them all at their defaults.
    """
    chosen: Scenario = draw(st.sampled_from(SCENARIOS)) if scenario is None else scenario
    first = _first_day(draw, chosen, year, month, parameters)
    if chosen == "credit_end" and joint_committee is None:
        joint_committee = "124"
    employer = draw(
        employers(
            joint_committee=joint_committee,
            agreement=False if chosen in ("27th_unit", "threshold") else None,
            process=process,
        )
    )
    wage_kind = _wage_kind_of(draw, chosen)
    if chosen == "half_cent_tie":
        paid = paid or "monthly"
    if chosen in ("half_cent_tie", "threshold") and reasons is None:
        reasons = _STANDARD_REASONS  # the reasons at the standard rate, with the supplement
    construction = _in_construction(draw, employer, chosen)
    worker = draw(
        workers(
            on=first,
            paid=paid,
            regime=regime,
            days_per_week=days_per_week,
            construction=construction,
            wage_kind=wage_kind,
            parameters=parameters,
            residence_country=residence_country,
            occupation=occupation,
            process=process,
        )
    )
    the_month = draw(_month_of(first, chosen, worker, reasons, parameters, control_card, process))
    history = draw(histories(before=first, aim=_HISTORY_AIM_OF.get(chosen), process=process))
    return Case(worker, employer, the_month, history)


def _month_of(
    first: date,
    chosen: Scenario,
    worker: Worker,
    reasons: Sequence[Reason] | None,
    parameters: ParameterSet | None,
    control_card: ControlCard | None,
    process: bool,
) -> st.SearchStrategy[Month]:
    """The case's month: the worker's days a week, hours at most the week's, a day at least in
    the supplement's scenarios (a month with units to pay)."""
    return months(
        first.year,
        first.month,
        reasons=reasons,
        min_days=1 if chosen in _SUPPLEMENT_SCENARIOS else 0,
        weekly_hours=worker.weekly_hours,
        days_per_week=worker.days_per_week,
        parameters=parameters,
        control_card=control_card,
        process=process,
    )


def _in_construction(draw: st.DrawFn, employer: Employer, chosen: Scenario) -> bool | None:
    """A worker of joint committee 124 with a category and a card, three times in four (always
    for the credit's end); None: drawn by :func:`workers`."""
    if employer.joint_committee == "124" and (chosen == "credit_end" or draw(st.integers(0, 3))):
        return True
    return None


def _wage_kind_of(draw: st.DrawFn, chosen: Scenario) -> WageKind | None:
    """The kind of wage a scenario aims at (None: any kind)."""
    if chosen == "27th_unit" and draw(st.integers(0, 3)) == 0:
        return "threshold"  # one time in four, at a value the threshold has had or will have
    return _WAGE_KIND_OF.get(chosen)


_WAGE_KIND_OF: dict[Scenario, WageKind] = {
    "27th_unit": "above_threshold",
    "half_cent_tie": "tie_standard",
    "ceiling": "ceiling",
    "threshold": "threshold",
}
_SUPPLEMENT_SCENARIOS: tuple[Scenario, ...] = ("27th_unit", "threshold")
"""The scenarios of the 2024 supplement: from 2024 on, with at least one day in the month."""
_HISTORY_AIM_OF: dict[Scenario, Literal["27th_unit", "credit_end", "before_27th_unit"]] = {
    "27th_unit": "27th_unit",
    "credit_end": "credit_end",
    "threshold": "before_27th_unit",
}


def _first_day(
    draw: st.DrawFn,
    chosen: Scenario,
    year: int | None,
    month: int | None,
    parameters: ParameterSet | None,
) -> date:
    """The month of a case: the one given, or one every figure covers (from 2024 for the 27th
    unit and the threshold, which did not exist before)."""
    if year is None or month is None:
        since = SUPPLEMENT_START if chosen in _SUPPLEMENT_SCENARIOS and year is None else None
        drawn_year, drawn_month = draw(covered_months(parameters, since=since))
        year = drawn_year if year is None else year
        month = drawn_month if month is None else month
    return date(year, month, 1)


# --------------------------------------------------------------------------- parameter sets


SUPPLEMENT_START = date(2024, 1, 1)
CONSTRUCTION_START = date(2020, 3, 26)


@st.composite
def parameter_sets(draw: st.DrawFn) -> ParameterSet:
    """The shipped set, or it with plausible what-if overrides (rates, ceiling, supplement …).

    The supplement's figures are overridden from 2024-01-01 only, the date it came into force;
    the CP 124 frost amounts (which no source gives) from 2020-03-26, with the other CP 124
    figures.
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
    if draw(st.booleans()):
        # a frost amount per CP 124 category (none is sourced: the caller supplies them), from
        # the date the construction figures start, so that frost units are paid
        for category in Cp124Category:
            changes[f"construction.frost_amount.{category.value}"] = {
                CONSTRUCTION_START: _money(draw(st.integers(0, 2000)))
            }
    return base.override(changes) if changes else base
