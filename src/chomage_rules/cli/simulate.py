"""``chomage-rules simulate``: a population file through the streaming engine, with totals.

Runs :func:`chomage_rules.population.compute_population_file` (the ``files`` extra: numpy,
pandas, pyarrow, tqdm), which shows a progress bar on standard error when it is a terminal.
Without ``--out`` the results go beside the input, ``NAME.results.csv`` for ``NAME.csv``.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from ..core.errors import ParameterNotCovered
from ..parameters import ParameterSet
from .case_file import with_settings
from .errors import CANNOT_RUN, CommandError, invalid, masked

__all__ = ["default_output", "simulate"]

_SUFFIXES = (".parquet", ".pq", ".csv")
_COMPONENTS = {
    "gross_allowance": "allowance",
    "sector_top_up": "construction top-up",
    "employer_supplement": "employer supplement",
    "withholding": "withholding tax",
    "net_total": "net total",
}


def default_output(source: Path) -> Path:
    """``NAME.results.SUFFIX`` beside ``NAME.SUFFIX``; for a folder of Parquet parts (whatever its
    name), one Parquet file ``NAME.results.parquet`` beside it."""
    same_kind = source.is_file() and source.suffix.lower() in _SUFFIXES
    return source.with_name(f"{source.stem}.results{source.suffix if same_kind else '.parquet'}")


def _engine() -> ModuleType:
    try:
        return importlib.import_module("chomage_rules.population")
    except ImportError:
        raise CommandError(
            "simulate needs the population engine: pip install 'chomage-rules[files]'",
            CANNOT_RUN,
        ) from None


def _arrow_errors() -> tuple[type[Exception], ...]:
    """pyarrow's own errors (an unreadable Parquet file), when pyarrow is there."""
    try:
        lib = importlib.import_module("pyarrow.lib")
    except ImportError:
        return ()
    return (lib.ArrowException,)


def _paths(population: str, out: str | None) -> tuple[Path, Path]:
    source = Path(population)
    if not source.exists():
        raise CommandError(f"{population}: no such file")
    target = Path(out) if out else default_output(source)
    if out and not target.name.lower().endswith(_SUFFIXES):
        raise CommandError(f"--out {out}: give a .parquet (or .pq) or a .csv file")
    if not target.parent.is_dir():
        raise CommandError(f"--out {target}: the folder {target.parent} does not exist")
    if target.exists() and target.resolve() == source.resolve():
        raise CommandError(f"--out {out}: that is the population file itself; give another file")
    return source, target


def simulate(
    population: str,
    year: int,
    month: int,
    settings: Sequence[tuple[str, str]],
    out: str | None = None,
    *,
    detail: bool = False,
    keep: Sequence[str] = (),
    progress: bool | None = None,
) -> str:
    """Compute ``year``-``month`` for every row of ``population``; the summary of totals."""
    source, target = _paths(population, out)
    parameters = with_settings(ParameterSet.default(), settings)
    engine = _engine()
    unreadable: tuple[type[Exception], ...] = (OSError, *_arrow_errors())
    try:
        summary = engine.compute_population_file(
            source,
            target,
            year,
            month,
            parameters=parameters,
            detail=detail,
            keep_columns=tuple(keep),
            progress=progress,
        )
    except ValidationError as error:
        raise invalid(population, error) from None
    except ParameterNotCovered as error:
        raise CommandError(f"{population}: {error}") from None
    except ImportError as error:
        raise CommandError(str(error), CANNOT_RUN) from None
    except unreadable as error:
        raise CommandError(f"{population}: cannot be computed: {error}") from None
    return _summary(summary)


def _summary(summary: Any) -> str:
    """The engine's summary (the files' names masked, as in every message), then the totals of
    each component over all payers."""
    shown = dataclasses.replace(
        summary,
        input=Path(masked(summary.input.name)),
        output=Path(masked(summary.output.name)),
    )
    lines = [shown.summary(), "Totals (EUR):"]
    width = max(len(label) for label in _COMPONENTS.values())
    for name, label in _COMPONENTS.items():
        lines.append(f"  {label:<{width}} {summary.components[name]:>18,}")
    lines.append(f"Results written to {masked(str(summary.output))}")
    return "\n".join(lines) + "\n"
