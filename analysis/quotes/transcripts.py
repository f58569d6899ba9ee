"""Transcript lines: ``PENCE: Well, …`` and ``Sanders: Clinton needs …``, a name and a colon.

Labels such as ``Note:`` or ``Photo:`` name no speaker, nor do a headline's rubrics
(``The Latest:``, ``Stealth Over Health:`` opening the first line).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from analysis import nlp
from analysis.lexicons import lexicon
from analysis.marks import Quotation
from analysis.quotes.layout import CLOSING, MIN_UNATTRIBUTED_WORDS, paragraph_end
from analysis.quotes.record import Quote

_COLON_SPEAKER = re.compile(
    r"^[^\S\n]*[“\"]?((?:[A-Z][\w.'’-]*[^\S\n]+){0,3}[A-Z][\w.'’-]*):[^\S\n]+(?=\S)", re.M
)


@cache
def _line_labels() -> frozenset[str]:
    """Labels a "NAME:" line may start with that name no speaker (``line_labels.csv``)."""
    return frozenset(row["label"].lower() for row in lexicon("line_labels.csv", "label"))


def _rubric(doc: Doc, match: re.Match) -> bool:
    """ "The Latest: …", "The Gap Goes On: …": a headline's rubric, not a speaker's name; it
    opens with an article (a name in capitals, "THE PRESIDENT:", may) or holds a finite verb."""
    label = match.group(1)
    if label.split()[0] in {"The", "A", "An"} and not label.isupper():
        return True
    words = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if words is None:
        return False
    return any(word.tag_ in {"VBZ", "VBP", "VBD"} for word in words) or _headline_label(doc, words)


def _headline_label(doc: Doc, words: Span) -> bool:
    """ "Stealth Over Health: Clinton Was …": a label opening the article's first line, in title
    case with a grammar word after its first word, is its headline's rubric, not a name ("Poll:",
    "Sanders:" and "PENCE:" stay speakers)."""
    if nlp.text_of(doc)[: words.start_char].strip() or words.text.isupper():
        return False
    return any(word.is_stop for word in words[1:])


def colon_quotes(doc: Doc, segments: list[Quotation]) -> list[Quote]:
    """``PENCE: Well, …`` and ``Sanders: Clinton needs …``: a line opened by a name and a colon."""
    text = nlp.text_of(doc)
    found = []
    for match in _COLON_SPEAKER.finditer(text):
        if match.group(1).lower().rstrip(".") in _line_labels() or _rubric(doc, match):
            continue
        end = paragraph_end(text, match.end())
        while end > match.end() and (text[end - 1].isspace() or text[end - 1] in CLOSING | {'"'}):
            end -= 1
        if len(text[match.end() : end].split()) < MIN_UNATTRIBUTED_WORDS:
            continue
        inside = [s for s in segments if match.end() <= s.open and s.close <= end + 1]
        around = [s for s in segments if s.start <= match.end() and end <= s.end + 1]
        kind = "direct" if around else "mixed" if inside else "indirect"
        quote = Quote(match.end(), end, kind, segments=around or inside)
        quote.speaker = (match.start(1), match.end(1))
        quote.cue = (match.end(1), match.end(1) + 1)
        quote.cue_class = "neutral"
        found.append(quote)
    return found
