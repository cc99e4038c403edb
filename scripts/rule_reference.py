"""Write the rule reference, ``docs/rules.md`` and its French and Dutch pages, from the code.

    .venv/bin/python scripts/rule_reference.py            # rewrite the three pages
    .venv/bin/python scripts/rule_reference.py --check    # exit 1 if one is not current

Each rule module declares what it implements and reads (``RULE``, ``SOURCES``, ``PARAMETERS``,
``FACTS``, ``STEPS``, ``NOTICES``); the figures and facts are read through the library's own API
(``ParameterSet.default()``, ``Facts.default()``), every version with its confidence, sources and
caveats; the texts of the steps and notices come from the message catalogue in the page's
language. So the reference is made from the code and the data, and cannot drift from them;
``tests/test_docs.py`` runs the check.

A page in French or Dutch translates the page's own words (``WORDS``), takes the texts of the
explanation from the catalogue in that language and the descriptions and caveats of the figures
and facts from their files' French or Dutch (``description_fr``, ``caveat_nl`` ...); the quoted
passages, the modules' texts and the notes (the team's commentary, English only) stay as written.
"""

from __future__ import annotations

import importlib
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from chomage_rules import Parameter, ParameterSet, ParameterVersion, Source
from chomage_rules.explain.catalogue import Catalogue, Language, catalogue
from chomage_rules.parameters.facts import Fact, Facts, FactVersion
from chomage_rules.rules import RULEBOOK

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TARGETS: dict[Language, Path] = {
    "en": DOCS / "rules.md",
    "fr": DOCS / "fr" / "rules.md",
    "nl": DOCS / "nl" / "rules.md",
}
MESSAGES = ROOT / "src" / "chomage_rules" / "explain" / "messages"
RULES = ROOT / "src" / "chomage_rules" / "rules"

# --------------------------------------------------------------------------- the page's words

