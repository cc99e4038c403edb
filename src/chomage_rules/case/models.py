"""The inputs: a worker, an employer, a month of days and the worker's counters (frozen pydantic).

Every model is frozen, refuses unknown fields, and round-trips through JSON exactly
(``Model.model_validate_json(m.model_dump_json()) == m``). Bad input raises
``pydantic.ValidationError`` whose entry names the field and says what is wrong in plain words;
nothing is clamped, rounded or dropped.

Amounts and hours are ``Decimal``. A Python ``float`` (or a JSON number with a fraction) is
**refused**, never converted: binary floats cannot hold most cent values (``0.1`` is really
``0.1000000000000000055511…``), and converting through their shortest text would hide digits the
caller lost. Pass ``Decimal("3500.10")``, the string ``"3500.10"`` or an integer. A number of more
than 100 digits written out (``"1E+999999999"``) is refused from its digits and exponent, before
any conversion.

Nothing is read in a way that would change the result: yes/no fields take ``true`` or ``false``
only (``"yes"`` and ``1`` are refused), dates a ``date`` or text written ``2024-01-08`` (a number is
not a Unix timestamp), a month at most 31 entries, a counter at most a year of units (318). No
error carries a national number (see :class:`Worker`).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sized
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    Strict,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..core.identifiers import (
    BELGIUM,
    DIGIT_RUN,
    is_country_code,
    is_joint_committee,
    normalize_enterprise_number,
    normalize_niss,
)
from ..core.money import cents_to_decimal, check_decimal_size, decimal_to_cents
from ..core.vocabulary import (
    ENERGY_CRISIS_FIRST_DAY,
    ENERGY_CRISIS_LAST_DAY,
    ControlCard,
    Cp124Category,
    DayStatus,
    Occupation,
    PaymentStatus,
    Reason,
    Region,
    WorkRegime,
)
from ..rules.units import counts_against_full_time
from .json_schema import DATE, decimal_schema, schema_rules, whole_number
from .masking import masked_error

__all__ = [
    "ControlCard",
    "Cp124Category",
    "DayEntry",
    "DayStatus",
    "Employer",
    "History",
    "LastUnemployment",
    "Month",
    "Occupation",
    "PaymentStatus",
    "Reason",
    "ReasonLimitCounters",
    "Region",
    "Spell",
    "WorkRegime",
    "Worker",
]


# --------------------------------------------------------------------------- exact decimals

MAX_MONTHLY_WAGE = Decimal("1000000.00")
MAX_HOURLY_WAGE = Decimal("10000.00")
MAX_WEEKLY_HOURS = Decimal(50)
MAX_DAY_HOURS = Decimal(24)


def _refuse_float(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("not_a_number", "expected a number, not a yes/no value")
    if isinstance(value, float) and not math.isfinite(value):
        # a JSON number such as 1E+999999999 arrives as an infinite float
        raise PydanticCustomError(
            "not_finite", "must be a finite number, not {value}", {"value": value}
        )
    if isinstance(value, float):
        raise PydanticCustomError(
            "float_refused",
            "a binary float ({value}) cannot hold an exact amount; "
            'give it as a Decimal, a string such as "{value}" or an integer',
            {"value": value},
        )
    return value


def _two_decimals(value: Decimal, what: str = "give it to the cent") -> Decimal:
    if not value.is_finite():
        raise PydanticCustomError(
            "not_finite", "must be a finite number, not {value}", {"value": value}
        )
    try:
        # before any conversion to integers, which for 1E+999999999 would take minutes; the value
        # is not repeated: written out it is longer than any message should be
        check_decimal_size(value, "this number")
    except ValueError as error:
        raise PydanticCustomError("too_many_digits", str(error)) from None
    try:
        cents = decimal_to_cents(value)
    except ValueError:
        raise PydanticCustomError(
            "too_many_decimals",
            "{value} has more than two decimals; nothing is rounded for you, {what}",
            {"value": value, "what": what},
        ) from None
    return cents_to_decimal(cents)


MAX_UNITS_IN_A_YEAR = Decimal(6 * 53)
"""The most units a counter can hold: it counts one calendar year (or one service year), which has
at most 53 weeks (counting the partial weeks at both ends), each of at most 6 working days."""


def _half_units(value: Decimal) -> Decimal:
    value = _two_decimals(value)
    if value < 0:
        raise PydanticCustomError(
            "negative", "must not be negative (got '{value}')", {"value": value}
        )
    if value > MAX_UNITS_IN_A_YEAR:
        raise PydanticCustomError(
            "too_many_units",
            "{value} units is more than a year holds: a counter covers one year, at most "
            "{limit} units (53 weeks of 6 days)",
            {"value": value, "limit": int(MAX_UNITS_IN_A_YEAR)},
        )
    if decimal_to_cents(value) % 50:
        raise PydanticCustomError(
            "not_half_units",
            "{value} is not a whole or half unit (units are counted in halves)",
            {"value": value},
        )
    return value


def _hundredths_of_an_hour(value: Decimal) -> Decimal:
    return _two_decimals(value, "give hours to the hundredth of an hour (7.60, 37.50)")


ExactDecimal = Annotated[Decimal, BeforeValidator(_refuse_float), AfterValidator(_two_decimals)]
"""A Decimal with at most two decimals, normalised to exactly two (same value)."""

ExactHours = Annotated[
    Decimal, BeforeValidator(_refuse_float), AfterValidator(_hundredths_of_an_hour)
]
"""Hours with at most two decimals (hundredths of an hour), normalised to exactly two."""

HalfUnits = Annotated[
    Decimal,
    BeforeValidator(_refuse_float),
    AfterValidator(_half_units),
    WithJsonSchema(
        decimal_schema(MAX_UNITS_IN_A_YEAR, positive=False, halves=True, what="units, in halves")
    ),
]
"""A count of units of one year, in steps of 0.5, from 0 to 318 (:data:`MAX_UNITS_IN_A_YEAR`)."""


def _hours_up_to(limit: Decimal) -> WithJsonSchema:
    """The JSON Schema of hours above zero and at most ``limit`` (the field checks the bounds)."""
    return WithJsonSchema(
        decimal_schema(limit, positive=True, what=f"hours, above 0 and at most {limit}")
    )


def _amount_up_to(limit: Decimal) -> WithJsonSchema:
    """The JSON Schema of an amount above zero and at most ``limit`` (the field checks them)."""
    return WithJsonSchema(
        decimal_schema(limit, positive=True, what=f"EUR, above 0 and at most {limit}")
    )


YesNo = Annotated[bool, Strict()]
"""true or false only: ``"yes"``, ``1`` or ``"false"`` are not taken for a yes/no value (one decides
the construction top-up). Strict in both modes: a JSON ``true`` is a bool either way."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _date_or_iso_text(value: Any) -> Any:
    """A date, or text written 2024-01-08 (as in JSON); pydantic alone would also read a number,
    or a text of digits, as a Unix timestamp and turn 1704672000 into 2024-01-08 without a word."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError(
        "date_form",
        "give a date as a date or as text in the form 2024-01-08 (got {kind}; a number is not "
        "taken for a date)",
        {"kind": _kind(value)},
    )


def _kind(value: Any) -> str:
    """What a refused value is, in words, without repeating it."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return "text in another form"
    return "nothing" if value is None else f"a {type(value).__name__}"


