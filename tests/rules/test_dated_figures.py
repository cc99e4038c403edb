"""R9 Dated figures: the notices about the figures a month's steps read (stale figures, a caveat
where the figure changed the result, figures supplied by the caller, a figure changing during the
month)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chomage_rules import MonthResult, compute_month
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import Reason
from chomage_rules.explain.step import Notice, Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet, ParameterUse
from chomage_rules.rules import daily_wage, dated_figures, minimum, rate, supplement
from chomage_rules.rules.rate import RateGroup
from tests.helpers import employer, month_of, unemployed, worker, working_days

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


def test_a_figure_overtaken_by_a_known_indexation_is_stale() -> None:
    # October 2026: the ceiling 3,501.11 (latest source 2026-03-10) and the Planning Bureau's
    # expected indexation of social benefits on 2026-10-01 (bx1): stale, and the notice says which
    # indexation, and that no source gives the figure after it. The ceiling also changed the
    # result (5,000.00 is capped): derived and caveat notices come with it.
    notices = {n.code: n for n in wage_notices(date(2026, 10, 1), ABOVE_ANY_CEILING)}
    notice = notices["parameters.stale"]
    assert notice.rule == "R9"
    ((key, listed),) = notice.values["figures"]
    assert key == "figure.stale"
    assert (listed["name"], listed["value"], listed["start"], listed["date"]) == (
        "wage.monthly_ceiling",
        Decimal("3501.11"),
        date(2026, 3, 1),
        date(2026, 3, 10),
    )
    assert notice.message == (
        "These figures may be stale: an indexation of the series they follow is known after "
        "their latest source, and no source found gives the figure after it, so the month uses "
        "the last one found: wage.monthly_ceiling = 3501.11 (from 2026-03-01, latest source "
        "2026-03-10): social_benefits indexation expected on 2026-10-01. Supply the figure in "
        "force with override if you hold it."
    )
    # cited: the page of the forecast
    assert [s.url for s in notice.sources] == [
        "https://bx1.be/categories/news/indexation-lindice-pivot-depasse-des-juillet-quatre-mois-"
        "plus-tot-que-prevu-selon-le-bureau-du-plan/"
    ]


def test_a_figure_before_the_indexation_is_not_stale() -> None:
    # September 2026 starts before 2026-10-01: the same ceiling is not stale
    codes = [n.code for n in wage_notices(date(2026, 9, 1), ABOVE_ANY_CEILING)]
    assert "parameters.stale" not in codes
    # and a month after a figure's latest source is no longer stale for that alone: August 2024
    # (the ceiling 3,365.16, latest source 2024-07-12, no indexation known before 2025-02-01)
    assert wage_notices(date(2024, 8, 1), ABOVE_ANY_CEILING) == ()
    assert wage_notices(date(2025, 1, 1), ABOVE_ANY_CEILING) == ()


def test_a_figure_sourced_during_the_month_is_not_stale() -> None:
    # July 2024 starts on 2024-07-01, before the source of 2024-07-12: not stale
    assert wage_notices(date(2024, 7, 1), ABOVE_ANY_CEILING) == ()


def test_a_version_without_a_figure_is_not_stale() -> None:
    # from 2024 the minimum's version has no figure: it is missing, not stale; its step already
    # says no figure is sourced
    month = month_figures(DEFAULT, date(2026, 12, 1)).month
    assert "allowance.minimum_daily" not in [figure.name for figure in month.stale]
    assert minimum_notices(date(2026, 12, 1), 5000) == ()


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


def _supplement_steps(on: date, wage_cents: int, prior_half_units: int = 0) -> tuple[Step, ...]:
    """R5's steps for ten economic half units (5 units)."""
    f = month_figures(DEFAULT, on)
    half_units = {Reason.ECONOMIC: 10}
    given = {
        "monthly_wage_cents": wage_cents,
        "hourly_wage_cents": 0,
        "weekly_hours_h": 3800,
        "divisor": 26,
        "prior_half_units": prior_half_units,
        "agreement_guarantees_supplement": False,
        "paid_by_fund": False,
    }
    s = supplement.compute(SCALAR, f.supplement, half_units, **given)
    return supplement.steps(f.supplement, s, half_units, reasons=(Reason.ECONOMIC,), **given)


