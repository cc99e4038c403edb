"""Bad input gets a ValidationError naming the field and saying what is wrong; good input round-trips."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

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
