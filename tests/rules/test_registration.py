"""R12 Job-seeker registration: the spell of temporary unemployment followed day by day and month
by month, when it passes three months, by when and where the worker registers.

Each expected date is derived in a comment. Calendar: 2025-01-06, 2025-04-07, 2026-03-02 and
2026-06-01 are Mondays."""

import json
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import (
    DayEntry,
    DayStatus,
    History,
    LastUnemployment,
    Month,
    Reason,
    Region,
    Spell,
    WorkRegime,
    compute_month,
    compute_months,
)
from chomage_rules.core.calendar import monday_of, months_after
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import registration
from chomage_rules.rules.registration import CardDay, State
from tests.helpers import employer, month_of, unemployed, worker, working_days
from tests.spell_cases import first_quarter, mondays

FACTS = Facts.default()
ONE = timedelta(days=1)
TU = DayStatus.TEMPORARY_UNEMPLOYMENT
NO_SPELL = State()


def days(first: date, last: date) -> list[date]:
    """Every calendar day from ``first`` to ``last``."""
    return [first + ONE * n for n in range((last - first).days + 1)]


def card(*spans: tuple[Iterable[date], DayStatus, Reason | None]) -> dict[date, CardDay]:
    return {day: CardDay(status, reason) for group, status, reason in spans for day in group}


def follow(
    entries: dict[date, CardDay],
    first: date,
    last: date,
    state: State = NO_SPELL,
    *,
    six_day_week: bool = True,
) -> registration.Walk:
    return registration.follow(state, first, last, entries, six_day_week=six_day_week, facts=FACTS)


def economic(group: Iterable[date]) -> tuple[Iterable[date], DayStatus, Reason]:
    return (group, TU, Reason.ECONOMIC)


def worked(group: Iterable[date]) -> tuple[Iterable[date], DayStatus, None]:
    return (group, DayStatus.WORKED, None)


# --------------------------------------------------------------------------- calendar


def test_months_run_from_date_to_date() -> None:
    assert months_after(date(2025, 1, 6), 3) == date(2025, 4, 6)  # 6 Jan - 5 Apr: three months
    assert months_after(date(2025, 11, 30), 3) == date(2026, 3, 1)  # no 30 Feb: to 28 Feb
    assert months_after(date(2023, 11, 29), 3) == date(2024, 2, 29)  # a leap year has it
    assert months_after(date(2023, 3, 17), 36) == date(2026, 3, 17)
    assert monday_of(date(2025, 4, 6)) == date(2025, 3, 31)  # a Sunday's week


# --------------------------------------------------------------------------- three months


def test_a_spell_of_exactly_three_months_does_not_pass_one_day_more_does() -> None:
    # every calendar day of temporary unemployment from 6 January 2025: its three months run to
    # 5 April; the first day beyond them is 6 April (months_after)
    exactly = follow(card(economic(days(date(2025, 1, 6), date(2025, 4, 5)))), *_q1())
    assert exactly.passed == ()
    # then two weeks of ordinary days (7-13 and 14-20 April) end it on 20 April, unpassed
    (ended,) = exactly.ended
    assert (ended.first_day, ended.last_day, ended.on) == (
        date(2025, 1, 6),
        date(2025, 4, 5),
        date(2025, 4, 20),
    )
    more = follow(card(economic(days(date(2025, 1, 6), date(2025, 4, 6)))), *_q1())
    # 6 April counts: the spell passed; register within 8 days of it: 6 + 8 = 14 April
    assert more.passed == (
        registration.Passed(
            date(2025, 1, 6), date(2025, 4, 6), date(2025, 4, 6), date(2025, 4, 14)
        ),
    )


def _q1() -> tuple[date, date]:
    return date(2025, 1, 1), date(2025, 4, 30)


