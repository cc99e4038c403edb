"""A step of a derivation, a notice, and a parameter a step read.

A :class:`Step` is data, not text: its stable ``id`` (``wage.ceiling``, ``supplement.day_27`` …),
the rulebook entry it implements, whether the rule applied, the key of its texts in the message
catalogue and the values the rule computed, the parameters it read and its legal sources. Its
title, formula and result are written from the catalogue when they are read, in the language asked
(``step.text("fr")``; ``step.title`` is English), so that the text can only show the values the
rule used. A rule that did not apply still leaves a step, whose texts say why not, with the value
and the threshold or condition it was compared with.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ..core.sources import LegalSource
from ..parameters import ParameterUse
from .catalogue import Language, catalogue

__all__ = ["NO_VALUES", "Notice", "Phrase", "Step", "StepText"]

NO_VALUES: Mapping[str, Any] = {}

Phrase = tuple[str, Mapping[str, Any]]
"""A phrase of the catalogue's ``[phrases]`` table and its values: a value written as a phrase,
or an item of a list of them."""


class StepText(NamedTuple):
    """A step's texts in one language."""

    title: str
    formula: str
    result: str


class Step(NamedTuple):
    """One step of the derivation (see the module's docstring)."""

    id: str
    rule: str
    """The rulebook entry (R0-R9) the step implements."""
    applies: bool
    message: str
    """The key of the step's texts in the message catalogue."""
    values: Mapping[str, Any] = NO_VALUES
    """The values the texts show, by placeholder name."""
    parameters: tuple[ParameterUse, ...] = ()
    sources: tuple[LegalSource, ...] = ()

    def text(self, lang: Language = "en") -> StepText:
        """Title, formula and result in ``lang``."""
        texts = catalogue(lang)
        return StepText(
            texts.step(self.message, "title", self.values),
            texts.step(self.message, "formula", self.values),
            texts.step(self.message, "result", self.values),
        )

    @property
    def title(self) -> str:
        return catalogue().step(self.message, "title", self.values)

    @property
    def formula(self) -> str:
        """The formula with the actual values put in (English)."""
        return catalogue().step(self.message, "formula", self.values)

    @property
    def result(self) -> str:
        return catalogue().step(self.message, "result", self.values)


class Notice(NamedTuple):
    """Something the reader must know about the result (stale figures, payment on hold …)."""

    code: str
    """Stable code, also the key of its text in the message catalogue."""
    values: Mapping[str, Any] = NO_VALUES
    rule: str = ""
    """The rulebook entry (R0-R15) whose rule raised the notice; empty for the older notices
    whose rule is told by their code's prefix."""
    sources: tuple[LegalSource, ...] = ()
    """The passages the notice rests on, cited by number in every rendering."""

    def text(self, lang: Language = "en") -> str:
        return catalogue(lang).notice(self.code, self.values)

    @property
    def message(self) -> str:
        """The notice in English."""
        return self.text()
