"""What each rule module declares as data (its parameters, steps and notices) is what it does.

The rule reference (``docs/rules.md``) is generated from these declarations, so they are checked
here against what the rules really produce, over the corpus of generated cases the catalogue's
tests use.
"""

import importlib
import re
from pathlib import Path
from types import ModuleType

from chomage_rules import ParameterSet
from chomage_rules.rules import RULEBOOK
from tests.explain.test_catalogue import CORPUS

MODULES: dict[str, ModuleType] = {
    name: importlib.import_module(f"chomage_rules.rules.{name}") for name in RULEBOOK
}


def _pattern(declared: str) -> re.Pattern[str]:
    # <group> and <reason> stand for one word of a rate group or a reason
    return re.compile(
        re.escape(declared).replace("<group>", "[a-z_]+").replace("<reason>", "[a-z_]+") + "$"
    )


def _owners(step_id: str) -> list[str]:
    return [
        name
        for name, module in MODULES.items()
        if any(_pattern(declared).match(step_id) for declared in module.STEPS)
    ]


def test_every_module_of_the_rules_is_in_the_rulebook() -> None:
    folder = Path(str(MODULES["rate"].__file__)).parent
    files = {path.stem for path in folder.glob("*.py") if path.stem != "__init__"}
    assert files == set(RULEBOOK)


def test_every_step_comes_from_exactly_one_rule_that_declares_it() -> None:
    produced = {step.id for result in CORPUS for step in result.steps}
    for step_id in produced:
        assert len(_owners(step_id)) == 1, (step_id, _owners(step_id))
    # and every declared step is produced by some case
    for name, module in MODULES.items():
        for declared in module.STEPS:
            assert any(_pattern(declared).match(step_id) for step_id in produced), (name, declared)


def test_every_notice_is_declared_once_and_given() -> None:
    declared = [code for module in MODULES.values() for code in module.NOTICES]
    assert len(declared) == len(set(declared))
    given = {notice.code for result in CORPUS for notice in result.notices}
    assert given == set(declared)


def test_the_parameters_a_step_reads_are_declared_by_its_rule() -> None:
    shipped = set(ParameterSet.default().names())
    for module in MODULES.values():
        assert set(module.PARAMETERS) <= shipped
    for result in CORPUS:
        for step in result.steps:
            (owner,) = _owners(step.id)
            read = {use.name for use in step.parameters}
            assert read <= set(MODULES[owner].PARAMETERS), (step.id, read)


def test_every_shipped_parameter_is_read_by_a_rule() -> None:
    declared = {name for module in MODULES.values() for name in module.PARAMETERS}
    assert set(ParameterSet.default().names()) == declared
