"""The models' JSON Schemas tell the truth (issue 12, item 3), both ways:

- every document a schema accepts is accepted by validation, in ``model_validate`` and in
  ``model_validate_json``, unless it breaks one of ``RULES_OUTSIDE_THE_SCHEMA``, and then each
  error is at that rule's field with that rule's type (documents generated from the schema by
  hypothesis-jsonschema);
- every input the models accept, written by ``model_dump(mode="json")``, passes the schema
  (inputs from the library's own strategies);
- each rule outside the schema is enforced: its example passes the schema and fails validation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from chomage_rules import (
    RULES_OUTSIDE_THE_SCHEMA,
    CaseDocument,
    DayEntry,
    Employer,
    History,
    LastUnemployment,
    Month,
    ReasonLimitCounters,
    Spell,
    Worker,
    case_schema,
)
from chomage_rules.testing import Case, cases
from tests.jsonschema_strategies import from_schema

MODELS: dict[str, type[BaseModel]] = {
    model.__name__: model
    for model in (
        Worker,
        Employer,
        DayEntry,
        Month,
        ReasonLimitCounters,
        Spell,
        LastUnemployment,
        History,
        CaseDocument,
    )
}
GENERATED = settings(
    max_examples=30,
    deadline=None,
    # hypothesis-jsonschema filters its draws to meet if/then and anyOf: slow, and filtered
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    # days are "format": "date": a validator that asserts formats refuses 2024-02-30 as the
    # models do
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _check_digits(document: Any) -> Any:
    """``document`` with every national and enterprise number given its right check digits, so
    that the generated documents go past the one rule most of them would break."""
    if isinstance(document, list):
        return [_check_digits(item) for item in document]
    if not isinstance(document, dict):
        return document
    fixed = {key: _check_digits(value) for key, value in document.items()}
    if isinstance(fixed.get("niss"), str):
        digits = "".join(c for c in fixed["niss"] if c.isdigit())
        fixed["niss"] = digits[:9] + f"{97 - int(digits[:9]) % 97:02d}"
    if isinstance(fixed.get("enterprise_number"), str):
        digits = "".join(c for c in fixed["enterprise_number"] if c.isdigit())
        fixed["enterprise_number"] = digits[:8] + f"{97 - int(digits[:8]) % 97:02d}"
    return fixed


def _outside_rule(error: dict[str, Any]) -> bool:
    """Whether a validation error is one of a rule outside the schema, at its field."""
    return any(
        tuple(error["loc"][-len(rule.field) :]) == rule.field and error["type"] in rule.types
        for rule in RULES_OUTSIDE_THE_SCHEMA
    )


def _accepted_unless_outside(model: type[BaseModel], document: Any) -> None:
    for validate in (
        lambda: model.model_validate(document),
        lambda: model.model_validate_json(json.dumps(document)),
    ):
        try:
            validate()
        except ValidationError as error:
            wrong = [e for e in error.errors() if not _outside_rule(dict(e))]
            assert not wrong, (document, wrong)


# a whole case document takes seconds to draw from its schema: its four parts are drawn each on
# its own (the case's schema only puts them side by side, as tests/cli/test_schema.py checks)
@pytest.mark.parametrize("name", sorted(set(MODELS) - {"CaseDocument"}))
def test_what_a_schema_accepts_the_model_accepts(name: str) -> None:
    model = MODELS[name]
    schema = model.model_json_schema()
    validator = _validator(schema)
    raw = from_schema(schema)

    @GENERATED
    @given(st.one_of(raw, raw.map(_check_digits)))
    def check(document: Any) -> None:
        if validator.is_valid(document):  # the check digits' fix may leave its form
            _accepted_unless_outside(model, document)

    check()


@pytest.mark.parametrize("name", ["Worker", "Employer", "DayEntry", "LastUnemployment"])
def test_most_generated_documents_pass(name: str) -> None:
    """The property above is not met by refusing everything: with the check digits right, a
    model without a rule outside the schema between dates accepts what its schema generates."""
    model = MODELS[name]
    accepted = []

    @GENERATED
    @given(from_schema(model.model_json_schema()).map(_check_digits))
    def count(document: Any) -> None:
        try:
            model.model_validate(document)
            accepted.append(True)
        except ValidationError:
            accepted.append(False)

    count()
    assert sum(accepted) >= len(accepted) // 2, (sum(accepted), len(accepted))


@settings(max_examples=60, deadline=None)
@given(case=cases())
def test_what_the_models_accept_the_schema_accepts(case: Case) -> None:
    document = {
        "worker": case.worker.model_dump(mode="json"),
        "employer": case.employer.model_dump(mode="json"),
        "month": case.month.model_dump(mode="json"),
        "history": case.history.model_dump(mode="json"),
    }
    _validator(case_schema()).validate(document)
    assert CaseDocument.model_validate_json(json.dumps(document)) == CaseDocument(
        worker=case.worker, employer=case.employer, month=case.month, history=case.history
    )


@pytest.mark.parametrize(
    "rule",
    RULES_OUTSIDE_THE_SCHEMA,
    ids=[f"{r.model}.{'.'.join(r.field)}" for r in RULES_OUTSIDE_THE_SCHEMA],
)
def test_each_rule_outside_the_schema_is_enforced(rule: Any) -> None:
    model = MODELS[rule.model]
    assert _validator(model.model_json_schema()).is_valid(rule.example)
    for validate in (model.model_validate, lambda d: model.model_validate_json(json.dumps(d))):
        with pytest.raises(ValidationError) as caught:
            validate(rule.example)
        found = {(tuple(e["loc"]), e["type"]) for e in caught.value.errors()}
        assert any(loc == rule.field and kind in rule.types for loc, kind in found), found


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Worker, "monthly_gross_wage", 3200.5),  # a JSON number with a fraction
        (Worker, "monthly_gross_wage", "3200.505"),  # more than two decimals
        (Worker, "monthly_gross_wage", "0.00"),  # not above zero
        (Worker, "monthly_gross_wage", "1000000.01"),  # above the bound
        (Worker, "weekly_hours", "50.01"),
        (Worker, "days_per_week", 7),
        (History, "supplement_units", "1.25"),  # not a half unit
        (History, "supplement_units", "318.50"),
        (ReasonLimitCounters, "full_weeks", 54),  # the bound pydantic wrote as "le"
    ],
)
def test_the_schema_refuses_what_validation_refuses(
    model: type[BaseModel], field: str, value: Any
) -> None:
    base: dict[str, Any] = {"niss": "85073003328", "monthly_gross_wage": "3200.00"}
    document = {**(base if model is Worker else {}), field: value}
    assert not _validator(model.model_json_schema()).is_valid(document)
    with pytest.raises(ValidationError):
        model.model_validate_json(json.dumps(document))


@pytest.mark.parametrize("value", ["3200", "3200.5", "3200.50", "0.01", "1000000.00", 3200])
def test_the_schema_takes_the_amounts_validation_takes(value: Any) -> None:
    document = {"niss": "85073003328", "monthly_gross_wage": value}
    assert _validator(Worker.model_json_schema()).is_valid(document)
    assert Worker.model_validate_json(json.dumps(document)).monthly_gross_wage is not None


def test_the_cross_field_rules_are_in_the_schema() -> None:
    validator = _validator(Worker.model_json_schema())
    worker = {"niss": "85073003328"}
    assert not validator.is_valid(worker)  # no wage
    assert not validator.is_valid({**worker, "monthly_gross_wage": "1.00", "hourly_wage": "1.00"})
    assert not validator.is_valid(
        {**worker, "hourly_wage": "15.00", "regime": "voluntary_part_time"}
    )  # no full-timer's hours
    assert not validator.is_valid(
        {
            **worker,
            "hourly_wage": "15.00",
            "residence_country": "FR",
            "residence_region": "wallonia",
        }
    )
    day = _validator(DayEntry.model_json_schema())
    assert not day.is_valid({"day": "2024-06-03", "status": "temporary_unemployment"})
    assert not day.is_valid({"day": "2024-06-03", "status": "worked", "reason": "economic"})
    history = _validator(History.model_json_schema())
    spell = {"first_day": "2024-06-03", "last_day": "2024-06-07"}
    assert not history.is_valid({"through": "2024-06-30", "spell": spell})


def test_the_examples_of_the_schemas_page_run() -> None:
    page = (Path(__file__).parent.parent / "docs" / "schemas.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    assert len(blocks) == 2
    for block in blocks:
        exec(compile(block, "docs/schemas.md", "exec"), {})  # our own docs