WORDS: dict[Language, dict[str, str]] = {
    "en": {
        "title": "The rulebook, rule by rule",
        "generated": (
            "Generated from `src/chomage_rules/rules/`, the parameter files and the message "
            "catalogue by `scripts/rule_reference.py`; do not edit by hand (`make test` checks "
            "that it is current)."
        ),
        "intro": (
            "Each rule is one module: the passage of the source it implements, quoted with its "
            "address; the dated figures and facts it reads, with **every version** (the day it "
            "applies from, its value, how sure it is, its sources with their dates, its notes and "
            "caveats); its computation over exact integers; and the steps and notices it explains "
            "itself with, whose texts are shown here as the catalogue writes them, a placeholder "
            "such as `{wage}` standing for the value the rule computed. Its tests are in "
            "`tests/rules/`, one file per module."
        ),
        "languages": "This page in French: [Les règles](fr/rules.md); in Dutch: [De regels](nl/rules.md).",
        "find_title": "From a figure of an explanation to its rule and sources",
        "find": (
            "Every step of an explanation lists the figures it read, by name: "
            "`{example}`. That name is an anchor of "
            "this page: `rules.md#supplement.amount` ([`supplement.amount`](#supplement.amount)) "
            "is the figure's section, under the rule that reads it, with the passage that rule "
            "quotes and every version of the figure. The tables below list every figure and fact "
            "by name; a step's id (`supplement.amount`, `wage.ceiling`) and a notice's code are "
            "anchors too, prefixed `step-` and `notice-` (`#step-wage.ceiling`)."
        ),
        "confidence_words": (
            "Confidence: *official* (ONEM/RVA or a regulation gives the figure), *secondary* (a "
            "union, a payroll provider, the press), *derived* (computed from sourced figures; "
            "the derivation is in the note), *unverified* (a derived figure no source confirms), "
            "*not in force* (no such figure applies in the period), *missing* (a figure applies "
            "but no source gives it)."
        ),
        "figures": "Figures",
        "facts": "Facts",
        "explanations": "Steps and notices",
        "name": "Name",
        "rule": "Rule",
        "unit": "Unit",
        "kind": "Kind",
        "versions": "Versions",
        "latest": "Latest version",
        "passage": "Source passage",
        "module": "Module",
        "tests": "tests",
        "sources": "Sources",
        "reads_figures": "Figures it reads",
        "reads_facts": "Facts it reads",
        "none": "none",
        "no_figure": "none: the rule reads no dated figure",
        "step": "Step",
        "notice": "Notice",
        "steps_none": "The rule explains itself with no step of its own.",
        "notices_none": "The rule gives no notice.",
        "from": "From",
        "until": "Until",
        "value": "Value",
        "confidence": "Confidence",
        "runs_on": "runs on",
        "indexed": "follows the indexations of the series",
        "note": "Note",
        "caveat": "Caveat",
        "undated": "undated",
        "not_in_force": "not in force",
        "missing": "missing",
        "unverified": "unverified",
        "see": "every version under",
        "read_by": "read by",
        "title_part": "title",
        "formula_part": "formula",
        "result_part": "result",
        "message": "message",
        "kind.date": "date",
        "kind.count": "count",
        "kind.text": "text",
        "kind.codes": "codes",
        "kind.table": "table",
    },
    "fr": {
        "title": "Les règles, une à une",
        "generated": (
            "Page produite à partir de `src/chomage_rules/rules/`, des fichiers de paramètres et "
            "du catalogue des messages par `scripts/rule_reference.py` ; ne pas la modifier à la "
            "main (`make test` vérifie qu'elle est à jour)."
        ),
        "intro": (
            "Chaque règle est un module : le passage de la source qu'elle met en œuvre, cité avec "
            "son adresse ; les montants et les faits datés qu'elle lit, avec **toutes leurs "
            "versions** (la date d'effet, la valeur, le degré de certitude, les sources et leurs "
            "dates, les notes et réserves) ; son calcul en nombres entiers exacts ; et les étapes "
            "et avis par lesquels elle s'explique, dont les textes sont repris ici du catalogue "
            "français, un repère comme `{wage}` tenant la place de la valeur calculée ; les "
            "descriptions et réserves des montants et des faits sont celles, en français, de leurs "
            "fichiers. Les passages cités et les notes (le commentaire de l'équipe) sont "
            "reproduits tels qu'ils sont écrits (en anglais autour des citations). Les tests sont "
            "dans "
            "`tests/rules/`, un fichier par module."
        ),
        "languages": "Cette page en anglais : [The rulebook](../rules.md) ; en néerlandais : [De regels](../nl/rules.md).",
        "find_title": "D'un montant d'une explication à sa règle et à ses sources",
        "find": (
            "Chaque étape d'une explication nomme les paramètres qu'elle a lus : "
            "`{example}`. Ce nom est une "
            "ancre de cette page : `fr/rules.md#supplement.amount` "
            "([`supplement.amount`](#supplement.amount)) mène à la section du paramètre, sous la "
            "règle qui le lit, avec le passage cité et toutes ses versions. Les tableaux "
            "ci-dessous listent chaque paramètre et chaque fait par nom ; l'identifiant d'une "
            "étape et le code d'un avis sont aussi des ancres, préfixées `step-` et `notice-` "
            "(`#step-wage.ceiling`)."
        ),
        "confidence_words": (
            "Certitude : *officielle* (l'ONEM ou un texte réglementaire donne le montant), "
            "*secondaire* (un syndicat, un secrétariat social, la presse), *dérivée* (calculée à "
            "partir de montants sourcés ; la note donne le calcul), *non vérifiée* (un montant "
            "dérivé qu'aucune source ne confirme), *pas en vigueur* (aucun montant de ce type ne "
            "s'applique sur la période), *manquante* (un montant s'applique mais aucune source ne "
            "le donne)."
        ),
        "figures": "Paramètres",
        "facts": "Faits",
        "explanations": "Étapes et avis",
        "name": "Nom",
        "rule": "Règle",
        "unit": "Unité",
        "kind": "Nature",
        "versions": "Versions",
        "latest": "Dernière version",
        "passage": "Passage de la source",
        "module": "Module",
        "tests": "tests",
        "sources": "Sources",
        "reads_figures": "Paramètres lus",
        "reads_facts": "Faits lus",
        "none": "aucun",
        "no_figure": "aucun : la règle ne lit aucun paramètre daté",
        "step": "Étape",
        "notice": "Avis",
        "steps_none": "La règle ne s'explique par aucune étape qui lui soit propre.",
        "notices_none": "La règle ne donne aucun avis.",
        "from": "À partir du",
        "until": "Jusqu'au",
        "value": "Valeur",
        "confidence": "Certitude",
        "runs_on": "sans fin",
        "indexed": "suit les indexations de la série",
        "note": "Note",
        "caveat": "Réserve",
        "undated": "sans date",
        "not_in_force": "pas en vigueur",
        "missing": "manquante",
        "unverified": "non vérifiée",
        "see": "toutes les versions sous",
        "read_by": "lu par",
        "title_part": "titre",
        "formula_part": "formule",
        "result_part": "résultat",
        "message": "message",
        "kind.date": "date",
        "kind.count": "nombre",
        "kind.text": "texte",
        "kind.codes": "codes",
        "kind.table": "table",
    },
    "nl": {
        "title": "De regels, een voor een",
        "generated": (
            "Gemaakt uit `src/chomage_rules/rules/`, de parameterbestanden en de berichtencatalogus "
            "door `scripts/rule_reference.py`; niet met de hand wijzigen (`make test` controleert "
            "dat ze bijgewerkt is)."
        ),
        "intro": (
            "Elke regel is één module: de passage van de bron die ze uitvoert, geciteerd met haar "
            "adres; de gedateerde bedragen en feiten die ze leest, met **alle versies** (de "
            "ingangsdatum, de waarde, hoe zeker ze is, de bronnen met hun datum, de notities en "
            "voorbehouden); haar berekening in exacte gehele getallen; en de stappen en "
            "meldingen waarmee ze zich verklaart, waarvan de teksten hier uit de Nederlandse "
            "catalogus komen, met een plaatshouder zoals `{wage}` voor de berekende waarde; de "
            "beschrijvingen en voorbehouden van de bedragen en feiten zijn de Nederlandse van hun "
            "bestanden. De geciteerde passages en de notities (het commentaar van het team) staan "
            "er zoals ze geschreven zijn (in het Engels rond de citaten). De tests staan in "
            "`tests/rules/`, één bestand per module."
        ),
        "languages": "Deze pagina in het Engels: [The rulebook](../rules.md); in het Frans: [Les règles](../fr/rules.md).",
        "find_title": "Van een bedrag in een verklaring naar zijn regel en bronnen",
        "find": (
            "Elke stap van een verklaring noemt de parameters die hij las: "
            "`{example}`. Die naam is een anker "
            "van deze pagina: `nl/rules.md#supplement.amount` "
            "([`supplement.amount`](#supplement.amount)) leidt naar de sectie van de parameter, "
            "onder de regel die hem leest, met de geciteerde passage en alle versies. De tabellen "
            "hieronder geven elke parameter en elk feit op naam; de id van een stap en de code "
            "van een melding zijn ook ankers, met `step-` en `notice-` ervoor "
            "(`#step-wage.ceiling`)."
        ),
        "confidence_words": (
            "Zekerheid: *officieel* (de RVA of een regelgevende tekst geeft het bedrag), "
            "*secundair* (een vakbond, een sociaal secretariaat, de pers), *afgeleid* (berekend "
            "uit bedragen met een bron; de notitie geeft de berekening), *niet geverifieerd* (een "
            "afgeleid bedrag dat geen bron bevestigt), *niet van kracht* (geen zulk bedrag geldt "
            "in die periode), *ontbrekend* (een bedrag geldt, maar geen bron geeft het)."
        ),
        "figures": "Parameters",
        "facts": "Feiten",
        "explanations": "Stappen en meldingen",
        "name": "Naam",
        "rule": "Regel",
        "unit": "Eenheid",
        "kind": "Soort",
        "versions": "Versies",
        "latest": "Laatste versie",
        "passage": "Passage van de bron",
        "module": "Module",
        "tests": "tests",
        "sources": "Bronnen",
        "reads_figures": "Gelezen parameters",
        "reads_facts": "Gelezen feiten",
        "none": "geen",
        "no_figure": "geen: de regel leest geen gedateerde parameter",
        "step": "Stap",
        "notice": "Melding",
        "steps_none": "De regel verklaart zich met geen eigen stap.",
        "notices_none": "De regel geeft geen melding.",
        "from": "Vanaf",
        "until": "Tot en met",
        "value": "Waarde",
        "confidence": "Zekerheid",
        "runs_on": "zonder einde",
        "indexed": "volgt de indexeringen van de reeks",
        "note": "Notitie",
        "caveat": "Voorbehoud",
        "undated": "zonder datum",
        "not_in_force": "niet van kracht",
        "missing": "ontbrekend",
        "unverified": "niet geverifieerd",
        "see": "alle versies onder",
        "read_by": "gelezen door",
        "title_part": "titel",
        "formula_part": "formule",
        "result_part": "resultaat",
        "message": "bericht",
        "kind.date": "datum",
        "kind.count": "aantal",
        "kind.text": "tekst",
        "kind.codes": "codes",
        "kind.table": "tabel",
    },
}

