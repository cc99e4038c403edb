"""The message catalogue: every text of an explanation, in English, French and Dutch.

The texts live in ``messages/en.toml``, ``messages/fr.toml`` and ``messages/nl.toml``, one file
per language with the same keys. A step's title, formula and result, a notice and a word (a
reason, a payer …) are each a template whose placeholders name a value and say how to write it,
``{wage:money}`` or ``{units:units}``: the figures come from the values the rule computed, never
from the template (a template holds no digit; ``tests/explain/test_catalogue.py`` checks it), so a
text cannot state a figure the computation did not use.

Ways of writing a value (the part after the colon):

- ``money``: integer cents, ``3,299.11`` (French and Dutch: ``3.299,11``);
- ``units``: half units, ``9.5`` (``9,5``);
- ``exact``: an exact fraction ``(numerator, denominator)``, four decimals and ``…`` when more
  would follow; ``exact2`` with two decimals;
- ``percent``: a rate ``(numerator, denominator)``, ``26.75 %``;
- ``hours``: hundredths of an hour, ``38.00``;
- ``count``: a whole number; ``decimal``: a figure as its file gives it, ``0.2675``
  (``0,2675``); ``day``: a date, ``2024-06-01`` (``01/06/2024``); ``text``: as it is;
- ``term``: a key of the ``[terms]`` table (a reason, a payer …), written in the language;
- ``local``: a text given in each language, a mapping ``{"en": …, "fr": …, "nl": …}`` (a name
  a fact file gives in the three languages, such as a regional office's region) or a
  :class:`~chomage_rules.core.translated.Translated` text (a figure's caveat);
- ``phrase``: a phrase ``(key, values)`` of the ``[phrases]`` table;
- ``plus``, ``commas``, ``semicolons``: a sequence of phrases ``(key, values)`` of the
  ``[phrases]`` table, joined by ``+``, ``,`` or ``;``.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..core.money import format_fraction
from ..core.translated import Translated
from ..core.vocabulary import Language

__all__ = [
    "LANGUAGES",
    "SPECS",
    "Catalogue",
    "Language",
    "catalogue",
    "check_language",
]

LANGUAGES: tuple[Language, ...] = ("en", "fr", "nl")


def check_language(lang: str) -> Language:
    """``lang`` if it is one of :data:`LANGUAGES`; ValueError otherwise."""
    for language in LANGUAGES:
        if lang == language:
            return language
    raise ValueError(f"unknown language {lang!r}: use 'en', 'fr' or 'nl'")


def _local(lang: Language, value: Any) -> str:
    """A text given in each language: a Translated text, or a mapping by language."""
    if isinstance(value, Translated):
        return value.in_language(lang)
    return str(value[lang])


def _units(half_units: int) -> str:
    whole, half = divmod(int(half_units), 2)
    return f"{whole:,}.5" if half else f"{whole:,}"


def _percent(ratio: tuple[int, int]) -> str:
    text = format_fraction(ratio[0] * 100, ratio[1], 4)
    if "…" not in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} %"


_NUMBERS: dict[str, Callable[[Any], str]] = {
    "units": _units,
    "exact": lambda value: format_fraction(value[0], value[1], 4),
    "exact2": lambda value: format_fraction(value[0], value[1], 2),
    "percent": _percent,
    "count": lambda count: str(int(count)),
    "decimal": str,
}
_LISTS = {"plus": " + ", "commas": ", ", "semicolons": "; "}

_DECIMAL_COMMA = str.maketrans({",": ".", ".": ","})

Writer = Callable[["Catalogue", Any], str]
Compiled = tuple[tuple[str, str | None, Writer | None], ...]
"""A parsed template with, for each placeholder, the function that writes its value."""


def _number_writer(number: Callable[[Any], str]) -> Writer:
    def write(texts: Catalogue, value: Any) -> str:
        text = number(value)
        return text.translate(_DECIMAL_COMMA) if texts.decimal_comma else text

    return write


def _write_money(texts: Catalogue, cents: Any) -> str:
    """Cents (or hundredths of an hour) with thousands: the commonest value, written directly."""
    value = int(cents)
    whole, part = divmod(-value if value < 0 else value, 100)
    text = f"{'-' if value < 0 else ''}{whole:,}.{part:02d}"
    return text.translate(_DECIMAL_COMMA) if texts.decimal_comma else text


def _list_writer(separator: str) -> Writer:
    def write(texts: Catalogue, value: Any) -> str:
        return separator.join(texts.fill(texts.phrases[key], v) for key, v in value)

    return write


_WRITERS: dict[str, Writer] = {
    **{spec: _number_writer(number) for spec, number in _NUMBERS.items()},
    "money": _write_money,
    "hours": _write_money,  # hundredths of an hour, written like cents
    **{spec: _list_writer(separator) for spec, separator in _LISTS.items()},
    "phrase": lambda texts, value: texts.fill(texts.phrases[value[0]], value[1]),
    "term": lambda texts, value: texts.terms[value],
    "local": lambda texts, value: _local(texts.language, value),
    "day": lambda texts, value: value.strftime(texts.date_format),
    "text": lambda texts, value: str(value),
}
SPECS: frozenset[str] = frozenset(_WRITERS)
"""Every way of writing a value a template may use."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The texts of one language, each template parsed once."""

    language: Language
    steps: Mapping[str, Mapping[str, Compiled]]
    """Per step message: its ``title``, ``formula`` and ``result``."""
    notices: Mapping[str, Compiled]
    phrases: Mapping[str, Compiled]
    terms: Mapping[str, str]
    labels: Mapping[str, Compiled]
    """Words of the renderings (headings, column names …)."""
    decimal_comma: bool
    date_format: str
    """How a date is written (``strftime``): ``%Y-%m-%d`` in English, ``%d/%m/%Y`` in French and
    Dutch."""

    def step(self, message: str, part: str, values: Mapping[str, Any]) -> str:
        return self.fill(self.steps[message][part], values)

    def notice(self, code: str, values: Mapping[str, Any]) -> str:
        return self.fill(self.notices[code], values)

    def label(self, key: str, values: Mapping[str, Any] | None = None) -> str:
        return self.fill(self.labels[key], values or {})

    def term(self, key: str) -> str:
        return self.terms[key]

    def fill(self, template: Compiled, values: Mapping[str, Any]) -> str:
        """A parsed template with its placeholders written from ``values`` (KeyError if one is
        missing: no text goes out with a hole in it)."""
        return "".join(
            [
                literal if writer is None else literal + writer(self, values[name])  # type: ignore[index]
                for literal, name, writer in template
            ]
        )

    def write(self, spec: str, value: Any) -> str:
        """One value, written the way ``spec`` says, in this language."""
        return _WRITERS[spec](self, value)


