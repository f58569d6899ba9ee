"""Who holds which line: official lines, positions, admissions and denials, and the contrasts
the text draws between an admission and the official line it breaks with.

:func:`find_stances` is the one entry point; stances are found from stance verbs, from quotes
whose cue class is a stance, and from stance nouns with a "that" clause (the markers are
``data/lexicons/stance_markers.csv``), then admissions are paired with their side's official
line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from analysis import frames, nlp, sentiment
from analysis.framing.cast import Cast, Credit
from analysis.framing.lexicons import marker_words, stance_markers, verb_markers
from analysis.framing.spans import clause_after, complement, trimmed
from analysis.lexicons import phrase_spans

_NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")


@dataclass
class _Stance:
    actor: str | None
    side: str | None
    stance: str
    start: int
    end: int
    marker_start: int
    marker_end: int
    found_by: str


def find_stances(
    doc: Doc,
    article_id: str,
    *,
    quotes: pd.DataFrame | list[dict],
    mentions: pd.DataFrame | list[dict],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Official lines, positions, admissions and denials, and the contrasts drawn between them.

    Stances are found three ways: stance verbs of ``data/lexicons/stance_markers.csv``
    ("acknowledged", "dismissed ... as", "Russia says", "has said repeatedly"), the quote whose
    cue they are supplying the statement the parse does not give and the speaker when no agent
    is an actor; quotes whose cue class the lexicon maps to a stance (concessive → admission,
    rejecting → denial); and stance nouns with a "that" clause ("the official line that ...",
    "one of his clearest public admissions yet that ..."). A standing position of a country,
    government or seat of power is its official line. An official line named without a holder
    is held by the side of whoever breaks with it (Putin's "official line" is Russia's).

    Each admission is paired with its side's official line (the one the sentence names, else the
    nearest one named as such); the marker of the pair is the contrast phrase in the admission's
    sentence ("In a break with the official line") or the admission's own marker ("one of his
    clearest public admissions yet").

    Args:
        doc: the parsed article.
        article_id: the article's id.
        quotes: the quotes layer's frame or records for this article
            (:func:`analysis.quotes.find_quotes`).
        mentions: the actors layer's mentions, frame or records
            (:func:`analysis.actors.find_mentions`).

    Returns:
        ``(stances, contrasts)`` frames.
    """
    stances, contrasts = stance_rows(
        doc, article_id, quotes=frames.records(quotes), cast=Cast(doc, mentions)
    )
    return frames.conform("stances", stances), frames.conform("contrasts", contrasts)


def stance_rows(
    doc: Doc, article_id: str, *, quotes: list[dict], cast: Cast
) -> tuple[list[dict], list[dict]]:
    """:func:`find_stances` on records: the article's quotes records and its :class:`Cast`;
    returns the ``stances`` and ``contrasts`` records."""
    contrast_spans = phrase_spans(doc, [row["pattern"] for row in stance_markers("contrast")])
    found = _quote_stances(doc, quotes, cast)
    found += _verb_stances(doc, quotes, cast)
    found += _noun_stances(doc, cast, contrast_spans)
    stances = _stance_rows(doc, article_id, _deduplicated(found))
    return stances, _contrasts(doc, article_id, stances, contrast_spans)


def _deduplicated(found: list[_Stance]) -> list[_Stance]:
    unique: dict[tuple, _Stance] = {}
    for stance in found:
        unique.setdefault((stance.start, stance.end, stance.stance, stance.actor), stance)
    return sorted(unique.values(), key=lambda s: (s.start, s.marker_start))


def _stance_rows(doc: Doc, article_id: str, found: list[_Stance]) -> list[dict]:
    rows = []
    for stance_id, stance in enumerate(found):
        statement = nlp.text_of(doc)[stance.start : stance.end]
        rows.append(
            {
                "article_id": article_id,
                "stance_id": stance_id,
                "actor": stance.actor,
                "side": stance.side,
                "stance": stance.stance,
                "statement": statement,
                "start": stance.start,
                "end": stance.end,
                "marker": nlp.text_of(doc)[stance.marker_start : stance.marker_end],
                "marker_start": stance.marker_start,
                "marker_end": stance.marker_end,
                "polarity": sentiment.textblob_scores(statement)[0],
                "sent_id": nlp.sent_id_of(doc, stance.start),
                "found_by": stance.found_by,
            }
        )
    return rows


def _cue_classes() -> dict[str, str]:
    return {row["pattern"]: row["stance"] for row in stance_markers("cue_class")}


