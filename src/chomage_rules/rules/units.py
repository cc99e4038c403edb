"""R4 Units in the month: how many allowances the hours of temporary unemployment are worth.

Source (De Tijd, fact sheet §1.3, https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html):

    Voltijdse werknemers en deeltijdse werknemers met behoud van rechten zonder IGU:
    aantal uitkeringen = (P × 6) / Q […] met IGU: (P × 6) / S.

and the rounding confirmed by the SPF Emploi (Partena Professional, 25/01/2024,
https://www.partena-professional.be/nl/onze-inzichten/infoflashes/bijkomende-toeslag-bij-tijdelijke-werkloosheid-verduidelijking):

    decimaal gedeelte < 0,25 → naar beneden; ≥ 0,25 en < 0,75 → 0,50; ≥ 0,75 → naar boven.

Rulebook R4: ``units_r = quarter_round(P_r × 6 / B)``, B = Q (full-time, part-time with maintained
rights) or S (income-guarantee and voluntary part-time). Units are carried as **half units**
(integers) so that the rule is exact and runs on numpy columns.
"""

from __future__ import annotations

from ..core.money import Num, half_up_div
from ..explain import LegalSource

__all__ = ["SOURCES", "quarter_round_half_units"]

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "De Tijd, De juiste formule voor de uitkering",
        "https://www.tijd.be/algemeen/algemeen/de-juiste-formule-voor-de-uitkering/5316688.html",
    ),
    LegalSource(
        "Partena Professional, Bijkomende toeslag bij tijdelijke werkloosheid: verduidelijking",
        "https://www.partena-professional.be/nl/onze-inzichten/infoflashes/bijkomende-toeslag-bij-tijdelijke-werkloosheid-verduidelijking",
    ),
)


def quarter_round_half_units(numerator: Num, denominator: Num) -> Num:
    """``quarter_round(numerator / denominator)``, in half units (2 = one unit).

    With ``k`` the whole part and ``f`` the fractional part: ``f < 0.25`` → k; ``0.25 ≤ f < 0.75``
    → k + ½; ``f ≥ 0.75`` → k + 1. For ``numerator >= 0`` and ``denominator > 0``.

    That is rounding ``x = numerator / denominator`` to the nearest half, a quarter going up: in
    half units, ``2x`` rounded to the nearest whole, half up (``f = .25`` is ``2f = .5``). So it is
    one exact rounding, :func:`~chomage_rules.money.half_up_div` of ``2 × numerator`` by the
    denominator.
    """
    return half_up_div(2 * numerator, denominator)
