"""A population over a cluster: each partition of a Dask DataFrame through ``compute_population``.

The engine computes every row from its own columns and the month's figures, never from another
row, so a table split into partitions anywhere gives, partition by partition, the rows of the
whole table: a distributed engine needs only to map :func:`compute_population` over its
partitions. :func:`dask_compute` does it with the right ``meta`` (the result's columns and types,
which Dask needs before it computes anything). Needs the ``dask`` extra; dask is imported by the
caller, never here. docs/population.md gives the same recipe for Spark (``mapInPandas``).
"""

from __future__ import annotations

from typing import Any

from ..parameters import ParameterSet
from .compute import compute_population

__all__ = ["dask_compute"]


def dask_compute(
    frame: Any,
    year: int,
    month: int,
    *,
    parameters: ParameterSet | None = None,
    detail: bool = False,
    workers: int = 1,
) -> Any:
    """``frame`` (a ``dask.dataframe.DataFrame`` of the input columns) computed lazily, one
    partition at a time: a Dask DataFrame of the results on the same index and partitions.

    ``workers`` threads per partition (1: Dask already runs one partition per thread or process
    of its own). Each partition is validated on its own: a bad row raises the
    ``pydantic.ValidationError`` of ``compute_population`` when the result is computed, naming
    the row by its index label (or its position within its partition, for a partition whose
    index is not the row's label). The parameter set travels with the tasks (it pickles).
    """
    # the results of a table of no rows of the same columns and index: their names and types
    meta = compute_population(
        frame._meta, year, month, parameters=parameters, detail=detail, workers=1
    )
    meta.attrs.clear()  # Dask compares attrs across partitions: keep none
    return frame.map_partitions(
        _partition,
        year,
        month,
        parameters=parameters,
        detail=detail,
        workers=workers,
        meta=meta,
        align_dataframes=False,
    )


def _partition(
    partition: Any,
    year: int,
    month: int,
    *,
    parameters: ParameterSet | None,
    detail: bool,
    workers: int,
) -> Any:
    """One partition's results (without the fingerprint attribute, which Dask would compare)."""
    result = compute_population(
        partition, year, month, parameters=parameters, detail=detail, workers=workers
    )
    result.attrs.clear()
    return result
