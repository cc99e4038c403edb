"""Errors the library raises besides the models' own ``ValidationError``."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from .identifiers import mask_digit_runs
from .masking import masked_key, masked_value

__all__ = ["ParameterNotCovered", "input_error"]


class ParameterNotCovered(LookupError):
    """No figure of a parameter covers a date (before its first value, or a version without one)."""

    def __init__(self, name: str, on: date, detail: str = "") -> None:
        self.name = name
        self.on = on
        self.detail = detail
        message = f"parameter {name!r} has no value on {on.isoformat()}"
        super().__init__(f"{message}: {detail}" if detail else message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its own arguments, so that it crosses a process boundary (a process pool
        sends errors back pickled): the default rebuilds from ``args``, the message alone, which
        this constructor does not take. Attributes set later (``__notes__``) go along as state."""
        return (type(self), (self.name, self.on, self.detail), self.__dict__)


def input_error(
    title: str, loc: tuple[str | int, ...], message: str, value: Any
) -> ValidationError:
    """A pydantic ``ValidationError`` for input found wrong outside a model's own validators.

    Used where the fault lies between two inputs (a ``History`` dated after the month it is
    applied to) or in a call's arguments (a parameter override), so that every bad input reaches
    the caller as the same kind of error, naming the field.
    """
    return ValidationError.from_exception_data(
        title,
        [
            {
                "type": PydanticCustomError(
                    "invalid_input", "{message}", {"message": mask_digit_runs(message)}
                ),
                "loc": tuple(masked_key(part) for part in loc),
                "input": masked_value(value),
            }
        ],
    )
