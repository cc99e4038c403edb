"""Results as data (issue 12, item 4): the versioned result document, its schema, its loader and
``verify``, over the library's own generated cases."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chomage_rules import (
    MonthResult,
    compute_month,
    load_result,
    result_document_schema,
    verify,
)
from chomage_rules.testing import Case, cases

KEY = b"k" * 32
VALIDATOR = jsonschema.Draft202012Validator(
    result_document_schema(), format_checker=jsonschema.FormatChecker()
)
MONEY_FIELDS = (
    "gross_allowance",
    "sector_top_up",
    "employer_supplement",
    "withholding",
    "net_total",
)


def _result(case: Case) -> MonthResult:
    return compute_month(case.worker, case.employer, case.month, case.history)


@settings(max_examples=40, deadline=None)
@given(case=cases(), steps=st.booleans())
def test_a_document_loads_back_with_the_same_result(case: Case, steps: bool) -> None:
    result = _result(case)
    document = result.to_document(steps=steps, receipt_key=KEY)
    text = json.dumps(document)  # JSON-serialisable as it is
    VALIDATOR.validate(json.loads(text))
    record = load_result(text)
    assert record.to_document() == document
    assert record.net_total == result.net_total and record.status is result.status
    assert [(p.payer, p.gross, p.withholding, p.net) for p in record.payments] == [
        (p.payer, p.gross, p.withholding, p.net) for p in result.payments
    ]
    assert [n.code for n in record.notices] == [n.code for n in result.notices]
    assert record.history_after == result.history_after
    assert record.receipt.inputs_hmac_sha256 == result.inputs_hmac(KEY)
    assert (record.steps is not None) is steps
    # no national number: the masked form only, and the receipt for identity
    assert case.worker.niss not in text and record.worker.endswith(case.worker.niss[-2:])


@settings(max_examples=25, deadline=None)
@given(case=cases(), field=st.sampled_from(MONEY_FIELDS), data=st.data())
def test_verify_finds_a_case_unchanged_and_names_a_tampered_amount(
    case: Case, field: str, data: st.DataObject
) -> None:
    document = _result(case).to_document(receipt_key=KEY)
    inputs = (case.worker, case.employer, case.month, case.history)
    same = verify(*inputs, document, receipt_key=KEY)
    assert same.same and same.differences == () and same.receipt == "matches"
    cents = data.draw(st.integers(1, 10_000))
    tampered = {**document, field: str(Decimal(document[field]) + Decimal(cents) / 100)}
    found = verify(*inputs, tampered)
    assert not found.same and found.fields == (field,)
    assert found.differences[0].stored == tampered[field]
    assert found.differences[0].recomputed == document[field]


def test_a_tampered_payment_and_counter_are_named() -> None:
    worker = {"niss": "85073003328", "monthly_gross_wage": "3500.00"}
    employer = {"enterprise_number": "0403.170.701", "joint_committee": "200"}
    month = {
        "year": 2024,
        "month": 6,
        "days": [{"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"}],
    }
    document = compute_month(worker, employer, month).to_document()
    document["payments"][1]["net"] = "9.99"
    document["history_after"]["supplement_units"] = "5.00"
    found = verify(worker, employer, month, None, document, receipt_key=KEY)
    assert found.fields == (
        "payments[1].net",
        "history_after.supplement_units",
        "receipt.inputs_hmac_sha256",
    )
    assert found.receipt == "differs"  # the stored document had no receipt


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"version": 2}, ("version",)),
        ({"kind": "something/else"}, ("kind",)),
        ({"net_total": 133.43}, ("net_total",)),  # a JSON number, not the document's text
        ({"net_total": "1e2"}, ("net_total",)),
        ({"status": "paid"}, ("status",)),
        ({"worker": "85073003328"}, ("worker",)),  # an unmasked number is not a document's
    ],
)
def test_load_refuses_another_version_or_kind_and_names_a_tampered_field(
    change: dict[str, Any], where: tuple[str, ...]
) -> None:
    worker = {"niss": "85073003328", "monthly_gross_wage": "3500.00"}
    employer = {"enterprise_number": "0403.170.701", "joint_committee": "200"}
    month = {"year": 2024, "month": 6}
    document = {**compute_month(worker, employer, month).to_document(), **change}
    with pytest.raises(ValidationError) as caught:
        load_result(document)
    assert [tuple(e["loc"]) for e in caught.value.errors()] == [where]
    assert "85073003328" not in str(caught.value)
    assert not VALIDATOR.is_valid(document)


def test_the_document_is_a_tenth_of_the_explanation() -> None:
    """The size measured in the notes: the README's worker."""
    from chomage_rules.cli.case_file import EXAMPLE  # noqa: PLC0415

    case = {key: EXAMPLE[key] for key in ("worker", "employer", "month", "history")}
    result = compute_month(**case)
    compact, explanation = len(result.to_json()), len(result.explain("json"))
    assert compact * 5 < explanation, (compact, explanation)
