"""``chomage-rules compare``: a population file under the shipped figures and under a reform
(``--set``), through the streaming :func:`chomage_rules.population.compare_file`.

The baseline is the shipped figures, the reform the same with each ``--set NAME=VALUE``. Each
row's change (its net total under each set, and each payer's change of gross, in cents) goes
to ``--out`` or, by default, ``NAME.compare.csv`` beside ``NAME.csv``; the summary printed at
the end gives the cost by payer and by component under each set, who gains and who loses, and
the quantiles of the change. A progress bar shows on standard error when it is a terminal, as
with ``simulate`` (the ``files`` extra: numpy, pandas, pyarrow, tqdm).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from ..parameters import ParameterSet
from .case_file import with_settings
from .errors import masked
from .simulate import file_options, masked_paths, population_paths, run_engine

__all__ = ["add_compare", "compare"]


def compare(
    population: str,
    year: int,
    month: int,
    settings: Sequence[tuple[str, str]],
    out: str | None = None,
    *,
    keep: Sequence[str] = (),
    progress: bool | None = None,
) -> str:
    """Compare the shipped figures and ``settings`` over every row of ``population`` for
    ``year``-``month``; the summary."""
    source, target = population_paths(population, out, "compare")
    baseline = ParameterSet.default()
    reform = with_settings(baseline, settings)
    compared = run_engine(
        "compare",
        population,
        lambda engine: engine.compare_file(
            source,
            target,
            year,
            month,
            baseline,
            reform,
            keep_columns=tuple(keep),
            progress=progress,
        ),
    )
    changed = ", ".join(f"{name}={value}" for name, value in settings) or "none"
    lines = [
        f"Reform: the shipped figures with {masked(changed)}",
        masked_paths(compared).summary(),
        f"Changes per row written to {masked(str(compared.output))}",
    ]
    return "\n".join(lines) + "\n"


def _run(args: argparse.Namespace) -> str:
    return compare(
        args.population,
        args.year,
        args.month,
        args.settings or (),
        args.out,
        keep=args.keep or (),
        progress=False if args.no_progress else None,
    )


def add_compare(commands: Any, add_set: Callable[[argparse.ArgumentParser], None]) -> None:
    """The ``compare`` command, added to the command line's ``commands`` (``add_set``: the
    ``--set`` option every command shares)."""
    command = commands.add_parser(
        "compare",
        help="a population file under the shipped figures and under --set changes",
        description="Compute one month for every row of a Parquet or CSV file under the "
        "shipped figures and under a reform (the same with each --set), batch by batch; write "
        "each row's change and print the cost by payer, gainers and losers. Needs the files "
        "extra.",
    )
    file_options(command, add_set, "each row's change (default: NAME.compare.csv beside NAME.csv)")
    command.set_defaults(run=_run)
