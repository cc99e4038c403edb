"""R8 Payment status: whether the computed amounts can be paid yet.

Source (union FAQ, CSC, "Quand vais-je être payé?", https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « Votre employeur doit communiquer chaque mois à l'ONEM le nombre d'heures de chômage
      temporaire […] Nous ne pouvons payer vos allocations qu'après avoir reçu ces données. »

and ONEM T79 (https://www.onem.be/citoyens/chomage-temporaire/a-quelle-reglementation-etes-vous-soumis-si-vous-etes-chomeur-temporaire-dans-le-secteur-de-la-construction-):
the payment institution computes the allowances from the control card **and** the employer's
monthly declaration of hours (DRS scenario 5).

Rulebook R8: amounts are always computed (what-if needs them); the status only says whether they
can be paid. The employer's declaration is reported first: until it is in, the hours (hence the
units) are not known.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.ops import Flag, Num, Ops
from ..core.sources import LegalSource
from ..core.vocabulary import PaymentStatus
from ..explain.step import Notice, Step

__all__ = [
    "AWAITING_CONTROL_CARD",
    "AWAITING_EMPLOYER_DECLARATION",
    "DRS_SCENARIO",
    "NOTICES",
    "PARAMETERS",
    "PAYABLE",
    "RULE",
    "SOURCES",
    "STATUS_OF_CODE",
    "STEPS",
    "compute",
    "notices",
    "steps",
]

RULE = "R8"

STEPS: tuple[str, ...] = ("payment.status",)
NOTICES: tuple[str, ...] = (
    "payment.awaiting_employer_declaration",
    "payment.awaiting_control_card",
)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): Quand vais-je être payé?",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "ONEM T79, chômeur temporaire dans le secteur de la construction",
        "https://www.onem.be/citoyens/chomage-temporaire/a-quelle-reglementation-etes-vous-soumis-si-vous-etes-chomeur-temporaire-dans-le-secteur-de-la-construction-",
    ),
)

PARAMETERS: tuple[str, ...] = ()

DRS_SCENARIO = 5
"""The employer's monthly declaration of the hours of temporary unemployment is scenario 5 of
the DRS (déclaration des risques sociaux / aangifte sociale risico's)."""

PAYABLE = 0
AWAITING_EMPLOYER_DECLARATION = 1
AWAITING_CONTROL_CARD = 2
STATUS_OF_CODE: Mapping[int, PaymentStatus] = {
    PAYABLE: PaymentStatus.PAYABLE,
    AWAITING_EMPLOYER_DECLARATION: PaymentStatus.AWAITING_EMPLOYER_DECLARATION,
    AWAITING_CONTROL_CARD: PaymentStatus.AWAITING_CONTROL_CARD,
}
"""The status of each code (codes are what the rule computes, one value or a column)."""


def compute(ops: Ops, employer_declared: Flag, card_submitted: Flag) -> Num:
    """The status code: awaiting the declaration, else awaiting the card, else payable."""
    return ops.where(
        employer_declared,
        ops.where(card_submitted, PAYABLE, AWAITING_CONTROL_CARD),
        AWAITING_EMPLOYER_DECLARATION,
    )


def steps(code: Num, *, employer_declared: bool, card_submitted: bool) -> tuple[Step, ...]:
    """``payment.status``: what is in and what is not, and the status."""
    values = {
        "declaration": "declaration.in" if employer_declared else "declaration.missing",
        "card": "card.submitted" if card_submitted else "card.missing",
        "status": STATUS_OF_CODE[int(code)].value,
    }
    return (Step("payment.status", RULE, True, "payment.status", values, (), SOURCES),)


def notices(*, employer_declared: bool, card_submitted: bool) -> tuple[Notice, ...]:
    """What holds the payment, if anything."""
    held = []
    if not employer_declared:
        held.append(Notice("payment.awaiting_employer_declaration", {"scenario": DRS_SCENARIO}))
    if not card_submitted:
        held.append(Notice("payment.awaiting_control_card"))
    return tuple(held)
