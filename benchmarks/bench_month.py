"""Time one worker-month, from plain dicts to amounts and explanation (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_month.py [--repeat 15] [--number 2000]
                                               [--baseline] [--peer PEER_FOLDER]

The month: a full-time construction worker (joint committee 124, category II, legitimation card),
five-day week, 12 days of temporary unemployment over two reasons (economic and force majeure),
counters from earlier months. Printed, in microseconds per call, the median over ``--repeat``
runs of ``--number`` calls:

- validating the three models and the history from plain dicts (what a back end receives);
- ``compute_month`` on validated models; both together (the figure issue 8 sets a goal for);
  and with every amount read (the amounts become ``Decimal`` when first read);
- the same with the explanation's steps, and rendered as text (English, French) and JSON;
- what the caches (``core/memo.py``) earn: ``compute_month`` with a month's figures read anew
  each call, and the amounts with their Decimals built anew;
- reference: a bare ``Decimal`` loop of the same amounts (no validation, no explanation).

``--baseline`` also runs the release pinned by the differential check
(``baseline/chomage_rules-1c33b4a.zip``, before the "one rule, one place" restructuring) on the
same month in a child process, side by side. ``--peer`` times the OpenFisca peer's single case
(build and calculate one person, its own code in its own virtual environment, made once under
``.bench-peer/`` as for ``bench_population.py``), and prints our ratio to it.

The machine is shared and noisy: read the medians and the ratios, not single runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASELINE_PATH = f"{HERE / 'baseline' / 'chomage_rules-1c33b4a.zip'}/baseline/src"

WORKER = {
    "niss": "85073003328",
    "monthly_gross_wage": "3500.00",
    "weekly_hours": "38",
    "days_per_week": 5,
    "cp124_category": "II",
    "has_legitimation_card": True,
}
EMPLOYER = {"enterprise_number": "0403.170.701", "joint_committee": "124"}
DAYS = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18]
MONTH = {
    "year": 2024,
    "month": 6,
    "days": [
        {
            "day": f"2024-06-{d:02d}",
            "status": "temporary_unemployment",
            "reason": "force_majeure" if i % 3 == 2 else "economic",
        }
        for i, d in enumerate(DAYS)
    ],
}
HISTORY = {"supplement_units": "20", "cp124_credit_used": "10"}
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


def median_us(call: Callable[[], object], repeat: int, number: int) -> float:
    runs = timeit.repeat(call, repeat=repeat, number=number)
    return statistics.median(runs) / number * 1e6


def workload(current: bool) -> dict[str, tuple[Callable[[], object], int]]:
    """The calls to time, with their share of ``--number`` (the slow ones run fewer times).

    The same code runs on the pinned release (``current=False``), whose public API is the same;
    the rows that need this tree's modules are left out there.
    """
    from chomage_rules import (  # noqa: PLC0415 - the version is chosen by the caller's path
        Employer,
        History,
        Month,
        Worker,
        compute_month,
    )

    def models() -> tuple[Any, Any, Any, Any]:
        return (
            Worker.model_validate(WORKER),
            Employer.model_validate(EMPLOYER),
            Month.model_validate(MONTH),
            History.model_validate(HISTORY),
        )

    given = models()

    def amounts(result: Any) -> object:
        return (result.net_total, result.payments, result.units, result.history_after)

    rows: dict[str, tuple[Callable[[], object], int]] = {
        "validate the models from dicts": (models, 1),
        "compute_month": (lambda: compute_month(*given), 1),
        "validate + compute_month": (lambda: compute_month(*models()), 1),
        "validate + compute_month + amounts": (lambda: amounts(compute_month(*models())), 1),
        "compute_month + steps": (lambda: compute_month(*given).steps, 1),
    }
    result = compute_month(*given)
    rows['explain("text")'] = (lambda: result.explain("text"), 10)
    rows['explain("json")'] = (lambda: result.explain("json"), 10)
    if current:
        from chomage_rules.core import memo  # noqa: PLC0415 - this tree only

        def cold_figures() -> object:
            memo.clear()
            return compute_month(*given)

        def cold_decimals() -> object:
            memo.clear_shared()
            return amounts(compute_month(*given))

        rows['explain("text", "fr")'] = (lambda: result.explain("text", "fr"), 10)
        rows["compute_month, figures read anew"] = (cold_figures, 4)
        rows["compute_month + amounts"] = (lambda: amounts(compute_month(*given)), 1)
        rows["compute_month + amounts, Decimals anew"] = (cold_decimals, 1)
    rows["reference: bare Decimal loop"] = (bare_decimal_month, 1)
    return rows


def measure(current: bool, repeat: int, number: int) -> dict[str, float]:
    return {
        name: median_us(call, repeat, max(1, number // share))
        for name, (call, share) in workload(current).items()
    }


def baseline(repeat: int, number: int) -> dict[str, float]:
    """The same workload on the pinned release, in a child process."""
    env = {**os.environ, "PYTHONPATH": BASELINE_PATH}
    command = [sys.executable, __file__, "--child", str(repeat), str(number)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    timings: dict[str, float] = json.loads(done.stdout)
    return timings


def peer_single_case(peer: Path, reps: int) -> float:
    """The OpenFisca peer's single case (one person: build the simulation and calculate), µs."""
    sys.path.insert(0, str(HERE))
    from bench_population import peer_python  # noqa: PLC0415 - the peer's venv, made once

    python = peer_python(peer.resolve())
    job = {"kind": "openfisca", "n": 1, "reps": reps, "dtype": "float32"}
    done = subprocess.run(
        [str(python), "bench.py", "--worker", json.dumps(job)],
        capture_output=True,
        text=True,
        cwd=python.parent.parent.parent,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    totals = [b + c for b, c in zip(result["build_s"], result["calc_s"], strict=True)]
    return statistics.median(totals) * 1e6


def report(ours: dict[str, float], pinned: dict[str, float] | None, peer: float | None) -> None:
    reference = ours["reference: bare Decimal loop"]
    header = f"{'':40} {'µs/call':>9} {'× Decimal':>10}"
    if pinned:
        header += f" {'1c33b4a µs':>11} {'now/then':>9}"
    print(header)
    for name, micros in ours.items():
        line = f"{name:40} {micros:9.1f} {micros / reference:10.1f}"
        if pinned and name in pinned:
            line += f" {pinned[name]:11.1f} {micros / pinned[name]:9.2f}"
        print(line)
    goal = ours["validate + compute_month"]
    print(f"goal (issue 8): validate + compute_month at most 40 µs -> {goal:.1f} µs")
    if peer is not None:
        print(
            f"OpenFisca peer, one person (build + calculate): {peer:.0f} µs; "
            f"validate + compute_month is {peer / goal:.1f}× faster "
            f"({peer / ours['validate + compute_month + amounts']:.1f}× with every amount read)"
        )


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":  # the pinned release's run
        print(json.dumps(measure(False, int(sys.argv[2]), int(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=2000)
    parser.add_argument("--baseline", action="store_true", help="also time release 1c33b4a")
    parser.add_argument("--peer", type=Path, help="the OpenFisca peer's folder")
    args = parser.parse_args()
    print(f"one worker-month: {len(DAYS)} days, 2 reasons, CP 124; medians of {args.repeat} runs")
    ours = measure(True, args.repeat, args.number)
    pinned = baseline(args.repeat, args.number) if args.baseline else None
    peer = peer_single_case(args.peer, max(50, args.number // 10)) if args.peer else None
    report(ours, pinned, peer)


if __name__ == "__main__":
    main()
