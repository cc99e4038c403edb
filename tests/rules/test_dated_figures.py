"""R9 Dated figures: the notices about the figures a month's steps read (stale figures, a caveat
where the figure changed the result, figures supplied by the caller, a figure changing during the
month)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Reason
from chomage_rules.explain.step import Notice
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet, ParameterUse
from chomage_rules.rules import daily_wage, dated_figures, minimum, rate, supplement
from chomage_rules.rules.rate import RateGroup

DEFAULT = ParameterSet.default()
ABOVE_ANY_CEILING = 500_000  # 5,000.00 a month


def wage_notices(
    on: date, wage_cents: int, parameters: ParameterSet = DEFAULT
) -> tuple[Notice, ...]:
    """The notices of R1's steps for a monthly wage."""
    f = month_figures(parameters, on)
    wage = daily_wage.compute(
        SCALAR,
        f.daily_wage,
        monthly_wage_cents=wage_cents,
        hourly_wage_cents=0,
        weekly_hours_h=3800,
    )
    steps = daily_wage.steps(
        f.daily_wage, wage, monthly_wage_cents=wage_cents, hourly_wage_cents=0, weekly_hours_h=3800
    )
    return dated_figures.notices(f.month, steps)


def rate_notices(on: date, parameters: ParameterSet) -> tuple[Notice, ...]:
    """The notices of R2's steps for economic days."""
    f = month_figures(parameters, on)
    wage = daily_wage.compute(
        SCALAR,
        f.daily_wage,
        monthly_wage_cents=ABOVE_ANY_CEILING,
        hourly_wage_cents=0,
        weekly_hours_h=3800,
    )
    amounts = rate.daily_amounts(f.rate, wage)
    steps = rate.steps(
        f.rate, wage, amounts, reasons=(Reason.ECONOMIC,), groups=(RateGroup.STANDARD,)
    )
    return dated_figures.notices(f.month, steps)


def minimum_notices(on: date, amount_cents: int) -> tuple[Notice, ...]:
    """The notices of R3's step for one standard daily amount."""
    f = month_figures(DEFAULT, on)
    before = {RateGroup.STANDARD: amount_cents}
    after = minimum.apply(SCALAR, f.minimum, before)
    return dated_figures.notices(
        f.month, minimum.steps(f.minimum, before, after, (RateGroup.STANDARD,))
    )


def test_no_step_no_notice() -> None:
    assert dated_figures.notices(month_figures(DEFAULT, date(2026, 6, 1)).month, ()) == ()


def test_a_figure_older_than_the_month_is_stale() -> None:
    # the ceiling 3,365.16 is the latest in the files; its latest source is of 2024-07-12:
    # August 2024 starts after it
    (notice,) = wage_notices(date(2024, 8, 1), ABOVE_ANY_CEILING)
    assert notice.code == "parameters.stale"
    assert notice.values["day"] == date(2024, 8, 1)
    ((_, dated),) = notice.values["figures"]
    assert (dated["name"], dated["value"], dated["date"]) == (
        "wage.monthly_ceiling",
        Decimal("3365.16"),
        date(2024, 7, 12),
    )
    assert "older than 2024-08-01" in notice.message
    assert "wage.monthly_ceiling (3365.16, source of 2024-07-12)" in notice.message


def test_a_figure_sourced_during_the_month_is_not_stale() -> None:
    # July 2024 starts on 2024-07-01, before the source of 2024-07-12: not stale
    assert wage_notices(date(2024, 7, 1), ABOVE_ANY_CEILING) == ()


def test_a_version_without_a_figure_is_not_stale() -> None:
    # from 2024 the minimum's version has no figure and its source (2024-07-12) predates August:
    # the step already says no figure is sourced, no stale notice
    assert "allowance.minimum_daily" in [
        v.name for v in month_figures(DEFAULT, date(2024, 8, 1)).month.stale
    ]
    assert minimum_notices(date(2024, 8, 1), 5000) == ()


def test_a_caveat_where_the_figure_changed_the_result() -> None:
    # April 2020: the ceiling 2,754.76 has a caveat; 3,000.00 is capped, so the ceiling was used
    (notice,) = wage_notices(date(2020, 4, 1), 300_000)
    assert notice.code == "parameters.caveat"
    assert (notice.values["name"], notice.values["value"]) == (
        "wage.monthly_ceiling",
        Decimal("2754.76"),
    )
    assert notice.message.startswith("wage.monthly_ceiling = 2754.76: attested in 2020 only")


def test_no_caveat_where_the_figure_did_not_change_the_result() -> None:
    # 2,000.00 is below 2,754.76: the ceiling step did not apply, its caveat is not told
    assert wage_notices(date(2020, 4, 1), 200_000) == ()


def test_the_caveat_of_a_minimum_that_raised_an_amount() -> None:
    # June 2022: the minimum 60.17 (caveat: June 2022 only) raises 50.00; 80.00 is not raised
    (notice,) = minimum_notices(date(2022, 6, 1), 5000)
    assert (notice.code, notice.values["name"]) == ("parameters.caveat", "allowance.minimum_daily")
    assert "60.17" in notice.message
    assert minimum_notices(date(2022, 6, 1), 8000) == ()


