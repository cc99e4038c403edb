"""Throughput of ``compute_population`` on the OpenFisca peer's population (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_population.py [--sizes 1000000 10000000] [--reps 5]
                                                    [--peer PEER_FOLDER]

The population is the peer's (``chomage_rules.population.peer_population``: the same generator and
seed as ``peer-openfisca/reference.py``), on a six-day week so that a day is a unit, computed for
2025-03 with the parameters overridden to the peer's figures (``peer_parameters``). Printed, for
each N, in the same run:

- ``compute_population``: records per second from the input frame to the result frame
  (validation, the kernel, the result frame), median of ``--reps``, on every core (its default)
  and on one (``workers=1``);
- ``bare kernel``: a hand-written numpy int64 kernel of the same rules and outputs over whole
  columns, given the input arrays (no validation, no frame): the practical limit;
- the ratios of the two (``bare/ours``: how many times the bare kernel's rate is ours on every
  core; ``bare/1core``: the same on one core), and peak memory (``ru_maxrss`` of a process that ran only that variant);
- with ``--peer``: the OpenFisca peer's build + calculation rate at the same N (its own code, in
  its own virtual environment, made once under ``.bench-peer/``) and our ratio to it.

Then an exactness check: every row of the bare kernel against ``compute_population``, the outputs
the peer's model shares with ours (allowance, supplement, CP 124 top-up) against the peer's exact
integer reference on every row, and a sample of rows against ``compute_month`` itself.

The machine is shared and noisy: read medians and ratios, not single runs.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

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
from chomage_rules.population import (
    PEER_MONTH,
    compute_population,
    peer_parameters,
    peer_population,
)

ROOT = Path(__file__).resolve().parent.parent
PEER_CACHE = ROOT / ".bench-peer"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- the bare kernel


def bare_inputs(n: int) -> dict[str, np.ndarray]:
    """The peer population as plain int64 arrays (category code 0 = none, 1..6 = I..IV)."""
    frame = peer_population(n)
    return {
        "wage": frame["monthly_wage_cents"].to_numpy(),
        "economic": frame["days_economic"].to_numpy(),
        "force_majeure": frame["days_force_majeure"].to_numpy(),
        "prior": frame["prior_supplement_units"].to_numpy(),
        "category": frame["cp124_category"].cat.codes.to_numpy().astype(np.int64) + 1,
        "credit_used": frame["cp124_credit_used"].to_numpy(),
    }


def bare_kernel(x: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The rules of the peer's population written straight in numpy, in cents and whole units.

    Six-day week (a day is a unit), monthly wages, 2025-03 with the peer's figures: ceiling
    3,299.11, 60 % / 65 %, supplement 5.10 above 4,000 from the 27th unit, CP 124 amounts within a
    60-unit credit, 26.75 % withheld by the payment body on allowance + top-up and by the employer
    on the supplement. Half up is ``(2n + d) // 2d``.
    """
    wage, econ, fm = x["wage"], x["economic"], x["force_majeure"]
    capped = np.minimum(wage, 329_911)
    daily_e = (2 * 3 * capped + 5 * 26) // (2 * 5 * 26)  # 0.60 = 3/5
    daily_fm = (2 * 13 * capped + 20 * 26) // (2 * 20 * 26)  # 0.65 = 13/20
    gross = econ * daily_e + fm * daily_fm
    late = np.clip(x["prior"] + econ - 26, 0, econ)
    paid = np.where(wage > 400_000, late, econ)
    supplement = paid * 510
    covered = np.where(
        x["category"] > 0, np.minimum(econ + fm, np.maximum(60 - x["credit_used"], 0)), 0
    )
    amounts = np.array([0, 634, 666, 763, 802, 1008, 1085], dtype=np.int64)
    top_up = covered * amounts[x["category"]]
    pb_tax = (2 * 107 * (gross + top_up) + 400) // 800  # 26.75 % = 107/400
    employer_tax = (2 * 107 * supplement + 400) // 800
    withholding = pb_tax + employer_tax
    return {
        "units_standard": econ.astype(np.float64),
        "units_force_majeure": fm.astype(np.float64),
        "daily_amount_standard_cents": daily_e,
        "daily_amount_force_majeure_cents": daily_fm,
        "gross_allowance_cents": gross,
        "sector_top_up_cents": top_up,
        "employer_supplement_cents": supplement,
        "payment_body_withholding_cents": pb_tax,
        "employer_withholding_cents": employer_tax,
        "withholding_cents": withholding,
        "net_total_cents": gross + top_up + supplement - withholding,
        "supplement_units_after": (x["prior"] + econ).astype(np.float64),
        "cp124_credit_used_after": (x["credit_used"] + covered).astype(np.float64),
    }


