"""The population's input columns: whole-table validation naming row and column, exact conversion."""

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from chomage_rules import ParameterSet, compute_population
from chomage_rules.population import COLUMNS, DETAIL_COLUMNS, OUTPUT_COLUMNS, peer_parameters


def frame(**columns: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "monthly_wage_cents": [250_000, 350_000, 450_000],
        "days_per_week": [6, 6, 6],
        "days_economic": [4, 0, 2],
    }
    base.update(columns)
    return pd.DataFrame(base, index=["ann", "bob", "cyd"])


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[tuple[object, ...], str]]:
    return [(tuple(e["loc"]), e["msg"]) for e in error.value.errors()]


def test_a_small_population_worked_by_hand() -> None:
    # 2024-06, six-day week (a day is a unit), ceiling 3,365.16, 60 %, supplement 5.10 at or
    # below 4,000 (above it from the 27th unit), 26.75 % withheld.
    # ann 2,500.00: daily 0.60 × 2,500 / 26 = 57.6923… → 57.69; 4 × 57.69 = 230.76;
    #     supplement 4 × 5.10 = 20.40; tax 0.2675 × 230.76 = 61.7283 → 61.73 and
    #     0.2675 × 20.40 = 5.457 → 5.46; net 230.76 − 61.73 + 20.40 − 5.46 = 183.97
    # bob 3,500.00 > ceiling 3,365.16: daily 77.66 (computed for every row), but no day: nothing due
    # cyd 4,500.00 > ceiling: daily 0.60 × 3,365.16 / 26 = 77.6575… → 77.66; 2 × 77.66 = 155.32;
    #     above the threshold with no prior units: no supplement; tax 41.5481 → 41.55;
    #     net 155.32 − 41.55 = 113.77
    result = compute_population(frame(), 2024, 6)
    assert isinstance(result, pd.DataFrame)
    assert list(result.index) == ["ann", "bob", "cyd"]
    assert list(result.columns) == list(OUTPUT_COLUMNS)
    assert result["daily_amount_standard_cents"].tolist() == [5769, 7766, 7766]
    assert result["gross_allowance_cents"].tolist() == [23076, 0, 15532]
    assert result["employer_supplement_cents"].tolist() == [2040, 0, 0]
    assert result["withholding_cents"].tolist() == [6173 + 546, 0, 4155]
    assert result["net_total_cents"].tolist() == [18397, 0, 11377]
    assert result["units_standard"].tolist() == [4.0, 0.0, 2.0]
    assert result["supplement_units_after"].tolist() == [4.0, 0.0, 2.0]
    assert result["status"].tolist() == ["payable"] * 3


def test_every_documented_column_has_a_description_and_a_kind() -> None:
    names = [c.name for c in COLUMNS]
    assert len(names) == len(set(names))
    for column in COLUMNS:
        assert column.description and column.kind


@pytest.mark.parametrize(
    ("changes", "loc", "words"),
    [
        ({"days_econmic": [1, 1, 1]}, ("days_econmic",), "did you mean 'days_economic'"),
        ({"monthly_wage_cents": [250_000, -5, 450_000]}, ("monthly_wage_cents", "bob"), "negative"),
        (
            {"monthly_wage_cents": [2500.5, 350_000.0, 450_000.0]},
            ("monthly_wage_cents", "ann"),
            "integer cents",
        ),
        ({"hourly_wage_cents": [0, 2_000, 0]}, ("monthly_wage_cents", "bob"), "both a monthly"),
        ({"monthly_wage_cents": [0, 0, 1]}, ("monthly_wage_cents", "ann"), "no wage"),
        ({"days_economic": [4, 40, 2]}, ("days_economic", "bob"), "above 31"),
        ({"days_force_majeure": [27, 0, 0]}, ("days_economic", "ann"), "more days"),
        ({"days_energy_crisis": [0, 0, 1]}, ("days_energy_crisis", "cyd"), "energy-crisis"),
        (
            {"frost_days_economic": [5, 0, 0]},
            ("frost_days_economic", "ann"),
            "more than days_economic",
        ),
        ({"frost_days": [1, 0, 0]}, ("frost_days",), "frost units are counted per reason"),
        ({"cp124_category": ["II", "V", None]}, ("cp124_category", "bob"), "'V' is not one of"),
        ({"regime": ["full_time", "half", "full_time"]}, ("regime", "bob"), "'half' is not"),
        (
            {"regime": ["full_time", "voluntary_part_time", "full_time"]},
            ("full_time_weekly_hours_hundredths", "bob"),
            "comparable full-timer",
        ),
        ({"joint_committee": ["124", "12", "200"]}, ("joint_committee", "bob"), "joint committee"),
        ({"cp124_credit_used": [61, 0, 0]}, ("cp124_credit_used", "ann"), "above 60"),
        ({"prior_supplement_units": [0.5, 0.25, 0]}, ("prior_supplement_units", "bob"), "half"),
        ({"days_per_week": [6, 0, 6]}, ("days_per_week", "bob"), "above 0"),
        ({"has_legitimation_card": [1, 2, 0]}, ("has_legitimation_card", "bob"), "yes/no"),
        ({"days_economic": [4.0, np.nan, 2.0]}, ("days_economic", "bob"), "missing"),
    ],
)
def test_a_bad_row_names_its_column_and_row(
    changes: dict[str, object], loc: tuple[object, ...], words: str
) -> None:
    with pytest.raises(ValidationError) as error:
        compute_population(frame(**changes), 2024, 6)
    found = problems(error)
    assert any(where == loc and words in message for where, message in found), found


