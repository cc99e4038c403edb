"""The vocabulary the rules share: reasons, day statuses, regimes, categories, payers, statuses.

These are the words of the control card and of the employer's declarations (DRS), as enums whose
values are the stable names used in JSON, in population columns and in step ids. Which rule a word
falls under is said by that rule's module (the rate of a reason in ``rules/rate.py``, whether it
gets the supplement in ``rules/supplement.py`` …), not here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

__all__ = [
    "CONFIDENCES",
    "CONTROL_CARD_FORMS",
    "ENERGY_CRISIS_FIRST_DAY",
    "ENERGY_CRISIS_LAST_DAY",
    "PAYERS",
    "REASONS",
    "Confidence",
    "ControlCard",
    "Cp124Category",
    "DayStatus",
    "Language",
    "Occupation",
    "Payer",
    "PaymentStatus",
    "Reason",
    "Region",
    "WorkRegime",
]


class Reason(StrEnum):
    """Why the worker was temporarily unemployed on a day (DRS scenario 2 type codes)."""

    ECONOMIC = "economic"  # 001 blue-collar, 011 white-collar
    BAD_WEATHER = "bad_weather"  # 002
    TECHNICAL_ACCIDENT = "technical_accident"  # 003
    FORCE_MAJEURE = "force_majeure"  # 004
    FORCE_MAJEURE_MEDICAL = "force_majeure_medical"  # 005
    COLLECTIVE_CLOSURE = "collective_closure"  # 006, 007, 008
    STRIKE_LOCKOUT = "strike_lockout"  # 009
    PROTECTED_WORKER_DISMISSAL = "protected_worker_dismissal"  # 010
    ENERGY_CRISIS = (
        "energy_crisis"  # economic scheme for energy-intensive firms, 2022-10 to 2023-03
    )


class DayStatus(StrEnum):
    """What the control card (eC3.2) says of a day."""

    TEMPORARY_UNEMPLOYMENT = "temporary_unemployment"
    WORKED = "worked"
    WORKED_ELSEWHERE = "worked_elsewhere"
    INCAPACITY = "incapacity"
    HOLIDAY = "holiday"
    OTHER = "other"


class WorkRegime(StrEnum):
    """The worker's regime, which decides the divisor of the unit count (rulebook R4)."""

    FULL_TIME = "full_time"
    PART_TIME_MAINTAINED_RIGHTS = "part_time_maintained_rights"
    PART_TIME_INCOME_GUARANTEE = "part_time_income_guarantee"
    VOLUNTARY_PART_TIME = "voluntary_part_time"


class Cp124Category(StrEnum):
    """Construction (joint committee 124) worker category; ``IV`` means IV and above."""

    I = "I"  # noqa: E741 - the category's official name
    IA = "IA"
    II = "II"
    IIA = "IIA"
    III = "III"
    IV = "IV"


class ControlCard(StrEnum):
    """The worker's control card for the month (rulebook R10): the electronic eC3.2, mandatory
    from 1 January 2025, or the numbered paper C3.2A the employer issues."""

    ELECTRONIC = "electronic"  # eC3.2
    PAPER = "paper"  # C3.2A


CONTROL_CARD_FORMS: dict[ControlCard, str] = {
    ControlCard.ELECTRONIC: "eC3.2",
    ControlCard.PAPER: "C3.2A",
}
"""The name of each card's form, as ONEM writes it (shown as a value: texts hold no digits)."""


class PaymentStatus(StrEnum):
    """Whether the computed amounts can be paid yet (rulebook R8)."""

    PAYABLE = "payable"
    AWAITING_EMPLOYER_DECLARATION = "awaiting_employer_declaration"
    AWAITING_CONTROL_CARD = "awaiting_control_card"


REASONS: tuple[Reason, ...] = tuple(Reason)
"""Every reason, in the order of the enum (the order steps and columns list them in)."""

Payer = Literal["payment_body", "employer", "sector_fund"]
PAYERS: tuple[Payer, ...] = ("payment_body", "employer", "sector_fund")
"""Who pays a part of the month: the payment body (the allowance and the construction top-up it
pays for the sector fund), the employer (its supplement), a sector fund (the supplement, where a
generally binding agreement says so)."""

ENERGY_CRISIS_FIRST_DAY = date(2022, 10, 1)
ENERGY_CRISIS_LAST_DAY = date(2023, 3, 31)
"""The energy-crisis scheme for energy-intensive firms: « Entre le 1er octobre 2022 et le 31 mars
2023, les entreprises à forte consommation d'énergie peuvent mettre leur personnel au chômage
temporaire » (ONEM E5; extended to 31 March 2023 by the law of 30 October 2022). A day of reason
``energy_crisis`` outside these dates is refused."""

Confidence = Literal["official", "secondary", "derived"]
"""How sure a figure or a fact is: ``official`` (ONEM/RVA, a regulation or another public body
quoted verbatim), ``secondary`` (a union, a payroll provider, an employer federation, the press),
``derived`` (computed or inferred from sourced facts; the derivation is written beside it)."""
CONFIDENCES: tuple[Confidence, ...] = ("official", "secondary", "derived")


# --------------------------------------------------------------------------- R14 (limits by reason)


class Occupation(StrEnum):
    """Blue-collar (ouvrier / arbeider) or white-collar (employé / bediende): the two legal regimes
    of economic temporary unemployment, with their own limits (rule R14)."""

    BLUE_COLLAR = "blue_collar"
    WHITE_COLLAR = "white_collar"


# --------------------------------------------------------------------------- region (R12)


class Region(StrEnum):
    """Where in Belgium the worker lives: it decides the regional employment office with which a
    job seeker registers (rulebook R12; the offices are facts, ``registration.offices``)."""

    WALLONIA = "wallonia"
    BRUSSELS = "brussels"
    FLANDERS = "flanders"
    GERMAN_SPEAKING = "german_speaking"  # the German-speaking Community (Ostbelgien)


Language = Literal["en", "fr", "nl"]
"""The languages the library writes in: its explanations, and the descriptions and caveats of the
figures and facts (English first; French and Dutch beside it in the files)."""