# A figure's unit in French and Dutch: a word of the page, not of a source (a unit missing here
# fails the generation, so a new one is translated before the pages are written).
UNITS: dict[Language, dict[str, str]] = {
    "fr": {
        "EUR per day": "EUR par jour",
        "EUR per month": "EUR par mois",
        "EUR per unit": "EUR par allocation",
        "days per month": "jours par mois",
        "share of the capped daily wage": "part de la rémunération journalière plafonnée",
        "share of the gross allowance": "part de l'allocation brute",
        "share of the gross amount": "part du montant brut",
        "units per service year": "allocations par année de service",
        "units": "allocations",
    },
    "nl": {
        "EUR per day": "EUR per dag",
        "EUR per month": "EUR per maand",
        "EUR per unit": "EUR per uitkering",
        "days per month": "dagen per maand",
        "share of the capped daily wage": "deel van het begrensde dagloon",
        "share of the gross allowance": "deel van de bruto-uitkering",
        "share of the gross amount": "deel van het brutobedrag",
        "units per service year": "uitkeringen per dienstjaar",
        "units": "uitkeringen",
    },
}

# A rule's heading in French and Dutch (its module's first line, quoted below it, is English).
RULE_NAMES: dict[Language, dict[str, str]] = {
    "fr": {
        "daily_wage": "Rémunération journalière plafonnée",
        "rate": "Taux selon le motif, et montant journalier",
        "minimum": "Montant journalier minimum",
        "units": "Allocations du mois (unités)",
        "allowance": "L'allocation : unités × montant journalier",
        "supplement": "Supplément à charge de l'employeur",
        "energy_supplement": "Supplément du régime énergie (2022-2023)",
        "construction": "Construction (CP 124) : complément et crédit de 60 unités",
        "withholding": "Précompte professionnel",
        "payment_status": "Statut et date du paiement",
        "control_card": "Carte de contrôle",
        "ec32_access": "Accès à la carte de contrôle électronique (eC3.2)",
        "registration": "Inscription comme demandeur d'emploi",
        "application": "Nouvelle demande d'allocations",
        "reason_limits": "Limites selon le motif",
        "counters": "Compteurs laissés par le mois",
        "dated_figures": "Paramètres datés et leur certitude",
    },
    "nl": {
        "daily_wage": "Begrensd dagloon",
        "rate": "Percentage volgens de reden, en dagbedrag",
        "minimum": "Minimaal dagbedrag",
        "units": "Uitkeringen van de maand (eenheden)",
        "allowance": "De uitkering: eenheden × dagbedrag",
        "supplement": "Toeslag ten laste van de werkgever",
        "energy_supplement": "Toeslag van het energiestelsel (2022-2023)",
        "construction": "Bouw (PC 124): aanvulling en krediet van 60 eenheden",
        "withholding": "Bedrijfsvoorheffing",
        "payment_status": "Status en datum van de betaling",
        "control_card": "Controlekaart",
        "ec32_access": "Toegang tot de elektronische controlekaart (eC3.2)",
        "registration": "Inschrijving als werkzoekende",
        "application": "Nieuwe aanvraag om uitkeringen",
        "reason_limits": "Grenzen volgens de reden",
        "counters": "Tellers die de maand achterlaat",
        "dated_figures": "Gedateerde parameters en hun zekerheid",
    },
}

