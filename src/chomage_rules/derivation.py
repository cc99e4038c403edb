"""The steps of a month's derivation, built from the kernel's intermediate values (design §4).

Nothing here computes an amount: every figure shown comes from :mod:`chomage_rules.kernel`. This
module only puts the values into formulas a clerk can check by hand, says which rules did not
apply and why, and lists the parameters and sources each step rests on.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from datetime import date, timedelta

from .core.money import format_cents, format_fraction
from .explain import LegalSource, Notice, ParameterUse, Step
from .kernel import KernelOutputs
from .models import Cp124Category, DayStatus, Reason
from .month_parameters import CATEGORY_ORDER, MonthParameters
from .rules import (
    allowance,
    construction,
    daily_amount,
    daily_wage,
    energy_supplement,
    payment_status,
    reasons,
    supplement,
    units,
    withholding,
)
from .rules.reasons import RateGroup, ReasonRules, rules_for

__all__ = ["Context", "derive"]

_RATE_GROUPS = tuple(RateGroup)
_RULES: dict[Reason, ReasonRules] = {r: rules_for(r) for r in Reason}
"""``rules_for`` by reason, looked up without its ``str()`` (the steps ask it often)."""
_NAME: dict[Reason | DayStatus, str] = {
    **{r: r.value for r in Reason},
    **{s: s.value for s in DayStatus},
}
"""``.value`` of a reason or day status (a dict lookup is cheaper than the enum property)."""


@dataclass(slots=True)
class Context:
    """What the derivation needs besides the kernel's outputs (all plain values)."""

    first_day: date
    paid_hourly: bool
    monthly_wage_cents: int
    hourly_wage_cents: int
    weekly_hours_h: int
    days_per_week: int
    divisor_name: str  # "Q" or "S"
    divisor_hours_h: int
    days_by_reason: dict[Reason, int]
    hours_scaled_by_reason: dict[Reason, int]
    """Hours per reason × days_per_week, in hundredths (the unit numerator / 6)."""
    other_days: dict[DayStatus, int]
    frost_days: int
    prior_supplement_half_units: int
    supplement_counter_reset: bool
    prior_credit_half_units: int
    credit_counter_reset: bool
    service_year_start: date
    joint_committee: str
    has_legitimation_card: bool
    category_code: int | None
    construction_applies: bool
    agreement_guarantees_supplement: bool
    supplement_paid_by_fund: bool
    employer_declared: bool
    card_submitted: bool


# A Step is a frozen dataclass: its __init__ sets each field through object.__setattr__. The
# derivation builds some twenty steps per worker, so it fills the slots directly (the same object,
# in half the time). The field list is checked, so that a field added to Step cannot go unset.
_STEP_FIELDS = ("id", "title", "applies", "formula", "result", "parameters", "sources", "rule")
if tuple(f.name for f in fields(Step)) != _STEP_FIELDS:
    raise RuntimeError("derivation._step does not set the fields of Step")
_new_step = object.__new__
(
    _set_id,
    _set_title,
    _set_applies,
    _set_formula,
    _set_result,
    _set_parameters,
    _set_sources,
    _set_rule,
) = (getattr(Step, name).__set__ for name in _STEP_FIELDS)


def _step(
    id: str,
    title: str,
    applies: bool,
    formula: str,
    result: str,
    parameters: tuple[ParameterUse, ...] = (),
    sources: tuple[LegalSource, ...] = (),
    rule: str = "",
) -> Step:
    """``Step(...)``, faster (see above)."""
    step: Step = _new_step(Step)
    _set_id(step, id)
    _set_title(step, title)
    _set_applies(step, applies)
    _set_formula(step, formula)
    _set_result(step, result)
    _set_parameters(step, parameters)
    _set_sources(step, sources)
    _set_rule(step, rule)
    return step


def eur(cents: int) -> str:
    # format_cents, with a shorter way for the amounts a step shows (never negative)
    return f"{cents // 100:,}.{cents % 100:02d}" if cents >= 0 else format_cents(cents)


def unit_text(half_units: int) -> str:
    if 0 <= half_units < len(_UNIT_TEXTS):
        return _UNIT_TEXTS[half_units]
    return _unit_text(half_units)


def _unit_text(half_units: int) -> str:
    whole, half = divmod(half_units, 2)
    return f"{whole}.5" if half else f"{whole}"


# a step quotes a dozen unit counts; those of a year (up to 1,000 units) are written once
_UNIT_TEXTS = tuple(_unit_text(h) for h in range(2000))


def percent(ratio: tuple[int, int]) -> str:
    text = format_fraction(ratio[0] * 100, ratio[1], 4)
    if "…" not in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} %"


# --------------------------------------------------------------------------- the month's texts


