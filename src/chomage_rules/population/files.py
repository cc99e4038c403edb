"""``compute_population_file``: a Parquet or CSV file larger than memory, batch by batch.

The file is read in record batches (``pyarrow.parquet.ParquetFile.iter_batches``, or
``pyarrow.csv.open_csv``), each batch is validated and computed as :func:`compute_population`
computes a table (its chunks over the threads), and its results are written to the output before
the next batch is read: memory holds about one batch (its input, its results, the writer's
buffer), whatever the file's length. Needs the ``files`` extra (pyarrow, and tqdm for the
progress bar); neither is imported before the function is called.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from ..case.engine import parameter_set
from ..core.errors import input_error
from ..core.identifiers import mask_digit_runs
from ..core.money import cents_to_decimal
from ..core.vocabulary import PAYERS
from ..explain.catalogue import Language, catalogue, check_language
from ..parameters import ParameterSet
from .columns import COLUMN_BY_NAME, Column
from .compare import ChangeSummary, Tally, change_rows, compare_rows
from .compute import DETAIL_COLUMNS, OUTPUT_COLUMNS, check_call, prepare, run
from .html import summary_html
from .privacy import safe_input
from .tables import STATUS_CATEGORIES, build_result

__all__ = [
    "BATCH_ROWS",
    "FileComparison",
    "FileSummary",
    "PayerTotals",
    "compare_file",
    "compute_population_file",
]

BATCH_ROWS = 1 << 18
"""Rows read, computed and written at a time by default (262,144: four of the engine's chunks,
about 100 MB of input and results for the widest table)."""

_PARQUET = (".parquet", ".pq")
_CSV = (".csv",)
_COMPONENTS = (
    "gross_allowance",
    "sector_top_up",
    "employer_supplement",
    "withholding",
    "net_total",
)


@dataclass(frozen=True)
class PayerTotals:
    """What one payer pays over the whole file: gross, tax withheld, net (exact, EUR)."""

    gross: Decimal
    withholding: Decimal
    net: Decimal


@dataclass(frozen=True)
class FileSummary:
    """The totals of a file computed by :func:`compute_population_file` (exact sums of cents).

    - ``rows``: worker-months computed; ``batches``: record batches read;
    - ``payers``: per payer (``payment_body``, ``employer``, ``sector_fund``), its totals;
    - ``components``: the allowance, construction top-up, employer supplement, withholding and
      net total over all payers (EUR);
    - ``statuses``: rows per payment status (every :class:`~chomage_rules.PaymentStatus`);
    - ``seconds``: the time it took, reading and writing included.
    """

    input: Path
    output: Path
    rows: int
    batches: int
    payers: Mapping[str, PayerTotals]
    components: Mapping[str, Decimal]
    statuses: Mapping[str, int]
    seconds: float = field(compare=False)

    def summary(self) -> str:
        """A few lines for a terminal or a log."""
        rate = self.rows / self.seconds if self.seconds else 0.0
        lines = [
            f"{self.rows:,} rows from {self.input.name} to {self.output.name} in "
            f"{self.seconds:.1f} s ({rate:,.0f} rows/s)",
            "By payer (EUR):       gross        withheld             net",
        ]
        for payer, totals in self.payers.items():
            lines.append(
                f"  {payer:<13} {totals.gross:>16,} {totals.withholding:>16,} {totals.net:>16,}"
            )
        lines.append("By status: " + ", ".join(f"{s} {n:,}" for s, n in self.statuses.items()))
        return "\n".join(lines)


class _Totals:
    """Sums of cents over the batches, as Python integers (never rounded, never overflowing)."""

    def __init__(self) -> None:
        self.rows = 0
        self.cents: dict[str, int] = {}
        self.statuses = np.zeros(len(STATUS_CATEGORIES), dtype=np.int64)

    def add(self, columns: Mapping[str, Any]) -> None:
        self.rows += len(columns["status"])
        for name, values in columns.items():
            if name.endswith("_cents") and not name.startswith("daily_amount_"):
                self.cents[name] = self.cents.get(name, 0) + int(values.sum())
        self.statuses += np.bincount(columns["status"], minlength=len(STATUS_CATEGORIES))

    def summary(self, source: Path, target: Path, batches: int, seconds: float) -> FileSummary:
        def eur(name: str) -> Decimal:
            return cents_to_decimal(self.cents.get(name, 0))

        payers: dict[str, PayerTotals] = {
            payer: PayerTotals(
                eur(f"{payer}_gross_cents"),
                eur(f"{payer}_withholding_cents"),
                eur(f"{payer}_net_cents"),
            )
            for payer in PAYERS
        }
        return FileSummary(
            input=source,
            output=target,
            rows=self.rows,
            batches=batches,
            payers=MappingProxyType(payers),
            components=MappingProxyType({c: eur(f"{c}_cents") for c in _COMPONENTS}),
            statuses=MappingProxyType(
                {s: int(n) for s, n in zip(STATUS_CATEGORIES, self.statuses, strict=True)}
            ),
            seconds=seconds,
        )


def compute_population_file(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    year: int,
    month: int,
    *,
    parameters: ParameterSet | None = None,
    detail: bool = False,
    keep_columns: Sequence[str] = (),
    batch_rows: int = BATCH_ROWS,
    workers: int | None = None,
    progress: bool | None = None,
) -> FileSummary:
    """Compute ``year``-``month`` for every row of a Parquet or CSV file, batch by batch.

    ``input`` holds the columns of :data:`~chomage_rules.population.COLUMNS` (a ``.parquet``
    or ``.pq`` file, a ``.csv`` file with a header line, or a folder of Parquet files such as
    Spark and Dask write, read in the order of the files' paths); ``output`` gets, row for row,
    ``keep_columns`` (input columns copied unchanged and not read by the engine: identifiers,
    weights) and then the result columns of :func:`compute_population` (``detail=True`` adds
    :data:`~chomage_rules.population.DETAIL_COLUMNS`), as Parquet or CSV by its suffix. The
    output is written to a temporary file beside it and renamed when every row is done: a file
    with bad rows leaves no output behind.

    ``batch_rows`` rows are read, validated, computed (over ``workers`` threads) and written at
    a time, so memory holds one batch whatever the file's length (a CSV file is read in blocks
    of about that many rows). Each batch is validated before it is computed, as
    ``compute_population`` validates a table; a bad row raises ``pydantic.ValidationError``
    naming its column and its row by position in the file (0 is the first row of data). The
    errors are those of the first batch that has any. In a CSV file, numbers are read as
    float64 (exact for every value the columns allow: halves and whole numbers below 2**53).

    ``progress``: a progress bar on standard error (tqdm); by default only when standard error
    is a terminal. Returns a :class:`FileSummary`: rows, and exact totals per payer and per
    component, rows per status.
    """
    check_call(year, month, workers)
    parameters = parameter_set(parameters)
    wanted = [*OUTPUT_COLUMNS, *(DETAIL_COLUMNS if detail else ())]
    totals = _Totals()

    def results(batch: Any, first_row: int) -> Any:
        population, (figures,) = prepare(batch, year, month, [parameters], first_row, workers)
        columns = run(population, figures, parameters, True, workers)
        totals.add(columns)
        return build_result("arrow_batch", {name: columns[name] for name in wanted}, None)

    source, target = Path(input), Path(output)
    started = time.perf_counter()
    batches = _through(source, target, (batch_rows, keep_columns, progress), results)
    return totals.summary(source, target, batches, time.perf_counter() - started)


@dataclass(frozen=True)
class FileComparison(ChangeSummary):
    """A baseline and a reform over every row of a file (:func:`compare_file`): the summaries of
    :class:`~chomage_rules.population.Comparison`, summed over the batches.

    - ``rows``: worker-months compared; ``batches``: record batches read;
    - ``cost``, ``cost_by_component``, ``gainers``, ``losers``, ``unchanged``,
      ``change_quantiles``, ``net_cost``: as ``compare`` gives them for the whole table, exactly
      (sums of cents; the quantiles from the count of rows of each change, in cents);
    - ``seconds``: the time it took, reading and writing included.
    """

    input: Path
    output: Path
    rows: int
    batches: int
    seconds: float = field(compare=False)

    def summary(self) -> str:
        """A few lines for a terminal or a log."""
        rate = self.rows / self.seconds if self.seconds else 0.0
        head = (
            f"{self.rows:,} rows from {self.input.name} to {self.output.name} in "
            f"{self.seconds:.1f} s ({rate:,.0f} rows/s, each under both sets)"
        )
        return head + "\n" + super().summary()

    def html(self, lang: Language | str = "en") -> str:
        """:meth:`ChangeSummary.html`, under a line naming the file, its rows and the output
        (the files' names masked: a name may hold a national number)."""
        language = check_language(lang)
        head = catalogue(language).label(
            "comparison.file",
            {
                "rows": self.rows,
                "input": mask_digit_runs(self.input.name),
                "output": mask_digit_runs(self.output.name),
            },
        )
        return summary_html(self, language, head)


def compare_file(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    year: int,
    month: int,
    baseline: ParameterSet,
    reform: ParameterSet,
    *,
    keep_columns: Sequence[str] = (),
    batch_rows: int = BATCH_ROWS,
    workers: int | None = None,
    progress: bool | None = None,
) -> FileComparison:
    """Compare ``baseline`` and ``reform`` over every row of a Parquet or CSV file, batch by
    batch: :func:`~chomage_rules.population.compare` for a file larger than memory.

    The file is read as :func:`compute_population_file` reads it (the same columns, suffixes,
    ``keep_columns``, ``batch_rows``, ``workers``, ``progress``, errors named by the row's place
    in the file, all or nothing). Each batch is validated and adapted once (a CP 124 counter
    against the stricter credit of the two sets), and the kernel runs on it under each set.
    ``output`` gets, row for row, ``keep_columns`` and then the columns of ``compare``'s
    ``rows`` (:data:`~chomage_rules.population.CHANGE_COLUMNS`: the net total under each set,
    its change, and each payer's change of gross, in cents). Returns a :class:`FileComparison`:
    the summaries ``compare`` gives for the whole table, identical to them.
    """
    check_call(year, month, workers)
    sets = (parameter_set(baseline), parameter_set(reform))
    tally = Tally()

    def results(batch: Any, first_row: int) -> Any:
        _, before, after, change = compare_rows(
            batch, (year, month), sets, workers, tally, first_row
        )
        return build_result("arrow_batch", change_rows(before, after, change), None)

    source, target = Path(input), Path(output)
    started = time.perf_counter()
    batches = _through(source, target, (batch_rows, keep_columns, progress), results)
    return FileComparison(
        input=source,
        output=target,
        rows=tally.rows,
        batches=batches,
        **tally.summaries(),
        seconds=time.perf_counter() - started,
    )


Results = Callable[[Any, int], Any]
"""What a batch gives (an Arrow RecordBatch of result columns), from the batch without its kept
columns and the position of its first row in the file."""


def _through(
    source: Path,
    target: Path,
    reading: tuple[int, Sequence[str], bool | None],
    results: Results,
) -> int:
    """``source`` read in batches (``batch_rows``, ``keep_columns``, ``progress``: see
    ``compute_population_file``), each batch's results written to ``target``, all or nothing;
    the number of batches read."""
    batch_rows, keep_columns, progress = reading
    if isinstance(batch_rows, bool) or not isinstance(batch_rows, int) or batch_rows < 1:
        raise input_error(
            "population", ("batch_rows",), "a whole number from 1", safe_input(batch_rows)
        )
    read = _reader(source, batch_rows, keep_columns)
    _format(target)  # refused before the input is read
    partial = target.with_name(f".{target.name}.partial")
    try:
        with _Progress(progress, read.total) as bar:
            batches = _stream(read, partial, keep_columns, results, bar)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return batches


def _stream(
    read: _Reader, partial: Path, keep_columns: Sequence[str], results: Results, bar: _Progress
) -> int:
    """Every batch read, computed and written, in order; the number of batches read."""
    writer: _Writer | None = None
    offset = batches = 0
    for batch in read.batches():
        kept, engine = _split(batch, keep_columns, offset)
        out = _join(kept, results(engine, offset))
        if writer is None:
            writer = _Writer(partial, out.schema)
        writer.write(out)
        offset += batch.num_rows
        batches += 1
        bar.update(batch.num_rows)
    if writer is None:  # a file of no rows: an output of no rows, with its columns
        kept, engine = _split(read.empty(), keep_columns, 0)
        writer = _Writer(partial, _join(kept, results(engine, 0)).schema)
    writer.close()
    return batches


def _split(batch: Any, keep_columns: Sequence[str], offset: int) -> tuple[list[Any], Any]:
    """The kept columns, and the batch without them (what the engine reads)."""
    names = batch.schema.names
    missing = [name for name in keep_columns if name not in names]
    if missing:
        raise input_error(
            "population",
            (missing[0],),
            f"keep_columns names {missing[0]!r}, which the file does not have",
            None,
        )
    kept = [(name, batch.column(names.index(name))) for name in keep_columns]
    engine = batch.select([i for i, name in enumerate(names) if name not in keep_columns])
    return kept, engine


def _join(kept: list[tuple[str, Any]], results: Any) -> Any:
    pa = _arrow()
    names = [name for name, _ in kept] + results.schema.names
    return pa.RecordBatch.from_arrays([c for _, c in kept] + results.columns, names=names)


# --------------------------------------------------------------------------- reading


def _arrow(module: str = "pyarrow") -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            "compute_population_file needs pyarrow: pip install 'chomage-rules[files]'"
        ) from error