def test_only_figures_of_a_series_are_stale() -> None:
    # June 2026: the supplement's amount 5.20 (from 2025-02-01, latest dated source 2024-05-01)
    # was overtaken by the indexation of social benefits on 2026-03-01 and is listed; its
    # threshold 4,284 (from 2026-01-01, yearly series, next indexation 2027-01-01) is not, nor are
    # its 26 free units (a count, no series)
    f = month_figures(DEFAULT, date(2026, 6, 1))
    (notice,) = dated_figures.notices(f.month, _supplement_steps(date(2026, 6, 1), 300_000))
    assert notice.code == "parameters.stale"
    names = [values["name"] for _, values in notice.values["figures"]]
    assert names == ["supplement.amount"]
    assert (
        "supplement.amount = 5.20 (from 2025-02-01, latest source 2024-05-01): social_benefits "
        "indexed on 2026-03-01"
    ) in notice.message


def test_the_threshold_is_stale_from_the_next_first_of_january() -> None:
    # 2027-01: 4,284 has no source for 2027 and the threshold is indexed each 1 January (expected)
    f = month_figures(DEFAULT, date(2027, 1, 1))
    (notice,) = dated_figures.notices(f.month, _supplement_steps(date(2027, 1, 1), 300_000))
    names = [values["name"] for _, values in notice.values["figures"]]
    assert names == ["supplement.wage_threshold", "supplement.amount"]  # in the order read
    assert "supplement_threshold indexation expected on 2027-01-01" in notice.message


def test_a_figure_that_changes_on_the_last_day_of_the_month() -> None:
    # supplied from 2024-06-30: June's figure (0.60) ends on 2024-06-29, the day before the
    # month's last, and the next one starts inside June: the notice names it
    from_the_30th = DEFAULT.override({"rate.standard": {date(2024, 6, 30): "0.62"}})
    (notice,) = rate_notices(date(2024, 6, 1), from_the_30th)
    assert notice.code == "parameters.change_within_month"
    assert notice.message.endswith("2024-06-01: rate.standard.")


# --------------------------------------------------------------------------- issue 10: the
# derived ceilings, the confidence of every figure used, and the derived-figure notice


def _at_the_ceiling(year: int, month: int, parameters: ParameterSet = DEFAULT) -> MonthResult:
    """5,000.00 a month (above any ceiling): 3 economic days and 1 of force majeure."""
    days = working_days(year, month, 4)
    return compute_month(
        worker(monthly_gross_wage=Decimal("5000.00")),
        employer(),
        month_of(
            year,
            month,
            unemployed(days[:3], Reason.ECONOMIC),
            unemployed(days[3:], Reason.FORCE_MAJEURE),
        ),
        parameters=parameters,
    )


@pytest.mark.parametrize(
    ("year", "month", "standard", "force_majeure"),
    [
        # 3,365.16 (ONEM T66): 0.60 × 3,365.16 / 26 = 77.6575… → 77.66; 0.65 × … = 84.129… → 84.13
        (2025, 1, "77.66", "84.13"),
        # 3,432.46 (derived): 0.60 × 3,432.46 / 26 = 79.2106… → 79.21, 0.65 × … = 85.8115… →
        # 85.81: the RVA's full-unemployment maxima from 1 February 2025, to the cent
        (2025, 2, "79.21", "85.81"),
        (2026, 2, "79.21", "85.81"),
        # 3,501.11 (derived, unverified): 0.60 × 3,501.11 / 26 = 80.7948… → 80.79,
        # 0.65 × … = 87.5277… → 87.53
        (2026, 3, "80.79", "87.53"),
        (2026, 12, "80.79", "87.53"),
    ],
)
def test_a_worker_at_the_ceiling(year: int, month: int, standard: str, force_majeure: str) -> None:
    result = _at_the_ceiling(year, month)
    assert result.daily_amounts == {
        Reason.ECONOMIC: Decimal(standard),
        Reason.FORCE_MAJEURE: Decimal(force_majeure),
    }