# --------------------------------------------------------------------------- what is read


# A step writes its texts under its own id or a key that starts with it (``wage.ceiling`` writes
# ``wage.ceiling.monthly.capped``); these messages are written by steps of other ids, named here.
# tests/test_docs.py checks every pair against the steps the rules really produce.
OTHER_STEPS: dict[str, tuple[str, ...]] = {
    "rate.none": ("rate.by_reason",),
    "units.none": ("units.quarter_round",),
    "units.quarter_round": ("units.quarter_round.<reason>",),
    "supplement.not_in_force": ("supplement.in_force",),
    "supplement.free_units": ("supplement.day_27",),
    "withholding.payer": ("withholding.employer", "withholding.sector_fund"),
}


@dataclass(frozen=True)
class Rule:
    """One rule module and what it declares."""

    name: str
    module: ModuleType

    @property
    def code(self) -> str:
        return str(self.module.RULE)

    @property
    def anchor(self) -> str:
        return f"rule-{self.name}"

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(self.module.PARAMETERS)

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(getattr(self.module, "FACTS", ()))

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(self.module.STEPS)


@dataclass
class Sources:
    """Everything the pages are made from, read once for the three."""

    parameters: ParameterSet
    facts: Facts
    rules: list[Rule]
    templates: dict[Language, dict[str, Any]] = field(default_factory=dict)
    messages: dict[str, list[str]] = field(default_factory=dict)
    """The keys of the step texts each declared step writes, in the catalogue's order."""


