"""R7 Withholding tax (précompte professionnel), per payer, one rounding.

Source (union FAQ, ../shared/sources):

    « Un précompte professionnel de 26,75% est retenu sur toutes les allocations de chômage
      temporaire. »

26.75 % applies to « allocations légales et extralégales allouées dans le cadre du chômage
temporaire » (point 79.2.2 of the withholding annex; Securex, fact sheet §4), hence also to the
sector top-up and the employer supplement; for the 2024 supplement the CSC says so in terms
(« aucune cotisation ONSS n'est due sur le complément, mais un précompte professionnel est bel et
bien applicable (26,75 %) », CSC, 11/04/2024,
https://www.lacsc.be/la-csc/secteurs/sport-et-detente/secteurs/217.00-casino/actualites/2024/04/11/en-ch-mage-temporaire---votre-employeur-doit-dor-navant-vous-payer-5-euros-en-plus-par-jour). Legal allowances only were withheld at 15 % from
2020-05-01 to 2022-06-30 (CSC 28/05/2020; FGTB; ``parameters/withholding.toml``).

Check (CSC Metea statement line): « 13JX62,44: 811,72 FSE: 60 FIS: 233,19 » —
0.2675 × (811.72 + 60) = 233.1851 → 233.19: the payment body withholds once on the allowance and
the sector top-up together.
"""

from __future__ import annotations

from ..core.money import Num, half_up_div
from ..explain import LegalSource

__all__ = ["SOURCES", "withheld_cents"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "CSC, Chômage temporaire (FAQ): Précompte professionnel",
        "https://www.lacsc.be/vos-droits/chomage/chomage-temporaire",
    ),
    LegalSource(
        "CSC, En chômage temporaire ? Votre employeur doit dorénavant vous payer 5 euros en plus par jour (2024-04-11)",
        "https://www.lacsc.be/la-csc/secteurs/sport-et-detente/secteurs/217.00-casino/actualites/2024/04/11/en-ch-mage-temporaire---votre-employeur-doit-dor-navant-vous-payer-5-euros-en-plus-par-jour",
    ),
    LegalSource(
        "Securex, Précompte professionnel: allocations de chômage (points 79.2.2 et 85)",
        "https://securex.be/fr/lex4you/employeur/themes/remunerer/charges-salariales-le-precompte-professionel/allocations-de-chomage-(point-85)",
    ),
)


def withheld_cents(*parts: tuple[Num, tuple[int, int]]) -> Num:
    """``Σ rate × amount`` over one payer's parts, rounded once, half up.

    Each part is ``(amount in cents, exact rate (num, den))``; the sum is formed exactly over the
    product of the denominators before the single rounding. Parts at the same rate are added
    first (one multiplication instead of two: the same sum).
    """
    by_rate: dict[tuple[int, int], Num] = {}
    for amount, rate in parts:
        by_rate[rate] = by_rate[rate] + amount if rate in by_rate else amount
    denominator = 1
    for _, rate_den in by_rate:
        denominator *= rate_den
    numerator: Num = 0
    for (rate_num, rate_den), amount in by_rate.items():
        term = amount * (rate_num * (denominator // rate_den))
        numerator = term if type(numerator) is int and numerator == 0 else numerator + term
    return half_up_div(numerator, denominator)
