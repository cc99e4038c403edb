"""R14 limits by reason: a technical accident's dates, the weeks of economic suspension of a
white-collar worker (per calendar year) and of a blue-collar worker (per suspension, then a full
week of work), counted across months in ``History.reason_limits``; notices only, never an amount.

June 2026 starts on a Monday: its weeks are 1-7, 8-14, 15-21, 22-28, and 29 June - 5 July runs
into July. The workers work six days a week (Monday to Saturday) unless said otherwise.
"""

import calendar
import itertools
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import (
    DayEntry,
    DayStatus,
    History,
    Month,
    MonthResult,
    Occupation,
    Reason,
    compute_month,
    compute_months,
)
from chomage_rules.explain.catalogue import LANGUAGES
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import reason_limits as rule
from chomage_rules.rules.reason_limits import Counters
from chomage_rules.testing import Case, cases
from tests.helpers import employer, month_of, unemployed, worker

LIMITS = rule.limits(Facts.default(), date(2026, 6, 1))


def days(first: date, count: int, *, skip_sundays: bool = True) -> list[date]:
    """``count`` working days from ``first`` (Sundays skipped for a six-day worker)."""
    found, day = [], first
    while len(found) < count:
        if not (skip_sundays and day.weekday() == 6):
            found.append(day)
        day += timedelta(days=1)
    return found


def count_june(
    economic: list[date],
    before: Counters | None = None,
    *,
    through: date | None = date(2026, 5, 31),
    days_per_week: int = 6,
    technical: list[date] | None = None,
) -> rule.Count:
    """Count June 2026 with the rule's own function, on plain values."""
    return rule.count(
        first_day=date(2026, 6, 1),
        last_day=date(2026, 6, 30),
        economic=economic,
        unemployed=sorted({*economic, *(technical or [])}),
        technical=technical or [],
        days_per_week=days_per_week,
        before=before or Counters(),
        through=through,
        limits=LIMITS,
    )


def codes(c: rule.Count, occupation: Occupation | None) -> list[str]:
    return [n.code for n in rule.notices(c, occupation, LIMITS)]


# --------------------------------------------------------------------------- the facts


def test_the_limits_come_from_the_dated_facts() -> None:
    # Securex / SPF Emploi: 7 days, 16 and 26 weeks, 2 days of work; 4 weeks, 3 months, fewer
    # than 3 days of work; a full week of work of 7 calendar days
    assert (LIMITS.technical_accident_days, LIMITS.technical_accident_offset) == (7, 0)
    assert (LIMITS.white_full_weeks, LIMITS.white_reduced_weeks) == (16, 26)
    assert LIMITS.white_min_work_days == 2
    assert (LIMITS.blue_full_weeks, LIMITS.blue_reduced_months) == (4, 3)
    assert (LIMITS.blue_reduced_below, LIMITS.blue_work_week_days) == (3, 7)
    assert {v.name for v in LIMITS.versions} == set(rule.FACTS)
    assert LIMITS.sources


# --------------------------------------------------------------------------- technical accident


def test_technical_accident_days_give_the_latest_day_of_the_accident() -> None:
    c = count_june([], technical=[date(2026, 6, 10), date(2026, 6, 11)])
    (notice,) = rule.notices(c, None, LIMITS)
    # the employer pays 7 days « à dater du jour de l'accident technique », the working day it
    # interrupts being « le premier jour de la période de 7 jours »; temporary unemployment « au
    # plus tôt le 8e jour à partir du jour de l'accident » (Securex): on 10 June it needs an
    # accident on or before 10 − 7 = 3 June. Workers not warned who came to work are paid that
    # day on top and the 7 days start the next day (Securex): then on or before 2 June.
    assert notice.code == "limits.technical_accident" and notice.rule == "R14"
    assert notice.values["first"] == date(2026, 6, 10)
    assert notice.values["accident"] == date(2026, 6, 3)
    assert notice.values["unwarned"] == date(2026, 6, 2)
    assert (notice.values["days"], notice.values["employer_days"]) == (2, 7)
    assert notice.sources
    step = rule.steps(c, None, LIMITS)[1]
    assert step.applies and "on or before 2026-06-03" in step.result
    assert "2026-06-02 if the workers, not warned, came to work" in step.result


