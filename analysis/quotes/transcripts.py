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
    """``PENCE: Well, …`` and ``Sanders: Clinton needs …``: a line opened by a name and a colon;
    and a headline whose label before the colon names a person (``A lesson from Loretta Lynch:
    'Be the voice …'``)."""
    text = nlp.text_of(doc)
    found = []
    for match in _COLON_SPEAKER.finditer(text):
        if match.group(1).lower().rstrip(".") in _line_labels() or _rubric(doc, match):
            continue
        quote = _line_quote(text, segments, match.end(), (match.start(1), match.end(1)))
        if quote is not None:
            found.append(quote)
    headline = _headline_speaker(doc)
    if headline is not None and not any(quote.start <= headline[1] + 2 for quote in found):
        speaker, colon = headline
        quote = _line_quote(text, segments, colon + 1, speaker)
        if quote is not None:
            quote.cue = (colon, colon + 1)
            found.append(quote)
    return found


def _line_quote(
    text: str, segments: list[Quotation], start: int, speaker: tuple[int, int]
) -> Quote | None:
    """The rest of the paragraph after a speaker's label, as that speaker's quote."""
    while start < len(text) and text[start] in " \t":
        start += 1
    end = paragraph_end(text, start)
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSING | {'"'}):
        end -= 1
    if len(text[start:end].split()) < MIN_UNATTRIBUTED_WORDS:
        return None
    inside = [s for s in segments if start <= s.open and s.close <= end + 1]
    around = [s for s in segments if s.start <= start and end <= s.end + 1]
    kind = "direct" if around else "mixed" if inside else "indirect"
    quote = Quote(start, end, kind, segments=around or inside)
    quote.speaker = speaker
    quote.cue = (speaker[1], speaker[1] + 1)
    quote.cue_class = "neutral"
    return quote


def _headline_speaker(doc: Doc) -> tuple[tuple[int, int], int] | None:
    """The person a headline's label names before its colon (in the article's first sentence),
    and where the colon is."""
    text = nlp.text_of(doc)
    first = len(text) - len(text.lstrip())
    line_end = text.find("\n", first)
    colon = text.find(": ", first, len(text) if line_end < 0 else line_end)
    opening = next((token for token in doc if not token.is_space), None)
    if colon < 0 or opening is None or colon >= opening.sent.end_char:
        return None  # the colon must close the headline's first phrase, not a later sentence
    person = next(
        (
            e
            for e in doc.ents
            if e.label_ == "PERSON" and first <= e.start_char and e.end_char <= colon
        ),
        None,
    )
    return None if person is None else ((person.start_char, person.end_char), colon)
