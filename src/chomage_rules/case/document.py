"""A result as data: a compact, versioned document, its schema, its loader, and ``verify``.

``MonthResult.to_document()`` keeps what a payment body stores for years: the amounts (money as
text, ``"133.43"``), units, status, notices (code, rule and the values of their text, not the
text), the counters after the month, every figure used with its confidence, the library version
and the parameters' fingerprint, and the receipt (the keyed HMAC of the inputs, which ties the
document to the worker without carrying the national number: only its masked form is in it).
The steps are added only when asked: they are most of the size of ``explain("json")``.

``load_result`` reads a document back into a frozen :class:`ResultRecord`, validated by pydantic
(a tampered field is named) and refusing another kind or version of document. ``verify``
recomputes a stored case and compares it field by field with its stored document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainSerializer,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..core.identifiers import mask_niss
from ..core.vocabulary import PAYERS, Payer, PaymentStatus, Reason
from .masking import masked_error
from .models import Day, History
from .schemas import DIALECT, MASKED_NISS

if TYPE_CHECKING:
    from .result import MonthResult

__all__ = [
    "DOCUMENT_KIND",
    "DOCUMENT_VERSION",
    "ResultRecord",
    "document_of",
    "load_result",
    "result_document_schema",
]

DOCUMENT_KIND = "chomage-rules/month-result"
DOCUMENT_VERSION = 1
"""The version of the document's layout; a loader reads only its own."""


_AMOUNT = r"^-?[0-9]+\.[0-9]{1,2}$"
_FIGURE = r"^-?[0-9]+(\.[0-9]+)?$"


def _written(pattern: str) -> Callable[[Any], Any]:
    """A check that a decimal is text matching ``pattern``, as the document writes it: never a
    JSON number, and nothing but its own digits (``"1e2"`` or ``" 1.00"`` were not written by
    it)."""
    form = re.compile(pattern, re.ASCII)

    def check(value: Any) -> Any:
        if isinstance(value, Decimal):
            return value
        if not isinstance(value, str) or form.fullmatch(value) is None:
            raise PydanticCustomError(
                "document_decimal",
                "a result document writes this number as text matching {pattern}",
                {"pattern": pattern},
            )
        return Decimal(value)

    return check


DecimalText = Annotated[
    Decimal,
    BeforeValidator(_written(_AMOUNT)),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _AMOUNT}),
]
"""An amount (two decimals) or units (one decimal) in a result document."""
FigureText = Annotated[
    Decimal,
    BeforeValidator(_written(_FIGURE)),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _FIGURE}),
]
"""A figure as its parameter holds it (``"26"``, ``"0.2675"``, ``"3365.16"``)."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="wrap")
    @classmethod
    def _mask_national_numbers(cls, value: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        """A document given the worker's number unmasked (or anywhere else) is refused without
        repeating it, as every error of the library is (``masking.py``)."""
        try:
            return handler(value)
        except ValidationError as error:
            raise masked_error(error, frozenset({"worker"})) from None


class PaymentRecord(_Record):
    payer: Payer
    gross: DecimalText
    withholding: DecimalText
    net: DecimalText


class LineRecord(_Record):
    rate_parameter: str
    reasons: tuple[Reason, ...]
    units: DecimalText
    daily_amount: DecimalText
    amount: DecimalText


class NoticeRecord(_Record):
    code: str
    rule: str | None
    values: dict[str, Any] = Field(
        description="The values the notice's text shows (the catalogue writes the text)."
    )


class StepRecord(_Record):
    id: str
    rule: str
    applies: bool
    message: str
    values: dict[str, Any]
    parameters: tuple[str, ...]


class FigureRecord(_Record):
    name: str
    value: FigureText | None
    valid_from: Day | None
    confidence: str | None
    unverified: bool
    overridden: bool
    stale: Day | None = Field(description="The day of the indexation that makes it stale.")


class ReceiptRecord(_Record):
    inputs_hmac_sha256: Annotated[str, Field(pattern="^[0-9a-f]{64}$")] | None


class ResultRecord(_Record):
    """A stored result read back (:func:`load_result`): every field of the document, validated."""

    kind: str
    version: int
    library_version: str
    parameters_fingerprint: Annotated[str, Field(pattern="^[0-9a-f]{16}$")]
    period: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")]
    worker: Annotated[str, Field(pattern=MASKED_NISS["pattern"])]
    status: PaymentStatus
    units: dict[Reason, DecimalText]
    daily_amounts: dict[Reason, DecimalText]
    allowance_lines: tuple[LineRecord, ...]
    gross_allowance: DecimalText
    sector_top_up: DecimalText
    employer_supplement: DecimalText
    supplement_units_paid: DecimalText
    construction_units_paid: DecimalText
    withholding: DecimalText
    net_total: DecimalText
    payments: tuple[PaymentRecord, ...] = Field(min_length=len(PAYERS), max_length=len(PAYERS))
    notices: tuple[NoticeRecord, ...]
    history_after: History
    figures: tuple[FigureRecord, ...]
    receipt: ReceiptRecord
    steps: tuple[StepRecord, ...] | None = None

    @field_validator("kind", "version", mode="before")
    @classmethod
    def _check_layout(cls, value: Any, info: ValidationInfo) -> Any:
        """Another kind of document, or a version whose layout this library does not know, is
        refused at once rather than read field by field as if it were this one."""
        expected = {"kind": DOCUMENT_KIND, "version": DOCUMENT_VERSION}[str(info.field_name)]
        if value != expected:
            raise PydanticCustomError(
                f"document_{info.field_name}",
                "a result document of {field} {given} cannot be read: this library reads "
                "{field} {expected} (a chomage-rules month result, layout {version})",
                {
                    "field": info.field_name,
                    "given": repr(value)[:40],
                    "expected": repr(expected),
                    "version": DOCUMENT_VERSION,
                },
            )
        return value

    def to_document(self) -> dict[str, Any]:
        """The document again, as JSON data."""
        document: dict[str, Any] = self.model_dump(mode="json", exclude_none=False)
        if self.steps is None:
            del document["steps"]
        return document


def _plain(value: Any) -> Any:
    """A value of a notice or a step as JSON data: decimals and dates as text, enums by value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list | frozenset | set):
        items = [_plain(item) for item in value]
        return sorted(items, key=str) if isinstance(value, frozenset | set) else items
    return value.isoformat() if isinstance(value, date) else str(value)


