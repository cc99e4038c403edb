"""Time ``compute_month`` for a typical month (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_month.py [--repeat 15] [--number 2000]

The month: a full-time construction worker (joint committee 124, category II, legitimation card),
five-day week, 12 days of temporary unemployment over two reasons (economic and force majeure).
Prints the median over ``--repeat`` runs of ``--number`` calls, in microseconds per call:

- ``compute_month``                 the amounts, payments, status and counters;
- ``compute_month + steps``         the same, with the explanation's steps written out;
- ``compute_month + explain("text")`` the same, rendered for a terminal;
- ``explain("text")`` / ``("json")``  rendering an already computed result;
- reference: a bare ``Decimal`` loop of the same amounts (no explanation, no validation), measured
  in the same run so that the ratio holds on a noisy machine.

The machine is shared and noisy: read the medians and the ratios, not single runs.
"""

from __future__ import annotations

import argparse
import statistics
import timeit
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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

WORKER = Worker(
    niss="85073003328",
    monthly_gross_wage=Decimal("3500.00"),
    weekly_hours=Decimal("38"),
    days_per_week=5,
    cp124_category="II",
    has_legitimation_card=True,
)
EMPLOYER = Employer(enterprise_number="0403.170.701", joint_committee="124")
DAYS = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18]
MONTH = Month(
    year=2024,
    month=6,
    days=[
        DayEntry(
            day=date(2024, 6, d),
            status=DayStatus.TEMPORARY_UNEMPLOYMENT,
            reason=Reason.FORCE_MAJEURE if i % 3 == 2 else Reason.ECONOMIC,
        )
        for i, d in enumerate(DAYS)
    ],
)
HISTORY = History(supplement_units=Decimal("20"), cp124_credit_used=Decimal("10"))
CENT = Decimal("0.01")


def bare_decimal_month() -> Decimal:
    """The same month's amounts as a plain Decimal loop: the floor of what Python can do."""
    capped = min(Decimal("3500.00"), Decimal("3365.16"))
    standard = (Decimal("0.60") * capped / 26).quantize(CENT, ROUND_HALF_UP)
    force = (Decimal("0.65") * capped / 26).quantize(CENT, ROUND_HALF_UP)
    units_e = Decimal("9.5")
    units_f = Decimal("5")
    gross = (units_e * standard).quantize(CENT, ROUND_HALF_UP) + (units_f * force).quantize(
        CENT, ROUND_HALF_UP
    )
    top_up = ((units_e + units_f) * Decimal("7.63")).quantize(CENT, ROUND_HALF_UP)
    supplement = (units_e * Decimal("5.10")).quantize(CENT, ROUND_HALF_UP)
    tax = (Decimal("0.2675") * (gross + top_up)).quantize(CENT, ROUND_HALF_UP)
    tax_e = (Decimal("0.2675") * supplement).quantize(CENT, ROUND_HALF_UP)
    return gross + top_up - tax + supplement - tax_e


def median_us(call: object, repeat: int, number: int) -> float:
    runs = timeit.repeat(call, repeat=repeat, number=number)  # type: ignore[arg-type]
    return statistics.median(runs) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=2000)
    args = parser.parse_args()
    result = compute_month(WORKER, EMPLOYER, MONTH, HISTORY)
    assert len(result.steps) > 20
    rows = [
        ("compute_month", lambda: compute_month(WORKER, EMPLOYER, MONTH, HISTORY), args.number),
        (
            "compute_month + steps",
            lambda: compute_month(WORKER, EMPLOYER, MONTH, HISTORY).steps,
            args.number,
        ),
        (
            'compute_month + explain("text")',
            lambda: compute_month(WORKER, EMPLOYER, MONTH, HISTORY).explain("text"),
            max(1, args.number // 4),
        ),
        ('explain("text")', lambda: result.explain("text"), max(1, args.number // 10)),
        ('explain("json")', lambda: result.explain("json"), max(1, args.number // 10)),
        ("reference: bare Decimal loop", bare_decimal_month, args.number),
    ]
    timings = {name: median_us(call, args.repeat, number) for name, call, number in rows}
    reference = timings["reference: bare Decimal loop"]
    print(
        f"compute_month benchmark: {len(MONTH.days)} days, 2 reasons, CP 124; median of {args.repeat} runs"
    )
    print(f"{'':34} {'µs/call':>10} {'× reference':>12}")
    for name, micros in timings.items():
        print(f"{name:34} {micros:10.1f} {micros / reference:12.1f}")
    with_steps = timings["compute_month + steps"]
    print(
        f"aim: compute_month with its explanation (the steps) under 100 µs -> "
        f"{'met' if with_steps < 100 else 'not met'}"
    )


if __name__ == "__main__":
    main()
