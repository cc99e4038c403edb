"""The docs' example test file runs, under pytest, and passes."""

import importlib
import importlib.util
import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path
from types import ModuleType

from chomage_rules import ParameterSet
from chomage_rules.explain.catalogue import LANGUAGES
from chomage_rules.parameters.facts import Facts
from chomage_rules.rules import RULEBOOK

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


def test_the_rule_references_are_generated_from_the_rules() -> None:
    # --check regenerates the English, French and Dutch pages and compares all three
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    reference = PAGES["en"]
    # every rule R0-R14, each under its own heading, with its module and its tests
    for rule in [f"R{n}" for n in range(15)]:
        assert re.search(rf"^## {rule}\b", reference, re.MULTILINE), rule
    assert "`tests/rules/test_construction.py`" in reference
    assert "`tests/rules/test_reason_limits.py`" in reference


def test_each_rule_quotes_its_passage_and_lists_its_sources() -> None:
    for name in RULEBOOK:
        module = importlib.import_module(f"chomage_rules.rules.{name}")
        section = _section(PAGES["en"], name)
        passage = (module.__doc__ or "").strip().split("\n\n", 1)
        if len(passage) > 1:
            assert passage[1].strip() in section, name
        for source in getattr(module, "SOURCES", ()):
            assert f"({source.url})" in section, (name, source.url)


def test_every_version_of_the_wage_ceiling_is_listed_with_its_confidence() -> None:
    section = _anchored(PAGES["en"], "wage.monthly_ceiling")
    versions = ParameterSet.default().parameter("wage.monthly_ceiling").versions
    assert len(versions) >= 9  # 2020, 2022 (four), 2023 (two), 2024, 2025, 2026
    for version in versions:
        until = "runs on" if version.valid_until is None else version.valid_until.isoformat()
        confidence = version.confidence + (", unverified" if version.unverified else "")
        row = f"| {version.valid_from.isoformat()} | {until} | {version.value} | {confidence} |"
        assert row in section, row
        for source in version.sources:
            assert source.title.split(":")[0] in section
            if source.date is not None:
                assert source.date.isoformat() in section
    # wage.toml: the ceiling of May 2024 is ONEM's (official); 2026's is derived and unverified
    assert "| 2024-05-01 | 2025-01-31 | 3365.16 | official |" in section
    assert "| 2026-03-01 | runs on | 3501.11 | derived, unverified |" in section


def test_a_figure_without_a_value_says_why() -> None:
    # rate.toml: the energy-crisis rate ended on 2023-03-31; the version after it has no value
    section = _anchored(PAGES["en"], "rate.energy_crisis")
    assert "| 2023-04-01 | runs on | *no value* | official, not in force |" in section
    # allowance.toml: no minimum daily amount is sourced from 2024 on (a missing figure)
    section = _anchored(PAGES["en"], "allowance.minimum_daily")
    assert "| 2024-01-01 | runs on | *no value* |" in section
    assert "missing |" in section


def test_rules_r10_to_r14_give_their_facts_steps_and_notices() -> None:
    facts = Facts.default()
    for name in ("control_card", "ec32_access", "registration", "application", "reason_limits"):
        module = importlib.import_module(f"chomage_rules.rules.{name}")
        section = _section(PAGES["en"], name)
        assert module.FACTS
        for fact in module.FACTS:
            assert f"[`{fact}`](#{fact})" in section
            assert f"{{#{fact}}}" in PAGES["en"]
            for version in facts.fact(fact).versions:
                assert f"**From {version.valid_from.isoformat()}** ({version.confidence}" in (
                    _anchored(PAGES["en"], fact)
                )
        for step in module.STEPS:
            assert f"#### Step `{step}`" in section
        for code in module.NOTICES:
            assert f"#### Notice `{code}` {{#notice-{code}}}" in section
    # R12: the offices' regions in the page's language
    assert "region: la Wallonie" in _anchored(PAGES["fr"], "registration.offices")
    assert "region: Wallonië" in _anchored(PAGES["nl"], "registration.offices")


def test_every_text_of_the_catalogue_is_on_the_page_of_its_language() -> None:
    for lang in LANGUAGES:
        raw = tomllib.loads((MESSAGES / f"{lang}.toml").read_text("utf-8"))
        page = PAGES[lang]
        for key, parts in raw["steps"].items():
            assert f"`{key}`" in page, (lang, key)
            assert _plain(parts["title"]) in page, (lang, key)
        for code, text in raw["notices"].items():
            assert f"`{code}`" in page, (lang, code)
            assert _plain(text).split("`")[0][:40] in page, (lang, code)


