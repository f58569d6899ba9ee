"""Read an annotated page back with the standard library's HTML parser, as a test would see it.

The page's paragraphs carry ``data-start``/``data-end`` (offsets into the article); every element
inside a paragraph gets the character range it covers, counted from the text the page shows — so a
test checks what the page displays, not the frames it was built from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "input", "br", "img", "link", "hr", "col", "area", "base", "embed", "source", "wbr"}


@dataclass
class Element:
    """One element: its tag, attributes, classes and (inside a paragraph) its character range."""

    tag: str
    attrs: dict[str, str]
    start: int | None = None
    end: int | None = None
    text: str = ""
    in_paragraph: bool = False

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


@dataclass
class Page:
    """What the parser found."""

    title: str = ""
    paragraphs: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, text shown
    elements: list[Element] = field(default_factory=list)
    tags: Counter = field(default_factory=Counter)
    body_text: str = ""

    def having(self, cls: str, *, anywhere: bool = False, **attrs: str) -> list[Element]:
        """Elements with class ``cls`` (and the given ``data_x="v"`` attributes) inside the
        article's paragraphs, or ``anywhere`` on the page (legend, key, margin)."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [
            e
            for e in self.elements
            if cls in e.classes
            and (anywhere or e.in_paragraph)
            and all(e.attrs.get(k) == v for k, v in wanted.items())
        ]

    def shown(self, start: int, end: int) -> str:
        """The characters the page shows at article offsets ``start:end`` (blank gaps skipped)."""
        out = []
        for p_start, p_end, text in self.paragraphs:
            lo, hi = max(start, p_start), min(end, p_end)
            if lo < hi:
                out.append(text[lo - p_start : hi - p_start])
        return "".join(out)

    def ranges(self, elements: list[Element]) -> list[tuple[int, int]]:
        """Merged character ranges covered by ``elements`` (pieces of split spans join up)."""
        merged: list[list[int]] = []
        for start, end in sorted((e.start, e.end) for e in elements if e.start is not None):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [(a, b) for a, b in merged]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[Element] = []
        self.paragraph: Element | None = None
        self.position = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.page.tags[tag] += 1
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            self.page.elements.append(element)
            return
        if tag == "p" and "nf-text" in element.classes:
            self.paragraph = element
            self.position = int(element.attrs["data-start"])
        if self.paragraph is not None:
            element.start, element.in_paragraph = self.position, True
        self.stack.append(element)
        self.page.elements.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        element = self.stack.pop()
        assert element.tag == tag, f"</{tag}> closes <{element.tag}>: the page is not well-formed"
        if element.in_paragraph:
            element.end = self.position
        if element is self.paragraph:
            self.page.paragraphs.append((element.start, element.end, element.text))
            self.paragraph = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if any(e.tag == "body" for e in self.stack):
            self.page.body_text += data
        for element in self.stack:
            element.text += data
        if self.paragraph is not None:
            self.position += len(data)


def parse(markup: str) -> Page:
    """Parse an annotated page (asserting that every element closes in order)."""
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    assert not parser.stack, [e.tag for e in parser.stack]
    return parser.page