def document_of(
    result: MonthResult, *, steps: bool = False, receipt_key: bytes | None = None
) -> dict[str, Any]:
    """The document of ``result`` (see :meth:`MonthResult.to_document`)."""
    document: dict[str, Any] = {
        "kind": DOCUMENT_KIND,
        "version": DOCUMENT_VERSION,
        "library_version": result.library_version,
        "parameters_fingerprint": result.parameters_fingerprint,
        "period": f"{result.month.year}-{result.month.month:02d}",
        "worker": mask_niss(result.worker.niss),
        "status": result.status.value,
        **{key: value for key, value in result._amounts_json().items() if key != "status"},
        "supplement_units_paid": str(result.supplement_units_paid),
        "construction_units_paid": str(result.construction_units_paid),
        "notices": [
            {"code": n.code, "rule": n.rule or None, "values": _plain(n.values)}
            for n in result.notices
        ],
        "history_after": result.history_after.model_dump(mode="json"),
        "figures": [_figure(figure) for figure in result.figures],
        "receipt": {
            "inputs_hmac_sha256": None if receipt_key is None else result.inputs_hmac(receipt_key)
        },
    }
    for payer in ("payment_body", "employer", "sector_fund"):
        del document[f"{payer}_withholding"]  # each payment has its own
    if steps:
        document["steps"] = [
            {
                "id": step.id,
                "rule": step.rule,
                "applies": step.applies,
                "message": step.message,
                "values": _plain(step.values),
                "parameters": [use.name for use in step.parameters],
            }
            for step in result.steps
        ]
    return document


def _figure(figure: Any) -> dict[str, Any]:
    return {
        "name": figure.name,
        "value": None if figure.value is None else str(figure.value),
        "valid_from": None
        if figure.valid_from in (None, date.min)
        else figure.valid_from.isoformat(),
        "confidence": figure.confidence,
        "unverified": figure.unverified,
        "overridden": figure.overridden,
        "stale": None if figure.stale is None else figure.stale.on.isoformat(),
    }


def load_result(document: Mapping[str, Any] | str | bytes) -> ResultRecord:
    """A stored result document (JSON data, or its text) as a frozen :class:`ResultRecord`.

    Raises ``pydantic.ValidationError`` naming each field that is not as the document writes it
    (a tampered amount written ``133.4``, a status that does not exist), and at ``kind`` or
    ``version`` for a document of another kind, or of a version this library does not read."""
    if isinstance(document, str | bytes):
        return ResultRecord.model_validate_json(document)
    return ResultRecord.model_validate(document)


def result_document_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a result document (``MonthResult.to_document()``)."""
    schema = ResultRecord.model_json_schema()
    schema["properties"]["kind"] = {"const": DOCUMENT_KIND}
    schema["properties"]["version"] = {"const": DOCUMENT_VERSION}
    return {**schema, "$schema": DIALECT, "title": "chomage-rules month result"}