def test_partial_weeks_count_one_day_a_week_for_three_months_passes() -> None:
    # economic temporary unemployment on Mondays only, work Tuesday to Saturday: every week holds
    # a day of temporary unemployment, so no week is a week of work and the spell of 6 January
    # runs on; three months end on 5 April, the first Monday from 6 April is 7 April:
    # register by 7 + 8 = 15 April
    entries = card(economic(d for m in range(1, 5) for d in mondays(2025, m)))
    walk = follow(entries, *_q1())
    (passed,) = walk.passed
    assert passed == registration.Passed(
        date(2025, 1, 6), date(2025, 4, 6), date(2025, 4, 7), date(2025, 4, 15)
    )
    assert walk.ended == ()


def test_the_spell_across_months_through_compute_months() -> None:
    # the same Mondays, month by month: the notice comes in April only, its office that of the
    # worker's region (Actiris for Brussels)
    results = first_quarter(residence_region="brussels")
    codes = [[n.code for n in r.notices if n.rule == "R12"] for r in results]
    assert codes == [[], [], [], ["registration.required"]]
    (notice,) = [n for n in results[3].notices if n.rule == "R12"]
    assert notice.values["deadline"] == date(2025, 4, 15)
    assert "Actiris, the office for the Brussels-Capital Region" in notice.text("en")
    assert "https://www.actiris.brussels" in notice.text("fr")
    # each month's step: running (January to March: last day before 6 April), then passed
    spell_steps = [r.step("registration.spell") for r in results]
    assert [s.message for s in spell_steps] == [
        "registration.spell.running",
        "registration.spell.running",
        "registration.spell.running",
        "registration.spell.passed",
    ]
    assert [s.applies for s in spell_steps] == [False, False, False, True]
    # the March step: 6 January to 31 March is 85 days; three months passed on 6 April
    march = spell_steps[2]
    assert march.values["days"] == 85 and march.values["threshold"] == date(2025, 4, 6)
    assert "2025-03-31 is before 2025-04-06" in march.result


def test_the_march_history_is_where_the_walk_of_the_quarter_stands() -> None:
    # 31 March 2025 is a Monday of temporary unemployment, so the week in progress holds no work
    # yet: Spell(6 January, 31 March), no weeks of work
    march = first_quarter()[2]
    assert march.history_after.spell == Spell(
        first_day=date(2025, 1, 6), last_day=date(2025, 3, 31)
    )
    assert march.history_after.last_unemployment == LastUnemployment(
        day=date(2025, 3, 31), regime=WorkRegime.FULL_TIME, weekly_hours=Decimal("38")
    )


def test_the_spell_is_the_same_month_by_month_as_in_one_walk() -> None:
    results = first_quarter()
    entries = card(economic(d for m in range(1, 5) for d in mondays(2025, m)))
    walk = follow(entries, *_q1())
    after = results[-1].history_after.spell
    assert after is not None
    assert (after.first_day, after.last_day) == (walk.state.first_day, walk.state.last_day)
    assert (after.work_since, after.week_worked) == (walk.state.work_since, walk.state.week_worked)


def test_the_step_after_the_month_it_passed_says_it_passed_before() -> None:
    results = first_quarter()
    may = month_of(2025, 5, unemployed(mondays(2025, 5), Reason.ECONOMIC))
    r = compute_month(worker(), employer(), may, results[-1].history_after)
    step = r.step("registration.spell")
    assert step.message == "registration.spell.passed_before" and step.applies
    assert not [n for n in r.notices if n.rule == "R12"]  # the notice was given in April


# --------------------------------------------------------------------------- resumption of work


def _spell_then(work: list[date], back: date) -> registration.Walk:
    """Temporary unemployment every day from 6 January to 1 February 2025 (a Saturday), the days
    ``work`` worked, every other day before ``back`` on holiday, and economic again on ``back``."""
    before = days(date(2025, 1, 6), date(2025, 2, 1))
    gap = [d for d in days(date(2025, 2, 2), back - ONE) if d not in work]
    entries = card(
        economic(before),
        worked(work),
        (gap, DayStatus.HOLIDAY, None),
        economic([back]),
    )
    return follow(entries, date(2025, 1, 6), back)


