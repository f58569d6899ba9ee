"""Indirect and mixed quotes: one per reporting cue with a speaker and a content.

The content becomes a *mixed* quote when quoted fragments sit inside it or a quoted stretch
continues it (``said “A,” but “B”``), and a *direct* one when it is a single quotation. A report
whose cue sits inside another quote's content is part of that quote, not a row of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis import nlp
from analysis.marks import Quotation
from analysis.quotes.content import content_of
from analysis.quotes.cues import NOT_SPEECH, Cue, VerbTable, is_noun
from analysis.quotes.layout import standalone
from analysis.quotes.record import Quote, inside_quotes, overlaps_direct
from analysis.quotes.speakers import set_cue, speaker_offsets, subject_of

#: What may join a reported clause to a quoted stretch that continues it.
_JOINING = {"", "and", "but", "or"}
#: What a shortened content does not end with.
_TRAILING = frozenset("\"“”'‘’,;:—–-")


def reported_quotes(
    doc: Doc,
    cues: dict[int, Cue],
    table: VerbTable,
    used: set[int],
    direct: list[Quote],
    segments: list[Quotation],
) -> list[Quote]:
    """An indirect or mixed quote for every cue with a speaker (or a cue that needs none) and a
    content, other than the cues the direct quotes used and those inside them."""
    quotes = []
    for index, cue in cues.items():
        if index in used or inside_quotes(doc[index].idx, direct):
            continue
        subject = None if "according" in cue.complements else subject_of(cue.token, cues)
        if subject is None and not _speakerless(cue):
            continue
        content = content_of(cue, subject, table)
        if content is None or overlaps_direct(content, direct):
            continue
        quotes.append(_reported_quote(doc, cue, subject, content, segments))
    return quotes


def outermost(doc: Doc, reported: list[Quote], direct: list[Quote]) -> list[Quote]:
    """Drop reported quotes whose cue lies inside another quote's content.

    In "he said she plans to run", what "she plans" is part of what he said: the words already
    belong to the outer quote, and a nested row would count them twice. Inside a belief the
    same holds for an act under a modal ("feared that the landlord could threaten …"), and
    inside any report for a cue that is its infinitive ("refused to pledge to …").
    """
    everything = reported + direct
    return [
        quote
        for quote in reported
        if not any(
            other is not quote
            and other.start <= quote.cue[0] < other.end
            and (
                other.cue_class not in NOT_SPEECH
                or (other.cue_class == "cognitive" and _hypothetical(_cue_root(doc, quote)))
                or _controlled(_cue_root(doc, quote), other, doc)
            )
            for other in everything
        )
    ]


def _cue_root(doc: Doc, quote: Quote) -> Token:
    """The head word of a quote's cue."""
    return doc.char_span(quote.cue[0], quote.cue[1], alignment_mode="expand").root


def _controlled(token: Token, other: Quote, doc: Doc) -> bool:
    """ "refused to pledge to release his returns", "wanted to know who …": a cue (``token``) that
    is the infinitive of another quote's cue, or the gerund after its preposition, is what that
    cue reports, not a report of its own."""
    if other.cue is None:
        return False
    outer = _cue_root(doc, other)
    if token.dep_ == "pcomp":
        # "decided against recommending charges", "thanked him for backing …"; not an absolute
        # "with" ("show a lead, with one poll showing …"), which adds a report of its own
        preposition = token.head
        return (
            preposition.head.i == outer.i
            and preposition.lower_ != "with"
            and outer.i < preposition.i < token.i
        )
    return token.dep_ == "xcomp" and token.head.i == outer.i


def _hypothetical(token: Token) -> bool:
    """ "worried that Patriot could threaten to …": a cue (``token``) under a modal is an act
    imagined by whoever holds the belief around it, not a report of its own."""
    return any(child.tag_ == "MD" for child in token.children)


def continue_reported(reported: list[Quote], direct: list[Quote], text: str) -> list[Quote]:
    """The direct quotes left once those that go on with a reported quote are joined to it.

    ``… are “not meeting the demand,” says Rieckhoff. “We often compare it …”``: a quote in the
    next sentence of the paragraph whose attribution is the cue of the mixed quote just before
    it is the rest of what that cue reports; the two are one quote.
    """
    by_cue = {quote.cue: quote for quote in reported if quote.kind == "mixed"}
    kept = []
    for quote in direct:
        before = by_cue.get(quote.cue) if quote.cue is not None else None
        if before is None or before.end > quote.start or "\n" in text[before.end : quote.start]:
            kept.append(quote)
            continue
        before.end = quote.end
        before.segments += quote.segments
        before.warnings += quote.warnings
    return kept


