"""The parameters of one month, resolved once into exact integers for the kernel.

A month is computed with the parameter versions in force on its **first day** (indexations take
effect on the first of a month). Resolving is cached on the ParameterSet, so a back end computing
many workers for the same month reads the files' figures once.

Parameters every month needs (ceiling, rates, withholding, the supplement's series) must be covered
on that day, or :class:`ParameterNotCovered` is raised. Parameters only some workers need (the
energy scheme, the construction amounts) are resolved when covered and otherwise recorded as
missing; the kernel raises only if a worker actually needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from .core.errors import ParameterNotCovered
from .core.money import decimal_to_cents, decimal_to_ratio
from .models import Cp124Category
from .parameters import ParameterSet, ParameterVersion
from .rules.reasons import RateGroup

__all__ = ["CATEGORY_ORDER", "MonthParameters", "month_parameters"]

CATEGORY_ORDER: tuple[Cp124Category, ...] = tuple(Cp124Category)
"""Category codes used by the kernel: the index in this tuple."""

CORE = (
    "wage.monthly_ceiling",
    "wage.daily_divisor",
    "rate.standard",
    "rate.force_majeure",
    "allowance.minimum_daily",
    "withholding.legal",
    "withholding.complement",
    "supplement.amount",
    "supplement.wage_threshold",
    "supplement.free_units",
)
CONSTRUCTION = (
    *(f"construction.amount.{c}" for c in CATEGORY_ORDER),
    "construction.credit_units",
    *(f"construction.frost_amount.{c}" for c in CATEGORY_ORDER),
)
CONDITIONAL = ("rate.energy_crisis", "supplement.energy_amount", *CONSTRUCTION)


@dataclass(frozen=True, slots=True)
class MonthParameters:
    """Every figure of a month as exact integers (cents, half units, rate fractions)."""

    first_day: date
    last_day: date
    ceiling_cents: int
    divisor: int
    rates: dict[RateGroup, tuple[int, int] | None]
    minimum_cents: int | None
    legal_withholding: tuple[int, int]
    complement_withholding: tuple[int, int]
    supplement_cents: int | None
    threshold_cents: int | None
    free_half_units: int | None
    energy_supplement_cents: int | None
    construction_cents: tuple[int, ...] | None
    """Top-up per unit by category code; None when not covered on this date."""
    credit_half_units: int | None
    frost_cents: tuple[int | None, ...] | None
    frost_cents_or_zero: tuple[int, ...]
    """The frost amounts with 0 where none is sourced (nothing is paid for them)."""
    versions: dict[str, ParameterVersion]
    """Every version consulted, by parameter name (for the explanation)."""
    missing: dict[str, ParameterNotCovered]
    """Conditional parameters with no version on this date."""
    stale: tuple[ParameterVersion, ...]
    """Latest versions of indexed figures whose sources predate the month: later indexations may
    be missing (R9)."""
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """What the explanation derives from these figures alone (their texts, the steps that only
    show them), worked out for the first worker of the month and shared by the next ones."""

    def require(self, name: str) -> None:
        """Raise the recorded ParameterNotCovered if ``name`` is needed but missing."""
        if name in self.missing:
            raise self.missing[name]


def _cents(version: ParameterVersion | None) -> int | None:
    if version is None or version.value is None:
        return None
    return decimal_to_cents(version.value)


def _half_units(version: ParameterVersion | None) -> int | None:
    if version is None or version.value is None:
        return None
    numerator, denominator = decimal_to_ratio(version.value)
    return numerator * 2 // denominator


def _ratio(version: ParameterVersion | None) -> tuple[int, int] | None:
    if version is None or version.value is None:
        return None
    return decimal_to_ratio(version.value)


def month_parameters(parameters: ParameterSet, first_day: date) -> MonthParameters:
    """The month's figures; cached per ParameterSet and day."""
    key = ("month", first_day)
    cached = parameters.derived(key)
    if cached is None:
        cached = parameters.remember(key, _resolve(parameters, first_day))
    result: MonthParameters = cached
    return result


def _resolve(parameters: ParameterSet, first_day: date) -> MonthParameters:
    versions: dict[str, ParameterVersion] = {}
    missing: dict[str, ParameterNotCovered] = {}
    for name in CORE:
        versions[name] = parameters.version(name, first_day)  # raises when not covered
    for name in CONDITIONAL:
        try:
            versions[name] = parameters.version(name, first_day)
        except ParameterNotCovered as error:
            missing[name] = error
    for name in (
        "wage.monthly_ceiling",
        "wage.daily_divisor",
        "rate.standard",
        "rate.force_majeure",
        "withholding.legal",
        "withholding.complement",
    ):
        if versions[name].value is None:
            raise ParameterNotCovered(name, first_day, versions[name].note or "")
    supplement = versions["supplement.amount"]
    if supplement.value is not None:
        for name in ("supplement.wage_threshold", "supplement.free_units"):
            if versions[name].value is None:
                raise ParameterNotCovered(
                    name, first_day, "the supplement is in force but this figure is not"
                )

    def get(name: str) -> ParameterVersion | None:
        return versions.get(name)

    construction_versions = [get(f"construction.amount.{c}") for c in CATEGORY_ORDER]
    construction_cents = None
    if all(v is not None and v.value is not None for v in construction_versions):
        construction_cents = tuple(_cents(v) or 0 for v in construction_versions)
    else:
        for category, version in zip(CATEGORY_ORDER, construction_versions, strict=True):
            name = f"construction.amount.{category}"
            if version is not None and version.value is None:
                missing[name] = ParameterNotCovered(name, first_day, version.note or "")
    frost_versions = [get(f"construction.frost_amount.{c}") for c in CATEGORY_ORDER]
    frost_cents = None
    if all(v is not None for v in frost_versions):
        frost_cents = tuple(_cents(v) for v in frost_versions)

    ceiling = _cents(versions["wage.monthly_ceiling"])
    divisor = versions["wage.daily_divisor"].value
    legal = _ratio(versions["withholding.legal"])
    complement = _ratio(versions["withholding.complement"])
    assert (
        ceiling is not None and divisor is not None and legal is not None and complement is not None
    )
    stale = tuple(
        version
        for name, version in versions.items()
        if parameters.parameter(name).indexed  # a rate or a divisor changes by law, not index
        and version is parameters.parameter(name).last
        and not version.overridden
        and version.source_date is not None
        and version.source_date < first_day
    )
    return MonthParameters(
        first_day=first_day,
        last_day=first_day + relativedelta(months=1, days=-1),
        ceiling_cents=ceiling,
        divisor=int(divisor),
        rates={group: _ratio(get(group.value)) for group in RateGroup},
        minimum_cents=_cents(versions["allowance.minimum_daily"]),
        legal_withholding=legal,
        complement_withholding=complement,
        supplement_cents=_cents(supplement),
        threshold_cents=_cents(versions["supplement.wage_threshold"]),
        free_half_units=_half_units(versions["supplement.free_units"]),
        energy_supplement_cents=_cents(get("supplement.energy_amount")),
        construction_cents=construction_cents,
        credit_half_units=_half_units(get("construction.credit_units")),
        frost_cents=frost_cents,
        frost_cents_or_zero=tuple(a or 0 for a in (frost_cents or (None,) * len(CATEGORY_ORDER))),
        versions=versions,
        missing=missing,
        stale=stale,
    )
