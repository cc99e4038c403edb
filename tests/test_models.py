"""Bad input gets a ValidationError naming the field and saying what is wrong; good input round-trips."""

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from chomage_rules import (
    DayEntry,
    DayStatus,
    Employer,
    History,
    Month,
    ParameterSet,
    Reason,
    Worker,
    WorkRegime,
    compute_month,
)

NISS = "85073003328"
TU = DayStatus.TEMPORARY_UNEMPLOYMENT


def worker(**changes: Any) -> Worker:
    fields: dict[str, Any] = {"niss": NISS, "monthly_gross_wage": Decimal("3500.00")}
    fields.update(changes)
    return Worker(**fields)


def error_of(call: Any) -> tuple[tuple[str | int, ...], str]:
    with pytest.raises(ValidationError) as caught:
        call()
    first = caught.value.errors()[0]
    return first["loc"], first["msg"]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"niss": "85073003329"}, "niss", "mod-97"),
        ({"niss": "850730"}, "niss", "not 11 digits"),
        ({"monthly_gross_wage": Decimal("-1.00")}, "monthly_gross_wage", "greater than zero"),
        (
            {"monthly_gross_wage": Decimal("3500.001")},
            "monthly_gross_wage",
            "more than two decimals",
        ),
        ({"monthly_gross_wage": 3500.5}, "monthly_gross_wage", "binary float"),
        ({"monthly_gross_wage": None}, "hourly_wage", "neither was given"),
        ({"hourly_wage": Decimal("20.00")}, "hourly_wage", "not both"),
        ({"weekly_hours": Decimal("0")}, "weekly_hours", "greater than zero"),
        ({"weekly_hours": Decimal("50.01")}, "weekly_hours", "above 50"),
        ({"days_per_week": 0}, "days_per_week", "from 1 to 6"),
        ({"days_per_week": 7}, "days_per_week", "from 1 to 6"),
        (
            {"regime": WorkRegime.VOLUNTARY_PART_TIME, "weekly_hours": Decimal("19")},
            "full_time_weekly_hours",
            "give full_time_weekly_hours",
        ),
        ({"full_time_weekly_hours": Decimal("38")}, "full_time_weekly_hours", "only used for"),
        ({"residence_country": "Belgium"}, "residence_country", "two-letter"),
        ({"salary": 1}, "salary", "Extra inputs"),
    ],
)
def test_worker_errors_name_the_field(changes: dict[str, Any], field: str, words: str) -> None:
    loc, message = error_of(lambda: worker(**changes))
    assert loc == (field,)
    assert words in message


def test_part_timer_cannot_work_more_than_the_full_timer() -> None:
    loc, message = error_of(
        lambda: worker(
            regime=WorkRegime.PART_TIME_INCOME_GUARANTEE,
            weekly_hours=Decimal("40"),
            full_time_weekly_hours=Decimal("38"),
        )
    )
    assert loc == ("full_time_weekly_hours",)
    assert "cannot exceed" in message


def test_employer_errors() -> None:
    loc, message = error_of(
        lambda: Employer(enterprise_number="0403.170.702", joint_committee="124")
    )
    assert loc == ("enterprise_number",) and "mod-97" in message
    loc, message = error_of(
        lambda: Employer(enterprise_number="0403.170.701", joint_committee="12")
    )
    assert loc == ("joint_committee",) and "not a joint committee" in message


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"status": TU}, "reason", "needs its reason"),
        (
            {"status": DayStatus.WORKED, "reason": Reason.ECONOMIC},
            "reason",
            "only a temporary-unemployment day",
        ),
        (
            {"status": TU, "reason": Reason.ECONOMIC, "hours": Decimal("0")},
            "hours",
            "greater than zero",
        ),
        ({"status": TU, "reason": Reason.ECONOMIC, "hours": Decimal("24.01")}, "hours", "above 24"),
        (
            {"status": DayStatus.WORKED, "hours": Decimal("8")},
            "hours",
            "only for temporary-unemployment",
        ),
        ({"status": DayStatus.HOLIDAY, "frost_period": True}, "frost_period", "frost period"),
        ({"status": TU, "reason": Reason.ENERGY_CRISIS}, "reason", "2022-10-01 to 2023-03-31"),
    ],
)
def test_day_errors(fields: dict[str, Any], field: str, words: str) -> None:
    loc, message = error_of(lambda: DayEntry(day=date(2024, 6, 3), **fields))
    assert loc == (field,)
    assert words in message


