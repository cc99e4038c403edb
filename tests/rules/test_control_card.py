"""R10 Control card: the electronic eC3.2 from 2025-01-01, paper by derogation until 2025-06-30 or
in sheltered workshops, a paper card in the worker's hands in time; notices, never errors, for a
card outside the rules; bad input refused in words. Every date is tested on both of its sides."""

from __future__ import annotations

import calendar
import dataclasses
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import (
    ControlCard,
    Employer,
    Month,
    MonthResult,
    Notice,
    Reason,
    Step,
    compute_month,
)
from chomage_rules.core.ops import SCALAR
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import control_card, payment_status
from chomage_rules.testing import Case, cases
from tests.helpers import NISS, employer, month_of, unemployed, worker

PAPER, ELECTRONIC = ControlCard.PAPER, ControlCard.ELECTRONIC
FACTS = Facts.default()


def explain(
    first_day: date,
    card: ControlCard = PAPER,
    *,
    issued: date | None = None,
    first_unemployment_day: date | None = None,
    joint_committee: str = "200",
    workshop: bool = False,
) -> tuple[dict[str, Step], dict[str, Notice]]:
    """R10's steps and notices for a month, by id and by code."""
    steps, notices = control_card.explain(
        FACTS,
        first_day=first_day,
        card=card,
        issued=issued,
        first_unemployment_day=first_unemployment_day,
        joint_committee=joint_committee,
        workshop=workshop,
    )
    assert [s.id for s in steps] == ["control_card.kind", "control_card.issued"]
    by_code = {n.code: n for n in notices}
    assert len(by_code) == len(notices)
    return {s.id: s for s in steps}, by_code


def kind(first_day: date, card: ControlCard = PAPER, **more: Any) -> tuple[Step, set[str]]:
    steps, notices = explain(
        first_day, card, issued=first_day, first_unemployment_day=first_day, **more
    )
    return steps["control_card.kind"], set(notices)


# --------------------------------------------------------------------------- the facts


def test_the_facts_of_the_card() -> None:
    f = control_card.read_facts(FACTS, date(2025, 6, 1))
    assert (f.electronic_from, f.paper_until) == (date(2025, 1, 1), date(2025, 6, 30))
    assert f.extension_until == date(2025, 12, 31)
    assert f.kept_by == ("sheltered_workshop", "social_workshop", "adapted_work_company")
    assert f.required_from == date(2023, 1, 1)
    assert f.in_hands_by == "first_unemployment_day"
    assert (f.construction_committees, f.construction_in_hands_by) == (("124",), "before_month")
    # how sure: the E74 sheet is official, the extension a federation's magazine, the reading
    # of « à partir du premier jour du mois » as "before the month" is derived and says how
    assert f.versions["control_card.paper_choice_kept_by"].confidence == "official"
    assert f.versions["control_card.paper_extension_possible_until"].confidence == "secondary"
    construction = f.versions["control_card.paper_in_hands_by_construction"]
    assert construction.confidence == "derived" and "before the month starts" in (
        construction.note or ""
    )
    urls = {s.url for s in f.versions["control_card.paper_choice_kept_by"].sources}
    assert any("onem.be" in u for u in urls) and any("rtl.be" in u for u in urls)
    assert any("besox.be" in u for u in urls)


def test_a_deadline_the_rule_does_not_know_is_a_fault_of_the_facts_file() -> None:
    name = "control_card.paper_in_hands_by"
    fact = FACTS.fact(name)
    fault = dataclasses.replace(fact.versions[0], value="first_monday")
    broken = Facts(
        {
            **{n: FACTS.fact(n) for n in FACTS.names()},
            name: dataclasses.replace(fact, versions=(fault,)),
        }
    )
    with pytest.raises(ValueError, match=r"control_card\.paper_in_hands_by: unknown deadline"):
        control_card.read_facts(broken, date(2025, 6, 1))


# --------------------------------------------------------------------------- which card


