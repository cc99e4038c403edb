"""The steps of a month's derivation, built from the kernel's intermediate values (design §4).

Nothing here computes an amount: every figure shown comes from :mod:`chomage_rules.kernel`. This
module only puts the values into formulas a clerk can check by hand, says which rules did not
apply and why, and lists the parameters and sources each step rests on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .explain import Notice, ParameterUse, Step
from .kernel import KernelOutputs
from .models import DayStatus, Reason
from .money import format_cents, format_fraction
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
from .rules.reasons import RateGroup, rules_for

__all__ = ["Context", "derive"]

_GROUP_LABEL = {
    RateGroup.STANDARD: "standard",
    RateGroup.FORCE_MAJEURE: "force_majeure",
    RateGroup.ENERGY_CRISIS: "energy_crisis",
}


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


def eur(cents: int) -> str:
    return format_cents(cents)


def unit_text(half_units: int) -> str:
    whole, half = divmod(half_units, 2)
    return f"{whole}.5" if half else f"{whole}"


def percent(ratio: tuple[int, int]) -> str:
    text = format_fraction(ratio[0] * 100, ratio[1], 4)
    if "…" not in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} %"


def derive(
    c: Context, p: MonthParameters, k: KernelOutputs
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """The ordered steps and the notices of one month."""
    steps: list[Step] = []
    notices: list[Notice] = []
    add = steps.append

    uses = _parameter_uses(p)

    def use(*names: str) -> tuple[ParameterUse, ...]:
        return tuple(uses[name] for name in names)

    tu_reasons = [r for r in c.days_by_reason if c.days_by_reason[r]]

    # ---------------------------------------------------------------- the days
    tu_days = sum(c.days_by_reason.values())
    by_reason = ", ".join(f"{r.value} {c.days_by_reason[r]}" for r in tu_reasons) or "none"
    others = ", ".join(f"{s.value} {n}" for s, n in c.other_days.items() if n) or "none"
    add(
        Step(
            "input.days",
            "Days of the control card",
            tu_days > 0,
            f"temporary unemployment: {by_reason}; other days: {others}",
            f"{tu_days} day(s) of temporary unemployment"
            if tu_days
            else "no day of temporary unemployment: nothing is due",
            rule="R4",
        )
    )

    # ---------------------------------------------------------------- R1 wage
    ceiling = eur(p.ceiling_cents)
    divisor = p.divisor
    wage_params = use("wage.monthly_ceiling", "wage.daily_divisor")
    daily_wage_text = format_fraction(k.daily_wage_numerator, k.daily_wage_denominator * 100)
    if c.paid_hourly:
        uncapped = (c.hourly_wage_cents * c.weekly_hours_h, 6 * 100 * 100)
        capped = c.hourly_wage_cents * c.weekly_hours_h * divisor > p.ceiling_cents * 600
        q = format_fraction(c.weekly_hours_h, 100, 2)
        formula = (
            f"min(hourly wage {eur(c.hourly_wage_cents)} × Q {q} / 6 = {format_fraction(*uncapped)}, "
            f"ceiling {ceiling} / {divisor} = {format_fraction(p.ceiling_cents, divisor * 100)})"
        )
        add(
            Step(
                "wage.ceiling",
                "Daily wage, capped",
                capped,
                formula,
                f"daily wage {daily_wage_text} (capped at the ceiling)"
                if capped
                else f"daily wage {daily_wage_text}: not above the daily ceiling, not capped",
                wage_params,
                daily_wage.SOURCES,
                "R1",
            )
        )
    else:
        capped = c.monthly_wage_cents > p.ceiling_cents
        wage = eur(c.monthly_wage_cents)
        add(
            Step(
                "wage.ceiling",
                "Monthly wage, capped",
                capped,
                f"min(monthly gross wage {wage}, ceiling {ceiling})",
                f"{ceiling}: the wage is above the ceiling"
                if capped
                else f"{wage}: the wage is not above the ceiling {ceiling}, not capped",
                wage_params[:1],
                daily_wage.SOURCES,
                "R1",
            )
        )
        capped_wage = eur(min(c.monthly_wage_cents, p.ceiling_cents))
        add(
            Step(
                "wage.daily",
                "Daily wage (not rounded)",
                True,
                f"{capped_wage} / {divisor}",
                f"{daily_wage_text} (kept exact until the daily amount is rounded)",
                wage_params[1:],
                daily_wage.SOURCES,
                "R1",
            )
        )

    # ---------------------------------------------------------------- R2 rates, daily amounts
    groups = [
        g
        for g in RateGroup
        if k.group_half_units[g] > 0 or any(rules_for(r).rate_group is g for r in tu_reasons)
    ]
    if groups:
        add(
            Step(
                "rate.by_reason",
                "Rate by reason",
                True,
                "; ".join(
                    f"{r.value} → {rules_for(r).rate_group.value} {percent(_rate(p, rules_for(r).rate_group))}"
                    for r in tu_reasons
                ),
                ", ".join(f"{_GROUP_LABEL[g]} {percent(_rate(p, g))}" for g in groups),
                use(*(g.value for g in groups)),
                _RATE_SOURCES,
                "R2",
            )
        )
    for group in groups:
        rate = _rate(p, group)
        exact = format_fraction(
            rate[0] * k.daily_wage_numerator, rate[1] * k.daily_wage_denominator * 100
        )
        add(
            Step(
                f"allowance.daily_amount.{_GROUP_LABEL[group]}",
                f"Daily amount, {_GROUP_LABEL[group].replace('_', ' ')}",
                True,
                f"{percent(rate)} × {daily_wage_text} = {exact}",
                f"{eur(k.daily_before_minimum[group])} (rounded to the cent, half up)",
                use(group.value),
                daily_amount.SOURCES,
                "R0/R2",
            )
        )
    minimum_use = use("allowance.minimum_daily")
    if groups:
        if p.minimum_cents is None:
            note = p.versions["allowance.minimum_daily"].note or "no figure"
            add(
                Step(
                    "allowance.minimum",
                    "Minimum daily amount",
                    False,
                    f"no minimum daily amount is sourced on {c.first_day.isoformat()} ({note})",
                    "none applied; a caller who has the figure can supply allowance.minimum_daily",
                    minimum_use,
                    daily_amount.SOURCES,
                    "R3",
                )
            )
        else:
            raised = [g for g in groups if k.daily[g] != k.daily_before_minimum[g]]
            minimum = eur(p.minimum_cents)
            add(
                Step(
                    "allowance.minimum",
                    "Minimum daily amount",
                    bool(raised),
                    "; ".join(
                        f"{_GROUP_LABEL[g]}: max({eur(k.daily_before_minimum[g])}, minimum {minimum})"
                        for g in groups
                    ),
                    "; ".join(
                        f"{_GROUP_LABEL[g]} raised to {minimum}"
                        if g in raised
                        else f"{_GROUP_LABEL[g]} {eur(k.daily[g])} is not below the minimum {minimum}"
                        for g in groups
                    ),
                    minimum_use,
                    daily_amount.SOURCES,
                    "R3",
                )
            )

    # ---------------------------------------------------------------- R4 units
    b = format_fraction(c.divisor_hours_h, 100, 2)
    for reason in tu_reasons:
        scaled = c.hours_scaled_by_reason[reason]
        hours = format_fraction(scaled, c.days_per_week * 100, 2)
        ratio = format_fraction(scaled * 6, c.days_per_week * c.divisor_hours_h, 4)
        add(
            Step(
                f"units.quarter_round.{reason.value}",
                f"Units, {reason.value.replace('_', ' ')}",
                True,
                f"P = {hours} h over {c.days_by_reason[reason]} day(s); "
                f"{hours} × 6 / {c.divisor_name} {b} = {ratio}",
                f"{unit_text(k.half_units[reason])} unit(s) (fraction below .25 down, "
                ".25 to below .75 gives .5, from .75 up)",
                (),
                units.SOURCES,
                "R4",
            )
        )

    # ---------------------------------------------------------------- R0 (2) allowance lines
    lines = []
    for group in groups:
        line = f"{unit_text(k.group_half_units[group])} × {eur(k.daily[group])}"
        lines.append(eur(k.components[group]))
        add(
            Step(
                f"allowance.line.{_GROUP_LABEL[group]}",
                f"Allowance, {_GROUP_LABEL[group].replace('_', ' ')}",
                True,
                line,
                f"{eur(k.components[group])} (rounded once, half up)",
                (),
                allowance.SOURCES,
                "R0",
            )
        )
    add(
        Step(
            "allowance.gross",
            "Allowance, gross",
            bool(groups),
            " + ".join(lines) if lines else "no unit",
            eur(k.gross_allowance),
            rule="R0",
        )
    )

    _supplement_steps(c, p, k, add, use, notices)
    _construction_steps(c, p, k, add, use, notices)
    _withholding_steps(c, p, k, add, use)

    # ---------------------------------------------------------------- payments, status, counters
    add(
        Step(
            "payment.net",
            "Net per payer",
            True,
            f"payment body {eur(k.payment_body_gross)} − {eur(k.payment_body_withholding)}; "
            f"employer {eur(k.employer_part)} − {eur(k.employer_withholding)}; "
            f"sector fund {eur(k.fund_part)} − {eur(k.sector_fund_withholding)}",
            f"net total {eur(k.payment_body_net)} + {eur(k.employer_net)} + {eur(k.sector_fund_net)} "
            f"= {eur(k.net_total)}",
            rule="R7",
        )
    )
    status = {
        payment_status.PAYABLE: "payable",
        payment_status.AWAITING_EMPLOYER_DECLARATION: "awaiting the employer's declaration (DRS scenario 5)",
        payment_status.AWAITING_CONTROL_CARD: "awaiting the control card",
    }[k.status_code]
    add(
        Step(
            "payment.status",
            "Payment status",
            True,
            f"employer's declaration of hours: {'in' if c.employer_declared else 'not in'}; "
            f"control card: {'submitted' if c.card_submitted else 'not submitted'}",
            f"{status}; the amounts are computed either way",
            (),
            payment_status.SOURCES,
            "R8",
        )
    )
    if not c.employer_declared:
        notices.append(
            Notice(
                "payment.awaiting_employer_declaration",
                "Not payable yet: the employer's monthly declaration of hours (DRS scenario 5) is not in.",
            )
        )
    if not c.card_submitted:
        notices.append(
            Notice(
                "payment.awaiting_control_card",
                "Not payable yet: the control card is not submitted.",
            )
        )
    reset_supplement = (
        " (new calendar year: counter restarted)" if c.supplement_counter_reset else ""
    )
    reset_credit = " (new service year: counter restarted)" if c.credit_counter_reset else ""
    add(
        Step(
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
    used = {use.name for step in steps for use in step.parameters}
    _parameter_notices(c, p, used, notices)
    return tuple(steps), tuple(notices)


_RATE_SOURCES = tuple(dict.fromkeys(reasons.SOURCES + daily_amount.SOURCES))


def _parameter_uses(p: MonthParameters) -> dict[str, ParameterUse]:
    """One ParameterUse per version of the month (shared by every worker of that month)."""
    return {name: ParameterUse(name, version) for name, version in p.versions.items()}


def _rate(p: MonthParameters, group: RateGroup) -> tuple[int, int]:
    rate = p.rates[group]
    assert rate is not None  # the kernel raised if units needed a missing rate
    return rate


AddStep = Callable[[Step], None]
UseParams = Callable[..., tuple[ParameterUse, ...]]


def _supplement_steps(
    c: Context,
    p: MonthParameters,
    k: KernelOutputs,
    add: AddStep,
    use: UseParams,
    notices: list[Notice],
) -> None:
    amount_use = use("supplement.amount")
    eligible_reasons = [
        r for r in c.days_by_reason if c.days_by_reason[r] and rules_for(r).supplement
    ]
    excluded = [
        r
        for r in c.days_by_reason
        if c.days_by_reason[r]
        and not rules_for(r).supplement
        and not rules_for(r).energy_supplement
    ]
    eligible = unit_text(k.supplement_eligible_half_units)
    if p.supplement_cents is None:
        note = p.versions["supplement.amount"].note or ""
        add(
            Step(
                "supplement.in_force",
                "Employer supplement",
                False,
                f"no employer supplement on {c.first_day.isoformat()}: {note}",
                "not due",
                amount_use,
                supplement.SOURCES,
                "R5",
            )
        )
    else:
        excluded_text = f" ({', '.join(r.value for r in excluded)} not counted)" if excluded else ""
        add(
            Step(
                "supplement.scope",
                "Supplement: eligible units",
                k.supplement_eligible_half_units > 0,
                " + ".join(f"{r.value} {unit_text(k.half_units[r])}" for r in eligible_reasons)
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
        add(
            Step(
                "supplement.agreement",
                "Supplement: company agreement",
                c.agreement_guarantees_supplement,
                "the employer's agreement guarantees at least as much: "
                + ("yes" if c.agreement_guarantees_supplement else "no"),
                "not due: the agreement already guarantees it"
                if c.agreement_guarantees_supplement
                else "no agreement replaces it: the statutory supplement is due",
                (),
                supplement.SOURCES,
                "R5",
            )
        )
        threshold = eur(p.threshold_cents or 0)
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
            Step(
                "supplement.threshold",
                "Supplement: wage threshold",
                below,
                f"gross monthly wage (not capped) {wage_text} {'≤' if below else '>'} threshold {threshold}",
                "at or below the threshold: every eligible unit gets it"
                if below
                else "above the threshold: only units from the 27th eligible unit of the calendar year",
                use("supplement.wage_threshold"),
                supplement.SOURCES,
                "R5",
            )
        )
        free = unit_text(p.free_half_units or 0)
        prior = unit_text(c.prior_supplement_half_units)
        if below:
            add(
                Step(
                    "supplement.day_27",
                    "Supplement: from the 27th unit",
                    False,
                    f"the wage does not exceed the threshold {threshold}",
                    "the 27th-unit rule does not apply",
                    use("supplement.free_units"),
                    supplement.SOURCES,
                    "R5",
                )
            )
        else:
            add(
                Step(
                    "supplement.day_27",
                    "Supplement: from the 27th unit",
                    True,
                    f"units counted before this month {prior} + this month {eligible}, first {free} free: "
                    f"clip({prior} + {eligible} − {free}, 0, {eligible})",
                    f"{unit_text(k.supplement_paid_half_units)} of {eligible} unit(s) get the supplement",
                    use("supplement.free_units"),
                    supplement.SOURCES,
                    "R5",
                )
            )
        payer = "a sector fund" if c.supplement_paid_by_fund else "the employer"
        paid = 0 if c.agreement_guarantees_supplement else k.supplement_paid_half_units
        add(
            Step(
                "supplement.amount",
                "Supplement: amount",
                k.supplement > 0,
                f"{unit_text(paid)} × {eur(p.supplement_cents)}",
                f"{eur(k.supplement)}, paid by {payer}",
                amount_use,
                supplement.SOURCES,
                "R5",
            )
        )
    energy_use = use("supplement.energy_amount") if "supplement.energy_amount" in p.versions else ()
    if k.energy_half_units > 0:
        add(
            Step(
                "supplement.energy",
                "Energy-crisis supplement",
                True,
                f"{unit_text(k.energy_half_units)} × {eur(p.energy_supplement_cents or 0)}",
                f"{eur(k.energy_supplement)}, paid by the employer",
                energy_use,
                energy_supplement.SOURCES,
                "R5",
            )
        )
    else:
        add(
            Step(
                "supplement.energy",
                "Energy-crisis supplement",
                False,
                "no energy-crisis unit this month (scheme of 2022-10-01 to 2023-03-31)",
                "not due",
                energy_use,
                energy_supplement.SOURCES,
                "R5",
            )
        )


def _construction_steps(
    c: Context,
    p: MonthParameters,
    k: KernelOutputs,
    add: AddStep,
    use: UseParams,
    notices: list[Notice],
) -> None:
    category = CATEGORY_ORDER[c.category_code] if c.category_code is not None else None
    conditions = (
        f"joint committee {c.joint_committee} {'=' if c.joint_committee == '124' else '≠'} 124; "
        f"legitimation card: {'yes' if c.has_legitimation_card else 'no'}; "
        f"category: {category.value if category else 'none given'}"
    )
    if not c.construction_applies:
        add(
            Step(
                "construction.eligibility",
                "Construction top-up (CP 124)",
                False,
                conditions,
                "not due: it needs joint committee 124, a legitimation card and a category",
                (),
                construction.SOURCES,
                "R6",
            )
        )
        return
    assert category is not None
    add(
        Step(
            "construction.eligibility",
            "Construction top-up (CP 124)",
            True,
            conditions,
            f"due on economic, bad-weather, technical-accident and force-majeure units: "
            f"{unit_text(k.construction_half_units)} unit(s)",
            (),
            construction.SOURCES,
            "R6",
        )
    )
    frost_name = f"construction.frost_amount.{category.value}"
    frost_use = use(frost_name) if frost_name in p.versions else ()
    if k.frost_half_units > 0:
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
            Step(
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
        add(
            Step(
                "construction.frost",
                "Frost period",
                False,
                "no day in a recognised frost period",
                "every construction unit draws on the credit",
                (),
                construction.SOURCES,
                "R6",
            )
        )
    credit = unit_text(p.credit_half_units or 0)
    used = unit_text(c.prior_credit_half_units)
    on_credit = unit_text(k.construction_half_units - k.frost_half_units)
    covered = unit_text(k.credit_covered_half_units)
    beyond = k.construction_half_units - k.frost_half_units - k.credit_covered_half_units
    reset = " (new service year)" if c.credit_counter_reset else ""
    add(
        Step(
            "construction.credit",
            "Construction credit",
            True,
            f"credit {credit} a service year, used since {c.service_year_start.isoformat()}: {used}{reset}; "
            f"min({on_credit}, max({credit} − {used}, 0))",
            f"{covered} unit(s) covered"
            + (f"; {unit_text(beyond)} unit(s) beyond the credit get no top-up" if beyond else ""),
            use("construction.credit_units"),
            construction.SOURCES,
            "R6",
        )
    )
    add(
        Step(
            "construction.top_up",
            "Construction top-up, amount",
            k.construction_top_up > 0,
            f"{covered} × {eur(k.construction_amount_cents)} (category {category.value})",
            f"{eur(k.construction_top_up)}, paid by the sector fund through the payment body",
            use(f"construction.amount.{category.value}"),
            construction.SOURCES,
            "R6",
        )
    )


def _withholding_steps(
    c: Context, p: MonthParameters, k: KernelOutputs, add: AddStep, use: UseParams
) -> None:
    legal, complement = p.legal_withholding, p.complement_withholding
    if k.sector_top_up:
        exact = format_fraction(
            k.gross_allowance * legal[0] * complement[1]
            + k.sector_top_up * complement[0] * legal[1],
            legal[1] * complement[1] * 100,
        )
        if legal == complement:
            formula = (
                f"{percent(legal)} × ({eur(k.gross_allowance)} + {eur(k.sector_top_up)}) = {exact}"
            )
        else:
            formula = (
                f"{percent(legal)} × {eur(k.gross_allowance)} + {percent(complement)} × "
                f"{eur(k.sector_top_up)} = {exact}"
            )
    else:
        exact = format_fraction(k.gross_allowance * legal[0], legal[1] * 100)
        formula = f"{percent(legal)} × {eur(k.gross_allowance)} = {exact}"
    add(
        Step(
            "withholding.payment_body",
            "Withholding by the payment body",
            k.payment_body_gross > 0,
            formula,
            f"{eur(k.payment_body_withholding)} (rounded once, half up)",
            use("withholding.legal", "withholding.complement"),
            withholding.SOURCES,
            "R7",
        )
    )
    for step_id, title, part, withheld in (
        (
            "withholding.employer",
            "Withholding by the employer",
            k.employer_part,
            k.employer_withholding,
        ),
        (
            "withholding.sector_fund",
            "Withholding by the sector fund",
            k.fund_part,
            k.sector_fund_withholding,
        ),
    ):
        exact = format_fraction(part * complement[0], complement[1] * 100)
        add(
            Step(
                step_id,
                title,
                part > 0,
                f"{percent(complement)} × {eur(part)} = {exact}",
                f"{eur(withheld)}" if part else "nothing paid, nothing withheld",
                use("withholding.complement"),
                withholding.SOURCES,
                "R7",
            )
        )


def _parameter_notices(
    c: Context, p: MonthParameters, used: set[str], notices: list[Notice]
) -> None:
    # a version without a value is not stale: its step already says no figure is sourced
    stale = [v for v in p.stale if v.name in used and v.value is not None]
    if stale:
        listed = "; ".join(f"{v.name} ({v.value}, source of {v.source_date})" for v in stale)
        notices.append(
            Notice(
                "parameters.stale",
                f"These figures come from sources older than {c.first_day.isoformat()}; later "
                f"indexations or changes may be missing: {listed}.",
            )
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
