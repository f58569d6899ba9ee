"""The data model: every frame's columns and dtypes in one place, the Frames container, writers.

Each frame is a pandas DataFrame, one row per item. Every *span* frame carries ``article_id``,
``start`` and ``end`` (character offsets into that article's ``text``, end-exclusive) and the span
text, and ``articles.text[start:end]`` equals it. Frames join on ids, never on strings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

import pandas as pd

#: column -> (pandas dtype, meaning). The single documentation of every frame's columns.
SCHEMAS: dict[str, dict[str, tuple[str, str]]] = {
    "articles": {
        "article_id": ("string", "stable id: front-matter id, the id column, or the file stem"),
        "title": ("string", "headline, when the source has one"),
        "source": ("string", "outlet (Reuters, Wikinews, ...)"),
        "published": (
            "datetime64[us]",
            "publication time in UTC, stored without a zone (a date with an offset is converted, "
            "one without is taken as UTC; a bare date is midnight); NaT when unknown or unreadable",
        ),
        "published_text": ("string", "publication date as given (ISO 8601 for typed dates)"),
        "url": ("string", "where the article came from"),
        "topics": ("string", "front-matter topics/tags or the topics column, joined by ' | '"),
        "path": ("string", "file the article was read from; tables add '#row N' (N from 1)"),
        "text": ("string", "the article body exactly as analysed; all offsets index into it"),
        "n_words": ("Int64", "words (corpus.WORD): letter/digit runs, inner ' ’ - kept (don't)"),
        # then one "string" column per other scalar front-matter key or table column (corpus/)
    },
    "sentences": {
        "article_id": ("string", "article"),
        "sent_id": ("Int64", "sentence index within the article, from 0"),
        "paragraph_id": ("Int64", "paragraph index within the article, from 0"),
        "start": ("Int64", "first character"),
        "end": ("Int64", "one past the last character"),
        "text": ("string", "the sentence"),
        "polarity": ("float64", "TextBlob (PatternAnalyzer) polarity, -1..1"),
        "subjectivity": ("float64", "TextBlob subjectivity, 0..1"),
        "vader_compound": ("float64", "VADER compound score, -1..1"),
    },
    "sentiment_words": {
        "article_id": ("string", "article"),
        "sent_id": ("Int64", "sentence whose score the word drove"),
        "start": ("Int64", "first character of the word or phrase"),
        "end": ("Int64", "one past its last character"),
        "text": ("string", "the word or phrase as written"),
        "analyser": ("string", "textblob | vader"),
        "score": ("float64", "its contribution: TextBlob assessment polarity or VADER valence"),
    },
    "entities": {
        "article_id": ("string", "article"),
        "sent_id": ("Int64", "sentence"),
        "start": ("Int64", "first character"),
        "end": ("Int64", "one past the last character"),
        "text": ("string", "the entity as written"),
        "label": ("string", "spaCy NER label after the gazetteer (PERSON, GPE, ORG, ...)"),
    },
    "mentions": {
        "article_id": ("string", "article"),
        "mention_id": ("Int64", "mention index within the article, in text order"),
        "sent_id": ("Int64", "sentence"),
        "start": ("Int64", "first character"),
        "end": ("Int64", "one past the last character"),
        "text": ("string", "the mention as written (name, pronoun, role noun, metonym)"),
        "actor": ("string", "canonical actor name"),
        "actor_type": ("string", "person | organisation | government | country | place | group"),
        "side": ("string", "Russia, Ukraine, Belarus, United States, West, media, ... or <NA>"),
        "how": ("string", "name | alias | title | role | pronoun | metonym"),
        "antecedent_id": ("Int64", "mention_id this one was resolved through (non-name mentions)"),
        "description": ("string", "title or apposition this mention carries (Russian President)"),
        "tone": (
            "float64",
            "tone toward this actor in its sentence: p_positive − p_negative, −1..1 (analysis.tone;"
            " mentions of one actor in one sentence share the score of the first)",
        ),
        "p_negative": ("float64", "probability that the sentence is negative toward the actor"),
        "p_neutral": ("float64", "probability that it is neutral toward the actor"),
        "p_positive": ("float64", "probability that it is positive toward the actor"),
    },
    "actors": {
        "article_id": ("string", "article (<NA> in the corpus-wide aggregate)"),
        "actor": ("string", "canonical actor name"),
        "actor_type": ("string", "person | organisation | government | country | place | group"),
        "side": ("string", "the side its mentions give most often (ties: the first seen)"),
        "role": ("string", "role or description found in the text, else the table's"),
        "n_mentions": ("Int64", "mentions of every kind"),
        "first_sentence": ("Int64", "sent_id of the first mention"),
        "aliases": ("string", "distinct surfaces seen, joined by ' | '"),
        "n_quotes": ("Int64", "quotes attributed to the actor"),
        "n_quoted_words": ("Int64", "words inside those quotes"),
    },
    "quotes": {
        "article_id": ("string", "article"),
        "quote_id": ("Int64", "quote index within the article"),
        "sent_start": ("Int64", "sent_id of the first sentence of the content"),
        "sent_end": ("Int64", "sent_id of the last sentence of the content"),
        "start": ("Int64", "first character of the content"),
        "end": ("Int64", "one past the last character of the content"),
        "content": (
            "string",
            "what is reported (direct: inside the marks; a quote broken by its attribution,"
            " “A,” she said, “B”, is one row from A to B, its parts in fragments)",
        ),
        "kind": ("string", "direct | mixed | indirect"),
        "speaker": (
            "string",
            "canonical actor (actors layer) or the speaker text; <NA> for an unresolved pronoun",
        ),
        "speaker_text": ("string", "the speaker as written"),
        "speaker_start": ("Int64", "first character of the speaker span"),
        "speaker_end": ("Int64", "one past its last character"),
        "cue": ("string", "reporting expression as written (said, were quoted ... as saying)"),
        "cue_start": ("Int64", "first character of the cue"),
        "cue_end": ("Int64", "one past its last character"),
        "cue_lemma": ("string", "lemma of the reporting verb"),
        "cue_class": ("string", "class from data/lexicons/reporting_verbs.csv"),
        "channel": ("string", "Telegram, video address, news conference, RBC, ... or <NA>"),
        "polarity": ("float64", "TextBlob polarity of the content"),
        "subjectivity": ("float64", "TextBlob subjectivity of the content"),
        "vader_compound": ("float64", "VADER compound of the content"),
        "warning": ("string", "what went wrong when the quote had to be guessed, else <NA>"),
    },
    "quote_tone": {
        "article_id": ("string", "article"),
        "quote_id": ("Int64", "the quote whose content mentions the actor"),
        "speaker": ("string", "who is quoted (as in quotes.speaker)"),
        "actor": ("string", "canonical actor mentioned inside the content"),
        "side": ("string", "that actor's side"),
        "start": ("Int64", "first character of the actor's first mention inside the content"),
        "end": ("Int64", "one past its last character"),
        "text": ("string", "that mention as written (the target that was scored)"),
        "tone": (
            "float64",
            "tone toward the actor in the quote's content alone: p_positive − p_negative, −1..1",
        ),
        "p_negative": ("float64", "probability that the content is negative toward the actor"),
        "p_neutral": ("float64", "probability that it is neutral toward the actor"),
        "p_positive": ("float64", "probability that it is positive toward the actor"),
    },
    "fragments": {
        "article_id": ("string", "article"),
        "quote_id": ("Int64", "the quote the fragment belongs to"),
        "start": ("Int64", "first character inside the quotation marks"),
        "end": ("Int64", "one past the last character inside the marks"),
        "text": ("string", "the quoted words"),
        "polarity": ("float64", "TextBlob polarity of the fragment"),
    },
    "stances": {
        "article_id": ("string", "article"),
        "stance_id": ("Int64", "stance index within the article, in text order"),
        "actor": ("string", "who holds the stance (canonical actor; an official line: its side)"),
        "side": ("string", "the holder's side"),
        "stance": ("string", "official_line | position | admission | denial"),
        "statement": ("string", "what the stance is about, as written"),
        "start": ("Int64", "first character of the statement"),
        "end": ("Int64", "one past its last character"),
        "marker": ("string", "words that mark the stance (Putin acknowledged; the official line)"),
        "marker_start": ("Int64", "first character of the marker"),
        "marker_end": ("Int64", "one past its last character"),
        "polarity": ("float64", "TextBlob polarity of the statement"),
        "sent_id": ("Int64", "sentence of the statement's start"),
        "found_by": ("string", "verb | noun | quote: stance verb, stance noun, or quote cue class"),
    },
    "contrasts": {
        "article_id": ("string", "article"),
        "contrast_id": ("Int64", "contrast index within the article"),
        "actor": ("string", "who admits"),
        "side": ("string", "their side"),
        "admission_id": ("Int64", "stance_id of the admission"),
        "admission": ("string", "what is admitted"),
        "admission_start": ("Int64", "first character of the admission"),
        "admission_end": ("Int64", "one past its last character"),
        "admission_polarity": ("float64", "TextBlob polarity of the admission"),
        "against_id": ("Int64", "stance_id of the official line it is set against"),
        "against": ("string", "the official line"),
        "against_start": ("Int64", "first character of the official line"),
        "against_end": ("Int64", "one past its last character"),
        "against_polarity": ("float64", "TextBlob polarity of the official line"),
        "holder": ("string", "who holds the official line"),
        "marker": ("string", "words that draw the contrast (In a break with the official line)"),
        "marker_start": ("Int64", "first character of the marker"),
        "marker_end": ("Int64", "one past its last character"),
        "sent_id": ("Int64", "sentence of the admission"),
    },
    "voice_portrayal": {
        "actor": ("string", "canonical actor"),
        "side": ("string", "their side (most frequent in the mentions)"),
        "view": (
            "string",
            "voice: their quotes | portrayal: sentences about them, not by them"
            " | toward: tone toward them in every sentence that mentions them",
        ),
        "analyser": ("string", "textblob (polarity) | vader (compound) | tone (analysis.tone)"),
        "n": ("Int64", "quotes or sentences scored"),
        "mean": ("float64", "mean score, -1..1"),
        "ci_low": ("float64", "2.5th percentile of bootstrap means (the mean itself when n < 2)"),
        "ci_high": ("float64", "97.5th percentile of bootstrap means"),
    },
    "agency": {
        "article_id": ("string", "article"),
        "sent_id": ("Int64", "sentence of the verb"),
        "actor": ("string", "canonical actor"),
        "side": ("string", "their side"),
        "role": ("string", "agent (does) | patient (undergoes), passives resolved"),
        "verb": ("string", "the verb as written"),
        "verb_lemma": ("string", "its lemma"),
        "verb_start": ("Int64", "first character of the verb"),
        "verb_end": ("Int64", "one past its last character"),
        "start": ("Int64", "first character of the actor's phrase (mention, or demonym + noun)"),
        "end": ("Int64", "one past its last character"),
        "text": ("string", "the phrase as written (Russian drones, the Kremlin)"),
        "via": ("string", "mention | demonym | possessive: how the phrase was credited"),
    },
    "agency_summary": {
        "actor": ("string", "canonical actor"),
        "side": ("string", "their side"),
        "role": ("string", "agent | patient"),
        "n": ("Int64", "verbs the actor is that role of"),
    },
    "framing_marks": {
        "article_id": ("string", "article"),
        "kind": ("string", "label | scare_quote | hedge"),
        "sent_id": ("Int64", "sentence"),
        "start": ("Int64", "first character"),
        "end": ("Int64", "one past the last character"),
        "text": ("string", "the words as written"),
        "entry": ("string", "lexicon entry matched (scare quotes: 'quoted modifier')"),
        "category": ("string", "labels: what is named; hedges: verification | appearance | ..."),
        "actor": (
            "string",
            "whose words (labels, scare quotes) or whose verb (hedges); <NA>: the outlet's own",
        ),
        "side": ("string", "that actor's side"),
        "entry_side": ("string", "labels: the side whose usage the lexicon says the label is"),
    },
    "errors": {
        "path": ("string", "file (and row) that could not be read or analysed"),
        "error": ("string", "what is wrong and what to do about it"),
        "article_id": ("string", "the article, when it was read but its analysis failed"),
        "stage": ("string", "load | parse | the layer that failed (sentiment, quotes, ...)"),
    },
}


#: Schema columns a later layer fills: ``conform`` leaves them missing (NaN) instead of failing,
#: so the layer that finds the rows need not know of them (mentions: tone.score_mentions).
FILLED_LATER: dict[str, tuple[str, ...]] = {
    "mentions": ("tone", "p_negative", "p_neutral", "p_positive"),
}


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the schema's columns and dtypes (a copy: the caller may fill it)."""
    return _empty(name).copy()


