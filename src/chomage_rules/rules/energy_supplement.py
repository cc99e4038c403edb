"""R5 (energy scheme) The employer supplement for energy-crisis days, 2022-10-01 to 2023-03-31.

Source (Group S, "Régime de chômage temporaire énergie et supplément : précisions",
https://groups.be/fr/actualites/articles-juridiques/regime-de-chomage-temporaire-energie-et-supplement-precisions,
fact sheet §2 and §9):

    Allowance 70 %, plus an employer supplement of 6.22 EUR per day of temporary unemployment
    (6.34 EUR from 1 November 2022), paid by the employer.

Rulebook R5: energy-crisis units get this supplement *instead* of the 2024 supplement (which did not
exist yet); they do not count towards its 26 free units. The amounts are in
``parameters/supplement.toml`` (``supplement.energy_amount``).
"""

from __future__ import annotations

from ..core.money import Num
from ..explain import LegalSource
from .allowance import component_cents

__all__ = ["SOURCES", "energy_supplement_cents"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "Group S, Régime de chômage temporaire énergie et supplément: précisions",
        "https://groups.be/fr/actualites/articles-juridiques/regime-de-chomage-temporaire-energie-et-supplement-precisions",
    ),
)


def energy_supplement_cents(half_units: Num, amount_cents: int) -> Num:
    """Energy-crisis units × the energy supplement, rounded once, half up."""
    return component_cents(half_units, amount_cents)
