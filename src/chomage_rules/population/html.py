"""A comparison as HTML, as a notebook shows it: the cost by payer and by component under each
set, who gains and who loses, and the quantiles of the change (``Comparison.html(lang)``,
``FileComparison.html(lang)``; ``_repr_html_`` is the English one).

Every text is escaped and comes from the message catalogue; the amounts are exact sums of cents
written in the language's way (``1,234.56``, ``1.234,56``). The per-row tables are not shown:
they are the comparison's ``rows``, as long as the population.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..core.money import decimal_to_cents
from ..explain.catalogue import Catalogue, Language, catalogue
from ..explain.html import escape, table

if TYPE_CHECKING:
    from .compare import ChangeSummary

__all__ = ["summary_html"]

_COMPONENT_LABELS = {
    "gross_allowance": "gross_allowance",
    "sector_top_up": "sector_top_up",
    "employer_supplement": "employer_supplement",
    "withholding": "withholding_total",
    "net_total": "net_total",
}
"""The label of each component of ``cost_by_component``: the same as a month's totals."""


def _eur(texts: Catalogue, amount: Any, *, signed: bool = False) -> str:
    cents = decimal_to_cents(Decimal(amount))
    sign = "+" if signed and cents > 0 else ""
    return escape(sign + texts.write("money", cents))


def _cost_by_payer(texts: Catalogue, summary: ChangeSummary) -> str:
    gross, withheld = texts.label("gross"), texts.label("comparison.withheld")
    baseline, reform, change = (
        texts.label(f"comparison.{key}") for key in ("baseline", "reform", "change")
    )
    head = [
        escape(texts.label("payer")),
        *(
            escape(f"{what}, {which}")
            for what, which in (
                (gross, baseline),
                (gross, reform),
                (gross, change),
                (withheld, baseline),
                (withheld, reform),
            )
        ),
    ]
    rows = (
        [
            escape(texts.term(f"payer.{payer}")),
            _eur(texts, row["gross_baseline"]),
            _eur(texts, row["gross_reform"]),
            _eur(texts, row["gross_change"], signed=True),
            _eur(texts, row["withholding_baseline"]),
            _eur(texts, row["withholding_reform"]),
        ]
        for payer, row in summary.cost.iterrows()
    )
    return table(head, rows)


def _cost_by_component(texts: Catalogue, summary: ChangeSummary) -> str:
    head = ["", *(escape(texts.label(f"comparison.{k}")) for k in ("baseline", "reform", "change"))]
    rows = (
        [
            escape(texts.label(_COMPONENT_LABELS[str(component)])),
            _eur(texts, row["baseline"]),
            _eur(texts, row["reform"]),
            _eur(texts, row["change"], signed=True),
        ]
        for component, row in summary.cost_by_component.iterrows()
    )
    return table(head, rows)


def _workers(texts: Catalogue, summary: ChangeSummary) -> str:
    counts = (summary.gainers, summary.losers, summary.unchanged)
    head = [
        escape(texts.label(f"comparison.{k}")) for k in ("gainers", "losers", "unchanged", "total")
    ]
    written = (f"{n:,}" for n in (*counts, sum(counts)))
    if texts.decimal_comma:  # 1.234 in French and Dutch, as the amounts
        written = (text.replace(",", ".") for text in written)
    return table(head, [list(written)], numbers_from=0)


def _quantiles(texts: Catalogue, summary: ChangeSummary) -> str:
    quantiles = summary.change_quantiles
    head = [escape(texts.write("percent", (round(q * 100), 100))) for q in quantiles]
    return table(head, [[_eur(texts, v, signed=True) for v in quantiles.values()]], numbers_from=0)


def summary_html(summary: ChangeSummary, lang: Language, head: str = "") -> str:
    """``summary`` as a ``<div>`` that stands alone, in ``lang``; ``head``: a line of text
    (escaped here) shown under the title."""
    texts = catalogue(lang)

    def heading(key: str) -> str:
        return f"<h4>{escape(texts.label(key))}</h4>"

    parts = [
        f'<div class="chomage-rules-comparison" lang="{lang}" style="font-family:sans-serif">',
        f"<h3>{escape(texts.label('comparison.title'))}</h3>",
        *([f"<p>{escape(head)}</p>"] if head else []),
        heading("comparison.cost_by_payer"),
        _cost_by_payer(texts, summary),
        heading("comparison.cost_by_component"),
        _cost_by_component(texts, summary),
        heading("comparison.workers"),
        _workers(texts, summary),
        heading("comparison.quantiles"),
        _quantiles(texts, summary),
        "</div>",
    ]
    return "\n".join(parts) + "\n"