def test_two_consecutive_calendar_weeks_of_work_start_a_new_spell() -> None:
    # work from Monday 3 to Sunday 16 February: two calendar weeks of work; the spell of
    # 6 January ended on 16 February, and 17 February starts a new one
    walk = _spell_then(days(date(2025, 2, 3), date(2025, 2, 16)), date(2025, 2, 17))
    assert walk.ended == (
        registration.Ended(date(2025, 1, 6), date(2025, 2, 1), date(2025, 2, 3), date(2025, 2, 16)),
    )
    assert (walk.state.first_day, walk.state.last_day) == (date(2025, 2, 17), date(2025, 2, 17))


def test_a_week_and_a_half_of_work_does_not_end_the_spell() -> None:
    # work from Monday 3 to Wednesday 12 February, unemployed again on Thursday 13: one calendar
    # week of work (3-9 February) only; the spell of 6 January goes on
    walk = _spell_then(days(date(2025, 2, 3), date(2025, 2, 12)), date(2025, 2, 13))
    assert walk.ended == ()
    assert (walk.state.first_day, walk.state.last_day) == (date(2025, 1, 6), date(2025, 2, 13))


def test_fourteen_days_of_work_across_three_calendar_weeks_do_not_end_it() -> None:
    # unemployed on Tuesday 4 February, then work from Wednesday 5 to Tuesday 18 (14 days): only
    # 10-16 February is a whole calendar week of work (3-9 holds the 4th, 17-23 the 19th)
    before = days(date(2025, 1, 6), date(2025, 2, 4))
    entries = card(
        economic(before),
        worked(days(date(2025, 2, 5), date(2025, 2, 18))),
        economic([date(2025, 2, 19)]),
    )
    walk = follow(entries, date(2025, 1, 6), date(2025, 2, 19))
    assert walk.ended == ()
    assert walk.state.first_day == date(2025, 1, 6)


def test_a_week_of_holiday_is_not_a_week_of_work() -> None:
    # work 3-9 February, holiday Monday to Saturday 10-15 (Sunday 16 is not a working day), work
    # 17-23: the two weeks of work are not consecutive; the spell goes on
    walk = _spell_then(
        [*days(date(2025, 2, 3), date(2025, 2, 9)), *days(date(2025, 2, 17), date(2025, 2, 23))],
        date(2025, 2, 24),
    )
    assert walk.ended == ()
    assert walk.state.first_day == date(2025, 1, 6)


def test_days_not_on_the_card_are_ordinary_days_of_work() -> None:
    # nothing on the card from 2 to 16 February: Monday to Saturday are working days of a six-day
    # week, so 3-9 and 10-16 February are weeks of work and the spell ends on 16 February
    entries = card(economic(days(date(2025, 1, 6), date(2025, 2, 1))))
    walk = follow(entries, date(2025, 1, 6), date(2025, 2, 28))
    assert [e.on for e in walk.ended] == [date(2025, 2, 16)]
    assert walk.state == State(last_unemployed=date(2025, 2, 1))


def test_a_five_day_workers_week_of_holiday_has_no_day_of_work() -> None:
    # holiday Monday to Friday 3-7 February for a five-day worker: no day of work that week
    # (Saturday and Sunday are not working days); 10-16 and 17-23 end the spell on 23 February
    entries = card(
        economic(days(date(2025, 1, 6), date(2025, 1, 31))),
        (days(date(2025, 2, 3), date(2025, 2, 7)), DayStatus.HOLIDAY, None),
    )
    walk = follow(entries, date(2025, 1, 6), date(2025, 2, 28), six_day_week=False)
    assert [e.on for e in walk.ended] == [date(2025, 2, 23)]


def test_a_history_whose_weeks_of_work_already_ended_the_spell() -> None:
    # a history written by hand: weeks of work from 3 February, through 28 February; the two
    # weeks 3-16 February had ended the spell on 16 February
    state = State(date(2025, 1, 6), date(2025, 2, 1), date(2025, 2, 3), False, date(2025, 2, 1))
    walk = follow({}, date(2025, 3, 1), date(2025, 3, 31), state)
    assert [e.on for e in walk.ended] == [date(2025, 2, 16)]
    assert walk.state.first_day is None


