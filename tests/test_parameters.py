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
                    assert source.date_kind in ("published", "updated", "valid_from"), where
            if version.value is None:
                assert version.note, (
                    f"{name} {version.valid_from}: a version without value says why"
                )
            # how sure it is (issue 10): graded, a derivation written, unverified only if derived
            assert version.confidence in ("official", "secondary", "derived"), where
            if version.confidence == "derived":
                assert version.note, where
            if version.unverified:
                assert version.confidence == "derived" and version.value is not None, where
            assert not (version.not_in_force and version.value is not None), where
            assert not version.overridden, where


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
        # issue 10: the derived ceilings, on both sides of their dates
        ("wage.monthly_ceiling", date(2025, 1, 31), "3365.16"),
        ("wage.monthly_ceiling", date(2025, 2, 1), "3432.46"),  # 3,365.16 × 1.02 = 3,432.4632
        ("wage.monthly_ceiling", date(2026, 2, 28), "3432.46"),
        ("wage.monthly_ceiling", date(2026, 3, 1), "3501.11"),  # 3,432.46 × 1.02 = 3,501.1092
        ("wage.monthly_ceiling", date(2026, 12, 1), "3501.11"),
        ("withholding.legal", date(2024, 6, 1), "0.2675"),
        ("withholding.legal", date(2021, 6, 1), "0.15"),
        ("withholding.complement", date(2021, 6, 1), "0.2675"),
        ("supplement.amount", date(2024, 3, 1), "5.00"),
        ("supplement.amount", date(2024, 6, 1), "5.10"),
        ("supplement.amount", date(2025, 3, 1), "5.20"),
        ("supplement.amount", date(2026, 12, 1), "5.20"),  # no later amount is sourced
        ("supplement.wage_threshold", date(2024, 6, 1), "4000"),
        ("supplement.wage_threshold", date(2025, 6, 1), "4155"),
        ("supplement.wage_threshold", date(2025, 12, 31), "4155"),
        ("supplement.wage_threshold", date(2026, 1, 1), "4284"),
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


def test_stale_figures_are_those_a_known_indexation_has_overtaken() -> None:
    # issue 10: a figure is stale when an indexation of its series is known after its latest
    # source and on or before the day. March 2026: social benefits were indexed on 2026-03-01;
    # the supplement's 5.20 (from 2025-02-01, latest source 2024-05-01) has no later source: stale.
    # The ceiling 3,501.11 starts that day (the indexation it follows from): not stale. Rates and
    # the divisor follow no series and are never listed.
    stale = _notices("3000", 2026, 3)["parameters.stale"]
    assert "supplement.amount = 5.20 (from 2025-02-01, latest source 2024-05-01)" in stale
    assert "social_benefits indexed on 2026-03-01" in stale
    assert "wage.monthly_ceiling" not in stale
    assert "rate.standard" not in stale and "wage.daily_divisor" not in stale
    assert DEFAULT.parameter("wage.monthly_ceiling").series == "social_benefits"
    assert DEFAULT.parameter("supplement.wage_threshold").series == "supplement_threshold"
    assert not DEFAULT.parameter("rate.standard").indexed
    assert DEFAULT.parameter("rate.standard").series is None
    # mid-2024 and in 2025 no indexation is known after the sources of the figures in force: a
    # month after a figure's latest source is no longer flagged for that alone
    assert "parameters.stale" not in _notices("3000", 2024, 6)
    assert "parameters.stale" not in _notices("3000", 2024, 8)
    assert "parameters.stale" not in _notices("3000", 2025, 11)


@pytest.mark.parametrize(
    ("on", "stale_on"),
    [
        # the ceiling 3,501.11 (latest source 2026-03-10); the Planning Bureau expects the next
        # indexation of social benefits on 2026-10-01 (bx1, 2026-03-10): stale from that day
        (date(2026, 9, 30), None),
        (date(2026, 10, 1), date(2026, 10, 1)),
        (date(2026, 12, 1), date(2026, 10, 1)),
    ],
)
def test_the_ceiling_is_stale_from_the_expected_indexation(on: date, stale_on: date | None) -> None:
    assert DEFAULT.value("wage.monthly_ceiling", on) == Decimal("3501.11")
    indexation = DEFAULT.stale("wage.monthly_ceiling", on)
    if stale_on is None:
        assert indexation is None
    else:
        assert indexation is not None
        assert (indexation.on, indexation.status, indexation.expected) == (
            stale_on,
            "expected",
            True,
        )
        assert indexation.sources[0].url.startswith("https://bx1.be/")


