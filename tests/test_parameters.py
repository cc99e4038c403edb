"""R9: every figure dated and sourced, intervals contiguous, gaps loud, overrides without editing files."""

import itertools
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from chomage_rules import (
    DayEntry,
    DayStatus,
    Employer,
    Month,
    ParameterNotCovered,
    ParameterSet,
    Reason,
    Worker,
    compute_month,
)

DEFAULT = ParameterSet.default()


def test_every_version_has_a_source_address_and_date() -> None:
    for name in DEFAULT.names():
        for version in DEFAULT.parameter(name).versions:
            where = (name, version.valid_from)
            assert version.sources, where
            # at least one source gives the date shown on its page; undated ones come in addition
            assert any(source.date is not None for source in version.sources), where
            for source in version.sources:
                assert source.url and source.url.startswith("https://"), where
                assert source.title and "PROVISIONAL" not in source.title.upper(), where
                if source.date is None:
                    assert source.undated and source.date_kind is None, where
                else:
                    assert not source.undated, where
                    assert source.date_kind in ("published", "updated"), where
            if version.value is None:
                assert version.note, (
                    f"{name} {version.valid_from}: a version without value says why"
                )


def test_intervals_are_contiguous_and_do_not_overlap() -> None:
    for name in DEFAULT.names():
        versions = DEFAULT.parameter(name).versions
        for earlier, later in itertools.pairwise(versions):
            assert earlier.valid_until is not None
            assert earlier.valid_until + timedelta(days=1) == later.valid_from, name
        assert versions[-1].valid_until is None, name


@pytest.mark.parametrize(
    ("name", "on", "value"),
    [
        # the figures of the source documents, where they are in force
        ("rate.standard", date(2024, 6, 1), "0.60"),
        ("rate.force_majeure", date(2024, 6, 1), "0.65"),
        ("rate.standard", date(2023, 6, 1), "0.65"),
        ("rate.standard", date(2021, 6, 1), "0.70"),
        ("rate.energy_crisis", date(2022, 12, 1), "0.70"),
        ("wage.monthly_ceiling", date(2024, 1, 1), "3299.11"),
        ("wage.monthly_ceiling", date(2024, 6, 1), "3365.16"),
        ("withholding.legal", date(2024, 6, 1), "0.2675"),
        ("withholding.legal", date(2021, 6, 1), "0.15"),
        ("withholding.complement", date(2021, 6, 1), "0.2675"),
        ("supplement.amount", date(2024, 3, 1), "5.00"),
        ("supplement.amount", date(2024, 6, 1), "5.10"),
        ("supplement.amount", date(2025, 3, 1), "5.20"),
        ("supplement.wage_threshold", date(2024, 6, 1), "4000"),
        ("supplement.wage_threshold", date(2025, 6, 1), "4155"),
        ("supplement.wage_threshold", date(2026, 6, 1), "4284"),
        ("supplement.free_units", date(2024, 6, 1), "26"),
        ("supplement.energy_amount", date(2022, 10, 1), "6.22"),
        ("supplement.energy_amount", date(2022, 11, 1), "6.34"),
        ("construction.amount.I", date(2024, 6, 1), "6.34"),
        ("construction.amount.IA", date(2024, 6, 1), "6.66"),
        ("construction.amount.II", date(2024, 6, 1), "7.63"),
        ("construction.amount.IIA", date(2024, 6, 1), "8.02"),
        ("construction.amount.III", date(2024, 6, 1), "10.08"),
        ("construction.amount.IV", date(2024, 6, 1), "10.85"),
        ("construction.credit_units", date(2024, 6, 1), "60"),
        ("allowance.minimum_daily", date(2023, 11, 1), "64.79"),
    ],
)
def test_source_figures_are_in_force(name: str, on: date, value: str) -> None:
    assert DEFAULT.value(name, on) == Decimal(value)


def test_no_value_is_loud() -> None:
    with pytest.raises(ParameterNotCovered, match=r"'rate.standard' has no value on 2019-12-01"):
        DEFAULT.value("rate.standard", date(2019, 12, 1))
    # no minimum is sourced from 2024: a version without a value, with its reason
    version = DEFAULT.version("allowance.minimum_daily", date(2024, 6, 1))
    assert version.value is None and version.note
    with pytest.raises(ParameterNotCovered, match=r"allowance\.minimum_daily"):
        DEFAULT.value("allowance.minimum_daily", date(2024, 6, 1))
    # the supplement did not exist before 2024
    assert DEFAULT.version("supplement.amount", date(2023, 12, 1)).value is None


