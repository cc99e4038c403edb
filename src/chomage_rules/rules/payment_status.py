"""R8 Payment status: whether the computed amounts can be paid yet, why not, when they are paid
and what the worker can do.

Source (union FAQ, CSC, "Quand vais-je être payé?", https://www.lacsc.be/vos-droits/chomage/chomage-temporaire):

    « Votre employeur doit communiquer chaque mois à l'ONEM le nombre d'heures de chômage
      temporaire […] Nous ne pouvons payer vos allocations qu'après avoir reçu ces données. »

    « La CSC peut vous verser le paiement dès que votre employeur ou son secrétariat social a
      communiqué les données de chômage temporaire du mois écoulé. Il ne peut les communiquer
      qu'au début du mois suivant le début du chômage temporaire. »

    « Si vous n'avez reçu aucune allocation le 10e jour du mois, c'est probablement parce que
      votre employeur n'a pas transmis vos données de chômage au gouvernement. […] Nous
      continuons à les effectuer dans la deuxième et troisième semaine du mois. »

    « Si votre employeur refuse de demander du chômage temporaire ou d'entreprendre les démarches
      nécessaires, prenez contact avec le bureau de chômage local de l'ONEm. L'ONEm peut alors
      contrôler la situation et donner les instructions nécessaires à votre employeur. »

and ONEM T79 (https://www.onem.be/citoyens/chomage-temporaire/a-quelle-reglementation-etes-vous-soumis-si-vous-etes-chomeur-temporaire-dans-le-secteur-de-la-construction-):
the payment institution computes the allowances from the control card **and** the employer's
monthly declaration of hours (DRS scenario 5); ONEM T71
(https://www.onem.be/page/chomage-temporaire---la-carte-de-controle-electronique-ec3.2): the
worker sends the card to the payment body « à la fin du mois ».

Rulebook R8: amounts are always computed (what-if needs them); the status only says whether they
can be paid. The employer's declaration is reported first: until it is in, the hours (hence the
units) are not known. The timing (``payment.timing``) gives the month's dates from the facts of
``parameters/facts/payment.toml``: the declaration from the first day of the next month (« au
début du mois suivant »), the payment around the 10th of that month, later payments in its second
and third weeks. These come from one payment body's FAQ (confidence *secondary*; no official
payment day was found), and the step says so. Each held status is a notice saying what the worker
can do: wait for the employer's declaration or, if the employer does not declare, contact the
local ONEM office; submit the card at the end of the month (the eC3.2 in its app, the signed
original paper card by hand).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from ..core.ops import SCALAR, Flag, Num, Ops
from ..core.sources import LegalSource, pages
from ..core.vocabulary import CONTROL_CARD_FORMS, ControlCard, PaymentStatus
from ..explain.step import Notice, Step
from ..parameters.facts import Facts, FactVersion

__all__ = [
    "AWAITING_CONTROL_CARD",
    "AWAITING_EMPLOYER_DECLARATION",
    "DRS_SCENARIO",
    "FACTS",
    "NOTICES",
    "PARAMETERS",
    "PAYABLE",
    "RULE",
    "SOURCES",
    "STATUS_OF_CODE",
    "STEPS",
    "Timing",
    "compute",
    "explain_timing",
    "notices",
    "steps",
    "timing",
]

RULE = "R8"

STEPS: tuple[str, ...] = ("payment.status", "payment.timing")
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

DECLARATION_DAY = "payment.declaration_from_day"
PAYMENT_DAY = "payment.usual_payment_day"
LATER_WEEKS = "payment.later_payment_weeks"
CONTACT = "payment.employer_not_declaring_contact"
CARD_AT = "payment.card_submitted_at"
FACTS: tuple[str, ...] = (DECLARATION_DAY, PAYMENT_DAY, LATER_WEEKS, CONTACT, CARD_AT)

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


# --------------------------------------------------------------------------- timing


class Timing(NamedTuple):
    """The dates of a month's payment and what a worker turns to, from the facts."""

    period: str
    declaration_from: date
    """The first day the employer's declaration of the month's hours can be in."""
    payment_around: date
    """The day around which the payment body pays a month whose data are all in."""
    later_weeks: tuple[int, int]
    """The first and last week of the month in which later payments go on."""
    contact: str
    """Where the worker turns if the employer does not declare (a term)."""
    card_at: str
    """When the card is submitted (a term)."""
    versions: Mapping[str, FactVersion]


