"""R8 Payment status: the amounts are always computed; the status says whether they can be paid
(the employer's declaration of hours first, then the control card)."""

import numpy as np
import pytest

from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import PaymentStatus
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


def test_notices() -> None:
    assert payment_status.notices(employer_declared=True, card_submitted=True) == ()
    both = payment_status.notices(employer_declared=False, card_submitted=False)
    assert [n.code for n in both] == [
        "payment.awaiting_employer_declaration",
        "payment.awaiting_control_card",
    ]
    assert "declaration of hours" in both[0].message
    assert "control card is not submitted" in both[1].message
    (card,) = payment_status.notices(employer_declared=True, card_submitted=False)
    assert card.code == "payment.awaiting_control_card"


def test_the_step_names_its_rule_and_sources() -> None:
    (step,) = payment_status.steps(PAYABLE, employer_declared=True, card_submitted=True)
    assert (step.rule, step.sources) == ("R8", payment_status.SOURCES)
