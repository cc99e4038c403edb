"""Comparison's attributes, its summary's labels and docs/population.md say the same names."""

import dataclasses
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from chomage_rules import ParameterSet, compare
from chomage_rules.population import Comparison
from tests.population.test_compare import FRAME  # low, idle and fm: their figures are derived there

PAGE = Path(__file__).parents[2] / "docs" / "population.md"


def _comparison() -> Comparison:
    baseline = ParameterSet.default()
    reform = baseline.override({"rate.standard": {date(2025, 1, 1): Decimal("0.62")}})
    return compare(FRAME, 2025, 3, baseline, reform)


def _names() -> list[str]:
    """Every public attribute of a Comparison: its fields, properties and methods."""
    fields = [field.name for field in dataclasses.fields(Comparison)]
    # its own and those of the summary every comparison shares (ChangeSummary)
    others = [
        name for cls in Comparison.__mro__[:-1] for name in vars(cls) if not name.startswith("_")
    ]
    return fields + [name for name in dict.fromkeys(others) if name not in fields]


def test_the_summary_labels_are_attributes() -> None:
    comparison = _comparison()
    summary = comparison.summary()
    # "Cost by payer" was printed while comparison.cost_by_payer raised AttributeError
    assert summary.startswith("Cost by payer (EUR, gross):")
    assert comparison.cost_by_payer is comparison.cost  # the old name stays
    assert "By component (EUR):" in summary and "net_total" in comparison.cost_by_component.index
    assert "Workers: 1 gain, 0 lose, 2 unchanged (of 3)" in summary
    assert "Change of net total per worker (EUR)" in summary and comparison.change_quantiles


def test_the_gross_cost_change_is_not_the_change_of_the_net() -> None:
    comparison = _comparison()
    # low: 10 units of 100.00 a day at 60 % → 62 %: 600.00 → 620.00 gross, +20.00 paid by the
    # payment body; 26.75 % withheld: 160.50 → 165.85, +5.35; the worker gets +14.65
    assert comparison.gross_cost_change == Decimal("20.00")
    assert comparison.net_cost == comparison.gross_cost_change  # its first name, kept
    assert comparison.cost_by_component.loc["withholding", "change"] == Decimal("5.35")
    assert comparison.cost_by_component.loc["net_total", "change"] == Decimal("14.65")


def test_every_attribute_is_documented_in_the_compare_section() -> None:
    page = PAGE.read_text(encoding="utf-8")
    section = page.split("## compare: one pass")[1].split("\n## ")[0]
    documented = set(re.findall(r"`([a-z_]+)(?:\(\))?`", section))
    names = _names()
    assert {"cost", "cost_by_payer", "gross_cost_change", "net_cost", "summary"} <= set(names)
    assert [name for name in names if name not in documented] == []
    # and the columns of its tables
    comparison = _comparison()
    columns = [*comparison.rows.columns, *comparison.cost.columns]
    columns += [*comparison.cost_by_component.columns, *comparison.cost_by_component.index]
    assert [name for name in columns if name not in documented] == []


def test_the_synthetic_population_is_documented() -> None:
    page = PAGE.read_text(encoding="utf-8")
    section = page.split("## Synthetic populations")[1].split("\n## ")[0]
    for name in ("peer_population", "peer_parameters", "PEER_MONTH"):
        assert f"`{name}" in section, name
    from chomage_rules.population import peer_population  # noqa: PLC0415

    for column in peer_population(3).columns:
        assert f"`{column}`" in section, column
