"""Descriptions and caveats of the figures and facts in English, French and Dutch (the files give
all three; the fingerprint and the figures are untouched by the translations)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from chomage_rules import ParameterFileError, ParameterSet
from chomage_rules.core.vocabulary import Language
from chomage_rules.parameters import Parameter
from chomage_rules.parameters.facts import Fact, Facts, read_facts_file
from chomage_rules.parameters.schema import read_file
from tests.test_parameter_files import GOOD

# the schema tests' good file, its first version with a caveat in the three languages
FIGURE = GOOD.replace(
    'confidence = "official"\n',
    'confidence = "official"\ncaveat = "a doubt"\ncaveat_fr = "un doute"\ncaveat_nl = "een twijfel"\n',
    1,
)
FACT = (
    FIGURE.replace('unit = "EUR per day"\nkind = "amount"', 'kind = "count"')
    .replace("value = 1.00", "value = 3")
    .replace("value = 2.00", "value = 4")
)

LANGS: tuple[Language, ...] = ("en", "fr", "nl")

# the default set's fingerprint on main before the translations were added (commit 03bf205): the
# translations must leave it as it was; it changes only when a figure, a date or a grade changes
MAIN_FINGERPRINT = "b72bcc2b74fd5e5e"


def _figure_set(tmp_path: Path, text: str = FIGURE) -> ParameterSet:
    (tmp_path / "test.toml").write_text(text, encoding="utf-8")
    return ParameterSet.from_directory(tmp_path)


def test_a_figure_is_described_and_its_caveat_told_in_each_language(tmp_path: Path) -> None:
    figure = _figure_set(tmp_path).parameter("test.figure")
    assert [figure.description_in(lang) for lang in LANGS] == [
        "a figure",
        "un montant",
        "een bedrag",
    ]
    assert [figure.versions[0].caveat_in(lang) for lang in LANGS] == [
        "a doubt",
        "un doute",
        "een twijfel",
    ]
    # the English attributes keep their meaning
    assert (figure.description, figure.versions[0].caveat) == ("a figure", "a doubt")


def test_a_fact_is_described_and_its_caveat_told_in_each_language() -> None:
    entry = read_facts_file("demo.toml", FACT)["test.figure"]
    assert (entry.description_nl, entry.versions[0].caveat_fr) == ("een bedrag", "un doute")
    fact = Facts.default().fact("registration.offices")
    assert fact.description_in("en") == fact.description
    assert fact.description_in("fr").startswith("Le service régional de l'emploi")
    assert fact.description_in("nl").startswith("De gewestelijke dienst voor arbeidsbemiddeling")
    caveat = fact.versions[0]
    assert (
        caveat.caveat_in("fr")
        == "aucune source ne dit où s'inscrit un travailleur qui habite hors de Belgique"
    )


def test_a_version_without_a_caveat_has_none_in_any_language(tmp_path: Path) -> None:
    text = "\n".join(line for line in FIGURE.splitlines() if not line.startswith("caveat"))
    version = _figure_set(tmp_path, text + "\n").parameter("test.figure").versions[0]
    assert [version.caveat_in(lang) for lang in LANGS] == [None, None, None]


def test_a_figure_built_by_hand_falls_back_to_english() -> None:
    shipped = ParameterSet.default().parameter("wage.monthly_ceiling")
    by_hand = dataclasses.replace(shipped, description_fr=None, description_nl=None)
    assert by_hand.description_in("nl") == shipped.description
    version = dataclasses.replace(shipped.last, caveat_fr=None, caveat_nl=None)
    assert version.caveat_in("fr") == shipped.last.caveat


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            ('caveat = "a doubt"\n', ""),
            "version 1 (from 2024-01-01): 'caveat_fr' and 'caveat_nl' translates 'caveat'",
        ),
        (('caveat_fr = "un doute"', 'caveat_fr = ""'), "caveat_fr: String should have at least"),
        (('caveat_nl = "een twijfel"', 'caveat_de = "ein Zweifel"'), "unknown key 'caveat_de'"),
    ],
)
def test_a_translation_without_its_english_or_empty_or_misnamed_is_refused(
    change: tuple[str, str], words: str
) -> None:
    assert change[0] in FIGURE
    for read in (read_file, read_facts_file):
        text = (FIGURE if read is read_file else FACT).replace(*change)
        with pytest.raises(ParameterFileError) as raised:
            read("test.toml", text)
        assert "test.toml: test.figure" in str(raised.value)
        assert words in str(raised.value)


def test_every_shipped_text_is_translated() -> None:
    parameters, facts = ParameterSet.default(), Facts.default()
    described: list[Parameter | Fact] = [parameters.parameter(name) for name in parameters.names()]
    described += [facts.fact(name) for name in facts.names()]
    for item in described:
        texts = [item.description_in(lang) for lang in LANGS]
        assert len(set(texts)) == len(LANGS), item.name
        for version in item.versions:
            caveats = [version.caveat_in(lang) for lang in LANGS]
            assert caveats[0] is None or len(set(caveats)) == len(LANGS), item.name


def test_the_translations_leave_the_fingerprint_and_the_figures_as_they_were() -> None:
    shipped = ParameterSet.default()
    assert shipped.fingerprint() == MAIN_FINGERPRINT
    untranslated = {
        name: dataclasses.replace(
            shipped.parameter(name),
            description_fr=None,
            description_nl=None,
            versions=tuple(
                dataclasses.replace(version, caveat_fr=None, caveat_nl=None)
                for version in shipped.parameter(name).versions
            ),
        )
        for name in shipped.names()
    }
    assert ParameterSet(untranslated).fingerprint() == shipped.fingerprint()
    assert shipped.value("wage.monthly_ceiling", date(2024, 6, 1)) == Decimal("3365.16")


@pytest.mark.parametrize(
    "removed",
    [
        'description_fr = "un montant"\n',
        'description_nl = "een bedrag"\n',
        'caveat_fr = "un doute"\n',
    ],
)
def test_a_callers_file_without_a_translation_reads_and_tells_the_english(
    tmp_path: Path, removed: str
) -> None:
    # a caller's own parameter folder written before the translations existed still loads: the
    # missing text is told in English (the shipped files give all three, checked above)
    assert removed in FIGURE
    parameter = _figure_set(tmp_path, FIGURE.replace(removed, "")).parameter("test.figure")
    key = removed.split(" = ", maxsplit=1)[0]
    lang: Language = "fr" if key.endswith("_fr") else "nl"
    if key.startswith("description"):
        assert parameter.description_in(lang) == parameter.description_in("en") == "a figure"
    else:
        assert parameter.versions[0].caveat_in("fr") == "a doubt"
        assert parameter.versions[0].caveat_in("nl") == "een twijfel"
