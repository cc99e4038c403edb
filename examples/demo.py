"""Compute and explain one month for an example worker (``make demo``).

A cross-border worker living in France, white-collar, paid 3,800.00 a month by a Belgian
employer (joint committee 200), with ten days of economic temporary unemployment in November
2026, the month a payment body pays in December 2026. Her spell of temporary unemployment began
on 3 August 2026, so it passes three months this month.

What the explanation shows besides the amounts:

- the wage is above the ceiling, and the ceiling in force (3,501.11 from 1 March 2026) is a
  *derived* figure no source confirms; from October 2026 it may also be stale (an indexation was
  expected then), and so may the employer supplement (5.20): the notices say so, and say how to
  supply the figures in force;
- France is not connected to eIDAS: she needs a digital key to fill in the electronic control
  card (then ``ec32_access`` prints what to do, in French);
- her spell passes three months: she must register as a job seeker within 8 days.
"""

from datetime import date
from decimal import Decimal

from chomage_rules import (
    DayEntry,
    DayStatus,
    Employer,
    History,
    LastUnemployment,
    Month,
    Reason,
    Spell,
    Worker,
    compute_month,
    ec32_access,
)

worker = Worker(
    niss="85073003328",
    monthly_gross_wage=Decimal("3800.00"),
    weekly_hours=Decimal("38"),
    days_per_week=5,
    residence_country="FR",
    occupation="white_collar",
)
employer = Employer(
    enterprise_number="0403.170.701", joint_committee="200", name="Métal Hainaut SA"
)

economic = [2, 3, 4, 5, 6, 16, 17, 18, 19, 20]
days = [
    DayEntry(day=date(2026, 11, d), status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=Reason.ECONOMIC)
    for d in economic
]
month = Month(year=2026, month=11, days=days)

# what the previous months left with this employer (result.history_after of October)
history = History(
    through=date(2026, 10, 31),
    supplement_units=Decimal("40"),
    spell=Spell(first_day=date(2026, 8, 3), last_day=date(2026, 10, 30)),
    last_unemployment=LastUnemployment(
        day=date(2026, 10, 30), regime="full_time", weekly_hours=Decimal("38")
    ),
)

result = compute_month(worker, employer, month, history)
print(result.explain())
print(f"net total: {result.net_total} EUR")
for payment in result.payments:
    print(
        f"  {payment.payer:<13} gross {payment.gross:>8}  withholding {payment.withholding:>7}  net {payment.net:>8}"
    )
print()
print("How sure each figure used is:")
for figure in result.figures:
    if figure.value is None:
        continue  # read to say it does not apply or is not sourced (its step says which)
    marks = [figure.confidence, *(["unverified"] if figure.unverified else [])]
    if figure.stale is not None:
        marks.append(f"may be stale since {figure.stale.on}")
    print(f"  {figure.name} = {figure.value}: {', '.join(marks)}")
print()
print(ec32_access("FR", on=date(2026, 11, 1)).text("fr"))
