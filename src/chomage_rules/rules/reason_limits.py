"""R14 Limits by reason: a technical accident's first days, and the longest economic suspension.

Sources (payroll provider Securex, Lex4You, and the SPF Emploi):

    « L'employeur étant tenu de payer la rémunération du travailleur les 7 premiers jours, cette
      date sera située au plus tôt le 8e jour à partir du jour de l'accident. » (technical
      accident, https://securex.be/fr/lex4you/employeur/themes/vacances-et-absences/chomage-temporaire/accident-technique-a-qui-l-employeur-doit-il-notifier-la-mise-en-chomage-temporaire)
    « Le jour de travail interrompu par l'accident technique est considéré comme le premier jour
      de la période de 7 jours. » (https://securex.be/fr/lex4you/employeur/themes/vacances-et-absences/chomage-temporaire/les-travailleurs-sont-ils-remuneres)

    « l'employeur peut instaurer une suspension totale de l'exécution du contrat de travail de
      l'employé pendant maximum 16 semaines calendrier par année civile. […] un régime de travail
      à temps réduit pour les employés comportant au moins 2 jours de travail par semaine pendant
      maximum 26 semaines calendrier par année civile. » (white-collar workers, updated
      16 January 2024)

    « L’employeur peut suspendre totalement les prestations pendant une période de 4 semaines
      maximum. » (blue-collar workers, SPF Emploi); « Un régime de travail à temps réduit peut
      être introduit pendant une période maximale de 3 mois, s’il comprend moins de 3 jours de
      travail par semaine […] » and « l’employeur doit rétablir le régime de travail à temps plein
      pendant une semaine complète de travail […] Une semaine complète de travail équivaut à une
      période ininterrompue de 7 jours calendrier. » (Securex)

Rulebook R14 reads them so, and only reports: the payment body decides. Every figure is a dated
fact (``parameters/facts/reason_limits.toml``).

- A month with technical-accident days: the employer pays 7 calendar days from the day of the
  accident (the working day it interrupts is the first), so the month's first such day D is
  temporary unemployment only if the accident happened on or before D − 7; D − 8 where workers
  not warned came to work on the accident's day (that day is paid on top). The notice gives D and
  both dates.
- Economic days (reason ``economic``; the energy-crisis scheme had its own limits and is not
  counted) are counted by **calendar week**, Monday to Sunday. A week's days of work are the
  worker's working days (``days_per_week``) less its economic days. A week spanning two months is
  counted once, in the month of its Sunday, with its days of both months: the days of the
  unfinished week are carried in ``History`` to the next month.
- White-collar: a week with fewer than 2 days of work is a week of full suspension, any other a
  week of reduced work; each count runs over the calendar year of the week's Sunday and starts
  again on 1 January. A week past 16 (full) or 26 (reduced) is reported.
- Blue-collar: a week without a day of work is a week of full suspension; a week with fewer than
  3 days of work is reduced work, whose regime runs from its first economic day; with 3 days or
  more the law sets no limit. Seven calendar days in a row without temporary unemployment are the
  full week of work that starts both counts again. A week with economic days after 4 weeks of
  full suspension, or an economic day on or after the first day beyond 3 months from the start of
  reduced work (in a week of full suspension or of reduced work), is reported. The months run de
  date à date as R12 and R13 count them (``core.calendar.months_after``): from 4 March to 3 June;
  from 29 November to the last day of February.
- Without the worker's occupation (``Worker.occupation``) the weeks are counted but the limits
  cannot be checked; the step says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from ..core.calendar import months_after
from ..core.sources import LegalSource, pages
from ..core.vocabulary import Occupation
from ..explain.step import Notice, Phrase, Step
from ..parameters.facts import Facts, FactVersion

__all__ = [
    "FACTS",
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Count",
    "Counters",
    "Limits",
    "Week",
    "count",
    "limits",
    "notices",
    "steps",
]

RULE = "R14"

STEPS: tuple[str, ...] = ("limits.economic", "limits.technical_accident")
NOTICES: tuple[str, ...] = (
    "limits.technical_accident",
    "limits.white_collar.full_weeks",
    "limits.white_collar.reduced_weeks",
    "limits.blue_collar.full_weeks",
    "limits.blue_collar.reduced_months",
)

PARAMETERS: tuple[str, ...] = ()

FACTS: tuple[str, ...] = (
    "reason_limits.technical_accident_employer_days",
    "reason_limits.technical_accident_counted_from",
    "reason_limits.white_collar_full_weeks",
    "reason_limits.white_collar_reduced_weeks",
    "reason_limits.white_collar_reduced_min_work_days",
    "reason_limits.blue_collar_full_weeks",
    "reason_limits.blue_collar_reduced_months",
    "reason_limits.blue_collar_reduced_below_work_days",
    "reason_limits.blue_collar_work_week_days",
)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "Securex Lex4You: Accident technique - à qui l'employeur doit-il notifier la mise en "
        "chômage temporaire ?",
        "https://securex.be/fr/lex4you/employeur/themes/vacances-et-absences/chomage-temporaire/accident-technique-a-qui-l-employeur-doit-il-notifier-la-mise-en-chomage-temporaire",
    ),
    LegalSource(
        "Securex Lex4You: Causes économiques, régime employés - quels sont les différents "
        "régimes de suspension ?",
        "https://securex.be/fr/lex4you/employeur/themes/vacances-et-absences/chomage-temporaire/causes-economiques-regime-employes-causes-economiques-quels-sont-les-differents-regimes-de-suspensio",
    ),
    LegalSource(
        "SPF Emploi: Suspensions du contrat de travail - le chômage économique des ouvriers",
        "https://www.emploi.belgique.be/fr/themes/contrats-de-travail/suspension-du-contrat-de-travail/causes-de-suspension-propres-0",
    ),
    LegalSource(
        "Securex Lex4You: Quelle est la durée maximale du chômage temporaire ?",
        "https://securex.be/fr/lex4you/employeur/themes/vacances-et-absences/chomage-temporaire/quelle-est-la-duree-maximale-du-chomage-temporaire",
    ),
    LegalSource(
        "Securex Lex4You: Quand peut-on instaurer une nouvelle période de suspension ?",
        "https://securex.be/fr/lex4you/employeur/themes/vacances-et-absences/chomage-temporaire/quand-peut-on-instaurer-une-nouvelle-periode-de-suspension",
    ),
)

BlueKind = Literal["full", "reduced", "light"]
"""A blue-collar week: no day of work (full), fewer days of work than the limit's (reduced), or as
many or more (light: reduced work the law sets no limit to)."""


# --------------------------------------------------------------------------- the limits (facts)


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits in force on a day, read from the facts, with the versions read."""

    technical_accident_days: int
    technical_accident_offset: int
    """1 when the employer's days start the day after the accident, 0 on its day."""
    counted_from: str
    """The fact's own word for it (``day_of_accident`` or ``day_after_accident``)."""
    white_full_weeks: int
    white_reduced_weeks: int
    white_min_work_days: int
    blue_full_weeks: int
    blue_reduced_months: int
    blue_reduced_below: int
    blue_work_week_days: int
    versions: tuple[FactVersion, ...] = field(repr=False, default=())

    @property
    def sources(self) -> tuple[LegalSource, ...]:
        """The sources of the facts read, each once."""
        return pages(*(version.sources for version in self.versions))


