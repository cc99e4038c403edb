"""``chomage-rules simulate``: a population file through the streaming engine, with totals.

Runs :func:`chomage_rules.population.compute_population_file` (the ``files`` extra: numpy,
pandas, pyarrow, tqdm), which shows a progress bar on standard error when it is a terminal.
Without ``--out`` the results go beside the input, ``NAME.results.csv`` for ``NAME.csv``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from ..core.errors import ParameterNotCovered
from ..parameters import ParameterSet
from .case_file import with_settings
from .errors import CANNOT_RUN, CommandError, invalid, masked

__all__ = [
    "default_output",
    "file_options",
    "masked_paths",
    "population_paths",
    "run_engine",
    "simulate",
]

_SUFFIXES = (".parquet", ".pq", ".csv")
_COMPONENTS = {
    "gross_allowance": "allowance",
    "sector_top_up": "construction top-up",
    "employer_supplement": "employer supplement",
    "withholding": "withholding tax",
    "net_total": "net total",
}


def default_output(source: Path, kind: str = "results") -> Path:
    """``NAME.results.SUFFIX`` (or another ``kind``) beside ``NAME.SUFFIX``; for a folder of
    Parquet parts (whatever its name), one Parquet file ``NAME.results.parquet`` beside it."""
    same_kind = source.is_file() and source.suffix.lower() in _SUFFIXES
    return source.with_name(f"{source.stem}.{kind}{source.suffix if same_kind else '.parquet'}")


def _engine(command: str) -> ModuleType:
    try:
        return importlib.import_module("chomage_rules.population")
    except ImportError:
        raise CommandError(
            f"{command} needs the population engine: pip install 'chomage-rules[files]'",
            CANNOT_RUN,
        ) from None


def _arrow_errors() -> tuple[type[Exception], ...]:
    """pyarrow's own errors (an unreadable Parquet file), when pyarrow is there."""
    try:
        lib = importlib.import_module("pyarrow.lib")
    except ImportError:
        return ()
    return (lib.ArrowException,)


def file_options(
    command: argparse.ArgumentParser,
    add_set: Callable[[argparse.ArgumentParser], None],
    out_help: str,
) -> None:
    """The arguments of a command that reads a population file (``simulate``, ``compare``):
    the file, the month, ``--set``, ``--out``, ``--keep`` and ``--no-progress``."""
    command.add_argument(
        "population",
        metavar="POPULATION",
        help="a .parquet or .csv file, or a folder of Parquet files",
    )
    command.add_argument("--year", type=int, required=True, metavar="Y")
    command.add_argument("--month", type=int, required=True, metavar="M")
    add_set(command)
    command.add_argument("--out", metavar="FILE", help=out_help)
    command.add_argument(
        "--keep",
        metavar="COLUMN",
        action="append",
        default=None,
        help="copy an input column to the output, such as an identifier (repeatable)",
    )
    command.add_argument("--no-progress", action="store_true", help="no progress bar")


def population_paths(population: str, out: str | None, kind: str) -> tuple[Path, Path]:
    """The population file and the output (``--out``, or ``NAME.KIND.SUFFIX`` beside it),
    checked before anything is read."""
    source = Path(population)
    if not source.exists():
        raise CommandError(f"{population}: no such file")
    target = Path(out) if out else default_output(source, kind)
    if out and not target.name.lower().endswith(_SUFFIXES):
        raise CommandError(f"--out {out}: give a .parquet (or .pq) or a .csv file")
    if not target.parent.is_dir():
        raise CommandError(f"--out {target}: the folder {target.parent} does not exist")
    if target.exists() and target.resolve() == source.resolve():
        raise CommandError(f"--out {out}: that is the population file itself; give another file")
    return source, target


def run_engine(command: str, population: str, call: Callable[[ModuleType], Any]) -> Any:
    """``call(engine)`` with the population engine, its errors as the command's: bad input
    (exit 2) named by the file, a missing extra (exit 1), never a traceback."""
    engine = _engine(command)
    unreadable: tuple[type[Exception], ...] = (OSError, *_arrow_errors())
    try:
        return call(engine)
    except ValidationError as error:
        raise invalid(population, error) from None
    except ParameterNotCovered as error:
        raise CommandError(f"{population}: {error}") from None
    except ImportError as error:
        raise CommandError(str(error), CANNOT_RUN) from None
    except unreadable as error:
        raise CommandError(f"{population}: cannot be computed: {error}") from None


def masked_paths(summary: Any) -> Any:
    """A summary of a file (``FileSummary``, ``FileComparison``) whose files' names are masked,
    as in every message: a name may hold a national number."""
    return dataclasses.replace(
        summary,
        input=Path(masked(summary.input.name)),
        output=Path(masked(summary.output.name)),
    )


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
    source, target = population_paths(population, out, "results")
    parameters = with_settings(ParameterSet.default(), settings)
    summary = run_engine(
        "simulate",
        population,
        lambda engine: engine.compute_population_file(
            source,
            target,
            year,
            month,
            parameters=parameters,
            detail=detail,
            keep_columns=tuple(keep),
            progress=progress,
        ),
    )
    return _summary(summary)


def _summary(summary: Any) -> str:
    """The engine's summary (the files' names masked, as in every message), then the totals of
    each component over all payers."""
    lines = [masked_paths(summary).summary(), "Totals (EUR):"]
    width = max(len(label) for label in _COMPONENTS.values())
    for name, label in _COMPONENTS.items():
        lines.append(f"  {label:<{width}} {summary.components[name]:>18,}")
    lines.append(f"Results written to {masked(str(summary.output))}")
    return "\n".join(lines) + "\n"
