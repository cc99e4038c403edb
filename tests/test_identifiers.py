"""Belgian national and enterprise numbers: mod-97 checks, accepted forms, masking."""

import pytest

from chomage_rules.core.identifiers import (
    mask_digit_runs,
    mask_niss,
    mask_niss_input,
    normalize_enterprise_number,
    normalize_niss,
)


def _niss(body: str, born_2000: bool = False) -> str:
    # check digits = 97 - (body mod 97), with a leading 2 for people born from 2000
    number = int(("2" if born_2000 else "") + body)
    return body + f"{97 - number % 97:02d}"


def test_niss_born_before_2000() -> None:
    # 850730033 mod 97 = 69 -> 97 - 69 = 28
    assert normalize_niss("85073003328") == "85073003328"
    assert normalize_niss("85.07.30-033.28") == "85073003328"


def test_niss_born_from_2000_uses_the_leading_2() -> None:
    niss = _niss("050101123", born_2000=True)
    assert normalize_niss(niss) == niss
    # the same digits with the pre-2000 check fail unless both checks coincide
    old_style = _niss("050101123")
    assert old_style != niss
    assert normalize_niss(old_style) == old_style  # valid for someone born in 1905


def test_bis_number_month_plus_20_or_40() -> None:
    for month in ("27", "47"):
        bis = _niss(f"90{month}15001")
        assert normalize_niss(bis) == bis


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("85073003329", "mod-97"),
        ("8507300332", "not 11 digits"),
        ("85.07.30-033.2A", "not 11 digits"),
        (_niss("851330033"), "month 13"),
        (_niss("850732033"), "day 32"),
    ],
)
def test_bad_niss_is_refused_with_a_reason(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        normalize_niss(text)


def test_enterprise_number() -> None:
    # 04031707 mod 97 = 96 -> 97 - 96 = 01
    assert normalize_enterprise_number("0403.170.701") == "0403170701"
    assert normalize_enterprise_number("0403170701") == "0403170701"
    with pytest.raises(ValueError, match="mod-97"):
        normalize_enterprise_number("0403.170.702")
    with pytest.raises(ValueError, match="10 digits starting with 0 or 1"):
        normalize_enterprise_number("2403.170.701")


def test_mask_keeps_only_the_check_digits() -> None:
    assert mask_niss("85073003328") == "**.**.**-***.28"


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("85073003329", "**.**.**-***.29"),  # refused, masked like an accepted number
        ("85.07.30-033.29", "**.**.**-***.29"),
        (85073003329, "**.**.**-***.29"),
        (1231512345, "**.**.**-***.45"),  # born in 2000: 01231512345, its 0 lost in an int
        ("８５０７３００３３２９", "**.**.**-***.２９"),
        ("8507300332", "(not shown: 10 characters)"),  # one digit short
        ("850730033290", "(not shown: 12 characters)"),
        (85073003329.0, "(not shown: float)"),
        (-85073003329, "(not shown: int)"),
        (None, "(not shown: NoneType)"),
    ],
)
def test_a_value_given_as_a_national_number_is_shown_masked(given: object, shown: str) -> None:
    assert mask_niss_input(given) == shown


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("the wage of 85073003328.00 is above", "the wage of (13 digits, not shown) is above"),
        ("got 85073003329", "got **.**.**-***.29"),
        ("'85.07.30-033.29'", "'**.**.**-***.29'"),
        ("one short: 8507300332", "one short: (10 digits, not shown)"),
        # what the library's messages quote stays: amounts to 1,000,000.00, dates, hours
        ("1000000.01 is above 1000000.00", "1000000.01 is above 1000000.00"),
        ("from 2022-10-01 to 2023-03-31", "from 2022-10-01 to 2023-03-31"),
        ("entry 3 is for 2024-06-03", "entry 3 is for 2024-06-03"),
    ],
)
def test_runs_of_ten_digits_or_more_are_masked(text: str, masked: str) -> None:
    assert mask_digit_runs(text) == masked
