"""R13 A new application by the worker, a new wage declaration by the employer (DRS scenario 2).

Each expected date is derived in a comment. 2026-03-16 is a Monday, 2026-03-17 a Tuesday."""

import json
from datetime import date
from decimal import Decimal

import pytest

from chomage_rules import (
    History,
    LastUnemployment,
    Reason,
    WorkRegime,
    compute_month,
    compute_months,
)
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import application
from chomage_rules.rules.application import Earlier
from tests.helpers import employer, month_of, unemployed, worker, working_days

FACTS = Facts.default()
D = Decimal


def _decide(
    first: date | None,
    earlier: Earlier | None,
    *,
    regime: WorkRegime = WorkRegime.FULL_TIME,
    hours: int = 3800,
    changed: bool = False,
) -> application.Decision:
    return application.decide(
        first,
        earlier,
        regime=regime,
        weekly_hours=hours,
        payment_body_changed=changed,
        facts=FACTS,
    )


# the last temporary unemployment with this employer: Thursday 16 March 2023, full-time, 38 h
LAST = Earlier(date(2023, 3, 16), WorkRegime.FULL_TIME, 3800)


def _keys(phrases: tuple[tuple[str, object], ...]) -> list[str]:
    return [key for key, _ in phrases]


def test_within_three_years_nothing_is_filed_from_three_years_both_are() -> None:
    # three years (36 months) after 16 March 2023 count from the day after: from 17 March 2023
    # they run to 16 March 2026, and 17 March 2026 is the first day beyond them
    covered = _decide(date(2026, 3, 16), LAST)
    assert covered.worker == () and covered.employer == ()
    assert covered.worker_due == covered.employer_due == date(2026, 3, 17)
    lapsed = _decide(date(2026, 3, 17), LAST)
    assert _keys(lapsed.worker) == ["application.why.lapsed"]
    assert _keys(lapsed.employer) == ["application.why.gap"]


def test_the_boundary_through_compute_month() -> None:
    last = LastUnemployment(
        day=date(2023, 3, 16), regime=WorkRegime.FULL_TIME, weekly_hours=D("38")
    )
    history = History(through=date(2026, 2, 28), last_unemployment=last)
    w = worker(weekly_hours=D("38"))

    def march(day: date) -> list[str]:
        r = compute_month(
            w, employer(), month_of(2026, 3, unemployed([day], Reason.ECONOMIC)), history
        )
        return [n.code for n in r.notices if n.rule == "R13"]

    assert march(date(2026, 3, 16)) == []
    assert march(date(2026, 3, 17)) == ["application.worker", "application.wage_declaration"]


def test_the_steps_show_the_dates_compared() -> None:
    steps = application.steps(
        _decide(date(2026, 3, 16), LAST),
        LAST,
        regime=WorkRegime.FULL_TIME,
        weekly_hours=3800,
        facts=FACTS,
    )
    worker_step, employer_step = steps
    assert not worker_step.applies and worker_step.message == "application.worker.covered"
    assert "2023-03-16, less than 3 years before 2026-03-16" in worker_step.formula
    assert "a new application from 2026-03-17" in worker_step.formula
    assert not employer_step.applies
    assert "fewer than 36 months without one before 2026-03-16" in employer_step.formula
    assert "38.00 hours a week" in employer_step.formula
    assert "DRS scenario 2" in employer_step.title


def test_a_change_of_regime_needs_both_a_change_of_hours_the_declaration_only() -> None:
    # full-time to part-time with maintained rights (19 h): the work regime changed (the CSC: a
    # new application; the DRS: the contractual working time changed)
    part_time = _decide(
        date(2025, 6, 2), LAST, regime=WorkRegime.PART_TIME_MAINTAINED_RIGHTS, hours=1900
    )
    assert _keys(part_time.worker) == ["application.why.regime"]
    assert _keys(part_time.employer) == ["application.why.regime", "application.why.hours"]
    # 38 h to 36 h, still full-time: a new declaration only
    hours = _decide(date(2025, 6, 2), LAST, hours=3600)
    assert hours.worker == ()
    assert _keys(hours.employer) == ["application.why.hours"]
    (notice,) = application.notices(hours, FACTS)
    assert notice.code == "application.wage_declaration"
    assert "the weekly hours changed from 38.00 to 36.00" in notice.text("en")
    assert "de 38,00 à 36,00" in notice.text("fr")


