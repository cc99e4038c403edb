"""The kinds of table the population engine reads and returns: pandas, polars, Arrow, a mapping.

polars and pyarrow are optional (the ``polars`` and ``arrow`` extras) and never imported here: a
table is recognised as polars or Arrow only if its module is already loaded (whoever made the
table loaded it), by ``isinstance`` against ``sys.modules``. Their columns reach numpy without a
copy where the layout allows: an integer or float column of one chunk with no missing value is
handed over as a view of its buffer (an Arrow table's column of several chunks is joined first,
which copies it; a record batch's columns are one chunk each). Booleans, which Arrow and polars
pack as bits, are unpacked (a copy, of one byte a row).

Each reader returns what the checks of :mod:`.columns` take from a pandas column: numbers as a
numpy array with the rows of missing values (or ``None``), flags as a numpy array (objects where a
value is missing, refused as not True or False), categories as codes (-1 for missing) and their
texts. A type the checks do not expect comes as an array of Python objects (a ``Decimal`` column,
text), which they convert value by value, exactly, or refuse by its type.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..rules.payment_status import STATUS_OF_CODE

__all__ = ["STATUS_CATEGORIES", "TableKind", "build_result", "table_kind"]

TableKind = Literal["pandas", "polars", "arrow", "arrow_batch", "mapping"]

STATUS_CATEGORIES: tuple[str, ...] = tuple(
    STATUS_OF_CODE[code].value for code in sorted(STATUS_OF_CODE)
)
"""The status column's categories, in the order of the kernel's status codes."""


def _loaded(module: str) -> Any:
    return sys.modules.get(module)


def table_kind(frame: Any) -> TableKind | None:
    """The kind of ``frame``, or None for anything the engine does not read."""
    if isinstance(frame, pd.DataFrame):
        return "pandas"
    pl, pa = _loaded("polars"), _loaded("pyarrow")
    if pl is not None and isinstance(frame, pl.DataFrame):
        return "polars"
    if pa is not None and isinstance(frame, pa.Table):
        return "arrow"
    if pa is not None and isinstance(frame, pa.RecordBatch):
        return "arrow_batch"
    if isinstance(frame, Mapping):
        return "mapping"
    return None


def refusal_hint(frame: Any) -> str:
    """What to do with a table of a kind that is not read (a lazy polars frame: collect it)."""
    pl = _loaded("polars")
    if pl is not None and isinstance(frame, pl.LazyFrame):
        return "; collect() a polars LazyFrame first"
    return ""


def column_names(frame: Any, kind: TableKind) -> list[Any]:
    """The column keys: names for pandas and a mapping, positions for polars and Arrow (an
    Arrow table may hold two columns of one name)."""
    if kind in ("pandas", "mapping"):
        return list(frame.columns if kind == "pandas" else frame)
    return list(range(len(frame.columns if kind == "polars" else frame.column_names)))


def name_of(frame: Any, kind: TableKind, key: Any) -> str:
    if kind == "polars":
        return str(frame.columns[key])
    if kind in ("arrow", "arrow_batch"):
        return str(frame.column_names[key])
    return str(key)


def row_count(frame: Any, kind: TableKind) -> int:
    if kind == "polars":
        return int(frame.height)
    return int(frame.num_rows if kind in ("arrow", "arrow_batch") else len(frame))


def column(frame: Any, kind: TableKind, key: Any) -> Any:
    """One column as the table holds it (a Series, an Arrow array of one chunk)."""
    if kind == "polars":
        return frame.to_series(key)
    chunked = frame.column(key)
    if kind == "arrow_batch":
        return chunked
    if chunked.num_chunks == 1:
        return chunked.chunk(0)
    return chunked.combine_chunks()  # a copy: the chunks are not next to each other


# --------------------------------------------------------------------------- numbers


def numbers(raw: Any, kind: TableKind) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_] | None]:
    """A polars or Arrow column as numbers: the values (0 where missing, or NaN for floats) and
    the rows where a value is missing (None if none is, or for floats, whose NaN says it)."""
    if kind == "polars":
        return _polars_numbers(raw)
    return _arrow_numbers(raw)


def _polars_numbers(series: Any) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_] | None]:
    dtype = series.dtype
    if dtype.is_integer():
        if series.null_count():
            missing = np.asarray(series.is_null().to_numpy(), dtype=bool)
            return series.fill_null(0).to_numpy(), missing
        return series.to_numpy(), None  # a view of polars' buffer
    if dtype.is_float() or dtype.is_temporal():
        return series.to_numpy(), None  # a missing float is NaN; dates are refused by type
    return plain(series, "polars"), None


def _arrow_numbers(array: Any) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_] | None]:
    pa = _loaded("pyarrow")
    kind = array.type
    if pa.types.is_dictionary(kind):
        array, kind = array.dictionary_decode(), kind.value_type
    if pa.types.is_integer(kind):
        if array.null_count:
            missing = np.asarray(array.is_null().to_numpy(zero_copy_only=False), dtype=bool)
            return array.fill_null(0).to_numpy(), missing
        return array.to_numpy(), None  # a view of Arrow's buffer
    if pa.types.is_floating(kind) or pa.types.is_temporal(kind):
        return array.to_numpy(zero_copy_only=False), None  # a missing float is NaN
    return plain(array, "arrow"), None


def plain(raw: Any, kind: TableKind) -> npt.NDArray[Any]:
    """A polars or Arrow column as one numpy array: numbers and booleans of their type where no
    value is missing, Python objects otherwise (None where a value is missing)."""
    if kind == "polars":
        dtype = raw.dtype
        if raw.null_count() == 0 and (dtype.is_numeric() or dtype == _loaded("polars").Boolean):
            return np.asarray(raw.to_numpy())
        return _objects(raw.to_list())
    pa = _loaded("pyarrow")
    if pa.types.is_dictionary(raw.type):
        raw = raw.dictionary_decode()
    if raw.null_count == 0 and (
        pa.types.is_integer(raw.type)
        or pa.types.is_floating(raw.type)
        or pa.types.is_boolean(raw.type)
    ):
        return np.asarray(raw.to_numpy(zero_copy_only=False))
    return _objects(raw.to_pylist())


def _objects(values: list[Any]) -> npt.NDArray[Any]:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


# --------------------------------------------------------------------------- categories


def categories(raw: Any, kind: TableKind) -> tuple[npt.NDArray[np.int64], list[str]] | None:
    """A column of text or categories as ``(codes, texts)``, codes -1 where a value is missing;
    None for a column of another type (read as Python objects instead)."""
    if kind == "polars":
        return _polars_categories(raw)
    return _arrow_categories(raw)


def _polars_categories(series: Any) -> tuple[npt.NDArray[np.int64], list[str]] | None:
    pl = _loaded("polars")
    dtype = series.dtype
    if isinstance(dtype, pl.Enum):
        texts = [str(text) for text in dtype.categories.to_list()]
    elif dtype in (pl.String, pl.Categorical):
        series = series.cast(pl.String)
        texts = series.drop_nulls().unique(maintain_order=True).to_list()
        series = series.cast(pl.Enum(texts))
    else:
        return None
    physical = series.to_physical()
    codes = physical.fill_null(-1).cast(pl.Int64).to_numpy() if physical.null_count() else None
    if codes is None:
        codes = physical.cast(pl.Int64).to_numpy()
    return np.array(codes, dtype=np.int64), texts  # writable: the checks mark refused codes


def _arrow_categories(array: Any) -> tuple[npt.NDArray[np.int64], list[str]] | None:
    pa = _loaded("pyarrow")
    kind = array.type
    if not pa.types.is_dictionary(kind):
        if not (
            pa.types.is_string(kind) or pa.types.is_large_string(kind) or _is_string_view(kind)
        ):
            return None
        if _is_string_view(kind):
            array = array.cast(pa.large_string())
        array = array.dictionary_encode()
    indices = array.indices
    codes = indices.fill_null(-1) if indices.null_count else indices
    texts = [str(text) for text in array.dictionary.to_pylist()]
    return np.array(codes.to_numpy(zero_copy_only=False), dtype=np.int64), texts


def _is_string_view(kind: Any) -> bool:
    test = getattr(_loaded("pyarrow").types, "is_string_view", None)
    return bool(test(kind)) if test is not None else False


# --------------------------------------------------------------------------- results


def build_result(
    kind: TableKind, columns: dict[str, Any], fingerprint: str | None, index: Any = None
) -> Any:
    """The results as a table of ``kind`` (``columns["status"]``, if there: the kernel's codes).

    Numbers are handed over without a copy (Arrow and polars take numpy's buffers); the status
    is a category (pandas), an Enum (polars) or a dictionary (Arrow) of
    :class:`~chomage_rules.PaymentStatus` values, text for a mapping. A pandas result is on
    ``index`` and carries ``attrs["parameters_fingerprint"]``; an Arrow one carries it in its
    schema's metadata; polars frames have neither index nor metadata.
    """
    status = columns.get("status")
    if kind in ("pandas", "mapping") and status is not None:
        columns["status"] = (
            _pandas_status(status)
            if kind == "pandas"
            else np.asarray(STATUS_CATEGORIES, dtype=object)[status]
        )
    if kind == "mapping":
        return columns
    if kind == "pandas":
        table = pd.DataFrame(columns, index=index, copy=False)
        if fingerprint is not None:
            table.attrs["parameters_fingerprint"] = fingerprint
        return table
    if kind == "polars":
        pl = _loaded("polars")
        return pl.DataFrame(
            [
                pl.Series(name, values.astype(np.uint32)).cat.to(pl.Enum(STATUS_CATEGORIES))
                if name == "status"
                else pl.Series(name, values)
                for name, values in columns.items()
            ]
        )
    pa = _loaded("pyarrow")
    arrays = [
        _arrow_status(values) if name == "status" else pa.array(values)
        for name, values in columns.items()
    ]
    metadata = None if fingerprint is None else {"parameters_fingerprint": fingerprint}
    build = pa.Table if kind == "arrow" else pa.RecordBatch
    return build.from_arrays(arrays, names=list(columns), metadata=metadata)


def _pandas_status(status: npt.NDArray[np.int8]) -> Any:
    return pd.Categorical.from_codes(status, categories=pd.Index(STATUS_CATEGORIES))


def _arrow_status(status: npt.NDArray[np.int8]) -> Any:
    pa = _loaded("pyarrow")
    return pa.DictionaryArray.from_arrays(pa.array(status), pa.array(STATUS_CATEGORIES))
