"""Small builders for readable tests."""

from datetime import date
from decimal import Decimal
from typing import Any

from chomage_rules import DayEntry, DayStatus, Employer, Month, Reason, Worker

NISS = "85073003328"
ENTERPRISE = "0403.170.701"


def worker(**changes: Any) -> Worker:
    fields: dict[str, Any] = {
        "niss": NISS,
        "monthly_gross_wage": Decimal("3500.00"),
        "days_per_week": 6,
    }
    fields.update(changes)
    return Worker(**fields)


def employer(joint_committee: str = "200", **changes: Any) -> Employer:
    return Employer(enterprise_number=ENTERPRISE, joint_committee=joint_committee, **changes)


def working_days(year: int, month: int, count: int, *, six_day: bool = True) -> list[date]:
    """The first ``count`` working days of a month (Monday-Saturday, or Monday-Friday)."""
    days = []
    day = date(year, month, 1)
    while len(days) < count:
        if day.weekday() < (6 if six_day else 5):
            days.append(day)
        day = date.fromordinal(day.toordinal() + 1)
        assert day.month == month, "not enough working days"
    return days


def unemployed(days: list[date], reason: Reason, **fields: Any) -> list[DayEntry]:
    return [
        DayEntry(day=d, status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=reason, **fields)
        for d in days
    ]


def month_of(year: int, month: int, *entries: list[DayEntry], **fields: Any) -> Month:
    return Month(year=year, month=month, days=[e for group in entries for e in group], **fields)


def frost_january() -> Month:
    """2024-01, every day in a recognised frost period: 8-9 January economic, 10-11 bad weather,
    12 and 15 technical accident (issue 9's case of frost units counted per reason)."""
    return month_of(
        2024,
        1,
        unemployed([date(2024, 1, 8), date(2024, 1, 9)], Reason.ECONOMIC, frost_period=True),
        unemployed([date(2024, 1, 10), date(2024, 1, 11)], Reason.BAD_WEATHER, frost_period=True),
        unemployed(
            [date(2024, 1, 12), date(2024, 1, 15)], Reason.TECHNICAL_ACCIDENT, frost_period=True
        ),
    )
