"""Entry points to the population engine that import numpy and pandas only when called.

A payment-body back end that only calls ``compute_month`` installs the core package, without the
``population`` extra; ``import chomage_rules`` must work there. These two functions are re-exported
by ``chomage_rules`` and load :mod:`chomage_rules.population` on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .parameters import ParameterSet

if TYPE_CHECKING:
    import pandas as pd

    from .population.compare import Comparison

__all__ = ["compare", "compute_population"]

_MISSING = "the population engine needs numpy and pandas: pip install 'chomage-rules[population]'"


def compute_population(
    frame: pd.DataFrame | dict[str, Any],
    year: int,
    month: int,
    *,
    parameters: ParameterSet | None = None,
    detail: bool = False,
) -> pd.DataFrame | dict[str, Any]:
    """One month for every row of ``frame``; see :func:`chomage_rules.population.compute_population`."""
    try:
        from .population.compute import compute_population as run  # noqa: PLC0415 - lazy on purpose
    except ImportError as error:  # pragma: no cover - exercised without the extra only
        raise ImportError(_MISSING) from error
    return run(frame, year, month, parameters=parameters, detail=detail)


def compare(
    frame: pd.DataFrame | dict[str, Any],
    year: int,
    month: int,
    baseline: ParameterSet,
    reform: ParameterSet,
) -> Comparison:
    """Baseline against reform over a population; see :func:`chomage_rules.population.compare`."""
    try:
        from .population.compare import compare as run  # noqa: PLC0415 - lazy on purpose
    except ImportError as error:  # pragma: no cover - exercised without the extra only
        raise ImportError(_MISSING) from error
    return run(frame, year, month, baseline, reform)
