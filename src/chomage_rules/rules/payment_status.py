"""R8 Payment status: whether the month can be paid yet.

Source (union FAQ, ../shared/sources):

    « La CSC peut vous verser le paiement dès que votre employeur ou son secrétariat social a
      communiqué les données de chômage temporaire du mois écoulé. »
    « À la fin du mois, vous remettez votre carte de contrôle à la CSC. Vos allocations sont
      calculées sur la base de ces données. »

and ONEM T79 (fact sheet §1.5): the payment institution computes the allowances from the control
card **and** the employer's DRS scenario 5. Amounts are always computed (what-if needs them); the
status only says whether they can be paid. The employer's declaration is reported first: until it
is in, the hours (hence the units) are not known.
"""

from __future__ import annotations

from ..core.money import Num
from ..core.ops import Ops
from ..explain import LegalSource

__all__ = [
    "AWAITING_CONTROL_CARD",
    "AWAITING_EMPLOYER_DECLARATION",
    "PAYABLE",
    "SOURCES",
    "status_code",
]

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

PAYABLE = 0
AWAITING_EMPLOYER_DECLARATION = 1
AWAITING_CONTROL_CARD = 2


def status_code(ops: Ops, *, employer_declared: Num, card_submitted: Num) -> Num:
    """0 payable, 1 awaiting the employer's declaration, 2 awaiting the control card."""
    return ops.where(
        employer_declared,
        ops.where(card_submitted, PAYABLE, AWAITING_CONTROL_CARD),
        AWAITING_EMPLOYER_DECLARATION,
    )
