"""Issue 9, item 4: nothing public changes a ParameterSet, the shared default least of all.

A payment body computes many months with ``ParameterSet.default()`` (and keeps each month's
figures per set, ``core/memo.py``); a set changed in place would change every later result while
its fingerprint, written on each receipt, still named the old figures. Every way in that Python
leaves open to a caller is tried below; each must raise and leave the figures and the fingerprint
as the files give them.
"""

import pickle
import weakref
from collections.abc import Callable, Mapping
from dataclasses import FrozenInstanceError, replace
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import chomage_rules.parameters as parameters_module
from chomage_rules import (
    DayEntry,
    DayStatus,
    Employer,
    Month,
    Parameter,
    ParameterSet,
    Reason,
    Source,
    Worker,
    compute_month,
)
from chomage_rules.kernel import month_figures
from chomage_rules.parameters.month import resolve_month

DEFAULT = ParameterSet.default()
SHIPPED = Path(str(resources.files(parameters_module)))
STANDARD = DEFAULT.parameter("rate.standard")
JUNE_2024 = date(2024, 6, 1)


def _figures(parameters: ParameterSet) -> tuple[tuple[str, date, Decimal | None], ...]:
    """Every dated figure of a set, read afresh (not through its cached fingerprint)."""
    return tuple(
        (name, version.valid_from, version.value)
        for name in parameters.names()
        for version in parameters.parameter(name).versions
    )


FILES = ParameterSet.from_directory(SHIPPED)  # the figures as the files give them


def _result_month_uses() -> Any:
    worker = Worker(niss="85073003328", monthly_gross_wage=Decimal("3000.00"), days_per_week=6)
    day = DayEntry(
        day=date(2024, 6, 3), status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=Reason.ECONOMIC
    )
    result = compute_month(
        worker,
        Employer(enterprise_number="0403.170.701", joint_committee="200"),
        Month(year=2024, month=6, days=[day]),
    )
    return result.computation.figures.month.uses


def _set_item(mapping: Any, key: str, value: object) -> None:
    mapping[key] = value


def _del_item(mapping: Any, key: str) -> None:
    del mapping[key]


ATTEMPTS: list[tuple[str, Callable[[], object]]] = [
    ("assign the table", lambda: setattr(DEFAULT, "_parameters", {})),
    ("assign the fingerprint", lambda: setattr(DEFAULT, "_fingerprint", "0" * 16)),
    ("assign a new attribute", lambda: setattr(DEFAULT, "amounts", {})),
    ("delete the table", lambda: delattr(DEFAULT, "_parameters")),
    ("initialise again", lambda: DEFAULT.__init__({})),  # type: ignore[misc]
    ("put into the table", lambda: _set_item(DEFAULT._parameters, "rate.standard", STANDARD)),
    ("delete from the table", lambda: _del_item(DEFAULT._parameters, "rate.standard")),
    ("clear the table", lambda: DEFAULT._parameters.clear()),  # type: ignore[attr-defined]  # noqa: PLW0108
    (
        "put into the default's files",
        lambda: _set_item(parameters_module._default_parameters(), "rate.standard", STANDARD),
    ),
    ("assign a parameter's versions", lambda: setattr(STANDARD, "versions", ())),
    ("append to a parameter's versions", lambda: STANDARD.versions.append(STANDARD.last)),  # type: ignore[attr-defined]
    ("assign a version's value", lambda: setattr(STANDARD.last, "value", Decimal("1"))),
    ("append to a version's sources", lambda: STANDARD.last.sources.append(None)),  # type: ignore[attr-defined]
    ("assign a source's title", lambda: setattr(STANDARD.last.sources[0], "title", "x")),
    (
        "put into a month's figures",
        lambda: _set_item(resolve_month(DEFAULT, JUNE_2024).uses, "rate.standard", None),
    ),
    (
        "put into a result's month figures",
        lambda: _set_item(_result_month_uses(), "rate.standard", None),
    ),
]


@pytest.mark.parametrize("attempt", [a[1] for a in ATTEMPTS], ids=[a[0] for a in ATTEMPTS])
def test_no_public_way_changes_the_default(attempt: Callable[[], object]) -> None:
    fingerprint = DEFAULT.fingerprint()
    with pytest.raises((AttributeError, TypeError)):
        attempt()
    assert DEFAULT.fingerprint() == fingerprint == FILES.fingerprint()
    assert _figures(DEFAULT) == _figures(FILES)
    assert DEFAULT.value("rate.standard", JUNE_2024) == Decimal("0.60")
    assert ParameterSet.default() is DEFAULT
    # the month's figures kept for the default (memo) still read the files' rate
    rate = resolve_month(DEFAULT, JUNE_2024).use("rate.standard").value
    assert rate == Decimal("0.60")


def test_frozen_parts_say_so() -> None:
    with pytest.raises(FrozenInstanceError):
        STANDARD.versions = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot be changed"):
        DEFAULT._parameters = {}  # type: ignore[misc]


