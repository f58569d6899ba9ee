"""Very long articles analysed in sections, so that time grows linearly with length.

The layers link items within an article (a pronoun to its antecedent, a quote to its speaker, an
admission to the official line), and some of those links are searched across the whole article.
That is cheap for a news article and quadratic for a book-length text. An article longer than
:data:`SECTION_CHARS` is therefore cut at sentence starts (paragraph starts preferred) into
sections of about that size; each section becomes a Doc of its own (``Span.as_doc`` keeps the
parse), the same layers run on it, and its frames are put back into the article's numbering:
character offsets shifted by the section's start; sentence, paragraph, mention, quote, stance and
contrast numbers by those used in the sections before. Links never cross a section boundary.
The limit (about 16,000 words) is far above a news article's length, so articles of ordinary
length are analysed whole, exactly as before.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc

from analysis import frames, nlp

#: Articles longer than this (characters) are analysed in sections of about this size.
SECTION_CHARS = 100_000

#: Numbered items: the columns carrying each kind of number (as counted within one article).
_NUMBERS = {
    "sentence": ("sent_id", "sent_start", "sent_end"),
    "paragraph": ("paragraph_id",),
    "mention": ("mention_id", "antecedent_id"),
    "quote": ("quote_id",),
    "stance": ("stance_id", "admission_id", "against_id"),
    "contrast": ("contrast_id",),
}
#: Where the numbers a section used are read: (frame, column).
_NUMBERED_IN = {
    "mention": ("mentions", "mention_id"),
    "quote": ("quotes", "quote_id"),
    "stance": ("stances", "stance_id"),
    "contrast": ("contrasts", "contrast_id"),
}


def cuts(doc: Doc, limit: int | None = None) -> list[int]:
    """Token indexes where sections start (the first is 0): each at a sentence start, the
    section before it at most ``limit`` characters long (default :data:`SECTION_CHARS`) unless
    one sentence is longer, cut at the last paragraph start in its second half when there is one.
    """
    limit = limit or SECTION_CHARS
    if len(nlp.text_of(doc)) <= limit:
        return [0]
    text = nlp.text_of(doc)
    paragraphs = set(nlp.paragraph_starts(text))
    starts = [sent.start for sent in doc.sents]
    found, begin, best = [0], 0, None  # best: the latest paragraph start in the second half
    for start in [*starts[1:], len(doc)]:
        char = doc[start].idx if start < len(doc) else len(text)
        while char - doc[begin].idx > limit:
            cut = best if best is not None else _previous(starts, start, begin)
            if cut == len(doc):
                break
            found.append(cut)
            begin, best = cut, None
        if start == len(doc):
            break
        if _starts_paragraph(text, char, paragraphs) and char - doc[begin].idx > limit // 2:
            best = start
    return found


def _previous(starts: list[int], start: int, begin: int) -> int:
    """The sentence start before ``start`` (``start`` itself when that would be ``begin``)."""
    before = starts[bisect.bisect_left(starts, start) - 1]
    return before if before > begin else start


def _starts_paragraph(text: str, char: int, paragraphs: set[int]) -> bool:
    """``char`` is the first non-blank character of a paragraph."""
    start = char
    while start > 0 and text[start - 1].isspace() and start not in paragraphs:
        start -= 1
    return start in paragraphs


def analyse_in_sections(
    doc: Doc, article_id: str, analyse: Callable[[Doc, str], dict[str, list[dict]]]
) -> dict[str, list[dict]]:
    """``analyse(doc, article_id)``'s records (per frame name), computed section by section
    (see the module)."""
    bounds = cuts(doc)
    if len(bounds) == 1:
        return analyse(doc, article_id)
    paragraph_starts = nlp.paragraph_starts(nlp.text_of(doc))
    used = dict.fromkeys(_NUMBERS, 0)
    found: dict[str, list[dict]] = {}
    for begin, end in zip(bounds, [*bounds[1:], len(doc)], strict=True):
        section = doc[begin:end].as_doc()
        offset = doc[begin].idx
        used["paragraph"] = bisect.bisect_right(paragraph_starts, offset) - 1
        part = analyse(section, article_id)
        for name, rows in part.items():
            found.setdefault(name, []).extend(_shifted(name, rows, offset, used))
        used["sentence"] += sum(1 for _ in section.sents)
        for kind, (name, column) in _NUMBERED_IN.items():
            numbers = [row[column] for row in part[name] if row[column] is not None]
            used[kind] += max(numbers) + 1 if numbers else 0
    return found


def _shifted(name: str, rows: list[dict], offset: int, used: dict[str, int]) -> list[dict]:
    """Records of frame ``name`` with their character offsets moved by ``offset`` and their
    numbers by ``used``."""
    columns = list(frames.SCHEMAS[name])
    spans = [c for start, end, _ in frames.span_columns(columns) for c in (start, end)]
    numbers = {c: used[kind] for kind, cs in _NUMBERS.items() for c in cs if c in columns}
    moved = {**dict.fromkeys(spans, offset), **numbers}
    return [
        {c: v + moved[c] if c in moved and v is not None else v for c, v in row.items()}
        for row in rows
    ]
