"""The installed console script and ``python -m chomage_rules``, run as a user runs them; and
``import chomage_rules`` does not load the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig

from chomage_rules.cli.case_file import EXAMPLE


def test_the_console_script_is_installed() -> None:
    script = shutil.which("chomage-rules", path=sysconfig.get_path("scripts"))
    assert script, "no chomage-rules script beside python: pip install -e . (make test does)"
    done = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: chomage-rules")


def test_python_dash_m_writes_the_example() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chomage_rules", "example"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EXAMPLE


def test_a_bad_file_exits_2_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chomage_rules", "compute", "missing-case.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "chomage-rules compute: missing-case.json: no such file\n"


def test_importing_the_library_leaves_the_command_line_out() -> None:
    code = (
        "import sys, chomage_rules; "
        "print(sorted(m for m in sys.modules if m == 'argparse' or m.startswith('chomage_rules.cli')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