def test_french_and_dutch_pages_translate_their_words_and_write_dates_their_way() -> None:
    fr, nl = PAGES["fr"], PAGES["nl"]
    assert fr.startswith("# Les règles, une à une")
    assert nl.startswith("# De regels, een voor een")
    # the catalogue's step texts, in the page's language
    assert "titre: Rémunération mensuelle plafonnée" in fr
    assert "Monthly wage, capped" not in fr
    # wage.toml's ceiling of 1 May 2024, written the French and Dutch way (decimal comma)
    assert "| 01/05/2024 | 31/01/2025 | 3365,16 | officiel |" in fr
    assert "| 01/05/2024 | 31/01/2025 | 3365,16 | officieel |" in nl
    # the passages stay as quoted: the same R1 passage on the three pages
    passage = _section(PAGES["en"], "daily_wage").split("- Module")[0].split("\n", 3)[3]
    assert passage in fr and passage in nl


def test_each_step_message_is_listed_under_the_step_that_writes_it() -> None:
    # the script places each message under a declared step by its key (OTHER_STEPS for the few
    # written under another key); here the steps the rules really produce decide
    from tests.explain.test_catalogue import CORPUS  # noqa: PLC0415 - about 9 s to build

    reference = _script()
    sources = reference.read_sources()
    declared = list(sources.messages)
    for result in CORPUS:
        for step in result.steps:
            (owner,) = [d for d in declared if re.fullmatch(_pattern(d), step.id)]
            assert step.message in sources.messages[owner], (step.id, step.message)


def test_every_anchor_of_a_reference_page_is_unique() -> None:
    for lang, page in PAGES.items():
        anchors = re.findall(r"\{#([^}]+)\}", page)
        assert len(anchors) == len(set(anchors)), lang


SCRIPT = Path(__file__).parent.parent / "scripts" / "rule_reference.py"
MESSAGES = resources.files("chomage_rules.explain") / "messages"
PAGES = {
    "en": (DOCS / "rules.md").read_text(encoding="utf-8"),
    "fr": (DOCS / "fr" / "rules.md").read_text(encoding="utf-8"),
    "nl": (DOCS / "nl" / "rules.md").read_text(encoding="utf-8"),
}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rule_reference", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def _section(page: str, rule: str) -> str:
    """A rule's section: from its heading to the next rule's."""
    start = page.index(f"{{#rule-{rule}}}")
    end = page.find("\n## ", start)
    return page[start : None if end < 0 else end]


def _anchored(page: str, anchor: str) -> str:
    """A figure's or fact's section: from its heading to the next heading of its level or above."""
    start = page.index(f"{{#{anchor}}}")
    end = re.compile(r"\n#{2,3} ").search(page, start)
    return page[start : None if end is None else end.start()]


def _plain(template: str) -> str:
    """A catalogue template as the page shows it: each placeholder as a code span by name."""
    escaped = re.sub(r"([\\`*_\[\]>])", r"\\\1", re.sub(r"\s+", " ", template))
    return re.sub(r"\{(\w+)\\?:\w+\}", r"`{\1}`", escaped.replace("\\_", "_"))


def _pattern(declared: str) -> str:
    return re.escape(declared).replace("<group>", "[a-z_]+").replace("<reason>", "[a-z_]+")


def test_a_figures_unit_is_written_in_the_pages_language() -> None:
    # the unit is a word of the page (the file writes it in English), unlike a source's passage
    units = {"en": "EUR per month", "fr": "EUR par mois", "nl": "EUR per maand"}
    for lang, unit in units.items():
        section = _anchored(PAGES[lang], "wage.monthly_ceiling")
        assert f": {unit};" in section, lang
    assert "EUR per month" not in PAGES["fr"] + PAGES["nl"]


def test_a_description_and_a_caveat_are_written_in_the_pages_language() -> None:
    # the files give each description and caveat in English, French and Dutch; a note stays English
    parameters = ParameterSet.default()
    ceiling = parameters.parameter("wage.monthly_ceiling")
    fact = Facts.default().fact("registration.offices")
    for lang in LANGUAGES:
        section = _anchored(PAGES[lang], "wage.monthly_ceiling")
        assert ceiling.description_in(lang).replace("_", "\\_") in section, lang
        caveat = ceiling.versions[0].caveat_in(lang)
        assert caveat is not None and caveat.replace("_", "\\_") in section, lang
        assert fact.description_in(lang) in _anchored(PAGES[lang], "registration.offices"), lang
    assert "Le service régional de l'emploi auprès duquel" in PAGES["fr"]
    assert "De gewestelijke dienst voor arbeidsbemiddeling" in PAGES["nl"]
    assert ceiling.description not in PAGES["fr"] + PAGES["nl"]
    # the note (the team's commentary) is English on every page
    note = ceiling.versions[-1].note
    assert note is not None and note.replace("_", "\\_")[:60] in PAGES["fr"]