def test_a_gap_between_the_history_and_the_month_is_ordinary_days() -> None:
    # the spell of the first quarter runs at 31 January; the month computed is April: February
    # and March are not given, so they are ordinary days (weeks of work) and end the spell on
    # Sunday 16 February (3-9 and 10-16 February); April's Mondays start a new spell
    january = first_quarter()[0]
    april = month_of(2025, 4, unemployed(mondays(2025, 4), Reason.ECONOMIC))
    r = compute_month(worker(), employer(), april, january.history_after)
    reset = r.step("registration.reset")
    assert reset.values["on"] == date(2025, 2, 16)
    assert r.step("registration.spell").values["first"] == date(2025, 4, 7)


def test_a_history_through_2019_crosses_days_before_the_facts_first_version() -> None:
    # the facts' first versions start on 2020-02-01 by convention (they hold for every month the
    # library computes), but the walk from a history through 31 December 2019 crosses January
    # 2020: its Sundays read the weeks of work that end a spell. The first version governs those
    # days: working days from 1 January (week of 30 December) and 6-12 January are two calendar
    # weeks of work, which end the spell of November-December 2019 on Sunday 12 January.
    history = History(
        through=date(2019, 12, 31),
        spell=Spell(first_day=date(2019, 11, 4), last_day=date(2019, 12, 20)),
        last_unemployment=LastUnemployment(
            day=date(2019, 12, 20), regime=WorkRegime.FULL_TIME, weekly_hours=Decimal("38")
        ),
    )
    april = month_of(2020, 4, unemployed(mondays(2020, 4), Reason.ECONOMIC))
    result = compute_month(worker(), employer(), april, history)
    reset = result.step("registration.reset")
    assert (reset.values["on"], reset.values["weeks"]) == (date(2020, 1, 12), 2)
    assert result.step("registration.spell").values["first"] == date(2020, 4, 6)


def test_a_spell_ended_by_hand_before_the_facts_first_version_says_the_weeks_it_used() -> None:
    # a history written by hand in 2020 whose weeks of work from 3 April 2017 had ended a spell
    # of March 2017 (on Sunday 16 April 2017): the step gives the two weeks the walk used
    state = State(date(2017, 3, 6), date(2017, 3, 31), date(2017, 4, 3), False, date(2017, 3, 31))
    walk = follow({}, date(2020, 4, 1), date(2020, 4, 30), state)
    assert [(e.on, e.weeks) for e in walk.ended] == [(date(2017, 4, 16), 2)]
    (reset, _) = registration.steps(walk, date(2020, 4, 30), FACTS, country="BE", region=None)
    assert reset.values["weeks"] == 2 and "2017-04-16" in reset.result


# --------------------------------------------------------------------------- reasons by date


def test_bad_weather_counts_from_march_2026_not_in_february() -> None:
    # bad weather on the working days of February (to Friday 27) and March (to Monday 30) 2026:
    # the February days do not count (economic and force majeure only until 28 February);
    # 2 March is the first day that counts, so the spell starts then and passes three months
    # on 2 June
    february = month_of(2026, 2, unemployed(working_days(2026, 2, 23), Reason.BAD_WEATHER))
    march = month_of(2026, 3, unemployed(working_days(2026, 3, 25), Reason.BAD_WEATHER))
    results = compute_months(worker(), employer(), [february, march])
    assert results[0].history_after.spell is None
    assert results[0].step("registration.spell").message == "registration.spell.none"
    spell = results[1].history_after.spell
    assert spell is not None and spell.first_day == date(2026, 3, 2)
    running = results[1].step("registration.spell")
    assert running.values["threshold"] == date(2026, 6, 2)
    # the step says on which sources the March rule rests
    assert "which no official text confirms" in running.formula
    assert "salarysolution" in running.formula


