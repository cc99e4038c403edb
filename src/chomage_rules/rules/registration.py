"""R12 Job-seeker registration after three months of temporary unemployment.

Source (Securex, 26.12.2022, citing arts. 34 and 35 of the ministerial decree of 26.11.1991,
https://www.securex.be/nl/lex4you/werkgever/nieuws/tijdelijk-werklozen-moeten-zich-na-3-maanden-inschrijven-als-werkzoekenden):

    « Je werknemer is verplicht zich als werkzoekende in te schrijven als hij drie maanden
      ononderbroken tijdelijk werkloos is. Een periode van gedeeltelijke schorsing omwille van
      tijdelijke werkloosheid telt ook mee om die drie maanden te berekenen. […] Die verplichting
      geldt enkel als het gaat om tijdelijke werkloosheid omwille van overmacht of omwille van
      economische redenen. Bovendien geldt ze niet als je werknemer tijdelijk werkloos is omwille
      van medische overmacht. […] Het werkloosheidsbesluit geeft aan dat er een nieuwe periode van
      drie maanden begint als het werk gedurende twee opeenvolgende weken wordt hervat. Een periode
      van gedeeltelijke werkloosheid geldt niet als een werkhervatting. Er is dus enkel sprake van
      een werkhervatting als het werk effectief gedurende twee weken volledig hervat wordt. »

with the deadline (Securex, force majeure: « Na deze periode van 3 maanden moet hij […] zich
binnen de 8 dagen inschrijven als werkzoekende »), the offices (HVW-CAPAC: the regional office of
the place of residence, VDAB, Forem, Actiris or ADG) and, from 1 March 2026, every reason
(salarysolution, 26.12.2025: « À compter du 1er mars 2026, la distinction entre les motifs de
chômage temporaire disparaît en matière d'inscription comme demandeur d'emploi »; no official text
found). The union FAQ (CSC, https://www.lacsc.be/vos-droits/chomage/chomage-temporaire) says
« Si vous travaillez plus de deux semaines d'affilée, la période de trois mois s'arrête »: the
rule follows the regulation, two consecutive weeks. Every figure, date, reason and office is a
fact (``parameters/facts/registration.toml``).

Readings (docs/decisions.md):

- a **spell** is made of the days of temporary unemployment of a reason that counts on that day
  (``registration.counting_reasons``); it starts on the first such day, its last day is the last
  such day, and partial weeks count: the days between (worked, holiday, not on the card) do not
  break it;
- a **calendar week of work** (Monday to Sunday) has no day of temporary unemployment of any
  reason, and at least one day of work: a day marked worked or worked elsewhere, or a working day
  the card does not list (Monday to Friday; Monday to Saturday for a six-day week). A week of
  holiday, incapacity or other absence only is not a resumption of work: it breaks a run of
  weeks of work but does not end the spell. A spell ends at the end of the second consecutive
  week of work (``registration.reset_weeks``); the next day that counts starts a new one;
- a day of a reason that does not count on its day neither starts nor extends a spell, and is not
  a day of work either (the worker did not resume work): before 1 March 2026 a bad-weather week
  inside an economic spell neither ends it nor lengthens it;
- a spell **passes three months** when it has a day that counts on or after the first day beyond
  three calendar months from its first day (``months_after``: from 6 January, 6 April); a spell
  of exactly three months (its last day 5 April) does not. The worker registers within 8 days of
  the first such day (in a spell of full unemployment, the threshold day itself: by 14 April);
- each day counts under the rule of its own day: a spell straddling 1 March 2026 keeps the days
  that counted before; the days of other reasons before that date stay uncounted, those from it
  count;
- the office is that of the region of residence (``Worker.residence_region``); for a worker
  living abroad, or whose region is not given, the notice says so and lists the offices rather
  than guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, NamedTuple

from ..core.calendar import ONE_DAY, SUNDAY, monday_of, months_after
from ..core.identifiers import BELGIUM
from ..core.sources import LegalSource, pages
from ..core.vocabulary import (
    ENERGY_CRISIS_FIRST_DAY,
    ENERGY_CRISIS_LAST_DAY,
    REASONS,
    DayStatus,
    Reason,
    Region,
)
from ..explain.step import Notice, Phrase, Step
from ..parameters.facts import Facts, FactVersion

__all__ = [
    "FACTS",
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "CardDay",
    "Ended",
    "Passed",
    "State",
    "Walk",
    "counts",
    "follow",
    "notices",
    "steps",
]

RULE = "R12"

STEPS: tuple[str, ...] = ("registration.reset", "registration.spell")
NOTICES: tuple[str, ...] = (
    "registration.required",
    "registration.required.region_unknown",
    "registration.required.abroad",
)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "Securex, Tijdelijk werklozen moeten zich na 3 maanden inschrijven als werkzoekenden",
        "https://www.securex.be/nl/lex4you/werkgever/nieuws/tijdelijk-werklozen-moeten-zich-na-3-maanden-inschrijven-als-werkzoekenden",
    ),
    LegalSource(
        "CSC, Chômage temporaire (FAQ): dois-je m'inscrire au chômage?",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
)

PARAMETERS: tuple[str, ...] = ()
FACTS: tuple[str, ...] = (
    "registration.spell_months",
    "registration.deadline_days",
    "registration.reset_weeks",
    "registration.counting_reasons",
    "registration.offices",
)

_WORK = (DayStatus.WORKED, DayStatus.WORKED_ELSEWHERE)
_SATURDAY = 5


class CardDay(NamedTuple):
    """A day of the control card as the rule reads it (a day not on the card is an ordinary day)."""

    status: DayStatus
    reason: Reason | None = None


class State(NamedTuple):
    """Where the spell stands at the end of a day (what the history carries between months).

    ``work_since``: the Monday of the first of the complete calendar weeks of work in a row since
    the spell's last day; ``week_worked``: the calendar week in progress has a day of work so far;
    ``last_unemployed``: the last day of temporary unemployment, whatever its reason (it keeps its
    week from being a week of work)."""

    first_day: date | None = None
    last_day: date | None = None
    work_since: date | None = None
    week_worked: bool = False
    last_unemployed: date | None = None


class Passed(NamedTuple):
    """A spell passed the months: its first day, the first day beyond them, the first day that
    counted from then, and the last day to register."""

    first_day: date
    threshold: date
    day: date
    deadline: date


class Ended(NamedTuple):
    """A spell ended by weeks of work in a row (from ``work_since`` to ``on``, a Sunday): the
    number of weeks that ends a spell, as the walk read it."""

    first_day: date
    last_day: date
    work_since: date
    on: date
    weeks: int = 2


class Walk(NamedTuple):
    """The spell followed over some days: where it stands after them, and what happened."""

    state: State
    passed: tuple[Passed, ...] = ()
    ended: tuple[Ended, ...] = ()


def counts(facts: Facts, reason: Reason, day: date) -> bool:
    """Whether a day of temporary unemployment for ``reason`` counts towards a spell on ``day``."""
    reasons = facts.value("registration.counting_reasons", day)
    assert isinstance(reasons, tuple)
    return reason.value in reasons


def follow(
    state: State,
    start: date,
    end: date,
    card: Mapping[date, CardDay],
    *,
    six_day_week: bool,
    facts: Facts,
) -> Walk:
    """The spell followed from ``start`` to ``end`` (inclusive), day by day: ``card`` gives the
    days on the control card, every other day is an ordinary day (worked if a working day)."""
    passed: list[Passed] = []
    ended: list[Ended] = []
    state = _settled(state, start, facts, ended)
    ahead = sorted(day for day in card if start <= day <= end)
    day = start
    while day <= end:
        if state.first_day is None and day not in card:
            # no spell: an ordinary day changes nothing that matters; go to the next card day
            later = [d for d in ahead if d > day]
            day = later[0] if later else end + ONE_DAY
            state = state._replace(work_since=None, week_worked=False)
            continue
        state = _day(state, day, card.get(day), six_day_week, facts, passed)
        if day.weekday() == SUNDAY:
            state = _week_end(state, day, facts, ended)
        day += ONE_DAY
    return Walk(state, tuple(passed), tuple(ended))


def _reset_weeks(facts: Facts, day: date) -> int:
    """The weeks of work in a row that end a spell, on ``day``. The walk may cross days before
    the fact's first version (a history through 2019, a spell a history written by hand ended
    long ago): that version starts on 2020-02-01 by convention, as one that holds for every month
    the library computes (the regulation is of 1991), so it governs them too."""
    first = facts.fact("registration.reset_weeks").versions[0].valid_from
    return facts.count("registration.reset_weeks", max(day, first))


def _settled(state: State, start: date, facts: Facts, ended: list[Ended]) -> State:
    """A spell whose weeks of work had already reached the number that ends it before ``start``
    (a history written by hand) ends on the Sunday they were reached."""
    if state.first_day is None or state.last_day is None or state.work_since is None:
        return state
    weeks = _reset_weeks(facts, start)
    on = state.work_since + ONE_DAY * (7 * weeks - 1)
    if on >= start:
        return state
    ended.append(Ended(state.first_day, state.last_day, state.work_since, on, weeks))
    return State(last_unemployed=state.last_unemployed)


def _day(
    state: State,
    day: date,
    entry: CardDay | None,
    six_day_week: bool,
    facts: Facts,
    passed: list[Passed],
) -> State:
    """The state after one day."""
    if entry is None:  # an ordinary day: a day of work if it is one of the worker's working days
        worked = day.weekday() < (_SATURDAY + 1 if six_day_week else _SATURDAY)
        return state._replace(week_worked=True) if worked else state
    if entry.status is not DayStatus.TEMPORARY_UNEMPLOYMENT:
        return state._replace(week_worked=True) if entry.status in _WORK else state
    state = state._replace(last_unemployed=day, work_since=None)
    if entry.reason is None or not counts(facts, entry.reason, day):
        return state
    first = state.first_day or day
    threshold = months_after(first, facts.count("registration.spell_months", day))
    if state.last_day is not None and state.last_day < threshold <= day:
        deadline = day + ONE_DAY * facts.count("registration.deadline_days", day)
        passed.append(Passed(first, threshold, day, deadline))
    return state._replace(first_day=first, last_day=day)


def _week_end(state: State, sunday: date, facts: Facts, ended: list[Ended]) -> State:
    """The state after a Sunday: the week just ended is a week of work or not."""
    if state.first_day is None or state.last_day is None:
        return state._replace(work_since=None, week_worked=False)
    monday = monday_of(sunday)
    blocked = state.last_unemployed is not None and state.last_unemployed >= monday
    if blocked or not state.week_worked:
        return state._replace(work_since=None, week_worked=False)
    since = state.work_since or monday
    weeks = _reset_weeks(facts, sunday)
    if (sunday + ONE_DAY - since).days // 7 >= weeks:
        ended.append(Ended(state.first_day, state.last_day, since, sunday, weeks))
        return State(last_unemployed=state.last_unemployed)
    return state._replace(work_since=since, week_worked=False)


# --------------------------------------------------------------------------- explanation


def _sources(facts: Facts, names: Iterable[str], on: date) -> tuple[LegalSource, ...]:
    """The rule's sources and those of the facts read on ``on``, each page once."""
    return pages(SOURCES, *(facts.version(name, on).sources for name in names))