_OFFSETS = {"day_after_accident": 1, "day_of_accident": 0}


def limits(facts: Facts, on: date) -> Limits:
    """The limits in force on ``on``."""
    versions = {name: facts.version(name, on) for name in FACTS}

    def value(name: str) -> Any:
        return versions[f"reason_limits.{name}"].value

    counted_from = value("technical_accident_counted_from")
    if counted_from not in _OFFSETS:
        raise ValueError(
            f"fact reason_limits.technical_accident_counted_from: {counted_from!r} is neither "
            "day_after_accident nor day_of_accident"
        )
    return Limits(
        technical_accident_days=value("technical_accident_employer_days"),
        technical_accident_offset=_OFFSETS[counted_from],
        counted_from=counted_from,
        white_full_weeks=value("white_collar_full_weeks"),
        white_reduced_weeks=value("white_collar_reduced_weeks"),
        white_min_work_days=value("white_collar_reduced_min_work_days"),
        blue_full_weeks=value("blue_collar_full_weeks"),
        blue_reduced_months=value("blue_collar_reduced_months"),
        blue_reduced_below=value("blue_collar_reduced_below_work_days"),
        blue_work_week_days=value("blue_collar_work_week_days"),
        versions=tuple(versions.values()),
    )


# --------------------------------------------------------------------------- the counters


@dataclass(frozen=True, slots=True)
class Counters:
    """The counters a month starts from and leaves (``History.reason_limits``), as plain values.

    ``full_weeks`` and ``reduced_weeks`` (white-collar) count the calendar year's weeks;
    ``run_full_weeks`` and ``reduced_since`` (blue-collar) run since the last full week of work;
    ``last_unemployed`` is the last day of temporary unemployment (any reason) seen;
    ``open_week`` the economic days of the calendar week still running at the month's end.
    """

    full_weeks: int = 0
    reduced_weeks: int = 0
    run_full_weeks: int = 0
    reduced_since: date | None = None
    last_unemployed: date | None = None
    open_week: tuple[date, ...] = ()