def test_a_spell_straddling_march_2026_keeps_its_days_and_counts_the_new_ones() -> None:
    # economic from Monday 1 December 2025 to Saturday 6 December; bad weather every day from
    # 8 December to 28 February (not counted, not work: the spell neither ends nor grows); bad
    # weather counts from Sunday 1 March: three months from 1 December end on 28 February, the
    # first day beyond is 1 March, which counts: register by 1 + 8 = 9 March
    entries = card(
        economic(days(date(2025, 12, 1), date(2025, 12, 6))),
        (days(date(2025, 12, 8), date(2026, 3, 6)), TU, Reason.BAD_WEATHER),
    )
    walk = follow(entries, date(2025, 12, 1), date(2026, 3, 6))
    assert walk.ended == ()
    assert walk.passed == (
        registration.Passed(
            date(2025, 12, 1), date(2026, 3, 1), date(2026, 3, 1), date(2026, 3, 9)
        ),
    )
    # the same card a year earlier: bad weather never counts before March 2026, the economic
    # spell of 1-6 December 2024 stays six days long and passes nothing
    earlier = {d - timedelta(days=365): e for d, e in entries.items()}
    walk = follow(earlier, date(2024, 12, 1), date(2025, 3, 6))
    assert walk.passed == () and walk.state.last_day == date(2024, 12, 6)


def test_the_notice_after_march_2026_says_no_official_text_confirms_every_reason() -> None:
    entries = card((days(date(2026, 3, 2), date(2026, 6, 2)), TU, Reason.TECHNICAL_ACCIDENT))
    walk = follow(entries, date(2026, 3, 1), date(2026, 6, 30))
    (notice,) = registration.notices(walk, country="BE", region=Region.FLANDERS, facts=FACTS)
    # from 2 March, three months end on 1 June; 2 June counts: register by 10 June
    assert notice.values["deadline"] == date(2026, 6, 10)
    english = notice.text("en")
    assert "VDAB, the office for Flanders (https://www.vdab.be)" in english
    assert "every reason counts from 2026-03-01, which no official text confirms" in english
    assert "salarysolution" in english and "2025-12-26" in english
    assert "VDAB, de dienst voor Vlaanderen" in notice.text("nl")
    assert "aucun texte officiel ne confirme" in notice.text("fr")
    assert notice.rule == "R12"
    assert any("salarysolution.be" in s.url for s in notice.sources)


def test_medical_force_majeure_did_not_count_before_march_2026() -> None:
    entries = card((days(date(2026, 2, 2), date(2026, 2, 28)), TU, Reason.FORCE_MAJEURE_MEDICAL))
    assert follow(entries, date(2026, 2, 1), date(2026, 2, 28)).state.first_day is None
    march = {d + timedelta(days=28): e for d, e in entries.items()}  # 2 March onwards
    assert follow(march, date(2026, 3, 1), date(2026, 3, 31)).state.first_day == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        (date(2020, 3, 12), True),  # before the COVID scheme
        (date(2020, 3, 13), False),  # the suspension for force majeure (derived start)
        (date(2022, 3, 31), False),
        (
            date(2022, 4, 1),
            True,
        ),  # « la période de 3 mois ne commence à courir qu'à partir du 1er avril 2022 »
    ],
)
def test_force_majeure_during_the_covid_suspension(day: date, counts: bool) -> None:
    assert registration.counts(FACTS, Reason.FORCE_MAJEURE, day) is counts
    assert registration.counts(FACTS, Reason.ECONOMIC, day)  # economic counts throughout


def test_the_energy_crisis_scheme_counts_as_economic() -> None:
    assert registration.counts(FACTS, Reason.ENERGY_CRISIS, date(2022, 11, 7))


# --------------------------------------------------------------------------- where to register


def _passed_walk() -> registration.Walk:
    return follow(card(economic(days(date(2025, 1, 6), date(2025, 4, 6)))), *_q1())


@pytest.mark.parametrize(
    ("region", "office", "address"),
    [
        (Region.WALLONIA, "Forem, the office for Wallonia", "https://www.leforem.be"),
        (Region.BRUSSELS, "Actiris", "https://www.actiris.brussels"),
        (Region.FLANDERS, "VDAB", "https://www.vdab.be"),
        (Region.GERMAN_SPEAKING, "ADG, the office for the German-speaking", "https://www.adg.be"),
    ],
)
def test_the_office_is_that_of_the_region_of_residence(
    region: Region, office: str, address: str
) -> None:
    (notice,) = registration.notices(_passed_walk(), country="BE", region=region, facts=FACTS)
    assert notice.code == "registration.required"
    assert office in notice.text("en") and address in notice.text("en")
    assert "2025-04-14" in notice.text("en")  # 6 April + 8 days