def test_a_regime_change_through_compute_month_in_three_languages() -> None:
    last = LastUnemployment(
        day=date(2025, 5, 30), regime=WorkRegime.FULL_TIME, weekly_hours=D("38")
    )
    history = History(through=date(2025, 5, 31), last_unemployment=last)
    w = worker(regime=WorkRegime.PART_TIME_MAINTAINED_RIGHTS, weekly_hours=D("19"))
    june = month_of(2025, 6, unemployed(working_days(2025, 6, 4), Reason.ECONOMIC))
    r = compute_month(w, employer(), june, history)
    (worker_notice,) = [n for n in r.notices if n.code == "application.worker"]
    assert "from full-time to part-time with maintained rights" in worker_notice.text("en")
    assert "de temps plein à temps partiel avec maintien des droits" in worker_notice.text("fr")
    assert "van voltijds naar deeltijds met behoud van rechten" in worker_notice.text("nl")
    # the next month's history keeps the new regime and the last day (2-5 June: 1 June is a Sunday)
    assert r.history_after.last_unemployment == LastUnemployment(
        day=date(2025, 6, 5), regime=WorkRegime.PART_TIME_MAINTAINED_RIGHTS, weekly_hours=D("19")
    )


def test_another_payment_body_needs_a_new_application_only() -> None:
    decision = _decide(date(2025, 6, 2), LAST, changed=True)
    assert _keys(decision.worker) == ["application.why.payment_body"]
    assert decision.employer == ()


def test_the_payment_body_change_is_carried_until_a_month_of_temporary_unemployment() -> None:
    last = LastUnemployment(
        day=date(2025, 4, 30), regime=WorkRegime.FULL_TIME, weekly_hours=D("38")
    )
    history = History(through=date(2025, 4, 30), last_unemployment=last, payment_body_changed=True)
    may, june = (
        month_of(2025, 5),
        month_of(2025, 6, unemployed([date(2025, 6, 2)], Reason.ECONOMIC)),
    )
    quiet, unemployed_again = compute_months(worker(), employer(), [may, june], history)
    assert quiet.history_after.payment_body_changed  # no temporary unemployment in May
    assert quiet.step("application.worker").message == "application.worker.no_days"
    assert [n.code for n in unemployed_again.notices if n.rule == "R13"] == ["application.worker"]
    assert not unemployed_again.history_after.payment_body_changed  # applied in June


def test_the_first_month_ever_needs_both_and_says_none_is_known() -> None:
    june = month_of(2025, 6, unemployed(working_days(2025, 6, 4), Reason.ECONOMIC))
    july = month_of(2025, 7, unemployed(working_days(2025, 7, 4), Reason.ECONOMIC))
    first, second = compute_months(worker(), employer(), [june, july])
    codes = [n.code for n in first.notices if n.rule == "R13"]
    assert codes == ["application.worker", "application.wage_declaration"]
    worker_notice = next(n for n in first.notices if n.code == "application.worker")
    assert "From 2025-06-02" in worker_notice.text("en")  # 1 June 2025 is a Sunday
    assert "no earlier temporary unemployment with this employer is given" in worker_notice.text()
    assert "in the last 3 years while a member of the same payment body" in worker_notice.text()
    assert (
        worker_notice.sources[0].url == "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire"
    )
    # one application covers the whole period: nothing in July
    assert [n for n in second.notices if n.rule == "R13"] == []
    assert second.step("application.worker").message == "application.worker.covered"


def test_a_month_without_temporary_unemployment_checks_nothing() -> None:
    decision = _decide(None, LAST)
    assert decision == application.Decision(None)
    assert application.notices(decision, FACTS) == ()
    steps = application.steps(
        decision, LAST, regime=WorkRegime.FULL_TIME, weekly_hours=3800, facts=FACTS
    )
    assert [s.message for s in steps] == [
        "application.worker.no_days",
        "application.wage_declaration.no_days",
    ]
    assert not any(s.applies for s in steps)


def test_the_notices_are_steps_with_sources_in_json() -> None:
    first = compute_month(
        worker(), employer(), month_of(2025, 6, unemployed([date(2025, 6, 2)], Reason.ECONOMIC))
    )
    for lang in ("en", "fr", "nl"):
        document = json.loads(first.explain("json", lang))
        notices = [n for n in document["notices"] if n["rule"] == "R13"]
        assert [n["code"] for n in notices] == [
            "application.worker",
            "application.wage_declaration",
        ]
        assert all(n["references"] for n in notices)
        steps = {s["id"]: s for s in document["steps"] if s["rule"] == "R13"}
        assert steps["application.worker"]["applies"]
        assert steps["application.wage_declaration"]["applies"]
        cited = {r["number"]: r["url"] for r in document["references"]}
        employer_refs = {cited[n] for n in notices[1]["references"]}
        assert any("socialsecurity.be" in url for url in employer_refs)


@pytest.mark.parametrize("name", application.FACTS)
def test_the_facts_are_shipped_with_sources(name: str) -> None:
    version = FACTS.version(name, date(2026, 12, 1))
    assert version.sources and version.confidence in {"official", "secondary"}
    assert version.value == {"application.same_employer_years": 3}.get(name, 36)