def test_a_month_without_technical_accident_has_its_step_and_no_notice() -> None:
    c = count_june(days(date(2026, 6, 1), 3))
    assert codes(c, Occupation.BLUE_COLLAR) == []
    step = rule.steps(c, Occupation.BLUE_COLLAR, LIMITS)[1]
    assert not step.applies and step.message == "limits.technical_accident.none"


# --------------------------------------------------------------------------- white-collar


@pytest.mark.parametrize(("economic", "full"), [(4, False), (5, True)])
def test_a_white_collar_week_with_fewer_than_two_days_of_work_is_full(
    economic: int, full: bool
) -> None:
    # six working days: 4 economic days leave 2 days of work (reduced); 5 leave 1 (full)
    c = count_june(days(date(2026, 6, 1), economic))
    (week,) = c.weeks
    assert week.work_days == 6 - economic and week.white_full is full
    assert (c.after.full_weeks, c.after.reduced_weeks) == ((1, 0) if full else (0, 1))


@pytest.mark.parametrize(("before", "notice"), [(15, False), (16, True)])
def test_white_collar_sixteen_weeks_of_full_suspension_a_year(before: int, notice: bool) -> None:
    # 15 + 1 = 16 is within the limit; 16 + 1 = 17 is past it
    c = count_june(days(date(2026, 6, 1), 6), Counters(full_weeks=before))
    assert c.after.full_weeks == before + 1
    expected = ["limits.white_collar.full_weeks"] if notice else []
    assert codes(c, Occupation.WHITE_COLLAR) == expected
    assert c.white_full_beyond == ((date(2026, 6, 1),) if notice else ())


@pytest.mark.parametrize(("before", "notice"), [(25, False), (26, True)])
def test_white_collar_twenty_six_weeks_of_reduced_work_a_year(before: int, notice: bool) -> None:
    # two economic days a week leave four days of work: 25 + 1 = 26 within, 26 + 1 = 27 past it
    c = count_june(days(date(2026, 6, 1), 2), Counters(reduced_weeks=before))
    assert c.after.reduced_weeks == before + 1
    expected = ["limits.white_collar.reduced_weeks"] if notice else []
    assert codes(c, Occupation.WHITE_COLLAR) == expected


def test_white_collar_counts_start_again_on_the_first_of_january() -> None:
    january = rule.count(
        first_day=date(2027, 1, 1),
        last_day=date(2027, 1, 31),
        economic=days(date(2027, 1, 4), 6),
        unemployed=days(date(2027, 1, 4), 6),
        technical=[],
        days_per_week=6,
        before=Counters(full_weeks=16, reduced_weeks=26),
        through=date(2026, 12, 31),
        limits=LIMITS,
    )
    # a new calendar year: 0 + 1 full week, no notice
    assert january.year_reset and (january.after.full_weeks, january.after.reduced_weeks) == (1, 0)
    assert codes(january, Occupation.WHITE_COLLAR) == []


# --------------------------------------------------------------------------- blue-collar


@pytest.mark.parametrize(
    ("economic", "kind"), [(6, "full"), (4, "reduced"), (3, "light"), (1, "light")]
)
def test_a_blue_collar_week_is_full_reduced_or_without_a_limit(economic: int, kind: str) -> None:
    # six working days: 0 days of work is full; 2 (fewer than 3) reduced; 3 or more unlimited
    (week,) = count_june(days(date(2026, 6, 1), economic)).weeks
    assert week.blue_kind == kind