def test_energy_crisis_day_inside_the_window_is_valid() -> None:
    for day in (date(2022, 10, 1), date(2023, 3, 31)):
        assert (
            DayEntry(day=day, status=TU, reason=Reason.ENERGY_CRISIS).reason is Reason.ENERGY_CRISIS
        )


def test_month_errors() -> None:
    june_3 = DayEntry(day=date(2024, 6, 3), status=DayStatus.WORKED)
    loc, message = error_of(lambda: Month(year=2024, month=7, days=[june_3]))
    assert loc == ("days",) and "not in 2024-07" in message
    loc, message = error_of(lambda: Month(year=2024, month=6, days=[june_3, june_3]))
    assert loc == ("days",) and "appears twice" in message
    loc, _ = error_of(lambda: Month(year=2024, month=13))
    assert loc == ("month",)


def test_history_errors() -> None:
    loc, message = error_of(lambda: History(supplement_units=Decimal("-1")))
    assert loc == ("supplement_units",) and "negative" in message
    loc, message = error_of(lambda: History(supplement_units=Decimal("1.25")))
    assert loc == ("supplement_units",) and "half unit" in message
    loc, message = error_of(lambda: History(cp124_credit_used=Decimal("-0.5")))
    assert loc == ("cp124_credit_used",) and "negative" in message


def test_credit_used_above_the_credit_in_force_is_refused_by_compute_month() -> None:
    worker = Worker(niss="85073003328", monthly_gross_wage=Decimal("2000"))
    employer = Employer(enterprise_number="0403.170.701", joint_committee="124")
    june = Month(year=2024, month=6)
    loc, message = error_of(
        lambda: compute_month(worker, employer, june, History(cp124_credit_used=Decimal("60.5")))
    )
    # the credit in force in June 2024 is 60 units a service year
    assert loc == ("history", "cp124_credit_used") and "credit of 60 units" in message
    # a larger credit supplied by the caller admits it, and the counters it leaves reload
    larger = ParameterSet.default().override({"construction.credit_units": Decimal(80)})
    result = compute_month(
        worker, employer, june, History(cp124_credit_used=Decimal("70")), parameters=larger
    )
    reloaded = History.model_validate_json(result.history_after.model_dump_json())
    assert reloaded.cp124_credit_used == Decimal("70.00")
    # a counter of an earlier service year starts again from zero: nothing to refuse
    stale = History(through=date(2024, 9, 30), cp124_credit_used=Decimal("75"))
    assert compute_month(worker, employer, Month(year=2024, month=10), stale).status.value


def test_history_through_must_precede_the_month() -> None:
    employer = Employer(enterprise_number="0403170701", joint_committee="200")
    month = Month(year=2024, month=6)
    loc, message = error_of(
        lambda: compute_month(worker(), employer, month, History(through=date(2024, 6, 1)))
    )
    assert loc == ("history", "through")
    assert "not before the month 2024-06" in message


def test_day_hours_cannot_exceed_the_week() -> None:
    employer = Employer(enterprise_number="0403170701", joint_committee="200")
    day = DayEntry(day=date(2024, 6, 3), status=TU, reason=Reason.ECONOMIC, hours=Decimal("20"))
    month = Month(year=2024, month=6, days=[day])
    loc, message = error_of(
        lambda: compute_month(worker(weekly_hours=Decimal("19")), employer, month)
    )
    assert loc == ("month", "days", 0, "hours")
    assert "whole week" in message


def test_json_numbers_with_a_fraction_are_refused_strings_are_exact() -> None:
    with pytest.raises(ValidationError, match="binary float"):
        Worker.model_validate_json(f'{{"niss": "{NISS}", "monthly_gross_wage": 3500.10}}')
    parsed = Worker.model_validate_json(f'{{"niss": "{NISS}", "monthly_gross_wage": "3500.10"}}')
    assert parsed.monthly_gross_wage == Decimal("3500.10")