def test_figures_supplied_by_the_caller() -> None:
    (notice,) = rate_notices(date(2024, 6, 1), DEFAULT.override({"rate.standard": "0.62"}))
    assert notice.code == "parameters.overridden"
    assert notice.message == "Computed with figures supplied by the caller: rate.standard."


def test_a_supplied_figure_has_no_caveat() -> None:
    # the ceiling supplied for April 2020: the files' caveat no longer applies, only the override
    supplied = DEFAULT.override({"wage.monthly_ceiling": "2800.00"})
    (notice,) = wage_notices(date(2020, 4, 1), 300_000, supplied)
    assert notice.code == "parameters.overridden"
    assert "wage.monthly_ceiling" in notice.message


def test_a_caveat_is_not_told_for_a_figure_marked_supplied() -> None:
    # override() never copies a caveat, so build the case by hand: April 2020's ceiling (with its
    # caveat) marked as supplied by the caller. Only the override is told, not the files' doubt.
    f = month_figures(DEFAULT, date(2020, 4, 1))
    name = "wage.monthly_ceiling"
    use = f.month.uses[name]
    assert use.version.caveat  # the files' doubt about 2,754.76
    marked = ParameterUse(name, replace(use.version, overridden=True))
    month = replace(f.month, uses={**f.month.uses, name: marked})
    # 3,000.00 is capped at 2,754.76: the ceiling step applies and reads the marked figure
    wage = daily_wage.compute(
        SCALAR, f.daily_wage, monthly_wage_cents=300_000, hourly_wage_cents=0, weekly_hours_h=3800
    )
    steps = daily_wage.steps(
        f.daily_wage._replace(ceiling=marked),
        wage,
        monthly_wage_cents=300_000,
        hourly_wage_cents=0,
        weekly_hours_h=3800,
    )
    assert [n.code for n in dated_figures.notices(month, steps)] == ["parameters.overridden"]


def test_a_figure_that_changes_during_the_month() -> None:
    # rate.standard supplied from 2024-06-15: June uses the figure in force on 2024-06-01 (0.60),
    # which ends on 2024-06-14; the notice names it
    changing = DEFAULT.override({"rate.standard": {date(2024, 6, 15): "0.62"}})
    (notice,) = rate_notices(date(2024, 6, 1), changing)
    assert notice.code == "parameters.change_within_month"
    assert notice.message == (
        "These figures change during the month; the whole month uses the figure in force on "
        "2024-06-01: rate.standard."
    )
    # July uses the supplied figure from its first day: overridden, no change within the month
    assert [n.code for n in rate_notices(date(2024, 7, 1), changing)] == ["parameters.overridden"]


def test_a_figure_that_changes_on_the_first_of_the_next_month() -> None:
    # supplied from 2024-07-01: June's figure ends on 2024-06-30, the month's last day: no notice
    from_july = DEFAULT.override({"rate.standard": {date(2024, 7, 1): "0.62"}})
    assert rate_notices(date(2024, 6, 1), from_july) == ()


def test_only_indexed_figures_are_stale() -> None:
    # June 2026: the supplement's amount 5.20 (latest dated source 2024-05-01) and threshold 4,284
    # (2024-02-06) follow the index and are listed; its 26 free units are a count, not indexed
    f = month_figures(DEFAULT, date(2026, 6, 1))
    half_units = {Reason.ECONOMIC: 10}
    s = supplement.compute(
        SCALAR,
        f.supplement,
        half_units,
        monthly_wage_cents=ABOVE_ANY_CEILING,
        hourly_wage_cents=0,
        weekly_hours_h=3800,
        divisor=26,
        prior_half_units=0,
        agreement_guarantees_supplement=False,
        paid_by_fund=False,
    )
    steps = supplement.steps(
        f.supplement,
        s,
        half_units,
        reasons=(Reason.ECONOMIC,),
        monthly_wage_cents=ABOVE_ANY_CEILING,
        hourly_wage_cents=0,
        weekly_hours_h=3800,
        divisor=26,
        prior_half_units=0,
        agreement_guarantees_supplement=False,
        paid_by_fund=False,
    )
    (notice,) = dated_figures.notices(f.month, steps)
    assert notice.code == "parameters.stale"
    names = [values["name"] for _, values in notice.values["figures"]]
    assert names == ["supplement.amount", "supplement.wage_threshold"]
    assert "supplement.amount (5.20, source of 2024-05-01)" in notice.message
    assert "supplement.wage_threshold (4284, source of 2024-02-06)" in notice.message


def test_a_figure_that_changes_on_the_last_day_of_the_month() -> None:
    # supplied from 2024-06-30: June's figure (0.60) ends on 2024-06-29, the day before the
    # month's last, and the next one starts inside June: the notice names it
    from_the_30th = DEFAULT.override({"rate.standard": {date(2024, 6, 30): "0.62"}})
    (notice,) = rate_notices(date(2024, 6, 1), from_the_30th)
    assert notice.code == "parameters.change_within_month"
    assert notice.message.endswith("2024-06-01: rate.standard.")