@dataclass(frozen=True, slots=True)
class Week:
    """A calendar week counted: its Monday, its economic days and how it counts."""

    monday: date
    days: tuple[date, ...]
    work_days: int
    white_full: bool
    """White-collar: fewer days of work than reduced work needs (a week of full suspension)."""
    blue_kind: BlueKind


@dataclass(frozen=True, slots=True)
class Count:
    """What a month counted, and which weeks or days go beyond a limit."""

    year: int
    """The calendar year of the month (of the white-collar counts)."""
    before: Counters
    """The counters at the start of the month (the yearly ones restarted on 1 January)."""
    year_reset: bool
    after: Counters
    weeks: tuple[Week, ...]
    restarted: date | None
    """The last day counting started again after a full week of work (blue-collar)."""
    white_full_beyond: tuple[date, ...] = ()
    white_reduced_beyond: tuple[date, ...] = ()
    blue_full_beyond: tuple[date, ...] = ()
    """Mondays of the weeks with economic days after the limit of full suspension."""
    blue_reduced_beyond: tuple[date, ...] = ()
    """Economic days on or after the end of the reduced work's months."""
    blue_reduced_since: date | None = None
    """The start of the reduced work those days go beyond."""
    technical: tuple[date, ...] = ()
    economic_days: int = 0


def count(
    *,
    first_day: date,
    last_day: date,
    economic: Sequence[date],
    unemployed: Sequence[date],
    technical: Sequence[date],
    days_per_week: int,
    before: Counters,
    through: date | None,
    limits: Limits,
) -> Count:
    """Count the month's economic weeks against the counters before it.

    ``economic`` are the month's days of economic temporary unemployment, ``unemployed`` its
    days of temporary unemployment of any reason, ``technical`` those of a technical accident;
    ``through`` is the day the counters run through (``None``: just before the month, same year).
    """
    year_reset = through is not None and through.year < first_day.year
    start = replace(before, full_weeks=0, reduced_weeks=0) if year_reset else before
    weeks = _weeks(start.open_week, economic, days_per_week, limits)
    complete = [week for week in weeks if week.monday + timedelta(days=6) <= last_day]
    running = [week for week in weeks if week.monday + timedelta(days=6) > last_day]
    restarts = _restarts(start.last_unemployed, unemployed, limits.blue_work_week_days)
    state = _State(start, first_day.year, limits)
    for week in complete:
        state.restart_before(week.days[0], restarts)
        state.add(week)
    state.restart_before(last_day, restarts)
    seen = [*unemployed, *([start.last_unemployed] if start.last_unemployed else [])]
    after = replace(
        state.counters,
        last_unemployed=max(seen, default=None),
        open_week=running[0].days if running else (),
    )
    return Count(
        year=first_day.year,
        before=start,
        year_reset=year_reset,
        after=after,
        weeks=tuple(complete),
        restarted=state.restarted,
        white_full_beyond=tuple(state.beyond["white_full"]),
        white_reduced_beyond=tuple(state.beyond["white_reduced"]),
        blue_full_beyond=tuple(state.beyond["blue_full"]),
        blue_reduced_beyond=tuple(state.beyond["blue_reduced"]),
        blue_reduced_since=state.beyond_since,
        technical=tuple(sorted(technical)),
        economic_days=len(economic),
    )


def _weeks(
    carried: Iterable[date], economic: Iterable[date], days_per_week: int, limits: Limits
) -> list[Week]:
    """The calendar weeks of the carried and the month's economic days, in order."""
    by_monday: dict[date, list[date]] = {}
    for day in sorted({*carried, *economic}):
        by_monday.setdefault(day - timedelta(days=day.weekday()), []).append(day)
    weeks = []
    for monday, days in sorted(by_monday.items()):
        work = max(days_per_week - len(days), 0)
        kind: BlueKind = (
            "full" if work == 0 else "reduced" if work < limits.blue_reduced_below else "light"
        )
        weeks.append(Week(monday, tuple(days), work, work < limits.white_min_work_days, kind))
    return weeks


def _restarts(last: date | None, unemployed: Iterable[date], free_days: int) -> list[date]:
    """The days of temporary unemployment that come after ``free_days`` calendar days or more
    without any: a full week of work before them, after which a blue-collar count starts again."""
    restarts = []
    previous = last
    for day in sorted(unemployed):
        if previous is not None and (day - previous).days - 1 >= free_days:
            restarts.append(day)
        previous = day
    return restarts


