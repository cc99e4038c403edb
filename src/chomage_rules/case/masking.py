"""No validation error carries a national number (issue 9, item 6; decision D26).

pydantic records, as an error's ``input``, the value a validator was given, and puts it in
``str(error)`` (unless the model hides inputs), ``errors()`` and ``json()``. A national number can
get there in three ways: in its own field, mistyped (``85073003329``); anywhere else by mistake (a
wage column holding the number, a ``NISS`` key, a whole worker given as the number); and in the
whole input some errors carry (a missing field's error holds the mapping it was missing from).

:func:`masked_error` rewrites an error so that none of these survive, and leaves it as it was when
nothing needed masking. The models call it from a wrap validator, which runs wherever the model
is validated, inside a caller's own model included.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError

from ..core.identifiers import mask_digit_runs, mask_niss_input
from ..core.masking import masked_key, masked_value

__all__ = ["masked_error"]


def masked_error(error: ValidationError, personal: frozenset[str]) -> ValidationError:
    """``error`` with every national number masked: in the fields named in ``personal`` whatever
    they hold, and any run of ten digits or more in any message, input or context; the same
    ``error`` when nothing needed masking."""
    details = error.errors()
    rewritten = [_masked_detail(detail, personal) for detail in details]
    if all(new is None for new in rewritten):
        return error
    return ValidationError.from_exception_data(
        error.title,
        [
            _as_given(detail) if new is None else new
            for new, detail in zip(rewritten, details, strict=True)
        ],
    )


def _masked_detail(detail: ErrorDetails, personal: frozenset[str]) -> InitErrorDetails | None:
    """One error with its input, message and context masked; None when it needs no masking."""
    given_loc, value, message = detail["loc"], detail["input"], detail["msg"]
    loc = tuple(masked_key(part) for part in given_loc)
    if loc[:1] and loc[0] in personal and not isinstance(value, Mapping):
        given = mask_niss_input(value)
    else:
        given = masked_value(value, personal)
    masked_message = mask_digit_runs(message)
    context = detail.get("ctx")
    masked_context = context
    if context is not None:
        masked_context = {key: masked_value(item) for key, item in context.items()}
        if all(masked_context[key] is item for key, item in context.items()):
            masked_context = context
    if (
        given is value
        and masked_message == message
        and masked_context is context
        and all(a is b for a, b in zip(loc, given_loc, strict=True))
    ):
        return None
    kind: str | PydanticCustomError = detail["type"]
    if "url" not in detail or masked_message != message or masked_context is not context:
        # the library's own errors, or a pydantic one whose message quoted the number: the
        # message as written (masked), under the same type
        kind = PydanticCustomError(detail["type"], masked_message, masked_context)
    rewritten: InitErrorDetails = {"type": kind, "loc": loc, "input": given}
    if masked_context is not None:
        rewritten["ctx"] = masked_context
    return rewritten


def _as_given(detail: ErrorDetails) -> InitErrorDetails:
    """An error that needed no masking, rebuilt as it was (pydantic's by type and context, the
    library's by their message, which is already written out)."""
    kind: str | PydanticCustomError = detail["type"]
    if "url" not in detail:
        kind = PydanticCustomError(detail["type"], detail["msg"], detail.get("ctx"))
    rebuilt: InitErrorDetails = {"type": kind, "loc": detail["loc"], "input": detail["input"]}
    if "ctx" in detail:
        rebuilt["ctx"] = detail["ctx"]
    return rebuilt
