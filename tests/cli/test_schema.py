"""chomage-rules schema: the JSON Schema of a case file and of a result's JSON document, checked
against the example, against generated cases and against their results (issue 12)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chomage_rules import ParameterSet, compute_month, result_document_schema
from chomage_rules.cli.case_file import EXAMPLE, Case
from chomage_rules.cli.schemas import case_schema, explanation_schema
from chomage_rules.explain.catalogue import LANGUAGES
from chomage_rules.testing import Case as GeneratedCase
from chomage_rules.testing import cases
from tests.cli.helpers import assert_bad_input, run


def _schema(capsys: pytest.CaptureFixture[str], *which: str) -> dict[str, Any]:
    result = run(capsys, "schema", *which)
    assert result.code == 0, result.err
    schema: dict[str, Any] = json.loads(result.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def case_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(case_schema())


@pytest.fixture(scope="module")
def result_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(explanation_schema())


def test_the_case_schema_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    schema = _schema(capsys)
    assert schema == _schema(capsys, "case")
    assert set(schema["properties"]) == {"worker", "employer", "month", "history", "parameters"}
    assert schema["required"] == ["worker", "employer", "month"]
    names = schema["properties"]["parameters"]["propertyNames"]["enum"]
    assert names == list(ParameterSet.default().names())


def test_the_example_and_its_result_follow_the_schemas(
    case_validator: jsonschema.Draft202012Validator,
    result_validator: jsonschema.Draft202012Validator,
) -> None:
    case_validator.validate(EXAMPLE)
    case_validator.validate({**EXAMPLE, "parameters": {"rate.standard": {"2024-01-01": "0.60"}}})
    case = Case.model_validate(EXAMPLE)
    result = compute_month(case.worker, case.employer, case.month, case.history)
    result_validator.validate(json.loads(result.explain("json")))
    # with a receipt key, the receipt holds the HMAC
    keyed = json.loads(result.explain("json", receipt_key=b"k" * 32))
    result_validator.validate(keyed)
    assert len(keyed["receipt"]["inputs_hmac_sha256"]) == 64


def test_the_schemas_refuse_what_the_library_refuses(
    case_validator: jsonschema.Draft202012Validator,
    result_validator: jsonschema.Draft202012Validator,
) -> None:
    # an unknown part, an unknown parameter
    assert not case_validator.is_valid({**EXAMPLE, "colour": "blue"})
    assert not case_validator.is_valid({**EXAMPLE, "parameters": {"wage.ceiling": "1"}})
    assert not case_validator.is_valid({**EXAMPLE, "parameters": {"rate.standard": 0.6}})
    case = Case.model_validate(EXAMPLE)
    document = json.loads(compute_month(case.worker, case.employer, case.month).explain("json"))
    for broken in (
        {**document, "result": {**document["result"], "net_total": 133.43}},  # a JSON number
        {**document, "steps": [{**document["steps"][0], "colour": "blue"}]},  # an unknown key
        {**document, "inputs": {**document["inputs"], "worker": EXAMPLE["worker"]}},  # unmasked
        {**document, "schema_version": "1.0"},
    ):
        assert not result_validator.is_valid(broken)


def _case_document(case: GeneratedCase) -> dict[str, Any]:
    return {
        "worker": case.worker.model_dump(mode="json"),
        "employer": case.employer.model_dump(mode="json"),
        "month": case.month.model_dump(mode="json"),
        "history": case.history.model_dump(mode="json"),
    }


@settings(max_examples=60)
@given(case=cases(), lang=st.sampled_from(LANGUAGES))
def test_generated_cases_and_their_results_follow_the_schemas(
    case: GeneratedCase,
    lang: str,
    case_validator: jsonschema.Draft202012Validator,
    result_validator: jsonschema.Draft202012Validator,
) -> None:
    document = _case_document(case)
    case_validator.validate(document)
    assert Case.model_validate(document) == Case(**vars(case))  # and it reads back the same
    result = compute_month(case.worker, case.employer, case.month, case.history)
    result_validator.validate(json.loads(result.explain("json", lang)))


def test_explanation_schema_refers_to_the_models(capsys: pytest.CaptureFixture[str]) -> None:
    schema = _schema(capsys, "explanation")
    assert {"Worker", "Employer", "Month", "History"} <= set(schema["$defs"])
    assert schema["properties"]["history_after"] == {"$ref": "#/$defs/History"}
    # the worker in it is the masked one
    niss = schema["$defs"]["Worker"]["properties"]["niss"]
    assert niss["pattern"] == r"^\*\*\.\*\*\.\*\*-\*\*\*\.[0-9]{2}$"


def test_result_is_the_result_document_schema(capsys: pytest.CaptureFixture[str]) -> None:
    schema = _schema(capsys, "result")
    assert schema == json.loads(json.dumps(result_document_schema()))
    case = Case.model_validate(EXAMPLE)
    result = compute_month(case.worker, case.employer, case.month, case.history)
    jsonschema.Draft202012Validator(schema).validate(json.loads(result.to_json()))


def test_an_unknown_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(run(capsys, "schema", "month"), "invalid choice: 'month'")
