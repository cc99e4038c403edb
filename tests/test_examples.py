"""The runnable examples and the benchmark script run and print what they promise."""

import subprocess
import sys
from pathlib import Path

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
    out = run("benchmarks/bench_month.py", "--repeat", "1", "--number", "5")
    assert "compute_month" in out and "× reference" in out
