"""Summary of a mutmut run (`make mutation`, docs/mutation.md).

Reads the counts that ``mutmut export-cicd-stats`` wrote and the list of mutants that were not
killed (``mutmut results``, on stdin), sets apart the survivors that docs/mutation.md lists as
equivalent (each with its reason), prints the score and fails below 90 %.

    mutmut export-cicd-stats && mutmut results | python scripts/mutation_summary.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

STATS = Path("mutants/mutmut-cicd-stats.json")
DOC = Path("docs/mutation.md")
AIM = 0.90
_NAME = re.compile(r"`(chomage_rules\.[\w.]+__mutmut_\d+)`")


def main() -> int:
    stats = json.loads(STATS.read_text(encoding="utf-8"))
    not_killed = {}
    for line in sys.stdin:
        name, _, status = line.strip().rpartition(": ")
        if name:
            not_killed[name] = status
    documented = set(_NAME.findall(DOC.read_text(encoding="utf-8")))
    equivalent = sorted(n for n in not_killed if n in documented and not_killed[n] == "survived")
    unexplained = sorted(n for n in not_killed if n not in equivalent)
    stale = sorted(documented - set(not_killed))

    total, killed = stats["total"], stats["killed"]
    counted = total - len(equivalent)
    score = killed / counted if counted else 1.0
    print()
    print("mutation testing of src/chomage_rules/rules/ and money.py")
    for key in ("total", "killed", "survived", "timeout", "no_tests", "suspicious", "skipped"):
        print(f"  {key:<11} {stats.get(key, 0):>5}")
    print(f"  equivalent  {len(equivalent):>5}  (survivors listed in {DOC}, with why)")
    print(
        f"  score       {killed} / {counted} = {score:.1%}  (equivalent ones left out; aim {AIM:.0%})"
    )
    if unexplained:
        print("\nnot killed and not listed as equivalent (add a test, or list it with its reason):")
        for name in unexplained:
            print(f"  {name}: {not_killed[name]}")
    if stale:
        print(f"\nlisted as equivalent in {DOC} but not a survivor of this run (source changed?):")
        for name in stale:
            print(f"  {name}")
    return 0 if score >= AIM else 1


if __name__ == "__main__":
    sys.exit(main())
