"""Differential check: this tree against the pinned release it was restructured from.

    .venv/bin/python benchmarks/differential.py [--cases 200000] [--seed 1] [--population]

Generates worker-months from a seed (2020 to 2026, every reason, construction (CP 124) with every
category, part-time regimes, hourly wages, hours given day by day, frost days, counters near the
27th unit and the end of the credit, counters from earlier years, the paperwork flags) under the
shipped parameters and a set of what-if overrides. Both versions compute every case, each in its own
process over the same cases, and every output is compared: each amount, unit count, status,
counter, the ids of the steps (and whether each applied), the notice codes, and, for a case that
is refused, the kind of error and the fields it names. The process rules of issue 10 (R10-R14)
are new since the pinned release: their steps, notices and counters are left out.

The pinned version is ``baseline/chomage_rules-1c33b4a.zip``: the package as it stood on ``main``
before the "one rule, one place" restructuring (``git archive 1c33b4a src/chomage_rules``). It is
imported from the zip, so no second install is needed.

``--population`` also runs each month's cases through ``compute_population`` in both versions and
compares every output column.

Changes made on purpose since the pinned release are named in ``CHANGED_BY_DESIGN``: a case (or a
population row) that one of them describes may differ in the amounts, payments and counters only;
it is counted apart, not as differing. Likewise ``REFUSALS_CHANGED_BY_DESIGN`` names the refusals
now reported as another error.

Prints the number of cases, the number that differ and the first differences; exits 1 if any
differ. ``tests/test_differential.py`` runs it on a smaller sample.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline" / "chomage_rules-1c33b4a.zip"
BASELINE_PATH = f"{BASELINE}/baseline/src"

REASONS = (
    "economic",
    "bad_weather",
    "technical_accident",
    "force_majeure",
    "force_majeure_medical",
    "collective_closure",
    "strike_lockout",
    "protected_worker_dismissal",
)
OTHER_STATUSES = ("worked", "worked_elsewhere", "incapacity", "holiday", "other")
CATEGORIES = ("I", "IA", "II", "IIA", "III", "IV")
REGIMES = (
    "full_time",
    "part_time_maintained_rights",
    "part_time_income_guarantee",
    "voluntary_part_time",
)


def _niss(birth: str, serial: int) -> str:
    """A national number with its mod-97 check digits (born before 2000)."""
    body = f"{birth}{serial:03d}"
    return f"{body}{97 - int(body) % 97:02d}"


# national numbers and enterprise numbers with valid check digits
NISS = ("85073003328", _niss("900228", 14), _niss("751231", 997))
ENTERPRISES = ("0403170701", "0202239951")

# what-if parameter sets: the shipped figures, and overrides an analyst would try
PARAMETER_SETS: dict[str, dict[str, Any]] = {
    "shipped": {},
    "ceiling_up": {"wage.monthly_ceiling": {"2023-01-01": "3600.00"}},
    "rates": {"rate.standard": "0.62", "rate.force_majeure": "0.6725"},
    "free_30": {"supplement.free_units": "30", "supplement.wage_threshold": "3800"},
    "supplement_early": {
        "supplement.amount": {"2022-01-01": "5.37"},
        "supplement.wage_threshold": {"2022-01-01": "3900"},
        "supplement.free_units": {"2022-01-01": "20"},
    },
    "minimum": {"allowance.minimum_daily": {"2024-01-01": "66.01"}},
    "construction": {
        "construction.credit_units": "40.5",
        "construction.amount.II": "9.99",
        "construction.frost_amount.II": "3.33",
        "construction.frost_amount.IV": "4.15",
    },
    "withholding": {"withholding.legal": "0.3", "withholding.complement": "0.2525"},
    "mid_month": {"wage.monthly_ceiling": {"2025-06-15": "3500.00"}},
}


# --------------------------------------------------------------------------- generating cases


def _period(rng: random.Random) -> tuple[int, int]:
    if rng.random() < 0.15:  # the energy-crisis window, 2022-10 to 2023-03
        return rng.choice([(2022, 10), (2022, 11), (2022, 12), (2023, 1), (2023, 2), (2023, 3)])
    while True:
        year, month = rng.randint(2020, 2026), rng.randint(1, 12)
        if (year, month) >= (2020, 3):
            return year, month


def _money(rng: random.Random, low: int, high: int) -> str:
    cents = rng.randint(low, high)
    return f"{cents // 100}.{cents % 100:02d}"


def _wage(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.2:
        return {"hourly_wage": _money(rng, 1200, 4000)}
    roll = rng.random()
    if roll < 0.25:  # around the ceilings (2,754.76 … 3,365.16)
        return {"monthly_gross_wage": _money(rng, 270000, 345000)}
    if roll < 0.45:  # around the supplement's thresholds (3,800 … 4,284)
        return {"monthly_gross_wage": _money(rng, 375000, 435000)}
    return {"monthly_gross_wage": _money(rng, 150000, 700000)}


def _worker(rng: random.Random, construction: bool) -> dict[str, Any]:
    regime = rng.choice(REGIMES) if rng.random() < 0.3 else "full_time"
    days_per_week = rng.choice((5, 5, 6, 4, 3)) if regime != "full_time" else rng.choice((5, 6))
    weekly = rng.choice(("38", "38", "40", "37.5", "36", "39"))
    if regime != "full_time":
        weekly = rng.choice(("19", "24.5", "30.4", "20"))
    worker: dict[str, Any] = {
        "niss": rng.choice(NISS),
        **_wage(rng),
        "weekly_hours": weekly,
        "days_per_week": days_per_week,
        "regime": regime,
    }
    if regime in ("part_time_income_guarantee", "voluntary_part_time"):
        worker["full_time_weekly_hours"] = rng.choice(("38", "40"))
    if construction or rng.random() < 0.05:
        if rng.random() < 0.9:
            worker["cp124_category"] = rng.choice(CATEGORIES)
        worker["has_legitimation_card"] = rng.random() < 0.85
    return worker


def _employer(rng: random.Random, construction: bool) -> dict[str, Any]:
    employer: dict[str, Any] = {
        "enterprise_number": rng.choice(ENTERPRISES),
        "joint_committee": "124" if construction else rng.choice(("200", "111.01", "116", "124")),
    }
    if rng.random() < 0.1:
        employer["agreement_guarantees_supplement"] = True
    if rng.random() < 0.1:
        employer["supplement_paid_by_fund"] = True
    return employer


def _weeks(year: int, month: int) -> list[list[date]]:
    """The month's days, Monday to Sunday, grouped by calendar week."""
    weeks: dict[int, list[date]] = defaultdict(list)
    day = date(year, month, 1)
    while day.month == month:
        weeks[(day.toordinal() - 1) // 7].append(day)
        day = date.fromordinal(day.toordinal() + 1)
    return list(weeks.values())


def _day(rng: random.Random, day: date, reasons: list[str], energy: bool) -> dict[str, Any]:
    if rng.random() < 0.12:
        return {"day": day.isoformat(), "status": rng.choice(OTHER_STATUSES)}
    reason = rng.choice(reasons)
    if energy and rng.random() < 0.4:
        reason = "energy_crisis"
    entry: dict[str, Any] = {
        "day": day.isoformat(),
        "status": "temporary_unemployment",
        "reason": reason,
    }
    if rng.random() < 0.15:
        entry["hours"] = rng.choice(("2", "3.5", "4", "7.6", "7.25", "8"))
    if rng.random() < 0.1:
        entry["frost_period"] = True
    return entry


def _month(rng: random.Random, year: int, month: int, days_per_week: int) -> dict[str, Any]:
    energy = (2022, 10) <= (year, month) <= (2023, 3)
    reasons = rng.sample(REASONS, rng.choice((1, 1, 2, 3)))
    share = rng.choice((0.2, 0.5, 0.8, 1.0))
    days = []
    for week in _weeks(year, month):
        working = [d for d in week if d.weekday() < days_per_week][:days_per_week]
        days += [_day(rng, d, reasons, energy) for d in working if rng.random() < share]
    result: dict[str, Any] = {"year": year, "month": month, "days": days}
    if rng.random() < 0.05:
        result["employer_declared"] = False
    if rng.random() < 0.05:
        result["card_submitted"] = False
    return result


def _history(rng: random.Random, year: int, month: int) -> dict[str, Any] | None:
    roll = rng.random()
    if roll < 0.3:
        return None
    history: dict[str, Any] = {
        "supplement_units": rng.choice(("0", "10", "20.5", "24", "25.5", "26", "27", "40")),
        "cp124_credit_used": rng.choice(("0", "15", "45.5", "55", "58.5", "59.5", "60")),
    }
    if roll < 0.6:  # counters recorded through the previous month, or an earlier year
        back = rng.choice((1, 1, 2, 5, 13))
        ordinal = date(year, month, 1).toordinal() - 1 - 31 * (back - 1)
        history["through"] = date.fromordinal(max(ordinal, date(2019, 1, 1).toordinal()))
        history["through"] = history["through"].isoformat()
    return history


def generate(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` cases, the same for a given seed."""
    rng = random.Random(seed)
    cases = []
    names = list(PARAMETER_SETS)
    for _ in range(count):
        year, month = _period(rng)
        construction = rng.random() < 0.35
        worker = _worker(rng, construction)
        cases.append(
            {
                "worker": worker,
                "employer": _employer(rng, construction),
                "month": _month(rng, year, month, worker["days_per_week"]),
                "history": _history(rng, year, month),
                "parameters": "shipped" if rng.random() < 0.6 else rng.choice(names),
            }
        )
    return cases


# --------------------------------------------------------------------------- computing (child)


PINNED_COUNTERS = ("through", "supplement_units", "cp124_credit_used")
"""The counters the pinned release carried; those added since belong to the new rules."""


def _outcome(result: Any) -> dict[str, Any]:
    """Everything a case's result says that must not move."""
    s = str
    after = result.history_after.model_dump(mode="json")
    return {
        "units": {s(r): s(u) for r, u in result.units.items()},
        "daily": {s(r): s(a) for r, a in result.daily_amounts.items()},
        "lines": [
            [
                line.rate_parameter,
                [s(r) for r in line.reasons],
                *(s(line.units), s(line.daily_amount), s(line.amount)),
            ]
            for line in result.allowance_lines
        ],
        "amounts": [
            s(getattr(result, name))
            for name in (
                "gross_allowance",
                "sector_top_up",
                "employer_supplement",
                "supplement_units_paid",
                "construction_units_paid",
                "payment_body_withholding",
                "employer_withholding",
                "sector_fund_withholding",
                "withholding",
                "net_total",
            )
        ],
        "payments": [[p.payer, s(p.gross), s(p.withholding), s(p.net)] for p in result.payments],
        "status": s(result.status),
        "after": {name: after[name] for name in PINNED_COUNTERS},
        "steps": [
            [step.id, step.applies] for step in result.steps if not _added_since(step, step.id)
        ],
        # sorted: R8's notices moved after the figures' notices (issue 10: they need the facts)
        "notices": sorted(n.code for n in result.notices if not _added_since(n, n.code)),
    }


ADDED_SINCE = frozenset({"R10", "R11", "R12", "R13", "R14"})
"""The process rules of issue 10 (control card, eC3.2 access, registration, applications, limits
by reason), whose steps and notices the pinned release did not have: left out of the comparison
(their own tests cover them), with R8's step of the payment's timing."""
ADDED_STEPS = frozenset({"payment.timing", "parameters.confidence", "parameters.derived"})
REDEFINED_NOTICES = frozenset({"parameters.stale", "parameters.caveat"})
"""R9's notices that issue 10 redefined: stale by known indexations (no longer by the month after
a figure's latest source) and the caveats of the new figures; their own tests cover them."""


def _added_since(item: Any, name: str) -> bool:
    """A step or notice of a rule added since the pinned release."""
    return (
        getattr(item, "rule", "") in ADDED_SINCE or name in ADDED_STEPS or name in REDEFINED_NOTICES
    )


def _error(error: Exception) -> dict[str, Any]:
    from pydantic import ValidationError  # noqa: PLC0415 - in the child only

    locs = [list(e["loc"]) for e in error.errors()] if isinstance(error, ValidationError) else []
    return {"error": type(error).__name__, "locs": locs}


def compute_cases(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Compute every case with whichever ``chomage_rules`` this interpreter imports."""
    from chomage_rules import (  # noqa: PLC0415 - the version is chosen by the caller's path
        Employer,
        History,
        Month,
        ParameterSet,
        Worker,
        compute_month,
    )

    sets = {
        name: ParameterSet.default().override(changes) if changes else ParameterSet.default()
        for name, changes in PARAMETER_SETS.items()
    }
    outcomes = []
    for case in cases:
        try:
            history = case["history"]
            result = compute_month(
                Worker.model_validate(case["worker"]),
                Employer.model_validate(case["employer"]),
                Month.model_validate(case["month"]),
                None if history is None else History.model_validate(history),
                parameters=sets[case["parameters"]],
            )
            outcomes.append(_outcome(result))
        except Exception as error:  # a refusal is an outcome to compare too
            outcomes.append(_error(error))
    return outcomes


def compute_populations(cases: list[dict[str, Any]]) -> dict[str, dict[str, list[Any]]]:
    """Each month's shipped-parameter cases as one population, every output column as a list."""
    from pydantic import ValidationError  # noqa: PLC0415

    from chomage_rules import (  # noqa: PLC0415
        Employer,
        History,
        Month,
        ParameterNotCovered,
        Worker,
        compute_population,
    )
    from chomage_rules.population import frame_from_cases  # noqa: PLC0415

    by_month: dict[tuple[int, int], list[Any]] = defaultdict(list)
    rows_of: dict[tuple[int, int], list[int]] = defaultdict(list)  # the case of each row
    for index, case in enumerate(cases):
        if case["parameters"] != "shipped":
            continue
        try:
            models = (
                Worker.model_validate(case["worker"]),
                Employer.model_validate(case["employer"]),
                Month.model_validate(case["month"]),
                None if case["history"] is None else History.model_validate(case["history"]),
            )
        except ValidationError:
            continue
        by_month[(case["month"]["year"], case["month"]["month"])].append(models)
        rows_of[(case["month"]["year"], case["month"]["month"])].append(index)
    tables: dict[str, dict[str, list[Any]]] = {}
    for (year, month), models in sorted(by_month.items()):
        key = f"{year}-{month:02d}"
        try:
            table = compute_population(frame_from_cases(models), year, month, detail=True)
        except (ValidationError, ParameterNotCovered) as error:
            tables[key] = {"error": [type(error).__name__]}
            continue
        tables[key] = {name: [str(v) for v in table[name].tolist()] for name in table.columns}
        tables[key][CASE_OF_ROW] = rows_of[(year, month)]
    return tables


CASE_OF_ROW = "(case)"
"""The key under which a month's table lists the case of each of its rows."""


def child(cases_file: str, population: bool) -> None:
    cases = json.loads(Path(cases_file).read_text())
    started = time.perf_counter()
    outcomes: dict[str, Any] = {"cases": compute_cases(cases)}
    if population:
        outcomes["population"] = compute_populations(cases)
    outcomes["seconds"] = time.perf_counter() - started
    import chomage_rules  # noqa: PLC0415

    outcomes["module"] = chomage_rules.__file__
    json.dump(outcomes, sys.stdout)


# --------------------------------------------------------------------------- comparing (parent)


def _run_child(cases_file: str, baseline: bool, population: bool) -> dict[str, Any]:
    env = dict(os.environ)
    # the current run imports this script's own tree (a git worktree's, not the installed one)
    env["PYTHONPATH"] = BASELINE_PATH if baseline else str(HERE.parent / "src")
    command = [sys.executable, __file__, "--child", cases_file]
    if population:
        command.append("--population")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(
            f"the {'baseline' if baseline else 'current'} run failed:\n{done.stderr}"
        )
    outcomes: dict[str, Any] = json.loads(done.stdout)
    return outcomes


REFUSALS = ("ValidationError", "ParameterNotCovered")
"""The errors of the public contract; any other error of the pinned version was a crash."""


def _crash_fixed(mine: dict[str, Any], pinned: dict[str, Any]) -> bool:
    """The pinned version crashed (an error outside the contract) where this one computes."""
    return "error" in pinned and pinned["error"] not in REFUSALS and "error" not in mine


CONSTRUCTION_REASONS = frozenset(
    ("economic", "bad_weather", "technical_accident", "force_majeure", "energy_crisis")
)


def _frost_in_several_reasons(case: dict[str, Any]) -> bool:
    """Issue 9, D53: frost units counted per reason. Pooled, a month with frost days of several
    construction reasons could round to fewer frost units and draw more on the credit."""
    reasons = {
        day["reason"]
        for day in case["month"]["days"]
        if day.get("frost_period") and day.get("reason") in CONSTRUCTION_REASONS
    }
    return case["employer"]["joint_committee"] == "124" and len(reasons) > 1


OLD_CEILING = Decimal("3365.16")
"""The pinned release's last ceiling (from 2024-05-01); it had none of the later indexations."""


def _above_the_old_ceiling_from_2025(case: dict[str, Any]) -> bool:
    """Issue 10: the ceiling of 2025-02-01 (3,432.46) and of 2026-03-01 (3,501.11), derived. A
    worker whose wage was capped at 3,365.16 is paid on the new ceiling from February 2025."""
    month, worker = case["month"], case["worker"]
    if (month["year"], month["month"]) < (2025, 2):
        return False
    if worker.get("monthly_gross_wage") is not None:
        return Decimal(worker["monthly_gross_wage"]) > OLD_CEILING
    # hourly: the monthly wage the ceiling is compared with is hourly × Q × 26 / 6 (R1)
    hourly = Decimal(worker["hourly_wage"]) * Decimal(worker["weekly_hours"]) * 26 / 6
    return hourly > OLD_CEILING


CHANGED_BY_DESIGN = {
    "frost units counted per reason (D53)": _frost_in_several_reasons,
    "the ceilings of 2025-02 and 2026-03 (issue 10)": _above_the_old_ceiling_from_2025,
}
"""What this tree changed on purpose, and the cases it concerns."""

MAY_MOVE = {"amounts", "payments", "after", "daily", "lines"}
"""What a change by design may move: the amounts (daily amounts and lines too, for a new
ceiling), who pays them, and the counters after; never the units, steps or notices."""


def _month_before_a_figure(mine: dict[str, Any], pinned: dict[str, Any]) -> bool:
    """Issue 9 #15: a month before a parameter's first figure is bad input, a ValidationError at
    ``month``, where the pinned release raised ParameterNotCovered."""
    return (
        pinned.get("error") == "ParameterNotCovered"
        and mine.get("error") == "ValidationError"
        and mine.get("locs") == [["month"]]
    )


REFUSALS_CHANGED_BY_DESIGN = {
    "a month before a figure refused at `month` (issue 9 #15)": _month_before_a_figure
}
"""Refusals this tree reports otherwise on purpose: the same cases refused, as another error."""


def _by_design(case: dict[str, Any], mine: dict[str, Any], pinned: dict[str, Any]) -> str | None:
    """The change by design that explains a difference, if one does and nothing else moved."""
    if "error" in mine or "error" in pinned:
        changed = REFUSALS_CHANGED_BY_DESIGN.items()
        return next((name for name, concerns in changed if concerns(mine, pinned)), None)
    moved = {key for key in mine.keys() - MAY_MOVE if mine[key] != pinned[key]}
    if moved == {"steps"} and _above_the_old_ceiling_from_2025(case):
        # a wage between the old ceiling and the new one is no longer capped: only the ceiling
        # step's "applies" may turn
        def others(outcome: dict[str, Any]) -> list[Any]:
            return [step for step in outcome["steps"] if step[0] != "wage.ceiling"]

        moved = set() if others(mine) == others(pinned) else moved
    if moved:
        return None
    return next((name for name, concerns in CHANGED_BY_DESIGN.items() if concerns(case)), None)


def _differences(
    cases: list[dict[str, Any]], ours: list[Any], theirs: list[Any]
) -> tuple[list[tuple[int, Any, Any]], dict[str, int]]:
    """The cases that differ, and how many differ by each change by design."""
    differing, designed = [], dict.fromkeys([*CHANGED_BY_DESIGN, *REFUSALS_CHANGED_BY_DESIGN], 0)
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        if a == b or _crash_fixed(a, b):
            continue
        reason = _by_design(cases[i], a, b)
        if reason is None:
            differing.append((i, a, b))
        else:
            designed[reason] += 1
    return differing, designed


def _row(table: dict[str, list[Any]], row: int) -> dict[str, Any]:
    return {name: values[row] for name, values in table.items() if name != CASE_OF_ROW}


def _compare_populations(
    cases: list[dict[str, Any]], ours: dict[str, Any], theirs: dict[str, Any]
) -> int:
    """Compare each month's population row by row; print and return the number of months with a
    row that differs other than by a change by design."""
    months_differing, rows, designed = 0, 0, 0
    for key, pinned in theirs.items():
        mine = ours.get(key, {})
        if "error" in pinned or "error" in mine or mine.get(CASE_OF_ROW) != pinned[CASE_OF_ROW]:
            # issue 9 #15: a population of a month before the figures is refused at `month` too
            refused_by_design = pinned.get("error") == ["ParameterNotCovered"] and mine.get(
                "error"
            ) == ["ValidationError"]
            months_differing += mine != pinned and not refused_by_design
            continue
        rows += len(pinned[CASE_OF_ROW])
        moved = [
            (row, case)
            for row, case in enumerate(pinned[CASE_OF_ROW])
            if _row(mine, row) != _row(pinned, row)
        ]
        by_design = [
            m
            for m in moved
            if any(concerns(cases[m[1]]) for concerns in CHANGED_BY_DESIGN.values())
        ]
        designed += len(by_design)
        if len(by_design) < len(moved):
            months_differing += 1
            print(f"  population {key}: the output columns differ (case {moved[0][1]})")
    print(
        f"  {len(theirs)} month population(s), {rows:,} rows, {months_differing} differing; "
        f"{designed:,} rows changed by design"
    )
    return months_differing


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--population", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.population)
        return 0
    cases = generate(args.cases, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        cases_file = str(Path(folder) / "cases.json")
        Path(cases_file).write_text(json.dumps(cases))
        with ThreadPoolExecutor(2) as pool:  # one process per version, side by side
            ours_future = pool.submit(_run_child, cases_file, False, args.population)
            theirs_future = pool.submit(_run_child, cases_file, True, args.population)
            ours, theirs = ours_future.result(), theirs_future.result()
    if ours["module"] == theirs["module"] or "1c33b4a" not in theirs["module"]:
        print(f"the two runs imported the same package: {ours['module']}")
        return 1
    differing, designed = _differences(cases, ours["cases"], theirs["cases"])
    refused = sum("error" in outcome for outcome in ours["cases"])
    fixed = [
        i
        for i, (a, b) in enumerate(zip(ours["cases"], theirs["cases"], strict=True))
        if _crash_fixed(a, b)
    ]
    print(f"differential check against {BASELINE.name}: seed {args.seed}")
    print(
        f"  {len(cases):,} cases ({refused:,} refused), "
        f"{len(differing):,} differing; {ours['seconds']:.1f} s here, "
        f"{theirs['seconds']:.1f} s for the baseline"
    )
    if fixed:
        kinds = sorted({theirs["cases"][i]["error"] for i in fixed})
        print(
            f"  {len(fixed):,} cases on which the pinned version crashed ({', '.join(kinds)}) "
            f"are computed now (not counted as differing), e.g. case {fixed[0]}"
        )
    for name, count in designed.items():
        print(f"  {count:,} cases changed by design: {name} (not counted as differing)")
    for index, mine, pinned in differing[:5]:
        print(f"  case {index}: {json.dumps(cases[index])}")
        print(f"    now:      {json.dumps(mine)}")
        print(f"    baseline: {json.dumps(pinned)}")
    population_differing = 0
    if args.population:
        population_differing = _compare_populations(cases, ours["population"], theirs["population"])
    return 1 if differing or population_differing else 0


if __name__ == "__main__":
    sys.exit(main())
