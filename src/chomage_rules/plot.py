"""Plots for a notebook (the ``plot`` extra, matplotlib): what a month of temporary unemployment
pays against the monthly wage.

:func:`allowance_curve` draws the gross allowance and the net total over all payers for a range
of monthly gross wages, each point a :func:`~chomage_rules.compute_month` of the same month, and
marks the wage ceiling and the supplement's wage threshold in force on the day. The amounts are
exact Decimals until they are handed to matplotlib, which draws floats. ``import chomage_rules``
does not import this module; without matplotlib, importing it raises an ``ImportError`` naming
the extra.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, cast

try:
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes
except ImportError as error:
    raise ImportError(
        "chomage_rules.plot needs matplotlib, which the plot extra installs: "
        "pip install 'chomage-rules[plot]'",
        name=error.name,
    ) from error

from .case.engine import compute_month, parameter_set
from .case.models import DayEntry, Employer, History, Month, Worker
from .core.errors import ParameterNotCovered
from .core.vocabulary import DayStatus, Reason
from .parameters import ParameterSet, ParameterVersion

__all__ = ["DEFAULT_WAGES", "MARKED_FIGURES", "CurvePoint", "allowance_curve", "allowance_points"]

DEFAULT_WAGES = range(1500, 6001, 50)
"""Monthly gross wages drawn by default (EUR): 1,500 to 6,000 in steps of 50."""

MARKED_FIGURES = {
    "wage.monthly_ceiling": "wage ceiling",
    "supplement.wage_threshold": "supplement's wage threshold",
}
"""The figures marked by a vertical line, with their label: where the curve bends."""

_EMPLOYER = {"enterprise_number": "0403.170.701"}
_WORKER = {"niss": "85073003328", "weekly_hours": Decimal("38"), "days_per_week": 5}
"""A valid worker (the README's national number: it is never shown) and a full-time week."""


class CurvePoint(NamedTuple):
    """One wage and what the month pays at it (exact, EUR)."""

    wage: Decimal
    gross_allowance: Decimal
    net_total: Decimal


def _month(on: date, days: int, reason: Reason | str, days_per_week: int) -> Month:
    """The month of ``on`` with ``days`` days of temporary unemployment: its first working days
    (Monday to Friday, Saturday too in a six-day week)."""
    year, month = on.year, on.month
    working = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() < days_per_week
    ]
    if not 0 <= days <= len(working):
        raise ValueError(f"days: {days} asked, {year}-{month:02d} has {len(working)} working days")
    entries = [
        DayEntry(day=day, status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=reason)
        for day in working[:days]
    ]
    return Month(year=year, month=month, days=entries)


def allowance_points(
    on: date,
    *,
    wages: Iterable[int | str | Decimal] = DEFAULT_WAGES,
    days: int = 10,
    reason: Reason | str = Reason.ECONOMIC,
    worker: Mapping[str, Any] | None = None,
    joint_committee: str = "200",
    history: History | Mapping[str, Any] | None = None,
    parameters: ParameterSet | None = None,
) -> list[CurvePoint]:
    """What :func:`allowance_curve` draws, as exact amounts: for each monthly gross wage, the
    month of ``on`` with ``days`` days of ``reason`` computed by ``compute_month``.

    ``worker``: fields of :class:`~chomage_rules.Worker` besides the wage (default: a full-time
    week of 38 hours over 5 days); ``joint_committee``: the employer's; ``history``: the counters
    before the month (default none: the supplement's first free units apply above its wage
    threshold); ``parameters``: default the shipped ones. A bad field raises the
    ``ValidationError`` ``compute_month`` raises.
    """
    fields = {**_WORKER, **(worker or {})}
    workers = [Worker.model_validate({**fields, "monthly_gross_wage": w}) for w in wages]
    if not workers:
        return []
    month = _month(on, days, reason, workers[0].days_per_week)
    employer = Employer(**_EMPLOYER, joint_committee=joint_committee)
    points = []
    for one in workers:
        result = compute_month(one, employer, month, history, parameters=parameters)
        wage = cast(Decimal, one.monthly_gross_wage)  # given to every worker above
        points.append(CurvePoint(wage, result.gross_allowance, result.net_total))
    return points


def _marks(ax: Axes, parameters: ParameterSet, on: date) -> None:
    """A labelled vertical line at each of :data:`MARKED_FIGURES` in force on ``on`` (none for
    a figure without a value then, such as the supplement's threshold before 2024)."""
    styles = iter(("--", ":"))
    for name, label in MARKED_FIGURES.items():
        style = next(styles)
        try:
            version = parameters.version(name, on)
            value = parameters.value(name, on)
        except ParameterNotCovered:
            continue
        ax.axvline(
            float(value),
            color="grey",
            linestyle=style,
            label=f"{label} {value:,} ({_how_sure(name, version)})",
        )


def _how_sure(name: str, version: ParameterVersion) -> str:
    """The figure's name, and how sure it is where no source gives it as it stands (a derived,
    unverified or caller's figure is labelled so: a plot is read without its explanation)."""
    if version.confidence == "official" and not version.unverified:
        return name
    grade = version.confidence + (", unverified" if version.unverified else "")
    return f"{name}; {grade}"


def allowance_curve(
    on: date,
    *,
    wages: Iterable[int | str | Decimal] = DEFAULT_WAGES,
    days: int = 10,
    reason: Reason | str = Reason.ECONOMIC,
    worker: Mapping[str, Any] | None = None,
    joint_committee: str = "200",
    history: History | Mapping[str, Any] | None = None,
    parameters: ParameterSet | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the gross allowance and the net total (all payers, after the tax withheld) of a
    month of ``days`` days of temporary unemployment against the monthly gross wage, with the
    wage ceiling and the supplement's wage threshold in force on ``on``; the Axes drawn on
    (``ax``, or a new figure's). The arguments are those of :func:`allowance_points`."""
    figures = parameter_set(parameters)
    points = allowance_points(
        on,
        wages=wages,
        days=days,
        reason=reason,
        worker=worker,
        joint_committee=joint_committee,
        history=history,
        parameters=figures,
    )
    if ax is None:
        _, ax = plt.subplots()
    x = [float(p.wage) for p in points]  # Decimal to float for drawing only
    ax.plot(x, [float(p.gross_allowance) for p in points], label="allowance (gross)")
    ax.plot(x, [float(p.net_total) for p in points], label="net total, all payers")
    _marks(ax, figures, on)
    ax.set_xlabel("monthly gross wage (EUR)")
    ax.set_ylabel("EUR for the month")
    ax.set_title(f"{days} days of {Reason(reason).value} temporary unemployment, {on:%Y-%m}")
    ax.legend(fontsize="small")
    return ax