def _quote_stances(doc: Doc, quotes: list[dict], cast: Cast) -> list[_Stance]:
    classes = _cue_classes()
    verbs = verb_markers()
    found = []
    for quote in quotes:
        stance = classes.get(quote["cue_class"]) if quote["cue_class"] is not None else None
        if stance is None or quote["cue_start"] is None:
            continue
        cue = doc.char_span(quote["cue_start"], quote["cue_end"], alignment_mode="expand")
        if cue is not None and any(token.lemma_ in verbs for token in cue):
            continue  # a stance verb: found with its own complement by _verb_stances
        if cue is not None and _cancelled(cue.root):
            continue
        speaker = quote["speaker"]
        found.append(
            _Stance(
                speaker,
                cast.side_of(speaker),
                stance,
                quote["start"],
                quote["end"],
                quote["cue_start"],
                quote["cue_end"],
                "quote",
            )
        )
    return found


def _quote_with_cue(quotes: list[dict], verb: Token) -> dict | None:
    return next(
        (
            quote
            for quote in quotes
            if quote["cue_start"] is not None and quote["cue_start"] <= verb.idx < quote["cue_end"]
        ),
        None,
    )


def _verb_stances(doc: Doc, quotes: list[dict], cast: Cast) -> list[_Stance]:
    markers = verb_markers()
    found = []
    for verb in doc:
        marker = markers.get(verb.lemma_)
        if verb.pos_ != "VERB" or marker is None or not fits(verb, marker["when"]):
            continue
        if _cancelled(verb):
            continue
        quote = _quote_with_cue(quotes, verb)
        span = complement(verb)
        if span is None and quote is not None:
            span = (quote["start"], quote["end"])
        if span is None or span[0] >= span[1]:
            continue
        marker_start, marker_end = _verb_marker_span(verb)
        for actor, side, state_voice in _holders(verb, quote, cast):
            stance = marker["stance"]
            if stance == "position" and state_voice:
                stance = "official_line"
            found.append(_Stance(actor, side, stance, *span, marker_start, marker_end, "verb"))
    return found


def _cancelled(verb: Token) -> bool:
    """ "has not yet conceded", "never admitted", "would deny": a negated or hypothetical stance
    verb takes no stance (modals are the lexicon's ``modal`` rows)."""
    modals = marker_words("modal")
    return any(
        child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in modals)
        for child in verb.children
    )


def fits(verb: Token, when: str) -> bool:
    """Whether ``verb`` meets a stance marker's ``when`` condition.

    Args:
        verb: a verb token whose lemma is a stance verb.
        when: the marker's ``when`` cell: ``habitual`` (present tense or a habitual adverb:
            "Russia says", "has said repeatedly"), ``with_as`` ("dismissed ... as"), or empty.

    Returns:
        True when the condition holds (always for an empty one).
    """
    if when == "habitual":
        adverbs = marker_words("habitual_adverb")
        return verb.tag_ in ("VBZ", "VBP") or any(c.lower_ in adverbs for c in verb.children)
    if when == "with_as":
        return any(t.lower_ == "as" and t.dep_ == "prep" for t in verb.subtree)
    return True


def _holders(verb: Token, quote: dict | None, cast: Cast) -> list[tuple]:
    """``(actor, side, state_voice)`` of the verb's agents, else of the quote's speaker."""
    holders = [(c.actor, c.side, c.state_voice) for c in cast.agents(verb)]
    if not holders and quote is not None and quote["speaker"] is not None:
        speaker = quote["speaker"]
        holders.append((speaker, cast.side_of(speaker), False))
    return holders or [(None, None, False)]


