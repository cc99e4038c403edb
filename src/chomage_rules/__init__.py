"""chomage-rules: Belgian temporary-unemployment benefits, exact to the cent, explained step by step.

The public API is what ``__all__`` lists; everything else may change between versions.
"""

from .batch import compare, compute_population
from .core.errors import ParameterNotCovered
from .engine import compute_month, compute_months
from .explain import LegalSource, Notice, ParameterUse, Step
from .models import (
    Cp124Category,
    DayEntry,
    DayStatus,
    Employer,
    History,
    Month,
    PaymentStatus,
    Reason,
    Worker,
    WorkRegime,
)
from .parameters import Parameter, ParameterSet, ParameterVersion, Source
from .result import AllowanceLine, MonthResult, Payment

__all__ = [
    "AllowanceLine",
    "Cp124Category",
    "DayEntry",
    "DayStatus",
    "Employer",
    "History",
    "LegalSource",
    "Month",
    "MonthResult",
    "Notice",
    "Parameter",
    "ParameterNotCovered",
    "ParameterSet",
    "ParameterUse",
    "ParameterVersion",
    "Payment",
    "PaymentStatus",
    "Reason",
    "Source",
    "Step",
    "WorkRegime",
    "Worker",
    "compare",
    "compute_month",
    "compute_months",
    "compute_population",
]