def test_every_problem_is_reported_at_once_with_the_count_of_rows() -> None:
    with pytest.raises(ValidationError) as error:
        compute_population(
            frame(monthly_wage_cents=[-1, -2, 3], days_economic=[50, 0, 60]), 2024, 6
        )
    found = dict(problems(error))
    assert found[("monthly_wage_cents", "ann")] == (
        "row 'ann' (position 0): -1 cents is negative (and 1 other row)"
    )
    assert found[("days_economic", "ann")] == (
        "row 'ann' (position 0): 50 days is above 31, which cannot be right (and 1 other row)"
    )


def test_exact_floats_are_accepted_and_inexact_ones_refused() -> None:
    # 350000.0 is exactly 350,000 cents; half units are exact in binary
    whole = compute_population(
        frame(
            monthly_wage_cents=[250_000.0, 350_000.0, 450_000.0],
            prior_supplement_units=[0.5, 26.0, 30.5],
        ),
        2024,
        6,
    )
    exact = compute_population(
        frame(prior_supplement_units=[Decimal("0.5"), Decimal(26), Decimal("30.5")]), 2024, 6
    )
    assert isinstance(whole, pd.DataFrame) and isinstance(exact, pd.DataFrame)
    pd.testing.assert_frame_equal(whole, exact)


def test_a_mapping_of_arrays_is_named_by_position() -> None:
    columns = {
        "monthly_wage_cents": np.array([250_000, -1]),
        "days_economic": np.array([1, 1]),
    }
    with pytest.raises(ValidationError) as error:
        compute_population(columns, 2024, 6)
    assert problems(error)[0][0] == ("monthly_wage_cents", 1)
    with pytest.raises(ValidationError, match="different lengths"):
        compute_population(
            {"monthly_wage_cents": np.array([1, 2]), "days_economic": np.array([1])}, 2024, 6
        )


def test_year_and_month_are_checked() -> None:
    with pytest.raises(ValidationError, match="month"):
        compute_population(frame(), 2024, 13)


def test_the_peer_figures_are_overrides_of_the_shipped_set() -> None:
    p = peer_parameters()
    assert p.value("supplement.amount", date(2025, 3, 1)) == Decimal("5.10")
    assert p.value("wage.monthly_ceiling", date(2025, 3, 1)) == Decimal("3299.11")


def test_the_core_import_does_not_need_numpy_or_pandas() -> None:
    code = (
        "import sys, chomage_rules; "
        "assert 'numpy' not in sys.modules and 'pandas' not in sys.modules, 'imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_column_is_documented() -> None:
    page = (Path(__file__).parents[2] / "docs" / "population.md").read_text(encoding="utf-8")
    for name in [c.name for c in COLUMNS] + list(OUTPUT_COLUMNS) + list(DETAIL_COLUMNS):
        assert f"`{name}`" in page, f"{name} is missing from docs/population.md"


def test_figures_that_could_overflow_64_bit_integers_are_refused_before_computing() -> None:
    # a supplement of 10**12 EUR a unit: 26 units × 10**14 cents × 0.2675 withheld, formed as
    # an exact fraction over 400 × 400, is beyond int64; compute_month (unbounded) still works
    absurd = ParameterSet.default().override({"supplement.amount": Decimal("1000000000000.00")})
    with pytest.raises(ValidationError, match="overflow"):
        compute_population(frame(), 2024, 6, parameters=absurd)