def test_electronic_before_and_from_2025_01_01() -> None:
    # 2024-12: before the obligation, either card; 2025-01: the card the rules require
    december, notices = kind(date(2024, 12, 1), ELECTRONIC)
    assert (december.message, december.applies, notices) == (
        "control_card.kind.electronic.optional",
        False,
        set(),
    )
    january, notices = kind(date(2025, 1, 1), ELECTRONIC)
    assert (january.message, january.applies, notices) == (
        "control_card.kind.electronic.mandatory",
        True,
        set(),
    )
    assert january.result == "the card the rules require from 2025-01-01"


def test_paper_in_2024_12_is_allowed_and_in_2025_01_needs_the_derogation() -> None:
    december, notices = kind(date(2024, 12, 1))
    assert december.message == "control_card.kind.paper.before" and not december.applies
    assert notices == set()
    january, notices = kind(date(2025, 1, 1))
    assert january.message == "control_card.kind.paper.transition" and january.applies
    assert notices == {"control_card.paper_needs_derogation"}


def test_paper_in_2025_06_needs_the_derogation_and_in_2025_07_is_outside_the_rules() -> None:
    # « une période transitoire est prévue jusqu'au 30.06.2025 inclus »: June 2025 is its last
    # month (a card of 30 June is in it), July its first month after (a card of 1 July is not)
    june, notices = kind(date(2025, 6, 1))
    assert june.message == "control_card.kind.paper.transition"
    assert notices == {"control_card.paper_needs_derogation"}
    july, notices = kind(date(2025, 7, 1))
    assert july.message == "control_card.kind.paper.outside_unconfirmed"  # to 2025-12
    assert notices == {
        "control_card.paper_outside_rules",
        "control_card.transition_extension_unconfirmed",
    }
    assert july.formula == (
        "card: paper (C3.2A); month from 2025-07-01; electronic card mandatory from 2025-01-01, "
        "paper on request until 2025-06-30; keeps the choice of paper (sheltered workshop, social "
        "workshop, adapted-work company): no"
    )


def test_the_extension_nobody_confirmed_is_mentioned_through_2025_12_only() -> None:
    # Embuild: « kan nog eenmaal verlengd worden tot eind 2025 »: 2025-12 could be covered,
    # 2026-01 cannot
    _, december = kind(date(2025, 12, 1))
    assert "control_card.transition_extension_unconfirmed" in december
    _, january = kind(date(2026, 1, 1))
    assert january == {"control_card.paper_outside_rules"}


def test_a_workshop_keeps_the_choice_of_paper() -> None:
    for first_day in (date(2025, 1, 1), date(2025, 7, 1), date(2026, 12, 1)):
        step, notices = kind(first_day, workshop=True)
        assert step.message == "control_card.kind.paper.workshop" and not step.applies
        assert notices == set()
        assert step.formula.endswith("adapted-work company): yes")
        # the same month, not a workshop: a notice
        _, other = kind(first_day, workshop=False)
        assert other & {"control_card.paper_needs_derogation", "control_card.paper_outside_rules"}


def test_the_kind_notices_in_words_with_their_sources() -> None:
    _, notices = explain(
        date(2025, 3, 1), issued=date(2025, 3, 3), first_unemployment_day=date(2025, 3, 3)
    )
    derogation = notices["control_card.paper_needs_derogation"]
    assert derogation.rule == "R10"
    assert derogation.message == (
        "A paper control card (C3.2A) for 2025-03: the electronic card (eC3.2) is mandatory from "
        "2025-01-01, and until 2025-06-30 paper was allowed only if the employer or the worker "
        "asked to keep it. Check that this derogation was asked for; the payment body decides."
    )
    assert any("E74" in s.title for s in derogation.sources)
    _, notices = explain(
        date(2025, 7, 1), issued=date(2025, 7, 1), first_unemployment_day=date(2025, 7, 1)
    )
    outside = notices["control_card.paper_outside_rules"]
    assert "only sheltered and social workshops and adapted-work companies" in outside.message
    assert any("rtl.be" in s.url for s in outside.sources)
    extension = notices["control_card.transition_extension_unconfirmed"]
    assert "until 2025-12-31; no source found says it did" in extension.message
    assert [s.title for s in extension.sources] == ["Embuild magazine, February 2025"]
    assert "ateliers protégés" in outside.text("fr") and "maatwerkbedrijven" in outside.text("nl")


