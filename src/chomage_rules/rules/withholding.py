"""R7 Withholding tax (précompte professionnel), per payer, one rounding.

Source (union FAQ, CSC, "Précompte professionnel", https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « Un précompte professionnel de 26,75% est retenu sur toutes les allocations de chômage
      temporaire. »

26.75 % applies to « allocations légales et extralégales allouées dans le cadre du chômage
temporaire » (point 79.2.2 of the withholding annex; Securex,
https://securex.be/fr/lex4you/employeur/themes/remunerer/charges-salariales-le-precompte-professionel/allocations-de-chomage-(point-85)),
hence also to the sector top-up and the employer supplement; for the 2024 supplement the CSC says
so in terms (« aucune cotisation ONSS n'est due sur le complément, mais un précompte professionnel
est bel et bien applicable (26,75 %) », CSC, 11/04/2024,
https://www.lacsc.be/la-csc/secteurs/sport-et-detente/secteurs/217.00-casino/actualites/2024/04/11/en-ch-mage-temporaire---votre-employeur-doit-dor-navant-vous-payer-5-euros-en-plus-par-jour).
Legal allowances only were withheld at 15 % from 2020-05-01 to 2022-06-30 (CSC 28/05/2020;
FGTB; ``parameters/withholding.toml``).

Check (CSC Metea statement line): « 13JX62,44: 811,72 FSE: 60 FIS: 233,19 » —
0.2675 × (811.72 + 60) = 233.1851 → 233.19: the payment body withholds once on the allowance and
the sector top-up together. Each payer withholds on what it pays: the payment body on the
allowance and the construction top-up it pays for the sector fund, the employer on its supplement,
a sector fund on the supplement it pays.
"""

from __future__ import annotations

from typing import NamedTuple

from ..core.money import half_up_div
from ..core.ops import Num, add, subtract
from ..core.sources import LegalSource
from ..explain.step import Step
from ..parameters import ParameterUse
from ..parameters.month import MonthParameters, ratio

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "Figures",
    "Payments",
    "compute",
    "figures",
    "steps",
    "withheld_cents",
]

RULE = "R7"

STEPS: tuple[str, ...] = (
    "withholding.payment_body",
    "withholding.employer",
    "withholding.sector_fund",
    "payment.net",
)
NOTICES: tuple[str, ...] = ()

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

LEGAL = "withholding.legal"
COMPLEMENT = "withholding.complement"
PARAMETERS: tuple[str, ...] = (LEGAL, COMPLEMENT)
"""Needed for every worker."""


class Figures(NamedTuple):
    legal: tuple[int, int]
    """On the legal allowance, as an exact fraction."""
    complement: tuple[int, int]
    """On the top-up and the supplements."""
    legal_use: ParameterUse
    complement_use: ParameterUse


def figures(p: MonthParameters) -> Figures:
    legal, complement = p.value_required(LEGAL), p.value_required(COMPLEMENT)
    return Figures(
        ratio(legal) or (0, 1), ratio(complement) or (0, 1), p.use(LEGAL), p.use(COMPLEMENT)
    )