class _MonthTexts:
    """What the steps show of one month's figures, written out once per MonthParameters.

    The explanation of every worker of a month quotes the same ParameterUse tuples, the same
    ceiling, rates and amounts, and some steps that only show the month's figures (a rule not in
    force, a payer paying nothing). MonthParameters is frozen and cached per ParameterSet and
    month, so these are kept on it (``_memo``) instead of being formatted again for each worker.
    """

    __slots__ = (
        "ceiling",
        "complement_percent",
        "credit",
        "daily_ceiling",
        "energy_amount",
        "free_units",
        "legal_percent",
        "minimum",
        "notices",
        "percents",
        "single",
        "steps",
        "supplement_amount",
        "threshold",
        "use_tuples",
        "uses",
    )

    def __init__(self, p: MonthParameters) -> None:
        self.uses = {name: ParameterUse(name, version) for name, version in p.versions.items()}
        # the parameters of a step that reads one, by its name (most steps); else use(*names)
        self.single = {name: (use,) for name, use in self.uses.items()}
        self.use_tuples: dict[tuple[str, ...], tuple[ParameterUse, ...]] = {}
        self.ceiling = eur(p.ceiling_cents)
        self.daily_ceiling = format_fraction(p.ceiling_cents, p.divisor * 100)
        self.percents = {g: percent(rate) for g, rate in p.rates.items() if rate is not None}
        self.legal_percent = percent(p.legal_withholding)
        self.complement_percent = percent(p.complement_withholding)
        self.minimum = None if p.minimum_cents is None else eur(p.minimum_cents)
        self.threshold = eur(p.threshold_cents or 0)
        self.free_units = unit_text(p.free_half_units or 0)
        self.supplement_amount = None if p.supplement_cents is None else eur(p.supplement_cents)
        self.energy_amount = eur(p.energy_supplement_cents or 0)
        self.credit = unit_text(p.credit_half_units or 0)
        # steps and notices that depend on the month's figures and a few flags, by those flags
        self.steps: dict[Hashable, Step] = {}
        self.notices: dict[tuple[frozenset[str], frozenset[str]], tuple[Notice, ...]] = {}

    def keep(self, key: Hashable, step: Step) -> Step:
        """Keep ``step`` under ``key`` for the next workers of the month (a Step is frozen).

        Used as ``m.steps.get(key) or m.keep(key, <the step>)``: a kept step is found without
        making anything, and the step is made only the first time.
        """
        self.steps[key] = step
        return step

    def use(self, *names: str) -> tuple[ParameterUse, ...]:
        """The parameters a step read (KeyError if one is not covered this month)."""
        uses = self.use_tuples.get(names)
        if uses is None:
            uses = self.use_tuples[names] = tuple(self.uses[name] for name in names)
        return uses


def _month_texts(p: MonthParameters) -> _MonthTexts:
    texts: _MonthTexts | None = p._memo.get(_MonthTexts)
    if texts is None:
        texts = p._memo[_MonthTexts] = _MonthTexts(p)
    return texts


# Ids and titles of the steps repeated per rate group or reason, written once.
_DAILY_AMOUNT = {
    g: (f"allowance.daily_amount.{label}", f"Daily amount, {label.replace('_', ' ')}")
    for g, label in ((g, g.label) for g in RateGroup)
}
_ALLOWANCE_LINE = {
    g: (f"allowance.line.{label}", f"Allowance, {label.replace('_', ' ')}")
    for g, label in ((g, g.label) for g in RateGroup)
}
_UNITS_STEP = {
    r: (f"units.quarter_round.{r.value}", f"Units, {r.value.replace('_', ' ')}") for r in Reason
}


