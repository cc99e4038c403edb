"""Compute and explain one month for an example worker (``make demo``).

A construction worker (joint committee 124, category II, legitimation card) on a five-day week,
paid 3,500.00 a month, with twelve days of temporary unemployment in June 2024: eight for economic
reasons and four for force majeure, after 30 units already counted this year.
"""

from datetime import date
from decimal import Decimal

from chomage_rules import (
    DayEntry,
    DayStatus,
    Employer,
    History,
    Month,
    Reason,
    Worker,
    compute_month,
)

worker = Worker(
    niss="85073003328",
    monthly_gross_wage=Decimal("3500.00"),
    weekly_hours=Decimal("38"),
    days_per_week=5,
    cp124_category="II",
    has_legitimation_card=True,
)
employer = Employer(enterprise_number="0403.170.701", joint_committee="124", name="Bouw NV")

economic = [3, 4, 5, 6, 7, 10, 11, 12]
force_majeure = [17, 18, 19, 20]
days = [
    DayEntry(day=date(2024, 6, d), status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=Reason.ECONOMIC)
    for d in economic
] + [
    DayEntry(
        day=date(2024, 6, d), status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=Reason.FORCE_MAJEURE
    )
    for d in force_majeure
]
days.append(DayEntry(day=date(2024, 6, 13), status=DayStatus.WORKED))
month = Month(year=2024, month=6, days=days)

result = compute_month(worker, employer, month, History(supplement_units=Decimal("30")))
print(result.explain())
print(f"net total: {result.net_total} EUR")
for payment in result.payments:
    print(
        f"  {payment.payer:<13} gross {payment.gross:>8}  withholding {payment.withholding:>7}  net {payment.net:>8}"
    )