# --------------------------------------------------------------------------- when it was issued


def issued_step(first_day: date, **more: Any) -> tuple[Step, dict[str, Notice]]:
    steps, notices = explain(first_day, **more)
    issue = {code: n for code, n in notices.items() if code.startswith("control_card.paper_issue")}
    return steps["control_card.issued"], issue


def test_issued_on_the_first_day_of_unemployment_is_in_time_the_day_after_late() -> None:
    # « au plus tard le premier jour de chômage de chaque mois »: first day 2025-03-05
    first = date(2025, 3, 5)
    step, notices = issued_step(date(2025, 3, 1), issued=first, first_unemployment_day=first)
    assert (step.message, step.applies, notices) == ("control_card.issued.in_time", True, {})
    assert step.formula == (
        "card: paper (C3.2A); issued 2025-03-05; due in the worker's hands by the first day of "
        "temporary unemployment of the month, 2025-03-05"
    )
    step, notices = issued_step(
        date(2025, 3, 1), issued=date(2025, 3, 6), first_unemployment_day=first
    )
    assert (step.message, step.result) == ("control_card.issued.late", "late by 1 day(s)")
    late = notices["control_card.paper_issued_late"]
    assert late.message == (
        "The paper control card (C3.2A) for 2025-03 was issued on 2025-03-06, after the first day "
        "of temporary unemployment of the month, 2025-03-05, by which it must be in the worker's "
        "hands. The payment body decides."
    )
    assert late.rule == "R10" and any("Easypay" in s.title for s in late.sources)


def test_construction_issued_the_day_before_the_month_is_in_time_on_the_first_late() -> None:
    # joint committee 124: the card is held from the first day of the month, whether or not
    # there is unemployment; in the worker's hands before the month starts (by 2025-02-28)
    step, notices = issued_step(
        date(2025, 3, 1),
        issued=date(2025, 2, 28),
        first_unemployment_day=date(2025, 3, 10),
        joint_committee="124",
    )
    assert (step.message, notices) == ("control_card.issued.in_time", {})
    assert step.formula.endswith(
        "due in the worker's hands by the day before the month starts, 2025-02-28 "
        "(construction, joint committee 124)"
    )
    step, notices = issued_step(
        date(2025, 3, 1),
        issued=date(2025, 3, 1),
        first_unemployment_day=date(2025, 3, 10),
        joint_committee="124",
    )
    assert (step.message, step.result) == ("control_card.issued.late", "late by 1 day(s)")
    assert set(notices) == {"control_card.paper_issued_late"}
    # the same dates outside construction: 2025-03-01 is before the first day of unemployment
    step, notices = issued_step(
        date(2025, 3, 1), issued=date(2025, 3, 1), first_unemployment_day=date(2025, 3, 10)
    )
    assert (step.message, notices) == ("control_card.issued.in_time", {})


def test_a_paper_card_without_its_issue_date_cannot_be_checked() -> None:
    step, notices = issued_step(date(2025, 3, 1), first_unemployment_day=date(2025, 3, 5))
    assert (step.message, step.applies) == ("control_card.issued.missing", True)
    (missing,) = notices.values()
    assert missing.message == (
        "A paper control card (C3.2A) for 2025-03 without its issue date: whether it was in the "
        "worker's hands by the first day of temporary unemployment of the month, 2025-03-05, cannot "
        "be checked; give the day it was issued."
    )


def test_a_month_without_unemployment_has_no_day_to_compare_outside_construction() -> None:
    step, notices = issued_step(date(2025, 3, 1))
    assert (step.message, step.applies, notices) == (
        "control_card.issued.no_unemployment",
        False,
        {},
    )
    # in construction the card is due before the month whether or not there is unemployment
    step, notices = issued_step(date(2025, 3, 1), joint_committee="124")
    assert step.message == "control_card.issued.missing"
    assert set(notices) == {"control_card.paper_issue_date_missing"}


