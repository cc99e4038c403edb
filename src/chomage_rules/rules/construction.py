"""R6 Construction (joint committee 124) top-up and its 60-unit credit.

Source (union FAQ, "CP 124 - Construction", ../shared/sources):

    « Droit: Indemnité complémentaire en cas de chômage temporaire. - Raisons économiques ;
      - Accident technique ; - Intempéries ; - Force majeure.
      Conditions accessoires: Disposer d'une carte de légitimation ayant-droit.
      Montant: Catégorie I € 6,34/jour ; Catégorie I A € 6,66/jour ; Catégorie II € 7,63/jour ;
      Catégorie II A € 8,02/jour ; Catégorie III € 10,08/jour ; Catégorie IV et plus € 10,85/jour.
      Payé par le secteur, via la CSC.
      Nombre de jours indemnisables: Crédit de 60 jours, prenant cours le premier jour de la durée
      (1.10) de la carte de légitimation et se terminant le dernier jour de cette durée (30.09). »

and the frost exception (ACV-CSC construction page, https://www.accg.be/nl/sector/bouw/bestaanzekerheid/arbeiders/werkloosheid,
fact sheet §6): during a frost period recognised by Constructiv the frost indemnity is paid without
limit and is not deducted from the credit. No frost amount is sourced: none is paid unless the
caller supplies ``construction.frost_amount.<category>``.
"""

from __future__ import annotations

from ..core.money import Num
from ..core.ops import Ops
from ..explain import LegalSource

__all__ = ["SOURCES", "credit_covered_half_units"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): CP 124 - Construction",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "ACV-CSC Bouw-Industrie & Energie, Werkloosheid (bestaanszekerheid bouw)",
        "https://www.accg.be/nl/sector/bouw/bestaanzekerheid/arbeiders/werkloosheid",
    ),
)


def credit_covered_half_units(ops: Ops, *, units: Num, credit: int, used: Num) -> Num:
    """Half units of the month paid from the credit: ``min(units, max(credit - used, 0))``."""
    return ops.minimum(units, ops.maximum(credit - used, 0))
