"""``result.explain("html")`` and ``_repr_html_``: a fragment read back with html.parser shows
the amounts per payer first, the notices highlighted, every step and every source as a link, in
the language asked, with every text escaped and no national number (issue 12, item 5)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest

from chomage_rules import (
    DayEntry,
    Employer,
    History,
    Month,
    MonthResult,
    Worker,
    compute_month,
)
from chomage_rules.explain.catalogue import LANGUAGES, catalogue
from chomage_rules.explain.html import html_page, link
from tests.html_tree import Element, parse

NISS = "85073003328"
HOSTILE = '<script>alert("x")</script> & <b onmouseover="y">Co</b>'


def _result(name: str | None = None) -> MonthResult:
    """The README's worker: June 2024, one economic day and one of force majeure."""
    return compute_month(
        Worker(
            niss=NISS,
            monthly_gross_wage=Decimal("3500.00"),
            cp124_category="II",
            has_legitimation_card=True,
        ),
        Employer(enterprise_number="0403.170.701", joint_committee="124", name=name),
        Month(
            year=2024,
            month=6,
            days=[
                DayEntry(day=date(2024, 6, 3), status="temporary_unemployment", reason="economic"),
                DayEntry(
                    day=date(2024, 6, 4), status="temporary_unemployment", reason="force_majeure"
                ),
            ],
        ),
        History(supplement_units=Decimal("30")),
    )


RESULT = _result()


def _money(lang: str, amount: Decimal) -> str:
    cents = int(amount * 100)
    return catalogue(lang).write("money", cents)


def _top(tree: Element) -> Element:
    (div,) = [c for c in tree.children if c.tag == "div"]
    return div


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_amounts_per_payer_come_first_then_the_steps(lang: str) -> None:
    div = _top(parse(RESULT.explain("html", lang)))
    texts = catalogue(lang)
    assert div.attrs["lang"] == lang
    assert div.find_all("h3")[0].text == texts.label("title", {"period": "2024-06"})
    headings = [h.text for h in div.find_all("h4")]
    order = ["payments", "notices", "steps", "references"]
    assert headings == [texts.label(key) for key in order]
    _, payers, totals = div.find_all("table")
    rows = payers.rows()
    assert rows[0] == [texts.label(k) for k in ("payer", "gross", "withholding", "net")]
    assert rows[1:] == [
        [
            texts.term(f"payer.{p.payer}"),
            *(_money(lang, a) for a in (p.gross, p.withholding, p.net)),
        ]
        for p in RESULT.payments
    ]
    # the README's figures: 161.79 + 15.26 from the payment body, 5.10 from the employer
    assert rows[1][1] == _money(lang, Decimal("177.05"))
    assert totals.rows()[-1] == [texts.label("net_total"), _money(lang, RESULT.net_total)]


def test_every_step_is_shown_with_its_texts_in_order() -> None:
    div = _top(parse(RESULT.explain("html", "fr")))
    steps = div.find_all("ol")[0]
    items = [li for li in steps.children if li.tag == "li"]
    assert len(items) == len(RESULT.steps)
    for item, step in zip(items, RESULT.steps, strict=True):
        text = step.text("fr")
        assert item.find_all("strong")[0].text == text.title
        assert item.find_all("code")[1].text == text.formula
        assert text.result in item.text
        assert ("style" in item.attrs) is not step.applies  # greyed when it did not apply


def test_the_notices_are_highlighted() -> None:
    div = _top(parse(RESULT.explain("html")))
    notices = div.find_all("ul")[0]
    items = [li for li in notices.children if li.tag == "li"]
    assert len(items) == len(RESULT.notices) > 0
    for item, notice in zip(items, RESULT.notices, strict=True):
        assert notice.message in item.text
        assert "background" in (item.attrs["style"] or "")


def test_the_sources_are_the_json_references_as_links() -> None:
    tree = parse(RESULT.explain("html"))
    references = json.loads(RESULT.explain("json"))["references"]
    listed = _top(tree).find_all("ol")[-1]
    items = [li for li in listed.children if li.tag == "li"]
    assert [int(li.attrs["value"] or 0) for li in items] == [r["number"] for r in references]
    for item, reference in zip(items, references, strict=True):
        assert item.text.startswith(reference["title"])
        (anchor,) = item.find_all("a")
        assert anchor.attrs["href"] == reference["url"]
    cited = [a for a in tree.find_all("a") if re.fullmatch(r"\[\d+\]", a.text)]
    assert cited  # steps, figures and notices cite by number, each a link to the source
    urls = {r["number"]: r["url"] for r in references}
    assert all(a.attrs["href"] == urls[int(a.text[1:-1])] for a in cited)


def test_a_hostile_employer_name_is_text_not_markup() -> None:
    tree = parse(_result(HOSTILE).explain("html"))
    assert not tree.find_all("script")
    assert not [e for e in tree.find_all("b") if "onmouseover" in e.attrs]
    header = _top(tree).find_all("table")[0]
    assert header.rows()[1][1] == f"{HOSTILE}, 0403.170.701"


def test_a_link_is_made_only_of_a_web_address() -> None:
    assert link("javascript:alert(1)", "[1]") == "[1]"
    assert link(None, "a <title>") == "a &lt;title&gt;"
    made = parse(link('https://example.org/?a="b"&c', "<x>", 'say "hi"'))
    (anchor,) = made.find_all("a")
    assert anchor.attrs["href"] == 'https://example.org/?a="b"&c'
    assert anchor.attrs["title"] == 'say "hi"' and anchor.text == "<x>"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_national_number_in_the_html(lang: str) -> None:
    text = RESULT.explain("html", lang) + RESULT._repr_html_()
    assert NISS not in text
    assert not re.search(r"\d{10,}", re.sub(r'href="[^"]*"', "", text))
    assert "**.**.**-***.28" in text


def test_a_notebook_shows_the_html_and_a_short_repr() -> None:
    assert RESULT._repr_html_() == RESULT.explain("html", "en")
    shown = repr(RESULT)
    assert NISS not in shown and "net_total=Decimal('133.43')" in shown
    assert len(shown) < 500


def test_a_whole_page_wraps_the_fragment() -> None:
    page = html_page("nl", "a <title>", RESULT.explain("html", "nl"))
    tree = parse(page)
    (document,) = tree.find_all("html")
    assert document.attrs["lang"] == "nl"
    assert tree.find_all("title")[0].text == "a <title>"
    assert tree.find_all("meta")[0].attrs["charset"] == "utf-8"
    assert page.startswith("<!DOCTYPE html>")
