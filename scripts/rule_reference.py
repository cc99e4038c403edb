"""Write ``docs/rules.md``, the rule reference, from the rule modules and the parameter files.

    .venv/bin/python scripts/rule_reference.py            # rewrite docs/rules.md
    .venv/bin/python scripts/rule_reference.py --check    # exit 1 if it is not current

Each rule module declares what it implements and reads (``RULE``, ``SOURCES``, ``PARAMETERS``,
``STEPS``, ``NOTICES``), so the reference is made from the code and cannot drift from it;
``tests/test_docs.py`` runs the check.
"""

from __future__ import annotations

import importlib
import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from chomage_rules import ParameterSet
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import RULEBOOK

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"
MESSAGES = ROOT / "src" / "chomage_rules" / "explain" / "messages"

HEADER = """# The rulebook, rule by rule

Generated from `src/chomage_rules/rules/` by `scripts/rule_reference.py`; do not edit by hand
(`make test` checks that it is current).

Each rule is one module: the passage of the source it implements, quoted with its address; the
dated figures it reads (every version, with its sources, is in `src/chomage_rules/parameters/`,
one family per file, and listed in `docs/parameters.md`); its computation over exact integers;
and the steps and notices it explains itself with, whose texts are in
`src/chomage_rules/explain/messages/` in English, French and Dutch. Its tests are in
`tests/rules/`, one file per module.
"""


def _title(module: ModuleType) -> str:
    doc = (module.__doc__ or "").strip()
    title = " ".join(doc.split("\n\n")[0].split())
    return title if title.startswith(module.RULE) else f"{module.RULE}: {title}"


def _passage(module: ModuleType) -> list[str]:
    """The module's docstring after its title: the source passage and the readings."""
    body = (module.__doc__ or "").strip().split("\n\n", 1)
    return [body[1].rstrip(), ""] if len(body) > 1 else []


def _parameters(module: ModuleType, parameters: ParameterSet) -> list[str]:
    lines = []
    for name in module.PARAMETERS:
        parameter = parameters.parameter(name)
        versions = ", ".join(
            f"{'no figure' if v.value is None else v.value} from {v.valid_from.isoformat()}"
            for v in parameter.versions
        )
        indexed = "; follows the index" if parameter.indexed else ""
        lines.append(
            f"  - `{name}` ({parameter.unit}{indexed}): {parameter.description} "
            f"Versions: {versions}."
        )
    return lines or ["  - none: the rule has no dated figure"]


def _facts(module: ModuleType) -> list[str]:
    """The dated facts a process rule reads (``parameters/facts/``), with every version."""
    names = getattr(module, "FACTS", ())
    if not names:
        return []
    facts = Facts.default()
    lines = ["- Facts:"]
    for name in names:
        fact = facts.fact(name)
        versions = "; ".join(
            f"{_fact_value(v.value)} from {v.valid_from.isoformat()} ({v.confidence})"
            for v in fact.versions
        )
        lines.append(f"  - `{name}`: {fact.description} Versions: {versions}.")
    return lines


def _fact_value(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    if isinstance(value, Mapping):
        return ", ".join(f"{key}: {_fact_value(item)}" for key, item in value.items())
    return str(value)


def section(name: str, parameters: ParameterSet) -> list[str]:
    module = importlib.import_module(f"chomage_rules.rules.{name}")
    notices = _notice_texts()
    lines = [
        f"## {_title(module)}",
        "",
        *_passage(module),
        f"- Module: `src/chomage_rules/rules/{name}.py`; tests: `tests/rules/test_{name}.py`",
        "- Sources:",
        *[f"  - [{s.title}]({s.url})" for s in getattr(module, "SOURCES", ())],
        "- Parameters:",
        *_parameters(module, parameters),
        *_facts(module),
        "- Steps: " + (", ".join(f"`{step}`" for step in module.STEPS) or "none"),
        "- Notices:",
        *[f"  - `{code}`: {notices[code]}" for code in module.NOTICES],
    ]
    if not module.NOTICES:
        lines[-1] = "- Notices: none"
    return [*lines, ""]


def _notice_texts() -> dict[str, str]:
    """Each notice's English template, its placeholders shown by name: ``{units}``."""
    raw = tomllib.loads((MESSAGES / "en.toml").read_text(encoding="utf-8"))
    return {code: re.sub(r"\{(\w+):\w+\}", r"{\1}", text) for code, text in raw["notices"].items()}


def reference() -> str:
    parameters = ParameterSet.default()
    lines = [HEADER]
    for name in RULEBOOK:
        lines += section(name, parameters)
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    text = reference()
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is not current: run scripts/rule_reference.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
