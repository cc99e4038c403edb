"""The case's values for job-seeker registration (R12) and applications (R13), and what the
history carries to the next month for them.

The spell of temporary unemployment is followed day by day from the day after ``History.through``
(or from the month's first day) to the month's last day: the days in between that the month does
not cover are ordinary days, as are the month's days not on the card
(:func:`chomage_rules.rules.registration.follow`).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from ..core.calendar import ONE_DAY
from ..core.money import decimal_to_cents
from ..core.vocabulary import DayStatus
from ..parameters.facts import Facts
from ..rules import application, registration
from .models import History, LastUnemployment, Month, Spell, Worker

__all__ = ["decision", "earlier", "history_fields", "month_end", "walk"]


def month_end(month: Month) -> date:
    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


def _state(history: History) -> registration.State:
    last = history.last_unemployment
    spell = history.spell
    return registration.State(
        first_day=spell.first_day if spell else None,
        last_day=spell.last_day if spell else None,
        work_since=spell.work_since if spell else None,
        week_worked=spell.week_worked if spell else False,
        last_unemployed=last.day if last else None,
    )


def walk(worker: Worker, month: Month, history: History, facts: Facts) -> registration.Walk:
    """The spell followed to the month's last day."""
    card = {entry.day: registration.CardDay(entry.status, entry.reason) for entry in month.days}
    start = history.through + ONE_DAY if history.through else month.first_day
    return registration.follow(
        _state(history),
        start,
        month_end(month),
        card,
        six_day_week=worker.days_per_week == 6,
        facts=facts,
    )


def _unemployed_days(month: Month) -> list[date]:
    return sorted(
        entry.day for entry in month.days if entry.status is DayStatus.TEMPORARY_UNEMPLOYMENT
    )


def earlier(history: History) -> application.Earlier | None:
    last = history.last_unemployment
    if last is None:
        return None
    return application.Earlier(last.day, last.regime, decimal_to_cents(last.weekly_hours))


def decision(worker: Worker, month: Month, history: History, facts: Facts) -> application.Decision:
    """Whether the month needs a new application or a new wage declaration (R13)."""
    days = _unemployed_days(month)
    return application.decide(
        days[0] if days else None,
        earlier(history),
        regime=worker.regime,
        weekly_hours=decimal_to_cents(worker.weekly_hours),
        payment_body_changed=history.payment_body_changed,
        facts=facts,
    )


def history_fields(
    worker: Worker, month: Month, history: History, walked: registration.Walk
) -> dict[str, Any]:
    """The history's spell and last temporary unemployment after the month (R12, R13), from the
    month's ``walk``."""
    state = walked.state
    spell = None
    if state.first_day is not None and state.last_day is not None:
        spell = Spell(
            first_day=state.first_day,
            last_day=state.last_day,
            work_since=state.work_since,
            week_worked=state.week_worked,
        )
    days = _unemployed_days(month)
    last = history.last_unemployment
    if days:
        last = LastUnemployment(
            day=days[-1], regime=worker.regime, weekly_hours=worker.weekly_hours
        )
    return {
        "spell": spell,
        "last_unemployment": last,
        # the month's application is made with the new payment body
        "payment_body_changed": history.payment_body_changed and not days,
    }