class _State:
    """The counters while a month's weeks are added in order, and what goes beyond."""

    def __init__(self, start: Counters, year: int, limits: Limits) -> None:
        self.counters = start
        self.year = year
        self.limits = limits
        self.restarted: date | None = None
        self.beyond_since: date | None = None
        self.beyond: dict[str, list[date]] = {
            "white_full": [],
            "white_reduced": [],
            "blue_full": [],
            "blue_reduced": [],
        }

    def restart_before(self, day: date, restarts: list[date]) -> None:
        """Apply the restarts on or before ``day`` (each once)."""
        while restarts and restarts[0] <= day:
            self.restarted = restarts.pop(0)
            self.counters = replace(self.counters, run_full_weeks=0, reduced_since=None)

    def add(self, week: Week) -> None:
        c, limit = self.counters, self.limits
        sunday = week.monday + timedelta(days=6)
        if sunday.year == self.year:  # a week of an earlier year no longer counts
            if week.white_full:
                c = replace(c, full_weeks=c.full_weeks + 1)
                if c.full_weeks > limit.white_full_weeks:
                    self.beyond["white_full"].append(week.monday)
            else:
                c = replace(c, reduced_weeks=c.reduced_weeks + 1)
                if c.reduced_weeks > limit.white_reduced_weeks:
                    self.beyond["white_reduced"].append(week.monday)
        if c.run_full_weeks >= limit.blue_full_weeks:
            self.beyond["blue_full"].append(week.monday)
        if week.blue_kind == "full":
            c = replace(c, run_full_weeks=c.run_full_weeks + 1)
        elif week.blue_kind == "reduced" and c.reduced_since is None:
            c = replace(c, reduced_since=week.days[0])
        if c.reduced_since is not None and week.blue_kind != "light":
            end = months_after(c.reduced_since, limit.blue_reduced_months)
            late = [day for day in week.days if day >= end]
            if late and not self.beyond["blue_reduced"]:
                self.beyond_since = c.reduced_since
            self.beyond["blue_reduced"] += late
        self.counters = c


# --------------------------------------------------------------------------- steps and notices


def _week_phrase(week: Week, occupation: Occupation | None) -> Phrase:
    values: dict[str, Any] = {"monday": week.monday, "days": len(week.days), "work": week.work_days}
    if occupation is Occupation.WHITE_COLLAR:
        values["kind"] = "limits.kind.full" if week.white_full else "limits.kind.reduced"
    elif occupation is Occupation.BLUE_COLLAR:
        values["kind"] = f"limits.kind.{week.blue_kind}"
    else:
        return ("limits.week.plain", values)
    return ("limits.week", values)


def _common(c: Count, occupation: Occupation | None) -> dict[str, Any]:
    """The values every economic step shows: the weeks counted and the week carried."""
    counted = tuple(_week_phrase(week, occupation) for week in c.weeks) or (
        ("limits.weeks.none", {}),
    )
    carried = c.after.open_week
    open_week: Phrase = (
        (
            "limits.open",
            {"monday": carried[0] - timedelta(days=carried[0].weekday()), "days": len(carried)},
        )
        if carried
        else ("limits.open.none", {})
    )
    return {"counted": counted, "open": open_week, "economic": c.economic_days}


def _economic_step(c: Count, occupation: Occupation | None, limit: Limits) -> Step:
    values = _common(c, occupation)
    if not c.weeks and not c.economic_days:
        message, applies = "limits.economic.none", False
    elif occupation is Occupation.WHITE_COLLAR:
        message, applies = "limits.economic.white_collar", True
        values |= _white_values(c, limit)
    elif occupation is Occupation.BLUE_COLLAR:
        message, applies = "limits.economic.blue_collar", True
        values |= _blue_values(c, limit)
    else:
        message, applies = "limits.economic.not_given", False
        values |= {
            "white_full": limit.white_full_weeks,
            "white_reduced": limit.white_reduced_weeks,
            "blue_full": limit.blue_full_weeks,
            "blue_months": limit.blue_reduced_months,
        }
    return Step("limits.economic", RULE, applies, message, values, (), limit.sources)


def _white_values(c: Count, limit: Limits) -> dict[str, Any]:
    return {
        "year": c.year,
        "full": c.after.full_weeks,
        "reduced": c.after.reduced_weeks,
        "full_limit": limit.white_full_weeks,
        "reduced_limit": limit.white_reduced_weeks,
        "min": limit.white_min_work_days,
        "reset": ("limits.year.reset" if c.year_reset else "limits.year.kept", {}),
    }