def _day_of_next_month(first_day: date, version: FactVersion) -> date:
    """The day ``version`` names in the month after ``first_day``'s."""
    day = version.value
    if not (isinstance(day, int) and 1 <= day <= 28):
        raise ValueError(f"{version.name}: a day of the month from 1 to 28 is expected")
    year, month = divmod(first_day.year * 12 + first_day.month, 12)
    return date(year, month + 1, day)


def _text(version: FactVersion) -> str:
    if not isinstance(version.value, str):
        raise ValueError(f"{version.name}: a text is expected")
    return version.value


def timing(facts: Facts, first_day: date) -> Timing:
    """The month's payment dates (``first_day``: the month's first day); ValueError for a value
    the rule cannot read (a fault of the facts file)."""
    v = {name: facts.version(name, first_day) for name in FACTS}
    weeks: Any = v[LATER_WEEKS].value
    if not (isinstance(weeks, Mapping) and {"first", "last"} <= set(weeks)):
        raise ValueError(f"{LATER_WEEKS}: a table with the first and last week is expected")
    return Timing(
        period=f"{first_day:%Y-%m}",
        declaration_from=_day_of_next_month(first_day, v[DECLARATION_DAY]),
        payment_around=_day_of_next_month(first_day, v[PAYMENT_DAY]),
        later_weeks=(int(weeks["first"]), int(weeks["last"])),
        contact=_text(v[CONTACT]),
        card_at=_text(v[CARD_AT]),
        versions=v,
    )


def _sources(t: Timing, *names: str) -> tuple[LegalSource, ...]:
    """The rule's sources and those of the facts named, each once, in order."""
    return pages(SOURCES, *(t.versions[name].sources for name in names))


def _timing_step(t: Timing, code: Num) -> Step:
    """``payment.timing``: the month's dates, how sure they are, and the status."""
    status = STATUS_OF_CODE[int(code)]
    values = {
        "period": t.period,
        "declaration": t.declaration_from,
        "card_at": f"payment.card_at.{t.card_at}",
        "payment": t.payment_around,
        "confidence": f"payment.confidence.{t.versions[PAYMENT_DAY].confidence}",
        "first": t.later_weeks[0],
        "last": t.later_weeks[1],
        "status": status.value,
    }
    held = "payable" if status is PaymentStatus.PAYABLE else "held"
    sources = _sources(t, DECLARATION_DAY, PAYMENT_DAY, LATER_WEEKS, CARD_AT)
    message = f"payment.timing.{held}"
    return Step("payment.timing", RULE, True, message, values, (), sources)


def notices(
    t: Timing, *, employer_declared: bool, card_submitted: bool, card: ControlCard
) -> tuple[Notice, ...]:
    """What holds the payment, if anything, and what the worker can do."""
    held = []
    if not employer_declared:
        values = {
            "scenario": DRS_SCENARIO,
            "period": t.period,
            "declaration": t.declaration_from,
            "payment": t.payment_around,
            "contact": f"payment.contact.{t.contact}",
        }
        sources = _sources(t, DECLARATION_DAY, PAYMENT_DAY, CONTACT)
        held.append(Notice("payment.awaiting_employer_declaration", values, RULE, sources))
    if not card_submitted:
        how = (
            f"payment.submit.{card.value}",
            {"when": f"payment.card_at.{t.card_at}", "form": CONTROL_CARD_FORMS[card]},
        )
        values = {"period": t.period, "how": how, "payment": t.payment_around}
        sources = _sources(t, CARD_AT, PAYMENT_DAY)
        held.append(Notice("payment.awaiting_control_card", values, RULE, sources))
    return tuple(held)


def explain_timing(
    facts: Facts,
    *,
    first_day: date,
    employer_declared: bool,
    card_submitted: bool,
    card: ControlCard,
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """``payment.timing`` and a notice for each thing that holds the payment, with what to do
    (the status itself is the kernel's ``payment.status``; the same :func:`compute`)."""
    t = timing(facts, first_day)
    code = compute(SCALAR, employer_declared, card_submitted)
    held = notices(t, employer_declared=employer_declared, card_submitted=card_submitted, card=card)
    return (_timing_step(t, code),), held