def test_every_ceiling_the_rva_maxima_allow_pays_the_same() -> None:
    # the cents of 3,432.46 are uncertain (earlier steps were not exactly × 1.02: 3,299.11 × 1.02
    # = 3,365.0922, not 3,365.16). With the daily amount rounded half up, as R0 does, the RVA's
    # 79.21 (60 %) and 85.81 (65 %) hold exactly for the ceilings 3,432.22 to 3,432.59: every one
    # of them pays what 3,432.46 pays, and one cent outside the range does not. (The research
    # put the top at 3,432.60: 0.65 × 3,432.60 / 26 is exactly 85.815, which rounds half up to
    # 85.82.)
    assert Decimal("3299.11") * Decimal("1.02") == Decimal("3365.0922")

    def amounts(ceiling_cents: int) -> tuple[Decimal, Decimal]:
        ceiling = Decimal(ceiling_cents) / 100
        supplied = DEFAULT.override({"wage.monthly_ceiling": {date(2025, 2, 1): ceiling}})
        paid = _at_the_ceiling(2025, 3, supplied).daily_amounts
        return paid[Reason.ECONOMIC], paid[Reason.FORCE_MAJEURE]

    rva = (Decimal("79.21"), Decimal("85.81"))
    assert all(amounts(cents) == rva for cents in range(343222, 343260))
    assert amounts(343221) == (Decimal("79.20"), Decimal("85.81"))  # 3,432.21: 79.2048…
    assert amounts(343260) == (Decimal("79.21"), Decimal("85.82"))  # 3,432.60: 85.815 → 85.82
    assert amounts(343246) == rva


def test_the_derived_ceiling_is_told_where_it_caps_the_wage() -> None:
    # February 2025, 5,000.00: capped at 3,432.46, derived: a notice with its sources, and its
    # caveat (the cents and the range that pays the same)
    notices = {n.code: n for n in _at_the_ceiling(2025, 2).notices}
    derived = notices["parameters.derived"]
    assert derived.rule == "R9"
    assert derived.values["figures"] == (
        (
            "figure.derived",
            {
                "name": "wage.monthly_ceiling",
                "value": Decimal("3432.46"),
                "start": date(2025, 2, 1),
            },
        ),
    )
    assert "wage.monthly_ceiling = 3432.46 from 2025-02-01" in derived.message
    assert "https://www.rva.be/documentatie/bedragen/volledige-werkloosheid" in {
        s.url for s in derived.sources
    }
    caveat = notices["parameters.caveat"].message
    assert "3,432.22 to 3,432.59" in caveat and "same daily amounts" in caveat
    assert "parameters.stale" not in notices
    # January 2025 (3,365.16, official): no derived notice
    assert "parameters.derived" not in {n.code for n in _at_the_ceiling(2025, 1).notices}


def test_the_unverified_ceiling_says_so() -> None:
    (derived,) = [n for n in _at_the_ceiling(2026, 3).notices if n.code == "parameters.derived"]
    assert derived.values["figures"][0][0] == "figure.derived.unverified"
    assert derived.message.count("unverified: no source confirms it") == 1
    for lang, words in (("fr", "non vérifié"), ("nl", "niet geverifieerd")):
        assert words in derived.text(lang)  # type: ignore[arg-type]


def test_no_derived_notice_below_the_ceiling() -> None:
    # 2,000.00 is below 3,501.11: the ceiling did not change the result; the confidence step still
    # lists it as derived
    days = working_days(2026, 3, 3)
    result = compute_month(
        worker(monthly_gross_wage=Decimal("2000.00")),
        employer(),
        month_of(2026, 3, unemployed(days, Reason.ECONOMIC)),
    )
    assert "parameters.derived" not in {n.code for n in result.notices}
    ceiling = next(f for f in result.figures if f.name == "wage.monthly_ceiling")
    assert (ceiling.confidence, ceiling.unverified) == ("derived", True)


