"""What ``compute_month`` returns: the amounts per payer, the status, and every step."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from ..core.identifiers import mask_niss
from ..core.money import decimal_to_cents
from ..core.vocabulary import PAYERS, Payer, PaymentStatus, Reason
from ..explain.catalogue import Language, check_language
from ..explain.render import Explanation, json_document, render
from ..explain.step import Notice, Step
from ..kernel import KernelInputs, KernelOutputs, MonthFigures, Shown, explain_kernel
from .models import Employer, History, Month, Worker

__all__ = ["PAYERS", "AllowanceLine", "MonthResult", "Payment"]

Format = Literal["text", "markdown", "json"]


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


@dataclass(frozen=True, slots=True)
class Computation:
    """What the rules computed from and computed, kept to write the explanation on demand."""

    inputs: KernelInputs
    shown: Shown
    figures: MonthFigures
    outputs: KernelOutputs


@dataclass(frozen=True)
class MonthResult:
    """One worker-month: amounts (exact Decimals, two decimals), payments, status and steps.

    - ``gross_allowance``: the ONEM allowance, paid by the payment body;
    - ``sector_top_up``: the construction top-up (CP 124), paid by the sector fund through the
      payment body;
    - ``employer_supplement``: the 2024 supplement (or the energy-scheme supplement), paid by the
      employer or, where the employer says so, by a sector fund;
    - withholdings per payer and their sum; ``net_total`` is the sum of the payments' nets.

    ``steps`` and ``notices`` are made the first time they are read (the values they show were
    all fixed by the computation), so that a batch that only pays builds no explanation.
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
    computation: Computation = field(repr=False, compare=False)

    @cached_property
    def _derivation(self) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
        c = self.computation
        return explain_kernel(c.inputs, c.shown, c.figures, c.outputs)

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

    def explain(self, format: Format = "text", lang: Language | str = "en") -> str:
        """Every step with formulas, values and numbered sources, in English (``en``), French
        (``fr``) or Dutch (``nl``); the national number is masked."""
        language = check_language(lang)
        explanation = self._explanation()
        if format == "json":
            return json_document(language, self._data(), explanation)
        return render(format, language, explanation)

    def _explanation(self) -> Explanation:
        employer = self.employer
        name = f"{employer.name}, " if employer.name else ""
        number = employer.enterprise_number
        return Explanation(
            title_values={"period": f"{self.month.year}-{self.month.month:02d}"},
            header=(
                ("worker", "text", mask_niss(self.worker.niss)),
                ("employer", "text", f"{name}{number[:4]}.{number[4:7]}.{number[7:]}"),
                ("joint_committee", "text", employer.joint_committee),
                ("status", "term", self.status.value),
            ),
            summary=(
                ("gross_allowance", _cents(self.gross_allowance)),
                ("sector_top_up", _cents(self.sector_top_up)),
                ("employer_supplement", _cents(self.employer_supplement)),
                ("withholding_total", _cents(self.withholding)),
                ("net_total", _cents(self.net_total)),
            ),
            payments=tuple(
                (f"payer.{p.payer}", _cents(p.gross), _cents(p.withholding), _cents(p.net))
                for p in self.payments
            ),
            notices=self.notices,
            steps=self.steps,
        )

    def as_json(self, lang: Language | str = "en") -> dict[str, Any]:
        """The JSON document of :meth:`explain` (``format="json"``), as Python data."""
        document: dict[str, Any] = json.loads(self.explain("json", lang))
        return document

    def _data(self) -> dict[str, Any]:
        inputs = {
            "worker": {**self.worker.model_dump(mode="json"), "niss": mask_niss(self.worker.niss)},
            "employer": self.employer.model_dump(mode="json"),
            "month": self.month.model_dump(mode="json"),
            "history": self.history.model_dump(mode="json"),
        }
        canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"))
        return {
            "period": f"{self.month.year}-{self.month.month:02d}",
            "inputs": inputs,
            "result": self._amounts_json(),
            "history_after": self.history_after.model_dump(mode="json"),
            "receipt": {
                "library_version": self.library_version,
                "parameters_fingerprint": self.parameters_fingerprint,
                "inputs_sha256": hashlib.sha256(canonical.encode()).hexdigest(),
            },
        }

    def _amounts_json(self) -> dict[str, Any]:
        return {
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
            **{
                name: str(getattr(self, name))
                for name in (
                    "gross_allowance",
                    "sector_top_up",
                    "employer_supplement",
                    "payment_body_withholding",
                    "employer_withholding",
                    "sector_fund_withholding",
                    "withholding",
                    "net_total",
                )
            },
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
        }


def _cents(amount: Decimal) -> int:
    return decimal_to_cents(amount)