@pytest.mark.parametrize(("before", "notice"), [(3, False), (4, True)])
def test_blue_collar_four_weeks_of_full_suspension(before: int, notice: bool) -> None:
    # the last day of temporary unemployment on Friday 29 May: no full week of work before June
    start = Counters(run_full_weeks=before, last_unemployed=date(2026, 5, 29))
    c = count_june(days(date(2026, 6, 1), 6), start)
    assert c.after.run_full_weeks == before + 1
    assert codes(c, Occupation.BLUE_COLLAR) == (["limits.blue_collar.full_weeks"] if notice else [])


def test_after_four_full_weeks_even_reduced_work_needs_the_week_of_work_first() -> None:
    start = Counters(run_full_weeks=4, last_unemployed=date(2026, 5, 29))
    c = count_june(days(date(2026, 6, 1), 4), start)  # a reduced week, not a full one
    assert c.after.run_full_weeks == 4
    assert c.blue_full_beyond == (date(2026, 6, 1),)


@pytest.mark.parametrize(
    ("last", "restarted"), [(date(2026, 5, 24), True), (date(2026, 5, 25), False)]
)
def test_seven_calendar_days_without_temporary_unemployment_start_the_count_again(
    last: date, restarted: bool
) -> None:
    # 25-31 May are 7 free days before 1 June; from 26 May only 6
    start = Counters(run_full_weeks=4, reduced_since=date(2026, 2, 2), last_unemployed=last)
    c = count_june(days(date(2026, 6, 1), 6), start)
    assert (c.restarted == date(2026, 6, 1)) is restarted
    assert c.after.run_full_weeks == (1 if restarted else 5)
    assert codes(c, Occupation.BLUE_COLLAR) == (
        [] if restarted else ["limits.blue_collar.full_weeks", "limits.blue_collar.reduced_months"]
    )


@pytest.mark.parametrize(
    ("since", "beyond"), [(date(2026, 3, 5), ()), (date(2026, 3, 4), (date(2026, 6, 4),))]
)
def test_blue_collar_three_months_of_reduced_work(since: date, beyond: tuple[date, ...]) -> None:
    # reduced work from 5 March may run to 4 June (3 months): 1-4 June are all within it; from
    # 4 March it runs to 3 June, and 4 June is the first day past it
    start = Counters(reduced_since=since, last_unemployed=date(2026, 5, 29))
    c = count_june(days(date(2026, 6, 1), 4), start)
    assert c.blue_reduced_beyond == beyond
    notices = rule.notices(c, Occupation.BLUE_COLLAR, LIMITS)
    assert [n.code for n in notices] == (["limits.blue_collar.reduced_months"] if beyond else [])
    if beyond:
        assert notices[0].values["until"] == date(2026, 6, 3)
        assert notices[0].values["first"] == date(2026, 6, 4)


def test_three_months_of_reduced_work_end_on_the_last_day_of_a_shorter_month() -> None:
    # reduced work from 29 November 2024 runs three months, de date à date, to the day before
    # 29 February 2025; there is no such day, so the period ends on the last day of February
    # (28 February), as R12's spell and R13's 36 months count (core.calendar.months_after). The
    # week of 24 February (economic 25-28 February, carried into March: 6 days less 4 = 2 days of
    # work, reduced) is within it; 3 March is the first day past it.
    carried = (date(2025, 2, 25), date(2025, 2, 26), date(2025, 2, 27), date(2025, 2, 28))
    march = [date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5), date(2025, 3, 6)]
    c = rule.count(
        first_day=date(2025, 3, 1),
        last_day=date(2025, 3, 31),
        economic=march,
        unemployed=march,
        technical=[],
        days_per_week=6,
        before=Counters(
            reduced_since=date(2024, 11, 29), last_unemployed=date(2025, 2, 28), open_week=carried
        ),
        through=date(2025, 2, 28),
        limits=LIMITS,
    )
    assert c.blue_reduced_beyond == tuple(march)
    (notice,) = rule.notices(c, Occupation.BLUE_COLLAR, LIMITS)
    assert notice.values["until"] == date(2025, 2, 28)
    assert notice.values["first"] == date(2025, 3, 3)
    step = rule.steps(c, Occupation.BLUE_COLLAR, LIMITS)[0]
    assert "since 2024-11-29" in step.result and "to 2025-02-28" in step.result


