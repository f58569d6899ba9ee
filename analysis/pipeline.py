"""One call from articles to every frame: parse once (cached), then run each layer per article."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis import actors, entities, frames, framing, nlp, quotes, sentiment, tone
from analysis.corpus import Corpus, load

Source = Corpus | pd.DataFrame | str | Path | Iterable[str | Path]


def extract(source: Source, *, use_cache: bool = True) -> frames.Frames:
    """Every frame for a corpus.

    Args:
        source: a :class:`~analysis.corpus.Corpus`, an ``articles``-like DataFrame, or anything
            :func:`analysis.corpus.load` reads (a file, a folder, a table, a list of them).
        use_cache: reuse parses cached on disk (``.cache/``); off for benchmarks.

    Returns:
        The :class:`~analysis.frames.Frames` of all articles; files that could not be read are
        listed in ``frames.errors`` and the rest are processed.
    """
    corpus = source if isinstance(source, Corpus) else _load(source)
    articles = corpus.articles
    docs = nlp.parse(list(articles["text"]), use_cache=use_cache)
    per_article = [
        _analyse(doc, article_id)
        for doc, article_id in zip(docs, articles["article_id"], strict=True)
    ]
    combined = {  # each layer returns conformed frames, so the concatenation keeps the dtypes
        name: pd.concat([layer[name] for layer in per_article], ignore_index=True)
        for name in (per_article[0] if per_article else {})
    }
    if per_article:
        combined.update(_across_articles(combined))
    return frames.Frames(articles=articles, errors=corpus.errors, **combined)


def frames_for(source: Source | frames.Frames) -> frames.Frames:
    """The frames a notebook reports on: ``source`` as given when it is already :class:`Frames`,
    else extracted now. (Reading an extracted frames folder lands with the streaming extractor.)"""
    if isinstance(source, frames.Frames):
        return source
    return extract(source)


def _load(source: Source) -> Corpus:
    if isinstance(source, (str, Path, pd.DataFrame)):
        return load(source)
    return load(*source)


def _analyse(doc, article_id: str) -> dict[str, pd.DataFrame]:
    """Every per-article frame, each layer reading the ones before it."""
    sentences, sentiment_words = sentiment.score_sentences(doc, article_id)
    mentions = tone.score_mentions(doc, actors.find_mentions(doc, article_id))
    quoted, fragments = quotes.find_quotes(doc, article_id, mentions=mentions)
    stances, contrasts = framing.find_stances(doc, article_id, quotes=quoted, mentions=mentions)
    return {
        "sentences": sentences,
        "sentiment_words": sentiment_words,
        "entities": entities.find_entities(doc, article_id),
        "mentions": mentions,
        "quotes": quoted,
        "quote_tone": frames.conform("quote_tone", tone.score_quotes(doc.text, quoted, mentions)),
        "fragments": fragments,
        "stances": stances,
        "contrasts": contrasts,
        "agency": framing.agency(doc, article_id, mentions=mentions),
        "framing_marks": framing.labels_and_hedges(
            doc, article_id, mentions=mentions, quotes=quoted
        ),
    }


def _across_articles(found: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Frames that summarise the per-article ones."""
    return {
        "actors": actors.summarize_actors(found["mentions"], quotes=found["quotes"]),
        "voice_portrayal": framing.voice_and_portrayal(
            found["sentences"], found["quotes"], found["mentions"]
        ),
        "agency_summary": framing.agency_summary(found["agency"]),
    }
