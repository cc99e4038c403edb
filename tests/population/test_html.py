"""A comparison in a notebook: ``Comparison.html`` and ``FileComparison.html`` (and their
``_repr_html_``) read back with html.parser: the cost by payer and by component, gainers and
losers, the quantiles, in the catalogue's words, escaped, without a national number (issue 12)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from chomage_rules import ParameterSet, compare
from chomage_rules.explain.catalogue import LANGUAGES, catalogue
from chomage_rules.population import compare_file
from tests.html_tree import Element, parse
from tests.population.files import population, write

ROWS = 400


def _sets() -> tuple[ParameterSet, ParameterSet]:
    """A reform that moves rows both ways: a higher standard rate, a lower supplement."""
    baseline = ParameterSet.default()
    reform = baseline.override(
        {
            "rate.standard": {date(2025, 1, 1): Decimal("0.65")},
            "supplement.amount": {date(2025, 1, 1): Decimal("2.00")},
        }
    )
    return baseline, reform


FRAME = population(ROWS)
COMPARISON = compare(FRAME, 2025, 3, *_sets())


def _eur(lang: str, amount: Decimal, signed: bool = False) -> str:
    cents = int(amount * 100)
    return ("+" if signed and cents > 0 else "") + catalogue(lang).write("money", cents)


def _tables(text: str) -> list[Element]:
    (div,) = [c for c in parse(text).children if c.tag == "div"]
    return div.find_all("table")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cost_by_payer_and_component_are_the_comparison_s(lang: str) -> None:
    payers, components, _, _ = _tables(COMPARISON.html(lang))
    texts = catalogue(lang)
    rows = payers.rows()
    assert len(rows) == 4  # the header and the three payers
    for row, (payer, cost) in zip(rows[1:], COMPARISON.cost.iterrows(), strict=True):
        assert row == [
            texts.term(f"payer.{payer}"),
            _eur(lang, cost["gross_baseline"]),
            _eur(lang, cost["gross_reform"]),
            _eur(lang, cost["gross_change"], signed=True),
            _eur(lang, cost["withholding_baseline"]),
            _eur(lang, cost["withholding_reform"]),
        ]
    net = components.rows()[-1]
    change = COMPARISON.cost_by_component.loc["net_total", "change"]
    assert net[0] == texts.label("net_total") and net[3] == _eur(lang, change, signed=True)


def test_gainers_losers_and_quantiles() -> None:
    _, _, workers, quantiles = _tables(COMPARISON.html())
    c = COMPARISON
    assert c.gainers > 0 and c.losers > 0  # the reform moves rows both ways
    assert workers.rows()[1] == [f"{n:,}" for n in (c.gainers, c.losers, c.unchanged, ROWS)]
    head, values = quantiles.rows()
    assert head == ["0 %", "10 %", "25 %", "50 %", "75 %", "90 %", "100 %"]
    assert values == [_eur("en", v, signed=True) for v in c.change_quantiles.values()]
    assert values[0].startswith("-") and values[-1].startswith("+")


def test_a_notebook_shows_the_english_html() -> None:
    assert COMPARISON._repr_html_() == COMPARISON.html("en")
    with pytest.raises(ValueError, match="unknown language"):
        COMPARISON.html("de")


def test_a_file_comparison_names_its_file_masked_and_escaped(tmp_path: Path) -> None:
    source = write(FRAME, tmp_path / "<b>85073003328.csv")
    target = tmp_path / "changes.parquet"
    compared = compare_file(source, target, 2025, 3, *_sets(), keep_columns=("worker_id",))
    text = compared._repr_html_()
    tree = parse(text)
    assert not tree.find_all("b")
    (line,) = tree.find_all("p")
    assert "<b>**.**.**-***.28.csv" in line.text and "changes.parquet" in line.text
    assert f"{ROWS} " in line.text
    assert "85073003328" not in text
    # the same summaries as the table's comparison, written the same way
    assert _tables(text) == _tables(COMPARISON.html())