def _format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(_PARQUET):
        return "parquet"
    if name.endswith(_CSV):
        return "csv"
    raise input_error(
        "population",
        ("file",),
        f"{path.name}: give a .parquet (or .pq) or a .csv file",
        None,
    )


@dataclass
class _Reader:
    """A file's record batches, its rows where known, and a batch of no rows of its columns."""

    batches: Callable[[], Iterator[Any]]
    total: int | None
    empty: Callable[[], Any]


def _reader(path: Path, batch_rows: int, keep_columns: Sequence[str]) -> _Reader:
    if path.is_dir():
        return _parquet_folder_reader(path, batch_rows)
    if _format(path) == "parquet":
        parquet = _parquet_file(path)
        return _Reader(
            lambda: parquet.iter_batches(batch_size=batch_rows),
            parquet.metadata.num_rows,
            lambda: _empty_batch(parquet.schema_arrow),
        )
    return _csv_reader(path, batch_rows, keep_columns)


def _parquet_file(path: Path) -> Any:
    # pre_buffer=False: pre-buffering keeps every row group's bytes for the reader's life,
    # which grows with the file (measured: 7.8 MB a row group of a million rows)
    return _arrow("pyarrow.parquet").ParquetFile(path, pre_buffer=False)


def _parquet_folder_reader(folder: Path, batch_rows: int) -> _Reader:
    """A folder of Parquet files (as Spark, Dask and pyarrow.dataset write a table: part files,
    perhaps in sub-folders), read file after file in the order of their paths, as one table.
    Files whose name starts with ``_`` or ``.`` are the writers' markers and metadata
    (``_SUCCESS``, ``_metadata``, ``.crc``), not data. Each file is opened only while it is read."""
    files = sorted(
        found
        for found in folder.rglob("*")
        if found.is_file()
        and found.name.lower().endswith(_PARQUET)
        and not any(part.startswith(("_", ".")) for part in found.relative_to(folder).parts)
    )
    if not files:
        raise input_error(
            "population", ("file",), f"{folder.name}: a folder without .parquet files", None
        )
    footers = [_footer(file) for file in files]
    schema = footers[0][0]
    for other, (columns, _) in zip(files[1:], footers[1:], strict=True):
        if not columns.equals(schema):
            raise input_error(
                "population",
                ("file",),
                f"{other.relative_to(folder)}: its columns differ from "
                f"{files[0].relative_to(folder)}'s; a folder is read as one table",
                None,
            )

    def batches() -> Iterator[Any]:
        for file in files:
            with _parquet_file(file) as parquet:
                yield from parquet.iter_batches(batch_size=batch_rows)

    rows = sum(count for _, count in footers)
    return _Reader(batches, rows, lambda: _empty_batch(schema))


