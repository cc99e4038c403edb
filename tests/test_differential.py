"""This tree computes what the pinned release computed (benchmarks/differential.py, a sample).

The whole check (200,000 cases) is ``benchmarks/differential.py``; here a smaller sample of the same
generator, with its populations, so that ``make test`` catches any moved cent, unit, status,
counter or step id.
"""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "differential.py"


def test_same_outcomes_as_the_pinned_release() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cases", "4000", "--seed", "7", "--population"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # 4,000 cases compared, none differing, and the populations too
    assert "4,000 cases" in done.stdout
    assert ", 0 differing;" in done.stdout
    assert "rows, 0 differing" in done.stdout  # changes by design are counted apart
