"""A legal source: the passage a rule rests on, by its title and address."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LegalSource"]


@dataclass(frozen=True, slots=True)
class LegalSource:
    """A passage a rule rests on: short title and address."""

    title: str
    url: str