def _blue_values(c: Count, limit: Limits) -> dict[str, Any]:
    since = c.after.reduced_since
    reduced: Phrase = (
        (
            "limits.reduced.since",
            {
                "below": limit.blue_reduced_below,
                "since": since,
                "until": months_after(since, limit.blue_reduced_months) - timedelta(days=1),
                "months": limit.blue_reduced_months,
            },
        )
        if since is not None
        else ("limits.reduced.none", {"below": limit.blue_reduced_below})
    )
    restart: Phrase = (
        ("limits.restart", {"day": c.restarted, "days": limit.blue_work_week_days})
        if c.restarted is not None
        else ("limits.restart.none", {})
    )
    return {
        "run": c.after.run_full_weeks,
        "full_limit": limit.blue_full_weeks,
        "reduced": reduced,
        "restart": restart,
    }


def _technical(c: Count, limit: Limits) -> dict[str, Any] | None:
    """The dates that matter for the month's technical-accident days, if it has any."""
    if not c.technical:
        return None
    first = c.technical[0]
    latest = first - timedelta(days=limit.technical_accident_days + limit.technical_accident_offset)
    return {
        "days": len(c.technical),
        "first": first,
        "employer_days": limit.technical_accident_days,
        "counted": f"limits.counted_from.{limit.counted_from}",
        "accident": latest,
        # workers not warned who came to work on the accident's day: that day is paid on top
        "unwarned": latest - timedelta(days=1 - limit.technical_accident_offset),
    }


def steps(c: Count, occupation: Occupation | None, limit: Limits) -> tuple[Step, ...]:
    """``limits.economic`` (the weeks counted, the counters and the limits, or why no limit
    was checked) and ``limits.technical_accident`` (the dates that matter, or none)."""
    technical = _technical(c, limit)
    message = "limits.technical_accident" + ("" if technical else ".none")
    accident = Step(
        "limits.technical_accident",
        RULE,
        technical is not None,
        message,
        technical or {},
        (),
        limit.sources,
    )
    return (_economic_step(c, occupation, limit), accident)


def notices(c: Count, occupation: Occupation | None, limit: Limits) -> tuple[Notice, ...]:
    """A technical accident's dates; each limit of the worker's occupation passed this month."""
    found = []
    technical = _technical(c, limit)
    if technical is not None:
        found.append(Notice("limits.technical_accident", technical, RULE, limit.sources))
    found += _limit_notices(c, occupation, limit)
    return tuple(found)


def _limit_notices(c: Count, occupation: Occupation | None, limit: Limits) -> list[Notice]:
    found = []
    sources = limit.sources

    def mondays(days: Iterable[date]) -> tuple[Phrase, ...]:
        return tuple(("limits.week_of", {"monday": day}) for day in days)

    if occupation is Occupation.WHITE_COLLAR:
        if c.white_full_beyond:
            values = {
                "weeks": c.after.full_weeks,
                "limit": limit.white_full_weeks,
                "min": limit.white_min_work_days,
                "beyond": mondays(c.white_full_beyond),
            }
            found.append(Notice("limits.white_collar.full_weeks", values, RULE, sources))
        if c.white_reduced_beyond:
            values = {
                "weeks": c.after.reduced_weeks,
                "limit": limit.white_reduced_weeks,
                "min": limit.white_min_work_days,
                "beyond": mondays(c.white_reduced_beyond),
            }
            found.append(Notice("limits.white_collar.reduced_weeks", values, RULE, sources))
    elif occupation is Occupation.BLUE_COLLAR:
        found += _blue_notices(c, limit, mondays(c.blue_full_beyond))
    return found


def _blue_notices(c: Count, limit: Limits, beyond: tuple[Phrase, ...]) -> list[Notice]:
    found = []
    sources = limit.sources
    if beyond:
        values = {
            "limit": limit.blue_full_weeks,
            "beyond": beyond,
            "days": limit.blue_work_week_days,
        }
        found.append(Notice("limits.blue_collar.full_weeks", values, RULE, sources))
    if c.blue_reduced_beyond:
        since = c.blue_reduced_since
        assert since is not None  # a day beyond the months has their start
        values = {
            "below": limit.blue_reduced_below,
            "since": since,
            "months": limit.blue_reduced_months,
            "until": months_after(since, limit.blue_reduced_months) - timedelta(days=1),
            "first": c.blue_reduced_beyond[0],
            "count": len(c.blue_reduced_beyond),
            "days": limit.blue_work_week_days,
        }
        found.append(Notice("limits.blue_collar.reduced_months", values, RULE, sources))
    return found
