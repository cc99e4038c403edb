"""The kinds of table the tests give the population engine, made from one pandas frame, and their
results read back as pandas for comparison."""

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

KINDS = ("pandas", "polars", "arrow", "arrow_chunked", "arrow_batch")
"""``arrow_chunked``: a pyarrow Table whose columns come in several chunks (as read from a file
of several row groups)."""


def _column_values(series: pd.Series) -> list[Any] | np.ndarray:
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [None if pd.isna(v) else str(v) for v in series]
    values = series.to_numpy()
    if values.dtype.kind == "O":
        return [None if v is None or (isinstance(v, float) and np.isnan(v)) else v for v in values]
    return values


def as_kind(frame: pd.DataFrame, kind: str) -> Any:
    """``frame`` (on a RangeIndex) as a table of ``kind``; text and category columns as text."""
    if kind == "pandas":
        return frame
    columns = {str(name): _column_values(frame[name]) for name in frame.columns}
    if kind == "polars":
        return pl.DataFrame(
            [
                pl.Series(name, values, dtype=pl.String if isinstance(values, list) else None)
                for name, values in columns.items()
            ]
        )
    table = pa.table(
        {
            name: pa.array(values, type=pa.string() if isinstance(values, list) else None)
            for name, values in columns.items()
        }
    )
    if kind == "arrow_chunked":
        cut = max(table.num_rows // 2, 1)
        return pa.concat_tables([table.slice(0, cut), table.slice(cut)])
    if kind == "arrow_batch":
        return pa.RecordBatch.from_arrays(
            [column.combine_chunks() for column in table.columns], names=table.column_names
        )
    return table


def to_pandas(result: Any) -> pd.DataFrame:
    """A result of any kind as a pandas frame on a RangeIndex, ``status`` as text."""
    if isinstance(result, (pd.DataFrame, pl.DataFrame)):
        columns = {name: result[name].to_numpy() for name in result.columns}
    else:
        columns = {
            name: result.column(name).to_numpy(zero_copy_only=False) for name in result.column_names
        }
    columns["status"] = np.asarray(columns["status"], dtype=object).astype(str)
    return pd.DataFrame(columns)