@cache
def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, (dtype, _) in SCHEMAS[name].items()})


def conform(name: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Build frame ``name`` from records: schema column order and dtypes, nothing else.

    Columns in :data:`FILLED_LATER` may be absent; they are left missing for their layer to fill.

    Raises:
        ValueError: a schema column is missing from the records.
    """
    schema = SCHEMAS[name]
    later = FILLED_LATER.get(name, ())
    if isinstance(rows, pd.DataFrame):
        missing = [col for col in schema if col not in rows.columns and col not in later]
        rows, records = rows.reset_index(drop=True), None
        rows = rows.assign(**{col: None for col in later if col not in rows.columns})
    else:
        missing = sorted(
            {col for row in rows for col in schema if col not in row and col not in later}
        )
        records = [{**dict.fromkeys(later), **row} for row in rows]
    if missing:
        raise ValueError(f"frame {name!r} is missing columns {missing}")
    if not len(rows):
        return empty(name)
    columns = {
        col: _column([row[col] for row in records] if records is not None else rows[col], dtype)
        for col, (dtype, _) in schema.items()
    }
    return pd.DataFrame(columns)


def _column(values, dtype: str) -> pd.Series:
    try:
        return pd.Series(values, dtype=dtype)
    except (TypeError, ValueError):  # e.g. pd.NA among floats: let pandas coerce via object
        return pd.Series(values, dtype=object).astype(dtype)


#: The frames ``extract --jsonl`` writes per document, in this order.
JSONL_SPANS = ("sentences", "entities", "mentions", "quotes")


@dataclass
class Frames:
    """All frames of one extraction; each attribute is a DataFrame named as in :data:`SCHEMAS`."""

    articles: pd.DataFrame = field(default_factory=lambda: empty("articles"))
    sentences: pd.DataFrame = field(default_factory=lambda: empty("sentences"))
    sentiment_words: pd.DataFrame = field(default_factory=lambda: empty("sentiment_words"))
    entities: pd.DataFrame = field(default_factory=lambda: empty("entities"))
    mentions: pd.DataFrame = field(default_factory=lambda: empty("mentions"))
    actors: pd.DataFrame = field(default_factory=lambda: empty("actors"))
    quotes: pd.DataFrame = field(default_factory=lambda: empty("quotes"))
    quote_tone: pd.DataFrame = field(default_factory=lambda: empty("quote_tone"))
    fragments: pd.DataFrame = field(default_factory=lambda: empty("fragments"))
    stances: pd.DataFrame = field(default_factory=lambda: empty("stances"))
    contrasts: pd.DataFrame = field(default_factory=lambda: empty("contrasts"))
    voice_portrayal: pd.DataFrame = field(default_factory=lambda: empty("voice_portrayal"))
    agency: pd.DataFrame = field(default_factory=lambda: empty("agency"))
    agency_summary: pd.DataFrame = field(default_factory=lambda: empty("agency_summary"))
    framing_marks: pd.DataFrame = field(default_factory=lambda: empty("framing_marks"))
    errors: pd.DataFrame = field(default_factory=lambda: empty("errors"))

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """``(name, frame)`` pairs in schema order."""
        for item in fields(self):
            yield item.name, getattr(self, item.name)

    @classmethod
    def read(cls, folder: Path | str, **options) -> Frames:
        """Load a frames folder written by ``python -m analysis extract ... --out DIR``;
        ``options`` (``names``, ``columns``, ``articles``) select a subset, see
        :func:`analysis.store.read`."""
        from analysis import store  # store builds on this module

        return store.read(folder, **options)

    def write(self, out_dir: Path | str, *, fmt: str = "parquet") -> list[Path]:
        """Write each frame to ``out_dir/<name>.parquet`` (or ``.csv``); returns the paths."""
        if fmt not in ("parquet", "csv"):
            raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in self.items():
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.to_parquet(path, index=False)
            else:
                frame.to_csv(path, index=False)
            paths.append(path)
        return paths

    def write_jsonl(self, path: Path | str, *, spans: tuple[str, ...] = JSONL_SPANS) -> None:
        """One JSON object per article: ``{"doc_id", <frame>: [records...], ...}``.

        The contract benchmarks depend on: ``doc_id`` is the article id; each listed frame's
        rows for that article appear as records with all of the frame's columns (offsets into
        that article's text); missing values are ``null``. Articles keep their input order.
        """
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(self.jsonl_lines(spans=spans))

    def jsonl_lines(self, *, spans: tuple[str, ...] = JSONL_SPANS) -> Iterator[str]:
        """The lines :meth:`write_jsonl` writes, one per article, newline included."""
        grouped = {name: _records_by_article(getattr(self, name)) for name in spans}
        for article_id in self.articles["article_id"]:
            line = {"doc_id": article_id}
            line.update({name: grouped[name].get(article_id, []) for name in spans})
            yield json.dumps(line, ensure_ascii=False) + "\n"


def _records_by_article(frame: pd.DataFrame) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = {}
    for record in records(frame):
        by_article.setdefault(record["article_id"], []).append(record)
    return by_article


def records(rows: pd.DataFrame | list[dict]) -> list[dict]:
    """Rows as the layers hand them to each other: plain dicts, a missing value as ``None``.

    A frame is turned into its records; records pass through unchanged. The layers work on
    records and a frame is built once per frame per batch, at the edge (:func:`conform`).
    """
    if not isinstance(rows, pd.DataFrame):
        return rows
    return rows.astype(object).where(rows.notna(), None).to_dict(orient="records")


def concat(name: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Rows of ``parts`` (conformed frames ``name``) in order; the empty frame when none."""
    parts = [part for part in parts if len(part)]
    return pd.concat(parts, ignore_index=True) if parts else empty(name)


def span_columns(frame: pd.DataFrame | list[str]) -> list[tuple[str, str, str]]:
    """``(start, end, text)`` column triples of a frame (or of its column names), found by
    naming convention.

    ``start``/``end`` pair with ``text``, ``content`` or ``statement``; ``X_start``/``X_end`` pair
    with ``X_text`` or ``X`` (``speaker_start`` → ``speaker_text``, ``cue_start`` → ``cue``).
    """
    columns = list(frame.columns) if isinstance(frame, pd.DataFrame) else frame
    triples = []
    for column in columns:
        if not column.endswith("start") or column.replace("start", "end") not in columns:
            continue
        prefix = column[: -len("start")]
        names = ("text", "content", "statement") if not prefix else (f"{prefix}text", prefix[:-1])
        text = next((name for name in names if name in columns), None)
        if text is not None:
            triples.append((column, column.replace("start", "end"), text))
    return triples


def span_violations(result: Frames) -> pd.DataFrame:
    """Every span row, in every frame, whose ``text[start:end]`` differs from its span text."""
    texts = dict(zip(result.articles["article_id"], result.articles["text"], strict=True))
    bad = []
    for name, frame in result.items():
        if "article_id" not in frame.columns:
            continue
        for start, end, text in span_columns(frame):
            rows = frame.dropna(subset=[start, end, text])
            for row in rows[["article_id", start, end, text]].itertuples(index=False):
                article_id, s, e, expected = row
                if texts[article_id][s:e] != expected:
                    bad.append(
                        {
                            "frame": name,
                            "column": text,
                            "article_id": article_id,
                            "start": s,
                            "end": e,
                            "expected": expected,
                            "found": texts[article_id][s:e],
                        }
                    )
    return pd.DataFrame(
        bad, columns=["frame", "column", "article_id", "start", "end", "expected", "found"]
    )