def test_the_issue_date_is_checked_from_2023_01_01() -> None:
    # the numbered card came back on 2023-01-01 (CAPAC); before, the COVID measures waived it
    late = {"issued": date(2022, 12, 9), "first_unemployment_day": date(2022, 12, 5)}
    step, notices = issued_step(date(2022, 12, 1), **late)
    assert (step.message, step.applies, notices) == ("control_card.issued.not_checked", False, {})
    assert "not checked before 2023-01-01" in step.result
    late = {"issued": date(2023, 1, 9), "first_unemployment_day": date(2023, 1, 5)}
    step, notices = issued_step(date(2023, 1, 1), **late)
    assert step.message == "control_card.issued.late" and set(notices) == {
        "control_card.paper_issued_late"
    }


def test_an_electronic_card_has_no_issue_date_to_check() -> None:
    step, notices = issued_step(
        date(2025, 3, 1), card=ELECTRONIC, first_unemployment_day=date(2025, 3, 5)
    )
    assert (step.message, step.applies, notices, step.sources) == (
        "control_card.issued.electronic",
        False,
        {},
        (),
    )


# --------------------------------------------------------------------------- the input


def month(**fields: Any) -> Month:
    return Month(year=2025, month=6, **fields)


def test_the_defaults_keep_every_caller_working() -> None:
    assert month().control_card is ELECTRONIC and month().paper_card_issued is None
    assert employer().sheltered_workshop is False
    # an existing month: no notice of R10, its two steps say why
    r = compute_month(
        worker(), employer(), month_of(2024, 6, unemployed([date(2024, 6, 3)], Reason.ECONOMIC))
    )
    assert not [n for n in r.notices if n.rule == "R10"]
    assert [s.message for s in r.steps if s.rule == "R10"] == [
        "control_card.kind.electronic.optional",
        "control_card.issued.electronic",
    ]


def test_a_paper_card_round_trips_through_json() -> None:
    m = month(control_card="paper", paper_card_issued="2025-05-30")
    assert m.control_card is PAPER and m.paper_card_issued == date(2025, 5, 30)
    assert Month.model_validate_json(m.model_dump_json()) == m
    # long before the month is not refused: no source bounds it (the step shows the date)
    assert month(control_card="paper", paper_card_issued="2024-01-02").paper_card_issued


def refused(**fields: Any) -> tuple[tuple[str | int, ...], str]:
    with pytest.raises(ValidationError) as raised:
        month(**fields)
    (error,) = raised.value.errors()
    return error["loc"], error["msg"]


def test_an_issue_date_with_an_electronic_card_is_refused() -> None:
    loc, message = refused(paper_card_issued="2025-06-02")
    assert loc == ("paper_card_issued",)
    assert message == (
        "the issue date is for a paper control card (C3.2A) only; this month's card is "
        "electronic (eC3.2): leave paper_card_issued out or give control_card 'paper'"
    )


def test_an_issue_date_after_the_month_is_refused_the_last_day_is_not() -> None:
    assert month(control_card="paper", paper_card_issued="2025-06-30").paper_card_issued
    loc, message = refused(control_card="paper", paper_card_issued="2025-07-01")
    assert loc == ("paper_card_issued",)
    assert message == (
        "the paper card is said to be issued on 2025-07-01, after the month 2025-06 it is for: "
        "a month's card is issued before the month ends"
    )


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"control_card": "papier"}, "control_card", "not 'papier'"),
        ({"control_card": 1}, "control_card", "not a number"),
        ({"control_card": True}, "control_card", "not a yes/no value"),
        ({"control_card": None}, "control_card", "not nothing"),
        (
            {"control_card": "paper", "paper_card_issued": 20250601},
            "paper_card_issued",
            "a number is not taken for a date",
        ),
        (
            {"control_card": "paper", "paper_card_issued": "1/6/2025"},
            "paper_card_issued",
            "in the form 2024-01-08",
        ),
    ],
)
def test_a_wrong_type_is_refused_naming_the_field(
    fields: dict[str, Any], field: str, words: str
) -> None:
    loc, message = refused(**fields)
    assert loc == (field,) and words in message


def test_a_national_number_typed_as_the_card_is_not_repeated() -> None:
    loc, message = refused(control_card=NISS)
    assert loc == ("control_card",) and NISS not in message and "**.**.**-***.28" in message