# --------------------------------------------------------------------------- workers


def _median_rate(n: int, seconds: list[float]) -> dict[str, Any]:
    return {"seconds": seconds, "median_s": statistics.median(seconds)}


def worker_population(n: int, reps: int, workers: int | None = None) -> dict[str, Any]:
    parameters = peer_parameters()
    frame = peer_population(n)
    compute_population(frame.head(100), *PEER_MONTH, parameters=parameters)  # warm caches
    seconds = []
    for _ in range(reps):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = compute_population(frame, *PEER_MONTH, parameters=parameters, workers=workers)
        seconds.append(time.perf_counter() - start)
    del result
    return {**_median_rate(n, seconds), "peak_rss_mib": peak_rss_mib()}


def worker_bare(n: int, reps: int) -> dict[str, Any]:
    x = bare_inputs(n)
    seconds = []
    for _ in range(reps):
        out = None
        gc.collect()
        start = time.perf_counter()
        out = bare_kernel(x)
        seconds.append(time.perf_counter() - start)
    del out
    return {**_median_rate(n, seconds), "peak_rss_mib": peak_rss_mib()}


def worker_exactness(n: int, sample: int) -> dict[str, Any]:
    """Differences in cents: bare kernel vs ours (all rows), peer reference vs ours (shared
    outputs, all rows), and compute_month vs ours (a sample of rows)."""
    parameters = peer_parameters()
    frame = peer_population(n)
    ours = compute_population(frame, *PEER_MONTH, parameters=parameters)
    assert not isinstance(ours, dict)
    bare = bare_kernel(bare_inputs(n))
    report: dict[str, Any] = {
        "bare_vs_ours": {
            name: int((ours[name].to_numpy() != values).sum()) for name, values in bare.items()
        }
    }
    peer_reference = _peer_reference(n)
    if peer_reference is not None:
        report["peer_reference_vs_ours"] = {
            ours_name: int((ours[ours_name].to_numpy() != peer_reference[peer_name]).sum())
            for ours_name, peer_name in (
                ("gross_allowance_cents", "gross"),
                ("employer_supplement_cents", "supplement"),
                ("sector_top_up_cents", "cp124_topup"),
            )
        }
    # the oracle: compute_month on the same people, one by one
    year, month = PEER_MONTH
    employer = Employer(enterprise_number="0403.170.701", joint_committee="124")
    rows = np.random.default_rng(7).choice(n, size=min(sample, n), replace=False)
    month_days = [date(year, month, d) for d in range(1, 32) if _in_month(year, month, d)]
    working_days = [d for d in month_days if d.weekday() < 6]
    mismatches = 0
    for row in rows.tolist():
        record = frame.iloc[row]
        category = record["cp124_category"]
        worker = Worker(
            niss="85073003328",
            monthly_gross_wage=Decimal(int(record["monthly_wage_cents"])) / 100,
            days_per_week=6,
            cp124_category=None if pd.isna(category) else category,
            has_legitimation_card=True,
        )
        # the days at the start of the month's working days (Monday to Saturday: 26 in March 2025)
        n_econ, n_fm = int(record["days_economic"]), int(record["days_force_majeure"])
        reasons = [Reason.ECONOMIC] * n_econ + [Reason.FORCE_MAJEURE] * n_fm
        days = [
            DayEntry(day=day, status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=reason)
            for day, reason in zip(working_days, reasons, strict=False)
        ]
        history = History(
            supplement_units=Decimal(int(record["prior_supplement_units"])),
            cp124_credit_used=Decimal(int(record["cp124_credit_used"])),
        )
        result = compute_month(
            worker,
            employer,
            Month(year=year, month=month, days=days),
            history,
            parameters=parameters,
        )
        got = ours.iloc[row]
        expected = {
            "gross_allowance_cents": result.gross_allowance,
            "sector_top_up_cents": result.sector_top_up,
            "employer_supplement_cents": result.employer_supplement,
            "withholding_cents": result.withholding,
            "net_total_cents": result.net_total,
        }
        mismatches += any(int(got[k]) != int(v * 100) for k, v in expected.items())
    report["compute_month_vs_ours"] = {"rows": len(rows), "rows_different": mismatches}
    return report


