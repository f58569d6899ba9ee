"""Whose words are these: competing labels, scare quotes and verification hedges.

:func:`labels_and_hedges` finds the labels of ``data/lexicons/competing_labels.csv``, short quoted
words modifying a noun outside their quotation marks, and the hedges of
``data/lexicons/hedges.csv``, each credited to whoever uses it (a quote's speaker, the holder of
a standing position, a hedging verb's subject) or to nobody, the outlet's own wording. The rows
make the ``framing_marks`` frame.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from analysis import frames, nlp
from analysis.framing.cast import Cast
from analysis.framing.lexicons import COMPETING_LABELS, HEDGES, verb_markers
from analysis.framing.stances import fits
from analysis.lexicons import lexicon, phrase_spans

_MAX_SCARE_WORDS = 3


def labels_and_hedges(
    doc: Doc,
    article_id: str,
    *,
    mentions: pd.DataFrame | list[dict],
    quotes: pd.DataFrame | list[dict],
) -> pd.DataFrame:
    """Competing labels, scare quotes and verification hedges, with who uses each.

    Labels come from ``data/lexicons/competing_labels.csv`` (longest match); their user is the
    speaker of the quote they sit in, else the subject of the saying or naming verb they depend
    on ("Russia says it is waging a “special military operation”"; "Ukraine and the West describe
    ... as an unprovoked war of aggression"), else nobody (the outlet's own wording). Scare quotes
    are short quoted words modifying a noun outside the marks (“kamikaze” drones). Hedges come
    from ``data/lexicons/hedges.csv``; their actor is the subject of the hedging verb ("Reuters
    could not independently verify").

    Args:
        doc: the parsed article.
        article_id: the article's id.
        mentions: the actors layer's mentions, frame or records
            (:func:`analysis.actors.find_mentions`).
        quotes: the quotes layer's frame or records (:func:`analysis.quotes.find_quotes`), to
            credit labels and scare quotes to speakers.

    Returns:
        A ``framing_marks`` frame (kind: label | scare_quote | hedge), in text order.
    """
    rows = mark_rows(doc, article_id, cast=Cast(doc, mentions), quotes=frames.records(quotes))
    return frames.conform("framing_marks", rows)


def mark_rows(doc: Doc, article_id: str, *, cast: Cast, quotes: list[dict]) -> list[dict]:
    """:func:`labels_and_hedges` on the article's :class:`Cast` and quotes records: the
    ``framing_marks`` records."""
    spoken = [quote for quote in quotes if quote["speaker"] is not None]
    context = _Context(doc, cast, spoken)
    marks = _labels(context) + _scare_quotes(context) + _hedges(context)
    return [{"article_id": article_id, **mark} for mark in sorted(marks, key=lambda m: m["start"])]


@dataclass
class _Context:
    doc: Doc
    cast: Cast
    spoken: list[dict]  # the quotes with a speaker

    def speaker_at(self, start: int, end: int) -> str | None:
        """The speaker of the first quote (in text order) whose content covers the span."""
        return next(
            (q["speaker"] for q in self.spoken if q["start"] <= start and q["end"] >= end), None
        )


def _mark(context: _Context, kind: str, span: Span, entry: str, category: str) -> dict:
    return {
        "kind": kind,
        "sent_id": nlp.sent_id_of(context.doc, span.start_char),
        "start": span.start_char,
        "end": span.end_char,
        "text": span.text,
        "entry": entry,
        "category": category,
    }


def _labels(context: _Context) -> list[dict]:
    rows = lexicon(COMPETING_LABELS, "pattern", "referent", "side")
    entries = {row["pattern"]: row for row in rows}
    marks = []
    for span in phrase_spans(context.doc, entries):
        if _inside_longer_entity(span):
            continue
        entry = entries[span.label_]
        user = _user_of(context, span)
        mark = _mark(context, "label", span, entry["pattern"], entry["referent"])
        marks.append({**mark, **user, "entry_side": entry["side"] or pd.NA})
    return marks


def _inside_longer_entity(span: Span) -> bool:
    """ "war" in "World War Two" is part of a name, not a label."""
    return any(
        ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
        for ent in span.doc.ents
    )


def _user_of(context: _Context, span: Span) -> dict:
    """``actor`` and ``side`` of whoever the words belong to, or ``<NA>`` for the narrator.

    Words are a speaker's when they sit inside quotation marks within that speaker's quote or
    under their saying verb, or under a verb of standing position ("Russia says", "describe ...
    as"); other words of an indirect report are the outlet's paraphrase.
    """
    quoted = _in_quotation_marks(span)
    speaker = context.speaker_at(span.start_char, span.end_char) if quoted else None
    if speaker is not None:
        return {"actor": speaker, "side": context.cast.side_of(speaker)}
    markers = verb_markers()
    verb = next((t for t in span.root.ancestors if t.lemma_ in markers and t.pos_ == "VERB"), None)
    marker = markers.get(verb.lemma_) if verb is not None else None
    owned = marker is not None and (
        quoted or marker["stance"] == "position" and fits(verb, marker["when"])
    )
    holders = context.cast.agents(verb) if owned else []
    if not holders:
        return {"actor": pd.NA, "side": pd.NA}
    sides = [h.side for h in holders if h.side]
    return {
        "actor": " | ".join(dict.fromkeys(h.actor for h in holders)),
        "side": " | ".join(dict.fromkeys(sides)) or pd.NA,
    }


def _in_quotation_marks(span: Span) -> bool:
    """Inside a pair of quotation marks: the outermost quotations are sorted and disjoint, so
    only the last one opening before the span can hold it."""
    quotations = nlp.quotation_spans(span.doc)
    at = bisect.bisect_left(quotations, (span.start_char,)) - 1
    return at >= 0 and span.end_char < quotations[at][1]


def _scare_quotes(context: _Context) -> list[dict]:
    marks = []
    doc = context.doc
    for start, end in nlp.quotation_spans(doc):
        span = doc.char_span(start + 1, end - 1)
        if span is None or len(span) > _MAX_SCARE_WORDS or not _modifies_outside(span):
            continue
        mark = _mark(context, "scare_quote", span, "quoted modifier", "scare quote")
        marks.append({**mark, **_user_of(context, span), "entry_side": pd.NA})
    return marks


def _modifies_outside(span: Span) -> bool:
    root = span.root
    outside = not (span.start <= root.head.i < span.end)
    return outside and root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ == "NOUN"


def _hedges(context: _Context) -> list[dict]:
    rows = lexicon(HEDGES, "pattern", "match", "category")
    categories = {row["pattern"]: row["category"] for row in rows}
    matcher = _hedge_matcher(context.doc.vocab)
    spans = [Span(context.doc, s, e, label=key) for key, s, e in matcher(context.doc)]
    marks = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        mark = _mark(context, "hedge", span, span.label_, categories[span.label_])
        marks.append({**mark, **_hedge_actor(context, span), "entry_side": pd.NA})
    return marks


@cache
def _hedge_matcher(vocab: Vocab) -> Matcher:
    """The hedges of ``hedges.csv`` as token patterns (by lemma or lower case), once per vocab."""
    matcher = Matcher(vocab)
    tokenizer = nlp.load_model().tokenizer
    for row in lexicon(HEDGES, "pattern", "match", "category"):
        attr = "LEMMA" if row["match"] == "lemma" else "LOWER"
        words = [t.text.lower() for t in tokenizer(row["pattern"])]
        matcher.add(row["pattern"], [[{attr: word} for word in words]])
    return matcher


def _hedge_actor(context: _Context, span: Span) -> dict:
    verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    holders = context.cast.agents(verb)
    if not holders:
        return {"actor": pd.NA, "side": pd.NA}
    return {"actor": holders[0].actor, "side": holders[0].side or pd.NA}