def withheld_cents(*parts: tuple[Num, tuple[int, int]]) -> Num:
    """``Σ rate × amount`` over one payer's parts, rounded once, half up.

    Each part is ``(amount in cents, exact rate (num, den))``; the sum is formed exactly over the
    product of the denominators before the single rounding. Parts at the same rate are added first
    (one multiplication instead of two: the same sum).
    """
    if len(parts) == 1:  # one part: rate × amount over the rate's denominator
        ((amount, (rate_num, rate_den)),) = parts
        return half_up_div(amount * rate_num, rate_den)
    by_rate: dict[tuple[int, int], Num] = {}
    for amount, rate in parts:
        by_rate[rate] = add(by_rate[rate], amount) if rate in by_rate else amount
    denominator = 1
    for _, rate_den in by_rate:
        denominator *= rate_den
    numerator: Num = 0
    for (rate_num, rate_den), amount in by_rate.items():
        numerator = add(numerator, amount * (rate_num * (denominator // rate_den)))
    return half_up_div(numerator, denominator)


class Payments(NamedTuple):
    """Gross, withholding and net of each payer, and the totals."""

    payment_body_gross: Num
    payment_body_withholding: Num
    payment_body_net: Num
    employer_gross: Num
    employer_withholding: Num
    employer_net: Num
    fund_gross: Num
    fund_withholding: Num
    fund_net: Num
    withholding: Num
    net_total: Num


def compute(
    f: Figures, *, allowance: Num, sector_top_up: Num, employer_part: Num, fund_part: Num
) -> Payments:
    """R7: one withholding per payer on what it pays, then the nets."""
    body_gross = add(allowance, sector_top_up)
    if f.legal == f.complement:  # one rate on both: withheld_cents would form the same sum
        body = withheld_cents((body_gross, f.legal))
    else:
        body = withheld_cents((allowance, f.legal), (sector_top_up, f.complement))
    employer = withheld_cents((employer_part, f.complement))
    fund = withheld_cents((fund_part, f.complement))
    body_net = subtract(body_gross, body)
    employer_net = subtract(employer_part, employer)
    fund_net = subtract(fund_part, fund)
    return Payments(
        body_gross,
        body,
        body_net,
        employer_part,
        employer,
        employer_net,
        fund_part,
        fund,
        fund_net,
        add(add(body, employer), fund),
        add(add(body_net, employer_net), fund_net),
    )


def _body_step(f: Figures, p: Payments, allowance: int, sector_top_up: int) -> Step:
    legal, complement = f.legal, f.complement
    values = {
        "legal": legal,
        "complement": complement,
        "allowance": allowance,
        "top_up": sector_top_up,
        "withheld": int(p.payment_body_withholding),
    }
    if sector_top_up:
        values["exact"] = (
            allowance * legal[0] * complement[1] + sector_top_up * complement[0] * legal[1],
            legal[1] * complement[1] * 100,
        )
        message = "withholding.payment_body." + (
            "same_rate" if legal == complement else "two_rates"
        )
    else:
        values["exact"] = (allowance * legal[0], legal[1] * 100)
        message = "withholding.payment_body"
    uses = (f.legal_use, f.complement_use)
    applies = int(p.payment_body_gross) > 0
    return Step("withholding.payment_body", RULE, applies, message, values, uses, SOURCES)


def steps(f: Figures, p: Payments, *, allowance: int, sector_top_up: int) -> tuple[Step, ...]:
    """``withholding.payment_body``, ``withholding.employer``, ``withholding.sector_fund`` and
    ``payment.net``."""
    result = [_body_step(f, p, allowance, sector_top_up)]
    complement = f.complement
    for step_id, payer, part, withheld in (
        (
            "withholding.employer",
            "payer.employer",
            int(p.employer_gross),
            int(p.employer_withholding),
        ),
        (
            "withholding.sector_fund",
            "payer.sector_fund",
            int(p.fund_gross),
            int(p.fund_withholding),
        ),
    ):
        values = {
            "payer": payer,
            "rate": complement,
            "part": part,
            "exact": (part * complement[0], complement[1] * 100),
            "withheld": withheld,
        }
        message = "withholding.payer" if part else "withholding.payer.nothing"
        result.append(Step(step_id, RULE, part > 0, message, values, (f.complement_use,), SOURCES))
    net = {
        "body_gross": int(p.payment_body_gross),
        "body_withheld": int(p.payment_body_withholding),
        "employer_gross": int(p.employer_gross),
        "employer_withheld": int(p.employer_withholding),
        "fund_gross": int(p.fund_gross),
        "fund_withheld": int(p.fund_withholding),
        "body_net": int(p.payment_body_net),
        "employer_net": int(p.employer_net),
        "fund_net": int(p.fund_net),
        "net_total": int(p.net_total),
    }
    result.append(Step("payment.net", RULE, True, "payment.net", net, (), SOURCES))
    return tuple(result)