def test_a_set_keeps_its_own_copy_of_what_it_is_given() -> None:
    table = {name: DEFAULT.parameter(name) for name in DEFAULT.names()}
    made = ParameterSet(table)
    table["rate.standard"] = replace(STANDARD, versions=STANDARD.versions[:1])
    assert made.parameter("rate.standard") is STANDARD
    # so do a parameter and a version given lists: changing the list later changes nothing
    versions = list(STANDARD.versions)
    parameter = replace(STANDARD, versions=versions)  # type: ignore[arg-type]
    sources = list(STANDARD.last.sources)
    version = replace(STANDARD.last, sources=sources)  # type: ignore[arg-type]
    versions.clear()
    sources.clear()
    assert parameter.versions == STANDARD.versions and isinstance(parameter.versions, tuple)
    assert version.sources == STANDARD.last.sources and isinstance(version.sources, tuple)


def test_a_set_holds_parameters_under_their_own_names() -> None:
    with pytest.raises(TypeError, match=r"'rate\.standard' must map to the Parameter"):
        ParameterSet({"rate.standard": Decimal("0.6")})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match=r"'rate\.reduced' must map to the Parameter"):
        ParameterSet({"rate.reduced": STANDARD})


def test_the_set_has_readers_and_override_only() -> None:
    # remember() changed the default's amounts in place: no such method may come back
    public = {name for name in dir(ParameterSet) if not name.startswith("_")}
    assert public == {
        "default",
        "from_directory",
        "names",
        "parameter",
        "version",
        "value",
        "fingerprint",
        "override",
        # issue 10: read-only views of how sure the figures are
        "strict",
        "indexations",
        "stale",
    }


def test_override_makes_a_new_set_and_leaves_the_default() -> None:
    changed = DEFAULT.override({"rate.standard": {date(2024, 1, 1): Decimal("0.62")}})
    assert changed is not DEFAULT
    assert changed.value("rate.standard", JUNE_2024) == Decimal("0.62")
    assert changed.fingerprint() != DEFAULT.fingerprint()
    assert DEFAULT.value("rate.standard", JUNE_2024) == Decimal("0.60")
    assert _figures(DEFAULT) == _figures(FILES)


def test_sets_are_weakly_referenced_and_hashed_by_identity() -> None:
    # core/memo.py keeps a month's figures per set, weakly: two sets with the same figures are
    # two keys, and a dropped what-if set takes its entries along
    same_figures = ParameterSet({name: DEFAULT.parameter(name) for name in DEFAULT.names()})
    assert same_figures.fingerprint() == DEFAULT.fingerprint()
    assert same_figures != DEFAULT and len({same_figures, DEFAULT}) == 2
    assert hash(DEFAULT) == object.__hash__(DEFAULT)
    assert weakref.ref(DEFAULT)() is DEFAULT


def test_a_set_pickles_with_its_figures() -> None:
    # a result holds its set; a process pool pickles both
    changed = DEFAULT.override({"rate.standard": Decimal("0.62")})
    for parameters in (DEFAULT, changed):
        again = pickle.loads(pickle.dumps(parameters))
        assert again.fingerprint() == parameters.fingerprint()
        assert _figures(again) == _figures(parameters)
    month = resolve_month(DEFAULT, JUNE_2024)
    again_month = pickle.loads(pickle.dumps(month))
    assert dict(again_month.uses) == dict(month.uses)
    with pytest.raises(TypeError):
        _set_item(again_month.uses, "rate.standard", None)


def test_a_source_is_frozen_too() -> None:
    source = Source("A page", "https://example.org", date(2024, 1, 1))
    with pytest.raises(FrozenInstanceError):
        source.url = "https://elsewhere.example"  # type: ignore[misc]
    assert isinstance(STANDARD, Parameter)


def _mutable_parts(node: Any, path: str, seen: set[int]) -> list[str]:
    """The dicts, lists and sets reachable from ``node`` through named tuples, tuples and
    read-only mappings: each one a way to change the figures kept for a set."""
    if id(node) in seen:
        return []
    seen.add(id(node))
    found = [path] if isinstance(node, (dict, list, set, bytearray)) else []
    if isinstance(node, tuple) and hasattr(node, "_fields"):
        children = [(f"{path}.{name}", getattr(node, name)) for name in node._fields]
    elif isinstance(node, (tuple, list, set, frozenset)):
        children = [(f"{path}[{i}]", item) for i, item in enumerate(node)]
    elif isinstance(node, Mapping):
        children = [(f"{path}[{key!r}]", item) for key, item in node.items()]
    else:
        children = []
    for where, child in children:
        found += _mutable_parts(child, where, seen)
    return found


@pytest.mark.parametrize("first_day", [date(2020, 3, 1), date(2022, 11, 1), JUNE_2024])
def test_the_rules_figures_kept_for_a_set_are_read_only(first_day: date) -> None:
    # each rule's figures of a month are kept per set and reachable from every result
    # (result.computation.figures): a dict there (the rates by group, the figures' uses) would
    # let a caller change the rates of every later month computed with the shared default
    figures = month_figures(DEFAULT, first_day)
    assert _mutable_parts(figures, "figures", set()) == []
