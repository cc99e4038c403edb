"""The docs' example test file runs, under pytest, and passes."""

import re
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parent.parent / "docs"


def test_the_actuarys_test_file_of_the_testing_page_passes(tmp_path: Path) -> None:
    page = (DOCS / "testing.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", page, re.DOTALL)[0]
    test_file = tmp_path / "test_actuary.py"
    test_file.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout


def test_the_rule_reference_is_generated_from_the_rules() -> None:
    script = Path(__file__).parent.parent / "scripts" / "rule_reference.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    reference = (DOCS / "rules.md").read_text(encoding="utf-8")
    # every rule, its module and its tests are there
    for rule in ("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"):
        assert f"## {rule}" in reference
    assert "`tests/rules/test_construction.py`" in reference
    assert "`supplement.free_units` (units)" in reference