def test_override_for_every_date_and_from_a_date() -> None:
    everywhere = DEFAULT.override({"rate.standard": Decimal("0.62")})
    assert everywhere.value("rate.standard", date(2021, 1, 1)) == Decimal("0.62")
    assert everywhere.value("rate.standard", date(2030, 1, 1)) == Decimal("0.62")
    from_2025 = DEFAULT.override({"rate.standard": {date(2025, 1, 1): "0.62"}})
    assert from_2025.value("rate.standard", date(2024, 12, 1)) == Decimal("0.60")
    assert from_2025.value("rate.standard", date(2025, 1, 1)) == Decimal("0.62")
    assert from_2025.version("rate.standard", date(2025, 1, 1)).overridden
    # the default set is untouched
    assert DEFAULT.value("rate.standard", date(2025, 1, 1)) == Decimal("0.60")
    # supplying a figure no source gives
    minimum = DEFAULT.override({"allowance.minimum_daily": {date(2024, 1, 1): Decimal("66.09")}})
    assert minimum.value("allowance.minimum_daily", date(2024, 6, 1)) == Decimal("66.09")
    assert minimum.value("allowance.minimum_daily", date(2023, 11, 1)) == Decimal("64.79")
    assert minimum.fingerprint() != DEFAULT.fingerprint()


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"rate.standrad": Decimal("0.6")}, "did you mean 'rate.standard'"),
        ({"rate.standard": 0.6}, "not float"),
        ({"rate.standard": Decimal("1.2")}, "between 0 and 1"),
        ({"wage.monthly_ceiling": Decimal("3000.001")}, "whole cents"),
        ({"supplement.free_units": Decimal("26.3")}, "half units"),
        ({"wage.daily_divisor": Decimal("0")}, "above 0"),
        ({"rate.standard": {"2025-13-01": Decimal("0.6")}}, "not a date"),
        ({"rate.standard": "six"}, "not a number"),
        # the size is checked before the exact ratio is built: 10**999999999 would take minutes
        ({"wage.monthly_ceiling": "1E+999999999"}, "at most 18 digits before"),
        ({"rate.standard": "1E-999999999"}, "18 after"),
    ],
)
def test_bad_overrides_are_refused(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        DEFAULT.override(changes)  # type: ignore[arg-type]


def test_every_parameter_name_is_documented() -> None:
    documented = (Path(__file__).parent.parent / "docs" / "parameters.md").read_text(
        encoding="utf-8"
    )
    for name in DEFAULT.names():
        assert f"`{name}`" in documented, f"{name} is missing from docs/parameters.md"


def _notices(wage: str, year: int, month: int, reason: str = "economic") -> dict[str, str]:
    worker = Worker(niss="85073003328", monthly_gross_wage=Decimal(wage), days_per_week=6)
    day = DayEntry(
        day=date(year, month, 3), status=DayStatus.TEMPORARY_UNEMPLOYMENT, reason=Reason(reason)
    )
    result = compute_month(
        worker,
        Employer(enterprise_number="0403.170.701", joint_committee="200"),
        Month(year=year, month=month, days=[day]),
    )
    return {notice.code: notice.message for notice in result.notices}


def test_later_indexations_are_flagged_for_indexed_figures_only() -> None:
    # 2026: the ceiling's latest source is ONEM T66 of 2024-07-12; rates and the divisor change
    # by law, not by index, and are not listed
    stale = _notices("3000", 2026, 3)["parameters.stale"]
    assert "wage.monthly_ceiling (3365.16, source of 2024-07-12)" in stale
    assert "rate.standard" not in stale and "wage.daily_divisor" not in stale
    assert DEFAULT.parameter("wage.monthly_ceiling").indexed
    assert not DEFAULT.parameter("rate.standard").indexed
    # mid-2024 the figures in force are sourced after the month starts: no notice
    assert "parameters.stale" not in _notices("3000", 2024, 6)


def test_a_doubtful_figure_is_told_where_it_changes_the_result() -> None:
    # June 2021 uses the 2020 ceiling 2,754.76, probably missing indexations: a wage of 3,000.00
    # is capped by it (the result may be too low), a wage of 2,000.00 is not
    assert "indexations between are missing" in _notices("3000", 2021, 6)["parameters.caveat"]
    assert "parameters.caveat" not in _notices("2000", 2021, 6)
    # the energy supplement's doubt only where energy-crisis units are paid
    assert "6.47" in _notices("2000", 2022, 12, "energy_crisis")["parameters.caveat"]
    assert "parameters.caveat" not in _notices("2000", 2022, 12)