def test_the_result_lists_the_confidence_of_every_figure_it_used() -> None:
    result = _at_the_ceiling(2026, 10)
    figures = {f.name: f for f in result.figures}
    # every figure a step read, once, in the order first read
    read = list(dict.fromkeys(u.name for s in result.steps for u in s.parameters))
    assert [f.name for f in result.figures] == read
    ceiling = figures["wage.monthly_ceiling"]
    assert (ceiling.value, ceiling.valid_from, ceiling.confidence, ceiling.unverified) == (
        Decimal("3501.11"),
        date(2026, 3, 1),
        "derived",
        True,
    )
    assert ceiling.stale is not None and ceiling.stale.on == date(2026, 10, 1)
    amount = figures["supplement.amount"]
    assert (amount.value, amount.confidence) == (Decimal("5.20"), "secondary")
    assert amount.stale is not None and amount.stale.on == date(2026, 3, 1)
    assert figures["rate.standard"].confidence == "secondary" and not figures["rate.standard"].stale
    assert figures["allowance.minimum_daily"].missing
    # frozen records
    with pytest.raises(AttributeError):
        ceiling.value = Decimal(0)  # type: ignore[misc]
    # the step of R9 says the same, in words
    step = result.step("parameters.confidence")
    assert (step.rule, step.applies) == ("R9", True)
    assert (
        "wage.monthly_ceiling = 3501.11 from 2026-03-01 (derived; unverified, may be stale: "
        "social_benefits indexation expected on 2026-10-01)"
    ) in step.formula
    assert "rate.standard = 0.60 from 2024-01-01 (secondary)" in step.formula
    assert step.result == (
        "0 official, 8 secondary, 1 derived (of which 1 unverified), 0 supplied by the caller, "
        "2 without a value; 2 may be stale"
    )
    # the notices of R9 cite pages the step cites too (every notice is a step with its source)
    r9 = [n for n in result.notices if n.rule == "R9" and n.code != "parameters.caveat"]
    assert r9 and all(set(n.sources) <= set(step.sources) for n in r9)


def test_a_supplied_figure_has_the_confidence_caller() -> None:
    supplied = DEFAULT.override({"wage.monthly_ceiling": {date(2026, 3, 1): "3500.00"}})
    result = _at_the_ceiling(2026, 10, supplied)
    ceiling = next(f for f in result.figures if f.name == "wage.monthly_ceiling")
    assert (ceiling.confidence, ceiling.overridden, ceiling.stale) == ("caller", True, None)
    codes = [n.code for n in result.notices]
    assert "parameters.derived" not in codes and "parameters.overridden" in codes
    assert "supplied by the caller" in result.step("parameters.confidence").formula


def test_the_json_parameters_carry_confidence() -> None:
    document = _at_the_ceiling(2026, 3).as_json()
    (ceiling,) = [
        p for s in document["steps"] if s["id"] == "wage.ceiling" for p in s["parameters"]
    ]
    assert (ceiling["confidence"], ceiling["unverified"]) == ("derived", True)
    rate_parameters = [p for s in document["steps"] for p in s["parameters"]]
    assert {p["confidence"] for p in rate_parameters} <= {"official", "secondary", "derived"}
    # the page a notice cites and the same page a figure cites are one reference, not two
    bx1 = (
        "https://bx1.be/categories/news/indexation-lindice-pivot-depasse-des-juillet-quatre-"
        "mois-plus-tot-que-prevu-selon-le-bureau-du-plan/"
    )
    assert [r["url"] for r in document["references"]].count(bx1) == 1
    (r9,) = [s for s in document["steps"] if s["id"] == "parameters.confidence"]
    assert r9["rule"] == "R9" and "derived" in r9["formula"]


@settings(max_examples=40, deadline=None)
@given(
    wage=st.integers(min_value=150_000, max_value=600_000),
    month=st.sampled_from([(2024, 6), (2025, 2), (2025, 11), (2026, 3), (2026, 10), (2027, 1)]),
    reason=st.sampled_from([Reason.ECONOMIC, Reason.FORCE_MAJEURE, Reason.BAD_WEATHER]),
)
def test_what_r9_says_never_changes_an_amount(
    wage: int, month: tuple[int, int], reason: Reason
) -> None:
    # the same case with the indexations taken away (nothing stale) and with every figure graded
    # official (nothing derived): other notices, the same amounts
    year, number = month
    case = (
        worker(monthly_gross_wage=Decimal(wage) / 100),
        employer(),
        month_of(year, number, unemployed(working_days(year, number, 5), reason)),
    )
    quiet = ParameterSet(
        {
            name: replace(
                DEFAULT.parameter(name),
                versions=tuple(
                    replace(v, confidence="official", unverified=False)
                    for v in DEFAULT.parameter(name).versions
                ),
            )
            for name in DEFAULT.names()
        },
        indexations={name: replace(s, indexations=()) for name, s in DEFAULT.indexations.items()},
    )
    loud, silent = compute_month(*case), compute_month(*case, parameters=quiet)
    assert not {"parameters.stale", "parameters.derived"} & {n.code for n in silent.notices}
    assert loud.payments == silent.payments
    assert loud.daily_amounts == silent.daily_amounts and loud.units == silent.units
    assert loud.history_after == silent.history_after
