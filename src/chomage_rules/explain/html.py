"""An explanation as HTML: a self-contained fragment for a notebook, or a whole page.

The fragment shows what a reader looks for first, the amounts per payer and the totals, then
the notices (highlighted), every step and the numbered sources, each a link. Every text goes
through :func:`html.escape`, the catalogue's words as much as the values: an employer's name or
a source's title given by the caller cannot become markup. Only ``http`` and ``https`` addresses
become links (a source in a caller's parameter folder could hold a ``javascript:`` one; it is
shown as text). The styles are inline, as a notebook's sanitiser (nbviewer, GitHub) drops
``<style>`` blocks and a fragment must not restyle the page around it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from ..core.sources import LegalSource
from ..parameters import ParameterUse, Source
from .catalogue import Catalogue, Language, catalogue
from .render import Explanation, References, date_suffix, figure_label
from .step import Notice, Step

__all__ = ["escape", "html_fragment", "html_page", "link", "table"]

_SAFE_URL = re.compile(r"https?://", re.IGNORECASE)
_BOX = "font-family:sans-serif;line-height:1.4;max-width:60em"
_TABLE = "border-collapse:collapse;margin:0.5em 0"
_CELL = "padding:0.1em 0.6em"
_NOTICE = "background:#fff3cd;border-left:4px solid #e0a800;padding:0.3em 0.6em;margin:0.3em 0"
_NOT_APPLIED = "color:#777"


def escape(text: object) -> str:
    """``text`` as HTML text or attribute value (quotes escaped too)."""
    return html.escape(str(text), quote=True)


def link(url: str | None, text: str, title: str | None = None) -> str:
    """``text`` (escaped) as a link to ``url`` when it is an http(s) address, else as text."""
    if not url or not _SAFE_URL.match(url):
        return escape(text)
    hint = f' title="{escape(title)}"' if title else ""
    return f'<a href="{escape(url)}"{hint} target="_blank" rel="noopener">{escape(text)}</a>'


def table(head: Sequence[str], rows: Iterable[Sequence[str]], numbers_from: int = 1) -> str:
    """A table of cells already written as HTML; the columns from ``numbers_from`` on are
    figures, aligned right."""

    def cells(row: Sequence[str], tag: str) -> str:
        # a cell's own padding: without it the columns' headings and figures run together
        return "".join(
            f'<{tag} style="{_CELL};text-align:{"right" if i >= numbers_from else "left"}">'
            f"{cell}</{tag}>"
            for i, cell in enumerate(row)
        )

    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return (
        f'<table style="{_TABLE}"><thead><tr>{cells(head, "th")}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _cite(number: int, source: LegalSource | Source) -> str:
    return link(source.url, f"[{number}]", source.title)


def _rule_cites(refs: References, sources: Iterable[LegalSource]) -> str:
    return " ".join(_cite(refs.source(s), s) for s in sources)


def _figure(texts: Catalogue, use: ParameterUse, refs: References) -> str:
    key, values = figure_label(texts, use)
    if use.version.overridden:
        return escape(texts.label(key, values))
    cites = " ".join(_cite(refs.figure_source(s), s) for s in use.version.sources)
    return f"{escape(texts.label(key, {**values, 'references': ''}).rstrip())} {cites}"


def _money(texts: Catalogue, cents: int) -> str:
    return escape(texts.write("money", cents))


def _amounts(texts: Catalogue, e: Explanation) -> list[str]:
    payers = table(
        [escape(texts.label(k)) for k in ("payer", "gross", "withholding", "net")],
        (
            [escape(texts.term(payer)), *(_money(texts, cents) for cents in amounts)]
            for payer, *amounts in e.payments
        ),
    )
    totals = table(
        ["", "EUR"],
        ([escape(texts.label(key)), _money(texts, cents)] for key, cents in e.summary),
    )
    return [f"<h4>{escape(texts.label('payments'))}</h4>", payers, totals]


def _notices(texts: Catalogue, notices: Sequence[Notice], refs: References) -> list[str]:
    if not notices:
        return []
    items = "".join(
        f'<li style="{_NOTICE}"><strong>!</strong> '
        f"{escape(texts.notice(n.code, n.values))} {_rule_cites(refs, n.sources)}</li>"
        for n in notices
    )
    heading = escape(texts.label("notices"))
    return [f'<h4>{heading}</h4><ul style="list-style:none;padding:0">{items}</ul>']


def _step(texts: Catalogue, step: Step, refs: References) -> str:
    title, formula, result = (
        escape(texts.step(step.message, part, step.values))
        for part in ("title", "formula", "result")
    )
    mark = "" if step.applies else f" <em>({escape(texts.label('did_not_apply'))})</em>"
    style = "" if step.applies else f' style="{_NOT_APPLIED}"'
    figures = "".join(f"<li>{_figure(texts, use, refs)}</li>" for use in step.parameters)
    return (
        f"<li{style}><strong>{title}</strong> ({escape(step.rule)}, <code>{escape(step.id)}"
        f"</code>) {_rule_cites(refs, step.sources)}{mark}<br><code>{formula}</code><br>"
        f"&rArr; {result}{f'<ul>{figures}</ul>' if figures else ''}</li>"
    )


def _references(texts: Catalogue, refs: References) -> list[str]:
    items = "".join(
        f'<li value="{r["number"]}">{link(r["url"], r["title"])}'
        f"{escape(date_suffix(texts, r))}</li>"
        for r in refs.entries.values()
    )
    return [f"<h4>{escape(texts.label('references'))}</h4><ol>{items}</ol>"]


def html_fragment(lang: Language, e: Explanation) -> str:
    """The explanation as a ``<div>`` that stands alone: no script, no style block, no id."""
    texts = catalogue(lang)
    header = table(
        [escape(texts.label(key)) for key, _, _ in e.header],
        [[escape(texts.write(spec, value)) for _, spec, value in e.header]],
        numbers_from=len(e.header),
    )
    refs = References()
    parts = [
        f'<div class="chomage-rules" lang="{lang}" style="{_BOX}">',
        f"<h3>{escape(texts.label('title', e.title_values))}</h3>",
        header,
        *_amounts(texts, e),
        *_notices(texts, e.notices, refs),
        f"<h4>{escape(texts.label('steps'))}</h4>",
        f"<ol>{''.join(_step(texts, step, refs) for step in e.steps)}</ol>",
        *_references(texts, refs),
        "</div>",
    ]
    return "\n".join(parts) + "\n"


def html_page(lang: Language, title: str, body: str) -> str:
    """``body`` (HTML already escaped) as a whole page, UTF-8, titled ``title`` (text)."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
