"""``chomage-rules verify CASE.json RESULT.json``: a stored result recomputed and compared.

Exit code 0: the recomputed result is the stored one; 1: it differs (each field that differs is
printed with both values); 2: bad input (a file, the case, a document that is not a valid result
document, each named as for ``compute``). The result document is what ``compute --format
document`` (``MonthResult.to_json()``) wrote.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..case.verify import Verification, verify
from ..core.errors import ParameterNotCovered
from .case_file import STDIN, case_parameters, read_case, read_json
from .errors import CANNOT_RUN, CommandError, invalid

__all__ = ["add_verify", "verify_command"]

DIFFERS = CANNOT_RUN
"""The exit code of a stored result that differs from its recomputation."""


def add_verify(commands: Any) -> None:
    """The ``verify`` command, added to the parser's commands."""
    command = commands.add_parser(
        "verify",
        help="recompute a case and compare it with its stored result document",
        description="Recompute the month of a case file and compare it, field by field, with "
        "the result document stored for it (compute --format document). Exit code 0: the "
        "same; 1: it differs (each field is printed); 2: bad input.",
    )
    command.add_argument("case", metavar="CASE.json", help="the case file; - for standard input")
    command.add_argument("result", metavar="RESULT.json", help="the stored result document")
    command.add_argument(
        "--receipt-key",
        metavar="FILE",
        help="a file holding the secret receipt key (its bytes): the stored receipt is checked "
        "against the case's inputs",
    )
    command.set_defaults(run=verify_command)


def verify_command(args: argparse.Namespace) -> str:
    """Run ``verify``: the report on standard output, and exit code 1 when it differs."""
    case = read_case(args.case)
    document = read_json(args.result)
    if not isinstance(document, dict):
        raise CommandError(f"{args.result}: a result document is a JSON object")
    parameters = case_parameters(case.parameters, args.case, ())
    key = None if args.receipt_key is None else _key(args.receipt_key)
    try:
        found = verify(
            case.worker,
            case.employer,
            case.month,
            case.history,
            document,
            parameters=parameters,
            receipt_key=key,
        )
    except ValidationError as error:
        shown = args.result if error.title == "ResultRecord" else _shown(args.case)
        raise invalid(shown, error) from None
    except ParameterNotCovered as error:
        raise CommandError(f"{_shown(args.case)}: {error}") from None
    except ValueError as error:  # a receipt key too short
        raise CommandError(f"--receipt-key: {error}") from None
    if found.same:
        receipt = ", receipt matches" if found.receipt == "matches" else ""
        return f"same: the recomputed result is the stored one ({found.stored.period}{receipt})\n"
    print(_report(found), end="", flush=True)
    raise CommandError(f"{len(found.differences)} field(s) differ", DIFFERS)


def _key(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"--receipt-key: {path}: cannot be read ({error.strerror})") from None


def _shown(path: str) -> str:
    return "standard input" if path == STDIN else path


def _report(found: Verification) -> str:
    lines = [f"differs: {len(found.differences)} field(s) of {found.stored.period}"]
    if found.parameters_changed:
        lines.append(
            f"  (stored with chomage-rules {found.stored.library_version}, parameters "
            f"{found.stored.parameters_fingerprint}; recomputed with "
            f"{found.recomputed.library_version}, parameters "
            f"{found.recomputed.parameters_fingerprint})"
        )
    lines += [
        f"  {d.field}: stored {json.dumps(d.stored)}, recomputed {json.dumps(d.recomputed)}"
        for d in found.differences
    ]
    return "\n".join(lines) + "\n"
