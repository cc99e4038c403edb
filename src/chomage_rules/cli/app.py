"""The command line's parser and its dispatch: ``main(argv)`` returns the exit code.

0: done; 2: bad input (the command line, a file, a field: a message on standard error naming
them, never a traceback); 1: an internal error, or a command whose optional extra is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from pydantic import ValidationError

from ..case.engine import compute_month
from ..case.result import LIBRARY_VERSION
from ..core.errors import ParameterNotCovered
from ..explain.catalogue import LANGUAGES, catalogue
from ..explain.html import html_page
from ..parameters import ParameterSet
from .case_file import EXAMPLE, STDIN, case_parameters, read_case
from .compare import add_compare
from .errors import BAD_INPUT, CANNOT_RUN, CommandError, invalid, masked
from .figures import figures_in_force, history, review
from .schemas import SCHEMAS
from .simulate import file_options, simulate
from .verify import add_verify

__all__ = ["main", "parser"]

PROG = "chomage-rules"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class _Parser(argparse.ArgumentParser):
    """argparse, with its error messages masked like every other (a national number typed as
    an argument is not repeated)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(BAD_INPUT, f"{self.prog}: error: {masked(message)}\n")


def _day(text: str) -> date:
    try:
        if _ISO_DAY.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{masked(text)!r} is not a date: write it 2024-06-01")


