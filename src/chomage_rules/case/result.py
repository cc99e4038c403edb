"""What ``compute_month`` returns: the amounts per payer, the status, and every step."""

from __future__ import annotations

import hashlib
import hmac
import json
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any, Literal, NamedTuple

from ..core.identifiers import mask_niss
from ..core.money import cents_to_decimal, half_units_to_decimal
from ..core.ops import Num
from ..core.vocabulary import PAYERS, Payer, PaymentStatus, Reason
from ..explain.catalogue import Language, check_language
from ..explain.html import html_fragment
from ..explain.render import Explanation, json_document, render
from ..explain.step import Notice, Step
from ..kernel import (
    KernelInputs,
    KernelOutputs,
    MonthFigures,
    Shown,
    explain_kernel,
    month_figures,
)
from ..parameters import FigureStatus, ParameterSet
from ..parameters.facts import Facts
from ..rules import dated_figures
from ..rules.payment_status import STATUS_OF_CODE
from ..rules.rate import GROUP_OF, REASONS_OF
from .document import document_of
from .models import Employer, History, Month, Worker
from .process import ProcessCase, explain_process, reason_limits_after
from .spells import history_fields

__all__ = ["PAYERS", "AllowanceLine", "MonthResult", "Payment"]

Format = Literal["text", "markdown", "json", "html"]


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
    """What the rules computed from and computed, kept to write the amounts and the explanation
    when they are read."""

    inputs: KernelInputs
    shown: Shown
    figures: MonthFigures
    outputs: KernelOutputs
    parameters: ParameterSet

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled without the month's figures, which are derived again from the parameters when
        loaded (the same function of the same set: the same figures), and with the shipped
        parameters by reference (see :class:`_ShippedParameters`): a result crosses a process
        boundary in a few kilobytes instead of some hundred."""
        return (
            _computation,
            (
                self.inputs,
                self.shown,
                self.outputs,
                _portable(self.parameters),
                self.figures.month.first_day,
            ),
        )


def _computation(
    inputs: KernelInputs,
    shown: Shown,
    outputs: KernelOutputs,
    parameters: ParameterSet,
    first_day: date,
) -> Computation:
    """A pickled :class:`Computation` loaded again."""
    return Computation(inputs, shown, month_figures(parameters, first_day), outputs, parameters)


class _ShippedParameters:
    """The shipped parameters in a pickle: their fingerprint, not their figures.

    Loaded as this process's ``ParameterSet.default()`` when its fingerprint is the same, and
    refused otherwise (another version of the library ships other figures): a result loaded
    with other figures than it was computed with would explain amounts it did not pay. A set of
    the caller's own (an override, a folder) is pickled whole; it has no other home.
    """

    __slots__ = ("fingerprint",)

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint

    def __reduce__(self) -> tuple[Any, ...]:
        return (_shipped_parameters, (self.fingerprint, LIBRARY_VERSION))


def _portable(parameters: ParameterSet) -> ParameterSet | _ShippedParameters:
    if parameters is ParameterSet.default():
        return _ShippedParameters(parameters.fingerprint())
    return parameters


def _shipped_parameters(fingerprint: str, version: str) -> ParameterSet:
    shipped = ParameterSet.default()
    if shipped.fingerprint() != fingerprint:
        raise pickle.UnpicklingError(
            f"this result was computed with the parameters shipped with chomage-rules {version} "
            f"(fingerprint {fingerprint}); this process ships other figures (chomage-rules "
            f"{LIBRARY_VERSION}, fingerprint {shipped.fingerprint()}). Load it with the same "
            "version, or keep results as their result document (to_json(), read back by "
            "load_result; with steps=True, every step with the figures it used)"
        )
    return shipped


class MonthResult:
    """One worker-month: amounts (exact Decimals, two decimals), payments, status and steps.

    - ``gross_allowance``: the ONEM allowance, paid by the payment body;
    - ``sector_top_up``: the construction top-up (CP 124), paid by the sector fund through the
      payment body;
    - ``employer_supplement``: the 2024 supplement (or the energy-scheme supplement), paid by the
      employer or, where the employer says so, by a sector fund;
    - withholdings per payer and their sum; ``net_total`` is the sum of the payments' nets;
    - ``supplement_units_paid``: units that got the employer supplement (or the energy
      supplement); ``construction_units_paid``: units paid from the construction credit (frost
      units aside); ``history_after``: the counters to carry to the next month.

    Every amount was fixed by the computation (in cents and half units); each is written out as a
    ``Decimal`` the first time it is read, and ``steps`` and ``notices`` likewise, so that a back
    end that only pays builds no explanation. A result cannot be changed.
    """

    __slots__ = ("__dict__", "computation", "employer", "history", "month", "worker")

    worker: Worker
    employer: Employer
    month: Month
    history: History
    computation: Computation

    def __init__(
        self,
        worker: Worker,
        employer: Employer,
        month: Month,
        history: History,
        computation: Computation,
    ) -> None:
        set_field = object.__setattr__
        set_field(self, "worker", worker)
        set_field(self, "employer", employer)
        set_field(self, "month", month)
        set_field(self, "history", history)
        set_field(self, "computation", computation)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a MonthResult cannot be changed ({name})")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as what it was built from: the inputs and the computation. What is written out
        when read (amounts as Decimals, steps, notices) is written again after loading, from the
        same cents and half units, rather than carried."""
        return (
            MonthResult,
            (self.worker, self.employer, self.month, self.history, self.computation),
        )

    def __eq__(self, other: object) -> bool:
        """The same inputs under the same figures (hence the same amounts and steps)."""
        if not isinstance(other, MonthResult):
            return NotImplemented
        return (self.worker, self.employer, self.month, self.history) == (
            other.worker,
            other.employer,
            other.month,
            other.history,
        ) and self.parameters_fingerprint == other.parameters_fingerprint

    def __hash__(self) -> int:
        return hash((self.month.year, self.month.month, self.parameters_fingerprint))

    def __repr__(self) -> str:
        return (
            f"MonthResult({self.month.year}-{self.month.month:02d}, worker={self.worker!r}, "
            f"net_total={self.net_total!r}, status={self.status.value!r})"
        )

    # ------------------------------------------------------------------ amounts

    @cached_property
    def _amounts(self) -> _Amounts:
        return _amounts(self.computation)

    @property
    def units(self) -> dict[Reason, Decimal]:
        """Units of each reason of the month (one decimal: 9.5)."""
        return dict(self._amounts.units)

    @property
    def daily_amounts(self) -> dict[Reason, Decimal]:
        """The daily amount each reason was paid at."""
        return dict(self._amounts.daily_amounts)

    @property
    def allowance_lines(self) -> tuple[AllowanceLine, ...]:
        return self._amounts.allowance_lines

    @property
    def gross_allowance(self) -> Decimal:
        return self._amounts.gross_allowance

    @property
    def sector_top_up(self) -> Decimal:
        return self._amounts.sector_top_up

    @property
    def employer_supplement(self) -> Decimal:
        return self._amounts.employer_supplement

    @property
    def supplement_units_paid(self) -> Decimal:
        return self._amounts.supplement_units_paid

    @property
    def construction_units_paid(self) -> Decimal:
        return self._amounts.construction_units_paid

    @property
    def payment_body_withholding(self) -> Decimal:
        return self._amounts.payments[0].withholding

    @property
    def employer_withholding(self) -> Decimal:
        return self._amounts.payments[1].withholding

    @property
    def sector_fund_withholding(self) -> Decimal:
        return self._amounts.payments[2].withholding

    @property
    def withholding(self) -> Decimal:
        return self._amounts.withholding

    @property
    def net_total(self) -> Decimal:
        return self._amounts.net_total

    @property
    def payments(self) -> tuple[Payment, ...]:
        """One payment per payer: the payment body, the employer, a sector fund."""
        return self._amounts.payments

    @property
    def status(self) -> PaymentStatus:
        return STATUS_OF_CODE[int(self.computation.outputs.status)]

    @cached_property
    def history_after(self) -> History:
        """The counters after this month, to give with the next one."""
        k = self.computation.outputs
        return History(
            through=self.computation.figures.month.last_day,
            supplement_units=_counter(k.supplement.counted_after),
            cp124_credit_used=_counter(k.construction.credit_used_after),
            # R14 limits by reason
            reason_limits=reason_limits_after(self._process),
            # the spell and the last temporary unemployment (job-seeker registration R12,
            # applications R13)
            **history_fields(self.worker, self.month, self.history, self._process.walk),
        )

    @cached_property
    def _process(self) -> ProcessCase:
        """The case as the process rules read it: their walks over the month's days are made
        once for ``history_after`` and the explanation together."""
        return ProcessCase(self.worker, self.employer, self.month, self.history, Facts.default())

    @property
    def parameters_fingerprint(self) -> str:
        return self.computation.parameters.fingerprint()

    @property
    def library_version(self) -> str:
        return LIBRARY_VERSION

    @cached_property
    def _derivation(self) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
        c = self.computation
        steps, notices = explain_kernel(c.inputs, c.shown, c.figures, c.outputs)
        more_steps, more_notices = explain_process(self._process)
        return (*steps, *more_steps), (*notices, *more_notices)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The whole derivation, in order."""
        return self._derivation[0]

    @property
    def notices(self) -> tuple[Notice, ...]:
        """What the reader must know: payment on hold, stale or overridden figures …"""
        return self._derivation[1]

    # ------------------------------------------------------------------ figures used (R9)

    @property
    def figures(self) -> tuple[FigureStatus, ...]:
        """Every figure the month's steps read, once each in the order first read: name, value,
        the day it applies from, its confidence (official, secondary, derived, or caller for a
        figure the caller supplied), whether it is unverified, stale (the indexation that makes
        it so), supplied by the caller, and its sources (rulebook R9)."""
        return dated_figures.figures(self.computation.figures.month, self.steps)

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

    def explain(
        self,
        format: Format = "text",
        lang: Language | str = "en",
        *,
        receipt_key: bytes | None = None,
    ) -> str:
        """Every step with formulas, values and numbered sources, in English (``en``), French
        (``fr``) or Dutch (``nl``); the national number is masked.

        ``format``: ``text``, ``markdown``, ``json``, or ``html``, a self-contained fragment
        (a ``<div>``, every text escaped, the sources as links) such as a notebook shows.

        The JSON document ends with a decision receipt: library version, parameter fingerprint
        and, when ``receipt_key`` is given, ``inputs_hmac_sha256`` (see :meth:`inputs_hmac`);
        without a key that field is null. ``receipt_key`` is for the JSON document only.
        """
        language = check_language(lang)
        if receipt_key is not None and format != "json":
            raise ValueError("receipt_key is for the JSON document (format='json') only")
        explanation = self._explanation()
        if format == "json":
            return json_document(language, self._data(receipt_key), explanation)
        if format == "html":
            return html_fragment(language, explanation)
        return render(format, language, explanation)

    def _repr_html_(self) -> str:
        """How a notebook shows a result: :meth:`explain` as HTML, in English."""
        return self.explain("html")

    def _explanation(self) -> Explanation:
        employer = self.employer
        name = f"{employer.name}, " if employer.name else ""
        number = employer.enterprise_number
        k, p = self.computation.outputs, self.computation.outputs.payments
        return Explanation(
            title_values={"period": f"{self.month.year}-{self.month.month:02d}"},
            header=(
                ("worker", "text", mask_niss(self.worker.niss)),
                ("employer", "text", f"{name}{number[:4]}.{number[4:7]}.{number[7:]}"),
                ("joint_committee", "text", employer.joint_committee),
                ("status", "term", self.status.value),
            ),
            summary=(
                ("gross_allowance", int(k.allowance.gross)),
                ("sector_top_up", int(k.construction.sector_top_up)),
                ("employer_supplement", int(k.employer_supplement)),
                ("withholding_total", int(k.payments.withholding)),
                ("net_total", int(k.payments.net_total)),
            ),
            payments=tuple(
                (f"payer.{payer}", int(gross), int(withheld), int(net))
                for payer, gross, withheld, net in (
                    (
                        "payment_body",
                        p.payment_body_gross,
                        p.payment_body_withholding,
                        p.payment_body_net,
                    ),
                    ("employer", p.employer_gross, p.employer_withholding, p.employer_net),
                    ("sector_fund", p.fund_gross, p.fund_withholding, p.fund_net),
                )
            ),
            notices=self.notices,
            steps=self.steps,
        )

    def as_json(
        self, lang: Language | str = "en", *, receipt_key: bytes | None = None
    ) -> dict[str, Any]:
        """The JSON document of :meth:`explain` (``format="json"``), as Python data."""
        document: dict[str, Any] = json.loads(self.explain("json", lang, receipt_key=receipt_key))
        return document

    def to_document(
        self, *, steps: bool = False, receipt_key: bytes | None = None
    ) -> dict[str, Any]:
        """The result as a compact, versioned document (JSON data) to store: its kind and
        version, the library version and the parameters' fingerprint, the period, the worker's
        masked national number, the status, the units and amounts (money as text), the payments,
        the notices (code, rule, values), the counters after the month, the figures used with
        their confidence, and the receipt (``inputs_hmac_sha256`` with ``receipt_key``, else
        null); with ``steps``, the steps as data too. ``load_result`` reads it back; ``verify``
        recomputes the case and compares. Its schema: ``result_document_schema()``."""
        return document_of(self, steps=steps, receipt_key=receipt_key)

    def to_json(self, *, steps: bool = False, receipt_key: bytes | None = None) -> str:
        """:meth:`to_document` as JSON text."""
        return json.dumps(
            self.to_document(steps=steps, receipt_key=receipt_key), ensure_ascii=False
        )

    def inputs_hmac(self, key: bytes) -> str:
        """HMAC-SHA256, keyed with the caller's secret, of the full inputs: the receipt that ties
        this result to exactly these inputs, national number included, without revealing it.

        The message is the four inputs as JSON (``model_dump(mode="json")`` of the worker, with
        its 11-digit national number, the employer, the month and the history; the inputs added
        since the recipe was published are left out while they hold their default, so that an
        older receipt is recomputed unchanged: the worker's ``occupation`` and
        ``residence_region``, the employer's ``sheltered_workshop``, the month's
        ``control_card`` and ``paper_card_issued``, the history's ``reason_limits``, ``spell``,
        ``last_unemployment`` and ``payment_body_changed``), under the keys
        ``worker``, ``employer``, ``month``, ``history``, written with ``json.dumps(inputs,
        sort_keys=True, separators=(",", ":"))`` and encoded in UTF-8 (the text is ASCII): a
        payment body recomputes it from the inputs it stores, with or without this library.
        Two inputs that differ in anything, if only in the national number, give different
        receipts. Without the key nobody can test a guessed national number against it; a bare
        hash could be, as there are fewer than a billion national numbers to try (decision D27).
        ``key``: at least 16 bytes (128 bits), kept secret by the caller.
        """
        if not isinstance(key, bytes):
            raise TypeError(f"the receipt key must be bytes, not a {type(key).__name__}")
        if len(key) < RECEIPT_KEY_MIN_BYTES:
            raise ValueError(
                f"the receipt key has {len(key)} bytes; use a secret of at least "
                f"{RECEIPT_KEY_MIN_BYTES} bytes (for instance secrets.token_bytes(32))"
            )
        inputs = {
            "worker": self.worker.receipt_data(),
            "employer": self.employer.receipt_data(),
            "month": self.month.receipt_data(),
            "history": self.history.receipt_data(),
        }
        canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"))
        return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()

    def _data(self, receipt_key: bytes | None = None) -> dict[str, Any]:
        inputs = {
            "worker": {**self.worker.model_dump(mode="json"), "niss": mask_niss(self.worker.niss)},
            "employer": self.employer.model_dump(mode="json"),
            "month": self.month.model_dump(mode="json"),
            "history": self.history.model_dump(mode="json"),
        }
        return {
            "period": f"{self.month.year}-{self.month.month:02d}",
            "inputs": inputs,
            "result": self._amounts_json(),
            "history_after": self.history_after.model_dump(mode="json"),
            "receipt": {
                "library_version": self.library_version,
                "parameters_fingerprint": self.parameters_fingerprint,
                "inputs_hmac_sha256": (
                    None if receipt_key is None else self.inputs_hmac(receipt_key)
                ),
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


RECEIPT_KEY_MIN_BYTES = 16
"""A receipt key shorter than 128 bits could be guessed along with the national number."""

try:
    LIBRARY_VERSION = package_version("chomage-rules")
except PackageNotFoundError:  # running from a source tree
    LIBRARY_VERSION = "0+unknown"


class _Amounts(NamedTuple):
    units: dict[Reason, Decimal]
    daily_amounts: dict[Reason, Decimal]
    allowance_lines: tuple[AllowanceLine, ...]
    gross_allowance: Decimal
    sector_top_up: Decimal
    employer_supplement: Decimal
    supplement_units_paid: Decimal
    construction_units_paid: Decimal
    withholding: Decimal
    net_total: Decimal
    payments: tuple[Payment, ...]


def _money(cents: Num) -> Decimal:
    return cents_to_decimal(int(cents))


def _units(half_units: Num) -> Decimal:
    return half_units_to_decimal(int(half_units))


def _counter(half_units: Num) -> Decimal:
    """Half units as a History counter (two decimals): 19 -> 9.50."""
    return cents_to_decimal(int(half_units) * 50)


def _amounts(c: Computation) -> _Amounts:
    """Every amount of the result, from the cents and half units the rules computed."""
    k, days = c.outputs, c.shown.days_by_reason
    p = k.payments
    return _Amounts(
        units={r: _units(k.units.half_units[r]) for r in days},
        daily_amounts={r: _money(k.daily.get(GROUP_OF[r], 0)) for r in days},
        allowance_lines=_lines(k, days),
        gross_allowance=_money(k.allowance.gross),
        sector_top_up=_money(k.construction.sector_top_up),
        employer_supplement=_money(k.employer_supplement),
        supplement_units_paid=_units(k.supplement_units_paid),
        construction_units_paid=_units(k.construction.covered),
        withholding=_money(p.withholding),
        net_total=_money(p.net_total),
        payments=(
            Payment(
                "payment_body",
                _money(p.payment_body_gross),
                _money(p.payment_body_withholding),
                _money(p.payment_body_net),
            ),
            Payment(
                "employer",
                _money(p.employer_gross),
                _money(p.employer_withholding),
                _money(p.employer_net),
            ),
            Payment(
                "sector_fund", _money(p.fund_gross), _money(p.fund_withholding), _money(p.fund_net)
            ),
        ),
    )


def _lines(k: KernelOutputs, days: Mapping[Reason, int]) -> tuple[AllowanceLine, ...]:
    """One line per daily amount with units (« 13JX62,44: 811,72 »)."""
    return tuple(
        AllowanceLine(
            group.value,
            tuple(r for r in REASONS_OF[group] if r in days),
            _units(units),
            _money(k.daily[group]),
            _money(k.allowance.components[group]),
        )
        for group, units in k.group_units.items()
        if units > 0
    )
