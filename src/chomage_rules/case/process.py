"""The process rules of a month: what the reader must know beyond the amounts.

The money is computed by the kernel from exact integers (``kernel/``). The rules around it (the
control card, access to the eC3.2, job-seeker registration, a new application, when the month is
paid, the limits by reason) read the case's dates, countries and flags, never change an amount,
and explain themselves with steps and notices like the money rules do. Each is a module of
``rules/`` taking plain values; this module hands them the case's values, in the rulebook's
order, and gathers what they say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..core.vocabulary import DayStatus
from ..explain.step import Notice, Step
from ..parameters.facts import Facts
from ..rules import control_card, payment_status
from .models import Employer, History, Month, Worker

__all__ = ["PROCESS_RULES", "explain_process"]

Explained = tuple[tuple[Step, ...], tuple[Notice, ...]]
ProcessRule = Callable[[Worker, Employer, Month, History, Facts], Explained]

# --------------------------------------------------------------------------- R10 control card


def _first_unemployment_day(month: Month) -> date | None:
    """The month's first day of temporary unemployment (None: none this month)."""
    days = [d.day for d in month.days if d.status is DayStatus.TEMPORARY_UNEMPLOYMENT]
    return min(days, default=None)


def _control_card(
    worker: Worker, employer: Employer, month: Month, history: History, facts: Facts
) -> Explained:
    """R10: the month's card against the dates of the electronic card, a paper card's issue
    date against the day it is due."""
    return control_card.explain(
        facts,
        first_day=month.first_day,
        card=month.control_card,
        issued=month.paper_card_issued,
        first_unemployment_day=_first_unemployment_day(month),
        joint_committee=employer.joint_committee,
        workshop=employer.sheltered_workshop,
    )


# --------------------------------------------------------------------------- R8 payment timing


def _payment_timing(
    worker: Worker, employer: Employer, month: Month, history: History, facts: Facts
) -> Explained:
    """R8: when the month is paid, and what holds it with what the worker can do."""
    return payment_status.explain_timing(
        facts,
        first_day=month.first_day,
        employer_declared=month.employer_declared,
        card_submitted=month.card_submitted,
        card=month.control_card,
    )


# --------------------------------------------------------------------------- the process rules

PROCESS_RULES: tuple[ProcessRule, ...] = (_control_card, _payment_timing)
"""The process rules in the order the explanation reads them (each adds its own line)."""


def explain_process(
    worker: Worker, employer: Employer, month: Month, history: History, facts: Facts
) -> Explained:
    """The steps and notices of every process rule for this month."""
    steps: list[Step] = []
    notices: list[Notice] = []
    for rule in PROCESS_RULES:
        more_steps, more_notices = rule(worker, employer, month, history, facts)
        steps += more_steps
        notices += more_notices
    return tuple(steps), tuple(notices)