def read_sources() -> Sources:
    templates = {lang: _raw_catalogue(lang) for lang in TARGETS}
    rules = [
        Rule(name, importlib.import_module(f"chomage_rules.rules.{name}")) for name in RULEBOOK
    ]
    declared = [step for rule in rules for step in rule.steps]
    messages: dict[str, list[str]] = {step: [] for step in declared}
    for key, steps in message_steps(declared, templates["en"]["steps"]).items():
        for step in steps:
            messages[step].append(key)
    return Sources(ParameterSet.default(), Facts.default(), rules, templates, messages)


def _raw_catalogue(lang: Language) -> dict[str, Any]:
    """The catalogue's templates as its file writes them (the library keeps them compiled)."""
    return tomllib.loads((MESSAGES / f"{lang}.toml").read_text(encoding="utf-8"))


def message_steps(declared: Iterable[str], keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The declared steps (``allowance.line.<group>``) that write each step message.

    ValueError for a message no declared step writes: the page would leave it out.
    """
    bases = {step: base(step) for step in declared}
    found: dict[str, tuple[str, ...]] = {}
    for key in keys:
        other = next((OTHER_STEPS[p] for p in _prefixes(key) if p in OTHER_STEPS), None)
        prefix = next((p for p in _prefixes(key) if p in bases.values()), None)
        steps = other or tuple(step for step, b in bases.items() if b == prefix)
        if not steps:
            raise ValueError(f"step message {key!r}: no rule declares a step that writes it")
        found[key] = steps
    return found


def base(step: str) -> str:
    """A declared step's id without its variable part: ``allowance.line.<group>`` → ``allowance.line``."""
    return re.sub(r"\.<\w+>", "", step)


def _prefixes(key: str) -> list[str]:
    """``a.b.c``, ``a.b``, ``a``: the key and its shorter prefixes, longest first."""
    parts = key.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]


# --------------------------------------------------------------------------- writing values


def escape(text: str) -> str:
    """Text from a file shown as it is: no markdown in it is read as markup. ``<`` is not one of
    the characters Markdown unescapes (nor ``|`` outside a table, and none goes in one)."""
    escaped = re.sub(r"([\\`*_\[\]>])", r"\\\1", re.sub(r"\s+", " ", text))
    return escaped.replace("<", "&lt;")


