"""Streaming a Parquet file larger than memory through ``compute_population_file`` (a benchmark).

    .venv/bin/python benchmarks/bench_stream.py [--rows 10000000] [--batch-rows 262144]
                                                [--workers N] [--folder /tmp] [--keep]
                                                [--compare]

Writes a Parquet file of ``--rows`` rows of the OpenFisca peer's population (the generator of
``peer_population``, a new seed per chunk of a million rows, written chunk by chunk: the file is
never whole in memory), then computes it to a second Parquet file in a fresh process and prints
its rows per second and its peak memory (``ru_maxrss`` of that process, which did nothing else),
with the file sizes and the summary of totals. The files are removed at the end unless
``--keep``. With ``--compare``, the file is compared under the peer's figures and a reform (a
standard rate of 65 %, a supplement of 2.00) by ``compare_file`` instead.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

GENERATE_ROWS = 1_000_000
"""Rows generated and written at a time (one row group each)."""


def generate(path: Path, rows: int) -> float:
    """The peer population's ``rows`` rows as a Parquet file, a million at a time; seconds."""
    import pyarrow as pa  # noqa: PLC0415 - the benchmark's own process only
    import pyarrow.parquet as pq  # noqa: PLC0415

    from chomage_rules.population import peer_population  # noqa: PLC0415

    start = time.perf_counter()
    writer = None
    for seed, first in enumerate(range(0, rows, GENERATE_ROWS)):
        frame = peer_population(min(GENERATE_ROWS, rows - first), seed=20250301 + seed)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    if writer is not None:
        writer.close()
    return time.perf_counter() - start


def worker(job: dict[str, Any]) -> dict[str, Any]:
    """In a fresh process: the file computed (or compared), its rate and this process's peak
    memory."""
    from datetime import date  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from chomage_rules.population import (  # noqa: PLC0415
        PEER_MONTH,
        compare_file,
        compute_population_file,
        peer_parameters,
    )

    options = {"batch_rows": job["batch_rows"], "workers": job["workers"], "progress": False}
    baseline = peer_parameters()
    summary: Any
    if job["compare"]:
        reform = baseline.override(
            {
                "rate.standard": {date(2025, 1, 1): Decimal("0.65")},
                "supplement.amount": {date(2025, 1, 1): Decimal("2.00")},
            }
        )
        summary = compare_file(
            job["input"], job["output"], *PEER_MONTH, baseline, reform, **options
        )
    else:
        summary = compute_population_file(
            job["input"], job["output"], *PEER_MONTH, parameters=baseline, **options
        )
    return {
        "rows": summary.rows,
        "batches": summary.batches,
        "seconds": summary.seconds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "summary": summary.summary(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--batch-rows", type=int, default=1 << 18)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--folder", type=Path, default=Path("/tmp"))
    parser.add_argument("--keep", action="store_true", help="keep the input and output files")
    parser.add_argument("--compare", action="store_true", help="compare_file, under two sets")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(json.loads(args.worker))))
        return
    folder = args.folder / f"bench-stream-{os.getpid()}"
    folder.mkdir(parents=True)
    source, target = folder / "population.parquet", folder / "results.parquet"
    try:
        print(f"generating {args.rows:,} rows ...", flush=True)
        made = generate(source, args.rows)
        print(
            f"input: {source.stat().st_size / 2**20:,.0f} MiB in {made:.0f} s; load "
            f"{os.getloadavg()[0]:.2f}",
            flush=True,
        )
        job = {
            "input": str(source),
            "output": str(target),
            "batch_rows": args.batch_rows,
            "workers": args.workers,
            "compare": args.compare,
        }
        done = subprocess.run(
            [sys.executable, __file__, "--worker", json.dumps(job)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        rate = result["rows"] / result["seconds"]
        print(
            f"{'compare_file' if args.compare else 'compute_population_file'}: "
            f"{result['rows']:,} rows in {result['batches']:,} batches "
            f"of {args.batch_rows:,}, {result['seconds']:.1f} s, {rate / 1e6:.2f} M rows/s, "
            f"peak memory {result['peak_rss_mib']:,.0f} MiB; output "
            f"{target.stat().st_size / 2**20:,.0f} MiB; load {os.getloadavg()[0]:.2f}"
        )
        print(result["summary"])
    finally:
        if not args.keep:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