def test_the_region_names_are_in_the_language_of_the_text() -> None:
    (notice,) = registration.notices(
        _passed_walk(), country="BE", region=Region.WALLONIA, facts=FACTS
    )
    assert "l'office de l'emploi de la Wallonie, Forem" in notice.text("fr")
    assert "Forem, de dienst voor Wallonië" in notice.text("nl")
    assert "14/04/2025" in notice.text("fr")


def test_without_a_region_the_notice_lists_the_offices_rather_than_guess() -> None:
    (notice,) = registration.notices(_passed_walk(), country="BE", region=None, facts=FACTS)
    assert notice.code == "registration.required.region_unknown"
    text = notice.text("en")
    assert "which is not given" in text
    for name in ("Forem", "Actiris", "VDAB", "ADG"):
        assert name in text


def test_a_worker_living_abroad_is_told_no_source_says_where_to_register() -> None:
    (notice,) = registration.notices(_passed_walk(), country="FR", region=None, facts=FACTS)
    assert notice.code == "registration.required.abroad"
    assert "lives outside Belgium (FR)" in notice.text("en")
    assert "no source found says where" in notice.text("en")
    assert "réside hors de Belgique (FR)" in notice.text("fr")


def test_a_region_is_for_a_worker_living_in_belgium() -> None:
    with pytest.raises(ValidationError) as raised:
        worker(residence_country="FR", residence_region="wallonia")
    (error,) = raised.value.errors()
    assert error["loc"] == ("residence_region",)
    assert "living in Belgium" in error["msg"]
    assert worker(residence_region="flanders").residence_region is Region.FLANDERS
    with pytest.raises(ValidationError):
        worker(residence_region="luxembourg")


# --------------------------------------------------------------------------- the explanation


def test_every_notice_is_a_step_with_its_sources_in_json_and_three_languages() -> None:
    result = first_quarter(residence_region="wallonia")[-1]
    for lang in ("en", "fr", "nl"):
        document = json.loads(result.explain("json", lang))
        (notice,) = [n for n in document["notices"] if n["rule"] == "R12"]
        assert notice["code"] == "registration.required" and notice["references"]
        (step,) = [s for s in document["steps"] if s["id"] == "registration.spell"]
        assert step["applies"] and step["references"]
        cited = {r["number"]: r for r in document["references"]}
        assert any("securex" in cited[n]["url"] for n in notice["references"])
        text = result.explain("text", lang)
        assert "{" not in text and "}" not in text


def test_a_month_without_a_spell_says_so_with_the_reasons_that_count() -> None:
    r = compute_month(worker(), employer(), month_of(2025, 6))
    step = r.step("registration.spell")
    assert not step.applies and step.message == "registration.spell.none"
    assert "economic, force majeure" in step.formula
    assert "energy crisis" not in step.formula  # the scheme ran from October 2022 to March 2023


# --------------------------------------------------------------------------- the history


def test_history_dates_need_through_and_stay_within_it() -> None:
    spell = {"first_day": "2025-01-06", "last_day": "2025-03-31"}
    last = {"day": "2025-03-31", "regime": "full_time", "weekly_hours": "38"}
    with pytest.raises(ValidationError, match="give through too"):
        History(spell=spell, last_unemployment=last)
    with pytest.raises(ValidationError, match="after through"):
        History(through=date(2025, 3, 30), spell=spell, last_unemployment=last)
    with pytest.raises(ValidationError, match="give last_unemployment too"):
        History(through=date(2025, 3, 31), spell=spell)
    with pytest.raises(ValidationError, match="before the spell's last day"):
        History(
            through=date(2025, 3, 31), spell=spell, last_unemployment={**last, "day": "2025-03-30"}
        )
    with pytest.raises(ValidationError, match="not a Monday"):
        Spell(first_day=date(2025, 1, 6), last_day=date(2025, 3, 31), work_since="2025-04-08")
    with pytest.raises(ValidationError, match="before its first day"):
        Spell(first_day=date(2025, 1, 6), last_day=date(2025, 1, 5))
    with pytest.raises(ValidationError, match="a week of work"):
        History(
            through=date(2025, 4, 10),
            spell={**spell, "work_since": "2025-04-07"},
            last_unemployment=last,
        )
    good = History(through=date(2025, 3, 31), spell=spell, last_unemployment=last)
    assert History.model_validate_json(good.model_dump_json()) == good


