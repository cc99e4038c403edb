"""The JSON Schemas ``chomage-rules schema`` prints: a case file, a result, an explanation.

``case``: the case document's schema (``chomage_rules.case_schema()``: the models' own, which
say what their validation takes) with ``parameters`` (whose names are those of the shipped
parameter set). ``result``: the versioned result document (``MonthResult.to_document()``,
``chomage_rules.result_document_schema()``). ``explanation``: the document of
``MonthResult.explain("json")`` (schema version
:data:`~chomage_rules.explain.render.SCHEMA_VERSION`), written out below; its ``inputs`` and
``history_after`` refer to the case's models. Amounts, units and figures are text (``"133.43"``),
never JSON numbers. A test validates generated results against it, so that it cannot drift.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..case.document import result_document_schema
from ..case.schemas import DIALECT, masked_models_schema
from ..core.vocabulary import CONFIDENCES, PAYERS, REASONS, PaymentStatus
from ..explain.catalogue import LANGUAGES
from ..explain.render import SCHEMA_VERSION
from ..parameters import ParameterSet
from .case_file import Case

__all__ = ["SCHEMAS", "case_schema", "explanation_schema"]

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_MONEY = {"type": "string", "pattern": r"^\d+\.\d{2}$", "description": "EUR, to the cent"}
_UNITS = {"type": "string", "pattern": r"^\d+\.\d+$", "description": "units (days), in halves"}
_FIGURE = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
_TEXT = {"type": "string"}
_NUMBERS = {"type": "array", "items": {"type": "integer", "minimum": 1}}
_REASON = {"enum": [reason.value for reason in REASONS]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON object with exactly these properties, all required but ``optional``."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


_AMOUNTS = _object(
    {
        "units": {"type": "object", "propertyNames": _REASON, "additionalProperties": _UNITS},
        "daily_amounts": {
            "type": "object",
            "propertyNames": _REASON,
            "additionalProperties": _MONEY,
        },
        "allowance_lines": {
            "type": "array",
            "items": _object(
                {
                    "rate_parameter": _TEXT,
                    "reasons": {"type": "array", "items": _REASON, "minItems": 1},
                    "units": _UNITS,
                    "daily_amount": _MONEY,
                    "amount": _MONEY,
                }
            ),
        },
        **dict.fromkeys(
            (
                "gross_allowance",
                "sector_top_up",
                "employer_supplement",
                "payment_body_withholding",
                "employer_withholding",
                "sector_fund_withholding",
                "withholding",
                "net_total",
            ),
            _MONEY,
        ),
        "payments": {
            "type": "array",
            "items": _object(
                {
                    "payer": {"enum": list(PAYERS)},
                    "gross": _MONEY,
                    "withholding": _MONEY,
                    "net": _MONEY,
                }
            ),
        },
        "status": {"enum": [status.value for status in PaymentStatus]},
    }
)

_STEP_PARAMETER = _object(
    {
        "name": _TEXT,
        "value": _nullable(_FIGURE),
        "from": _nullable(_DATE),
        "until": _nullable(_DATE),
        "overridden": {"type": "boolean"},
        "confidence": {"enum": [*CONFIDENCES, "caller"]},
        "unverified": {"type": "boolean"},
        "note": _nullable(_TEXT),
        "references": _NUMBERS,
    }
)

_STEP = _object(
    {
        "id": _TEXT,
        "rule": _TEXT,
        "message": _TEXT,
        "title": _TEXT,
        "applies": {"type": "boolean"},
        "formula": _TEXT,
        "result": _TEXT,
        "parameters": {"type": "array", "items": _STEP_PARAMETER},
        "references": _NUMBERS,
    }
)

_NOTICE = _object(
    {"code": _TEXT, "rule": _nullable(_TEXT), "message": _TEXT, "references": _NUMBERS}
)

_REFERENCE = _object(
    {
        "number": {"type": "integer", "minimum": 1},
        "title": _TEXT,
        "url": _nullable(_TEXT),
        "date": _nullable(_DATE),
        "date_kind": _nullable({"enum": ["published", "updated", "valid_from"]}),
        "undated": {"type": "boolean"},
        "quote": _nullable(_TEXT),
    },
    optional=("date_kind", "undated", "quote"),  # a figure's page has them, a rule's has not
)

_RESULT: dict[str, Any] = {
    "title": "MonthResult.explain('json')",
    "description": "One worker's month: its inputs (the national number masked), amounts, "
    "counters after the month, decision receipt, notices, steps and numbered sources.",
    **_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "language": {"enum": list(LANGUAGES)},
            "period": {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
            "inputs": _object(
                {
                    "worker": {"$ref": "#/$defs/Worker"},
                    "employer": {"$ref": "#/$defs/Employer"},
                    "month": {"$ref": "#/$defs/Month"},
                    "history": {"$ref": "#/$defs/History"},
                }
            ),
            "result": _AMOUNTS,
            "history_after": {"$ref": "#/$defs/History"},
            "receipt": _object(
                {
                    "library_version": _TEXT,
                    "parameters_fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                    "inputs_hmac_sha256": _nullable(
                        {"type": "string", "pattern": "^[0-9a-f]{64}$"}
                    ),
                }
            ),
            "notices": {"type": "array", "items": _NOTICE},
            "steps": {"type": "array", "items": _STEP},
            "references": {"type": "array", "items": _REFERENCE},
        }
    ),
}


def _parameters_schema(names: tuple[str, ...]) -> dict[str, Any]:
    figure = {
        "anyOf": [_FIGURE, {"type": "integer"}, {"type": "null"}],
        "description": "the figure as text ('3600.00') or a whole number; null: no figure",
    }
    return {
        "description": Case.model_fields["parameters"].description,
        "type": "object",
        "propertyNames": {"enum": list(names)},
        "additionalProperties": {
            "anyOf": [
                figure,
                {
                    "type": "object",
                    "description": "the figure from each date on",
                    "propertyNames": {"pattern": _DATE["pattern"]},
                    "additionalProperties": figure,
                    "minProperties": 1,
                },
            ]
        },
    }


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case file: a case document and the figures it replaces."""
    schema = Case.model_json_schema()
    schema["properties"]["parameters"] = _parameters_schema(ParameterSet.default().names())
    return {"$schema": DIALECT, **schema}


def explanation_schema() -> dict[str, Any]:
    """The JSON Schema of ``MonthResult.explain("json")``: its inputs are the models' (the
    worker's national number masked, as the document shows it)."""
    return {"$schema": DIALECT, **copy.deepcopy(_RESULT), "$defs": masked_models_schema()}


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "case": case_schema,
    "result": result_document_schema,
    "explanation": explanation_schema,
}
"""What ``chomage-rules schema WHICH`` prints, by ``WHICH``."""