def template(text: str) -> str:
    """A catalogue template: its literal text escaped, each placeholder a code span by name."""
    parts = re.split(r"(\{\w+:\w+\})", text)
    return "".join(
        f"`{{{part[1:].split(':')[0]}}}`" if re.fullmatch(r"\{\w+:\w+\}", part) else escape(part)
        for part in parts
    )


@dataclass(frozen=True)
class Writer:
    """The words and the ways of writing values of one page."""

    lang: Language
    texts: Catalogue
    words: Mapping[str, str]

    @classmethod
    def of(cls, lang: Language) -> Writer:
        return cls(lang, catalogue(lang), WORDS[lang])

    def day(self, day: date | None) -> str:
        return "…" if day is None else self.texts.write("day", day)

    def figure(self, version: ParameterVersion) -> str:
        if version.value is None:
            return f"*{self.texts.label('no_value')}*"
        return self.texts.write("decimal", version.value)

    def unit(self, parameter: Parameter) -> str:
        """The figure's unit in the page's language (as the file writes it, in English)."""
        return escape(parameter.unit if self.lang == "en" else UNITS[self.lang][parameter.unit])

    def confidence(self, version: ParameterVersion | FactVersion) -> str:
        words = [self.texts.term(f"confidence.{version.confidence}")]
        if getattr(version, "unverified", False):
            words.append(self.words["unverified"])
        if getattr(version, "not_in_force", False):
            words.append(self.words["not_in_force"])
        elif getattr(version, "missing", False):
            words.append(self.words["missing"])
        return ", ".join(words)

    def source(self, source: Source) -> str:
        title = escape(source.title)
        shown = f"[{title}]({source.url})" if source.url else title
        if source.undated or source.date is None:
            dated = self.words["undated"]
        else:
            dated = self.texts.label(f"date.{source.date_kind or 'shown'}", {"day": source.date})
        quote = f": « {escape(source.quote)} »" if source.quote else ""
        return f"{shown} ({dated}){quote}"

    def fact_value(self, value: object) -> str:
        """A fact's value: a day in the page's way, codes as code, a text per language chosen."""
        if isinstance(value, date):
            return self.day(value)
        if isinstance(value, tuple):
            return ", ".join(self.fact_value(item) for item in value) or self.words["none"]
        if isinstance(value, Mapping):
            if set(value) == {"en", "fr", "nl"}:
                return escape(str(value[self.lang]))
            return "; ".join(f"{key}: {self.fact_value(item)}" for key, item in value.items())
        if isinstance(value, str):
            return f"`{value}`"
        return str(value)


# --------------------------------------------------------------------------- the page


def page(lang: Language, sources: Sources) -> str:
    w = Writer.of(lang)
    lines = [
        f"# {w.words['title']}",
        "",
        w.words["generated"],
        "",
        w.words["intro"],
        "",
        w.words["languages"],
        "",
        *finding(w, sources),
    ]
    readers: dict[str, Rule] = {}
    for rule in sources.rules:
        lines += section(w, rule, sources, readers)
    return "\n".join(lines).rstrip() + "\n"


def finding(w: Writer, sources: Sources) -> list[str]:
    """The page's entry: how to go from a figure to its rule, and the index of every name."""
    words = w.words
    find = words["find"].replace("{example}", example(w, sources.parameters.parameter(EXAMPLE)))
    lines = [f"## {words['find_title']} {{#find}}", "", find, "", words["confidence_words"]]
    lines += ["", f"### {words['figures']} {{#index-figures}}", ""]
    lines += [f"| {words['name']} | {words['rule']} | {words['unit']} | {words['latest']} |"]
    lines += ["| --- | --- | --- | --- |"]
    for rule in sources.rules:
        for name in rule.parameters:
            parameter = sources.parameters.parameter(name)
            last = parameter.last
            latest = f"{w.figure(last)} ({words['from'].lower()} {w.day(last.valid_from)})"
            lines.append(
                f"| [`{name}`](#{name}) | {_rule_link(rule)} | {w.unit(parameter)} | {latest} |"
            )
    lines += ["", f"### {words['facts']} {{#index-facts}}", ""]
    lines += [f"| {words['name']} | {words['rule']} | {words['kind']} | {words['versions']} |"]
    lines += ["| --- | --- | --- | --- |"]
    listed: set[str] = set()
    for rule in sources.rules:
        for name in rule.facts:
            if name not in listed:
                listed.add(name)
                fact = sources.facts.fact(name)
                lines.append(
                    f"| [`{name}`](#{name}) | {_rule_link(rule)} | {words['kind.' + fact.kind]} | {len(fact.versions)} |"
                )
    return [*lines, ""]


