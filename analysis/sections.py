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

import pandas as pd
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
    doc: Doc, article_id: str, analyse: Callable[[Doc, str], dict[str, pd.DataFrame]]
) -> dict[str, pd.DataFrame]:
    """``analyse(doc, article_id)``'s frames, computed section by section (see the module)."""
    bounds = cuts(doc)
    if len(bounds) == 1:
        return analyse(doc, article_id)
    paragraph_starts = nlp.paragraph_starts(nlp.text_of(doc))
    used = dict.fromkeys(_NUMBERS, 0)
    found: dict[str, list[pd.DataFrame]] = {}
    for begin, end in zip(bounds, [*bounds[1:], len(doc)], strict=True):
        section = doc[begin:end].as_doc()
        offset = doc[begin].idx
        used["paragraph"] = bisect.bisect_right(paragraph_starts, offset) - 1
        part = analyse(section, article_id)
        for name, frame in part.items():
            found.setdefault(name, []).append(_shifted(frame, offset, used))
        used["sentence"] += sum(1 for _ in section.sents)
        for kind, (name, column) in _NUMBERED_IN.items():
            numbers = part[name][column].dropna()
            used[kind] += int(numbers.max()) + 1 if len(numbers) else 0
    return {name: frames.concat(name, parts) for name, parts in found.items()}


def _shifted(frame: pd.DataFrame, offset: int, used: dict[str, int]) -> pd.DataFrame:
    """``frame`` with its character offsets moved by ``offset`` and its numbers by ``used``."""
    if frame.empty:
        return frame
    frame = frame.copy()
    for start, end, _ in frames.span_columns(frame):
        frame[start] += offset
        frame[end] += offset
    for kind, columns in _NUMBERS.items():
        for column in columns:
            if column in frame.columns:
                frame[column] += used[kind]
    return frame
