"""What the command line says when it cannot do what it was asked, and its exit codes.

Bad input (a file that cannot be read, text that is not JSON, a field that fails validation, an
unknown parameter) is a :class:`CommandError` with exit code 2: a few lines on standard error
naming the file, the field and the problem, never a traceback. The fields and problems come from
the ``ValidationError``'s ``errors()`` (``loc`` and ``msg``), never from the input document, and
every line goes through :func:`~chomage_rules.core.identifiers.mask_digit_runs`: no national
number is printed, even in a file's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from ..core.identifiers import mask_digit_runs

__all__ = [
    "BAD_INPUT",
    "CANNOT_RUN",
    "MAX_PROBLEMS",
    "CommandError",
    "field_path",
    "invalid",
    "masked",
]

BAD_INPUT = 2
"""Exit code for bad input (argparse uses it for a bad command line too)."""
CANNOT_RUN = 1
"""Exit code for an unexpected internal error, or a command whose optional extra is missing."""
MAX_PROBLEMS = 12
"""The most problems listed, so that the message fits on one screen; the rest are counted."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def masked(text: str) -> str:
    """``text`` with any run of ten digits or more masked (a national number, wherever it is)."""
    return mask_digit_runs(text)


class CommandError(Exception):
    """A command that cannot go on: its message (already masked) and its exit code."""

    def __init__(self, message: str, code: int = BAD_INPUT) -> None:
        super().__init__(masked(message))
        self.code = code

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its message and code, as the library's other errors are."""
        return (type(self), (str(self), self.code), self.__dict__)


def field_path(loc: Sequence[str | int]) -> str:
    """A ``loc`` as a reader writes it: ``month.days[0].hours``, ``parameters["rate.standard"]``
    (a first part is written as it is: ``wage.monthly_ceiling`` for an option's parameter)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif not parts or _NAME.fullmatch(part):
            parts.append(f".{part}" if parts else part)
        else:
            parts.append(f'["{part}"]')
    return "".join(parts) or "(the whole document)"


def invalid(
    where: str,
    error: ValidationError,
    prefix: Sequence[str | int] = (),
    *,
    drop: Sequence[str] = (),
) -> CommandError:
    """Bad input named by ``where`` (a file, an option), one line per problem of ``error``:
    its field (``prefix`` then the error's ``loc`` without the parts in ``drop``) and its
    message."""
    details = error.errors()
    count = len(details)
    heading = f"{where}: {count} problem{'s' if count > 1 else ''}"
    lines = [f"{heading}:"]
    for detail in details[:MAX_PROBLEMS]:
        loc = (*prefix, *(part for part in detail["loc"] if part not in drop))
        lines.append(f"  {field_path(loc)}: {detail['msg']}")
    if count > MAX_PROBLEMS:
        lines.append(f"  … and {count - MAX_PROBLEMS} more")
    return CommandError("\n".join(lines))