EXAMPLE = "supplement.amount"
"""The figure the pages take as their example (its anchor is named in WORDS' ``find``)."""


def example(w: Writer, parameter: Parameter) -> str:
    """How an explanation names the figure's latest version, written by the catalogue."""
    version = parameter.last
    values = {
        "name": parameter.name,
        "value": w.figure(version),
        "start": w.texts.label("from", {"day": version.valid_from}),
        "references": "[3]",
    }
    return w.texts.label("figure", values)


def _rule_link(rule: Rule) -> str:
    return f"[{rule.code}](#{rule.anchor})"


def section(w: Writer, rule: Rule, sources: Sources, readers: dict[str, Rule]) -> list[str]:
    """One rule: its passage, its sources, its figures and facts, its steps and notices."""
    module = rule.module
    words = w.words
    lines = [
        *_heading(w, rule),
        f"**{words['passage']}**",
        "",
        *_passage(module),
        f"- {words['module']}: `src/chomage_rules/rules/{rule.name}.py`; "
        f"{words['tests']}: `tests/rules/test_{rule.name}.py`",
        *_rule_sources(w, module),
        f"- {words['reads_figures']}: "
        + (", ".join(f"[`{name}`](#{name})" for name in rule.parameters) or words["no_figure"]),
    ]
    if rule.facts:
        lines.append(
            f"- {words['reads_facts']}: " + ", ".join(f"[`{n}`](#{n})" for n in rule.facts)
        )
    lines.append("")
    for name in rule.parameters:
        lines += parameter_section(w, sources.parameters.parameter(name), rule)
    for name in rule.facts:
        if name in readers:
            lines += [
                f"### `{name}`",
                "",
                f"{words['see']} {_rule_link(readers[name])}: [`{name}`](#{name}).",
                "",
            ]
            continue
        readers[name] = rule
        lines += fact_section(w, sources.facts.fact(name), rule)
    lines += explanations(w, rule, sources)
    return lines


def _rule_sources(w: Writer, module: ModuleType) -> list[str]:
    sources = getattr(module, "SOURCES", ())
    if not sources:  # R9 and the counters rest on the figures' own sources
        return [f"- {w.words['sources']}: {w.words['none']}"]
    return [f"- {w.words['sources']}:", *[f"    - [{escape(s.title)}]({s.url})" for s in sources]]


def _heading(w: Writer, rule: Rule) -> list[str]:
    """The rule's heading: its module's first line in English; in French and Dutch, the rule's
    name in the language, and the module's line under it as written."""
    title = _title(rule.module)
    if w.lang == "en":
        return [f"## {title} {{#{rule.anchor}}}", ""]
    name = RULE_NAMES[w.lang][rule.name]
    return [f"## {rule.code} {name} {{#{rule.anchor}}}", "", f"*{escape(title)}*", ""]


def _title(module: ModuleType) -> str:
    doc = (module.__doc__ or "").strip()
    title = " ".join(doc.split("\n\n")[0].split())
    return title if title.startswith(module.RULE) else f"{module.RULE}: {title}"


def _passage(module: ModuleType) -> list[str]:
    """The module's docstring after its title: the source passage and the readings, verbatim."""
    body = (module.__doc__ or "").strip().split("\n\n", 1)
    return [body[1].rstrip(), ""] if len(body) > 1 else []


