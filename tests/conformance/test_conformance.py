"""Conformance: published figures (and figures derived from published ones) run through compute_month.

Every case is a TOML file in ``cases/`` (the schema is in this folder's README.md): where the figure
was published (title, address, date, quotation), how the inputs reproduce it (``derivation``), the
inputs, and the result fields with their values. One parametrised test runs them all; a failure
names the case's source.

A case the rulebook cannot reproduce to the cent carries ``expected_failure = "why"``: its
``[expected]`` table holds the rulebook's figures (asserted exactly), its ``[published]`` table the
published ones, and the test asserts that they differ by at least one cent and at most
``tolerance_cents``. Such cases pass, and the run ends with a section listing each of them and why.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

from chomage_rules import (
    DayEntry,
    DayStatus,
    Employer,
    History,
    Month,
    MonthResult,
    ParameterSet,
    Reason,
    Worker,
    compute_month,
)

CASES_DIR = Path(__file__).parent / "cases"
NISS = "85073003328"
ENTERPRISE = "0403.170.701"
EXPECTED_FAILURE_PROPERTY = "conformance_expected_failure"
NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

CASE_KEYS = {
    "id",
    "title",
    "kind",
    "source",
    "also",
    "derived_in",
    "derivation",
    "expected_failure",
    "tolerance_cents",
    "input",
    "expected",
    "published",
}
REQUIRED_CASE_KEYS = {"title", "kind", "source", "derivation", "input", "expected"}
SOURCE_KEYS = {"title", "url", "date", "date_kind", "undated", "date_note", "quote"}
DATE_KINDS = {"published", "updated", "valid_from"}
INPUT_KEYS = {
    "period",
    "monthly_wage",
    "weekly_hours",
    "days_per_week",
    "joint_committee",
    "cp124_category",
    "has_legitimation_card",
    "days",
    "history",
    "overrides",
    "override_reason",
}
RESULT_AMOUNTS = {
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
}
PAYERS = {"payment_body", "employer", "sector_fund"}
PAYMENT_FIELDS = {"gross", "withholding", "net"}
HISTORY_FIELDS = {"supplement_units", "cp124_credit_used"}


class CaseError(Exception):
    """A case file that does not follow the schema (README.md)."""


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True, repr=False)
class Case:
    """One case: a whole file, or one entry of a family file's ``[[cases]]``."""

    case_id: str
    path: Path
    data: dict[str, Any]

    def __repr__(self) -> str:
        return f"Case({self.case_id!r})"

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", "?"))

    @property
    def test_id(self) -> str:
        suffix = "-expected_failure" if "expected_failure" in self.data else ""
        return f"{self.kind}-{self.case_id}{suffix}"


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        if "cases" not in raw:
            cases.append(Case(path.stem, path, raw))
            continue
        # a family: the file's keys are shared; a case's keys replace them, except ``input``,
        # whose keys are merged (the case's win)
        shared = {key: value for key, value in raw.items() if key != "cases"}
        for entry in raw["cases"]:
            merged = {**shared, **entry}
            merged["input"] = {**shared.get("input", {}), **entry.get("input", {})}
            cases.append(Case(f"{path.stem}.{entry.get('id', '?')}", path, merged))
    return cases


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _money(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise CaseError(f'{where}: give numbers as strings such as "62.44", not {value!r}')
    try:
        return Decimal(value)
    except InvalidOperation:
        raise CaseError(f"{where}: {value!r} is not a number") from None


def _reason(value: str, where: str) -> Reason:
    try:
        return Reason(value)
    except ValueError:
        names = ", ".join(reason.value for reason in Reason)
        raise CaseError(f"{where}: {value!r} is not a reason ({names})") from None


# --------------------------------------------------------------------------- checking the file


def check_schema(case: Case) -> None:
    """Refuse unknown keys and missing metadata, so that every case stays documented."""
    data = case.data
    if unknown := set(data) - CASE_KEYS:
        raise CaseError(f"unknown keys {sorted(unknown)}")
    if missing := REQUIRED_CASE_KEYS - set(data):
        raise CaseError(f"missing keys {sorted(missing)}")
    if data["kind"] not in {"published", "derived"}:
        raise CaseError(f"kind must be 'published' or 'derived', not {data['kind']!r}")
    for source in [data["source"], *data.get("also", [])]:
        _check_source(source)
    if unknown := set(data["input"]) - INPUT_KEYS:
        raise CaseError(f"unknown input keys {sorted(unknown)}")
    if missing := {"period", "monthly_wage"} - set(data["input"]):
        raise CaseError(f"missing input keys {sorted(missing)}")
    if "overrides" in data["input"] and "override_reason" not in data["input"]:
        raise CaseError("input.overrides needs input.override_reason (why the figure is not ours)")
    failing = "expected_failure" in data
    if failing != ("published" in data) or failing != ("tolerance_cents" in data):
        raise CaseError(
            "expected_failure, tolerance_cents and [published] go together: the rulebook's "
            "figures in [expected], the published ones in [published]"
        )
    # every number checked appears, as a whole number in the derivation (1,928.42 or 1928.42)
    derived = {token.replace(",", "") for token in NUMBER.findall(str(data["derivation"]))}
    for table in ("expected", "published"):
        for name, value in _flatten(data.get(table, {})).items():
            _money(value, f"{table}.{name}")
            if value not in derived:
                raise CaseError(f"{table}.{name} = {value} is not derived in the derivation text")


def _check_source(source: dict[str, Any]) -> None:
    if unknown := set(source) - SOURCE_KEYS:
        raise CaseError(f"unknown source keys {sorted(unknown)}")
    for key in ("title", "url", "quote"):
        if not source.get(key):
            raise CaseError(f"a source needs its {key}")
    if not str(source["url"]).startswith("https://"):
        raise CaseError(f"a source's url is its public address, not {source['url']!r}")
    if source.get("undated"):
        if "date" in source or "date_kind" in source or not source.get("date_note"):
            raise CaseError("an undated source has no date and says what dates it (date_note)")
    elif not isinstance(source.get("date"), date) or source.get("date_kind") not in DATE_KINDS:
        raise CaseError(f"a source has a date and a date_kind in {sorted(DATE_KINDS)}")


# --------------------------------------------------------------------------- inputs → models


def working_days(year: int, month: int, days_per_week: int) -> Iterator[date]:
    """The working days of a month in order: Monday-Saturday (6 days) or Monday-Friday (5)."""
    if days_per_week not in (5, 6):
        raise CaseError("days are laid out on a 5- or 6-day week only")
    day = date(year, month, 1)
    while day.month == month:
        if day.weekday() < days_per_week:
            yield day
        day += timedelta(days=1)


def build(case: Case) -> tuple[Worker, Employer, Month, History | None, ParameterSet | None]:
    spec = case.data["input"]
    year, month = (int(part) for part in str(spec["period"]).split("-"))
    days_per_week = int(spec.get("days_per_week", 6))
    category = spec.get("cp124_category")
    worker = Worker(
        niss=NISS,
        monthly_gross_wage=spec["monthly_wage"],
        weekly_hours=spec.get("weekly_hours", "38.00"),
        days_per_week=days_per_week,
        cp124_category=category,
        has_legitimation_card=spec.get("has_legitimation_card", category is not None),
    )
    employer = Employer(
        enterprise_number=ENTERPRISE, joint_committee=spec.get("joint_committee", "200")
    )
    free = working_days(year, month, days_per_week)
    entries = []
    for reason, count in spec.get("days", {}).items():
        for _ in range(count):
            day = next(free, None)
            if day is None:
                raise CaseError(f"{spec['period']} has too few working days for input.days")
            entries.append(
                DayEntry(
                    day=day,
                    status=DayStatus.TEMPORARY_UNEMPLOYMENT,
                    reason=_reason(reason, "input.days"),
                )
            )
    history = History(**spec["history"]) if "history" in spec else None
    parameters = (
        ParameterSet.default().override(dict(spec["overrides"])) if "overrides" in spec else None
    )
    return worker, employer, Month(year=year, month=month, days=entries), history, parameters


def field_value(result: MonthResult, name: str) -> Decimal:
    """A result field by its dotted name (README.md: the fields a case may check)."""
    head, _, rest = name.partition(".")
    value: Any = None
    if not rest and head in RESULT_AMOUNTS:
        value = getattr(result, head)
    elif head in {"daily_amounts", "units"} and rest:
        value = getattr(result, head).get(_reason(rest, name), Decimal("0.00"))
    elif head == "payments" and rest.partition(".")[0] in PAYERS:
        payer, _, part = rest.partition(".")
        if part in PAYMENT_FIELDS:
            value = getattr(next(p for p in result.payments if p.payer == payer), part)
    elif head == "history_after" and rest in HISTORY_FIELDS:
        value = getattr(result.history_after, rest)
    if isinstance(value, Decimal):
        return value
    raise CaseError(f"{name!r} is not a result field a case can check (see README.md)")


# --------------------------------------------------------------------------- reporting


def describe(case: Case) -> str:
    """The case and its source(s), for an assertion message."""
    data = case.data
    lines = [f"{case.case_id} ({data.get('kind')}): {data.get('title')}", f"  file: {case.path}"]
    for label, source in [("source", data.get("source", {}))] + [
        ("also", extra) for extra in data.get("also", [])
    ]:
        when = (
            f"undated ({source.get('date_note')})"
            if source.get("undated")
            else f"{source.get('date')} ({source.get('date_kind')})"
        )
        lines += [
            f"  {label}: {source.get('title')}",
            f"    {source.get('url')}",
            f"    date: {when}",
            f"    quote: « {' '.join(str(source.get('quote')).split())} »",
        ]
    if "derived_in" in data:
        lines.append(f"  derived in: {data['derived_in']}")
    lines.append(f"  derivation: {' '.join(str(data.get('derivation')).split())}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the test

Checked = dict[str, tuple[Decimal, Decimal]]
"""Per result field: (the case's value, the library's value)."""


def run(case: Case) -> tuple[Checked, Checked]:
    check_schema(case)
    worker, employer, month, history, parameters = build(case)
    result = compute_month(worker, employer, month, history, parameters=parameters)
    expected = {
        name: (_money(value, name), field_value(result, name))
        for name, value in _flatten(case.data["expected"]).items()
    }
    published = {
        name: (_money(value, name), field_value(result, name))
        for name, value in _flatten(case.data.get("published", {})).items()
    }
    return expected, published


CASES = load_cases()


@pytest.mark.parametrize("case", [pytest.param(c, id=c.test_id) for c in CASES])
def test_conformance(case: Case, record_property: Any) -> None:
    try:
        expected, published = run(case)
    except CaseError as error:
        malformed = str(error)
    else:
        malformed = ""
    if malformed:
        pytest.fail(f"malformed case: {malformed}\n{describe(case)}", pytrace=False)

    wrong = [
        f"  {name}: library {actual}, expected {value}"
        for name, (value, actual) in expected.items()
        if actual != value
    ]
    assert not wrong, (
        "the library disagrees with this case:\n" + "\n".join(wrong) + "\n" + describe(case)
    )

    if not published:
        return
    tolerance = Decimal(int(case.data["tolerance_cents"])) / 100
    gaps = []
    for name, (value, actual) in published.items():
        gap = abs(actual - value)
        assert gap, (
            f"{name}: the library now gives the published {value}; remove expected_failure and "
            f"move the figure to [expected]\n{describe(case)}"
        )
        assert gap <= tolerance, (
            f"{name}: library {actual}, published {value}: {gap} apart, more than the "
            f"{tolerance} recorded\n{describe(case)}"
        )
        gaps.append(f"{name} library {actual} vs published {value} ({gap} apart)")
    why = " ".join(str(case.data["expected_failure"]).split())
    report = f"{case.test_id}: {'; '.join(gaps)}. Why: {why} Source: {case.data['source']['url']}"
    print(report)
    record_property(EXPECTED_FAILURE_PROPERTY, report)