def test_reduced_work_starts_with_its_first_economic_day() -> None:
    c = count_june(days(date(2026, 6, 3), 4))  # Wednesday to Saturday of the first week
    assert c.after.reduced_since == date(2026, 6, 3)
    step = rule.steps(c, Occupation.BLUE_COLLAR, LIMITS)[0]
    # 3 months from 3 June: to 2 September
    assert "since 2026-06-03" in step.result and "to 2026-09-02" in step.result


def test_reduced_work_of_three_days_or_more_has_no_limit() -> None:
    start = Counters(reduced_since=None, last_unemployed=date(2026, 5, 29))
    c = count_june(days(date(2026, 6, 1), 3), start)
    assert c.after.reduced_since is None and codes(c, Occupation.BLUE_COLLAR) == []


# --------------------------------------------------------------------------- weeks across months


def test_a_week_across_two_months_is_counted_once_in_the_month_of_its_sunday() -> None:
    w = worker(occupation="blue_collar")
    june = month_of(2026, 6, unemployed([date(2026, 6, 29), date(2026, 6, 30)], Reason.ECONOMIC))
    july = month_of(2026, 7, unemployed(days(date(2026, 7, 1), 4), Reason.ECONOMIC))
    first, second = compute_months(w, employer(), [june, july])
    # June: the week of 29 June is still running, carried, not counted
    assert first.history_after.reason_limits.open_week == (date(2026, 6, 29), date(2026, 6, 30))
    assert first.history_after.reason_limits.run_full_weeks == 0
    # July: 2 + 4 = 6 economic days, no day of work: one week of full suspension
    assert second.history_after.reason_limits.run_full_weeks == 1
    assert second.history_after.reason_limits.full_weeks == 1
    assert second.history_after.reason_limits.open_week == ()
    assert (
        "week of 2026-06-29: 6 economic day(s), 0 day(s) of work"
        in second.step("limits.economic").formula
    )


def test_a_week_across_the_new_year_counts_in_the_new_year() -> None:
    w = worker(occupation="white_collar")
    december = month_of(
        2025, 12, unemployed([date(2025, 12, 29), date(2025, 12, 30)], Reason.ECONOMIC)
    )
    january = month_of(2026, 1, unemployed(days(date(2026, 1, 1), 3), Reason.ECONOMIC))
    history = History(through=date(2025, 11, 30), reason_limits={"full_weeks": 16})
    dec, jan = compute_months(w, employer(), [december, january], history)
    assert dec.history_after.reason_limits.full_weeks == 16
    # 29 December - 4 January: 5 economic days, 1 day of work → full, in 2026 (counts from 0)
    assert jan.history_after.reason_limits.full_weeks == 1
    assert not [n for n in jan.notices if n.rule == "R14"]


# --------------------------------------------------------------------------- compute_month


def _june(reason: Reason = Reason.ECONOMIC, count: int = 6) -> Month:
    return month_of(2026, 6, unemployed(days(date(2026, 6, 1), count), reason))


def test_without_the_occupation_the_limits_are_not_checked() -> None:
    history = History(
        through=date(2026, 5, 31),
        reason_limits={"full_weeks": 16, "run_full_weeks": 4, "last_unemployed": "2026-05-29"},
    )
    result = compute_month(worker(), employer(), _june(), history)
    step = result.step("limits.economic")
    assert not step.applies and step.message == "limits.economic.not_given"
    assert "cannot be checked" in step.result
    assert not [n for n in result.notices if n.rule == "R14"]
    # the weeks are still counted, for when the occupation is given
    assert result.history_after.reason_limits.full_weeks == 17


def test_every_month_has_both_steps() -> None:
    result = compute_month(worker(occupation="blue_collar"), employer(), Month(year=2026, month=6))
    economic = result.step("limits.economic")
    assert not economic.applies and economic.message == "limits.economic.none"
    assert not result.step("limits.technical_accident").applies


