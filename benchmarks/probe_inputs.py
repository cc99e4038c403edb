"""Hostile-input probe: malformed inputs fed to the public entry points, as a payment body's web
service or an analyst's notebook would feed them.

    .venv/bin/python benchmarks/probe_inputs.py [--show refused|all]

Each probe is one class of bad input (a field of the wrong type, out of bounds, a hostile number,
a table with a sentinel, …) and says which field or column the error must name. A probe's outcome:

- ``named``: a documented exception (``pydantic.ValidationError``, ``ParameterNotCovered``,
  ``ParameterFileError``, ``TypeError`` for an argument of the wrong kind) whose locations or
  message name the field;
- ``unnamed``: a documented exception that does not name it;
- ``accepted``: no error at all: the bad input was computed;
- ``crashed``: any other exception (``KeyError``, ``OverflowError``, …);
- ``slow``: still running after ``TIME_LIMIT`` seconds;
- ``leaked``: whatever the outcome, the error's text, JSON or ``errors()`` hold the national number,
  or a number one digit from it.

Prints a line per probe that is not ``named`` (or every probe, with ``--show all``) and the totals
per outcome. ``tests/test_hostile_inputs.py`` runs every probe and expects each to be ``named``.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

NISS = "79041215310"
"""A valid national number (born 12 April 1979, serial 153)."""
MISTYPED_NISS = "79041215311"
"""One digit from it: its check digits fail."""
TIME_LIMIT = 5

# --------------------------------------------------------------------------- the inputs


def case() -> dict[str, Any]:
    """A valid case as a parsed JSON document: a five-day worker, two economic days."""
    return {
        "worker": {"niss": NISS, "monthly_gross_wage": "3200.00", "days_per_week": 5},
        "employer": {"enterprise_number": "0403.170.701", "joint_committee": "200"},
        "month": {
            "year": 2024,
            "month": 6,
            "days": [
                {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"},
                {"day": "2024-06-04", "status": "temporary_unemployment", "reason": "economic"},
            ],
        },
        "history": {"supplement_units": "0", "cp124_credit_used": "0"},
    }


def compute_case(document: dict[str, Any]) -> Any:
    """Validate a case document into the models and compute it."""
    from chomage_rules import (  # noqa: PLC0415 - imported when probing, after the path is set
        Employer,
        History,
        Month,
        Worker,
        compute_month,
    )

    history = document.get("history")
    return compute_month(
        Worker.model_validate(document.get("worker")),
        Employer.model_validate(document.get("employer")),
        Month.model_validate(document.get("month")),
        None if history is None else History.model_validate(history),
    )


def compute_case_json(document: dict[str, Any]) -> Any:
    """The same from JSON text, as a web service receives it."""
    from chomage_rules import Employer, History, Month, Worker, compute_month  # noqa: PLC0415

    history = document.get("history")
    return compute_month(
        Worker.model_validate_json(json.dumps(document.get("worker"))),
        Employer.model_validate_json(json.dumps(document.get("employer"))),
        Month.model_validate_json(json.dumps(document.get("month"))),
        None if history is None else History.model_validate_json(json.dumps(history)),
    )


def frame(**columns: Any) -> Any:
    """A valid three-row population, with some columns replaced."""
    import pandas as pd  # noqa: PLC0415

    index = columns.pop("_index", ["ann", "bob", "cyd"])
    base: dict[str, Any] = {
        "monthly_wage_cents": [250_000, 350_000, 450_000],
        "days_per_week": [5, 5, 6],
        "days_economic": [4, 0, 2],
    }
    base.update(columns)
    return pd.DataFrame(base, index=index)


def compute_frame(table: Any) -> Any:
    from chomage_rules import compute_population  # noqa: PLC0415

    return compute_population(table, 2024, 6)


@dataclass(frozen=True)
class Probe:
    group: str
    name: str
    run: Callable[[], Any]
    field: str
    """The field or column the error must name."""


def _document_probe(group: str, name: str, path: tuple[Any, ...], value: Any, field: str) -> Probe:
    """The valid case with the value at ``path`` replaced (``DELETE`` removes it)."""

    def run() -> Any:
        document = case()
        *parents, last = path
        target = document
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = copy.deepcopy(value)
        outcome = compute_case(document)
        try:
            json.dumps(document)
        except TypeError:
            return outcome  # not a JSON document: the Python entry point only
        return compute_case_json(document)

    return Probe(group, name, run, field)


DELETE = object()

# --------------------------------------------------------------------------- the probes

_W, _E, _M, _H = ("worker",), ("employer",), ("month",), ("history",)
_DAY = ("month", "days", 0)

_DOCUMENT_PROBES: list[tuple[str, str, tuple[Any, ...], Any, str]] = [
    # the national number: never in an error
    ("niss", "missing", (*_W, "niss"), DELETE, "niss"),
    ("niss", "empty", (*_W, "niss"), "", "niss"),
    ("niss", "check digits one off", (*_W, "niss"), MISTYPED_NISS, "niss"),
    ("niss", "one off, with separators", (*_W, "niss"), "79.04.12-153.11", "niss"),
    ("niss", "ten digits", (*_W, "niss"), NISS[:-1], "niss"),
    ("niss", "twelve digits", (*_W, "niss"), NISS + "1", "niss"),
    ("niss", "as a number", (*_W, "niss"), int(NISS), "niss"),
    ("niss", "one off, as a number", (*_W, "niss"), int(MISTYPED_NISS), "niss"),
    ("niss", "letters", (*_W, "niss"), "7904121531X", "niss"),
    ("niss", "a list", (*_W, "niss"), [NISS], "niss"),
    ("niss", "null", (*_W, "niss"), None, "niss"),
    ("niss", "impossible birth date", (*_W, "niss"), "85133003305", "niss"),
    # the wage
    ("wage", "negative", (*_W, "monthly_gross_wage"), "-3200.00", "monthly_gross_wage"),
    ("wage", "zero", (*_W, "monthly_gross_wage"), "0", "monthly_gross_wage"),
    ("wage", "a JSON number with a fraction", (*_W, "monthly_gross_wage"), 3200.5, "monthly"),
    ("wage", "three decimals", (*_W, "monthly_gross_wage"), "3200.001", "monthly_gross_wage"),
    ("wage", "not a number", (*_W, "monthly_gross_wage"), "abc", "monthly_gross_wage"),
    ("wage", "NaN", (*_W, "monthly_gross_wage"), "NaN", "monthly_gross_wage"),
    ("wage", "Infinity", (*_W, "monthly_gross_wage"), "Infinity", "monthly_gross_wage"),
    ("wage", "1E+5000", (*_W, "monthly_gross_wage"), "1E+5000", "monthly_gross_wage"),
    ("wage", "1E+999999999", (*_W, "monthly_gross_wage"), "1E+999999999", "monthly_gross_wage"),
    ("wage", "1E-999999999", (*_W, "monthly_gross_wage"), "1E-999999999", "monthly_gross_wage"),
    ("wage", "above the bound", (*_W, "monthly_gross_wage"), "1000000000", "monthly_gross_wage"),
    ("wage", "a boolean", (*_W, "monthly_gross_wage"), True, "monthly_gross_wage"),
    ("wage", "a list", (*_W, "monthly_gross_wage"), ["3200"], "monthly_gross_wage"),
    ("wage", "neither wage", (*_W, "monthly_gross_wage"), DELETE, "wage"),
    ("wage", "both wages", (*_W, "hourly_wage"), "20.00", "hourly_wage"),
    ("wage", "2,000 digits", (*_W, "monthly_gross_wage"), "1" * 2000, "monthly_gross_wage"),
    # the week
    ("week", "weekly hours zero", (*_W, "weekly_hours"), "0", "weekly_hours"),
    ("week", "weekly hours negative", (*_W, "weekly_hours"), "-38", "weekly_hours"),
    ("week", "weekly hours 200", (*_W, "weekly_hours"), "200", "weekly_hours"),
    ("week", "weekly hours three decimals", (*_W, "weekly_hours"), "38.125", "weekly_hours"),
    ("week", "weekly hours a float", (*_W, "weekly_hours"), 37.5, "weekly_hours"),
    ("week", "weekly hours a boolean", (*_W, "weekly_hours"), True, "weekly_hours"),
    ("week", "days per week 0", (*_W, "days_per_week"), 0, "days_per_week"),
    ("week", "days per week 7", (*_W, "days_per_week"), 7, "days_per_week"),
    ("week", "days per week 5.5", (*_W, "days_per_week"), 5.5, "days_per_week"),
    ("week", "days per week as text", (*_W, "days_per_week"), "5", "days_per_week"),
    ("week", "days per week a boolean", (*_W, "days_per_week"), True, "days_per_week"),
    ("week", "regime unknown", (*_W, "regime"), "half_time", "regime"),
    ("week", "regime a number", (*_W, "regime"), 1, "regime"),
    ("week", "S missing where used", (*_W, "regime"), "voluntary_part_time", "full_time"),
    ("week", "S where unused", (*_W, "full_time_weekly_hours"), "38", "full_time_weekly_hours"),
    # other worker fields
    ("worker", "category unknown", (*_W, "cp124_category"), "V", "cp124_category"),
    ("worker", "category a number", (*_W, "cp124_category"), 2, "cp124_category"),
    ("worker", "card as 'yes'", (*_W, "has_legitimation_card"), "yes", "has_legitimation_card"),
    ("worker", "card as 'true'", (*_W, "has_legitimation_card"), "true", "has_legitimation_card"),
    ("worker", "card as 1", (*_W, "has_legitimation_card"), 1, "has_legitimation_card"),
    ("worker", "card null", (*_W, "has_legitimation_card"), None, "has_legitimation_card"),
    ("worker", "country unknown form", (*_W, "residence_country"), "Belgium", "residence"),
    ("worker", "country a number", (*_W, "residence_country"), 56, "residence_country"),
    ("worker", "an unknown field", (*_W, "wage"), "3200", "wage"),
    ("worker", "the number as an unknown key", (*_W, NISS), 1, "**.**.**-***.10"),
    ("worker", "the number as a key of the niss", (*_W, "niss"), {NISS: 1}, "niss"),
    ("worker", "the worker keyed by the number", _W, {NISS: {"niss": NISS}}, "niss"),
    ("wage", "the number in groups of _", (*_W, "monthly_gross_wage"), "79_041_215_311", "wage"),
    ("wage", "the number in groups of ,", (*_W, "monthly_gross_wage"), "79,041,215,311", "wage"),
    ("employer", "a number in the name", (*_E, "name"), f"Jan {MISTYPED_NISS}", "name"),
    # the employer
    ("employer", "enterprise number check", (*_E, "enterprise_number"), "0403170702", "enterprise"),
    (
        "employer",
        "enterprise number letters",
        (*_E, "enterprise_number"),
        "BE04031707",
        "enterprise",
    ),
    ("employer", "enterprise number missing", (*_E, "enterprise_number"), DELETE, "enterprise"),
    ("employer", "joint committee '12'", (*_E, "joint_committee"), "12", "joint_committee"),
    ("employer", "joint committee a number", (*_E, "joint_committee"), 124, "joint_committee"),
    ("employer", "joint committee text", (*_E, "joint_committee"), "abc", "joint_committee"),
    ("employer", "agreement as 'no'", (*_E, "agreement_guarantees_supplement"), "no", "agreement"),
    ("employer", "fund as 0", (*_E, "supplement_paid_by_fund"), 0, "supplement_paid_by_fund"),
    ("employer", "name too long", (*_E, "name"), "x" * 1000, "name"),
    ("employer", "an unknown field", (*_E, "sector"), "x", "sector"),
    # the month
    ("month", "year 1999", (*_M, "year"), 1999, "year"),
    ("month", "year 2101", (*_M, "year"), 2101, "year"),
    ("month", "year 2000, before any figure", (*_M, "year"), 2000, "month"),
    ("month", "month 0", (*_M, "month"), 0, "month"),
    ("month", "month 13", (*_M, "month"), 13, "month"),
    ("month", "month 6.5", (*_M, "month"), 6.5, "month"),
    ("month", "days not a list", (*_M, "days"), "2024-06-03", "days"),
    ("month", "100,000 days", (*_M, "days"), [case()["month"]["days"][0]] * 100_000, "days"),
    ("month", "32 entries", (*_M, "days"), [case()["month"]["days"][0]] * 32, "days"),
    ("month", "the same day twice", (*_M, "days", 1, "day"), "2024-06-03", "days"),
    ("month", "a day of another month", (*_M, "days", 1, "day"), "2024-07-01", "days"),
    ("month", "declared as 'no'", (*_M, "employer_declared"), "no", "employer_declared"),
    ("month", "card submitted as 1", (*_M, "card_submitted"), 1, "card_submitted"),
    ("month", "an unknown field", (*_M, "card"), "paper", "card"),
    # a day
    ("day", "no such date", (*_DAY, "day"), "2024-06-31", "day"),
    ("day", "a timestamp", (*_DAY, "day"), 1717372800, "day"),
    ("day", "a date and time", (*_DAY, "day"), "2024-06-03T10:00:00", "day"),
    ("day", "status unknown", (*_DAY, "status"), "sick", "status"),
    ("day", "no reason", (*_DAY, "reason"), DELETE, "reason"),
    ("day", "reason unknown", (*_DAY, "reason"), "weather", "reason"),
    ("day", "hours negative", (*_DAY, "hours"), "-2", "hours"),
    ("day", "hours 25", (*_DAY, "hours"), "25", "hours"),
    ("day", "hours a float", (*_DAY, "hours"), 7.6, "hours"),
    ("day", "hours three decimals", (*_DAY, "hours"), "7.605", "hours"),
    ("day", "hours 1E+999999999", (*_DAY, "hours"), "1E+999999999", "hours"),
    ("day", "frost as 'yes'", (*_DAY, "frost_period"), "yes", "frost_period"),
    ("day", "energy crisis outside its dates", (*_DAY, "reason"), "energy_crisis", "reason"),
    ("day", "an unknown field", (*_DAY, "note"), "x", "note"),
    # the counters
    ("history", "supplement negative", (*_H, "supplement_units"), "-1", "supplement_units"),
    ("history", "supplement a quarter", (*_H, "supplement_units"), "0.25", "supplement_units"),
    ("history", "supplement 10**6", (*_H, "supplement_units"), "1000000", "supplement_units"),
    ("history", "supplement wraps int64", (*_H, "supplement_units"), -(2**63) + 26, "supplement"),
    ("history", "supplement 1E+999999999", (*_H, "supplement_units"), "1E+999999999", "supplement"),
    ("history", "supplement a float", (*_H, "supplement_units"), 3.5, "supplement_units"),
    ("history", "credit 61", (*_H, "cp124_credit_used"), "61", "cp124_credit_used"),
    ("history", "credit a third", (*_H, "cp124_credit_used"), "0.3", "cp124_credit_used"),
    ("history", "credit negative", (*_H, "cp124_credit_used"), "-0.5", "cp124_credit_used"),
    ("history", "through the month itself", (*_H, "through"), "2024-06-15", "through"),
    ("history", "through a timestamp", (*_H, "through"), 1717372800, "through"),
    ("history", "through not a date", (*_H, "through"), "last month", "through"),
    ("history", "an unknown field", (*_H, "units"), "3", "units"),
]


def _document_probes() -> Iterator[Probe]:
    for group, name, path, value, field in _DOCUMENT_PROBES:
        yield _document_probe(group, name, path, value, field)


def _call_probes() -> Iterator[Probe]:
    """Wrong things passed to the functions themselves."""
    from chomage_rules import ParameterSet, compute_month  # noqa: PLC0415

    def models() -> tuple[Any, ...]:
        from chomage_rules import Employer, Month, Worker  # noqa: PLC0415

        document = case()
        return (
            Worker.model_validate(document["worker"]),
            Employer.model_validate(document["employer"]),
            Month.model_validate(document["month"]),
        )

    def with_dict_worker() -> Any:
        _, employer, month = models()
        worker = {**case()["worker"], "monthly_gross_wage": "-1"}
        return compute_month(worker, employer, month)  # type: ignore[arg-type]

    def with_none_month() -> Any:
        worker, employer, _ = models()
        return compute_month(worker, employer, None)  # type: ignore[arg-type]

    def override(name: str, value: Any) -> Callable[[], Any]:
        return lambda: ParameterSet.default().override({name: value})

    yield Probe("call", "a dict with a bad wage as the worker", with_dict_worker, "worker")
    yield Probe("call", "no month", with_none_month, "month")
    yield Probe(
        "override",
        "not a mapping",
        lambda: ParameterSet.default().override([("rate.standard", "0.7")]),  # type: ignore[arg-type]
        "mapping",
    )
    yield Probe("override", "the number as a name", override(MISTYPED_NISS, "1"), "override")
    yield Probe(
        "override",
        "the number as a date",
        override("construction.credit_units", {MISTYPED_NISS: "1"}),
        "construction.credit_units",
    )
    for name, value, field in (
        ("wage.monthly_ceiling", "1E+999999999", "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", "1E-999999999", "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", "1E+5000", "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", "abc", "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", 3500.5, "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", True, "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", "-1", "wage.monthly_ceiling"),
        ("wage.monthly_ceiling", "NaN", "wage.monthly_ceiling"),
        ("wage.montly_ceiling", "3500", "wage.montly_ceiling"),
        ("rate.standard", "1.5", "rate.standard"),
        ("rate.standard", {"2024-13-01": "0.65"}, "rate.standard"),
    ):
        yield Probe("override", f"{name} = {value!r}"[:60], override(name, value), field)


def _frame_probes() -> Iterator[Probe]:
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    def table(**columns: Any) -> Callable[[], Any]:
        return lambda: compute_frame(frame(**columns))

    def raw(make: Callable[[], Any]) -> Callable[[], Any]:
        return lambda: compute_frame(make())

    sentinel = -(2**63)
    yield Probe("frame", "negative wage", table(monthly_wage_cents=[1, -5, 2]), "monthly_wage")
    yield Probe("frame", "float wage", table(monthly_wage_cents=[2500.5, 1.0, 2.0]), "monthly")
    yield Probe(
        "frame",
        "float wage hides a negative one",
        table(monthly_wage_cents=[2500.5, -100.0, 350000.0]),
        "monthly_wage_cents",
    )
    yield Probe("frame", "NaN days", table(days_economic=[4.0, np.nan, 2.0]), "days_economic")
    yield Probe("frame", "None wage", table(monthly_wage_cents=[1, None, 2]), "monthly_wage")
    yield Probe("frame", "int64 sentinel", table(days_economic=[4, sentinel, 2]), "days_economic")
    yield Probe(
        "frame",
        "counter wraps int64",
        table(prior_supplement_units=[0, sentinel + 26, 0]),
        "prior_supplement_units",
    )
    yield Probe(
        "frame",
        "counter is the sentinel",
        table(prior_supplement_units=[0, sentinel, 0]),
        "prior_supplement_units",
    )
    yield Probe(
        "frame",
        "counter above a year",
        table(prior_supplement_units=[0, 10**6, 0]),
        "prior_supplement_units",
    )
    yield Probe(
        "frame",
        "10**30 in an object column",
        table(monthly_wage_cents=pd.Series([250_000, 10**30, 1], dtype=object)),
        "monthly_wage_cents",
    )
    yield Probe("frame", "text in a number column", table(days_economic=["4", "x", "2"]), "days")
    yield Probe("frame", "bool as a number", table(days_economic=[True, False, True]), "days")
    yield Probe("frame", "unknown column", table(days_econmic=[1, 1, 1]), "days_econmic")
    yield Probe("frame", "old pooled frost column", table(frost_days=[1, 0, 0]), "frost_days")
    yield Probe("frame", "days above 31", table(days_economic=[4, 40, 2]), "days_economic")
    yield Probe(
        "frame", "category unknown", table(cp124_category=["II", "V", None]), "cp124_category"
    )
    yield Probe(
        "frame", "flag as 2", table(has_legitimation_card=[1, 2, 0]), "has_legitimation_card"
    )

    def duplicate_columns() -> Any:
        table = frame()
        table.columns = ["monthly_wage_cents", "days_per_week", "days_per_week"]
        return table

    yield Probe("frame", "duplicate column names", raw(duplicate_columns), "days_per_week")
    yield Probe(
        "frame",
        "a national number as the row label",
        table(monthly_wage_cents=[1, -5, 2], _index=[NISS, MISTYPED_NISS, "x"]),
        "monthly_wage_cents",
    )
    yield Probe("frame", "a list, not a table", lambda: compute_frame([1, 2, 3]), "frame")

    def compare_text() -> Any:
        from chomage_rules import ParameterSet, compare  # noqa: PLC0415

        return compare("x", 2024, 6, ParameterSet.default(), ParameterSet.default())

    def before_the_figures() -> Any:
        from chomage_rules import compute_population  # noqa: PLC0415

        return compute_population(frame(), 2019, 6)

    def parameters_as_text() -> Any:
        from chomage_rules import compute_population  # noqa: PLC0415

        return compute_population(frame(), 2024, 6, parameters="x")  # type: ignore[arg-type]

    yield Probe("frame", "compare with text for a table", compare_text, "frame")
    yield Probe("frame", "a month before the figures", before_the_figures, "month")
    yield Probe("frame", "parameters as text", parameters_as_text, "parameters")


def probes() -> list[Probe]:
    return [*_document_probes(), *_call_probes(), *_frame_probes()]


# --------------------------------------------------------------------------- judging


def documented_errors() -> tuple[type[BaseException], ...]:
    from pydantic import ValidationError  # noqa: PLC0415

    from chomage_rules import ParameterNotCovered  # noqa: PLC0415

    documented: tuple[type[BaseException], ...] = (ValidationError, ParameterNotCovered, TypeError)
    try:  # the parameter files' error (not in releases before the schema, when probing them)
        from chomage_rules.parameters.schema import ParameterFileError  # noqa: PLC0415
    except ImportError:
        return documented
    return (*documented, ParameterFileError)


def _texts(error: BaseException) -> list[str]:
    texts = [str(error), repr(error)]
    for method in ("json", "errors"):
        if hasattr(error, method):
            texts.append(str(getattr(error, method)()))
    texts += [str(a) for a in error.args]
    return texts


def _digits_near(text: str, number: str) -> bool:
    """Whether ``text`` holds ``number``, or an 11-digit run at most one digit from it (after
    dropping the separators a national number is written with)."""
    digits = re.sub(r"(?<=\d)[.\- /](?=\d)", "", text)
    for run in re.findall(r"\d{11}", digits):
        if sum(a != b for a, b in zip(run, number, strict=True)) <= 1:
            return True
    return False


def leaks(error: BaseException) -> bool:
    return any(_digits_near(text, NISS) for text in _texts(error))


def _names(error: BaseException, field: str) -> bool:
    locs = []
    if hasattr(error, "errors"):
        locs = [" ".join(str(part) for part in e["loc"]) for e in error.errors()]
    return any(field in loc for loc in locs) or field in str(error)


class _Slow(Exception):
    pass


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise _Slow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def judge(probe: Probe) -> tuple[str, str]:
    """The probe's outcome, and the error's first line."""
    try:
        with _time_limit(TIME_LIMIT):
            probe.run()
    except _Slow:
        return "slow", f"still running after {TIME_LIMIT} s"
    except documented_errors() as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        if leaks(error):
            return "leaked", first
        return ("named" if _names(error, probe.field) else "unnamed"), first
    except Exception as error:
        if leaks(error):
            return "leaked", f"{type(error).__name__}"
        return "crashed", f"{type(error).__name__}: {str(error)[:120]}"
    return "accepted", "computed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("refused", "all"), default="refused")
    args = parser.parse_args()
    outcomes: Counter[str] = Counter()
    every = probes()
    for probe in every:
        outcome, detail = judge(probe)
        outcomes[outcome] += 1
        if args.show == "all" or outcome != "named":
            print(f"{outcome:9} {probe.group:9} {probe.name:40} {detail[:100]}")
    print(f"\n{len(every)} probes: " + ", ".join(f"{n} {k}" for k, n in outcomes.most_common()))
    return 0 if outcomes["named"] == len(every) else 1


if __name__ == "__main__":
    sys.exit(main())