def parse(template: str) -> Compiled:
    """A template, compiled; ValueError for a placeholder without a known way of writing."""
    segments: list[tuple[str, str | None, Writer | None]] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            segments.append((literal, None, None))
            continue
        if not name or spec not in SPECS or conversion:
            raise ValueError(f"placeholder {{{name}:{spec}}} in {template!r}: name and way needed")
        segments.append((literal, name, _WRITERS[spec or ""]))
    return tuple(segments)


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = raw.get(name, {})
    if not isinstance(table, dict):
        raise ValueError(f"[{name}] must be a table")
    return table


@cache
def catalogue(lang: Language = "en") -> Catalogue:
    """The catalogue of ``lang`` (read from its file once)."""
    text = resources.files(__package__).joinpath("messages", f"{lang}.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    steps = {
        key: {part: parse(template) for part, template in parts.items()}
        for key, parts in _table(raw, "steps").items()
    }
    return Catalogue(
        language=lang,
        steps=steps,
        notices={key: parse(t) for key, t in _table(raw, "notices").items()},
        phrases={key: parse(t) for key, t in _table(raw, "phrases").items()},
        terms=dict(_table(raw, "terms")),
        labels={key: parse(t) for key, t in _table(raw, "labels").items()},
        decimal_comma=bool(raw.get("decimal_comma", False)),
        date_format=str(raw.get("date_format", "%Y-%m-%d")),
    )
