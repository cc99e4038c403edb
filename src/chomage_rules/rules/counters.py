"""The counters a month leaves: the supplement's units of the calendar year (R5) and the
construction credit used in the service year (R6).

Each counter is its rule's (``supplement.prior_units`` and ``Supplement.counted_after``;
``construction.prior_credit`` and ``Construction.credit_used_after``); this step only shows them
together, as ``History`` carries them to the next month.
"""

from __future__ import annotations

from datetime import date

from ..core.ops import Num
from ..explain.step import Step

__all__ = ["NOTICES", "PARAMETERS", "RULE", "STEPS", "steps"]

RULE = "R5/R6"

STEPS: tuple[str, ...] = ("history.after",)
NOTICES: tuple[str, ...] = ()

PARAMETERS: tuple[str, ...] = ()


def steps(
    *,
    supplement_prior: int,
    supplement_reset: bool,
    supplement_counted: Num,
    supplement_after: Num,
    service_year: date,
    credit_prior: int,
    credit_reset: bool,
    credit_covered: Num,
    credit_after: Num,
) -> tuple[Step, ...]:
    """``history.after``: each counter before the month (and whether a new year restarted it),
    what the month adds, and after."""
    values = {
        "supplement": (
            "counter.reset" if supplement_reset else "counter.kept",
            {"before": supplement_prior},
        ),
        "counted": int(supplement_counted),
        "since": service_year,
        "credit": ("counter.reset" if credit_reset else "counter.kept", {"before": credit_prior}),
        "covered": int(credit_covered),
        "supplement_after": int(supplement_after),
        "credit_after": int(credit_after),
    }
    return (Step("history.after", RULE, True, "history.after", values),)