def _verb_marker_span(verb: Token) -> tuple[int, int]:
    """From the subject (when it comes first) through the verb, auxiliaries and adverbs after it."""
    tokens = [verb]
    tokens += [c for c in verb.children if c.dep_ in ("aux", "neg")]
    tokens += [c for c in verb.rights if c.dep_ == "advmod" and c.i == verb.i + 1]
    tokens += [c.left_edge for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    by_phrase = [c for c in verb.children if c.dep_ == "agent"]
    tokens += [max(c.subtree, key=lambda t: t.i) for c in by_phrase]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _noun_stances(doc: Doc, cast: Cast, contrast_spans: list[Span]) -> list[_Stance]:
    found = []
    for noun, stance in _stance_nouns(doc):
        that = _complementiser_after(noun)
        if that is None:
            continue
        start, end = clause_after(that)
        marker_start, marker_end = _noun_marker_span(noun, that, contrast_spans)
        actor, side = _noun_holder(noun, stance, cast)
        found.append(_Stance(actor, side, stance, start, end, marker_start, marker_end, "noun"))
    return found


def _stance_nouns(doc: Doc) -> Iterator[tuple[Token, str]]:
    spans = [Span(doc, start, end, label=key) for key, start, end in _noun_matcher(doc.vocab)(doc)]
    for span in filter_spans(spans):
        yield span[-1], span.label_


@cache
def _noun_matcher(vocab: Vocab) -> Matcher:
    """The stance nouns of ``stance_markers.csv`` (last word by lemma), once per vocab."""
    matcher = Matcher(vocab)
    for row in stance_markers("noun"):
        words = row["pattern"].split()
        pattern = [{"LOWER": word} for word in words[:-1]] + [{"LEMMA": words[-1]}]
        matcher.add(row["stance"], [pattern])
    return matcher


def _complementiser_after(noun: Token) -> Token | None:
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        if token.pos_ == "ADV":
            continue
        return token if token.lower_ == "that" and token.dep_ == "mark" else None
    return None


def _noun_marker_span(noun: Token, that: Token, contrast_spans: list[Span]) -> tuple[int, int]:
    top = noun
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in _NOMINAL:
        top = top.head.head
    first = top.left_edge.i
    for span in contrast_spans:
        if span.start < that.i and first <= span.end:  # overlapping or right before
            first = min(first, span.start)
    last = that.doc[that.i - 1]
    return trimmed(noun.doc, that.doc[first].idx, last.idx + len(last))


def _noun_holder(noun: Token, stance: str, cast: Cast) -> tuple[str | None, str | None]:
    """Whose stance a stance noun names: its possessor, else the clause's subject; an official
    line without a possessor belongs to the side of the one who breaks with it."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    holder = cast.credit(possessor) if possessor is not None else None
    if holder is None and possessor is None or (holder is None and possessor.pos_ == "PRON"):
        holder = _clause_subject_actor(noun, cast)
    if holder is None:
        return None, None
    if stance == "official_line" and possessor is None:
        return holder.side, holder.side
    return holder.actor, holder.side


def _clause_subject_actor(token: Token, cast: Cast) -> Credit | None:
    for ancestor in token.ancestors:
        for subject in (c for c in ancestor.children if c.dep_ == "nsubj"):
            found = cast.credit(subject)
            if found is not None:
                return found
    return None


# --- contrasts ----------------------------------------------------------------------------------


def _contrasts(
    doc: Doc, article_id: str, stances: list[dict], contrast_spans: list[Span]
) -> list[dict]:
    lines = [stance for stance in stances if stance["stance"] == "official_line"]
    rows = []
    for admission in stances:
        against = _line_against(admission, lines) if admission["stance"] == "admission" else None
        if against is None:
            continue
        marker_start, marker_end = _contrast_marker(doc, admission, against, contrast_spans)
        rows.append(
            {
                "article_id": article_id,
                "contrast_id": len(rows),
                "actor": admission["actor"],
                "side": admission["side"],
                "admission_id": admission["stance_id"],
                "admission": admission["statement"],
                "admission_start": admission["start"],
                "admission_end": admission["end"],
                "admission_polarity": admission["polarity"],
                "against_id": against["stance_id"],
                "against": against["statement"],
                "against_start": against["start"],
                "against_end": against["end"],
                "against_polarity": against["polarity"],
                "holder": against["actor"],
                "marker": nlp.text_of(doc)[marker_start:marker_end],
                "marker_start": marker_start,
                "marker_end": marker_end,
                "sent_id": admission["sent_id"],
            }
        )
    return rows


def _line_against(admission: dict, lines: list[dict]) -> dict | None:
    """The official line an admission breaks with: its side's, in its sentence first, then one
    named by a verb, then the nearest."""
    side = admission["side"]
    if side is None:
        return None
    same_side = [line for line in lines if side in (line["side"], line["actor"])]
    return min(
        same_side,
        key=lambda line: (
            line["sent_id"] != admission["sent_id"],
            line["found_by"] != "noun",
            abs(line["start"] - admission["start"]),
        ),
        default=None,
    )


def _contrast_marker(
    doc: Doc, admission: dict, against: dict, contrast_spans: list[Span]
) -> tuple[int, int]:
    sentence = doc[
        doc.char_span(admission["start"], admission["end"], alignment_mode="expand").start
    ].sent
    in_sentence = [s for s in contrast_spans if sentence.start <= s.start < sentence.end]
    if in_sentence and against["sent_id"] == admission["sent_id"]:
        return against["marker_start"], against["marker_end"]
    return admission["marker_start"], admission["marker_end"]
