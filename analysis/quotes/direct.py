"""Direct quotes: quoted stretches that stand as their own sentence(s), and who said them.

Standalone stretches are grouped into runs (a quote with its re-openings in the next paragraphs,
and same-paragraph stretches separated only by their shared attribution). A run is attributed to
the reporting clause beside it (``“…,” he said``, ``said Putin``, ``he said: “…”``), to
``“…” — Name``, to the cue of a quotation just before it in the previous sentence, and with none,
to the previous quote's speaker (a "floating" quote, as in the GenderGapTracker).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from analysis import nlp
from analysis.marks import MARK, Quotation, trim_end
from analysis.quotes.cues import NOT_SPEECH, Cue, is_noun
from analysis.quotes.layout import (
    AMBIGUOUS,
    CLOSING,
    MIN_UNATTRIBUTED_WORDS,
    OPENING,
    SENTENCE_END,
    is_mark,
    paragraph_end,
    standalone,
)
from analysis.quotes.record import Quote
from analysis.quotes.speakers import set_cue, speaker_beside, subject_of

_DASH_NAME = re.compile(r"[^\S\n]*[-–—―][^\S\n]*((?:[A-Z][\w.’'-]*[^\S\n]*){1,5})\s*$")
_FLOATING_PARAGRAPHS = 2
#: Subordinators of adverbial clauses (closed-class grammar words, not a lexicon).
_ADVERBIAL_MARKS = frozenset(
    {
        "after",
        "before",
        "because",
        "while",
        "when",
        "since",
        "until",
        "once",
        "although",
        "though",
        "unless",
        "as",
    }
)
_PREVIOUS_SPEAKER = "no reporting verb beside it; attributed to the previous speaker"
_TOKEN_BOUNDS = "newsframe.quotes.token_bounds"


def direct_quotes(
    doc: Doc, segments: list[Quotation], cues: dict[int, Cue]
) -> tuple[list[Quote], set[int]]:
    """Quotes standing as their own sentences, each with its attribution or the previous
    speaker; and the cues they used (no reported quote of their own)."""
    runs = _split_runs(doc, _runs(nlp.text_of(doc), segments), cues)
    quotes: list[Quote] = []
    used: set[int] = set()
    for run in runs:
        quote = Quote(run[0].start, run[-1].end, "direct", segments=list(run))
        quote.warnings = [s.warning for s in run if s.warning]
        _attribute_run(doc, run, quote, cues, used)
        if quote.speaker is None and not _floating(quote, quotes, nlp.text_of(doc)):
            continue
        quotes.append(quote)
    return quotes, used


def _attribute_run(
    doc: Doc, run: list[Quotation], quote: Quote, cues: dict[int, Cue], used: set[int]
) -> None:
    lead = nlp.text_of(doc)[nlp.text_of(doc).rfind("\n", 0, run[0].open) + 1 : run[0].open].rstrip()
    finders = (_before_cue, _after_cue) if lead.endswith((":", ",")) else (_after_cue, _before_cue)
    for finder in finders:
        cue = finder(doc, run, cues)
        if cue is not None:
            set_cue(quote, cue, subject_of(cue.token, cues), None)
            # a speaker inside quotation marks, this quote's or a title's (``said on “Fox and
            # Friends.”``, which the parser may take for the subject), is not the speaker
            speaker = quote.speaker
            if isinstance(speaker, Span) and nlp.quotation_around(doc, speaker.start_char):
                quote.speaker, quote.speaker_name = speaker_beside(doc, run, cue), None
            used.add(cue.token.i)
            return
    dashed = _dash_name(doc, run)
    if dashed is not None:
        quote.cue, quote.speaker = dashed
        quote.cue_class = "neutral"
        return
    cue = _attribution_before(doc, run, cues)
    if cue is not None:
        set_cue(quote, cue, subject_of(cue.token, cues), None)


def _attribution_before(doc: Doc, run: list[Quotation], cues: dict[int, Cue]) -> Cue | None:
    """``… are “not meeting the demand,” says Rieckhoff. “We often compare it …”``: a quote
    opening the sentence after a quotation attributed behind it goes on with that speaker."""
    text = nlp.text_of(doc)
    first = run[0]
    line_start = text.rfind("\n", 0, first.open) + 1
    lead = text[line_start : first.open].rstrip()
    if not lead or lead[-1] not in SENTENCE_END:
        return None
    previous = doc[_tokens_between(doc, line_start, first.open)[-1].i].sent
    closed = max(
        text.rfind(mark, previous.start_char, first.open) for mark in (*CLOSING, *AMBIGUOUS)
    )
    if closed < previous.start_char:
        return None
    for token in reversed(list(previous)):
        cue = cues.get(token.i)
        if token.idx < closed:
            return None
        if cue is not None and cue.verb_class not in NOT_SPEECH and subject_of(token, cues):
            return cue
    return None


def _floating(quote: Quote, earlier: list[Quote], text: str) -> bool:
    """Give an unattributed quote the previous quote's speaker; False when it cannot stand.

    The speaker given here is the previous *direct* quote's; :func:`refloat` moves it to the
    nearest earlier quote of any kind once the reported quotes are known."""
    words = len(text[quote.start : quote.end].split())
    previous = earlier[-1] if earlier else None
    paragraph = quote.segments[0].paragraph
    if previous is not None and previous.speaker is not None:
        if paragraph - previous.segments[-1].paragraph <= _FLOATING_PARAGRAPHS:
            quote.speaker = previous.speaker
            quote.speaker_name = previous.speaker_name
            quote.floating = True
            quote.warnings.append(_PREVIOUS_SPEAKER)
            return True
    if words < MIN_UNATTRIBUTED_WORDS:
        return False
    quote.floating = True
    quote.warnings.append("no speaker found")
    return True


def refloat(found: list[Quote], text: str) -> None:
    """Give each floating quote the speaker of the nearest earlier quote of any kind.

    ``… act while Kerry negotiates with Russia, Schiff said. “The other factor …”``: the direct
    quote goes on with Schiff, the speaker of the reported quote just before it, not with the
    speaker of the last direct quote. ``found`` is in text order; quotes whose verb is not
    speech (beliefs, evidence) pass no speaker on.
    """
    starts = nlp.paragraph_starts(text)
    previous: Quote | None = None
    for quote in found:
        if quote.floating and previous is not None and previous.speaker is not None:
            gap = bisect.bisect_right(starts, quote.start) - bisect.bisect_right(
                starts, previous.start
            )
            if gap <= _FLOATING_PARAGRAPHS:
                quote.speaker, quote.speaker_name = previous.speaker, previous.speaker_name
                quote.warnings = [w for w in quote.warnings if w != "no speaker found"]
                if _PREVIOUS_SPEAKER not in quote.warnings:
                    quote.warnings.append(_PREVIOUS_SPEAKER)
        if quote.speaker is not None and quote.cue_class not in NOT_SPEECH:
            previous = quote


def _runs(text: str, segments: list[Quotation]) -> list[list[Quotation]]:
    """Group standalone segments into utterances: a quote with its re-openings in the next
    paragraphs. A quote that opens inside a clause is no utterance, nor are its continuations."""
    runs: list[list[Quotation]] = []
    continued = in_run = False
    for segment in segments:
        if not continued:
            in_run = standalone(text, segment)
            if in_run:
                runs.append([segment])
        elif in_run:
            runs[-1].append(segment)
        continued = segment.continues
    return runs


def _split_runs(doc: Doc, runs: list[list[Quotation]], cues: dict[int, Cue]) -> list:
    """Join same-paragraph runs separated only by their shared attribution."""
    merged: list[list[Quotation]] = []
    for run in runs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous[-1].paragraph == run[0].paragraph
            and "\n" not in nlp.text_of(doc)[previous[-1].close : run[0].open]
            and not previous[-1].continues
            and _joins(doc, previous, run, cues)
        ):
            previous.extend(run)
        else:
            merged.append(run)
    return merged


def _joins(doc: Doc, previous: list[Quotation], run: list[Quotation], cues: dict[int, Cue]) -> bool:
    """True when only an attribution (or nothing) separates two quoted stretches of one speaker.

    ``“A,” he said. “B.”`` is one utterance; ``“A,” he said. “B,” she added.`` is two, and so is
    ``“A.” He left. “B.”`` (narration between).
    """
    start, end = previous[-1].close, run[0].open
    if _introduces_next(doc, previous[-1]):
        return False
    in_gap = sum(1 for token in _tokens_between(doc, start, end) if token.i in cues)
    if in_gap == 0:
        return not nlp.text_of(doc)[start:end].strip()
    return in_gap == 1 and _after_cue(doc, run, cues) is None


def _introduces_next(doc: Doc, segment: Quotation) -> bool:
    """``“A.” To which she said, “B.”``: after a finished quote, a new sentence that leads into
    the next quote is that quote's attribution, not the first one's (a name may still close the
    first: ``“A.” Putin said, “b …”``)."""
    text = nlp.text_of(doc)
    inner = text[segment.start : segment.end].rstrip()
    following = MARK.search(text, segment.close, paragraph_end(text, segment.close))
    if not inner or inner[-1] not in SENTENCE_END or following is None:
        return False
    gap = _tokens_between(doc, segment.close, following.start())
    words = [token for token in gap if not token.is_space]
    return (
        bool(words)
        and words[0].text[:1].isupper()
        and words[0].pos_ != "PROPN"
        and words[-1].text in {",", ":"}
    )


def _tokens_between(doc: Doc, start: int, end: int) -> Span:
    """The tokens lying wholly between two character offsets (found by position, not by scan)."""
    starts, ends = _token_bounds(doc)
    return doc[bisect.bisect_left(starts, start) : bisect.bisect_right(ends, end)]


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end offsets of every token, computed once per Doc."""
    bounds = doc.user_data.get(_TOKEN_BOUNDS)
    if bounds is None:
        bounds = doc.user_data[_TOKEN_BOUNDS] = (
            [token.idx for token in doc],
            [token.idx + len(token) for token in doc],
        )
    return bounds


