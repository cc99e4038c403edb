"""``verify``: a stored case recomputed and compared with its stored result, in one call.

What an audit does years later: the case's inputs and the result document stored with them go
in; the case is computed again under the rules and figures in force on the month's dates (as
``compute_month`` always does), written as a document the same way, and compared field by field
with the stored one. The library version and the parameters' fingerprint are reported, not
compared: a later version may ship corrected figures, and whether they changed the result is
what the comparison of the amounts, notices, counters and figures says.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..parameters import ParameterSet
from .document import ResultRecord, load_result
from .engine import Given, compute_month
from .models import Employer, History, Month, Worker

__all__ = ["Difference", "Verification", "verify"]

_NOT_COMPARED = frozenset({"kind", "version", "library_version", "parameters_fingerprint"})


@dataclass(frozen=True, slots=True)
class Difference:
    """One field whose stored value is not the recomputed one: where it is in the document
    (``net_total``, ``payments[1].net``, ``history_after.supplement_units``), and both values
    as the document writes them (None where one side has no such field)."""

    field: str
    stored: Any
    recomputed: Any


@dataclass(frozen=True, slots=True)
class Verification:
    """What :func:`verify` found."""

    same: bool
    """The recomputed result is the stored one in every compared field (and the receipt matches,
    when a key was given)."""
    differences: tuple[Difference, ...]
    receipt: Literal["matches", "differs", "not checked"]
    """The stored keyed receipt against the inputs given: checked only with ``receipt_key``."""
    stored: ResultRecord
    recomputed: ResultRecord

    @property
    def parameters_changed(self) -> bool:
        """The figures shipped now are not those the stored result was computed with (another
        fingerprint): reported, not a difference in itself."""
        return self.stored.parameters_fingerprint != self.recomputed.parameters_fingerprint

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields that differ."""
        return tuple(difference.field for difference in self.differences)


def verify(
    worker: Worker | Given,
    employer: Employer | Given,
    month: Month | Given,
    history: History | Given | None,
    stored_document: Mapping[str, Any] | str | bytes,
    *,
    parameters: ParameterSet | None = None,
    receipt_key: bytes | None = None,
) -> Verification:
    """Recompute the case (``compute_month``'s arguments) and compare it with
    ``stored_document`` (what ``MonthResult.to_document()`` or ``to_json()`` gave, read by
    :func:`load_result`). The steps are compared when the stored document has them. With
    ``receipt_key``, the stored receipt is checked against the inputs given, national number
    included. Raises ``ValidationError`` for bad inputs or a document that is not a valid result
    document (naming the field), as ``compute_month`` and ``load_result`` do."""
    stored = load_result(stored_document)
    result = compute_month(worker, employer, month, history, parameters=parameters)
    recomputed = load_result(
        result.to_document(steps=stored.steps is not None, receipt_key=receipt_key)
    )
    old, new = stored.to_document(), recomputed.to_document()
    if receipt_key is None:  # nothing to check it against: not a difference
        del old["receipt"], new["receipt"]
        receipt: Literal["matches", "differs", "not checked"] = "not checked"
    else:
        same_receipt = old["receipt"] == new["receipt"]
        receipt = "matches" if same_receipt else "differs"
    for name in _NOT_COMPARED:
        del old[name], new[name]
    differences = tuple(_differences(old, new, ""))
    return Verification(not differences, differences, receipt, stored, recomputed)


def _differences(old: Any, new: Any, where: str) -> Iterator[Difference]:
    """Every leaf where ``old`` and ``new`` (JSON data) differ, by its path."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from _differences(
                old.get(key), new.get(key), f"{where}.{key}" if where else str(key)
            )
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _differences(a, b, f"{where}[{index}]")
    elif old != new:
        yield Difference(where, old, new)
