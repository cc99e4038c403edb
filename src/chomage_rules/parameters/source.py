"""A page a dated figure or fact comes from, as the library reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .schema import SourceEntry

__all__ = ["Source", "source_of"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a figure comes from: title, address, the date shown on the page and its quote.

    ``date_kind`` says what ``date`` is: ``"published"`` or ``"updated"``, or ``"valid_from"`` for
    a page whose only date is the day its figures apply from (« Bedragen geldig vanaf
    01.02.2025 »); ``undated`` is true for a page that shows no date (then ``date`` is None).
    """

    title: str
    url: str | None
    date: date | None
    quote: str | None = None
    date_kind: str | None = None
    undated: bool = False


def source_of(entry: SourceEntry) -> Source:
    """A source as a file writes it, as the library reads it."""
    return Source(
        title=entry.title,
        url=entry.url,
        date=entry.date,
        quote=entry.quote,
        date_kind=entry.date_kind,
        undated=entry.undated,
    )
