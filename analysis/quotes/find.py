"""The quotes of one article: the passes in order, and the ``quotes`` and ``fragments`` frames."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from analysis import frames, nlp, sentiment
from analysis.marks import Quotation, pair_quotation_marks
from analysis.quotes.cues import default_table, find_cues, verb_table
from analysis.quotes.direct import direct_quotes, refloat
from analysis.quotes.record import Quote, overlaps_direct
from analysis.quotes.reported import (
    continue_reported,
    outermost,
    reported_quotes,
    stop_at_direct,
    stop_at_speech,
)
from analysis.quotes.speakers import canonical_speaker, speaker_offsets
from analysis.quotes.transcripts import colon_quotes


def find_quotes(
    doc: Doc,
    article_id: str,
    *,
    mentions: pd.DataFrame | list[dict] | None = None,
    verbs: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Direct, mixed and indirect quotes in one parsed article, with their quoted fragments.

    The ``quotes`` and ``fragments`` frames of :func:`quote_rows` (same arguments).
    """
    quoted, fragments = quote_rows(doc, article_id, mentions=mentions, verbs=verbs)
    return frames.conform("quotes", quoted), frames.conform("fragments", fragments)


def quote_rows(
    doc: Doc,
    article_id: str,
    *,
    mentions: pd.DataFrame | list[dict] | None = None,
    verbs: pd.DataFrame | None = None,
) -> tuple[list[dict], list[dict]]:
    """Direct, mixed and indirect quotes in one parsed article, with their quoted fragments, as
    records (what the later layers read).

    Args:
        doc: the article parsed by :func:`analysis.nlp.parse`.
        article_id: the article's id, copied into every row.
        mentions: the article's ``mentions`` (:func:`analysis.actors.find_mentions`, frame or
            records); when given, ``speaker`` is the canonical actor of the mention at the
            speaker span.
        verbs: a reporting-verb lexicon (:func:`load_reporting_verbs`); the shipped one by default.

    Returns:
        ``quotes`` and ``fragments`` records (columns in :data:`analysis.frames.SCHEMAS`).
    """
    table = default_table() if verbs is None else verb_table(verbs)
    text = nlp.text_of(doc)
    segments = pair_quotation_marks(text)
    cues = {cue.token.i: cue for cue in find_cues(doc, table)}
    transcript = colon_quotes(doc, segments)
    direct, used = direct_quotes(doc, segments, cues)
    direct = transcript + [q for q in direct if not overlaps_direct((q.start, q.end), transcript)]
    reported = outermost(doc, reported_quotes(doc, cues, table, used, direct, segments), direct)
    direct = continue_reported(reported, direct, text)
    stop_at_direct(reported, direct, text)
    stop_at_speech(reported, text)
    found = sorted(direct + reported, key=lambda quote: (quote.start, quote.end))
    refloat(found, text)
    _attach_stray_warnings(found, segments)
    mentions = None if mentions is None else frames.records(mentions)
    return _rows(doc, article_id, found, mentions)


def _attach_stray_warnings(found: list[Quote], segments: list[Quotation]) -> None:
    """A mark problem in no quote is reported on the quote nearest to it, so none is lost."""
    placed = {id(s) for quote in found for s in quote.segments}
    for segment in segments:
        if segment.warning and id(segment) not in placed and found:
            nearest = min(found, key=lambda quote: abs(quote.start - segment.start))
            nearest.warnings.append(segment.warning)


def _rows(
    doc: Doc, article_id: str, found: list[Quote], mentions: list[dict] | None
) -> tuple[list[dict], list[dict]]:
    quoted, fragments = [], []
    for quote_id, quote in enumerate(found):
        quoted.append(_quote_row(doc, article_id, quote_id, quote, mentions))
        for segment in quote.segments:
            words = nlp.text_of(doc)[segment.start : segment.end]
            fragments.append(
                {
                    "article_id": article_id,
                    "quote_id": quote_id,
                    "start": segment.start,
                    "end": segment.end,
                    "text": words,
                    "polarity": sentiment.textblob_scores(words)[0],
                }
            )
    return quoted, fragments


def _quote_row(
    doc: Doc, article_id: str, quote_id: int, quote: Quote, mentions: list[dict] | None
) -> dict:
    text = nlp.text_of(doc)
    content = text[quote.start : quote.end]
    scored = (
        " ".join(text[s.start : s.end] for s in quote.segments)
        if quote.kind == "direct"
        else content
    )
    polarity, subjectivity = sentiment.textblob_scores(scored)
    speaker_start, speaker_end = speaker_offsets(quote.speaker)
    speaker_text = text[speaker_start:speaker_end] if speaker_start is not None else None
    cue_start, cue_end = quote.cue if quote.cue else (None, None)
    return {
        "article_id": article_id,
        "quote_id": quote_id,
        "sent_start": nlp.sent_id_of(doc, quote.start),
        "sent_end": nlp.sent_id_of(doc, max(quote.end - 1, quote.start)),
        "start": quote.start,
        "end": quote.end,
        "content": content,
        "kind": quote.kind,
        "speaker": canonical_speaker(mentions, speaker_start, speaker_end, quote, speaker_text),
        "speaker_text": speaker_text,
        "speaker_start": speaker_start,
        "speaker_end": speaker_end,
        "cue": text[cue_start:cue_end] if cue_start is not None else None,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "cue_lemma": quote.cue_lemma,
        "cue_class": quote.cue_class,
        "channel": quote.channel,
        "polarity": polarity,
        "subjectivity": subjectivity,
        "vader_compound": sentiment.vader_compound(scored),
        "warning": "; ".join(quote.warnings) or None,
    }
