"""The cluster recipe: a Dask DataFrame's partitions through compute_population on a local
cluster of two worker processes, row by row what one machine gives (issue 11, item 4)."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from pydantic import ValidationError

from chomage_rules import compute_population
from chomage_rules.population import PEER_MONTH, dask_compute, peer_parameters, peer_population


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=":0",  # any free port: never a warning that 8787 is taken
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _frame() -> pd.DataFrame:
    frame = peer_population(5_000)
    frame.index = pd.Index([f"w{i:05d}" for i in range(len(frame))], name="worker")
    frame["card_submitted"] = np.arange(len(frame)) % 9 != 4
    return frame


def test_two_workers_give_the_rows_of_one_machine(client: Client) -> None:
    frame = _frame()
    parameters = peer_parameters()
    lazy = dask_compute(
        dd.from_pandas(frame, npartitions=6), *PEER_MONTH, parameters=parameters, detail=True
    )
    got = client.compute(lazy).result()
    expected = compute_population(frame, *PEER_MONTH, parameters=parameters, detail=True)
    expected.attrs.clear()
    # Dask turns a text index into Arrow-backed text: the same labels, in the same order
    assert got.index.tolist() == expected.index.tolist()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    assert len(client.scheduler_info()["workers"]) == 2


def test_a_bad_row_is_named_by_its_label_from_its_worker(client: Client) -> None:
    frame = _frame()
    frame.loc["w04321", "days_economic"] = -1
    lazy = dask_compute(dd.from_pandas(frame, npartitions=4), *PEER_MONTH)
    with pytest.raises(ValidationError) as error:
        client.compute(lazy).result()
    assert error.value.errors()[0]["loc"] == ("days_economic", "w04321")


def test_the_spark_recipe_of_the_docs_gives_the_schema_it_declares() -> None:
    # Spark is not a dependency: the function mapInPandas runs, fed as Spark feeds it
    page = (Path(__file__).parents[2] / "docs" / "population.md").read_text(encoding="utf-8")
    recipe = next(
        code
        for code in re.findall(r"```python\n(.*?)```", page, re.DOTALL)
        if "mapInPandas" in code
    )
    namespace: dict[str, Any] = {"reform": peer_parameters()}
    exec(recipe.split("results = caseload")[0], namespace)
    frame = _frame().reset_index().rename(columns={"worker": "worker_id"})
    batches = [frame.iloc[:2_000].copy(), frame.iloc[2_000:].copy()]
    out = pd.concat(namespace["months"](iter(batches)), ignore_index=True)
    declared = [part.split(" ") for part in namespace["schema"].split(", ")]
    assert [name for name, _ in declared] == list(out.columns)
    kinds = {"string": "O", "long": "i", "double": "f"}
    for name, spark in declared:
        assert out[name].dtype.kind == kinds[spark] or spark == "string", name
    expected = compute_population(
        _frame(), *PEER_MONTH, parameters=peer_parameters(), workers=1
    ).reset_index(drop=True)
    assert out["worker_id"].tolist() == frame["worker_id"].tolist()
    assert (out["net_total_cents"] == expected["net_total_cents"]).all()