def _setting(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(
            f"{masked(text)!r}: write NAME=VALUE, such as wage.monthly_ceiling=3600.00"
        )
    return name.strip(), value.strip()


def _add_set(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--set",
        dest="settings",
        metavar="NAME=VALUE",
        type=_setting,
        action="append",
        default=None,
        help="replace a figure on every date, such as wage.monthly_ceiling=3600.00 "
        "(repeatable; `chomage-rules parameters` lists the names)",
    )


# --------------------------------------------------------------------------- the commands


def _compute(args: argparse.Namespace) -> str:
    case = read_case(args.case)
    shown = "standard input" if args.case == STDIN else args.case
    parameters = case_parameters(case.parameters, args.case, args.settings or ())
    try:
        result = compute_month(
            case.worker, case.employer, case.month, case.history, parameters=parameters
        )
    except ValidationError as error:
        raise invalid(shown, error) from None
    except ParameterNotCovered as error:
        raise CommandError(f"{shown}: {error}") from None
    if args.format == "document":  # what `verify` reads back (MonthResult.to_json())
        return result.to_json() + "\n"
    text = result.explain(args.format, args.lang)
    if args.format == "html":  # a page of its own, to open in a browser
        period = f"{result.month.year}-{result.month.month:02d}"
        return html_page(args.lang, catalogue(args.lang).label("title", {"period": period}), text)
    return text if text.endswith("\n") else text + "\n"


def _example(args: argparse.Namespace) -> str:
    return json.dumps(EXAMPLE, indent=2, ensure_ascii=False) + "\n"


def _parameters(args: argparse.Namespace) -> str:
    parameters = ParameterSet.default()
    on = date.today() if args.on is None else args.on
    as_json = args.format == "json"
    if args.report:
        return review(parameters, on, as_json)
    if args.name is not None:
        return history(parameters, args.name, on, as_json)
    return figures_in_force(parameters, on, as_json)


def _schema(args: argparse.Namespace) -> str:
    schema = SCHEMAS[args.which]()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _simulate(args: argparse.Namespace) -> str:
    return simulate(
        args.population,
        args.year,
        args.month,
        args.settings or (),
        args.out,
        detail=args.detail,
        keep=args.keep or (),
        progress=False if args.no_progress else None,
    )


# --------------------------------------------------------------------------- the parser


def parser() -> argparse.ArgumentParser:
    """The parser of ``chomage-rules`` and its commands."""
    top = _Parser(
        prog=PROG,
        description="Belgian temporary-unemployment benefits: compute and explain a month, "
        "look up the dated figures, print the JSON Schemas, compute a population file or compare "
        "a reform over it.",
        epilog="Start with: chomage-rules example > case.json; chomage-rules compute case.json. "
        "Exit codes: 0 done, 2 bad input, 1 internal error or missing extra.",
    )
    top.add_argument("--version", action="version", version=f"{PROG} {LIBRARY_VERSION}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _compute_parser(commands)
    example = commands.add_parser(
        "example",
        help="write a valid case file to start from",
        description="Write a valid case (the README's worker, June 2024) to standard output: "
        "chomage-rules example > case.json",
    )
    example.set_defaults(run=_example)
    _parameters_parser(commands)
    schema = commands.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema of a case file (case), of a result document "
        "(result: `compute --format document`, what `verify` reads) or of the explanation "
        "`compute --format json` writes (explanation).",
    )
    schema.add_argument("which", nargs="?", choices=tuple(SCHEMAS), default="case")
    schema.set_defaults(run=_schema)
    _simulate_parser(commands)
    add_compare(commands, _add_set)
    add_verify(commands)
    return top


def _compute_parser(commands: Any) -> None:
    compute = commands.add_parser(
        "compute",
        help="compute and explain one month of a case file",
        description="Compute one worker's month from a case file (JSON: worker, employer, month, "
        "and optionally history and parameters) and explain every step with its sources.",
    )
    compute.add_argument("case", metavar="CASE.json", help="the case file; - for standard input")
    compute.add_argument(
        "--format",
        choices=("text", "markdown", "json", "html", "document"),
        default="text",
        help="default: text; html: a page to open in a browser; document: the result document "
        "to store (verify reads it)",
    )
    compute.add_argument("--lang", choices=LANGUAGES, default="en", help="default: en")
    _add_set(compute)
    compute.set_defaults(run=_compute)


def _parameters_parser(commands: Any) -> None:
    parameters = commands.add_parser(
        "parameters",
        help="the dated figures: in force on a day, one's history, or the review list",
        description="The figures in force on a day with their confidence and sources (by "
        "default), one parameter's whole dated history (--name), or the list to review each "
        "month (--report).",
    )
    parameters.add_argument("--on", type=_day, metavar="DATE", help="the day (default: today)")
    which = parameters.add_mutually_exclusive_group()
    which.add_argument("--name", metavar="NAME", help="one parameter's dated history")
    which.add_argument("--report", action="store_true", help="the monthly review list")
    parameters.add_argument(
        "--format", choices=("text", "json"), default="text", help="default: text"
    )
    parameters.set_defaults(run=_parameters)


def _simulate_parser(commands: Any) -> None:
    simulate = commands.add_parser(
        "simulate",
        help="compute a month for every row of a population file",
        description="Compute one month for every row of a Parquet or CSV file (the columns of "
        "docs/population.md), batch by batch, and print the totals. Needs the files extra.",
    )
    file_options(simulate, _add_set, "the results (default: NAME.results.csv beside NAME.csv)")
    simulate.add_argument(
        "--detail", action="store_true", help="add each payer's gross and net columns"
    )
    simulate.set_defaults(run=_simulate)


# --------------------------------------------------------------------------- running


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``chomage-rules`` with ``argv`` (default: the process's arguments); the exit code."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a bad command line (already told)
        return stop.code if isinstance(stop.code, int) else BAD_INPUT
    try:
        sys.stdout.write(args.run(args))
        sys.stdout.flush()
    except CommandError as error:
        _say(args.command, str(error))
        return error.code
    except BrokenPipeError:  # the reader stopped reading (| head): nothing more to say
        _silence_stdout()
        return CANNOT_RUN
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # anything else is a bug: a short message, no traceback
        detail = masked(str(error))[:300]
        _say(
            args.command,
            f"internal error ({type(error).__name__}: {detail}); please report it, "
            "with the command that caused it",
        )
        return CANNOT_RUN
    return 0


def _say(command: str, message: str) -> None:
    sys.stderr.write(f"{PROG} {command}: {message}\n")


def _silence_stdout() -> None:
    """Standard output pointed at the null device, so that the interpreter's last flush does
    not fail again on the closed pipe."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
