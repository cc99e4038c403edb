"""Population engine: the month of every worker in a table, identical to ``compute_month``.

Needs the ``population`` extra (numpy and pandas): ``pip install chomage-rules[population]``.

- :func:`compute_population` runs the rulebook over a DataFrame (or a mapping of numpy arrays)
  with one row per worker-month; :data:`COLUMNS` documents the input columns and
  :data:`OUTPUT_COLUMNS` the results.
- :func:`compare` runs a baseline and a reform and summarises cost, winners and losers.
- :func:`frame_from_cases` builds the input table from the models ``compute_month`` takes.
- :func:`compute_population_file` streams a Parquet or CSV file larger than memory through the
  engine (the ``files`` extra), :func:`compare_file` compares two sets over one the same way;
  :func:`dask_compute` runs the engine over a Dask cluster (``dask``).

polars, pyarrow, tqdm and dask are never imported here: only when a function needs them.
Without numpy or pandas, importing this package raises an ``ImportError`` that names the extra.
"""

try:
    import numpy  # noqa: F401 - only to say which extra is missing
    import pandas  # noqa: F401
except ImportError as error:
    raise ImportError(
        "chomage_rules.population needs numpy and pandas, which the population extra installs: "
        "pip install 'chomage-rules[population]'",
        name=error.name,
    ) from error

from .cluster import dask_compute
from .columns import COLUMNS, Column
from .compare import CHANGE_COLUMNS, ChangeSummary, Comparison, compare
from .compute import CHUNK_ROWS, DETAIL_COLUMNS, OUTPUT_COLUMNS, compute_population
from .files import (
    BATCH_ROWS,
    FileComparison,
    FileSummary,
    PayerTotals,
    compare_file,
    compute_population_file,
)
from .from_models import frame_from_cases
from .synthetic import PEER_MONTH, peer_parameters, peer_population

__all__ = [
    "BATCH_ROWS",
    "CHANGE_COLUMNS",
    "CHUNK_ROWS",
    "COLUMNS",
    "DETAIL_COLUMNS",
    "OUTPUT_COLUMNS",
    "PEER_MONTH",
    "ChangeSummary",
    "Column",
    "Comparison",
    "FileComparison",
    "FileSummary",
    "PayerTotals",
    "compare",
    "compare_file",
    "compute_population",
    "compute_population_file",
    "dask_compute",
    "frame_from_cases",
    "peer_parameters",
    "peer_population",
]