def _basis(facts: Facts, on: date) -> Phrase:
    """Which reasons count on ``on``: listed, or every reason (said as unconfirmed where no
    official source gives it)."""
    version: FactVersion = facts.version("registration.counting_reasons", on)
    reasons = version.value
    assert isinstance(reasons, tuple)
    if set(reasons) >= {r.value for r in REASONS} and version.confidence != "official":
        source = next(s for s in version.sources if s.date is not None)
        return (
            "registration.basis.every_reason",
            {"from": version.valid_from, "title": source.title, "published": source.date},
        )
    listed = tuple(
        ("reason", {"reason": r})
        for r in reasons
        # the energy-crisis scheme's days exist only within its dates: not listed outside them
        if r != Reason.ENERGY_CRISIS or ENERGY_CRISIS_FIRST_DAY <= on <= ENERGY_CRISIS_LAST_DAY
    )
    return ("registration.basis", {"day": on, "reasons": listed})


def steps(
    walk: Walk, month_end: date, facts: Facts, *, country: str, region: Region | None
) -> tuple[Step, ...]:
    """``registration.reset`` for each spell the weeks of work ended, then ``registration.spell``:
    the spell the month ends with (its first and last day, length and threshold), whether it
    passed the months in the month (with the days to the deadline and where to register, as the
    notice says), before it, or not yet, or that there is none."""
    sources = _sources(facts, FACTS[:4], month_end)
    resets = tuple(
        Step(
            "registration.reset",
            RULE,
            True,
            "registration.reset",
            {
                "first": e.first_day,
                "last": e.last_day,
                "since": e.work_since,
                "on": e.on,
                "weeks": e.weeks,
            },
            (),
            sources,
        )
        for e in walk.ended
    )
    where = (country, region)
    return (*resets, _spell_step(walk, month_end, facts, sources, where))


