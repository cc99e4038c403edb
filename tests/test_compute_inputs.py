"""What ``compute_month`` and ``compute_months`` accept and what they raise (issue 9, items 10, 15).

Inputs may come as the models or as plain mappings (a web service's parsed JSON), validated into
the models with the argument's name in front of each field. A caller catches ``ValidationError``
for bad input, a month before the figures included, and ``ParameterNotCovered`` only for a figure
its own parameter set leaves without a value.
"""

import json
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from chomage_rules import (
    Employer,
    History,
    Month,
    ParameterNotCovered,
    ParameterSet,
    Worker,
    compute_month,
    compute_months,
)

WORKER = {"niss": "85073003328", "monthly_gross_wage": "2500.00", "days_per_week": 5}
EMPLOYER = {"enterprise_number": "0403.170.701", "joint_committee": "200"}
JUNE = {
    "year": 2024,
    "month": 6,
    "days": [
        {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"},
        {"day": "2024-06-04", "status": "temporary_unemployment", "reason": "force_majeure"},
    ],
}
HISTORY = {"supplement_units": "10"}


def models() -> tuple[Worker, Employer, Month, History]:
    return (
        Worker.model_validate(WORKER),
        Employer.model_validate(EMPLOYER),
        Month.model_validate(JUNE),
        History.model_validate(HISTORY),
    )


def test_mappings_are_validated_into_the_models() -> None:
    # before: AttributeError: 'dict' object has no attribute 'weekly_hours'
    from_dicts = compute_month(WORKER, EMPLOYER, JUNE, HISTORY)
    assert from_dicts == compute_month(*models())
    assert isinstance(from_dicts.worker, Worker) and isinstance(from_dicts.month, Month)
    # a parsed JSON document, and a mix of models and mappings
    parsed = json.loads(json.dumps({"w": WORKER, "e": EMPLOYER, "m": JUNE}))
    assert compute_month(parsed["w"], parsed["e"], parsed["m"]) == compute_month(*models()[:3])
    assert compute_month(models()[0], EMPLOYER, models()[2]) == compute_month(*models()[:3])


@pytest.mark.parametrize(
    ("argument", "given", "loc", "words"),
    [
        ("worker", {**WORKER, "niss": "85073003329"}, ("worker", "niss"), "mod-97"),
        (
            "worker",
            {**WORKER, "has_legitimation_card": "yes"},
            ("worker", "has_legitimation_card"),
            "boolean",
        ),
        (
            "employer",
            {**EMPLOYER, "joint_committee": "12"},
            ("employer", "joint_committee"),
            "joint committee",
        ),
        ("month", {**JUNE, "month": 13}, ("month", "month"), "less than or equal to 12"),
        ("month", "2024-06", ("month",), "valid dictionary or instance of Month"),
        ("history", {"supplement_units": "-1"}, ("history", "supplement_units"), "negative"),
        ("history", 12, ("history",), "valid dictionary or instance of History"),
    ],
)
def test_a_wrong_argument_is_a_validation_error_naming_it(
    argument: str, given: Any, loc: tuple[str, ...], words: str
) -> None:
    arguments: dict[str, Any] = {
        "worker": WORKER,
        "employer": EMPLOYER,
        "month": JUNE,
        "history": None,
    }
    arguments[argument] = given
    with pytest.raises(ValidationError) as caught:
        compute_month(**arguments)
    (error,) = caught.value.errors()
    assert error["loc"] == loc and words in error["msg"]
    # the national number is masked in the input, as everywhere
    assert "85073003329" not in caught.value.json()


def test_parameters_must_be_a_parameter_set() -> None:
    with pytest.raises(TypeError, match=r"parameters must be a ParameterSet.*not a dict"):
        compute_month(*models(), parameters={"rate.standard": "0.62"})  # type: ignore[arg-type]


def test_compute_months_validates_every_month_first() -> None:
    july = {"year": 2024, "month": 7, "days": [{"day": "2024-07-01", "status": "worked"}]}
    results = compute_months(WORKER, EMPLOYER, [JUNE, july], HISTORY)
    # each month starts from the counters the one before left
    assert [r.month.month for r in results] == [6, 7]
    assert results[1].history == results[0].history_after
    assert results == compute_months(
        *models()[:2], [models()[2], Month.model_validate(july)], models()[3]
    )
    with pytest.raises(ValidationError) as caught:
        compute_months(WORKER, EMPLOYER, [JUNE, {**july, "year": True}])
    (error,) = caught.value.errors()
    assert error["loc"] == ("months", 1, "year")


@pytest.mark.parametrize(("year", "month"), [(2019, 12), (2020, 2), (2000, 1)])
def test_a_month_before_the_figures_is_a_validation_error_at_the_month(
    year: int, month: int
) -> None:
    # the ceiling's first figure starts on 2020-03-01; before the fix: ParameterNotCovered,
    # a LookupError, though the README promised ValidationError for bad input
    w, e, _, _ = models()
    with pytest.raises(ValidationError) as caught:
        compute_month(w, e, Month(year=year, month=month))
    (error,) = caught.value.errors()
    assert error["loc"] == ("month",)
    assert f"the month {year}-{month:02d} (month.year {year}, month.month {month})" in error["msg"]
    assert "'wage.monthly_ceiling', which starts on 2020-03-01" in error["msg"]


def test_a_construction_month_before_the_credit_is_a_validation_error_at_the_month() -> None:
    # March 2020: the construction credit and amounts start on 2020-03-26, so a CP 124 worker
    # with construction units cannot be computed for that month
    w = Worker(
        niss="85073003328",
        monthly_gross_wage="2500",
        cp124_category="II",
        has_legitimation_card=True,
    )
    e = Employer(enterprise_number="0403170701", joint_committee="124")
    march = Month.model_validate(
        {
            "year": 2020,
            "month": 3,
            "days": [
                {"day": "2020-03-02", "status": "temporary_unemployment", "reason": "economic"}
            ],
        }
    )
    with pytest.raises(ValidationError) as caught:
        compute_month(w, e, march)
    (error,) = caught.value.errors()
    assert error["loc"] == ("month",)
    assert "'construction.credit_units', which starts on 2020-03-26" in error["msg"]


def test_a_figure_the_parameters_leave_out_stays_parameter_not_covered_naming_the_month() -> None:
    # the withholding rate overridden to "no figure": not bad input, the caller's set; the
    # message names the parameter and the month as given
    no_rate = ParameterSet.default().override({"withholding.legal": None})
    with pytest.raises(ParameterNotCovered) as caught:
        compute_month(*models(), parameters=no_rate)
    assert isinstance(caught.value, LookupError)
    assert (caught.value.name, caught.value.on) == ("withholding.legal", date(2024, 6, 1))
    message = str(caught.value)
    assert message.startswith("parameter 'withholding.legal' has no value on 2024-06-01")
    assert message.endswith("asked for the month 2024-06 (month.year 2024, month.month 6)")