def _in_month(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _peer_reference(n: int) -> dict[str, np.ndarray] | None:
    folder = os.environ.get("PEER_FOLDER")
    if not folder:
        return None
    sys.path.insert(0, folder)
    reference = importlib.import_module("reference")  # the peer's generator and exact kernel
    return reference.numpy_cents(reference.generate_inputs(n))  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- the peer


def peer_python(peer: Path) -> Path:
    """A writable copy of the peer with its pinned virtual environment (made once)."""
    copy = PEER_CACHE / "peer-openfisca"
    if not copy.exists():
        shutil.copytree(peer, copy, ignore=shutil.ignore_patterns(".venv", "results"))
        copy.chmod(0o755)
        for path in copy.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
    python = copy / ".venv" / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(copy / ".venv")], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-r", str(copy / "requirements.txt")],
            check=True,
        )
    return python


def run_peer(python: Path, n: int, reps: int) -> dict[str, Any]:
    job = {"kind": "openfisca", "n": n, "reps": reps, "dtype": "float32"}
    proc = subprocess.run(
        [str(python), "bench.py", "--worker", json.dumps(job)],
        capture_output=True,
        text=True,
        cwd=python.parent.parent.parent,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    totals = [b + c for b, c in zip(result["build_s"], result["calc_s"], strict=True)]
    return {"median_s": statistics.median(totals), "peak_rss_mib": result["peak_rss_mb"]}


# --------------------------------------------------------------------------- orchestration


def spawn(kind: str, **job: Any) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", json.dumps({"kind": kind, **job})],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"worker {kind} {job} failed")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--sample", type=int, default=2_000, help="rows checked by compute_month")
    parser.add_argument("--peer", type=Path, help="the OpenFisca peer's folder")
    args = parser.parse_args()
    if args.worker:
        job = json.loads(args.worker)
        kind = job.pop("kind")
        worker = {
            "population": worker_population,
            "bare": worker_bare,
            "exactness": worker_exactness,
        }[kind]
        print(json.dumps(worker(**job)))
        return

    python = peer_python(args.peer.resolve()) if args.peer else None
    if args.peer:
        os.environ["PEER_FOLDER"] = str(args.peer.resolve())
    print(
        f"population benchmark: peer population, 2025-03, median of {args.reps}; "
        f"{os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}"
    )
    header = (
        f"{'N':>10}  {'ours rec/s':>11}  {'1 core':>11}  {'bare rec/s':>11}  {'bare/ours':>9}  "
        f"{'bare/1core':>10}  {'ours MiB':>8}  {'bare MiB':>8}"
    )
    if python:
        header += f"  {'peer rec/s':>11}  {'ours/peer':>9}  {'1core/peer':>10}  {'peer MiB':>8}"
    print(header)
    for n in args.sizes:
        ours = spawn("population", n=n, reps=args.reps)
        one_core = spawn("population", n=n, reps=args.reps, workers=1)
        bare = spawn("bare", n=n, reps=args.reps)
        ours_rate, bare_rate = n / ours["median_s"], n / bare["median_s"]
        one_rate = n / one_core["median_s"]
        line = (
            f"{n:>10,}  {ours_rate / 1e6:>9.2f} M  {one_rate / 1e6:>9.2f} M  {bare_rate / 1e6:>9.2f} M  "
            f"{bare_rate / ours_rate:>9.2f}  {bare_rate / one_rate:>10.2f}  "
            f"{ours['peak_rss_mib']:>8.0f}  "
            f"{bare['peak_rss_mib']:>8.0f}"
        )
        if python:
            peer = run_peer(python, n, min(args.reps, 3))
            peer_rate = n / peer["median_s"]
            line += (
                f"  {peer_rate / 1e6:>9.2f} M  {ours_rate / peer_rate:>9.2f}  "
                f"{one_rate / peer_rate:>10.2f}  {peer['peak_rss_mib']:>8.0f}"
            )
        print(line, flush=True)
    exact = spawn("exactness", n=max(args.sizes), sample=args.sample)
    print("\nexactness (rows that differ by a cent or more):")
    print(f"  bare kernel vs ours, {max(args.sizes):,} rows: {exact['bare_vs_ours']}")
    if "peer_reference_vs_ours" in exact:
        print(f"  peer's exact reference vs ours: {exact['peer_reference_vs_ours']}")
    print(f"  compute_month vs ours, a sample: {exact['compute_month_vs_ours']}")
    print(f"load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
