"""A case file: one worker, one employer, one month and the counters before it, as JSON.

``worker``, ``employer`` and ``month`` are required, ``history`` may be left out (no counters:
the first month with this employer), and ``parameters`` may replace figures for this case only,
as :meth:`~chomage_rules.ParameterSet.override` takes them: ``{"wage.monthly_ceiling":
"3600.00"}`` for every date, or ``{"wage.monthly_ceiling": {"2024-05-01": "3600.00"}}`` from a
date on. Each part is what ``compute_month`` takes as a mapping: money, hours and units as text
(``"3500.00"``) or whole numbers, dates as ``"2024-06-03"``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from ..case.schemas import CaseDocument
from ..parameters import ParameterSet
from .errors import CommandError, invalid

__all__ = ["EXAMPLE", "STDIN", "Case", "case_parameters", "read_case", "read_json"]

_EVERY_DATE = ("all dates",)
"""The place ``ParameterSet.override`` names in its error about a figure for every date."""

STDIN = "-"
"""The file name that means standard input."""

EXAMPLE: dict[str, Any] = {
    "worker": {
        "niss": "85073003328",
        "monthly_gross_wage": "3500.00",
        "weekly_hours": "38.00",
        "days_per_week": 5,
        "cp124_category": "II",
        "has_legitimation_card": True,
    },
    "employer": {"enterprise_number": "0403.170.701", "joint_committee": "124"},
    "month": {
        "year": 2024,
        "month": 6,
        "days": [
            {"day": "2024-06-03", "status": "temporary_unemployment", "reason": "economic"},
            {"day": "2024-06-04", "status": "temporary_unemployment", "reason": "force_majeure"},
        ],
    },
    "history": {"supplement_units": "30.00"},
}
"""The README's worker: a construction worker (joint committee 124, category II) paid 3,500.00 a
month, one day of economic temporary unemployment and one of force majeure in June 2024, 30 units
already counted towards the supplement's free units; net total 133.43."""


class Case(CaseDocument):
    """A case file: what ``chomage-rules compute`` computes (a case document, and the figures it
    replaces)."""

    parameters: dict[str, Any] = Field(
        default_factory=dict,
        description="Figures that replace the shipped ones for this case, by parameter name: a "
        "value for every date, or values by the date they apply from (ParameterSet.override).",
    )


def _shown(path: str) -> str:
    return "standard input" if path == STDIN else path


def read_json(path: str) -> Any:
    """The JSON document in the file ``path`` (``-``: standard input)."""
    try:
        text = sys.stdin.read() if path == STDIN else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a folder, not a file") from None
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{_shown(path)}: not UTF-8 text (byte {error.start}); save the case as UTF-8 JSON"
        ) from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{_shown(path)}: not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}"
        ) from None
    except ValueError as error:  # a number of more than 4,300 digits, NaN, Infinity
        raise CommandError(f"{_shown(path)}: not valid JSON: {error}") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_case(path: str) -> Case:
    """The case in the file ``path`` (``-``: standard input), validated."""
    document = read_json(path)
    if not isinstance(document, dict):
        kind = "a list" if isinstance(document, list) else "not an object"
        raise CommandError(
            f"{_shown(path)}: a case is a JSON object with worker, employer and month "
            f"(and history, parameters); this document is {kind}. "
            "`chomage-rules example` writes one to start from"
        )
    try:
        return Case.model_validate(document)
    except ValidationError as error:
        raise invalid(_shown(path), error) from None


def case_parameters(
    case_changes: Mapping[str, Any], path: str, settings: Sequence[tuple[str, str]]
) -> ParameterSet:
    """The shipped figures, with the case's ``parameters`` and then the ``--set`` options."""
    parameters = ParameterSet.default()
    if case_changes:
        try:
            parameters = parameters.override(case_changes)
        except ValidationError as error:
            raise invalid(_shown(path), error, ("parameters",), drop=_EVERY_DATE) from None
    return with_settings(parameters, settings)


def with_settings(parameters: ParameterSet, settings: Sequence[tuple[str, str]]) -> ParameterSet:
    """``parameters`` with each ``--set NAME=VALUE`` (that value on every date)."""
    if not settings:
        return parameters
    try:
        return parameters.override(dict(settings))
    except ValidationError as error:
        raise invalid("--set", error, drop=_EVERY_DATE) from None