def test_energy_crisis_days_are_not_counted() -> None:
    month = month_of(2022, 11, unemployed(days(date(2022, 11, 7), 6), Reason.ENERGY_CRISIS))
    result = compute_month(worker(occupation="white_collar"), employer(), month)
    assert result.history_after.reason_limits.full_weeks == 0
    assert result.step("limits.economic").message == "limits.economic.none"


def test_the_step_and_notices_in_three_languages() -> None:
    history = History(
        through=date(2026, 5, 31),
        reason_limits={
            "run_full_weeks": 4,
            "reduced_since": "2026-02-02",
            "last_unemployed": "2026-05-29",
        },
    )
    month = month_of(
        2026,
        6,
        unemployed(days(date(2026, 6, 1), 6), Reason.ECONOMIC),
        unemployed([date(2026, 6, 8)], Reason.TECHNICAL_ACCIDENT),
    )
    result = compute_month(worker(occupation="blue_collar"), employer(), month, history)
    r14 = [n.code for n in result.notices if n.rule == "R14"]
    assert r14 == [
        "limits.technical_accident",
        "limits.blue_collar.full_weeks",
        "limits.blue_collar.reduced_months",
    ]
    for lang in LANGUAGES:
        for fmt in ("text", "markdown"):
            text = result.explain(fmt, lang)  # type: ignore[arg-type]
            assert "{" not in text and "}" not in text
        document = json.loads(result.explain("json", lang))  # type: ignore[arg-type]
        notices = [n for n in document["notices"] if n["rule"] == "R14"]
        assert len(notices) == 3 and all(n["references"] for n in notices)
        assert all("{" not in n["message"] for n in notices)


@pytest.mark.parametrize(
    ("counters", "loc"),
    [
        ({"last_unemployed": "2026-05-29"}, ("reason_limits",)),
        ({"full_weeks": True}, ("reason_limits", "full_weeks")),
        ({"full_weeks": 54}, ("reason_limits", "full_weeks")),
        ({"run_full_weeks": -1}, ("reason_limits", "run_full_weeks")),
        ({"open_week": ["2026-05-29", "2026-06-01"]}, ("reason_limits", "open_week")),
        ({"open_week": ["2026-05-29", "2026-05-29"]}, ("reason_limits", "open_week")),
    ],
)
def test_bad_counters_are_refused_naming_the_field(
    counters: dict[str, Any], loc: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationError) as raised:
        History(reason_limits=counters)
    assert raised.value.errors()[0]["loc"] == loc


def test_the_counters_days_must_be_on_or_before_through() -> None:
    with pytest.raises(ValidationError, match="after 2026-05-28"):
        History(through=date(2026, 5, 28), reason_limits={"last_unemployed": "2026-05-29"})
    kept = History(through=date(2026, 5, 29), reason_limits={"last_unemployed": "2026-05-29"})
    assert History.model_validate_json(kept.model_dump_json()) == kept


def test_the_occupation_is_blue_collar_white_collar_or_not_given() -> None:
    assert worker().occupation is None
    assert worker(occupation="white_collar").occupation is Occupation.WHITE_COLLAR
    with pytest.raises(ValidationError) as raised:
        worker(occupation="manager")
    assert raised.value.errors()[0]["loc"] == ("occupation",)


# --------------------------------------------------------------------------- properties


