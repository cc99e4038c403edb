"""The JSON Schema of a case (worker, employer, month, history), and the rules it cannot carry.

Each model's ``model_json_schema()`` says what its validation takes from a JSON document
(``json_schema.py``): money, hours and units as text of at most two decimals within their bounds
(or whole JSON numbers), whole numbers with their bounds, days as ``2024-06-03``, identifiers in
the forms they are read in, and the rules between fields that a schema can say (``if``/``then``:
a reason on a day of temporary unemployment only, one wage of the two, ...). What remains, a check
digit or one date against another, is :data:`RULES_OUTSIDE_THE_SCHEMA`: each rule with the field
its error names, the error's type, and a document the schema accepts and validation refuses.

So a document the schema accepts passes validation unless it breaks one of those rules, and every
input the models accept, written out by ``model_dump(mode="json")``, passes the schema
(``tests/test_schemas.py`` checks both with generated documents). Days are ``"format": "date"``:
a validator that asserts formats (``jsonschema.FormatChecker``) refuses ``2024-02-30`` as
validation does.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)

from .masking import masked_error
from .models import Employer, History, Month, Worker

__all__ = [
    "DIALECT",
    "MASKED_NISS",
    "RULES_OUTSIDE_THE_SCHEMA",
    "CaseDocument",
    "OutsideRule",
    "case_schema",
    "masked_models_schema",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

MASKED_NISS: dict[str, Any] = {
    "type": "string",
    "pattern": r"^\*\*\.\*\*\.\*\*-\*\*\*\.[0-9]{2}$",
    "description": "the national number, masked: only its two check digits are shown",
}
"""A national number as every output shows it: ``**.**.**-***.28``."""


class CaseDocument(BaseModel):
    """One case as a document: the four inputs of ``compute_month``, ``history`` optional."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Case")

    worker: Worker
    employer: Employer
    month: Month
    history: History = Field(
        default_factory=History,
        description="The worker's counters with this employer before the month; left out: none.",
    )

    @model_validator(mode="wrap")
    @classmethod
    def _mask_national_numbers(cls, value: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        """An error about the case as a whole (a part missing) carries the whole document as its
        input: masked as the models' own errors are."""
        try:
            return handler(value)
        except ValidationError as error:
            raise masked_error(error, frozenset()) from None


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a :class:`CaseDocument`."""
    return {"$schema": DIALECT, **CaseDocument.model_json_schema()}


def masked_models_schema() -> dict[str, Any]:
    """The ``$defs`` of the models as an output shows them: the Worker's ``niss`` masked
    (``**.**.**-***.28``), as no output carries the number itself."""
    models: dict[str, Any] = copy.deepcopy(CaseDocument.model_json_schema()["$defs"])
    niss = models["Worker"]["properties"]["niss"]
    models["Worker"]["properties"]["niss"] = {**MASKED_NISS, "title": niss["title"]}
    return models


@dataclass(frozen=True, slots=True)
class OutsideRule:
    """A rule validation enforces that the JSON Schema cannot say."""

    model: str
    """The model whose validation enforces it (``Worker``, ``Month`` ...)."""
    field: tuple[str, ...]
    """Where its error is, within the model (the end of the error's ``loc``)."""
    types: frozenset[str]
    """The ``type`` of its errors."""
    rule: str
    example: dict[str, Any]
    """A document of the model that the schema accepts and this rule refuses."""


def _rule(model: str, field: str, types: str, rule: str, example: dict[str, Any]) -> OutsideRule:
    return OutsideRule(model, tuple(field.split(".")), frozenset(types.split()), rule, example)


_WORKER = {"niss": "85073003328", "monthly_gross_wage": "3500.00"}
_DAY = {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"}
_SPELL = {"first_day": "2024-06-03", "last_day": "2024-06-07"}
_LAST = {"day": "2024-06-07", "regime": "full_time", "weekly_hours": "38.00"}

RULES_OUTSIDE_THE_SCHEMA: tuple[OutsideRule, ...] = (
    _rule(
        "Worker",
        "niss",
        "niss",
        "the national number's check digits (mod 97) match its first nine digits",
        {**_WORKER, "niss": "85073003329"},
    ),
    _rule(
        "Worker",
        "full_time_weekly_hours",
        "full_time_hours_low",
        "a part-timer's "
        "weekly_hours are at most the full_time_weekly_hours of a comparable full-timer",
        {
            **_WORKER,
            "regime": "voluntary_part_time",
            "weekly_hours": "30.00",
            "full_time_weekly_hours": "20.00",
        },
    ),
    _rule(
        "Worker",
        "days_per_week",
        "days_type",
        "a whole number is written without a "
        "fraction (5, not 5.0), which JSON Schema counts as an integer too",
        {**_WORKER, "days_per_week": 5.0},
    ),
    *(
        _rule(
            model,
            name,
            "float_refused",
            "an amount, hours or units given as a JSON number has no decimal point (3200, not "
            "3200.0 or 3.2e3), which JSON Schema counts as an integer too: a binary float is "
            "refused",
            {**example, name: 8.0},
        )
        for model, name, example in (
            ("Worker", "monthly_gross_wage", {"niss": _WORKER["niss"]}),
            ("Worker", "hourly_wage", {"niss": _WORKER["niss"]}),
            ("Worker", "weekly_hours", _WORKER),
            ("DayEntry", "hours", _DAY),
            ("LastUnemployment", "weekly_hours", _LAST),
            ("History", "supplement_units", {}),
            ("History", "cp124_credit_used", {}),
        )
    ),
    _rule(
        "Employer",
        "enterprise_number",
        "enterprise_number",
        "the enterprise number's check digits (mod 97) match its first eight digits",
        {"enterprise_number": "0403.170.702", "joint_committee": "200"},
    ),
    _rule(
        "Employer",
        "name",
        "name_number",
        "the employer's name, shown in every "
        "explanation, holds no run of ten digits or more (a national number)",
        {"enterprise_number": "0403.170.701", "joint_committee": "200", "name": "Shop 85073003328"},
    ),
    _rule(
        "DayEntry",
        "reason",
        "energy_crisis_dates",
        "the energy_crisis reason is for a day from 2022-10-01 to 2023-03-31",
        {**_DAY, "reason": "energy_crisis"},
    ),
    _rule(
        "Month",
        "days",
        "day_outside_month day_twice",
        "each day is in the month (year, month) and given once",
        {"year": 2024, "month": 7, "days": [_DAY]},
    ),
    _rule(
        "Month",
        "paper_card_issued",
        "issued_after_month",
        "a paper card is issued before the end of the month it is for",
        {"year": 2024, "month": 6, "control_card": "paper", "paper_card_issued": "2024-07-01"},
    ),
    *(
        _rule(
            "ReasonLimitCounters",
            name,
            "weeks_type",
            "weeks are a whole number written without a fraction (3, not 3.0)",
            {name: 3.0},
        )
        for name in ("full_weeks", "reduced_weeks", "run_full_weeks")
    ),
    _rule(
        "ReasonLimitCounters",
        "open_week",
        "open_week",
        "the days of open_week are in one calendar week (Monday to Sunday)",
        {"open_week": ["2024-06-07", "2024-06-10"]},
    ),
    _rule(
        "Spell",
        "last_day",
        "spell_order",
        "the spell's last day is not before its first day",
        {**_SPELL, "last_day": "2024-06-02"},
    ),
    _rule(
        "Spell",
        "work_since",
        "not_monday work_before_spell_end",
        "the weeks of work start on a Monday after the spell's last day",
        {**_SPELL, "work_since": "2024-06-05"},
    ),
    _rule(
        "History",
        "spell",
        "after_through",
        "the spell (and its weeks of work) end on or before through",
        {"through": "2024-06-05", "spell": _SPELL, "last_unemployment": _LAST},
    ),
    _rule(
        "History",
        "last_unemployment",
        "after_through last_before_spell unemployed_in_work_week",
        "the last temporary unemployment is on or before through, "
        "not before the spell's last day and not in its weeks of work",
        {
            "through": "2024-06-30",
            "spell": _SPELL,
            "last_unemployment": {**_LAST, "day": "2024-06-05"},
        },
    ),
    _rule(
        "History",
        "reason_limits",
        "reason_limits_days",
        "the days of reason_limits are on or before through",
        {"through": "2024-06-05", "reason_limits": {"last_unemployed": "2024-06-07"}},
    ),
)
"""Every rule of the models' validation that their JSON Schema cannot carry (see the module)."""