def _spell_step(
    walk: Walk,
    month_end: date,
    facts: Facts,
    sources: tuple[LegalSource, ...],
    where: tuple[str, Region | None],
) -> Step:
    months = facts.count("registration.spell_months", month_end)
    if walk.passed:
        p = walk.passed[-1]
        values: dict[str, Any] = {
            **p._asdict(),
            "first": p.first_day,
            "months": months,
            "days": facts.count("registration.deadline_days", p.day),
            "where": _where(facts, p.day, *where),
            "basis": _basis(facts, p.day),
        }
        return Step(
            "registration.spell", RULE, True, "registration.spell.passed", values, (), sources
        )
    first, last = walk.state.first_day, walk.state.last_day
    if first is None or last is None:
        values = {"basis": _basis(facts, month_end)}
        return Step(
            "registration.spell", RULE, False, "registration.spell.none", values, (), sources
        )
    threshold = months_after(first, months)
    values = {
        "first": first,
        "last": last,
        "days": (last - first).days + 1,
        "months": months,
        "threshold": threshold,
        "basis": _basis(facts, month_end),
    }
    if last >= threshold:  # passed in an earlier month: the notice was given then
        message = "registration.spell.passed_before"
        return Step("registration.spell", RULE, True, message, values, (), sources)
    return Step(
        "registration.spell", RULE, False, "registration.spell.running", values, (), sources
    )


