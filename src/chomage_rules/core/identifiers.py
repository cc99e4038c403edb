"""Belgian identifiers: the national number (NISS / INSZ, also BIS numbers) and the enterprise number.

Both end in a mod-97 check:

- national number, 11 digits ``YYMMDD SSS CC``: ``CC = 97 - (YYMMDDSSS mod 97)`` for people born
  before 2000, and ``CC = 97 - (2YYMMDDSSS mod 97)`` (a ``2`` put in front) for people born from
  2000. A BIS number adds 20 or 40 to the month. An unknown birth day or month is written ``00``.
- enterprise number (BCE / KBO), 10 digits starting with 0 or 1, usually written ``0403.170.701``:
  ``last two digits = 97 - (first eight digits mod 97)``.

Sources: the structure of the national register number (Registre national, SPF Intérieur) and of the
enterprise number (Banque-Carrefour des Entreprises, SPF Économie), as used by ONEM and the DmfA.

The checks return the canonical form (digits only) or raise ``ValueError`` with a sentence a clerk
can act on; the pydantic models turn that into a ``ValidationError`` naming the field.
"""

from __future__ import annotations

import re

__all__ = [
    "BELGIUM",
    "is_country_code",
    "is_joint_committee",
    "mask_digit_runs",
    "mask_niss",
    "mask_niss_input",
    "normalize_enterprise_number",
    "normalize_niss",
]

# ASCII digits only: ``\d`` alone would accept Arabic-Indic or full-width digits, which would be
# stored as they are and never match the same number written in ASCII
_NISS_PATTERN = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})[-.]?(\d{3})\.?(\d{2})$", re.ASCII)
_ENTERPRISE_PATTERN = re.compile(r"^([01]\d{3})\.?(\d{3})\.?(\d{3})$", re.ASCII)


def _mod97_check(number: int) -> int:
    return 97 - number % 97


def normalize_niss(text: str) -> str:
    """Return the national number as 11 digits, or raise ValueError saying what is wrong.

    Accepted forms: ``85073003328`` and ``85.07.30-033.28`` (the printed form).
    """
    match = _NISS_PATTERN.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        # the text is not repeated: a mistyped national number is still personal data
        raise ValueError(
            f"the national number given ({_length(text)}) is not 11 digits "
            "(write it as YYMMDDSSSCC or YY.MM.DD-SSS.CC: birth date, serial number, check digits)"
        )
    digits = "".join(match.groups())
    month = int(digits[2:4])
    day = int(digits[4:6])
    if not (month <= 12 or 20 <= month <= 32 or 40 <= month <= 52):
        raise ValueError(
            f"the national number {mask_niss(digits)} has month {month:02d}, which is neither "
            "a month (00-12) nor a BIS month (20-32, 40-52)"
        )
    if day > 31:
        raise ValueError(f"the national number {mask_niss(digits)} has day {day:02d}, above 31")
    body = int(digits[:9])
    check = int(digits[9:])
    if check not in (_mod97_check(body), _mod97_check(2_000_000_000 + body)):
        raise ValueError(
            f"the national number {mask_niss(digits)} fails its mod-97 check: "
            "its last two digits do not match the first nine (a typing error?)"
        )
    return digits


def _length(text: object) -> str:
    """What a clerk needs to find a typing error, without the number: its length in characters."""
    return f"{len(text)} characters" if isinstance(text, str) else type(text).__name__


def normalize_enterprise_number(text: str) -> str:
    """Return the enterprise number as 10 digits, or raise ValueError saying what is wrong.

    Accepted forms: ``0403170701`` and ``0403.170.701``.
    """
    match = _ENTERPRISE_PATTERN.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        # not repeated, as a national number is not: it may be one, typed in the wrong box
        raise ValueError(
            f"the enterprise number given ({_length(text)}) is not 10 digits starting with 0 or 1 "
            "(write it as 0NNNNNNNNN or 0NNN.NNN.NNN)"
        )
    digits = "".join(match.groups())
    if int(digits[8:]) != _mod97_check(int(digits[:8])):
        raise ValueError(
            "the enterprise number given fails its mod-97 check: "
            "its last two digits do not match the first eight (a typing error?)"
        )
    return digits


def mask_niss(digits: str) -> str:
    """The national number as shown in every rendering: only the two check digits stay visible.

    The birth date and serial number are personal data; the check digits alone let a clerk match
    a printout to a file without exposing them.
    """
    return f"**.**.**-***.{digits[-2:]}"


def mask_niss_input(value: object) -> str:
    """What an error may show of a value given for a national number, valid or not.

    Eleven digits, however written (``85073003329``, ``85.07.30-033.29``, the integer
    85073003329, full-width digits), are masked as in a rendering: ``**.**.**-***.29``, the check
    digits that let a clerk match the error to a file. Anything else is described by its length
    or its type only (``(not shown: 10 characters)``): a number one digit short or long is still
    one typing error from a person's number.
    """
    digits = ""
    if isinstance(value, str):
        digits = "".join(character for character in value if character.isdecimal())
    elif isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**11:
        digits = f"{value:011d}"  # a number born in 2000 or later starts with 0, lost in an int
    if len(digits) == 11:
        return mask_niss(digits)
    return f"(not shown: {_length(value)})"


LONG_DIGIT_RUN = 10
"""Runs of this many digits or more are never repeated in an error: a national number has 11, and
one with a digit dropped, added or changed has 10 to 12. No figure the library checks is that long
(amounts stop at 1,000,000.00: 9 digits, or 9 in cents; dates have 8)."""

DIGIT_RUN = re.compile(rf"\d(?:[.\-/ _,]?\d){{{LONG_DIGIT_RUN - 1},}}")
"""Ten digits or more, with the separators a national number is written with between them, and
those of a number written in groups (``85_073_003_328``, ``85,073,003,328``)."""


def mask_digit_runs(text: str) -> str:
    """``text`` with every run of ten digits or more masked, separators included.

    For error messages and inputs that may quote a national number given in the wrong place (a
    wage, a joint committee): eleven digits are masked as a national number is
    (``**.**.**-***.11``), other runs are replaced by their length (``(10 digits, not shown)``).
    No figure the library checks is that long: amounts stop at 1,000,000.00 (9 digits), dates
    have 8.
    """
    return DIGIT_RUN.sub(_masked_run, text)


def _masked_run(match: re.Match[str]) -> str:
    digits = "".join(character for character in match.group() if character.isdecimal())
    return mask_niss(digits) if len(digits) == 11 else f"({len(digits)} digits, not shown)"


def is_joint_committee(value: str) -> bool:
    """Whether ``value`` is written like a joint committee: ``124``, ``200``, ``111.01``, ``149.03.01``."""
    parts = value.split(".")
    return (
        len(parts[0]) == 3
        and len(parts) <= 3
        and all(part.isascii() and part.isdigit() for part in parts)
        and all(len(part) == 2 for part in parts[1:])
    )


BELGIUM = "BE"
"""Belgium's ISO 3166-1 alpha-2 code: a worker living elsewhere is a cross-border worker."""


def is_country_code(value: object) -> bool:
    """Whether ``value`` is written like an ISO 3166-1 alpha-2 country code: two capital ASCII
    letters (``BE``, ``FR``, ``NL``). Only the form is checked: whether the code is assigned, or
    what a rule knows of the country, is for the rule to say (the worker's country of residence,
    rule R11)."""
    return (
        isinstance(value, str)
        and len(value) == 2
        and value.isascii()
        and value.isalpha()
        and value.isupper()
    )