def _after_cue(doc: Doc, run: list[Quotation], cues: dict[int, Cue]) -> Cue | None:
    """The reporting clause after a quoted stretch, within its sentence."""
    text = nlp.text_of(doc)
    for segment in run:
        if _introduces_next(doc, segment):
            continue
        limit = paragraph_end(text, segment.close)
        for token in _tokens_between(doc, segment.close, limit):
            if token.text in OPENING | AMBIGUOUS:
                break
            if token.i in cues and _attributes(cues[token.i], segment, cues, after=True):
                return cues[token.i]
            if _ends_sentence(token):
                break
    return None


def _before_cue(doc: Doc, run: list[Quotation], cues: dict[int, Cue]) -> Cue | None:
    """The reporting clause introducing a quote (``he said: “…``), or the previous paragraph's."""
    text = nlp.text_of(doc)
    first = run[0]
    start = text.rfind("\n", 0, first.open) + 1
    lead = text[start : first.open].strip()
    if not lead:
        prev_end = trim_end(text, 0, start)
        if not text[:prev_end].endswith(":"):
            return None
        start, end = text.rfind("\n", 0, prev_end) + 1, prev_end
    else:
        end = first.open
    tokens = _tokens_between(doc, start, end)
    for token in reversed(tokens):
        if token.text in SENTENCE_END or token.text in CLOSING | AMBIGUOUS:
            break
        if token.i in cues and _attributes(cues[token.i], first, cues, after=False):
            return cues[token.i]
    return None