def test_given_as_json_the_error_names_the_argument_and_the_field() -> None:
    given = {"year": 2025, "month": 6, "control_card": "paper", "paper_card_issued": "2025-07-01"}
    with pytest.raises(ValidationError) as raised:
        compute_month(worker(), employer().model_dump(), given)
    assert [e["loc"] for e in raised.value.errors()] == [("month", "paper_card_issued")]


def test_the_workshop_flag_takes_a_yes_or_no_only() -> None:
    with pytest.raises(ValidationError) as raised:
        employer(sheltered_workshop="yes")
    assert raised.value.errors()[0]["loc"] == ("sheltered_workshop",)


# --------------------------------------------------------------------------- in compute_month


def paper_month(
    year: int, month_number: int, day: int, issued: date | None, **fields: Any
) -> Month:
    days = unemployed([date(year, month_number, day)], Reason.ECONOMIC)
    return month_of(
        year, month_number, days, control_card="paper", paper_card_issued=issued, **fields
    )


def r10(result: MonthResult) -> set[str]:
    return {n.code for n in result.notices if n.rule == "R10"}


def test_a_paper_card_on_2025_06_30_and_on_2025_07_01() -> None:
    # the issue's pair: June's card in the transition, July's after it; both issued in time
    june = compute_month(worker(), employer(), paper_month(2025, 6, 30, date(2025, 6, 30)))
    july = compute_month(worker(), employer(), paper_month(2025, 7, 1, date(2025, 7, 1)))
    assert r10(june) == {"control_card.paper_needs_derogation"}
    assert r10(july) == {
        "control_card.paper_outside_rules",
        "control_card.transition_extension_unconfirmed",
    }
    # a notice, never an error: the amounts are computed and the status is the paperwork's
    assert june.gross_allowance > 0 and july.gross_allowance > 0
    assert str(june.status) == str(july.status) == "payable"


def test_every_notice_of_the_rule_has_a_step_of_the_rule_with_its_values() -> None:
    result = compute_month(worker(), employer("124"), paper_month(2025, 9, 1, date(2025, 9, 1)))
    assert r10(result) == {
        "control_card.paper_outside_rules",
        "control_card.transition_extension_unconfirmed",
        "control_card.paper_issued_late",
    }
    steps = {s.id: s for s in result.steps if s.rule == "R10"}
    assert "2025-06-30" in steps["control_card.kind"].formula  # the transition's end, compared
    assert "2025-08-31" in steps["control_card.issued"].formula  # construction: before the month
    for notice in result.notices:
        if notice.rule == "R10":
            assert notice.sources


def test_the_json_lists_each_notice_with_its_rule_and_references() -> None:
    result = compute_month(worker(), employer(), paper_month(2025, 3, 3, None))
    document = json.loads(result.explain("json", "nl"))
    notices = {n["code"]: n for n in document["notices"]}
    missing = notices["control_card.paper_issue_date_missing"]
    assert missing["rule"] == "R10" and missing["references"]
    assert "zonder datum van afgifte" in missing["message"]
    references = {r["number"]: r for r in document["references"]}
    cited = [references[number] for number in missing["references"]]
    assert any("onem.be/actualites/2023/09/01" in r["url"] for r in cited)
    steps = [s for s in document["steps"] if s["id"].startswith("control_card.")]
    assert [s["id"] for s in steps] == ["control_card.kind", "control_card.issued"]


# --------------------------------------------------------------------------- invariants


EDGES = [(2022, 12), (2023, 1), (2024, 12), (2025, 1), (2025, 6), (2025, 7), (2025, 12), (2026, 1)]
"""The months on both sides of each date of R10 (the numbered card back, the electronic card
mandatory, the transition's end, the extension nobody confirmed)."""


def outcome(r: MonthResult) -> dict[str, Any]:
    """Every amount, unit, counter and the status of a result (what no notice may move)."""
    return {
        "units": dict(r.units),
        "daily": dict(r.daily_amounts),
        "lines": [
            (x.rate_parameter, x.reasons, x.units, x.daily_amount, x.amount)
            for x in r.allowance_lines
        ],
        "amounts": [getattr(r, name) for name in AMOUNT_FIELDS],
        "payments": [(p.payer, p.gross, p.withholding, p.net) for p in r.payments],
        "after": r.history_after,
    }


