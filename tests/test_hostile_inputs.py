"""Hostile input at the public entry points: only documented errors, each naming a field or a
column, none carrying a national number.

The probe classes (``benchmarks/probe_inputs.py``) each expect a named refusal; the property tests
feed generated malformed documents and tables.
"""

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import probe_inputs

from chomage_rules import compute_population
from chomage_rules.population import COLUMNS

PROBES = probe_inputs.probes()


@pytest.mark.parametrize("probe", PROBES, ids=[f"{p.group}: {p.name}" for p in PROBES])
def test_each_probe_is_refused_naming_its_field(probe: probe_inputs.Probe) -> None:
    outcome, detail = probe_inputs.judge(probe)
    assert outcome == "named", f"{outcome}: {detail}"


def test_the_leak_detector_sees_a_number_one_digit_off() -> None:
    # the detector itself must be able to fail: the number, one digit off, and with separators
    assert probe_inputs.NISS == "79041215310"
    assert probe_inputs._digits_near("input '79041215310'", probe_inputs.NISS)
    assert probe_inputs._digits_near("got 79041215311", probe_inputs.NISS)
    assert probe_inputs._digits_near("79.04.12-153.10", probe_inputs.NISS)
    assert not probe_inputs._digits_near("79.04.12-***.**", probe_inputs.NISS)
    assert not probe_inputs._digits_near("2024-06-03 and 38.00", probe_inputs.NISS)


# --------------------------------------------------------------------------- documents

HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "1E+999999999",
            "-1E+999999999",
            "1E+5000",
            "NaN",
            "-0",
            "0.001",
            "2024-02-30",
            "2024-06-03",
            "yes",
            "79041215311",
            "",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document: each key of each object, each item of each list."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def malformed_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case with one to three places replaced, removed, or given an unknown key."""
    document = probe_inputs.case()
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        *parents, last = path
        target: Any = document
        for key in parents:
            target = target[key]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "delete" and isinstance(target, dict):
            del target[last]
        elif action == "add" and isinstance(target, dict):
            target[draw(st.text(min_size=1, max_size=8))] = draw(HOSTILE)
        else:
            target[last] = draw(HOSTILE)
    return document


def _check_error(error: BaseException) -> None:
    """A documented error naming a field, without the national number."""
    assert isinstance(error, probe_inputs.documented_errors()), repr(error)
    assert not probe_inputs.leaks(error), str(error)
    if hasattr(error, "errors"):  # each at a field, or the whole model named in the title
        assert all(e["loc"] or error.title for e in error.errors()), error.errors()


@settings(max_examples=300)
@given(malformed_documents())
def test_a_malformed_document_gets_a_documented_error(document: dict[str, Any]) -> None:
    try:
        with probe_inputs._time_limit(probe_inputs.TIME_LIMIT):
            result = probe_inputs.compute_case(document)
    except probe_inputs._Slow:  # pragma: no cover - the failure this test looks for
        pytest.fail(f"still running after {probe_inputs.TIME_LIMIT} s: {document}")
    except Exception as error:
        _check_error(error)
        return
    # computed: then nothing it renders carries the national number either
    for text in (result.explain("text"), result.explain("json"), repr(result)):
        assert not probe_inputs._digits_near(text, probe_inputs.NISS)


@settings(max_examples=100)
@given(malformed_documents())
def test_the_json_entry_point_agrees(document: dict[str, Any]) -> None:
    try:
        json.dumps(document, allow_nan=False)
    except (TypeError, ValueError):
        return  # not a JSON document
    try:
        probe_inputs.compute_case_json(document)
    except Exception as error:
        _check_error(error)


# --------------------------------------------------------------------------- tables

NAMES = [column.name for column in COLUMNS]
COLUMN_VALUES = st.one_of(
    st.lists(HOSTILE, min_size=3, max_size=3),
    st.lists(st.integers(-(2**63), 2**63 - 1), min_size=3, max_size=3).map(
        lambda v: np.array(v, dtype=np.int64)
    ),
    st.lists(st.floats(), min_size=3, max_size=3).map(lambda v: np.array(v, dtype=np.float64)),
    st.lists(st.decimals(allow_nan=False, places=2), min_size=3, max_size=3),
)


@settings(max_examples=200)
@given(
    st.dictionaries(st.sampled_from([*NAMES, "frost_days", "junk"]), COLUMN_VALUES, max_size=3),
    st.booleans(),
)
def test_a_malformed_table_gets_a_documented_error(
    columns: dict[str, Any], labelled_by_niss: bool
) -> None:
    index = [probe_inputs.NISS, probe_inputs.MISTYPED_NISS, "x"] if labelled_by_niss else None
    table = probe_inputs.frame(**columns, _index=index or ["a", "b", "c"])
    try:
        compute_population(table, 2024, 6)
    except Exception as error:
        _check_error(error)
        columns_named = {e["loc"][0] for e in error.errors()}  # type: ignore[attr-defined]
        assert columns_named <= {*NAMES, "frost_days", "junk", "population"}


def test_an_empty_table_gives_an_empty_result() -> None:
    empty = pd.DataFrame({"monthly_wage_cents": pd.Series([], dtype="int64")})
    result = compute_population(empty, 2024, 6)
    assert len(result) == 0


def test_decimal_values_are_not_a_float_path() -> None:
    # a column of Decimals is read exactly or refused, never through a float
    table = probe_inputs.frame(monthly_wage_cents=[Decimal("250000"), Decimal("0.5"), 1])
    with pytest.raises(Exception) as error:  # noqa: PT011 - judged below
        compute_population(table, 2024, 6)
    _check_error(error.value)