def parameter_section(w: Writer, parameter: Parameter, rule: Rule) -> list[str]:
    """A figure: what it is, a table of its versions, then each version's sources and notes."""
    words = w.words
    indexed = f"; {words['indexed']} `{parameter.series}`" if parameter.indexed else ""
    lines = [
        f"### `{parameter.name}` {{#{parameter.name}}}",
        "",
        f"{escape(parameter.description_in(w.lang))} {words['unit']}: {w.unit(parameter)}{indexed}; "
        f"{words['read_by']} {_rule_link(rule)}.",
        "",
        f"| {words['from']} | {words['until']} | {words['value']} | {words['confidence']} |",
        "| --- | --- | --- | --- |",
    ]
    for version in parameter.versions:
        until = w.day(version.valid_until) if version.valid_until else words["runs_on"]
        lines.append(
            f"| {w.day(version.valid_from)} | {until} | {w.figure(version)} | {w.confidence(version)} |"
        )
    lines.append("")
    for version in parameter.versions:
        lines += _version_details(w, version, w.figure(version))
    return lines


def fact_section(w: Writer, fact: Fact, rule: Rule) -> list[str]:
    """A fact: what it is, then each version's value, confidence, sources and notes."""
    words = w.words
    lines = [
        f"### `{fact.name}` {{#{fact.name}}}",
        "",
        f"{escape(fact.description_in(w.lang))} {words['kind']}: {words['kind.' + fact.kind]}; "
        f"{words['read_by']} {_rule_link(rule)}.",
        "",
    ]
    for version in fact.versions:
        lines += _version_details(w, version, w.fact_value(version.value))
    return lines


def _version_details(w: Writer, version: ParameterVersion | FactVersion, value: str) -> list[str]:
    words = w.words
    start = f"{words['from']} {w.day(version.valid_from)}"
    lines = [f"- **{start}** ({w.confidence(version)}): {value}"]
    if version.note:
        lines.append(f"    - {words['note']}: {escape(version.note)}")
    caveat = version.caveat_in(w.lang)
    if caveat:
        lines.append(f"    - {words['caveat']}: {escape(caveat)}")
    lines.append(f"    - {words['sources']}:")
    lines += [f"        - {w.source(source)}" for source in version.sources]
    return [*lines, ""]


def explanations(w: Writer, rule: Rule, sources: Sources) -> list[str]:
    """The steps (each message a step writes: title, formula, result) and notices of a rule."""
    words = w.words
    raw = sources.templates[w.lang]
    lines = [f"### {words['explanations']} ({rule.code}) {{#explain-{rule.name}}}", ""]
    if not rule.steps:
        lines += [words["steps_none"], ""]
    for step in rule.steps:
        lines += [f"#### {words['step']} `{step}` {{#{step_anchor(step)}}}", ""]
        for key in sources.messages[step]:
            lines += _message(w, key, raw["steps"][key])
        lines.append("")
    if not rule.module.NOTICES:
        lines += [words["notices_none"], ""]
    for code in rule.module.NOTICES:
        lines += [
            f"#### {words['notice']} `{code}` {{#notice-{code}}}",
            "",
            template(raw["notices"][code]),
            "",
        ]
    return lines


def step_anchor(step: str) -> str:
    """``step-wage.ceiling``; ``step-allowance.line.group`` for ``allowance.line.<group>``."""
    return "step-" + re.sub(r"[<>]", "", step)


def _message(w: Writer, key: str, parts: Mapping[str, str]) -> list[str]:
    words = w.words
    return [
        f"- {words['message']} `{key}`",
        f"    - {words['title_part']}: {template(parts['title'])}",
        f"    - {words['formula_part']}: {template(parts['formula'])}",
        f"    - {words['result_part']}: {template(parts['result'])}",
    ]


# --------------------------------------------------------------------------- main


def pages() -> dict[Path, str]:
    sources = read_sources()
    return {path: page(lang, sources) for lang, path in TARGETS.items()}


def main() -> int:
    written = pages()
    if "--check" in sys.argv[1:]:
        stale = [
            path
            for path, text in written.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is not current: run scripts/rule_reference.py")
        return 1 if stale else 0
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
