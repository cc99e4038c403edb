"""R10 Control card: the electronic eC3.2 from 2025, a paper C3.2A only by derogation until
30 June 2025 or in sheltered and social workshops, and a paper card in the worker's hands in time.

Sources (the dates and lists are facts, ``parameters/facts/control_card.toml``):

ONEM, sheet E74, updated 15.10.2024
(https://www.onem.be/employeurs/chomage-temporaire/chomage-temporaire---la-carte-de-controle-electronique-ec3.2):

    « À partir du 01.01.2025, la carte de contrôle C3.2A doit obligatoirement être remplie
      électroniquement, ce qui entrainera la suppression complète de l'utilisation de la carte de
      contrôle papier (sauf pour les ateliers protégés, les ateliers sociaux et les entreprises
      adaptées). Une période transitoire est prévue jusqu'au 30.06.2025 inclus, au cours de
      laquelle tant l'employeur que le travailleur peuvent, en cas de difficultés à passer à la
      procédure numérique, demander à continuer à utiliser la carte de contrôle papier pendant
      cette période. »

ONEM, news of 01.09.2023
(https://www.onem.be/actualites/2023/09/01/chomage-temporaire-la-carte-de-controle-electronique-e-c3.2):

    « Chaque travailleur mis en chômage temporaire doit, à partir du premier jour effectif de
      chômage de chaque mois, être en possession d'une carte de contrôle numérotée. Pour les
      travailleurs du secteur de la construction, cette obligation s'applique à partir du premier
      jour du mois, indépendamment de l'introduction ou non de chômage temporaire. »

Easypay, "Retour du C3.2A à partir du 1er janvier 2023 !" (no date shown): the employer issues
the numbered card « au plus tard le premier jour de chômage de chaque mois ». The press (RTL,
21.06.2024) and Besox say that sheltered and social workshops and adapted-work companies
(« maatwerkbedrijven ») keep the choice between paper and electronic.

Readings (the rulebook's decisions):

- The month's card is compared on the month's first day: the dates are month edges (1 January,
  30 June). A paper card in a month from 1 January to 30 June 2025 needed the derogation asked
  for; after it, it is outside the rules unless the employer is such a workshop. Neither is an
  error: the payment body decides; the library says so in a notice.
- A paper card is in time when issued **on or before** the first day of temporary unemployment of
  the month (« au plus tard »); the union's FAQ says « avant », the official pages « à partir
  du », which the library follows. In construction (joint committee 124) the card is held from
  the first day of the month: read, as the rulebook's issue says, as in the worker's hands
  **before the month starts** (by the last day of the month before); the fact is marked derived.
- The issue date is checked from 1 January 2023, when the numbered card came back after the
  COVID-19 simplifications; before it, the step says it is not checked.
- A paper card without its issue date cannot be checked: a notice, not an error. An issue date
  with an electronic card, or after the month, is bad input (``Month`` refuses it).
- A card not submitted holds the payment: that is R8 (``payment_status``), which also says what
  the worker can do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, NamedTuple

from ..core.sources import LegalSource, pages
from ..core.vocabulary import CONTROL_CARD_FORMS, ControlCard
from ..explain.step import Notice, Step
from ..parameters.facts import Facts, FactVersion

__all__ = [
    "FACTS",
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "CardFacts",
    "Deadline",
    "deadline",
    "explain",
    "issue_check",
    "read_facts",
    "situation",
]

RULE = "R10"

STEPS: tuple[str, ...] = ("control_card.kind", "control_card.issued")
NOTICES: tuple[str, ...] = (
    "control_card.paper_needs_derogation",
    "control_card.paper_outside_rules",
    "control_card.transition_extension_unconfirmed",
    "control_card.paper_issued_late",
    "control_card.paper_issue_date_missing",
)

SOURCES: tuple[LegalSource, ...] = (
    LegalSource(
        "ONEM feuille info E74: Chômage temporaire - la carte de contrôle électronique eC3.2",
        "https://www.onem.be/employeurs/chomage-temporaire/chomage-temporaire---la-carte-de-controle-electronique-ec3.2",
    ),
    LegalSource(
        "ONEM: Chômage temporaire – la carte de contrôle électronique e-C3.2",
        "https://www.onem.be/actualites/2023/09/01/chomage-temporaire-la-carte-de-controle-electronique-e-c3.2",
    ),
    LegalSource(
        "Easypay: Retour du C3.2A à partir du 1er janvier 2023 !",
        "https://easypay-group.com/fr_BE/connaissance/flashes-info/detail/Retour-du-C3.2A-%C3%A0-partir-du-1er-janvier-2023-%21?id=9440",
    ),
)

PARAMETERS: tuple[str, ...] = ()

ELECTRONIC_FROM = "control_card.electronic_mandatory_from"
PAPER_UNTIL = "control_card.paper_on_request_until"
EXTENSION_UNTIL = "control_card.paper_extension_possible_until"
KEPT_BY = "control_card.paper_choice_kept_by"
REQUIRED_FROM = "control_card.paper_card_required_from"
IN_HANDS_BY = "control_card.paper_in_hands_by"
IN_HANDS_BY_CONSTRUCTION = "control_card.paper_in_hands_by_construction"
FACTS: tuple[str, ...] = (
    ELECTRONIC_FROM,
    PAPER_UNTIL,
    EXTENSION_UNTIL,
    KEPT_BY,
    REQUIRED_FROM,
    IN_HANDS_BY,
    IN_HANDS_BY_CONSTRUCTION,
)

FIRST_UNEMPLOYMENT_DAY = "first_unemployment_day"
BEFORE_MONTH = "before_month"
DEADLINES = frozenset({FIRST_UNEMPLOYMENT_DAY, BEFORE_MONTH})
"""The deadlines the rule knows, as the facts name them."""


class CardFacts(NamedTuple):
    """The facts of the control card in force for a month, each with its version."""

    electronic_from: date
    paper_until: date
    extension_until: date
    kept_by: tuple[str, ...]
    required_from: date
    in_hands_by: str
    construction_committees: tuple[str, ...]
    construction_in_hands_by: str
    versions: Mapping[str, FactVersion]
    """The version of each fact read, for its sources."""


def _date(version: FactVersion) -> date:
    if not isinstance(version.value, date):
        raise ValueError(f"{version.name}: a date is expected")
    return version.value


def _text(version: FactVersion) -> str:
    if not isinstance(version.value, str):
        raise ValueError(f"{version.name}: a text is expected")
    return version.value


def _codes(value: object, name: str) -> tuple[str, ...]:
    if not (isinstance(value, tuple) and all(isinstance(v, str) for v in value)):
        raise ValueError(f"{name}: a list of codes is expected")
    return value


def _deadline_kind(value: object, name: str) -> str:
    if value not in DEADLINES:
        raise ValueError(f"{name}: unknown deadline {value!r}, not one of {sorted(DEADLINES)}")
    return str(value)


def read_facts(facts: Facts, on: date) -> CardFacts:
    """The control card's facts on ``on`` (the month's first day); ValueError for a value the
    rule cannot read (a fault of the facts file)."""
    v = {name: facts.version(name, on) for name in FACTS}
    construction = v[IN_HANDS_BY_CONSTRUCTION].value
    if not isinstance(construction, Mapping):
        raise ValueError(f"{IN_HANDS_BY_CONSTRUCTION}: a table is expected")
    return CardFacts(
        electronic_from=_date(v[ELECTRONIC_FROM]),
        paper_until=_date(v[PAPER_UNTIL]),
        extension_until=_date(v[EXTENSION_UNTIL]),
        kept_by=_codes(v[KEPT_BY].value, KEPT_BY),
        required_from=_date(v[REQUIRED_FROM]),
        in_hands_by=_deadline_kind(_text(v[IN_HANDS_BY]), IN_HANDS_BY),
        construction_committees=_codes(
            construction.get("joint_committees"), IN_HANDS_BY_CONSTRUCTION
        ),
        construction_in_hands_by=_deadline_kind(
            construction.get("in_hands_by"), IN_HANDS_BY_CONSTRUCTION
        ),
        versions=v,
    )


def _sources(f: CardFacts, *names: str) -> tuple[LegalSource, ...]:
    """The sources of the facts named, each once, in order."""
    return pages(*(f.versions[name].sources for name in names))


# --------------------------------------------------------------------------- the card's kind


def _card(card: ControlCard) -> tuple[str, dict[str, Any]]:
    """The card as a phrase: its kind and its form (paper, C3.2A)."""
    return (
        "control_card.card",
        {"kind": f"control_card.{card.value}", "form": CONTROL_CARD_FORMS[card]},
    )


FORMS = {
    "paper": CONTROL_CARD_FORMS[ControlCard.PAPER],
    "electronic": CONTROL_CARD_FORMS[ControlCard.ELECTRONIC],
}
"""The forms' names, for the notices' texts."""

OPTIONAL = "electronic.optional"
MANDATORY = "electronic.mandatory"
PAPER_BEFORE = "paper.before"
PAPER_WORKSHOP = "paper.workshop"
PAPER_TRANSITION = "paper.transition"
PAPER_OUTSIDE = "paper.outside"


def situation(card: ControlCard, first_day: date, workshop: bool, f: CardFacts) -> str:
    """Where the month's card stands: an electronic card before or after the obligation; a paper
    card before it, in a workshop, in the transition (derogation needed) or outside the rules."""
    if card is ControlCard.ELECTRONIC:
        return MANDATORY if first_day >= f.electronic_from else OPTIONAL
    if first_day < f.electronic_from:
        return PAPER_BEFORE
    if workshop:
        return PAPER_WORKSHOP
    return PAPER_TRANSITION if first_day <= f.paper_until else PAPER_OUTSIDE


def _kind_step(
    card: ControlCard, first_day: date, workshop: bool, f: CardFacts, where: str
) -> Step:
    """``control_card.kind``: the card, the month and the dates it is compared with."""
    values = {
        "card": _card(card),
        "first": first_day,
        "mandatory": f.electronic_from,
        "until": f.paper_until,
        "kinds": tuple(("control_card.kind", {"kind": f"control_card.{k}"}) for k in f.kept_by),
        "workshop": "yes" if workshop else "no",
        "extension": f.extension_until,
    }
    applies = first_day >= f.electronic_from and not workshop
    sources = _sources(f, ELECTRONIC_FROM, PAPER_UNTIL, KEPT_BY)
    message = f"control_card.kind.{where}"
    if where == PAPER_OUTSIDE and first_day <= f.extension_until:
        # the months an extension nobody confirmed could have covered (the notice says so)
        message += "_unconfirmed"
        sources = _sources(f, ELECTRONIC_FROM, PAPER_UNTIL, KEPT_BY, EXTENSION_UNTIL)
    return Step("control_card.kind", RULE, applies, message, values, (), sources)


def _kind_notices(where: str, period: str, first_day: date, f: CardFacts) -> tuple[Notice, ...]:
    """A paper card in the transition (derogation needed) or after it (outside the rules, and
    whether an extension nobody confirmed could have covered it)."""
    values = {**FORMS, "period": period, "mandatory": f.electronic_from, "until": f.paper_until}
    if where == PAPER_TRANSITION:
        sources = _sources(f, ELECTRONIC_FROM, PAPER_UNTIL)
        return (Notice("control_card.paper_needs_derogation", values, RULE, sources),)
    if where != PAPER_OUTSIDE:
        return ()
    outside = Notice(
        "control_card.paper_outside_rules",
        values,
        RULE,
        _sources(f, ELECTRONIC_FROM, PAPER_UNTIL, KEPT_BY),
    )
    if first_day > f.extension_until:
        return (outside,)
    extension = Notice(
        "control_card.transition_extension_unconfirmed",
        {"until": f.extension_until},
        RULE,
        _sources(f, EXTENSION_UNTIL),
    )
    return outside, extension


# --------------------------------------------------------------------------- the issue date


class Deadline(NamedTuple):
    """The day by which a paper card must be in the worker's hands (None: no day to compare
    with, the month having no day of temporary unemployment), and how it is found."""

    day: date | None
    kind: str
    joint_committee: str
    fact: str


def deadline(
    first_day: date, first_unemployment_day: date | None, joint_committee: str, f: CardFacts
) -> Deadline:
    """In construction, the last day before the month; elsewhere the first day of temporary
    unemployment of the month (as the facts say)."""
    construction = joint_committee in f.construction_committees
    kind = f.construction_in_hands_by if construction else f.in_hands_by
    fact = IN_HANDS_BY_CONSTRUCTION if construction else IN_HANDS_BY
    day = first_day - timedelta(days=1) if kind == BEFORE_MONTH else first_unemployment_day
    return Deadline(day, kind, joint_committee, fact)


ELECTRONIC = "electronic"
NOT_CHECKED = "not_checked"
NO_UNEMPLOYMENT = "no_unemployment"
MISSING = "missing"
IN_TIME = "in_time"
LATE = "late"


def issue_check(
    card: ControlCard, first_day: date, issued: date | None, due: Deadline, f: CardFacts
) -> str:
    """What can be said of the issue date: no paper card, not checked (before the numbered card
    came back), no day to compare with, not given, in time or late."""
    if card is ControlCard.ELECTRONIC:
        return ELECTRONIC
    if first_day < f.required_from:
        return NOT_CHECKED
    if due.day is None:
        return NO_UNEMPLOYMENT
    if issued is None:
        return MISSING
    return IN_TIME if issued <= due.day else LATE


def _deadline_phrase(due: Deadline) -> tuple[str, dict[str, Any]]:
    return (
        f"control_card.deadline.{due.kind}",
        {"day": due.day, "committee": due.joint_committee},
    )


def _issued_step(
    card: ControlCard, first_day: date, issued: date | None, due: Deadline, f: CardFacts, check: str
) -> Step:
    """``control_card.issued``: the issue date against the day the card is due."""
    values: dict[str, Any] = {
        "card": _card(card),
        "first": first_day,
        "required": f.required_from,
    }
    if check in (MISSING, IN_TIME, LATE):
        values["deadline"] = _deadline_phrase(due)
    if check in (IN_TIME, LATE) and issued is not None and due.day is not None:
        values["issued"] = issued
        values["late"] = max(0, (issued - due.day).days)
    names = (REQUIRED_FROM,) if check == NOT_CHECKED else (due.fact,)
    sources = () if check == ELECTRONIC else _sources(f, *names)
    applies = check in (MISSING, IN_TIME, LATE)
    message = f"control_card.issued.{check}"
    return Step("control_card.issued", RULE, applies, message, values, (), sources)


def _issued_notices(
    check: str, period: str, issued: date | None, due: Deadline, f: CardFacts
) -> tuple[Notice, ...]:
    values: dict[str, Any] = {**FORMS, "period": period}
    if check == MISSING:
        values["deadline"] = _deadline_phrase(due)
        code = "control_card.paper_issue_date_missing"
    elif check == LATE:
        values.update(deadline=_deadline_phrase(due), issued=issued)
        code = "control_card.paper_issued_late"
    else:
        return ()
    return (Notice(code, values, RULE, _sources(f, due.fact)),)


# --------------------------------------------------------------------------- together


def explain(
    facts: Facts,
    *,
    first_day: date,
    card: ControlCard,
    issued: date | None,
    first_unemployment_day: date | None,
    joint_committee: str,
    workshop: bool,
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """R10's steps (``control_card.kind``, ``control_card.issued``) and notices for a month."""
    f = read_facts(facts, first_day)
    period = f"{first_day:%Y-%m}"
    where = situation(card, first_day, workshop, f)
    due = deadline(first_day, first_unemployment_day, joint_committee, f)
    check = issue_check(card, first_day, issued, due, f)
    steps = (
        _kind_step(card, first_day, workshop, f, where),
        _issued_step(card, first_day, issued, due, f, check),
    )
    notices = (
        *_kind_notices(where, period, first_day, f),
        *_issued_notices(check, period, issued, due, f),
    )
    return steps, notices
