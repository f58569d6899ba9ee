"""How it sounds: TextBlob and VADER scores per sentence, and the words that drove each score.

TextBlob is used only through its PatternAnalyzer lexicon (``textblob.en.sentiment``), which works
offline; its NLTK-backed features are never touched. VADER's lexicon ships inside its package.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc
from textblob.en import sentiment as pattern_sentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import frames, nlp


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def textblob_scores(text: str) -> tuple[float, float]:
    """TextBlob (PatternAnalyzer) ``(polarity, subjectivity)`` of ``text``."""
    polarity, subjectivity = pattern_sentiment(text)
    return float(polarity), float(subjectivity)


def vader_compound(text: str) -> float:
    """VADER's compound score of ``text``, -1..1."""
    return float(_vader().polarity_scores(text)["compound"])


def textblob_drivers(text: str, *, offset: int = 0) -> list[dict]:
    """The assessments behind TextBlob's score, located in ``text``.

    Each assessment (e.g. ``["extremely", "difficult"]`` → -0.5) becomes one span from its first to
    its last word, found left to right so repeated words map to successive occurrences.

    Args:
        text: the scored text.
        offset: added to every start/end (the text's position in its article).

    Returns:
        Records with start, end, text, score.
    """
    return _located(text, pattern_sentiment(text).assessments, offset)


def _located(text: str, assessments: list, offset: int) -> list[dict]:
    found, cursor = [], 0
    for words, polarity, _subjectivity, _label in assessments:
        span = _locate(text, [w for w in words if w.strip()], cursor)
        if span is None or not polarity:
            continue
        start, end = span
        cursor = end
        found.append(
            {
                "start": start + offset,
                "end": end + offset,
                "text": text[start:end],
                "score": float(polarity),
            }
        )
    return found


def _locate(text: str, words: list[str], cursor: int) -> tuple[int, int] | None:
    start = end = None
    position = cursor
    for word in words:
        match = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text[position:], re.IGNORECASE)
        if match is None:
            return None
        if start is None:
            start = position + match.start()
        end = position + match.end()
        position = end
    return (start, end) if start is not None else None


def vader_drivers(doc: Doc, start: int, end: int) -> list[dict]:
    """Words in ``doc.text[start:end]`` that carry a VADER lexicon valence, with that valence."""
    lexicon = _vader().lexicon
    span = doc.char_span(start, end, alignment_mode="expand")
    return [
        {
            "start": token.idx,
            "end": token.idx + len(token),
            "text": token.text,
            "score": float(lexicon[token.lower_]),
        }
        for token in span
        if token.lower_ in lexicon
    ]


def score_sentences(doc: Doc, article_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score every sentence of ``doc`` with both analysers and explain the scores.

    Returns:
        The ``sentences`` frame and the ``sentiment_words`` frame for this article.
    """
    sentences, words = sentence_rows(doc, article_id)
    return frames.conform("sentences", sentences), frames.conform("sentiment_words", words)


def sentence_rows(doc: Doc, article_id: str) -> tuple[list[dict], list[dict]]:
    """The records of :func:`score_sentences`: ``sentences`` and ``sentiment_words``."""
    paragraph_starts = nlp.paragraph_starts(nlp.text_of(doc))
    sentences, words = [], []
    for sent_id, start, end in nlp.sentences(doc):
        text = nlp.text_of(doc)[start:end]
        scored = pattern_sentiment(text)
        polarity, subjectivity = float(scored[0]), float(scored[1])
        sentences.append(
            {
                "article_id": article_id,
                "sent_id": sent_id,
                "paragraph_id": bisect.bisect_right(paragraph_starts, start) - 1,
                "start": start,
                "end": end,
                "text": text,
                "polarity": polarity,
                "subjectivity": subjectivity,
                "vader_compound": vader_compound(text),
            }
        )
        for analyser, drivers in (
            ("textblob", _located(text, scored.assessments, start)),
            ("vader", vader_drivers(doc, start, end)),
        ):
            words += [
                {"article_id": article_id, "sent_id": sent_id, "analyser": analyser, **d}
                for d in drivers
            ]
    return sentences, words


def disagreements(sentences: pd.DataFrame, *, margin: float = 0.05) -> pd.DataFrame:
    """Sentences that TextBlob and VADER score in opposite directions (beyond ``margin``)."""
    tb, vd = sentences["polarity"], sentences["vader_compound"]
    return sentences[((tb > margin) & (vd < -margin)) | ((tb < -margin) & (vd > margin))]


def explain(sentences: pd.DataFrame, sentiment_words: pd.DataFrame) -> pd.DataFrame:
    """Each sentence's scores beside the words that drove them (``word (score)``, by analyser)."""
    words = sentiment_words.assign(
        shown=sentiment_words["text"] + " (" + sentiment_words["score"].map("{:+.2f}".format) + ")"
    )
    drivers = (
        words.groupby(["article_id", "sent_id", "analyser"])["shown"]
        .agg(", ".join)
        .unstack("analyser")
        .reindex(columns=["textblob", "vader"])
        .rename(columns={"textblob": "textblob_words", "vader": "vader_words"})
    )
    table = sentences.join(drivers, on=["article_id", "sent_id"])
    columns = [
        "article_id",
        "sent_id",
        "text",
        "polarity",
        "textblob_words",
        "vader_compound",
        "vader_words",
    ]
    return table[columns].fillna({"textblob_words": "", "vader_words": ""})