def _footer(path: Path) -> tuple[Any, int]:
    """A Parquet file's columns (as its writer's Arrow schema) and rows, from one read of its
    footer; the file is closed again (a folder may hold many)."""
    with _parquet_file(path) as parquet:
        return parquet.schema_arrow, parquet.metadata.num_rows


def _empty_batch(schema: Any) -> Any:
    pa = _arrow()
    return pa.RecordBatch.from_arrays([pa.array([], type=f.type) for f in schema], schema=schema)


def _csv_reader(path: Path, batch_rows: int, keep_columns: Sequence[str]) -> _Reader:
    csv = _arrow("pyarrow.csv")
    header = _csv_header(path)
    types = {name: _csv_type(COLUMN_BY_NAME[name]) for name in header if name in COLUMN_BY_NAME}
    # kept columns are copied as the text they are (a column of identifiers stays as written)
    types.update({name: _arrow().string() for name in keep_columns if name in header})
    # a block of about batch_rows rows: the header's length is a fair guess of a line's
    block = max(1 << 20, min(batch_rows * (len(",".join(header)) // 2 + 16), 1 << 30))

    def open_csv() -> Any:
        return csv.open_csv(
            path,
            read_options=csv.ReadOptions(block_size=block),
            convert_options=csv.ConvertOptions(column_types=types),
        )

    def batches() -> Iterator[Any]:
        return _csv_batches(open_csv, path)

    return _Reader(batches, None, lambda: _empty_batch(open_csv().schema))


def _csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as file:
        line = file.readline().rstrip("\r\n")
    return [name.strip('"') for name in line.split(",")] if line else []


def _csv_type(column: Column) -> Any:
    pa = _arrow()
    if column.kind == "category":
        return pa.string()
    if column.kind == "flag":
        return pa.bool_()
    return pa.float64()  # every bound is far below 2**53: exact; a fraction is refused, named


def _csv_batches(open_csv: Callable[[], Any], path: Path) -> Iterator[Any]:
    """The batches of a CSV reader; a value its types cannot hold (text in a number column) is
    named by its column and row, found by reading that column again as text."""
    pa = _arrow()
    offset = 0
    try:
        reader = open_csv()  # reads the first block
    except pa.ArrowInvalid as error:
        raise _csv_value_error(path, str(error), offset) from None
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            return
        except pa.ArrowInvalid as error:
            raise _csv_value_error(path, str(error), offset) from None
        offset += batch.num_rows
        yield batch


def _csv_value_error(path: Path, message: str, offset: int) -> Exception:
    """The ValidationError ``compute_population`` raises for the first value of the column
    pyarrow could not convert, read as text from ``offset`` on."""
    csv = _arrow("pyarrow.csv")
    header = _csv_header(path)
    named = [name for name in header if f"column #{header.index(name)}:" in message]
    if not named or named[0] not in COLUMN_BY_NAME:
        return input_error("population", ("file",), f"{path.name}: unreadable CSV", None)
    name = named[0]
    reader = csv.open_csv(
        path,
        convert_options=csv.ConvertOptions(
            include_columns=[name], column_types={name: _arrow().string()}
        ),
    )
    from . import columns as checks  # noqa: PLC0415 - the column checks, on text this time

    position = 0
    for batch in reader:
        if position + batch.num_rows > offset:
            values = np.asarray(batch.column(0).to_pylist(), dtype=object)
            source = checks._Source({name: values}, position)
            problems = checks._Problems(source)
            column = COLUMN_BY_NAME[name]
            if column.kind == "flag":
                checks._flag_array(source, problems, column)
            else:
                checks._number_array(source, problems, column)
            if problems.details:
                return checks._error(problems.details)
        position += batch.num_rows
    return input_error("population", (name,), f"{path.name}: unreadable CSV column", None)


# --------------------------------------------------------------------------- writing


class _Writer:
    """Parquet or CSV by the output's suffix; the status as a dictionary (Parquet) or text."""

    def __init__(self, partial: Path, schema: Any) -> None:
        pa = _arrow()
        self.csv = _format(Path(partial.name.removesuffix(".partial"))) == "csv"
        if self.csv:
            self.schema = pa.schema(
                [pa.field(f.name, pa.string()) if f.name == "status" else f for f in schema]
            )
            self.writer = _arrow("pyarrow.csv").CSVWriter(partial, self.schema)
        else:
            self.schema = schema
            self.writer = _arrow("pyarrow.parquet").ParquetWriter(partial, schema)

    def write(self, batch: Any) -> None:
        if self.csv:
            batch = batch.cast(self.schema)
        self.writer.write_batch(batch)

    def close(self) -> None:
        self.writer.close()


# --------------------------------------------------------------------------- progress


class _Progress:
    """A tqdm bar on standard error, or nothing (``enabled`` None: only on a terminal)."""

    def __init__(self, enabled: bool | None, total: int | None) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty() and importlib.util.find_spec("tqdm") is not None
        self.bar: Any = None
        if enabled:
            try:
                tqdm = importlib.import_module("tqdm")
            except ImportError as error:
                raise ImportError(
                    "the progress bar needs tqdm: pip install 'chomage-rules[files]'"
                ) from error
            self.bar = tqdm.tqdm(total=total, unit=" rows", unit_scale=True, file=sys.stderr)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, rows: int) -> None:
        if self.bar is not None:
            self.bar.update(rows)