AMOUNT_FIELDS = (
    "gross_allowance",
    "sector_top_up",
    "employer_supplement",
    "supplement_units_paid",
    "construction_units_paid",
    "payment_body_withholding",
    "employer_withholding",
    "sector_fund_withholding",
    "withholding",
    "net_total",
)


@st.composite
def varied(draw: st.DrawFn) -> tuple[Case, Month, Employer]:
    """A generated case (half the time in a month at an edge of R10), and the same month and
    employer with another card, issue date and workshop flag."""
    edge = draw(st.sampled_from([None, *EDGES]))
    case = draw(cases() if edge is None else cases(year=edge[0], month=edge[1]))
    first = case.month.first_day
    last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    card = draw(st.sampled_from(ControlCard))
    issued = None
    if card is PAPER:
        issued = draw(st.none() | st.dates(first - timedelta(days=45), last))
    month = Month.model_validate(
        {**case.month.model_dump(), "control_card": card, "paper_card_issued": issued}
    )
    workshop = draw(st.booleans())
    return (
        case,
        month,
        Employer.model_validate({**case.employer.model_dump(), "sheltered_workshop": workshop}),
    )


@given(varied())
@settings(max_examples=150)
def test_the_card_and_the_workshop_never_change_an_amount_or_the_status(
    drawn: tuple[Case, Month, Employer],
) -> None:
    case, month, other_employer = drawn
    base = compute_month(case.worker, case.employer, case.month, case.history)
    other = compute_month(case.worker, other_employer, month, case.history)
    assert outcome(other) == outcome(base)
    assert other.status == base.status
    # and the steps of the money (every step before the process rules) are the same
    money = [s for s in base.steps if s.rule not in ("R10",) and s.id != "payment.timing"]
    assert [s for s in other.steps if s.rule not in ("R10",) and s.id != "payment.timing"] == money


@given(varied(), st.booleans(), st.booleans())
@settings(max_examples=100)
def test_the_paperwork_moves_the_status_as_r8_says_and_never_an_amount(
    drawn: tuple[Case, Month, Employer], declared: bool, submitted: bool
) -> None:
    case, month, other_employer = drawn
    month = Month.model_validate(
        {**month.model_dump(), "employer_declared": declared, "card_submitted": submitted}
    )
    base = compute_month(case.worker, case.employer, case.month, case.history)
    other = compute_month(case.worker, other_employer, month, case.history)
    assert outcome(other) == outcome(base)
    code = payment_status.compute(SCALAR, declared, submitted)
    assert other.status == payment_status.STATUS_OF_CODE[int(code)]
    # one notice of R8 for each thing that holds the payment, each saying when and with sources
    held = [n for n in other.notices if n.rule == "R8"]
    assert len(held) == (not declared) + (not submitted)
    assert other.step("payment.timing").rule == "R8"
    for notice in other.notices:
        if notice.rule in ("R8", "R10"):
            assert notice.sources
            # a step of the same rule shows the values behind it
            assert any(s.rule == notice.rule for s in other.steps)
            for lang in ("en", "fr", "nl"):
                assert "{" not in notice.text(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(("month", "extension"), [((2025, 12), "2025-12-31"), ((2026, 1), None)])
def test_the_kind_step_shows_the_unconfirmed_extension_while_it_could_apply(
    month: tuple[int, int], extension: str | None
) -> None:
    # control_card.transition_extension_unconfirmed names 31 December 2025: the step of R10
    # shows that date too in the months it could cover (to December 2025), not after
    first = date(*month, 1)
    result = compute_month(
        worker(),
        employer(),
        month_of(
            *month, unemployed([first + timedelta(days=4)], Reason.ECONOMIC), control_card="paper"
        ),
    )
    step = result.step("control_card.kind")
    codes = [n.code for n in result.notices]
    assert ("control_card.transition_extension_unconfirmed" in codes) is (extension is not None)
    if extension is None:
        assert step.message == "control_card.kind.paper.outside"
    else:
        assert step.message == "control_card.kind.paper.outside_unconfirmed"
        assert f"extension to {extension}" in step.result
