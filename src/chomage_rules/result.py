"""What ``compute_month`` returns: the amounts per payer, the status, and every step."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from .core.identifiers import mask_niss
from .core.money import decimal_to_cents, format_cents
from .derivation import Context, derive
from .explain import SCHEMA_VERSION, Notice, Step, render, rendered_steps_json
from .models import DayEntry, Employer, History, Month, PaymentStatus, Reason, Worker

if TYPE_CHECKING:
    from .kernel import KernelOutputs
    from .month_parameters import MonthParameters

__all__ = ["PAYERS", "MonthResult", "Payment"]

Payer = Literal["payment_body", "employer", "sector_fund"]
PAYERS: tuple[Payer, ...] = ("payment_body", "employer", "sector_fund")


@dataclass(frozen=True, slots=True)
class Payment:
    """What one payer pays for the month: gross, the tax it withholds, and net."""

    payer: Payer
    gross: Decimal
    withholding: Decimal
    net: Decimal


@dataclass(frozen=True, slots=True)
class AllowanceLine:
    """One line of the allowance: units at one daily amount (like « 13JX62,44: 811,72 »)."""

    rate_parameter: str
    reasons: tuple[Reason, ...]
    units: Decimal
    daily_amount: Decimal
    amount: Decimal


@dataclass(frozen=True)
class MonthResult:
    """One worker-month: amounts (exact Decimals, two decimals), payments, status and steps.

    - ``gross_allowance``: the ONEM allowance, paid by the payment body;
    - ``sector_top_up``: the construction top-up (CP 124), paid by the sector fund through the
      payment body;
    - ``employer_supplement``: the 2024 supplement (or the energy-scheme supplement), paid by the
      employer or, where the employer says so, by a sector fund;
    - withholdings per payer and their sum; ``net_total`` is the sum of the payments' nets.

    ``steps`` and ``notices`` are written out the first time they are read (the values they show
    were all fixed by the computation), so that a batch that only pays never formats text.
    """

    worker: Worker
    employer: Employer
    month: Month
    history: History
    units: dict[Reason, Decimal]
    daily_amounts: dict[Reason, Decimal]
    allowance_lines: tuple[AllowanceLine, ...]
    gross_allowance: Decimal
    sector_top_up: Decimal
    employer_supplement: Decimal
    supplement_units_paid: Decimal
    """Units that got the employer supplement (or the energy supplement) this month."""
    construction_units_paid: Decimal
    """Units that got the construction top-up from the credit this month (frost units aside)."""
    payment_body_withholding: Decimal
    employer_withholding: Decimal
    sector_fund_withholding: Decimal
    withholding: Decimal
    net_total: Decimal
    payments: tuple[Payment, ...]
    status: PaymentStatus
    history_after: History
    parameters_fingerprint: str
    library_version: str
    _context: Context = field(repr=False, compare=False)
    _month_parameters: MonthParameters = field(repr=False, compare=False)
    _kernel: KernelOutputs = field(repr=False, compare=False)

    @classmethod
    def _build(cls, **fields: Any) -> MonthResult:
        """Make a result from fields the engine computed, without the frozen ``__init__``'s
        per-field ``object.__setattr__`` (the fields are exactly the dataclass's)."""
        result = cls.__new__(cls)
        result.__dict__.update(fields)
        return result

    @cached_property
    def _derivation(self) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
        return derive(self._context, self._month_parameters, self._kernel)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The whole derivation, in order (design §4)."""
        return self._derivation[0]

    @property
    def notices(self) -> tuple[Notice, ...]:
        """What the reader must know: payment on hold, stale or overridden figures …"""
        return self._derivation[1]

    def payment(self, payer: Payer) -> Payment:
        """The payment of one payer."""
        for payment in self.payments:
            if payment.payer == payer:
                return payment
        raise KeyError(payer)

    def step(self, step_id: str) -> Step:
        """The step with this id (the first, for ids repeated per reason)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    # ------------------------------------------------------------------ rendering

    def explain(self, format: Literal["text", "markdown", "json"] = "text") -> str:
        """Every step with formulas, values and sources; the national number is masked."""
        if format == "json":
            # the steps' parameter and source lists, the same for every result of the month, are
            # written once (explain.rendered_steps_json); the text is that of as_json()
            document = self._document(rendered_steps_json(self.steps))
            return render(
                format, header={}, summary=(), payments=(), notices=(), steps=(), document=document
            )
        period = f"{self.month.year}-{self.month.month:02d}"
        header = {
            "title": f"Temporary unemployment, {period}",
            "Worker": mask_niss(self.worker.niss),
            "Employer": f"{self.employer.name + ', ' if self.employer.name else ''}"
            f"{_enterprise(self.employer.enterprise_number)}, joint committee {self.employer.joint_committee}",
            "Status": self.status.value.replace("_", " "),
        }
        summary = [
            ("Allowance (gross)", _eur(self.gross_allowance)),
            ("Sector top-up (gross)", _eur(self.sector_top_up)),
            ("Employer supplement (gross)", _eur(self.employer_supplement)),
            ("Withholding tax", _eur(self.withholding)),
            ("Net total", _eur(self.net_total)),
        ]
        payments = [
            (p.payer, _eur(p.gross), _eur(p.withholding), _eur(p.net)) for p in self.payments
        ]
        return render(
            format,
            header=header,
            summary=summary,
            payments=payments,
            notices=self.notices,
            steps=self.steps,
            document={},
        )

    def as_json(self) -> dict[str, Any]:
        """The JSON document of :meth:`explain` (``format="json"``), as Python data."""
        return self._document([step.as_json() for step in self.steps])

    def _document(self, steps: object) -> dict[str, Any]:
        inputs = {
            "worker": _masked_worker(self.worker),
            "employer": self.employer.model_dump(mode="json"),
            "month": self.month.model_dump(mode="json"),
            "history": self.history.model_dump(mode="json"),
        }
        canonical = _CANONICAL.encode(inputs)
        return {
            "schema_version": SCHEMA_VERSION,
            "period": f"{self.month.year}-{self.month.month:02d}",
            "inputs": inputs,
            "result": {
                "units": {r.value: str(u) for r, u in self.units.items()},
                "daily_amounts": {r.value: str(a) for r, a in self.daily_amounts.items()},
                "allowance_lines": [
                    {
                        "rate_parameter": line.rate_parameter,
                        "reasons": [r.value for r in line.reasons],
                        "units": str(line.units),
                        "daily_amount": str(line.daily_amount),
                        "amount": str(line.amount),
                    }
                    for line in self.allowance_lines
                ],
                "gross_allowance": str(self.gross_allowance),
                "sector_top_up": str(self.sector_top_up),
                "employer_supplement": str(self.employer_supplement),
                "payment_body_withholding": str(self.payment_body_withholding),
                "employer_withholding": str(self.employer_withholding),
                "sector_fund_withholding": str(self.sector_fund_withholding),
                "withholding": str(self.withholding),
                "net_total": str(self.net_total),
                "payments": [
                    {
                        "payer": p.payer,
                        "gross": str(p.gross),
                        "withholding": str(p.withholding),
                        "net": str(p.net),
                    }
                    for p in self.payments
                ],
                "status": self.status.value,
            },
            "history_after": self.history_after.model_dump(mode="json"),
            "notices": [notice.as_json() for notice in self.notices],
            "steps": steps,
            "receipt": {
                "library_version": self.library_version,
                "parameters_fingerprint": self.parameters_fingerprint,
                "inputs_sha256": hashlib.sha256(canonical.encode()).hexdigest(),
            },
        }


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
"""The encoder of ``json.dumps(…, sort_keys=True, separators=(",", ":"))``, made once."""


def _masked_worker(worker: Worker) -> dict[str, Any]:
    data = worker.model_dump(mode="json")
    data["niss"] = mask_niss(worker.niss)
    return data


def _enterprise(digits: str) -> str:
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _eur(amount: Decimal) -> str:
    return format_cents(decimal_to_cents(amount))


def describe_day(entry: DayEntry) -> str:
    """A day for a reader: ``2024-06-03 economic``."""
    what = entry.reason.value if entry.reason is not None else entry.status.value
    hours = f" {entry.hours} h" if entry.hours is not None else ""
    frost = " (frost)" if entry.frost_period else ""
    return f"{entry.day.isoformat()} {what}{hours}{frost}"
