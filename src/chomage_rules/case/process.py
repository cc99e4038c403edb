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

from ..core.money import decimal_to_cents
from ..explain.step import Notice, Step
from ..parameters.facts import Facts
from ..rules import application, registration
from . import spells
from .models import Employer, History, Month, Worker

__all__ = ["PROCESS_RULES", "explain_process"]

Explained = tuple[tuple[Step, ...], tuple[Notice, ...]]
ProcessRule = Callable[[Worker, Employer, Month, History, Facts], Explained]


def _registration(
    worker: Worker, employer: Employer, month: Month, history: History, facts: Facts
) -> Explained:
    """R12: the spell of temporary unemployment, and where and by when to register once it
    passes three months."""
    walk = spells.walk(worker, month, history, facts)
    return (
        registration.steps(walk, spells.month_end(month), facts),
        registration.notices(
            walk, country=worker.residence_country, region=worker.residence_region, facts=facts
        ),
    )


def _application(
    worker: Worker, employer: Employer, month: Month, history: History, facts: Facts
) -> Explained:
    """R13: whether the month needs a new application or a new wage declaration."""
    decision = spells.decision(worker, month, history, facts)
    return (
        application.steps(
            decision,
            spells.earlier(history),
            regime=worker.regime,
            weekly_hours=decimal_to_cents(worker.weekly_hours),
            facts=facts,
        ),
        application.notices(decision, facts),
    )


PROCESS_RULES: tuple[ProcessRule, ...] = (_registration, _application)
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