@pytest.mark.parametrize(
    ("on", "stale_on"),
    [
        # the threshold follows its own yearly series (each 1 January): 4,284 from 2026-01-01 is
        # not stale in 2026, and stale from 2027-01-01 (expected) until a source gives 2027's
        (date(2026, 12, 31), None),
        (date(2027, 1, 1), date(2027, 1, 1)),
    ],
)
def test_the_threshold_follows_its_yearly_series(on: date, stale_on: date | None) -> None:
    indexation = DEFAULT.stale("supplement.wage_threshold", on)
    assert (indexation.on if indexation else None) == stale_on


def test_the_supplement_amount_is_stale_from_the_indexation_of_march_2026() -> None:
    # 5.20 from 2025-02-01: not stale on 2026-02-28, stale from 2026-03-01 (happened), and no
    # figure is guessed: the value stays 5.20
    assert DEFAULT.stale("supplement.amount", date(2026, 2, 28)) is None
    indexation = DEFAULT.stale("supplement.amount", date(2026, 3, 1))
    assert indexation is not None and indexation.on == date(2026, 3, 1)
    assert indexation.status == "happened" and indexation.confidence == "secondary"
    assert DEFAULT.value("supplement.amount", date(2026, 3, 1)) == Decimal("5.20")


def test_a_caller_figure_and_a_missing_one_are_never_stale() -> None:
    supplied = DEFAULT.override({"supplement.amount": {date(2026, 3, 1): "5.30"}})
    assert supplied.stale("supplement.amount", date(2026, 12, 1)) is None
    assert supplied.version("supplement.amount", date(2026, 12, 1)).confidence == "caller"
    assert DEFAULT.stale("allowance.minimum_daily", date(2026, 12, 1)) is None


@pytest.mark.parametrize(
    ("name", "on", "confidence", "unverified"),
    [
        ("wage.monthly_ceiling", date(2025, 1, 31), "official", False),  # ONEM/RVA T66
        ("wage.monthly_ceiling", date(2025, 2, 1), "derived", False),  # cross-checked to the cent
        ("wage.monthly_ceiling", date(2026, 2, 28), "derived", False),
        ("wage.monthly_ceiling", date(2026, 3, 1), "derived", True),  # no source confirms it
        ("wage.monthly_ceiling", date(2023, 11, 1), "secondary", False),  # Securex's table
        ("supplement.amount", date(2024, 3, 1), "official", False),  # CAPAC gives the 5 euros
        ("supplement.amount", date(2025, 2, 1), "secondary", False),
        ("supplement.wage_threshold", date(2025, 1, 1), "secondary", False),
        ("supplement.wage_threshold", date(2026, 1, 1), "secondary", False),
        ("rate.standard", date(2024, 6, 1), "secondary", False),
    ],
)
def test_the_confidence_of_the_figures(
    name: str, on: date, confidence: str, unverified: bool
) -> None:
    version = DEFAULT.version(name, on)
    assert (version.confidence, version.unverified) == (confidence, unverified)


def test_the_supplement_figures_carry_their_2025_and_2026_sources() -> None:
    amount = DEFAULT.version("supplement.amount", date(2026, 6, 1))
    titles = " ".join(source.title for source in amount.sources)
    assert "Easypay" in titles and "Securex" in titles and "ABVV West-Vlaanderen" in titles
    assert "2026" in titles  # Securex's and Easypay's notes on the 2026 amounts
    threshold = DEFAULT.version("supplement.wage_threshold", date(2026, 6, 1))
    assert any("4 284" in (s.quote or "") or "4.284" in (s.quote or "") for s in threshold.sources)
    assert "5.30" in (amount.note or "") and "5.31" in (amount.note or "")  # only derivations


def test_a_missing_figure_and_one_not_in_force_are_told_apart() -> None:
    minimum = DEFAULT.version("allowance.minimum_daily", date(2026, 12, 1))
    assert minimum.value is None and minimum.missing and not minimum.not_in_force
    ended = DEFAULT.version("supplement.energy_amount", date(2026, 12, 1))
    assert ended.value is None and ended.not_in_force and not ended.missing
    before = DEFAULT.version("supplement.amount", date(2023, 12, 1))
    assert before.not_in_force


def test_a_doubtful_figure_is_told_where_it_changes_the_result() -> None:
    # June 2021 uses the 2020 ceiling 2,754.76, probably missing indexations: a wage of 3,000.00
    # is capped by it (the result may be too low), a wage of 2,000.00 is not
    assert "indexations between are missing" in _notices("3000", 2021, 6)["parameters.caveat"]
    assert "parameters.caveat" not in _notices("2000", 2021, 6)
    # the energy supplement's doubt only where energy-crisis units are paid
    assert "6.47" in _notices("2000", 2022, 12, "energy_crisis")["parameters.caveat"]
    assert "parameters.caveat" not in _notices("2000", 2022, 12)