def stop_at_direct(reported: list[Quote], direct: list[Quote], text: str) -> None:
    """End a reported quote before a direct quote it ran into.

    A content carried on through paragraphs (a quotation re-opened in each paragraph, as in a
    transcript) stops at the paragraph where another quote with its own attribution starts:
    ``"PENCE: … I think …`` then ``"WALLACE: Governor, …`` is two speakers, not one.
    """
    for quote in reported:
        later = [d.start for d in direct if quote.start < d.start < quote.end]
        if not later:
            continue
        cut = text.rfind("\n", quote.start, min(later))
        _end_before(quote, cut if cut > quote.start else min(later), text)


def stop_at_speech(reported: list[Quote], text: str) -> None:
    """End a belief's or stance's content before a speech report inside it.

    ``forced to defend not paying an architect who said he was stiffed …``: what the architect
    said is his quote, not part of what Trump defends; the defended content stops before the
    inner quote's speaker (or its cue, when the speaker comes later).
    """
    for outer in reported:
        if outer.cue_class not in NOT_SPEECH:
            continue
        for inner in reported:
            if inner is outer or inner.cue_class in NOT_SPEECH or inner.cue is None:
                continue
            if not outer.start < inner.cue[0] < outer.end:
                continue
            begins = [inner.cue[0]]
            speaker_start = speaker_offsets(inner.speaker)[0]
            if speaker_start is not None and outer.start < speaker_start:
                begins.append(speaker_start)
            _end_before(outer, min(begins), text)


def _end_before(quote: Quote, end: int, text: str) -> None:
    """End ``quote`` at ``end`` (never later than it ends), less the spaces, punctuation and
    quotation marks before it; its quoted stretches past the end are dropped."""
    while end > quote.start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    if not quote.start < end < quote.end:
        return
    quote.end = end
    quote.segments = [s for s in quote.segments if s.end <= end]
    if quote.kind == "mixed" and not quote.segments:
        quote.kind = "indirect"


def _speakerless(cue: Cue) -> bool:
    """Cues that report without naming who: "according to", nouns, agentless passives, verbs of
    seeming ("the plan seems to have failed")."""
    passive = any(child.dep_ == "nsubjpass" for child in cue.token.children)
    seeming = "raising" in cue.complements
    return "according" in cue.complements or is_noun(cue.token) or passive or seeming


def _reported_quote(
    doc: Doc, cue: Cue, subject: Token | None, content: tuple[int, int], segments: list[Quotation]
) -> Quote:
    start, end = content
    for segment in segments:
        if segment.open < end and start < segment.close:
            start, end = min(start, segment.open), max(end, segment.close)
    end = _continued(nlp.text_of(doc), _through_paragraphs(start, end, segments), segments)
    inside = [s for s in segments if start <= s.open and s.close <= end]
    kind = "mixed" if inside else "indirect"
    if (
        len(inside) == 1
        and not nlp.text_of(doc)[start : inside[0].open].strip(" ,")
        and not nlp.text_of(doc)[inside[0].close : end].strip(" .,")
    ):
        kind, start, end = "direct", inside[0].start, inside[0].end
    quote = Quote(start, end, kind, segments=inside)
    quote.warnings = [s.warning for s in inside if s.warning]
    set_cue(quote, cue, subject, content)
    if any(s.start <= cue.token.idx < s.end for s in segments):
        # “You went on television to blame thousands of” workers: a cue inside quotation marks
        # is the quoted speaker's word, so the words go to the speaker before them
        quote.speaker, quote.speaker_name, quote.floating = None, None, True
    return quote


def _through_paragraphs(start: int, end: int, segments: list[Quotation]) -> int:
    """A quotation in the content that goes on in the next paragraph takes the content there."""
    for current, following in zip(segments, segments[1:], strict=False):
        if current.continues and start <= current.open and current.close <= end:
            end = max(end, following.close)
    return end


def _continued(text: str, end: int, segments: list[Quotation]) -> int:
    """``said “You know, I love Larry,” but “when it comes to energy …”``: a quoted stretch that a
    conjunction joins to the content, inside the sentence, continues it."""
    for segment in segments:
        if segment.open < end:
            continue
        gap = text[end : segment.open]
        joined = " ".join(gap.replace(",", " ").split()).lower()
        if "\n" in gap or joined not in _JOINING or standalone(text, segment):
            break
        end = segment.close
    return end
