"""A text written in English that carries its French and Dutch: :class:`Translated`.

A notice's values are stored as they are (``MonthResult.to_document()``) and compared years later
(``verify``); a caveat among them was an English text. To tell it in the reader's language
without changing what is stored, the value stays that English ``str`` (equal to it, hashed as it,
written as it in JSON and in a stored document) and carries its two translations, which the
catalogue's ``local`` way of writing a value reads (``{caveat:local}``).
"""

from __future__ import annotations

from typing import Any

from .vocabulary import Language

__all__ = ["Translated"]


class Translated(str):
    """The English text (``str(text)``) with its French (``fr``) and Dutch (``nl``)."""

    fr: str
    nl: str

    def __new__(cls, english: str, fr: str, nl: str) -> Translated:
        text = super().__new__(cls, english)
        text.fr, text.nl = fr, nl
        return text

    def in_language(self, lang: Language) -> str:
        """The text in ``lang``."""
        return {"en": str(self), "fr": self.fr, "nl": self.nl}[lang]

    def __reduce__(self) -> tuple[Any, ...]:
        # str pickles as its text alone, which would drop the translations
        return (Translated, (str(self), self.fr, self.nl))
