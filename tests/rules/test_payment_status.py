"""R8 Payment status: the amounts are always computed; the status says whether they can be paid
(the employer's declaration of hours first, then the control card)."""

import dataclasses
from datetime import date

import numpy as np
import pytest

from chomage_rules import Notice
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import ControlCard, PaymentStatus
from chomage_rules.parameters.facts import Facts
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import payment_status
from chomage_rules.rules.payment_status import (
    AWAITING_CONTROL_CARD,
    AWAITING_EMPLOYER_DECLARATION,
    PAYABLE,
)

CASES = [
    # (declaration in, card submitted, status)
    (True, True, PAYABLE),
    (False, True, AWAITING_EMPLOYER_DECLARATION),
    (True, False, AWAITING_CONTROL_CARD),
    (False, False, AWAITING_EMPLOYER_DECLARATION),  # the declaration is reported first
]


@pytest.mark.parametrize(("declared", "card", "expected"), CASES)
def test_status(declared: bool, card: bool, expected: int) -> None:
    code = payment_status.compute(SCALAR, employer_declared=declared, card_submitted=card)
    assert code == expected


def test_codes_and_statuses() -> None:
    assert (PAYABLE, AWAITING_EMPLOYER_DECLARATION, AWAITING_CONTROL_CARD) == (0, 1, 2)
    assert payment_status.STATUS_OF_CODE == {
        0: PaymentStatus.PAYABLE,
        1: PaymentStatus.AWAITING_EMPLOYER_DECLARATION,
        2: PaymentStatus.AWAITING_CONTROL_CARD,
    }


def test_status_on_columns() -> None:
    declared = np.array([c[0] for c in CASES])
    card = np.array([c[1] for c in CASES])
    column = payment_status.compute(NUMPY, employer_declared=declared, card_submitted=card)
    scalars = [
        payment_status.compute(SCALAR, employer_declared=d, card_submitted=c) for d, c, _ in CASES
    ]
    assert column.tolist() == scalars == [c[2] for c in CASES]


def status_step(declared: bool, card: bool) -> tuple[str, str]:
    code = payment_status.compute(SCALAR, employer_declared=declared, card_submitted=card)
    (step,) = payment_status.steps(code, employer_declared=declared, card_submitted=card)
    assert (step.id, step.rule, step.applies) == ("payment.status", "R8", True)
    return step.formula, step.result


def test_step_payable() -> None:
    formula, result = status_step(True, True)
    assert formula == "employer's declaration of hours: in; control card: submitted"
    assert result.startswith("payable; ")


def test_step_awaiting_the_card() -> None:
    formula, result = status_step(True, False)
    assert formula == "employer's declaration of hours: in; control card: not submitted"
    assert result.startswith("awaiting the control card; ")


def test_step_awaiting_the_declaration() -> None:
    formula, result = status_step(False, False)
    assert formula == "employer's declaration of hours: not in; control card: not submitted"
    assert result.startswith("awaiting the employer's declaration")
    assert "computed either way" in result


def held(declared: bool, card: bool, kind: ControlCard = ControlCard.ELECTRONIC) -> list[Notice]:
    """The notices of June 2025 for a declaration in or not and a card submitted or not."""
    t = payment_status.timing(Facts.default(), date(2025, 6, 1))
    return list(
        payment_status.notices(t, employer_declared=declared, card_submitted=card, card=kind)
    )


def test_notices() -> None:
    assert held(True, True) == []
    both = held(False, False)
    assert [n.code for n in both] == [
        "payment.awaiting_employer_declaration",
        "payment.awaiting_control_card",
    ]
    assert "declaration of hours" in both[0].message
    assert "control card is not submitted" in both[1].message
    (card,) = held(True, False)
    assert card.code == "payment.awaiting_control_card"


def test_the_step_names_its_rule_and_sources() -> None:
    (step,) = payment_status.steps(PAYABLE, employer_declared=True, card_submitted=True)
    assert (step.rule, step.sources) == ("R8", payment_status.SOURCES)


# --------------------------------------------------------------------------- timing (issue 10)

CSC = "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire"


def test_the_facts_of_the_timing_are_the_unions_faq_marked_secondary() -> None:
    facts = Facts.default()
    on = date(2025, 6, 1)
    assert facts.value("payment.declaration_from_day", on) == 1  # « au début du mois suivant »
    assert facts.value("payment.usual_payment_day", on) == 10  # « le 10e jour du mois »
    assert dict(facts.value("payment.later_payment_weeks", on)) == {"first": 2, "last": 3}  # type: ignore[call-overload]
    for name in payment_status.FACTS[:4]:
        version = facts.version(name, on)
        assert version.confidence == "secondary", name
        assert version.sources[0].url == CSC and version.sources[0].quote, name
    # no official payment day exists in the sources: the fact says so
    assert "no official payment day" in (
        facts.version("payment.usual_payment_day", on).caveat or ""
    )