def _ends_sentence(token: Token) -> bool:
    """A full stop, ! or ? followed by a capital or a new quote (not "(D-Wis.) said")."""
    if token.text not in SENTENCE_END or token.i + 1 >= len(token.doc):
        return token.text in SENTENCE_END
    following = token.doc[token.i + 1]
    return bool(token.whitespace_) and (following.text[:1].isupper() or is_mark(following))


def _attributes(cue: Cue, segment: Quotation, cues: dict[int, Cue], *, after: bool) -> bool:
    """True when the cue has a speaker and reports nothing outside the quote."""
    verb = cue.token
    if "according" in cue.complements:
        return True
    if cue.verb_class in NOT_SPEECH or is_noun(cue.token):
        return False
    subject = subject_of(verb, cues)
    if subject is None:
        return False
    for child in verb.children:
        if child.dep_ == "ccomp" and not _adverbial(child):
            lo = child.left_edge.idx
            hi = child.right_edge.idx + len(child.right_edge)
            if (
                after
                and lo >= segment.close
                # the clause's verb, not its first word, decides: "…,” Sanders said, suggesting
                # questions: “do you really think …?”" reports the quoted question
                and not _quote_opens(nlp.text_of(verb.doc)[segment.close : child.idx + 1])
            ):
                return False
            if not after and hi <= segment.open and not _colon_between(verb.doc, hi, segment):
                return False
    return True


def _adverbial(clause: Token) -> bool:
    """``“…,” Warren told Stumpf, after he admitted he was not held …``: a clause the parser hung
    on the cue as its complement, but set off by a comma or opened by a subordinator of time or
    cause, says when or why, not what."""
    first = clause.left_edge
    if first.i > 0 and clause.doc[first.i - 1].text == "," and first.i - 1 > clause.head.i:
        return True
    return any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children)


def _colon_between(doc: Doc, end: int, segment: Quotation) -> bool:
    """``said she has the quality it takes: “Steadiness …”``: the quote after a colon spells out
    the clause the cue reports."""
    return nlp.text_of(doc)[end : segment.open].strip() in {":", ""} and nlp.text_of(doc)[
        : segment.open
    ].rstrip().endswith(":")


def _quote_opens(text: str) -> bool:
    return any(mark in text for mark in (*OPENING, *AMBIGUOUS))


def _dash_name(doc: Doc, run: list[Quotation]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``“…” — Name``: the dash and the name after the last quoted stretch."""
    text = nlp.text_of(doc)
    last = run[-1]
    tail_end = paragraph_end(text, last.close)
    match = _DASH_NAME.match(text, last.close, tail_end)
    if match is None:
        return None
    dash = text.index(match.group().strip()[0], last.close)
    name_start = match.start(1)
    name_end = trim_end(text, name_start, match.end(1))
    return (dash, dash + 1), (name_start, name_end)