Day = Annotated[date, BeforeValidator(_date_or_iso_text), WithJsonSchema(DATE)]
"""A calendar day: a ``date`` or ISO text (``"2024-01-08"``), nothing else."""


def _whole_number_not_yes_no(value: Any) -> Any:
    if isinstance(value, bool):  # True is an int in Python: it would be January, or year 1
        raise PydanticCustomError("not_a_number", "expected a whole number, not a yes/no value")
    return value


def _positive_at_most(value: Decimal, limit: Decimal, what: str) -> Decimal:
    if value <= 0:
        raise PydanticCustomError(
            "not_positive",
            "{what} must be greater than zero (got '{value}')",
            {"what": what, "value": value},
        )
    if value > limit:
        raise PydanticCustomError(
            "too_large",
            "{what} of {value} is above {limit}, which cannot be right",
            {"what": what, "value": value, "limit": limit},
        )
    return value


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False)

    _personal_fields: ClassVar[frozenset[str]] = frozenset()
    """Fields whose value is a national number: their errors never show what was given."""
    _receipt_optional: ClassVar[frozenset[str]] = frozenset()
    """Fields added after the keyed receipt's recipe was first published (0.1: issue 10's process
    inputs): left out of the receipt's message while they hold their default, so that a receipt
    stored before them is recomputed unchanged from the same inputs (``receipt_data``)."""

    def receipt_data(self) -> dict[str, Any]:
        """``model_dump(mode="json")`` without the :attr:`_receipt_optional` fields that hold
        their default: the model's part of ``MonthResult.inputs_hmac``'s message."""
        data = self.model_dump(mode="json")
        for name in self._receipt_optional:
            field = type(self).model_fields[name]
            if getattr(self, name) == field.get_default(call_default_factory=True):
                del data[name]
        return data

    @model_validator(mode="wrap")
    @classmethod
    def _mask_national_numbers(cls, value: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        """Every error of the model with any national number masked (see ``masking.py``).

        A field validator cannot do it: pydantic records the value it was given as the error's
        input. This wraps the whole model, wherever it is validated (inside a caller's own model
        too), and so also covers the whole input that errors about the model itself carry. A
        subclass's own ``mode="after"`` model validator runs outside it and masks its errors
        itself (``DayEntry``)."""
        try:
            return handler(value)
        except ValidationError as error:
            raise masked_error(error, cls._personal_fields) from None

    def __setattr__(self, name: str, value: Any) -> None:
        # the models are frozen: pydantic's refusal would carry the value assigned as its input
        try:
            super().__setattr__(name, value)
        except ValidationError as error:
            raise masked_error(error, self._personal_fields) from None


# --------------------------------------------------------------------------- Worker

NISS_FORMS = (
    r"^[0-9]{2}\.?(0[0-9]|1[0-2]|[24][0-9]|[35][0-2])\.?([0-2][0-9]|3[01])[-.]?[0-9]{3}\.?[0-9]{2}$"
)
"""The two ways a national number is written (``85073003328``, ``85.07.30-033.28``), with a
month of 00-12 (20-32, 40-52 for a BIS number) and a day of 00-31, as ``normalize_niss`` reads
them; its check digits are checked by validation alone."""

_GIVEN = {"type": ["string", "integer"]}
_NOT_GIVEN = {"type": "null"}
_WORKER_SCHEMA_RULES: list[dict[str, Any]] = [
    {  # paid by the month or by the hour: one of the two wages, not both
        "anyOf": [
            {
                "required": ["monthly_gross_wage"],
                "properties": {"monthly_gross_wage": _GIVEN, "hourly_wage": _NOT_GIVEN},
            },
            {
                "required": ["hourly_wage"],
                "properties": {"hourly_wage": _GIVEN, "monthly_gross_wage": _NOT_GIVEN},
            },
        ]
    },
    {  # a comparable full-timer's hours (S) for the two regimes that count against them only
        "if": {
            "required": ["regime"],
            "properties": {
                "regime": {"enum": [r.value for r in WorkRegime if counts_against_full_time(r)]}
            },
        },
        "then": {
            "required": ["full_time_weekly_hours"],
            "properties": {"full_time_weekly_hours": _GIVEN},
        },
        "else": {"properties": {"full_time_weekly_hours": _NOT_GIVEN}},
    },
    {  # a region of residence in Belgium only
        "if": {
            "required": ["residence_country"],
            "properties": {"residence_country": {"not": {"const": BELGIUM}}},
        },
        "then": {"properties": {"residence_region": _NOT_GIVEN}},
    },
]


class Worker(_Model):
    """The worker and the wage data the employer declared (DRS scenario 2).

    The national number is personal data: it is left out of ``repr(worker)`` (hence of a result's
    repr and of test failures), a ``ValidationError`` about a worker does not repeat the input
    values in its text, and no error carries the number given, or anything one typing error from
    it, in its message, ``input`` or context either (``errors()``, ``json()``), even when the
    worker is a field of the caller's own model, whose errors do show inputs: it is masked as in a
    rendering (``**.**.**-***.29``) or described by its length. The same holds for a number typed
    in any other field of any model (``masking.py``).
    """

    _receipt_optional: ClassVar[frozenset[str]] = frozenset({"occupation", "residence_region"})

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        json_schema_extra=schema_rules({"allOf": _WORKER_SCHEMA_RULES}),
    )

    niss: str = Field(
        description="National number (NISS/INSZ) or BIS number, 11 digits.",
        repr=False,
        json_schema_extra={"pattern": NISS_FORMS},
    )
    monthly_gross_wage: Annotated[ExactDecimal, _amount_up_to(MAX_MONTHLY_WAGE)] | None = Field(
        default=None, description="Gross monthly wage in EUR, for a monthly-paid worker."
    )
    hourly_wage: Annotated[ExactDecimal, _amount_up_to(MAX_HOURLY_WAGE)] | None = Field(
        default=None,
        validate_default=True,
        description="Gross hourly wage in EUR, for an hourly-paid worker.",
    )
    weekly_hours: Annotated[ExactHours, _hours_up_to(MAX_WEEKLY_HOURS)] = Field(
        default=Decimal("38.00"), description="Q: the worker's normal average weekly hours."
    )
    days_per_week: Annotated[int, WithJsonSchema(whole_number(1, 6))] = Field(
        default=5, description="Working days in the worker's week (1-6)."
    )
    regime: WorkRegime = WorkRegime.FULL_TIME
    full_time_weekly_hours: Annotated[ExactHours, _hours_up_to(MAX_WEEKLY_HOURS)] | None = Field(
        default=None,
        validate_default=True,
        description="S: weekly hours of a comparable full-timer; only for the two regimes using it.",
    )
    cp124_category: Cp124Category | None = None
    has_legitimation_card: YesNo = Field(
        default=False, description="Holds a valid construction 'ayant droit' legitimation card."
    )
    residence_country: str = Field(
        default=BELGIUM,
        description="ISO 3166-1 alpha-2 country code.",
        json_schema_extra={"pattern": "^[A-Z]{2}$"},
    )
    # R14 limits by reason
    occupation: Occupation | None = Field(
        default=None,
        description="blue_collar or white_collar: the regime of economic temporary unemployment "
        "whose limits apply (R14); None when not given (the limits are then not checked).",
    )
    residence_region: Region | None = Field(
        default=None,
        description="For a worker living in Belgium, the region of residence, which decides the "
        "employment office of a job-seeker registration (R12); None: not given.",
    )

    _personal_fields: ClassVar[frozenset[str]] = frozenset({"niss"})

    @field_validator("niss", mode="before")
    @classmethod
    def _check_niss(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise PydanticCustomError(
                "niss_type", "the national number must be text of 11 digits (YYMMDDSSSCC)"
            )
        try:
            return normalize_niss(value)
        except ValueError as error:
            raise PydanticCustomError("niss", str(error)) from None

    @field_validator("monthly_gross_wage")
    @classmethod
    def _check_monthly_wage(cls, value: Decimal | None) -> Decimal | None:
        if value is not None:
            _positive_at_most(value, MAX_MONTHLY_WAGE, "the monthly gross wage")
        return value

    @field_validator("hourly_wage")
    @classmethod
    def _check_hourly_wage(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if value is not None:
            _positive_at_most(value, MAX_HOURLY_WAGE, "the hourly wage")
        if "monthly_gross_wage" not in info.data:
            return value  # the monthly wage was invalid: that error is already reported
        monthly = info.data["monthly_gross_wage"]
        if monthly is None and value is None:
            raise PydanticCustomError(
                "wage_missing", "give the monthly_gross_wage or the hourly_wage (neither was given)"
            )
        if monthly is not None and value is not None:
            raise PydanticCustomError(
                "wage_twice",
                "give the monthly_gross_wage or the hourly_wage, not both "
                "(a worker is paid by the month or by the hour)",
            )
        return value

    @field_validator("weekly_hours")
    @classmethod
    def _check_weekly_hours(cls, value: Decimal) -> Decimal:
        return _positive_at_most(value, MAX_WEEKLY_HOURS, "the weekly hours")

    @field_validator("days_per_week", mode="before")
    @classmethod
    def _check_days_per_week(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise PydanticCustomError("days_type", "must be a whole number of days from 1 to 6")
        if not 1 <= value <= 6:
            raise PydanticCustomError(
                "days_range",
                "must be from 1 to 6 working days a week (got '{value}')",
                {"value": value},
            )
        return value

    @field_validator("full_time_weekly_hours")
    @classmethod
    def _check_full_time_hours(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        regime = info.data.get("regime")
        if regime is None:
            return value  # the regime was invalid: that error is already reported
        if counts_against_full_time(regime):
            if value is None:
                raise PydanticCustomError(
                    "full_time_hours_missing",
                    "the {regime} regime counts units against the weekly hours of a comparable "
                    "full-timer (S): give full_time_weekly_hours",
                    {"regime": regime.value},
                )
            _positive_at_most(value, MAX_WEEKLY_HOURS, "the full-time weekly hours")
            weekly = info.data.get("weekly_hours")
            if weekly is not None and weekly > value:
                raise PydanticCustomError(
                    "full_time_hours_low",
                    "a part-timer's weekly hours ({weekly}) cannot exceed those of a comparable "
                    "full-timer ({value})",
                    {"weekly": weekly, "value": value},
                )
        elif value is not None:
            raise PydanticCustomError(
                "full_time_hours_unused",
                "full_time_weekly_hours is only used for the part_time_income_guarantee and "
                "voluntary_part_time regimes, not {regime}; leave it out",
                {"regime": regime.value},
            )
        return value

    @field_validator("residence_country")
    @classmethod
    def _check_country(cls, value: str) -> str:
        if not is_country_code(value):
            raise PydanticCustomError(
                "country",
                "must be a two-letter ISO country code such as BE, FR or NL (got '{value}')",
                {"value": value},
            )
        return value

    @field_validator("residence_region")
    @classmethod
    def _check_region(cls, value: Region | None, info: ValidationInfo) -> Region | None:
        country = info.data.get("residence_country")
        if value is not None and country is not None and country != BELGIUM:
            raise PydanticCustomError(
                "region_abroad",
                "a region of residence is for a worker living in Belgium (residence_country BE); "
                "this worker lives in {country}: leave residence_region out",
                {"country": country},
            )
        return value

    @property
    def paid_hourly(self) -> bool:
        return self.hourly_wage is not None


# --------------------------------------------------------------------------- Employer


class Employer(_Model):
    """The employer that put the worker on temporary unemployment."""

    _receipt_optional: ClassVar[frozenset[str]] = frozenset({"sheltered_workshop"})

    enterprise_number: str = Field(
        description="Enterprise number (BCE/KBO), 10 digits.",
        json_schema_extra={"pattern": r"^[01][0-9]{3}\.?[0-9]{3}\.?[0-9]{3}$"},
    )
    joint_committee: str = Field(
        description="Joint committee (commission paritaire), e.g. '124' or '111.01'.",
        json_schema_extra={"pattern": r"^[0-9]{3}(\.[0-9]{2}){0,2}$"},
    )
    name: str | None = Field(default=None, max_length=200)
    agreement_guarantees_supplement: YesNo = Field(
        default=False,
        description="A company agreement already guarantees at least the statutory supplement (R5).",
    )
    supplement_paid_by_fund: YesNo = Field(
        default=False,
        description="A generally binding agreement has a sector fund pay the supplement (R5).",
    )
    # R10 control card (issue 10)
    sheltered_workshop: YesNo = Field(
        default=False,
        description=(
            "A sheltered or social workshop or an adapted-work company (atelier protégé / social, "
            "entreprise de travail adapté; beschutte / sociale werkplaats, maatwerkbedrijf): it "
            "keeps the choice of a paper control card (R10)."
        ),
    )

    @field_validator("enterprise_number", mode="before")
    @classmethod
    def _check_enterprise_number(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise PydanticCustomError(
                "enterprise_type", "the enterprise number must be text of 10 digits (0NNN.NNN.NNN)"
            )
        try:
            return normalize_enterprise_number(value)
        except ValueError as error:
            raise PydanticCustomError("enterprise_number", str(error)) from None

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str | None) -> str | None:
        # the name is shown in every explanation: it must not carry a national number
        if value is not None and DIGIT_RUN.search(value):
            raise PydanticCustomError(
                "name_number",
                "the employer's name holds a number of ten digits or more, which every "
                "explanation would show; give the name without it",
            )
        return value

    @field_validator("joint_committee")
    @classmethod
    def _check_joint_committee(cls, value: str) -> str:
        if not is_joint_committee(value):
            raise PydanticCustomError(
                "joint_committee",
                "'{value}' is not a joint committee number such as '124', '200' or '111.01'",
                {"value": value},
            )
        return value


# --------------------------------------------------------------------------- days and month


class DayEntry(_Model):
    """One day of the control card, with the employer's hours for temporary-unemployment days."""

    model_config = ConfigDict(
        json_schema_extra=schema_rules(
            {  # a reason for a day of temporary unemployment, and only for one
                "if": {"properties": {"status": {"const": DayStatus.TEMPORARY_UNEMPLOYMENT.value}}},
                "then": {"required": ["reason"], "properties": {"reason": {"type": "string"}}},
                "else": {
                    "properties": {
                        "reason": _NOT_GIVEN,
                        "hours": _NOT_GIVEN,
                        "frost_period": {"const": False},
                    }
                },
            }
        )
    )

    day: Day
    status: DayStatus
    reason: Reason | None = None
    hours: Annotated[ExactHours, _hours_up_to(MAX_DAY_HOURS)] | None = Field(
        default=None,
        description="Hours of temporary unemployment that day; default Q / days_per_week.",
    )
    frost_period: YesNo = Field(
        default=False, description="The day falls in a frost period recognised by Constructiv (R6)."
    )

    @model_validator(mode="after")
    def _check_day(self) -> DayEntry:
        """A reason, and only a temporary-unemployment day has one (or hours, or frost), within
        the energy-crisis scheme's dates for that reason; every problem is reported at its field.

        One check of the whole day rather than one per field: a month validates a few dozen days,
        and this is most of its validation time (benchmarks/bench_month.py)."""
        problems = []
        if self.status is DayStatus.TEMPORARY_UNEMPLOYMENT:
            problems += self._unemployment_problems()
        else:
            problems += self._other_day_problems()
        if problems:
            # masked here: pydantic runs an "after" validator outside the base class's wrap
            error = ValidationError.from_exception_data("DayEntry", problems)
            raise masked_error(error, self._personal_fields)
        return self

    def _unemployment_problems(self) -> list[InitErrorDetails]:
        problems = []
        if self.reason is None:
            problems.append(
                _problem(
                    "reason",
                    None,
                    "reason_missing",
                    "a temporary-unemployment day needs its reason (economic, force_majeure, …)",
                )
            )
        elif self.reason is Reason.ENERGY_CRISIS and not (
            ENERGY_CRISIS_FIRST_DAY <= self.day <= ENERGY_CRISIS_LAST_DAY
        ):
            problems.append(
                _problem(
                    "reason",
                    self.reason.value,
                    "energy_crisis_dates",
                    "the energy-crisis scheme ran from {first} to {last}; {day} is outside it",
                    {
                        "first": ENERGY_CRISIS_FIRST_DAY,
                        "last": ENERGY_CRISIS_LAST_DAY,
                        "day": self.day,
                    },
                )
            )
        if self.hours is not None:
            try:
                _positive_at_most(self.hours, MAX_DAY_HOURS, "the hours of a day")
            except PydanticCustomError as error:
                problems.append({"type": error, "loc": ("hours",), "input": str(self.hours)})
        return problems

    def _other_day_problems(self) -> list[InitErrorDetails]:
        problems = []
        if self.reason is not None:
            problems.append(
                _problem(
                    "reason",
                    self.reason.value,
                    "reason_unexpected",
                    "only a temporary-unemployment day has a reason; this day is {status}",
                    {"status": self.status.value},
                )
            )
        if self.hours is not None:
            problems.append(
                _problem(
                    "hours",
                    str(self.hours),
                    "hours_unexpected",
                    "hours are given only for temporary-unemployment days",
                )
            )
        if self.frost_period:
            problems.append(
                _problem(
                    "frost_period",
                    True,
                    "frost_unexpected",
                    "only a temporary-unemployment day can be marked as in a frost period",
                )
            )
        return problems


def _problem(
    field: str, value: Any, kind: str, message: str, context: dict[str, Any] | None = None
) -> InitErrorDetails:
    """One problem of a model, at its field (for a check that reads several fields)."""
    return {"type": PydanticCustomError(kind, message, context), "loc": (field,), "input": value}


MAX_DAYS_IN_A_MONTH = 31
WEEK_LESS_A_DAY = timedelta(days=6)


def _at_most_a_month_of_days(value: Any) -> Any:
    """Refuse more entries than a month has days before validating any of them: pydantic's own
    length limit counts only valid entries, so a million empty entries would each get their
    errors (gigabytes of them) before the limit is reached."""
    if (
        isinstance(value, Sized)
        and not isinstance(value, str | bytes | Mapping)
        and len(value) > MAX_DAYS_IN_A_MONTH
    ):
        raise PydanticCustomError(
            "too_many_days",
            "{count} entries for one month; a month has at most {limit} days and each day is "
            "given at most once",
            {"count": len(value), "limit": MAX_DAYS_IN_A_MONTH},
        )
    return value


def _control_card_kind(value: Any) -> Any:
    """'electronic' or 'paper' (or the enum); anything else refused in words, not pydantic's."""
    if isinstance(value, ControlCard) or value in ("electronic", "paper"):
        return value
    given = f"'{value[:40]}'" if isinstance(value, str) else _kind(value)
    raise PydanticCustomError(
        "control_card",
        "the control card is 'electronic' (the eC3.2) or 'paper' (the C3.2A), not {given}",
        {"given": given},
    )


class Month(_Model):
    """A calendar month of the worker's control card and the state of the paperwork."""

    _receipt_optional: ClassVar[frozenset[str]] = frozenset({"control_card", "paper_card_issued"})

    model_config = ConfigDict(
        json_schema_extra=schema_rules(
            {  # an issue date for a paper card only
                "if": {
                    "required": ["control_card"],
                    "properties": {"control_card": {"const": ControlCard.PAPER.value}},
                },
                "then": {},
                "else": {"properties": {"paper_card_issued": _NOT_GIVEN}},
            }
        )
    )

    year: Annotated[int, BeforeValidator(_whole_number_not_yes_no)] = Field(ge=2000, le=2100)
    month: Annotated[int, BeforeValidator(_whole_number_not_yes_no)] = Field(ge=1, le=12)
    days: Annotated[tuple[DayEntry, ...], BeforeValidator(_at_most_a_month_of_days)] = Field(
        default=(),
        # for an input without a length (a generator): pydantic stops at the 32nd valid entry
        max_length=MAX_DAYS_IN_A_MONTH,
        description="The days of the control card that matter, each at most once.",
    )
    employer_declared: YesNo = Field(
        default=True,
        description="The employer's monthly declaration of hours (DRS scenario 5) is in.",
    )
    card_submitted: YesNo = Field(
        default=True, description="The worker's control card is submitted."
    )
    # R10 control card (issue 10)
    control_card: Annotated[ControlCard, BeforeValidator(_control_card_kind)] = Field(
        default=ControlCard.ELECTRONIC,
        description="The worker's control card: 'electronic' (eC3.2) or 'paper' (C3.2A) (R10).",
    )
    paper_card_issued: Day | None = Field(
        default=None,
        description="For a paper card (C3.2A): the day the employer issued it to the worker (R10).",
    )

    @field_validator("days")
    @classmethod
    def _check_days(cls, value: tuple[DayEntry, ...], info: ValidationInfo) -> tuple[DayEntry, ...]:
        year, month = info.data.get("year"), info.data.get("month")
        if year is None or month is None or not value:
            return value
        days = [entry.day for entry in value]
        first, last = min(days), max(days)
        if (first.year, first.month) == (last.year, last.month) == (year, month) and len(
            set(days)
        ) == len(days):
            return value  # the usual case, checked without a loop in Python
        seen: set[date] = set()
        for index, entry in enumerate(value):
            if (entry.day.year, entry.day.month) != (year, month):
                raise PydanticCustomError(
                    "day_outside_month",
                    "entry {index} is for {day}, which is not in {period}",
                    {"index": index, "day": entry.day, "period": f"{year}-{month:02d}"},
                )
            if entry.day in seen:
                raise PydanticCustomError(
                    "day_twice",
                    "{day} appears twice (entry {index}); give each day once",
                    {"day": entry.day, "index": index},
                )
            seen.add(entry.day)
        return value

    @field_validator("paper_card_issued")
    @classmethod
    def _check_paper_card_issued(cls, value: date | None, info: ValidationInfo) -> date | None:
        """An issue date only for a paper card, and not after the month the card is for."""
        card, year, month = (info.data.get(k) for k in ("control_card", "year", "month"))
        if value is None or card is None:
            return value  # nothing given, or the card was invalid: that error is reported
        if card is ControlCard.ELECTRONIC:
            raise PydanticCustomError(
                "issued_electronic_card",
                "the issue date is for a paper control card (C3.2A) only; this month's card is "
                "electronic (eC3.2): leave paper_card_issued out or give control_card 'paper'",
            )
        if year is not None and month is not None:
            last = date(year, month, calendar.monthrange(year, month)[1])
            if value > last:
                raise PydanticCustomError(
                    "issued_after_month",
                    "the paper card is said to be issued on {day}, after the month {period} it "
                    "is for: a month's card is issued before the month ends",
                    {"day": value, "period": f"{year}-{month:02d}"},
                )
        return value

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


# --------------------------------------------------------------------------- R14 counters

MAX_WEEKS_IN_A_YEAR = 53
MAX_WEEKS_IN_A_RUN = 10 * MAX_WEEKS_IN_A_YEAR


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("weeks_type", "must be a whole number of weeks")
    return value


# the bounds are given to the schema too: pydantic wrote Field(ge, le) after a BeforeValidator
# into it as unknown keywords "ge" and "le", which no JSON Schema validator reads
Weeks = Annotated[
    int,
    BeforeValidator(_whole_number),
    Field(ge=0, le=MAX_WEEKS_IN_A_YEAR),
    WithJsonSchema(whole_number(0, MAX_WEEKS_IN_A_YEAR)),
]
RunWeeks = Annotated[
    int,
    BeforeValidator(_whole_number),
    Field(ge=0, le=MAX_WEEKS_IN_A_RUN),
    WithJsonSchema(whole_number(0, MAX_WEEKS_IN_A_RUN)),
]


class ReasonLimitCounters(_Model):
    """The weeks of economic temporary unemployment counted for the limits by reason (R14), as
    ``MonthResult.history_after`` leaves them; give them back with the next month.

    - ``full_weeks``, ``reduced_weeks``: white-collar weeks of full suspension (fewer than two days
      of work) and of reduced work in the calendar year of ``History.through``; they start again
      on 1 January;
    - ``run_full_weeks``: blue-collar weeks without a day of work since the last full week of
      work (seven calendar days without temporary unemployment); ``reduced_since``: the first day
      of the blue-collar reduced work (fewer than three days of work a week) running since then;
    - ``last_unemployed``: the last day of temporary unemployment, of any reason;
    - ``open_week``: the economic days of the calendar week still running at the end of the month
      (counted with the next month's days, in the month of its Sunday).

    Every day must be on or before ``History.through``.
    """

    full_weeks: Weeks = 0
    reduced_weeks: Weeks = 0
    run_full_weeks: RunWeeks = 0
    reduced_since: Day | None = None
    last_unemployed: Day | None = None
    open_week: tuple[Day, ...] = Field(
        default=(), max_length=7, json_schema_extra={"uniqueItems": True}
    )

    @field_validator("open_week")
    @classmethod
    def _check_open_week(cls, value: tuple[date, ...]) -> tuple[date, ...]:
        mondays = {day.toordinal() - day.weekday() for day in value}
        if len(mondays) > 1 or len(set(value)) != len(value):
            raise PydanticCustomError(
                "open_week",
                "open_week holds the days of one calendar week (Monday to Sunday), each once",
            )
        return tuple(sorted(value))


# --------------------------------------------------------------------------- History


# ------------------------------------------- the spell and the last temporary unemployment (R12, R13)


class Spell(_Model):
    """The spell of temporary unemployment running at ``History.through`` (job-seeker
    registration, rulebook R12; ``rules/registration.py`` says how a spell is followed).

    - ``first_day``, ``last_day``: its first and last day of temporary unemployment of a reason
      that counts (``registration.counting_reasons``);
    - ``work_since``: the Monday of the first of the complete calendar weeks of work in a row
      since then (None: none); two in a row end the spell;
    - ``week_worked``: the calendar week in progress at ``through`` (when ``through`` is not a
      Sunday) has a day of work so far.
    """

    first_day: Day
    last_day: Day
    work_since: Day | None = None
    week_worked: YesNo = False

    @field_validator("last_day")
    @classmethod
    def _check_last_day(cls, value: date, info: ValidationInfo) -> date:
        first = info.data.get("first_day")
        if first is not None and value < first:
            raise PydanticCustomError(
                "spell_order",
                "the spell's last day ({last}) is before its first day ({first})",
                {"last": value, "first": first},
            )
        return value

    @field_validator("work_since")
    @classmethod
    def _check_work_since(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None:
            return value
        if value.weekday() != 0:
            raise PydanticCustomError(
                "not_monday",
                "work_since is the Monday a week of work starts; {day} is not a Monday",
                {"day": value},
            )
        last = info.data.get("last_day")
        if last is not None and value <= last:
            raise PydanticCustomError(
                "work_before_spell_end",
                "the weeks of work ({day}) start after the spell's last day ({last})",
                {"day": value, "last": last},
            )
        return value


class LastUnemployment(_Model):
    """The last day of temporary unemployment with this employer (any reason) and the worker's
    regime and weekly hours (Q) then: they decide whether a month needs a new application or a
    new wage declaration (rulebook R13)."""

    day: Day
    regime: WorkRegime
    weekly_hours: Annotated[ExactHours, _hours_up_to(MAX_WEEKLY_HOURS)]

    @field_validator("weekly_hours")
    @classmethod
    def _check_weekly_hours(cls, value: Decimal) -> Decimal:
        return _positive_at_most(value, MAX_WEEKLY_HOURS, "the weekly hours")


def _not_after_through(value: date, what: str, info: ValidationInfo) -> None:
    """A date of the history is at most ``through``, which must then be given."""
    if "through" not in info.data:
        return  # through was invalid: that error is already reported
    through = info.data["through"]
    if through is None:
        raise PydanticCustomError(
            "through_missing",
            "{what} is given: give through too, the last day the history counts to",
            {"what": what},
        )
    if value > through:
        raise PydanticCustomError(
            "after_through",
            "{what} ({day}) is after through ({through})",
            {"what": what, "day": value, "through": through},
        )


def _given_then(field: str, required: dict[str, Any]) -> dict[str, Any]:
    """The schema rule: when ``field`` holds an object, the fields of ``required`` are given
    and of their type."""
    return {
        "if": {"required": [field], "properties": {field: {"type": "object"}}},
        "then": {"required": list(required), "properties": required},
    }


_DATED = {"type": "string"}
_HISTORY_SCHEMA_RULES: list[dict[str, Any]] = [
    _given_then("spell", {"last_unemployment": {"type": "object"}, "through": _DATED}),
    _given_then("last_unemployment", {"through": _DATED}),
    {  # the counters' days are placed against through
        "if": {
            "required": ["reason_limits"],
            "properties": {
                "reason_limits": {
                    "anyOf": [
                        {
                            "required": ["last_unemployed"],
                            "properties": {"last_unemployed": _DATED},
                        },
                        {"required": ["reduced_since"], "properties": {"reduced_since": _DATED}},
                        {"required": ["open_week"], "properties": {"open_week": {"minItems": 1}}},
                    ]
                }
            },
        },
        "then": {"required": ["through"], "properties": {"through": _DATED}},
    },
]


class History(_Model):
    """The worker's counters with this employer up to ``through`` (inclusive).

    - ``supplement_units``: eligible units already counted towards the 27th unit (R5) in the
      calendar year of ``through``;
    - ``cp124_credit_used``: construction credit units used (R6) in the service year
      (1 October - 30 September) of ``through``.

    ``through=None`` means the counters are those of the year and service year of the month being
    computed, just before it. When the month falls in a later calendar year (or service year) than
    ``through``, that counter starts again from zero.

    The credit itself is a dated parameter (``construction.credit_units``), so the bound
    ``cp124_credit_used <= credit`` is checked by ``compute_month`` against the credit in force for
    the month (a ``ValidationError`` at ``history.cp124_credit_used``), not here: counters left by
    a month computed with a larger, overridden credit must still load. Both counters hold one
    year's units, so neither can pass 318 (53 weeks of 6 days).
    """

    _receipt_optional: ClassVar[frozenset[str]] = frozenset(
        {"reason_limits", "spell", "last_unemployment", "payment_body_changed"}
    )

    model_config = ConfigDict(json_schema_extra=schema_rules({"allOf": _HISTORY_SCHEMA_RULES}))

    through: Day | None = None
    supplement_units: HalfUnits = Decimal("0.00")
    cp124_credit_used: HalfUnits = Decimal("0.00")

    # R14 limits by reason (rules/reason_limits.py): the weeks of economic suspension
    reason_limits: ReasonLimitCounters = Field(
        default_factory=ReasonLimitCounters,
        description="The weeks of economic temporary unemployment counted for the limits by "
        "reason (R14).",
    )

    @model_validator(mode="after")
    def _check_reason_limit_days(self) -> History:
        """The counters' days are days up to ``through``: without it they cannot be placed."""
        limits = self.reason_limits
        days = [
            day
            for day in (limits.last_unemployed, limits.reduced_since, *limits.open_week)
            if day is not None
        ]
        if not days:
            return self
        if self.through is None or max(days) > self.through:
            error = ValidationError.from_exception_data(
                "History",
                [
                    _problem(
                        "reason_limits",
                        max(days).isoformat(),
                        "reason_limits_days",
                        "the days of reason_limits (last_unemployed, reduced_since, open_week) "
                        "must be on or before through, the day the counters run through; "
                        "{what}",
                        {
                            "what": "through is not given"
                            if self.through is None
                            else f"{max(days).isoformat()} is after {self.through.isoformat()}"
                        },
                    )
                ],
            )
            raise masked_error(error, self._personal_fields)
        return self

    # ------------------------------------------------ job-seeker registration and applications
    # (R12, R13): the spell running at ``through``, the last temporary unemployment with this
    # employer and whether the worker has joined another payment body since. Not given: none
    # known (a first temporary unemployment with this employer, as far as the history tells).
    spell: Spell | None = Field(
        default=None, description="The spell of temporary unemployment running at through (R12)."
    )
    last_unemployment: LastUnemployment | None = Field(
        default=None,
        validate_default=True,  # a spell given without it is refused
        description="The last day of temporary unemployment with this employer, with the regime "
        "and weekly hours then (R12, R13).",
    )
    payment_body_changed: YesNo = Field(
        default=False,
        description="The worker has joined another payment body since the last temporary "
        "unemployment with this employer (R13).",
    )

    @field_validator("spell")
    @classmethod
    def _check_spell(cls, value: Spell | None, info: ValidationInfo) -> Spell | None:
        if value is not None:
            _not_after_through(value.last_day, "the spell", info)
            if value.work_since is not None:
                _not_after_through(value.work_since + WEEK_LESS_A_DAY, "a week of work", info)
        return value

    @field_validator("last_unemployment")
    @classmethod
    def _check_last_unemployment(
        cls, value: LastUnemployment | None, info: ValidationInfo
    ) -> LastUnemployment | None:
        spell = info.data.get("spell")
        if value is None:
            if spell is not None:
                raise PydanticCustomError(
                    "last_unemployment_missing",
                    "a spell is given: give last_unemployment too (its day is at least the "
                    "spell's last day)",
                )
            return value
        _not_after_through(value.day, "the last temporary unemployment", info)
        if spell is not None and value.day < spell.last_day:
            raise PydanticCustomError(
                "last_before_spell",
                "the last temporary unemployment ({day}) is before the spell's last day ({last})",
                {"day": value.day, "last": spell.last_day},
            )
        if spell is not None and spell.work_since is not None and value.day >= spell.work_since:
            raise PydanticCustomError(
                "unemployed_in_work_week",
                "the last temporary unemployment ({day}) falls in the weeks of work from {since}",
                {"day": value.day, "since": spell.work_since},
            )
        return value
