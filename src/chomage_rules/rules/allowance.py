"""R0 (2) Component amounts: units × a daily amount, rounded once.

Source (CSC Metea, bank-statement line, fact sheet §10.1,
https://lacsc.be/acv-csc-metea/publications/fiche-info--5-10-euros-en-plus-en-cas-de-ch-mage-temporaire):

    « 13JX62,44: 811,72 »   (13 allowances × 62.44 = 811.72)

Units can be halves, so a component is rounded to the cent, half up, once: ``half units × daily / 2``.
The library makes one component per daily amount (per rate group), like the statement line.
"""

from __future__ import annotations

from ..core.money import Num, half_up_div
from ..explain import LegalSource

__all__ = ["SOURCES", "component_cents"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC Metea, Fiche info: 5,10 euros en plus en cas de chômage temporaire",
        "https://lacsc.be/acv-csc-metea/publications/fiche-info--5-10-euros-en-plus-en-cas-de-ch-mage-temporaire",
    ),
)


def component_cents(half_units: Num, amount_cents: Num) -> Num:
    """``units × amount`` in cents, with units given in halves, rounded half up."""
    if type(amount_cents) is int and amount_cents % 2 == 0:
        return half_units * (amount_cents // 2)  # an even amount: half units × it is whole cents
    return half_up_div(half_units * amount_cents, 2)
