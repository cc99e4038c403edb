"""Population files the file tests write and read back: the peer's rows with some of every kind
(not yet payable, outside construction, a category as text) and an identifier column."""

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from chomage_rules.population import ChangeSummary, peer_population


def population(rows: int) -> pd.DataFrame:
    """The peer's rows, with some not-yet-payable, outside-construction rows (category as text)."""
    frame = peer_population(rows)
    frame["card_submitted"] = np.arange(rows) % 7 != 3
    frame["employer_declared"] = np.arange(rows) % 11 != 5
    frame["cp124_category"] = frame["cp124_category"].astype(object)
    frame["joint_committee"] = np.where(np.arange(rows) % 3 == 0, "200", "124")
    return frame


def write(frame: pd.DataFrame, path: Path, ids: bool = True, row_group: int = 300) -> Path:
    """``frame`` as Parquet (row groups of ``row_group`` rows) or CSV, by ``path``'s suffix; with
    ``ids``, a first column ``worker_id`` (W00000, W00001 …)."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    if ids:
        table = table.add_column(0, "worker_id", pa.array([f"W{i:05d}" for i in range(len(frame))]))
    if path.suffix == ".csv":
        pa_csv.write_csv(table, path)
    else:
        pq.write_table(table, path, row_group_size=row_group)
    return path


def read(path: Path) -> pd.DataFrame:
    table = pa_csv.read_csv(path) if path.suffix == ".csv" else pq.read_table(path)
    return table.to_pandas()


def assert_same_summaries(got: ChangeSummary, expected: ChangeSummary) -> None:
    """Two comparisons' summaries are the same, figure for figure and as written."""
    pd.testing.assert_frame_equal(got.cost, expected.cost)
    pd.testing.assert_frame_equal(got.cost_by_component, expected.cost_by_component)
    assert (got.gainers, got.losers, got.unchanged) == (
        expected.gainers,
        expected.losers,
        expected.unchanged,
    )
    assert got.change_quantiles == expected.change_quantiles
    assert got.net_cost == expected.net_cost
    assert ChangeSummary.summary(got) == ChangeSummary.summary(expected)
