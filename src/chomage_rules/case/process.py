"""The process rules of a month: what the reader must know beyond the amounts.

The money is computed by the kernel from exact integers (``kernel/``). The rules around it (the
control card, access to the eC3.2, job-seeker registration, a new application, when the month is
paid, the limits by reason) read the case's dates, countries and flags, never change an amount,
and explain themselves with steps and notices like the money rules do. Each is a module of
``rules/`` taking plain values; this module hands them the case's values, in the rulebook's
order, and gathers what they say.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from functools import cached_property

from ..core.money import decimal_to_cents
from ..core.vocabulary import DayStatus, Reason
from ..explain.step import Notice, Step
from ..parameters.facts import Facts
from ..rules import (
    application,
    control_card,
    ec32_access,
    payment_status,
    reason_limits,
    registration,
)
from . import spells
from .models import Employer, History, Month, ReasonLimitCounters, Worker

__all__ = ["PROCESS_RULES", "ProcessCase", "explain_process", "reason_limits_after"]

Explained = tuple[tuple[Step, ...], tuple[Notice, ...]]


class ProcessCase:
    """One month's case as the process rules read it, with the two walks over its days that
    both the explanation and ``MonthResult.history_after`` need (R12's spell, day by day, and
    R14's weeks), each made once however often they are read."""

    __slots__ = ("__dict__", "employer", "facts", "history", "month", "worker")

    def __init__(
        self, worker: Worker, employer: Employer, month: Month, history: History, facts: Facts
    ) -> None:
        self.worker, self.employer, self.month = worker, employer, month
        self.history, self.facts = history, facts

    @cached_property
    def walk(self) -> registration.Walk:
        """The spell followed to the month's last day (R12)."""
        return spells.walk(self.worker, self.month, self.history, self.facts)

    @cached_property
    def limit_count(self) -> tuple[reason_limits.Count, reason_limits.Limits]:
        """The month's weeks counted against the limits by reason (R14)."""
        return _reason_limit_count(self.worker, self.month, self.history, self.facts)


ProcessRule = Callable[[ProcessCase], Explained]

# --------------------------------------------------------------------------- R10 control card


def _first_unemployment_day(month: Month) -> date | None:
    """The month's first day of temporary unemployment (None: none this month)."""
    days = [d.day for d in month.days if d.status is DayStatus.TEMPORARY_UNEMPLOYMENT]
    return min(days, default=None)


def _control_card(case: ProcessCase) -> Explained:
    """R10: the month's card against the dates of the electronic card, a paper card's issue
    date against the day it is due."""
    month, employer = case.month, case.employer
    return control_card.explain(
        case.facts,
        first_day=month.first_day,
        card=month.control_card,
        issued=month.paper_card_issued,
        first_unemployment_day=_first_unemployment_day(month),
        joint_committee=employer.joint_committee,
        workshop=employer.sheltered_workshop,
    )


# --------------------------------------------------------------------------- R8 payment timing


def _payment_timing(case: ProcessCase) -> Explained:
    """R8: when the month is paid, and what holds it with what the worker can do."""
    month = case.month
    return payment_status.explain_timing(
        case.facts,
        first_day=month.first_day,
        employer_declared=month.employer_declared,
        card_submitted=month.card_submitted,
        card=month.control_card,
    )


# --------------------------------------------------------------------------- R11 eC3.2 access


def _ec32_access(case: ProcessCase) -> Explained:
    """How the worker logs in to the eC3.2, from the country of residence (R11)."""
    access = ec32_access.ec32_access(
        case.worker.residence_country, on=case.month.first_day, facts=case.facts
    )
    return (access.step,), access.notices


# --------------------------------------------------------------------------- R14 limits by reason


def _reason_limit_count(
    worker: Worker, month: Month, history: History, facts: Facts
) -> tuple[reason_limits.Count, reason_limits.Limits]:
    """The month's weeks of economic temporary unemployment counted against the history (R14)."""
    unemployed = [d for d in month.days if d.status is DayStatus.TEMPORARY_UNEMPLOYMENT]
    limits = reason_limits.limits(facts, month.first_day)
    counted = reason_limits.count(
        first_day=month.first_day,
        last_day=spells.month_end(month),
        economic=[d.day for d in unemployed if d.reason is Reason.ECONOMIC],
        unemployed=[d.day for d in unemployed],
        technical=[d.day for d in unemployed if d.reason is Reason.TECHNICAL_ACCIDENT],
        days_per_week=worker.days_per_week,
        before=reason_limits.Counters(**history.reason_limits.model_dump()),
        through=history.through,
        limits=limits,
    )
    return counted, limits


def reason_limits_after(case: ProcessCase) -> ReasonLimitCounters:
    """The R14 counters after the month, for ``MonthResult.history_after``."""
    after = case.limit_count[0].after
    return ReasonLimitCounters(**dataclasses.asdict(after))


def _limits(case: ProcessCase) -> Explained:
    """The limits by reason: a technical accident's dates, the weeks of economic suspension
    against the limits of the worker's occupation (R14)."""
    counted, limits = case.limit_count
    occupation = case.worker.occupation
    return (
        reason_limits.steps(counted, occupation, limits),
        reason_limits.notices(counted, occupation, limits),
    )


# --------------------------------------------------------------- R12 registration, R13 application


def _registration(case: ProcessCase) -> Explained:
    """R12: the spell of temporary unemployment, and where and by when to register once it
    passes three months."""
    walk, worker, facts = case.walk, case.worker, case.facts
    return (
        registration.steps(
            walk,
            spells.month_end(case.month),
            facts,
            country=worker.residence_country,
            region=worker.residence_region,
        ),
        registration.notices(
            walk, country=worker.residence_country, region=worker.residence_region, facts=facts
        ),
    )


def _application(case: ProcessCase) -> Explained:
    """R13: whether the month needs a new application or a new wage declaration."""
    worker, facts = case.worker, case.facts
    decision = spells.decision(worker, case.month, case.history, facts)
    return (
        application.steps(
            decision,
            spells.earlier(case.history),
            regime=worker.regime,
            weekly_hours=decimal_to_cents(worker.weekly_hours),
            facts=facts,
        ),
        application.notices(decision, facts),
    )


# --------------------------------------------------------------------------- the rules in order

PROCESS_RULES: tuple[ProcessRule, ...] = (
    _control_card,
    _payment_timing,
    _ec32_access,
    _registration,
    _application,
    _limits,
)
"""The process rules in the order the explanation reads them (each adds its own line)."""


def explain_process(case: ProcessCase) -> Explained:
    """The steps and notices of every process rule for this month."""
    steps: list[Step] = []
    notices: list[Notice] = []
    for rule in PROCESS_RULES:
        more_steps, more_notices = rule(case)
        steps += more_steps
        notices += more_notices
    return tuple(steps), tuple(notices)