def derive(
    c: Context, p: MonthParameters, k: KernelOutputs
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """The ordered steps and the notices of one month."""
    steps: list[Step] = []
    notices: list[Notice] = []
    add = steps.append
    m = _month_texts(p)
    use = m.use

    tu_reasons = [r for r in c.days_by_reason if c.days_by_reason[r]]

    # ---------------------------------------------------------------- the days
    days_key = ("input.days", *c.days_by_reason.items(), None, *c.other_days.items())
    step = _SCHEDULE_STEPS.get(days_key)
    if step is None:
        step = _keep(_SCHEDULE_STEPS, days_key, _days_step(c, tu_reasons))
    add(step)

    # ---------------------------------------------------------------- R1 wage
    ceiling = m.ceiling
    divisor = p.divisor
    # Every worker above the ceiling has the month's daily wage (the ceiling / divisor), and so
    # the same wage.daily and daily-amount steps: those are kept per month, by the values shown.
    daily_wage_key = (k.daily_wage_numerator, k.daily_wage_denominator)
    if c.paid_hourly:
        daily_wage_text = _daily_wage_text(k)
        uncapped = (c.hourly_wage_cents * c.weekly_hours_h, 6 * 100 * 100)
        capped = c.hourly_wage_cents * c.weekly_hours_h * divisor > p.ceiling_cents * 600
        q = format_fraction(c.weekly_hours_h, 100, 2)
        formula = (
            f"min(hourly wage {eur(c.hourly_wage_cents)} × Q {q} / 6 = {format_fraction(*uncapped)}, "
            f"ceiling {ceiling} / {divisor} = {m.daily_ceiling})"
        )
        add(
            _step(
                "wage.ceiling",
                "Daily wage, capped",
                capped,
                formula,
                f"daily wage {daily_wage_text} (capped at the ceiling)"
                if capped
                else f"daily wage {daily_wage_text}: not above the daily ceiling, not capped",
                use("wage.monthly_ceiling", "wage.daily_divisor"),
                daily_wage.SOURCES,
                "R1",
            )
        )
    else:
        capped = c.monthly_wage_cents > p.ceiling_cents
        wage = eur(c.monthly_wage_cents)
        add(
            _step(
                "wage.ceiling",
                "Monthly wage, capped",
                capped,
                f"min(monthly gross wage {wage}, ceiling {ceiling})",
                f"{ceiling}: the wage is above the ceiling"
                if capped
                else f"{wage}: the wage is not above the ceiling {ceiling}, not capped",
                m.single["wage.monthly_ceiling"],
                daily_wage.SOURCES,
                "R1",
            )
        )
        if capped:
            key = ("wage.daily", *daily_wage_key)
            add(m.steps.get(key) or m.keep(key, _wage_daily_step(m, divisor, ceiling, k)))
        else:
            add(_wage_daily_step(m, divisor, wage, k))

    # ---------------------------------------------------------------- R2 rates, daily amounts
    tu_groups = {_RULES[r].rate_group for r in tu_reasons}
    groups = tuple(g for g in _RATE_GROUPS if k.group_half_units[g] > 0 or g in tu_groups)
    if groups:
        rate_key = ("rate.by_reason", *tu_reasons, None, *groups)
        add(
            m.steps.get(rate_key)
            or m.keep(
                rate_key,
                _step(
                    "rate.by_reason",
                    "Rate by reason",
                    True,
                    "; ".join(
                        f"{r.value} → {_RULES[r].rate_group.value} "
                        f"{m.percents[_RULES[r].rate_group]}"
                        for r in tu_reasons
                    ),
                    ", ".join(f"{g.label} {m.percents[g]}" for g in groups),
                    use(*(g.value for g in groups)),
                    _RATE_SOURCES,
                    "R2",
                ),
            )
        )
    else:
        add(_NO_RATE)
    for group in groups:
        if capped:
            amount_key = (
                "allowance.daily_amount",
                group,
                *daily_wage_key,
                k.daily_before_minimum[group],
            )
            add(m.steps.get(amount_key) or m.keep(amount_key, _daily_amount_step(p, m, k, group)))
        else:
            add(_daily_amount_step(p, m, k, group))
    minimum_use = m.single["allowance.minimum_daily"]
    if not groups:
        add(_NO_MINIMUM)
    elif m.minimum is None:
        minimum_key = ("allowance.minimum", c.first_day)
        add(
            m.steps.get(minimum_key)
            or m.keep(
                minimum_key,
                _step(
                    "allowance.minimum",
                    "Minimum daily amount",
                    False,
                    f"no minimum daily amount is sourced on {c.first_day.isoformat()} "
                    f"({p.versions['allowance.minimum_daily'].note or 'no figure'})",
                    "none applied; a caller who has the figure can supply allowance.minimum_daily",
                    minimum_use,
                    daily_amount.SOURCES,
                    "R3",
                ),
            )
        )
    else:
        raised = [g for g in groups if k.daily[g] != k.daily_before_minimum[g]]
        minimum = m.minimum
        add(
            _step(
                "allowance.minimum",
                "Minimum daily amount",
                bool(raised),
                "; ".join(
                    f"{g.label}: max({eur(k.daily_before_minimum[g])}, minimum {minimum})"
                    for g in groups
                ),
                "; ".join(
                    f"{g.label} raised to {minimum}"
                    if g in raised
                    else f"{g.label} {eur(k.daily[g])} is not below the minimum {minimum}"
                    for g in groups
                ),
                minimum_use,
                daily_amount.SOURCES,
                "R3",
            )
        )

    # ---------------------------------------------------------------- R4 units
    if not tu_reasons:
        add(_NO_UNITS)
    for reason in tu_reasons:
        units_key = (
            reason,
            c.hours_scaled_by_reason[reason],
            c.days_by_reason[reason],
            c.days_per_week,
            c.divisor_name,
            c.divisor_hours_h,
            k.half_units[reason],
        )
        step = _SCHEDULE_STEPS.get(units_key)
        if step is None:
            step = _keep(_SCHEDULE_STEPS, units_key, _units_step(c, k, reason))
        add(step)

    # ---------------------------------------------------------------- R0 (2) allowance lines
    lines = []
    for group in groups:
        component = eur(k.components[group])
        lines.append(component)
        step_id, title = _ALLOWANCE_LINE[group]
        add(
            _step(
                step_id,
                title,
                True,
                f"{unit_text(k.group_half_units[group])} × {eur(k.daily[group])}",
                f"{component} (rounded once, half up)",
                (),
                allowance.SOURCES,
                "R0",
            )
        )
    gross_allowance = eur(k.gross_allowance)
    add(
        _step(
            "allowance.gross",
            "Allowance, gross",
            bool(groups),
            " + ".join(lines) if lines else "no unit",
            gross_allowance,
            rule="R0",
        )
    )

    _supplement_steps(c, p, k, m, add)
    _construction_steps(c, p, k, m, add, notices)
    _withholding_steps(p, k, m, add, gross_allowance)

    # ---------------------------------------------------------------- status, counters
    add(_payment_status_step(c.employer_declared, c.card_submitted, k.status_code))
    if not c.employer_declared:
        notices.append(_AWAITING_DECLARATION)
    if not c.card_submitted:
        notices.append(_AWAITING_CARD)
    reset_supplement = (
        " (new calendar year: counter restarted)" if c.supplement_counter_reset else ""
    )
    reset_credit = " (new service year: counter restarted)" if c.credit_counter_reset else ""
    add(
        _step(
            "history.after",
            "Counters after this month",
            True,
            f"supplement units this calendar year: {unit_text(c.prior_supplement_half_units)}{reset_supplement}"
            f" + {unit_text(k.supplement_eligible_half_units)}; construction credit used since "
            f"{c.service_year_start.isoformat()}: {unit_text(c.prior_credit_half_units)}{reset_credit}"
            f" + {unit_text(k.credit_covered_half_units)}",
            f"{unit_text(k.supplement_half_units_after)} supplement unit(s); "
            f"{unit_text(k.credit_half_units_after)} credit unit(s) used",
            rule="R5/R6",
        )
    )
    used = frozenset([use.name for step in steps for use in step.parameters])
    # a caveat matters where its figure changed the result: in a step that applied
    applied = frozenset([use.name for step in steps if step.applies for use in step.parameters])
    used_key = (used, applied)
    parameter_notices = m.notices.get(used_key)
    if parameter_notices is None:
        parameter_notices = m.notices[used_key] = _parameter_notices(c, p, used, applied)
    notices += parameter_notices
    return tuple(steps), tuple(notices)


_RATE_SOURCES = tuple(dict.fromkeys(reasons.SOURCES + daily_amount.SOURCES))


def _rate(p: MonthParameters, group: RateGroup) -> tuple[int, int]:
    rate = p.rates[group]
    assert rate is not None  # the kernel raised if units needed a missing rate
    return rate


AddStep = Callable[[Step], None]

_SCHEDULE_STEPS: dict[Hashable, Step] = {}
"""Steps that only show a worker's days and hours (input.days, units.*), by everything they show:
the workers put on temporary unemployment on the same days (a team, a shift) share them."""
_SCHEDULE_STEPS_MAX = 4096


def _keep(cache: dict[Hashable, Step], key: Hashable, step: Step) -> Step:
    if len(cache) < _SCHEDULE_STEPS_MAX:
        cache[key] = step
    return step


def _days_step(c: Context, tu_reasons: list[Reason]) -> Step:
    tu_days = sum(c.days_by_reason.values())
    by_reason = ", ".join(f"{_NAME[r]} {c.days_by_reason[r]}" for r in tu_reasons) or "none"
    others = ", ".join(f"{_NAME[s]} {n}" for s, n in c.other_days.items() if n) or "none"
    return _step(
        "input.days",
        "Days of the control card",
        tu_days > 0,
        f"temporary unemployment: {by_reason}; other days: {others}",
        f"{tu_days} day(s) of temporary unemployment"
        if tu_days
        else "no day of temporary unemployment: nothing is due",
        rule="R4",
    )


def _units_step(c: Context, k: KernelOutputs, reason: Reason) -> Step:
    b = eur(c.divisor_hours_h)  # = format_fraction(hours_h, 100, 2): hundredths, like cents
    scaled = c.hours_scaled_by_reason[reason]
    hours = format_fraction(scaled, c.days_per_week * 100, 2)
    ratio = format_fraction(scaled * 6, c.days_per_week * c.divisor_hours_h, 4)
    step_id, title = _UNITS_STEP[reason]
    return _step(
        step_id,
        title,
        True,
        f"P = {hours} h over {c.days_by_reason[reason]} day(s); "
        f"{hours} × 6 / {c.divisor_name} {b} = {ratio}",
        f"{unit_text(k.half_units[reason])} unit(s) (fraction below .25 down, "
        ".25 to below .75 gives .5, from .75 up)",
        (),
        units.SOURCES,
        "R4",
    )


def _daily_wage_text(k: KernelOutputs) -> str:
    return format_fraction(k.daily_wage_numerator, k.daily_wage_denominator * 100)


def _wage_daily_step(m: _MonthTexts, divisor: int, capped_wage: str, k: KernelOutputs) -> Step:
    return _step(
        "wage.daily",
        "Daily wage (not rounded)",
        True,
        f"{capped_wage} / {divisor}",
        f"{_daily_wage_text(k)} (kept exact until the daily amount is rounded)",
        m.single["wage.daily_divisor"],
        daily_wage.SOURCES,
        "R1",
    )


def _daily_amount_step(
    p: MonthParameters, m: _MonthTexts, k: KernelOutputs, group: RateGroup
) -> Step:
    rate = _rate(p, group)
    exact = format_fraction(
        rate[0] * k.daily_wage_numerator, rate[1] * k.daily_wage_denominator * 100
    )
    step_id, title = _DAILY_AMOUNT[group]
    return _step(
        step_id,
        title,
        True,
        f"{m.percents[group]} × {_daily_wage_text(k)} = {exact}",
        f"{eur(k.daily_before_minimum[group])} (rounded to the cent, half up)",
        m.single[group.value],
        daily_amount.SOURCES,
        "R0/R2",
    )


def _supplement_steps(
    c: Context, p: MonthParameters, k: KernelOutputs, m: _MonthTexts, add: AddStep
) -> None:
    amount_use = m.single["supplement.amount"]
    eligible = unit_text(k.supplement_eligible_half_units)
    if m.supplement_amount is None:
        key = ("supplement.in_force", c.first_day)
        add(
            m.steps.get(key)
            or m.keep(
                key,
                _step(
                    "supplement.in_force",
                    "Employer supplement",
                    False,
                    f"no employer supplement on {c.first_day.isoformat()}: "
                    f"{p.versions['supplement.amount'].note or ''}",
                    "not due",
                    amount_use,
                    supplement.SOURCES,
                    "R5",
                ),
            )
        )
    else:
        eligible_reasons = [
            r for r in c.days_by_reason if c.days_by_reason[r] and _RULES[r].supplement
        ]
        excluded = [
            r
            for r in c.days_by_reason
            if c.days_by_reason[r] and not _RULES[r].supplement and not _RULES[r].energy_supplement
        ]
        excluded_text = (
            f" ({', '.join(_NAME[r] for r in excluded)} not counted)" if excluded else ""
        )
        add(
            _step(
                "supplement.scope",
                "Supplement: eligible units",
                k.supplement_eligible_half_units > 0,
                " + ".join(f"{_NAME[r]} {unit_text(k.half_units[r])}" for r in eligible_reasons)
                + excluded_text
                if eligible_reasons
                else f"no unit of an eligible reason{excluded_text}; force majeure and medical "
                "force majeure never get the supplement",
                f"{eligible} eligible unit(s)",
                (),
                supplement.SOURCES,
                "R5",
            )
        )
        add(_AGREEMENT_STEPS[c.agreement_guarantees_supplement])
        threshold = m.threshold
        if c.paid_hourly:
            wage_num = c.hourly_wage_cents * c.weekly_hours_h * p.divisor
            wage_text = (
                f"hourly {eur(c.hourly_wage_cents)} × Q {format_fraction(c.weekly_hours_h, 100, 2)} "
                f"× {p.divisor} / 6 = {format_fraction(wage_num, 60000)}"
            )
        else:
            wage_text = eur(c.monthly_wage_cents)
        below = bool(k.supplement_at_or_below_threshold)
        add(
            _step(
                "supplement.threshold",
                "Supplement: wage at or below the threshold",
                below,
                f"gross monthly wage (not capped) {wage_text} {'≤' if below else '>'} threshold {threshold}",
                "at or below the threshold: every eligible unit gets it"
                if below
                else "above the threshold: only units from the 27th eligible unit of the calendar year",
                m.single["supplement.wage_threshold"],
                supplement.SOURCES,
                "R5",
            )
        )
        if below:
            add(
                _step(
                    "supplement.day_27",
                    "Supplement: from the 27th unit",
                    False,
                    f"the gross monthly wage {wage_text} does not exceed the threshold {threshold}",
                    "the 27th-unit rule does not apply",
                    m.single["supplement.free_units"],
                    supplement.SOURCES,
                    "R5",
                )
            )
        else:
            free = m.free_units
            prior = unit_text(c.prior_supplement_half_units)
            add(
                _step(
                    "supplement.day_27",
                    "Supplement: from the 27th unit",
                    True,
                    f"units counted before this month {prior} + this month {eligible}, first {free} free: "
                    f"clip({prior} + {eligible} − {free}, 0, {eligible})",
                    f"{unit_text(k.supplement_paid_half_units)} of {eligible} unit(s) get the supplement",
                    m.single["supplement.free_units"],
                    supplement.SOURCES,
                    "R5",
                )
            )
        payer = "a sector fund" if c.supplement_paid_by_fund else "the employer"
        paid = 0 if c.agreement_guarantees_supplement else k.supplement_paid_half_units
        add(
            _step(
                "supplement.amount",
                "Supplement: amount",
                k.supplement > 0,
                f"{unit_text(paid)} × {m.supplement_amount}",
                f"{eur(k.supplement)}, paid by {payer}",
                amount_use,
                supplement.SOURCES,
                "R5",
            )
        )
    energy_use = (
        m.single["supplement.energy_amount"] if "supplement.energy_amount" in m.uses else ()
    )
    if k.energy_half_units > 0:
        add(
            _step(
                "supplement.energy",
                "Energy-crisis supplement",
                True,
                f"{unit_text(k.energy_half_units)} × {m.energy_amount}",
                f"{eur(k.energy_supplement)}, paid by the employer",
                energy_use,
                energy_supplement.SOURCES,
                "R5",
            )
        )
    else:
        add(
            m.steps.get("supplement.energy")
            or m.keep(
                "supplement.energy",
                _step(
                    "supplement.energy",
                    "Energy-crisis supplement",
                    False,
                    "no energy-crisis unit this month (scheme of 2022-10-01 to 2023-03-31)",
                    "not due",
                    energy_use,
                    energy_supplement.SOURCES,
                    "R5",
                ),
            )
        )


def _construction_conditions(c: Context, category: Cp124Category | None) -> str:
    return (
        f"joint committee {c.joint_committee} {'=' if c.joint_committee == '124' else '≠'} 124; "
        f"legitimation card: {'yes' if c.has_legitimation_card else 'no'}; "
        f"category: {category.value if category else 'none given'}"
    )


def _construction_steps(
    c: Context,
    p: MonthParameters,
    k: KernelOutputs,
    m: _MonthTexts,
    add: AddStep,
    notices: list[Notice],
) -> None:
    category = CATEGORY_ORDER[c.category_code] if c.category_code is not None else None
    if not c.construction_applies:
        # the same few cases for most workers, none of them reading the month's figures
        key = (c.joint_committee, c.has_legitimation_card, category)
        step = _NO_CONSTRUCTION.get(key)
        if step is None:
            step = _step(
                "construction.eligibility",
                "Construction top-up (CP 124)",
                False,
                _construction_conditions(c, category),
                "not due: it needs joint committee 124, a legitimation card and a category",
                (),
                construction.SOURCES,
                "R6",
            )
            if len(_NO_CONSTRUCTION) < 1024:
                _NO_CONSTRUCTION[key] = step
        add(step)
        return
    assert category is not None
    add(
        _step(
            "construction.eligibility",
            "Construction top-up (CP 124)",
            True,
            _construction_conditions(c, category),
            f"due on economic, bad-weather, technical-accident, force-majeure and energy-crisis "
            f"(economic) units, not on medical force majeure or other reasons: "
            f"{unit_text(k.construction_half_units)} unit(s)",
            (),
            construction.SOURCES,
            "R6",
        )
    )
    if k.frost_half_units > 0:
        frost_name = f"construction.frost_amount.{category.value}"
        frost_use = m.single[frost_name] if frost_name in m.uses else ()
        if k.frost_amount_cents:
            result = f"{unit_text(k.frost_half_units)} × {eur(k.frost_amount_cents)} = {eur(k.frost_top_up)}"
        else:
            result = "no frost amount is sourced: none paid (supply " + frost_name + " to pay one)"
            notices.append(
                Notice(
                    "construction.frost_amount_missing",
                    f"{unit_text(k.frost_half_units)} construction unit(s) fall in a frost period: they do "
                    f"not use the credit, but no frost amount is sourced, so none was paid "
                    f"(supply {frost_name}).",
                )
            )
        add(
            _step(
                "construction.frost",
                "Frost period",
                True,
                f"{unit_text(k.frost_half_units)} unit(s) in a recognised frost period ({c.frost_days} day(s)): "
                "paid without limit, not taken from the credit",
                result,
                frost_use,
                construction.SOURCES,
                "R6",
            )
        )
    else:
        add(_NO_FROST)
    credit = m.credit
    used = unit_text(c.prior_credit_half_units)
    on_credit = unit_text(k.construction_half_units - k.frost_half_units)
    covered = unit_text(k.credit_covered_half_units)
    beyond = k.construction_half_units - k.frost_half_units - k.credit_covered_half_units
    reset = " (new service year)" if c.credit_counter_reset else ""
    add(
        _step(
            "construction.credit",
            "Construction credit",
            True,
            f"credit {credit} a service year, used since {c.service_year_start.isoformat()}: {used}{reset}; "
            f"min({on_credit}, max({credit} − {used}, 0))",
            f"{covered} unit(s) covered"
            + (f"; {unit_text(beyond)} unit(s) beyond the credit get no top-up" if beyond else ""),
            m.single["construction.credit_units"],
            construction.SOURCES,
            "R6",
        )
    )
    add(
        _step(
            "construction.top_up",
            "Construction top-up, amount",
            k.construction_top_up > 0,
            f"{covered} × {eur(k.construction_amount_cents)} (category {category.value})",
            f"{eur(k.construction_top_up)}, paid by the sector fund through the payment body",
            m.single[f"construction.amount.{category.value}"],
            construction.SOURCES,
            "R6",
        )
    )


def _withholding_steps(
    p: MonthParameters, k: KernelOutputs, m: _MonthTexts, add: AddStep, gross_allowance: str
) -> None:
    """R7: the withholding of each payer, then the net of each (which quotes the same amounts)."""
    legal, complement = p.legal_withholding, p.complement_withholding
    legal_percent, complement_percent = m.legal_percent, m.complement_percent
    if k.sector_top_up:
        exact = format_fraction(
            k.gross_allowance * legal[0] * complement[1]
            + k.sector_top_up * complement[0] * legal[1],
            legal[1] * complement[1] * 100,
        )
        if legal == complement:
            formula = f"{legal_percent} × ({gross_allowance} + {eur(k.sector_top_up)}) = {exact}"
        else:
            formula = (
                f"{legal_percent} × {gross_allowance} + {complement_percent} × "
                f"{eur(k.sector_top_up)} = {exact}"
            )
    else:
        exact = format_fraction(k.gross_allowance * legal[0], legal[1] * 100)
        formula = f"{legal_percent} × {gross_allowance} = {exact}"
    body_withheld = eur(k.payment_body_withholding)
    add(
        _step(
            "withholding.payment_body",
            "Withholding by the payment body",
            k.payment_body_gross > 0,
            formula,
            f"{body_withheld} (rounded once, half up)",
            m.use("withholding.legal", "withholding.complement"),
            withholding.SOURCES,
            "R7",
        )
    )
    employer_part, employer_withheld = eur(k.employer_part), eur(k.employer_withholding)
    fund_part, fund_withheld = eur(k.fund_part), eur(k.sector_fund_withholding)
    nothing_exact = format_fraction(0, complement[1] * 100)
    for step_id, title, part, part_text, withheld_text in (
        (
            "withholding.employer",
            "Withholding by the employer",
            k.employer_part,
            employer_part,
            employer_withheld,
        ),
        (
            "withholding.sector_fund",
            "Withholding by the sector fund",
            k.fund_part,
            fund_part,
            fund_withheld,
        ),
    ):
        if part:
            exact = format_fraction(part * complement[0], complement[1] * 100)
            add(
                _step(
                    step_id,
                    title,
                    part > 0,
                    f"{complement_percent} × {part_text} = {exact}",
                    withheld_text,
                    m.single["withholding.complement"],
                    withholding.SOURCES,
                    "R7",
                )
            )
            continue
        # nothing paid: the same step for every such worker of the month
        add(
            m.steps.get(step_id)
            or m.keep(
                step_id,
                _step(
                    step_id,
                    title,
                    False,
                    f"{complement_percent} × {eur(0)} = {nothing_exact}",
                    "nothing paid, nothing withheld",
                    m.single["withholding.complement"],
                    withholding.SOURCES,
                    "R7",
                ),
            )
        )
    add(
        _step(
            "payment.net",
            "Net per payer",
            True,
            f"payment body {eur(k.payment_body_gross)} − {body_withheld}; "
            f"employer {employer_part} − {employer_withheld}; "
            f"sector fund {fund_part} − {fund_withheld}",
            f"net total {eur(k.payment_body_net)} + {eur(k.employer_net)} + {eur(k.sector_fund_net)} "
            f"= {eur(k.net_total)}",
            rule="R7",
        )
    )


# Steps and notices that only show a few flags: written once, shared (a Step is frozen).
_NO_RATE = _step(
    "rate.by_reason",
    "Rate by reason",
    False,
    "no day of temporary unemployment this month",
    "no rate applies",
    (),
    _RATE_SOURCES,
    "R2",
)
_NO_MINIMUM = _step(
    "allowance.minimum",
    "Minimum daily amount",
    False,
    "no daily amount this month (no day of temporary unemployment)",
    "nothing to raise",
    (),
    daily_amount.SOURCES,
    "R3",
)
_NO_UNITS = _step(
    "units.quarter_round",
    "Units",
    False,
    "P = 0 hours of temporary unemployment",
    "0 units",
    (),
    units.SOURCES,
    "R4",
)
_AGREEMENT_STEPS = {
    agreement: _step(
        "supplement.agreement",
        "Supplement: company agreement",
        agreement,
        "the employer's agreement guarantees at least as much: " + ("yes" if agreement else "no"),
        "not due: the agreement already guarantees it"
        if agreement
        else "no agreement replaces it: the statutory rules below decide what is due",
        (),
        supplement.SOURCES,
        "R5",
    )
    for agreement in (False, True)
}
_NO_FROST = _step(
    "construction.frost",
    "Frost period",
    False,
    "no day in a recognised frost period",
    "every construction unit draws on the credit",
    (),
    construction.SOURCES,
    "R6",
)
_NO_CONSTRUCTION: dict[tuple[str, bool, Cp124Category | None], Step] = {}
"""The construction.eligibility steps that say no, by joint committee, card and category."""
_STATUS_TEXT = {
    payment_status.PAYABLE: "payable",
    payment_status.AWAITING_EMPLOYER_DECLARATION: "awaiting the employer's declaration (DRS scenario 5)",
    payment_status.AWAITING_CONTROL_CARD: "awaiting the control card",
}
_STATUS_STEPS: dict[tuple[bool, bool, int], Step] = {}
_AWAITING_DECLARATION = Notice(
    "payment.awaiting_employer_declaration",
    "Not payable yet: the employer's monthly declaration of hours (DRS scenario 5) is not in.",
)
_AWAITING_CARD = Notice(
    "payment.awaiting_control_card",
    "Not payable yet: the control card is not submitted.",
)


def _payment_status_step(employer_declared: bool, card_submitted: bool, status_code: int) -> Step:
    key = (employer_declared, card_submitted, status_code)
    step = _STATUS_STEPS.get(key)
    if step is None:
        step = _STATUS_STEPS[key] = _step(
            "payment.status",
            "Payment status",
            True,
            f"employer's declaration of hours: {'in' if employer_declared else 'not in'}; "
            f"control card: {'submitted' if card_submitted else 'not submitted'}",
            f"{_STATUS_TEXT[status_code]}; the amounts are computed either way",
            (),
            payment_status.SOURCES,
            "R8",
        )
    return step


def _parameter_notices(
    c: Context, p: MonthParameters, used: frozenset[str], applied: frozenset[str]
) -> tuple[Notice, ...]:
    notices = []
    # a version without a value is not stale: its step already says no figure is sourced
    stale = [v for v in p.stale if v.name in used and v.value is not None]
    if stale:
        listed = "; ".join(f"{v.name} ({v.value}, source of {v.source_date})" for v in stale)
        notices.append(
            Notice(
                "parameters.stale",
                f"These figures follow the index and come from sources older than "
                f"{c.first_day.isoformat()}; later indexations may be missing: {listed}.",
            )
        )
    # doubts the sources raise about a figure used (see the version's note in the parameter files)
    for name in sorted(applied):
        version = p.versions.get(name)
        if version is not None and version.caveat and not version.overridden:
            notices.append(
                Notice("parameters.caveat", f"{name} = {version.value}: {version.caveat}.")
            )
    overridden = sorted(name for name, v in p.versions.items() if v.overridden and name in used)
    if overridden:
        notices.append(
            Notice(
                "parameters.overridden",
                f"Computed with figures supplied by the caller: {', '.join(overridden)}.",
            )
        )
    changing = sorted(
        name
        for name, v in p.versions.items()
        if name in used
        and v.valid_until is not None
        and (v.valid_until.year, v.valid_until.month) == (c.first_day.year, c.first_day.month)
        and (v.valid_until + timedelta(days=1)).month == c.first_day.month  # the next starts inside
    )
    if changing:
        notices.append(
            Notice(
                "parameters.change_within_month",
                f"These figures change during the month; the whole month uses the figure in force on "
                f"{c.first_day.isoformat()}: {', '.join(changing)}.",
            )
        )
    return tuple(notices)