def test_compute_month_refuses_a_history_dated_in_the_month() -> None:
    last = LastUnemployment(day=date(2025, 4, 1), regime="full_time", weekly_hours=Decimal("38"))
    history = History(through=date(2025, 4, 1), last_unemployment=last)
    with pytest.raises(ValidationError):
        compute_month(worker(), employer(), month_of(2025, 4), history)


# --------------------------------------------------------------------------- properties

STATUSES = st.sampled_from([TU, DayStatus.WORKED, DayStatus.HOLIDAY, DayStatus.INCAPACITY, None])
REASONS = st.sampled_from([Reason.ECONOMIC, Reason.BAD_WEATHER, Reason.FORCE_MAJEURE])


@st.composite
def cards(draw: st.DrawFn, first: date, length: int) -> dict[date, CardDay]:
    entries = {}
    for offset in range(length):
        status = draw(STATUSES)
        if status is None:
            continue  # an ordinary day
        reason = draw(REASONS) if status is TU else None
        entries[first + ONE * offset] = CardDay(status, reason)
    return entries


def _length(state: State) -> int:
    if state.first_day is None or state.last_day is None:
        return 0
    return (state.last_day - state.first_day).days + 1


START = date(2025, 9, 1)


@settings(max_examples=150, deadline=None)
@given(cards(START, 120), st.booleans())
def test_a_spell_never_shortens_when_a_month_of_unemployment_is_added(
    entries: dict[date, CardDay], six: bool
) -> None:
    end = START + ONE * 119
    before = follow(entries, START, end, six_day_week=six).state
    month = {end + ONE * n: CardDay(TU, Reason.ECONOMIC) for n in range(1, 31)}
    after = follow(entries | month, START, end + ONE * 30, six_day_week=six).state
    assert _length(after) >= _length(before)
    assert _length(after) >= 30
    if before.first_day is not None:  # the running spell goes on: same first day
        assert after.first_day == before.first_day


def _month(year: int, month: int, entries: dict[date, CardDay]) -> Month:
    return Month(
        year=year,
        month=month,
        days=[
            DayEntry(day=day, status=e.status, reason=e.reason)
            for day, e in sorted(entries.items())
            # a six-day worker loses at most six days a week: Sundays stay ordinary days
            if (day.year, day.month) == (year, month) and day.weekday() != 6
        ],
    )


def _spell_length(history: History) -> int:
    spell = history.spell
    return 0 if spell is None else (spell.last_day - spell.first_day).days + 1


@settings(max_examples=20, deadline=None)
@given(cards(date(2025, 1, 1), 90))
def test_through_compute_months_a_spell_never_shortens_with_a_month_of_unemployment(
    entries: dict[date, CardDay],
) -> None:
    # January to March 2025 as drawn, then April with economic temporary unemployment on every
    # working day: the spell after April is at least as long as after March, from the same day
    months = [_month(2025, m, entries) for m in (1, 2, 3)]
    april = month_of(2025, 4, unemployed(working_days(2025, 4, 25), Reason.ECONOMIC))
    *_, march, after = compute_months(worker(), employer(), [*months, april])
    assert _spell_length(after.history_after) >= _spell_length(march.history_after)
    if march.history_after.spell is not None:
        assert after.history_after.spell is not None
        assert after.history_after.spell.first_day == march.history_after.spell.first_day


