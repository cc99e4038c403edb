"""A figure's caveat (``parameters.caveat``) told in the reader's language, in every format, while
the notice's value stays the English text a stored document holds."""

from __future__ import annotations

import html
import json
import pickle

import pytest

from chomage_rules import MonthResult, ParameterSet, compute_month
from chomage_rules.core.translated import Translated
from chomage_rules.core.vocabulary import Language, Reason
from tests.helpers import employer, month_of, unemployed, worker, working_days

DEFAULT = ParameterSet.default()
TOP_UP = DEFAULT.parameter("construction.amount.II").versions[0]


def _construction_2024(parameters: ParameterSet = DEFAULT) -> MonthResult:
    """A construction worker (category II) with 5 economic days in June 2024: the top-up 7.63
    of March 2020 is used, with its caveat (no newer table found)."""
    return compute_month(
        worker(cp124_category="II", has_legitimation_card=True),
        employer("124"),
        month_of(2024, 6, unemployed(working_days(2024, 6, 5), Reason.ECONOMIC)),
        parameters=parameters,
    )


LANGS: tuple[Language, ...] = ("en", "fr", "nl")
RESULT = _construction_2024()
(NOTICE,) = [n for n in RESULT.notices if n.code == "parameters.caveat"]


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
@pytest.mark.parametrize("format", ["text", "markdown", "html", "json"])
def test_the_caveat_is_told_in_the_readers_language(format: str, lang: Language) -> None:
    caveat = TOP_UP.caveat_in(lang)
    assert caveat is not None
    shown = RESULT.explain(format, lang)  # type: ignore[arg-type]
    if format == "json":
        (message,) = [
            n["message"] for n in json.loads(shown)["notices"] if n["code"] == "parameters.caveat"
        ]
        shown = message
    elif format == "html":
        shown = html.unescape(shown)
    assert caveat in shown
    # and no other language's caveat
    for other in LANGS:
        if other != lang:
            assert str(TOP_UP.caveat_in(other))[:40] not in shown


def test_the_notice_reads_in_each_language() -> None:
    assert NOTICE.text("fr").startswith("construction.amount.II = 7,63 : attesté en mars 2020")
    assert NOTICE.text("nl").startswith("construction.amount.II = 7,63: gestaafd in maart 2020")
    assert NOTICE.message.startswith("construction.amount.II = 7.63: attested in March 2020")


def test_the_notices_value_is_still_the_english_caveat() -> None:
    # what a stored document holds, and what a caller compared, is unchanged: the English text
    caveat = NOTICE.values["caveat"]
    assert caveat == TOP_UP.caveat
    assert isinstance(caveat, Translated) and caveat.in_language("nl") == TOP_UP.caveat_nl
    (stored,) = [n for n in RESULT.to_document()["notices"] if n["code"] == "parameters.caveat"]
    assert stored["values"] == {"name": "construction.amount.II", "value": "7.63", "caveat": caveat}
    assert json.loads(RESULT.to_json())["notices"] == json.loads(
        json.dumps(RESULT.to_document()["notices"])
    )


def test_a_translated_text_pickles_with_its_translations() -> None:
    again = pickle.loads(pickle.dumps(NOTICE))
    assert again == NOTICE and again.text("fr") == NOTICE.text("fr")
    assert pickle.loads(pickle.dumps(NOTICE.values["caveat"])).fr == TOP_UP.caveat_fr


def test_an_overridden_figure_has_no_caveat_in_any_language() -> None:
    supplied = ParameterSet.default().override({"construction.amount.II": "7.90"})
    result = _construction_2024(supplied)
    assert "parameters.caveat" not in [n.code for n in result.notices]
    for lang in LANGS:
        assert str(TOP_UP.caveat_in(lang))[:40] not in result.explain("text", lang)
