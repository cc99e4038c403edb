"""Which rules each reason of temporary unemployment falls under (rulebook R2, R5, R6).

Source (union FAQ, CSC, "À combien s'élève le chômage temporaire?", ../shared/sources):

    « Depuis le 01.01.2024, les allocations de chômage temporaire s'élèvent à:
      - 60% (excepté le chômage temporaire pour force majeure) de la rémunération brute mensuelle
        éventuellement plafonnée à 3.299,11 euros.
      - 65% de votre rémunération (éventuellement plafonnée) en cas de chômage temporaire pour
        force majeure. »
    « Attention: les jours de chômage temporaire pour cause de force majeure ne sont pas pris en
      compte! » (for the 5.10 EUR supplement)

and for the construction sector (same FAQ, "CP 124 - Construction"):

    « Indemnité complémentaire en cas de chômage temporaire.
      - Raisons économiques ; - Accident technique ; - Intempéries ; - Force majeure. »

Medical force majeure keeps 65 % and gets no supplement (CSC; ABVV-Metaal
https://abvvmetaal-btb.com/fr/actualites/actualites-syndicales/baisse-de-lindemnite-en-cas-de-chomage-temporaire ;
fact sheet §2, §5). The energy-crisis scheme (« Entre le 1er octobre 2022 et le 31 mars 2023, les
entreprises à forte consommation d'énergie peuvent mettre leur personnel au chômage temporaire »)
had its own 70 % rate and its own employer supplement (Group S,
https://groups.be/fr/actualites/articles-juridiques/regime-de-chomage-temporaire-energie-et-supplement-precisions ;
extended to 31 March 2023 by the law of 30 October 2022, fact sheet §9). It is a scheme for
*economic* unemployment (ONEM E5), so it counts as economic for the construction top-up; see
docs/decisions.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..core.vocabulary import Reason
from ..explain import LegalSource

__all__ = [
    "SOURCES",
    "RateGroup",
    "ReasonRules",
    "rules_for",
]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): À combien s'élève le chômage temporaire?",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "ABVV-Metaal, Baisse de l'indemnité en cas de chômage temporaire",
        "https://abvvmetaal-btb.com/fr/actualites/actualites-syndicales/baisse-de-lindemnite-en-cas-de-chomage-temporaire",
    ),
)


class RateGroup(StrEnum):
    """Reasons that share a rate, hence a daily amount; the value is the rate parameter's name."""

    STANDARD = "rate.standard"
    FORCE_MAJEURE = "rate.force_majeure"
    ENERGY_CRISIS = "rate.energy_crisis"

    @property
    def label(self) -> str:
        """The group's short name in ids and column names: ``standard``, ``force_majeure`` …"""
        return self.value.removeprefix("rate.")


@dataclass(frozen=True, slots=True)
class ReasonRules:
    rate_group: RateGroup
    supplement: bool
    """Gets the 2024 employer supplement (R5) and counts towards the 26 free units."""
    energy_supplement: bool
    """Gets the energy-crisis employer supplement (R5) instead."""
    construction: bool
    """Gets the construction top-up (R6) in joint committee 124."""


def _table() -> dict[str, ReasonRules]:
    standard = RateGroup.STANDARD
    return {
        "economic": ReasonRules(
            standard, supplement=True, energy_supplement=False, construction=True
        ),
        "bad_weather": ReasonRules(
            standard, supplement=True, energy_supplement=False, construction=True
        ),
        "technical_accident": ReasonRules(
            standard, supplement=True, energy_supplement=False, construction=True
        ),
        "force_majeure": ReasonRules(
            RateGroup.FORCE_MAJEURE, supplement=False, energy_supplement=False, construction=True
        ),
        "force_majeure_medical": ReasonRules(
            RateGroup.FORCE_MAJEURE, supplement=False, energy_supplement=False, construction=False
        ),
        "collective_closure": ReasonRules(
            standard, supplement=True, energy_supplement=False, construction=False
        ),
        "strike_lockout": ReasonRules(
            standard, supplement=True, energy_supplement=False, construction=False
        ),
        "protected_worker_dismissal": ReasonRules(
            standard, supplement=True, energy_supplement=False, construction=False
        ),
        "energy_crisis": ReasonRules(
            RateGroup.ENERGY_CRISIS, supplement=False, energy_supplement=True, construction=True
        ),
    }


_RULES = _table()


def rules_for(reason: Reason | str) -> ReasonRules:
    """The rules a reason falls under."""
    return _RULES[str(reason)]