@pytest.mark.parametrize(
    ("first_day", "declaration", "payment"),
    [
        # June 2025: declared from the 1st of July, paid around the 10th of July
        (date(2025, 6, 1), date(2025, 7, 1), date(2025, 7, 10)),
        # December: the next month is January of the next year
        (date(2025, 12, 1), date(2026, 1, 1), date(2026, 1, 10)),
        # January: February, not the 1st + 31 days
        (date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 10)),
    ],
)
def test_the_dates_of_the_month_are_in_the_next_month(
    first_day: date, declaration: date, payment: date
) -> None:
    t = payment_status.timing(Facts.default(), first_day)
    assert (t.declaration_from, t.payment_around, t.later_weeks) == (declaration, payment, (2, 3))
    assert (t.contact, t.card_at) == ("onem_local_office", "month_end")


def test_the_timing_step_shows_the_dates_and_how_sure_they_are() -> None:
    (step,), notices = payment_status.explain_timing(
        Facts.default(),
        first_day=date(2025, 6, 1),
        employer_declared=True,
        card_submitted=True,
        card=ControlCard.ELECTRONIC,
    )
    assert (step.id, step.rule, step.applies, step.message) == (
        "payment.timing",
        "R8",
        True,
        "payment.timing.payable",
    )
    assert notices == ()
    assert step.formula == (
        "employer's declaration of hours for 2025-06: from 2025-07-01; control card: at the end "
        "of the month; the payment body pays once both are in: around 2025-07-10 (one payment "
        "body's practice, secondary source), later payments in weeks 2 and 3 of the month"
    )
    assert step.result == "both are in: paid around 2025-07-10"
    assert CSC in {s.url for s in step.sources}
    french = step.text("fr")
    assert "10/07/2025" in french.formula and "source secondaire" in french.formula


@pytest.mark.parametrize(
    ("declared", "card", "status"),
    [
        (False, True, "awaiting the employer's declaration of hours"),
        (True, False, "awaiting the control card"),
        (False, False, "awaiting the employer's declaration of hours"),  # reported first
    ],
)
def test_a_held_month_says_what_holds_it_in_the_timing_step(
    declared: bool, card: bool, status: str
) -> None:
    (step,), _ = payment_status.explain_timing(
        Facts.default(),
        first_day=date(2025, 6, 1),
        employer_declared=declared,
        card_submitted=card,
        card=ControlCard.ELECTRONIC,
    )
    assert step.message == "payment.timing.held"
    assert step.result == f"{status}: paid once it is in, around 2025-07-10 at the earliest"


def test_the_declaration_notice_says_when_and_what_the_worker_can_do() -> None:
    (notice,) = held(False, True)
    assert (notice.code, notice.rule) == ("payment.awaiting_employer_declaration", "R8")
    assert notice.message == (
        "Not payable yet: the employer's monthly declaration of hours (DRS scenario 5) for "
        "2025-06 is not in. The employer can send it from 2025-07-01, at the start of the next "
        "month; the payment body pays once it and the control card are in, usually around "
        "2025-07-10. If the employer does not declare, the worker can contact the local ONEM "
        "office, which can check the situation and instruct the employer."
    )
    assert "bureau de chômage local de l'ONEM" in notice.text("fr")
    assert "werkloosheidsbureau van de RVA" in notice.text("nl")
    titles = {s.title for s in notice.sources}
    assert any("Que se passe-t-il si mon employeur refuse" in t for t in titles)
    assert payment_status.SOURCES[0] in notice.sources


def test_the_card_notice_says_how_to_submit_each_card() -> None:
    (electronic,) = held(True, False)
    (paper,) = held(True, False, ControlCard.PAPER)
    assert electronic.rule == paper.rule == "R8"
    assert "by sending the eC3.2 in its app at the end of the month" in electronic.message
    assert "by handing in the signed original paper card (C3.2A) at the end of the month" in (
        paper.message
    )
    assert "usually around 2025-07-10" in paper.message
    assert (
        "https://www.onem.be/page/chomage-temporaire---la-carte-de-controle-electronique-ec3.2"
        in {s.url for s in electronic.sources}
    )


def test_a_payment_day_the_rule_cannot_place_is_a_fault_of_the_facts_file() -> None:
    facts = Facts.default()
    version = facts.version("payment.usual_payment_day", date(2025, 6, 1))
    fault = dataclasses.replace(version, value=31)  # not every month has a 31st
    fact = dataclasses.replace(facts.fact("payment.usual_payment_day"), versions=(fault,))
    broken = Facts({**{n: facts.fact(n) for n in facts.names()}, fact.name: fact})
    with pytest.raises(ValueError, match=r"payment\.usual_payment_day: a day of the month"):
        payment_status.timing(broken, date(2025, 6, 1))
