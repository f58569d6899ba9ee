"""One call from articles to every frame: parse once (cached), then run each layer per article."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis import entities, frames, nlp, sentiment
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
    combined = {
        name: frames.conform(
            name, pd.concat([layer[name] for layer in per_article], ignore_index=True)
        )
        if per_article
        else frames.empty(name)
        for name in (per_article[0] if per_article else {})
    }
    return frames.Frames(articles=articles, errors=corpus.errors, **combined)


def _load(source: Source) -> Corpus:
    if isinstance(source, (str, Path, pd.DataFrame)):
        return load(source)
    return load(*source)


def _analyse(doc, article_id: str) -> dict[str, pd.DataFrame]:
    sentences, sentiment_words = sentiment.score_sentences(doc, article_id)
    return {
        "sentences": sentences,
        "sentiment_words": sentiment_words,
        "entities": entities.find_entities(doc, article_id),
    }
