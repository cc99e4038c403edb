"""The runnable examples and the benchmark script run and print what they promise."""

import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).parent.parent


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout


def test_demo_explains_the_month() -> None:
    out = run("examples/demo.py")
    # 9.5 economic units × 77.66 + 5 force-majeure units × 84.13 = 737.77 + 420.65 = 1,158.42
    assert "Allowance (gross)                1,158.42" in out
    assert "How it was computed" in out and "supplement.day_27" in out
    assert "85073003328" not in out  # masked
    assert "net total: 965.08 EUR" in out


def test_month_benchmark_runs() -> None:
    out = run("benchmarks/bench_month.py", "--repeat", "1", "--number", "5", "--baseline")
    assert "validate + compute_month" in out and "× Decimal" in out
    # the pinned release ran too, on the same month
    assert "1c33b4a µs" in out and "now/then" in out


def test_population_benchmark_runs_and_is_exact() -> None:
    out = run("benchmarks/bench_population.py", "--sizes", "2000", "--reps", "1", "--sample", "50")
    assert "bare/ours" in out
    # every output of the bare kernel and of compute_month agrees with compute_population
    assert "'rows_different': 0" in out
    bare = out.split("bare kernel vs ours")[1].splitlines()[0]
    assert all(part.strip().endswith("0") for part in bare.split("{")[1].rstrip("}").split(","))


def test_the_what_if_notebook_runs() -> None:
    # the notebook checks its own figures (nobody loses, every worker with standard units gains)
    notebook = nbformat.read(ROOT / "examples" / "what_if.ipynb", as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": ROOT}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2  # the two plots
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "0 lose" in printed and "net extra cost to all payers" in printed
