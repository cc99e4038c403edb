"""The message catalogue: three languages with the same texts' shapes, no figure of its own, and
every text of an explanation found and filled (issue 8, "explanation texts are data")."""

import json
import re
import string
import sys
import tomllib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from chomage_rules import (
    Employer,
    History,
    Month,
    MonthResult,
    ParameterSet,
    Reason,
    Worker,
    compute_month,
)
from chomage_rules.explain.catalogue import LANGUAGES, SPECS, catalogue
from tests import spell_cases
from tests.explain.corpus_access import access_cases
from tests.helpers import employer, month_of, unemployed, worker, working_days

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import differential

MESSAGES = resources.files("chomage_rules.explain") / "messages"


def _raw(lang: str) -> dict[str, Any]:
    return tomllib.loads((MESSAGES / f"{lang}.toml").read_text("utf-8"))


def _templates(
    table: dict[str, Any], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _templates(value, (*path, key))
        elif isinstance(value, str) and path:  # every text; not the file's language and flags
            yield (*path, key), value


def _placeholders(template: str) -> list[tuple[str, str]]:
    return sorted(
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None
    )


def test_every_language_has_every_text_with_the_same_placeholders() -> None:
    english = dict(_templates(_raw("en")))
    for lang in ("fr", "nl"):
        other = dict(_templates(_raw(lang)))
        assert set(other) == set(english), (lang, set(other) ^ set(english))
        for key, template in english.items():
            # the same values, written the same way (their order may differ in a sentence)
            assert _placeholders(other[key]) == _placeholders(template), (lang, key)


def test_texts_hold_no_figure_of_their_own() -> None:
    # every figure comes from a value the rule computed: a template holds no digit
    for lang in LANGUAGES:
        for key, template in _templates(_raw(lang)):
            outside = re.sub(r"\{[^}]*\}", "", template)
            assert not re.search(r"\d", outside), (lang, key, template)
            assert all(spec in SPECS for _, spec in _placeholders(template)), (lang, key)


def test_decimal_commas_in_french_and_dutch() -> None:
    # 3,299.11 in English; 3.299,11 as the Belgian sources write it
    assert catalogue("en").write("money", 329911) == "3,299.11"
    assert catalogue("fr").write("money", 329911) == "3.299,11"
    assert catalogue("nl").write("percent", (107, 400)) == "26,75 %"  # 26.75 %
    assert catalogue("nl").write("units", 19) == "9,5"  # 19 half units


def _corpus() -> list[MonthResult]:
    """Results of the differential check's generated cases (every reason, CP 124, hourly and
    part-time workers, frost days, counters near their ends, what-if figures)."""
    sets = {
        name: ParameterSet.default().override(changes) if changes else ParameterSet.default()
        for name, changes in differential.PARAMETER_SETS.items()
    }
    results = []
    for case in differential.generate(3000, seed=5):
        try:
            results.append(
                compute_month(
                    Worker.model_validate(case["worker"]),
                    Employer.model_validate(case["employer"]),
                    Month.model_validate(case["month"]),
                    None if case["history"] is None else History.model_validate(case["history"]),
                    parameters=sets[case["parameters"]],
                )
            )
        except (ValueError, LookupError):  # refused cases explain nothing
            continue
    # and the one text the generator does not reach: a credit restarted on 1 October and used up
    # in the same month (a credit of 5 units overridden; 10 economic days in October 2024)
    small_credit = ParameterSet.default().override({"construction.credit_units": "5"})
    history = History(through=date(2024, 9, 30), cp124_credit_used=Decimal("3"))
    results.append(
        compute_month(
            worker(cp124_category="II", has_legitimation_card=True),
            employer("124"),
            month_of(2024, 10, unemployed(working_days(2024, 10, 10), Reason.ECONOMIC)),
            history,
            parameters=small_credit,
        )
    )
    # a frost day of 1 h: 1 × 6 / 38 = 0.157… → no unit (construction.frost.no_units)
    results.append(
        compute_month(
            worker(cp124_category="II", has_legitimation_card=True),
            employer("124"),
            month_of(
                2024,
                1,
                unemployed([date(2024, 1, 8)], Reason.ECONOMIC, hours="1", frost_period=True),
            ),
        )
    )
    # a worker of the sector in March 2020, before the credit existed, with a strike day (not a
    # reason of the top-up): construction.credit.none
    results.append(
        compute_month(
            worker(cp124_category="II", has_legitimation_card=True),
            employer("124"),
            month_of(2020, 3, unemployed([date(2020, 3, 2)], Reason.STRIKE_LOCKOUT)),
        )
    )
    # a five-day worker with a Saturday of temporary unemployment (the generator keeps each
    # worker's days within Monday to Friday or Saturday): units.outside_working_week
    results.append(
        compute_month(
            worker(days_per_week=5),
            employer(),
            month_of(2025, 3, unemployed([date(2025, 3, 7), date(2025, 3, 8)], Reason.ECONOMIC)),
        )
    )
    results += _control_card_cases()
    results += access_cases()  # R11 cross-border workers, R14 limits of a known occupation
    # job-seeker registration (R12) and applications (R13): every step and notice
    results += spell_cases.corpus()
    return results


def _control_card_cases() -> list[MonthResult]:
    """R10 (issue 10): paper cards before 2023 (not checked), before 2025, in the transition, in
    a workshop, after it (with and without the extension nobody confirmed); issued in time, late,
    without a date, and in a month without unemployment. The generator has electronic cards only."""
    cases: list[tuple[int, int, list[date], dict[str, Any], dict[str, Any]]] = [
        (2022, 5, [date(2022, 5, 2)], {}, {}),
        (2024, 6, [date(2024, 6, 3)], {"paper_card_issued": date(2024, 6, 3)}, {}),
        (2025, 3, [date(2025, 3, 3)], {"paper_card_issued": date(2025, 3, 4)}, {}),
        (2025, 3, [], {}, {}),
        (2025, 7, [date(2025, 7, 1)], {}, {"sheltered_workshop": True}),
        (2025, 9, [date(2025, 9, 1)], {"paper_card_issued": date(2025, 9, 1)}, {}),
        (2026, 1, [date(2026, 1, 5)], {"paper_card_issued": date(2025, 12, 31)}, {}),
    ]
    return [
        compute_month(
            worker(),
            employer(**changes),
            month_of(year, month, unemployed(days, Reason.ECONOMIC), control_card="paper", **card),
        )
        for year, month, days, card, changes in cases
    ]


CORPUS = _corpus()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_explanation_is_filled_in_every_language(lang: str) -> None:
    for result in CORPUS[:300]:
        for fmt in ("text", "markdown"):
            rendered = result.explain(fmt, lang)  # type: ignore[arg-type]
            assert "{" not in rendered and "}" not in rendered
        document = json.loads(result.explain("json", lang))
        assert document["language"] == lang
        assert len(document["steps"]) == len(result.steps)


def test_every_step_and_notice_text_is_used() -> None:
    messages = {step.message for r in CORPUS for step in r.steps}
    codes = {notice.code for r in CORPUS for notice in r.notices}
    english = catalogue("en")
    assert set(english.steps) - messages == set()
    assert set(english.notices) - codes == set()


def test_unknown_language_is_refused() -> None:
    result = CORPUS[0]
    with pytest.raises(ValueError, match="'de'"):
        result.explain("text", "de")


def _june(reason: Reason = Reason.ECONOMIC, count: int = 12) -> Month:
    return month_of(2024, 6, unemployed(working_days(2024, 6, count), reason))


def test_step_texts_name_the_figures_used_under_an_override() -> None:
    # supplement.free_units overridden to 30, threshold to 3,800: a 4,500.00 wage is above it
    # and, with 20 units counted before, 12 eligible units give clip(20 + 12 − 30, 0, 12) = 2
    custom = ParameterSet.default().override(
        {"supplement.free_units": "30", "supplement.wage_threshold": "3800"}
    )
    result = compute_month(
        worker(monthly_gross_wage=Decimal("4500.00")),
        employer(),
        _june(),
        History(supplement_units=Decimal("20")),
        parameters=custom,
    )
    free = result.step("supplement.day_27")
    for lang in LANGUAGES:
        title, formula, text = free.text(lang)  # type: ignore[arg-type]
        assert "30" in formula and "26" not in formula and "27" not in title + formula + text
    threshold = result.step("supplement.threshold")
    assert "3,800.00" in threshold.formula and "4,000" not in threshold.formula
    assert result.supplement_units_paid == Decimal("2.0")


def test_the_same_result_in_three_languages_shows_the_same_figures() -> None:
    result = compute_month(worker(), employer("124"), _june(Reason.FORCE_MAJEURE, 5))
    english = result.explain("text", "en")
    french = result.explain("text", "fr")
    # 3,365.16 (ceiling from May 2024) in English, 3.365,16 in French; the net in both
    assert "3,365.16" in english and "3.365,16" in french
    net = f"{result.net_total:,}"
    assert net in english
    assert net.replace(",", " ").replace(".", ",").replace(" ", ".") in french


# --------------------------------------------------------------------------- every notice a step

PROCESS_AND_FIGURE_RULES = ("R8", "R9", "R10", "R11", "R12", "R13", "R14")
"""The rules whose notices carry their rule and sources (issue 10); the older rules' notices
name neither yet."""
PREFIXES = ("payment.", "parameters.", "control_card.", "ec32.", "registration.", "application.")
PREFIXES += ("limits.",)

UNSOURCED_NOTICES = {"parameters.overridden"}
"""Notices that cite no page, and why: the figures named were supplied by the caller."""


def _of_those_rules(code: str) -> bool:
    return code.startswith(PREFIXES)


def _one_result_per_notice_code() -> dict[str, MonthResult]:
    found: dict[str, MonthResult] = {}
    for result in CORPUS:
        for notice in result.notices:
            found.setdefault(notice.code, result)
    return found


def test_every_notice_has_its_rule_its_sources_and_a_step_of_that_rule() -> None:
    # "Every notice is a step of the explanation, with its source" (issue 10)
    for result in CORPUS:
        rules = {step.rule for step in result.steps}
        for notice in filter(lambda n: _of_those_rules(n.code), result.notices):
            assert notice.rule in PROCESS_AND_FIGURE_RULES, notice.code
            assert notice.rule in rules, (notice.code, notice.rule)
            if notice.code not in UNSOURCED_NOTICES:
                assert notice.sources, notice.code
                assert all(s.url.startswith("http") for s in notice.sources), notice.code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_notice_in_the_json_rendering_has_code_rule_message_and_references(
    lang: str,
) -> None:
    found = _one_result_per_notice_code()
    assert {code for code in found if _of_those_rules(code)} >= {
        "ec32.no_eidas",
        "limits.technical_accident",
    }
    for code, result in sorted(found.items()):
        if not _of_those_rules(code):
            continue
        document = json.loads(result.explain("json", lang))
        (entry,) = [n for n in document["notices"] if n["code"] == code][:1]
        assert set(entry) == {"code", "rule", "message", "references"}, code
        assert entry["rule"] and entry["message"] and "{" not in entry["message"], code
        cited = {r["number"]: r for r in document["references"]}
        assert all(number in cited for number in entry["references"]), code
        if code not in UNSOURCED_NOTICES:
            assert entry["references"], (lang, code)
