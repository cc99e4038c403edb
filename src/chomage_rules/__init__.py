"""chomage-rules: Belgian temporary-unemployment benefits, exact to the cent, explained step by step.

The public API is what ``__all__`` lists; everything else may change between versions. The
population engine (``compute_population``, ``compare``, ``frame_from_cases``) needs the
``population`` extra (numpy and pandas); it is imported only when one of them is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .case.document import ResultRecord, load_result, result_document_schema
from .case.engine import compute_month, compute_months
from .case.models import (
    DayEntry,
    Employer,
    History,
    LastUnemployment,
    Month,
    ReasonLimitCounters,
    Spell,
    Worker,
)
from .case.result import AllowanceLine, MonthResult, Payment
from .case.schemas import RULES_OUTSIDE_THE_SCHEMA, CaseDocument, OutsideRule, case_schema
from .case.verify import Difference, Verification, verify
from .core.errors import ParameterNotCovered
from .core.sources import LegalSource
from .core.vocabulary import (
    ControlCard,
    Cp124Category,
    DayStatus,
    Occupation,
    PaymentStatus,
    Reason,
    Region,
    WorkRegime,
)
from .explain.step import Notice, Step
from .parameters import (
    DerivedFigureRefused,
    FigureStatus,
    Indexation,
    Parameter,
    ParameterFileError,
    ParameterReport,
    ParameterSet,
    ParameterUse,
    ParameterVersion,
    Source,
    report,
)
from .rules.ec32_access import Ec32Access, ec32_access

if TYPE_CHECKING:
    from .population import compare, compute_population, frame_from_cases

# sorted as sorted() does (tests/test_public_api.py), not constants first as RUF022 would
__all__ = [  # noqa: RUF022
    "AllowanceLine",
    "CaseDocument",
    "ControlCard",
    "Cp124Category",
    "DayEntry",
    "DayStatus",
    "DerivedFigureRefused",
    "Difference",
    "Ec32Access",
    "Employer",
    "FigureStatus",
    "History",
    "Indexation",
    "LastUnemployment",
    "LegalSource",
    "Month",
    "MonthResult",
    "Notice",
    "Occupation",
    "OutsideRule",
    "Parameter",
    "ParameterFileError",
    "ParameterNotCovered",
    "ParameterReport",
    "ParameterSet",
    "ParameterUse",
    "ParameterVersion",
    "Payment",
    "PaymentStatus",
    "RULES_OUTSIDE_THE_SCHEMA",
    "Reason",
    "ReasonLimitCounters",
    "Region",
    "ResultRecord",
    "Source",
    "Spell",
    "Step",
    "Verification",
    "WorkRegime",
    "Worker",
    "case_schema",
    "compare",
    "compute_month",
    "compute_months",
    "compute_population",
    "ec32_access",
    "frame_from_cases",
    "load_result",
    "report",
    "result_document_schema",
    "verify",
]

_POPULATION = ("compare", "compute_population", "frame_from_cases")


def __dir__() -> list[str]:
    """The module's names, the population engine's included before it is loaded."""
    return sorted({*globals(), *_POPULATION})


def __getattr__(name: str) -> Any:
    """``compute_population``, ``compare`` and ``frame_from_cases``, loaded on first use (they
    need numpy and pandas)."""
    if name not in _POPULATION:
        raise AttributeError(f"module 'chomage_rules' has no attribute {name!r}")
    try:
        from . import population  # noqa: PLC0415 - the extra is loaded only when used
    except ImportError as error:
        raise ImportError(
            "the population engine needs numpy and pandas: pip install 'chomage-rules[population]'"
        ) from error
    return getattr(population, name)
