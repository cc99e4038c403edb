"""The public strategies vary the process rules' inputs (issue 10), in valid combinations only,
and ``process=False`` gives the cases of before: every process input at its default."""

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from chomage_rules import ControlCard, Occupation, compute_month
from chomage_rules.case.models import History, ReasonLimitCounters
from chomage_rules.core.calendar import ONE_DAY, months_after
from chomage_rules.testing import (
    RESIDENCE_COUNTRIES,
    Case,
    cases,
    employers,
    histories,
    months,
    process_history,
    workers,
)
from chomage_rules.testing.invariants import without_process_inputs

_FIND = settings(database=None, max_examples=3000, suppress_health_check=list(HealthCheck))


def found(condition: Callable[[Case], bool]) -> Case:
    return find(cases(), condition, settings=_FIND)


@pytest.mark.parametrize("country", RESIDENCE_COUNTRIES)
def test_every_country_of_residence_comes_up(country: str) -> None:
    # Belgium, France (not connected), Germany, the Netherlands, Luxembourg (connected), Spain
    # (on an undated list only) and Switzerland (on no list)
    assert (
        found(lambda c: c.worker.residence_country == country).worker.residence_country == country
    )


def test_a_region_only_for_a_worker_living_in_belgium() -> None:
    case = found(lambda c: c.worker.residence_region is not None)
    assert case.worker.residence_country == "BE"


@pytest.mark.parametrize("occupation", [None, *Occupation])
def test_each_occupation_and_none_come_up(occupation: Occupation | None) -> None:
    assert found(lambda c: c.worker.occupation is occupation).worker.occupation is occupation


@pytest.mark.parametrize("shift", [0, 1])
def test_a_paper_card_issued_on_and_after_the_first_day_of_temporary_unemployment(
    shift: int,
) -> None:
    # the general deadline (R10): in time on that day, late the next
    def around_the_deadline(c: Case) -> bool:
        days = [d.day for d in c.month.days if d.reason is not None]
        issued = c.month.paper_card_issued
        return bool(days) and issued is not None and issued == days[0] + shift * ONE_DAY

    case = found(around_the_deadline)
    assert case.month.control_card is ControlCard.PAPER


def test_a_paper_card_without_its_issue_date_and_a_workshop_come_up() -> None:
    case = found(
        lambda c: c.month.control_card is ControlCard.PAPER and c.month.paper_card_issued is None
    )
    assert case.month.paper_card_issued is None
    assert found(lambda c: c.employer.sheltered_workshop).employer.sheltered_workshop


def test_a_spell_with_weeks_of_work_comes_up() -> None:
    case = found(lambda c: c.history.spell is not None and c.history.spell.work_since is not None)
    spell, last = case.history.spell, case.history.last_unemployment
    assert spell is not None and last is not None and spell.work_since is not None
    assert spell.last_day <= last.day < spell.work_since


@pytest.mark.parametrize("shift", [-1, 0, 1])
def test_the_last_temporary_unemployment_comes_up_on_both_sides_of_three_years(
    shift: int,
) -> None:
    # R13: with L the last day, the month's first day D needs a new application from
    # months_after(L + 1, 36); the histories put D a day before, on and a day after it
    def at(c: Case) -> bool:
        last = c.history.last_unemployment
        if last is None:
            return False
        due = months_after(last.day + ONE_DAY, 36)
        return (c.month.first_day - due).days == shift

    assert found(at).history.last_unemployment is not None


def test_the_week_counters_come_up_at_their_limits() -> None:
    # white-collar: 16 weeks of full suspension counted; blue-collar: a run of 4 full weeks
    white = found(lambda c: c.history.reason_limits.full_weeks == 16)
    assert white.history.through is not None
    assert found(lambda c: c.history.reason_limits.run_full_weeks == 4).history.through


def test_without_the_process_rules_every_input_keeps_its_default() -> None:
    @settings(max_examples=60, database=None)
    @given(cases(process=False))
    def run(case: Case) -> None:
        assert without_process_inputs(case) == case

    run()


def test_each_strategy_takes_process_false() -> None:
    @settings(max_examples=30, database=None)
    @given(
        workers(process=False),
        employers(process=False),
        months(2025, 9, process=False),
        histories(before=date(2025, 9, 1), process=False),
    )
    def run(worker, employer, month, history) -> None:  # type: ignore[no-untyped-def]
        assert (worker.residence_country, worker.residence_region, worker.occupation) == (
            "BE",
            None,
            None,
        )
        assert not employer.sheltered_workshop
        assert (month.control_card, month.paper_card_issued) == (ControlCard.ELECTRONIC, None)
        assert history.spell is None and history.last_unemployment is None
        assert history.reason_limits == ReasonLimitCounters()

    run()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_generated_case_computes_and_explains_itself(case: Case) -> None:
    # valid by construction: the process rules read every input without error, in three languages,
    # and the month leaves a history the next month accepts
    result = compute_month(case.worker, case.employer, case.month, case.history)
    for lang in ("en", "fr", "nl"):
        assert "{" not in result.explain("text", lang)
    assert History.model_validate(result.history_after.model_dump()) == result.history_after


@settings(max_examples=100, database=None)
@given(st.data())
def test_process_history_is_valid_with_its_through(data: st.DataObject) -> None:
    before = date(data.draw(st.integers(2021, 2027)), data.draw(st.integers(2, 9)), 1)
    through = before - ONE_DAY * data.draw(st.sampled_from((1, 1, 30, 200)))
    fields = data.draw(process_history(through, before))
    history = History(through=through, **fields)  # type: ignore[arg-type]
    assert history.through == through


@settings(max_examples=60, database=None)
@given(cases())
def test_without_process_inputs_resets_them_and_nothing_else(case: Case) -> None:
    plain = without_process_inputs(case)
    assert without_process_inputs(plain) == plain
    worker = {k: getattr(case.worker, k) for k in ("residence_country", "residence_region")}
    worker["occupation"] = case.worker.occupation
    assert plain.worker.model_copy(update=worker) == case.worker
    card = {"control_card": case.month.control_card}
    card["paper_card_issued"] = case.month.paper_card_issued
    assert plain.month.model_copy(update=card) == case.month
    workshop = {"sheltered_workshop": case.employer.sheltered_workshop}
    assert plain.employer.model_copy(update=workshop) == case.employer
    kept = ("through", "supplement_units", "cp124_credit_used")
    assert all(getattr(plain.history, k) == getattr(case.history, k) for k in kept)
