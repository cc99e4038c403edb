"""The runnable examples and the benchmark script run and print what they promise."""

import subprocess
import sys
import tomllib
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
    # November 2026: 10 economic days of 7.60 h = 76.00 h; 76 × 6 / 38 = 12 units;
    # min(3,800.00, ceiling 3,501.11) / 26 × 60 % = 80.7948… → 80.79; 12 × 80.79 = 969.48
    assert "Allowance (gross)                  969.48" in out
    # supplement 12 × 5.20 = 62.40; withholding 969.48 × 26.75 % = 259.3359 → 259.34 and
    # 62.40 × 26.75 % = 16.692 → 16.69; net 969.48 + 62.40 − 259.34 − 16.69 = 755.85
    assert "net total: 755.85 EUR" in out
    assert (
        "wage.monthly_ceiling = 3501.11: derived, unverified, may be stale since 2026-10-01" in out
    )
    # the notices of a cross-border worker living in France whose spell passes three months
    assert "Country of residence FR" in out and "register as a job seeker by 2026-11-11" in out
    assert "obtenir une clé numérique" in out  # ec32_access, in French
    assert "85073003328" not in out  # masked


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
    # the two plots of the comparison, and the allowance curves under each set
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 3
    # the comparison shown as a table (its _repr_html_), cost by payer first
    shown = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    (table,) = [text for text in shown if 'class="chomage-rules-comparison"' in text]
    assert table.index("Cost by payer (EUR)") < table.index("Workers")
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "0 lose" in printed and "extra gross cost, all payers together" in printed
    # the gross change is not called a net cost: the workers receive it less the tax withheld
    assert "net extra cost" not in printed and "extra net received by the workers" in printed


def test_make_notebook_installs_its_extra_and_opens_the_examples() -> None:
    # -n: what it would run, without running it (JupyterLab is not installed by make test);
    # --no-print-directory: under `make test` this make is a sub-make, which would otherwise
    # print "Entering directory" lines around what it runs
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "notebook"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "pip install -q -e '.[notebook,population]'" in done.stdout
    assert done.stdout.rstrip().endswith(".venv/bin/jupyter lab examples/")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = extras["optional-dependencies"]
    assert [p for p in extras["notebook"] if p.startswith("jupyterlab==")]
    assert not [p for p in extras["dev"] if p.startswith("jupyterlab")]  # heavy: not in dev