@st.composite
def economic_years(draw: st.DrawFn) -> list[Month]:
    """The months of 2026 in order, each with some economic (and other) days."""
    months = []
    for number in range(1, 13):
        first = date(2026, number, 1)
        length = calendar.monthrange(2026, number)[1]
        chosen = draw(st.sets(st.integers(0, length - 1), max_size=length))
        entries = []
        for offset in sorted(chosen):
            day = first + timedelta(days=offset)
            if day.weekday() == 6:
                continue
            reason = draw(st.sampled_from([Reason.ECONOMIC, Reason.ECONOMIC, Reason.FORCE_MAJEURE]))
            entries.append(
                DayEntry(day=day, status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=reason)
            )
        months.append(Month(year=2026, month=number, days=entries))
    return months


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(economic_years(), st.sampled_from([None, "blue_collar", "white_collar"]))
def test_the_yearly_counts_never_decrease_within_a_year(
    months: list[Month], occupation: str | None
) -> None:
    results = compute_months(worker(occupation=occupation), employer(), months)
    yearly = [
        (r.history_after.reason_limits.full_weeks, r.history_after.reason_limits.reduced_weeks)
        for r in results
    ]
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(yearly))
    # the blue-collar count drops only after a full week of work
    for result in results:
        before = result.history.reason_limits.run_full_weeks
        after = result.history_after.reason_limits.run_full_weeks
        restarted = "counting started again" in result.step("limits.economic").formula
        assert after >= before or restarted or occupation != "blue_collar"
    # every calendar week with economic days is counted once, in the year of its Sunday: the week
    # of Monday 28 December 2026 ends in 2027 and is still running at the year's end
    mondays = {
        entry.day - timedelta(days=entry.day.weekday())
        for month in months
        for entry in month.days
        if entry.reason is Reason.ECONOMIC
    }
    assert sum(yearly[-1]) == len([m for m in mondays if (m + timedelta(days=6)).year == 2026])


def _amounts(result: MonthResult) -> Any:
    return result.as_json()["result"], result.history_after.supplement_units


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cases(),
    st.sampled_from([None, "blue_collar", "white_collar"]),
    st.sampled_from(["BE", "FR", "DE", "US"]),
    # at most 47 weeks counted before the month: a month touches up to six calendar weeks, and
    # 47 + 6 = 53 is the most a calendar year holds (History refuses more; 52 failed at random
    # when a month added two weeks, as January 2024's first two did)
    st.integers(0, 47),
    st.integers(0, 20),
)
def test_no_notice_changes_an_amount(
    case: Case, occupation: str | None, country: str, full: int, run: int
) -> None:
    plain = compute_month(case.worker, case.employer, case.month, case.history)
    changed_worker = case.worker.model_copy(
        update={"occupation": occupation and Occupation(occupation), "residence_country": country}
    )
    changed_history = case.history.model_copy(
        update={
            "reason_limits": case.history.reason_limits.model_copy(
                update={"full_weeks": full, "reduced_weeks": full, "run_full_weeks": run}
            )
        }
    )
    changed = compute_month(changed_worker, case.employer, case.month, changed_history)
    assert _amounts(changed) == _amounts(plain)
    assert changed.history_after.cp124_credit_used == plain.history_after.cp124_credit_used


def test_a_running_week_left_from_an_earlier_year_no_longer_counts_in_the_year() -> None:
    # counters through 31 December 2024 with the week of 30 December still running, given with
    # March 2026: that week ended on 5 January 2025, a year before, so 2026 counts none of it;
    # for the blue-collar count it is still a week (two economic days, four of work: unlimited)
    history = History(
        through=date(2024, 12, 31),
        reason_limits={
            "open_week": ["2024-12-30", "2024-12-31"],
            "last_unemployed": "2024-12-31",
        },
    )
    result = compute_month(
        worker(occupation="white_collar"), employer(), Month(year=2026, month=3), history
    )
    after = result.history_after.reason_limits
    assert (after.full_weeks, after.reduced_weeks, after.open_week) == (0, 0, ())
    assert "week of 2024-12-30" in result.step("limits.economic").formula


def test_no_week_counted_is_said_in_each_language() -> None:
    # French "semaines … : aucune" (a feminine noun), not the catalogue's generic "aucun"
    step = rule.steps(count_june([]), Occupation.BLUE_COLLAR, LIMITS)[0]
    assert step.message == "limits.economic.none"
    assert step.text("fr")[1].endswith("semaines calendrier comptées : aucune")
    assert step.text("nl")[1].endswith("getelde kalenderweken: geen")
    assert step.text("en")[1].endswith(": none")