@settings(max_examples=100, deadline=None)
@given(cards(START, 120), st.integers(0, 119))
def test_more_unemployment_never_ends_a_spell_sooner(
    entries: dict[date, CardDay], offset: int
) -> None:
    # a day turned into economic temporary unemployment: a spell running at the end still runs,
    # starts no later and ends no sooner (a day of temporary unemployment is never a day of work)
    end = START + ONE * 119
    before = follow(entries, START, end).state
    more = entries | {START + ONE * offset: CardDay(TU, Reason.ECONOMIC)}
    after = follow(more, START, end).state
    if before.first_day is not None and before.last_day is not None:
        assert after.first_day is not None and after.last_day is not None
        assert after.first_day <= before.first_day
        assert after.last_day >= before.last_day


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(1, 23), min_size=2, max_size=4),
    st.sampled_from([None, *Region]),
    st.sampled_from(["BE", "FR"]),
    st.booleans(),
)
def test_no_registration_or_application_notice_changes_an_amount(
    counts: list[int], region: Region | None, country: str, changed: bool
) -> None:
    # the same months with and without the new inputs (a region, a country, a payment body
    # changed, a spell and last temporary unemployment given): the same amounts and counters
    months = [
        month_of(2025, 1 + i, unemployed(working_days(2025, 1 + i, n), Reason.ECONOMIC))
        for i, n in enumerate(counts)
    ]
    if country != "BE":
        region = None
    plain = compute_months(worker(), employer(), months)
    last = LastUnemployment(day=date(2024, 12, 2), regime="full_time", weekly_hours=Decimal("30"))
    history = History(
        through=date(2024, 12, 31),
        spell=Spell(first_day=date(2024, 9, 2), last_day=date(2024, 12, 2)),
        last_unemployment=last,
        payment_body_changed=changed,
    )
    varied = compute_months(
        worker(residence_country=country, residence_region=region), employer(), months, history
    )
    for a, b in zip(plain, varied, strict=True):
        assert a.payments == b.payments and a.units == b.units
        assert a.history_after.supplement_units == b.history_after.supplement_units
        assert a.status == b.status
    assert any(n.rule in ("R12", "R13") for r in varied for n in r.notices)


def test_the_facts_the_rule_reads_are_shipped_with_sources() -> None:
    for name in registration.FACTS:
        for version in FACTS.fact(name).versions:
            assert version.sources
    offices = FACTS.value("registration.offices", date(2026, 12, 1))
    assert set(offices) == {region.value for region in Region}
    for entry in offices.values():
        assert set(entry["name"]) == set(entry["region"]) == {"en", "fr", "nl"}
        assert entry["address"].startswith("https://")


def test_a_single_day_ends_within_its_month_after_two_weeks_of_work() -> None:
    # economic on Monday 6 January 2025 only: the other days are ordinary (worked), so the
    # weeks 13-19 and 20-26 January end the spell on Sunday 26 January; none runs at the end
    entry = DayEntry(day=date(2025, 1, 6), status=TU, reason=Reason.ECONOMIC)
    r = compute_month(worker(), employer(), Month(year=2025, month=1, days=[entry]))
    assert r.history_after.spell is None
    reset = r.step("registration.reset")
    assert (reset.values["since"], reset.values["on"]) == (date(2025, 1, 13), date(2025, 1, 26))
    assert r.step("registration.spell").message == "registration.spell.none"


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"residence_region": "brussels"}, "Actiris, the office for the Brussels-Capital Region"),
        ({}, "the office of the region of residence, which is not given"),
        ({"residence_country": "FR"}, "living abroad (FR): no source found says with which office"),
    ],
)
def test_the_passed_step_shows_the_days_counted_to_the_deadline_and_where(
    fields: dict[str, object], where: str
) -> None:
    # every value of the notice is in a step of R12: the spell from 6 January 2025 passes three
    # months on 7 April (the first Monday from 6 April): within 8 days of it, by 15 April; the
    # office (or why none is named) as the notice gives it
    april = first_quarter(**fields)[-1]
    step = april.step("registration.spell")
    assert step.message == "registration.spell.passed"
    assert "within 8 days of 2025-04-07, by 2025-04-15" in step.result
    assert where in step.result
    assert step.values["days"] == 8
