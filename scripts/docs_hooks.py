"""MkDocs hook of the documentation site (``hooks:`` in mkdocs.yml).

The library's docstrings cross-reference in Sphinx's way, ``:class:`~chomage_rules.History```,
which mkdocstrings shows as written, the role included. This hook turns each such reference into
the name alone, linked (through mkdocs-autorefs) to the object's entry in the API reference when
the site has one: ``~`` keeps the last part of the name, as Sphinx does. A reference to an object
the site does not document stays plain text; the build gives no warning for it (``optional``).
"""

from __future__ import annotations

import re
from typing import Any

# ``:role:`name```, ``:role:`~a.name``` or ``:role:`shown text <name>```, as rendered in code
ROLE = re.compile(
    r":(?:class|func|meth|attr|data|mod|exc|obj):<code>"
    r"(?:(?P<tilde>~?)(?P<name>[\w.]+)|(?P<shown>[^<]+?) &lt;(?P<target>[\w.]+)&gt;)</code>"
)


def _reference(found: re.Match[str]) -> str:
    name = found["name"] or found["target"]
    shown = found["shown"] or (name.rsplit(".", 1)[-1] if found["tilde"] else name)
    return f'<autoref identifier="{name}" optional><code>{shown}</code></autoref>'


def on_page_content(html: str, **_: Any) -> str:
    """The page's HTML with each Sphinx role a plain name, linked where the site documents it."""
    return ROLE.sub(_reference, html)
