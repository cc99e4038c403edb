"""A legal source: the passage a rule rests on, by its title and address."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Cited", "LegalSource", "pages"]


@dataclass(frozen=True, slots=True)
class LegalSource:
    """A passage a rule rests on: short title and address."""

    title: str
    url: str


class Cited(Protocol):
    """Anything that names a page: a legal source, a figure's or a fact's source."""

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str | None: ...


def pages(*groups: Iterable[Cited]) -> tuple[LegalSource, ...]:
    """The pages the sources name, as a rule cites them: each page (title and address) once, in
    the order first named; a source without an address is left out."""
    found: dict[tuple[str, str], LegalSource] = {}
    for group in groups:
        for source in group:
            if source.url:
                found.setdefault((source.title, source.url), LegalSource(source.title, source.url))
    return tuple(found.values())