def test_models_round_trip_through_json_exactly() -> None:
    day = DayEntry(
        day=date(2024, 6, 3),
        status=TU,
        reason=Reason.BAD_WEATHER,
        hours=Decimal("3.5"),
        frost_period=True,
    )
    models = [
        worker(niss="85.07.30-033.28", monthly_gross_wage=Decimal("3500"), cp124_category="IIA"),
        Employer(enterprise_number="0403.170.701", joint_committee="111.01", name="Acme"),
        Month(year=2024, month=6, days=[day], card_submitted=False),
        History(
            through=date(2024, 5, 31),
            supplement_units=Decimal("26.5"),
            cp124_credit_used=Decimal("59.5"),
        ),
    ]
    for model in models:
        again = type(model).model_validate_json(model.model_dump_json())
        assert again == model
        assert again.model_dump_json() == model.model_dump_json()
    # normalised, same value: canonical identifiers and amounts to the cent
    assert models[0].niss == NISS and str(models[0].monthly_gross_wage) == "3500.00"


def test_models_are_frozen() -> None:
    w = worker()
    with pytest.raises(ValidationError, match="frozen"):
        w.days_per_week = 6  # type: ignore[misc]


@pytest.mark.parametrize(
    "typed",
    [
        "85073003329",  # check digits wrong
        "850730033281",  # one digit too many
        "８５０７３００３３２８",  # full-width digits
        "٨٥٠٧٣٠٠٣٣٢٨",  # Arabic-Indic digits
    ],
)
def test_a_refused_national_number_is_not_repeated_in_the_error(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        worker(niss=typed)
    text = str(caught.value)
    assert caught.value.errors()[0]["loc"] == ("niss",)
    # what a log would keep does not hold the number typed
    assert typed not in text


def test_the_national_number_is_not_in_reprs() -> None:
    w = worker()
    result = compute_month(
        w,
        Employer(enterprise_number="0403.170.701", joint_committee="200"),
        Month(year=2024, month=6),
    )
    assert NISS not in repr(w) and NISS not in repr(result) and NISS not in str(result)


def test_only_ascii_digits_make_an_enterprise_number() -> None:
    loc, message = error_of(
        lambda: Employer(enterprise_number="0４03170701", joint_committee="200")
    )
    assert loc == ("enterprise_number",) and "10 digits" in message


# --------------------------------------------------------------------------- issue 9


# A second, valid national number, so that the example number in the messages
# ("write it as 85073003328") cannot hide a leak: 720415271 mod 97 = 54, 97 - 54 = 43.
OTHER_NISS = "72041527143"


def _runs(digits: str, length: int = 5) -> set[str]:
    """Every run of ``length`` consecutive digits of a number."""
    return {digits[i : i + length] for i in range(len(digits) - length + 1)}


def _texts_of(error: ValidationError) -> list[str]:
    """Everything a log or a JSON response could keep of an error, with the separators a
    national number is written with taken out from between digits (72.04.15-271.43)."""
    texts = [str(error), repr(error), error.json(), repr(error.errors()), str(error.errors())]
    return [re.sub(r"(?<=\d)[.\- /](?=\d)", "", text) for text in texts]


class Outer(BaseModel):
    """A caller's own model with a worker inside (its errors show the inputs)."""

    w: Worker


@pytest.mark.parametrize(
    "given",
    [
        "72041527144",  # one digit off: the check digits fail
        "72041527153",  # one digit off in the serial
        "72.04.15-271.44",  # with separators
        72041527144,  # an integer
        72041527143,  # an integer, even a valid number
        "7204152714",  # one digit short
        "720415271433",  # one digit too many
        72041527143.0,  # a float
        ["72041527143"],  # not a string at all
        "７２０４１５２７１４４",  # full-width digits
    ],
)
def test_no_error_carries_the_national_number_given(given: Any) -> None:
    # whether the worker is validated alone, inside a caller's model, or from JSON
    fields = {"niss": given, "monthly_gross_wage": "2000"}
    calls = [
        lambda: Worker.model_validate(fields),
        lambda: Outer.model_validate({"w": fields}),
        lambda: Outer(w=fields),  # type: ignore[arg-type]
    ]
    if isinstance(given, str | int | float):
        calls.append(lambda: Outer.model_validate_json(json.dumps({"w": fields})))
    digits = "".join(c for c in str(given) if c.isdecimal())
    for call in calls:
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.errors()[0]["loc"][-1] == "niss"
        for text in _texts_of(caught.value):
            assert not any(run in text for run in _runs(digits) | _runs(OTHER_NISS)), text


@pytest.mark.parametrize(
    "given",
    [
        # the whole worker given as the number, or as a list
        OTHER_NISS,
        [OTHER_NISS],
        # the number under a mistyped field name, with the real field missing
        {"NISS": OTHER_NISS, "monthly_gross_wage": "2000"},
        # a valid number and another field wrong: the model's own errors carry the whole input
        {"niss": OTHER_NISS},
        {"niss": OTHER_NISS, "monthly_gross_wage": "2000", "nis": "72.04.15-271.43"},
    ],
)
def test_errors_about_the_whole_worker_do_not_carry_the_number(given: Any) -> None:
    for call in (lambda: Worker.model_validate(given), lambda: Outer.model_validate({"w": given})):
        with pytest.raises(ValidationError) as caught:
            call()
        for text in _texts_of(caught.value):
            assert not any(run in text for run in _runs(OTHER_NISS)), text


def test_a_masked_error_keeps_its_type_message_and_place() -> None:
    with pytest.raises(ValidationError) as caught:
        Outer.model_validate({"w": {"niss": "72041527144", "monthly_gross_wage": "-1"}})
    niss, wage = caught.value.errors()
    assert niss["loc"] == ("w", "niss") and niss["type"] == "niss" and "mod-97" in niss["msg"]
    # the check digits, as in a rendering, let a clerk find the file
    assert niss["input"] == "**.**.**-***.44"
    # the other fields' errors are untouched, context included
    assert wage["loc"] == ("w", "monthly_gross_wage") and wage["input"] == "-1"
    assert wage["ctx"] == {"what": "the monthly gross wage", "value": Decimal("-1.00")}


def test_assigning_to_a_worker_does_not_echo_the_number() -> None:
    w = worker()
    with pytest.raises(ValidationError) as caught:
        w.niss = OTHER_NISS  # type: ignore[misc]
    assert caught.value.errors()[0]["type"] == "frozen_instance"
    for text in _texts_of(caught.value):
        assert not any(run in text for run in _runs(OTHER_NISS)), text


@pytest.mark.parametrize(
    "number",
    [
        "1E+999999999",  # a billion digits as an integer: minutes and gigabytes to build
        "1E+5000",  # beyond Python's 4,300-digit limit for printing integers
        "-1E+999999999",
        "1E-999999999",  # a billion decimals
        "0E+999999999",  # zero, written with a billion-digit exponent
        "1" * 5000,  # five thousand digits given as text
    ],
)
@pytest.mark.parametrize(
    ("model", "fields", "field"),
    [
        (Worker, {"niss": NISS}, "monthly_gross_wage"),
        (Worker, {"niss": NISS}, "hourly_wage"),
        (Worker, {"niss": NISS, "monthly_gross_wage": "2000"}, "weekly_hours"),
        (History, {}, "supplement_units"),
        (History, {}, "cp124_credit_used"),
        (
            DayEntry,
            {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"},
            "hours",
        ),
    ],
)
def test_a_number_too_long_to_be_a_figure_is_refused_at_once(
    number: str, model: type[BaseModel], fields: dict[str, Any], field: str
) -> None:
    # refused from its digits and exponent, before anything turns it into an integer (before
    # the fix, 1E+999999999 ran for minutes and 1E+5000 failed on Python's integer printing)
    for call in (
        lambda: model.model_validate({**fields, field: number}),
        lambda: model.model_validate_json(json.dumps({**fields, field: number})),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        (error,) = caught.value.errors()
        assert error["loc"] == (field,)
        assert "digits when written out in full" in error["msg"]
        assert "4300" not in error["msg"]


def test_a_json_number_too_large_for_a_float_is_refused_as_not_finite() -> None:
    # 1E+999999999 as a JSON number (not text) is read as an infinite float
    with pytest.raises(ValidationError) as caught:
        Worker.model_validate_json(f'{{"niss": "{NISS}", "monthly_gross_wage": 1E+999999999}}')
    (error,) = caught.value.errors()
    assert error["loc"] == ("monthly_gross_wage",) and "finite" in error["msg"]


def test_a_figure_with_many_trailing_zeros_is_still_read() -> None:
    # 37 digits written out: long, but nothing like a billion
    w = worker(monthly_gross_wage=Decimal("3500.000000000000000000000000000000"))
    assert w.monthly_gross_wage == Decimal("3500.00")


def _day(number: int) -> dict[str, Any]:
    return {"day": f"2024-06-{number:02d}", "status": "worked"}


@pytest.mark.parametrize("count", [32, 1000, 100_000])
def test_a_month_holds_at_most_31_entries(count: int) -> None:
    # refused by their number before any entry is validated: a hundred thousand empty entries
    # give one error, not two hundred thousand (before the fix: one per missing field)
    for days in ([_day(1 + i % 30) for i in range(count)], [{}] * count):
        with pytest.raises(ValidationError) as caught:
            Month.model_validate({"year": 2024, "month": 6, "days": days})
        (error,) = caught.value.errors()
        assert error["loc"] == ("days",) and error["type"] == "too_many_days"
        assert f"{count} entries" in error["msg"] and "at most 31 days" in error["msg"]
    document = json.dumps({"year": 2024, "month": 6, "days": [{}] * count})
    with pytest.raises(ValidationError) as caught:
        Month.model_validate_json(document)
    assert [e["type"] for e in caught.value.errors()] == ["too_many_days"]


def test_a_month_of_31_days_is_fine() -> None:
    days = [{"day": f"2024-07-{d:02d}", "status": "worked"} for d in range(1, 32)]
    assert len(Month.model_validate({"year": 2024, "month": 7, "days": days}).days) == 31


@pytest.mark.parametrize("given", ["yes", "no", "true", 1, 0, "1", 1.0, None])
@pytest.mark.parametrize(
    ("model", "fields", "field"),
    [
        (Worker, {"niss": NISS, "monthly_gross_wage": "2000"}, "has_legitimation_card"),
        (
            Employer,
            {"enterprise_number": "0403170701", "joint_committee": "124"},
            "agreement_guarantees_supplement",
        ),
        (
            Employer,
            {"enterprise_number": "0403170701", "joint_committee": "124"},
            "supplement_paid_by_fund",
        ),
        (
            DayEntry,
            {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"},
            "frost_period",
        ),
        (Month, {"year": 2024, "month": 6}, "employer_declared"),
        (Month, {"year": 2024, "month": 6}, "card_submitted"),
    ],
)
def test_a_yes_no_field_takes_true_or_false_only(
    given: Any, model: type[BaseModel], fields: dict[str, Any], field: str
) -> None:
    # "yes" became True before the fix, and it decides the construction top-up
    with pytest.raises(ValidationError) as caught:
        model.model_validate({**fields, field: given})
    (error,) = caught.value.errors()
    assert error["loc"] == (field,) and error["msg"] == "Input should be a valid boolean"
    # true and false pass, from Python and from JSON alike
    assert getattr(model.model_validate({**fields, field: True}), field) is True
    assert getattr(model.model_validate_json(json.dumps({**fields, field: False})), field) is False


# 1704672000 seconds after 1970-01-01 is 2024-01-08: pydantic alone takes it for that day
TIMESTAMP = 1704672000


@pytest.mark.parametrize(
    "given",
    [TIMESTAMP, float(TIMESTAMP), str(TIMESTAMP), Decimal(TIMESTAMP), True, "2024-01-08T00:00:00"],
)
def test_a_date_is_a_date_or_its_iso_text_not_a_number(given: Any) -> None:
    for call, loc in (
        (lambda: DayEntry.model_validate({"day": given, "status": "worked"}), ("day",)),
        (lambda: History.model_validate({"through": given}), ("through",)),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        (error,) = caught.value.errors()
        assert error["loc"] == loc and error["type"] == "date_form"
        assert "in the form 2024-01-08" in error["msg"]


def test_dates_from_json_and_from_parsed_json_still_work() -> None:
    # a JSON document writes dates as text: both ways of reading one keep working
    document = json.dumps(
        {
            "year": 2024,
            "month": 1,
            "days": [
                {"day": "2024-01-08", "status": "temporary_unemployment", "reason": "economic"},
                {"day": "2024-01-09", "status": "worked"},
            ],
            "card_submitted": False,
        }
    )
    from_json = Month.model_validate_json(document)
    from_dict = Month.model_validate(json.loads(document))
    assert from_json == from_dict
    assert from_json.days[0].day == date(2024, 1, 8) and from_json.card_submitted is False
    assert History.model_validate_json('{"through": "2023-12-31"}').through == date(2023, 12, 31)
    assert History.model_validate({"through": date(2023, 12, 31)}).through == date(2023, 12, 31)


@pytest.mark.parametrize("field", ["year", "month"])
def test_a_yes_no_value_is_not_a_year_or_a_month(field: str) -> None:
    # True is the integer 1 in Python: it would have been January
    fields: dict[str, Any] = {"year": 2024, "month": 6, field: True}
    with pytest.raises(ValidationError) as caught:
        Month.model_validate(fields)
    (error,) = caught.value.errors()
    assert error["loc"] == (field,) and "not a yes/no value" in error["msg"]


@pytest.mark.parametrize("field", ["supplement_units", "cp124_credit_used"])
def test_a_counter_holds_at_most_a_year_of_units(field: str) -> None:
    # a counter covers one calendar (or service) year: at most 53 weeks of 6 days = 318 units
    assert getattr(History.model_validate({field: "318"}), field) == Decimal("318.00")
    for too_many in ("318.5", "1000", str(2**63)):
        with pytest.raises(ValidationError) as caught:
            History.model_validate({field: too_many})
        (error,) = caught.value.errors()
        assert error["loc"] == (field,) and "at most 318 units" in error["msg"]


_WORKER = {"niss": NISS, "monthly_gross_wage": "2000"}
_EMPLOYER = {"enterprise_number": "0403170701", "joint_committee": "124"}
_DAY = {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"}
_MONTH = {"year": 2024, "month": 6, "days": [_DAY]}


@pytest.mark.parametrize("given", [OTHER_NISS, int(OTHER_NISS), "72.04.15-271.43", "7204152714"])
@pytest.mark.parametrize(
    ("model", "fields", "path"),
    [
        (Worker, _WORKER, ("monthly_gross_wage",)),
        (Worker, _WORKER, ("weekly_hours",)),
        (Worker, _WORKER, ("days_per_week",)),
        (Worker, _WORKER, ("regime",)),
        (Worker, _WORKER, ("cp124_category",)),
        (Worker, _WORKER, ("residence_country",)),
        (Worker, _WORKER, ("has_legitimation_card",)),
        (Employer, _EMPLOYER, ("enterprise_number",)),
        (Employer, _EMPLOYER, ("joint_committee",)),
        (Employer, _EMPLOYER, ("supplement_paid_by_fund",)),
        (Month, _MONTH, ("year",)),
        (Month, _MONTH, ("days",)),
        (Month, _MONTH, ("days", 0)),
        (Month, _MONTH, ("days", 0, "day")),
        (Month, _MONTH, ("days", 0, "status")),
        (Month, _MONTH, ("days", 0, "reason")),
        (Month, _MONTH, ("days", 0, "hours")),
        (Month, _MONTH, ("days", 0, "frost_period")),
        (DayEntry, _DAY, ("hours",)),
        (History, {}, ("through",)),
        (History, {}, ("supplement_units",)),
        (History, {}, ("cp124_credit_used",)),
    ],
)
def test_a_national_number_in_the_wrong_field_is_not_repeated(
    given: Any, model: type[BaseModel], fields: dict[str, Any], path: tuple[Any, ...]
) -> None:
    # a column shifted by one, a number pasted in the wrong box: the error names the field but
    # shows the number no more than the national-number field would (runs of ten digits or
    # more are masked wherever they appear: message, input, context)
    document = json.loads(json.dumps(fields))
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = given
    for call in (
        lambda: model.model_validate(document),
        lambda: model.model_validate_json(json.dumps(document)),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.errors()[0]["loc"][: len(path)] == path
        for text in _texts_of(caught.value):
            assert not any(run in text for run in _runs(OTHER_NISS)), text