def _office(entry: Mapping[str, Any]) -> Phrase:
    return (
        "registration.office",
        {"office": entry["name"], "region": entry["region"], "address": entry["address"]},
    )


def _where(facts: Facts, on: date, country: str, region: Region | None) -> Phrase:
    """Where to register, as the step says it: the office of the region, or why none is named."""
    if country != BELGIUM:
        return ("registration.where.abroad", {"country": country})
    if region is None:
        return ("registration.where.region_unknown", {})
    offices = facts.value("registration.offices", on)
    assert isinstance(offices, Mapping)
    return ("registration.where.office", {"office": _office(offices[region.value])})


def notices(walk: Walk, *, country: str, region: Region | None, facts: Facts) -> tuple[Notice, ...]:
    """One notice per spell that passed the months: by when and where to register; for a
    worker living abroad or whose region is not given, that the office cannot be told."""
    out = []
    for p in walk.passed:
        offices = facts.value("registration.offices", p.day)
        assert isinstance(offices, Mapping)
        values: dict[str, Any] = {
            "first": p.first_day,
            "threshold": p.threshold,
            "deadline": p.deadline,
            "months": facts.count("registration.spell_months", p.day),
            "basis": _basis(facts, p.day),
        }
        if country != BELGIUM:
            code = "registration.required.abroad"
            values |= {"country": country, "offices": tuple(_office(o) for o in offices.values())}
        elif region is None:
            code = "registration.required.region_unknown"
            values |= {"offices": tuple(_office(o) for o in offices.values())}
        else:
            code = "registration.required"
            values |= {"office": _office(offices[region.value])}
        out.append(Notice(code, values, RULE, _sources(facts, FACTS, p.day)))
    return tuple(out)
