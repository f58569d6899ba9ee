"""A quote as the passes assemble it, and where quotes lie relative to one another."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from analysis.marks import Quotation


@dataclass
class Quote:
    """One quote as it is assembled: its span, kind, attribution and quoted stretches."""

    start: int
    end: int
    kind: str
    speaker: Span | tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    cue_class: str | None = None
    channel: str | None = None
    segments: list[Quotation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    speaker_name: str | None = None
    #: attributed to the previous speaker for want of its own (see ``quotes.direct``)
    floating: bool = False


def inside_quotes(char: int, quotes: list[Quote]) -> bool:
    """True when the offset lies inside a quoted stretch of one of the quotes."""
    return any(
        segment.start <= char < segment.end for quote in quotes for segment in quote.segments
    )


def overlaps_direct(content: tuple[int, int], direct: list[Quote]) -> bool:
    """True when a quote covers more than half of the span (or the span half of the quote)."""
    start, end = content
    for quote in direct:
        shared = min(end, quote.end) - max(start, quote.start)
        if shared > 0.5 * min(end - start, quote.end - quote.start):
            return True
    return False
