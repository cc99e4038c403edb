"""HTML read back with the standard library's parser, to check a rendering's structure: every
element with its attributes and text, in document order, and whether every tag was closed."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "meta", "hr", "img", "input", "link"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    """The text directly inside, and that of the children, in order."""

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def find_all(self, tag: str) -> list[Element]:
        found = [self] if self.tag == tag else []
        for child in self.children:
            found += child.find_all(tag)
        return found

    def rows(self) -> list[list[str]]:
        """A table's rows (header included), each a list of its cells' texts."""
        return [
            [c.text for c in tr.children if c.tag in ("td", "th")] for tr in self.find_all("tr")
        ]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.unbalanced: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.unbalanced.append(tag)
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.parts.append(data)


def parse(text: str) -> Element:
    """The document's tree; AssertionError when a tag is left open or closed out of order."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    assert not builder.unbalanced, builder.unbalanced
    assert len(builder.stack) == 1, [e.tag for e in builder.stack]
    return builder.root
