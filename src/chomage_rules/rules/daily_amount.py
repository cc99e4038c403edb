"""R2 Rate and R3 minimum: the daily amount of the allowance.

Source (union FAQ, ../shared/sources):

    « Depuis le 01.01.2024, les allocations de chômage temporaire s'élèvent à:
      - 60% (excepté le chômage temporaire pour force majeure) de la rémunération brute mensuelle
        éventuellement plafonnée […]
      - 65% de votre rémunération (éventuellement plafonnée) en cas de chômage temporaire pour
        force majeure. »

Earlier rates (70 % from 2020-02-01 for every reason, 65 % from 2022-07-01, 70 % in the energy
scheme) and the minimum daily amounts (61.37, 63.52, 64.79; none sourced from 2024) are in
``parameters/rate.toml`` and ``parameters/allowance.toml`` with their sources.

Rulebook R0 (1): the daily amount is ``rate × daily wage`` rounded **once** to the cent, half up,
computed as one exact fraction: the Securex maxima check it, 65 % × 3,299.11 / 26 = 82.4777… → 82.48.
R3: where a minimum is sourced for the date, the daily amount is at least that minimum.
"""

from __future__ import annotations

from ..core.money import Num, half_up_div
from ..core.ops import Ops
from ..explain import LegalSource

__all__ = ["SOURCES", "daily_amount_cents", "with_minimum"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): À combien s'élève le chômage temporaire?",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "CAPAC, Chômage temporaire: diminution du montant des allocations à partir de janvier",
        "https://capac.fgov.be/fr/actualites/chomage-temporaire-diminution-du-montant-des-allocations-partir-de-janvier",
    ),
    LegalSource(
        "Securex, Chômage temporaire: montants actuels",
        "https://securex.be/fr/lex4you/employeur/montants-actuels/montants-socio-juridiques/chomage-temporaire-montants-actuels",
    ),
)


def daily_amount_cents(
    daily_wage_numerator: Num, daily_wage_denominator: int, rate: tuple[int, int]
) -> Num:
    """``rate × daily wage`` in cents, rounded half up; ``rate`` is an exact ``(num, den)``."""
    rate_numerator, rate_denominator = rate
    return half_up_div(
        rate_numerator * daily_wage_numerator, rate_denominator * daily_wage_denominator
    )


def with_minimum(ops: Ops, amount_cents: Num, minimum_cents: int | None) -> Num:
    """R3: the daily amount raised to the sourced minimum; unchanged where none is sourced."""
    if minimum_cents is None:
        return amount_cents
    return ops.maximum(amount_cents, minimum_cents)
