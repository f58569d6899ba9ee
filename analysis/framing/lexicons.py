"""Which words signal framing: the CSV lexicons of ``data/lexicons/`` and matchers over them.

Every table is read once (:func:`read_lexicon`, cached) and its rows checked for the columns the
caller needs (:func:`lexicon_rows`); :func:`stance_markers` selects the rows of
``stance_markers.csv`` with one role (verb, noun, contrast, cue_class, modal, habitual_adverb);
:func:`phrase_spans` finds a list of phrases in a parsed article, longest match first.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache

import pandas as pd
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analysis import config, nlp

STANCE_MARKERS = "stance_markers.csv"
HEDGES = "hedges.csv"
COMPETING_LABELS = "competing_labels.csv"
POSSESSION_VERBS = "possession_verbs.csv"
LIGHT_VERBS = "light_verbs.csv"


@cache
def read_lexicon(name: str) -> pd.DataFrame:
    """A lexicon from ``data/lexicons/``: leading ``#`` comment lines, then a CSV header.

    Args:
        name: file name inside ``data/lexicons/`` (e.g. ``"hedges.csv"``).

    Returns:
        The rows as strings, empty cells as ``""``. Treat the frame as read-only (it is cached).

    Raises:
        ValueError: the file has no header after its comments.
    """
    path = config.LEXICONS_DIR / name
    with open(path, encoding="utf-8", newline="") as handle:
        lines = list(handle)
    first = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    body = lines[first:]
    if not body:
        raise ValueError(f"{path}: no header line after the comments; add one (see the comments).")
    header = next(csv.reader(body[:1]))
    return pd.DataFrame(list(csv.DictReader(body)), columns=header).fillna("")


@cache
def lexicon_rows(name: str, *columns: str) -> list[dict[str, str]]:
    """The rows of a lexicon, reduced to ``columns`` with their cells stripped.

    Args:
        name: file name inside ``data/lexicons/``.
        *columns: the columns the caller reads.

    Returns:
        One dict per row (cached: treat as read-only).

    Raises:
        ValueError: a column is missing from the file's header (the message names the file).
    """
    lexicon = read_lexicon(name)
    missing = [col for col in columns if col not in lexicon.columns]
    if missing:
        path = config.LEXICONS_DIR / name
        raise ValueError(f"{path}: missing column(s) {missing}; the header must name {columns}.")
    return [{col: row[col].strip() for col in columns} for _, row in lexicon.iterrows()]


def stance_markers(role: str) -> list[dict[str, str]]:
    """The rows of ``stance_markers.csv`` whose ``role`` is ``role`` (pattern, stance, when)."""
    rows = lexicon_rows(STANCE_MARKERS, "pattern", "role", "stance", "when")
    return [row for row in rows if row["role"] == role]


def verb_markers() -> dict[str, dict[str, str]]:
    """The stance verbs of ``stance_markers.csv``, by lemma."""
    return {row["pattern"]: row for row in stance_markers("verb")}


def _phrase_matcher(doc: Doc, patterns: Iterable[str]) -> PhraseMatcher:
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    tokenizer = nlp.load_model().tokenizer
    for pattern in patterns:
        matcher.add(pattern, [tokenizer(pattern)])
    return matcher


def phrase_spans(doc: Doc, patterns: Iterable[str]) -> list[Span]:
    """Longest non-overlapping case-insensitive matches of ``patterns`` in ``doc``, in text
    order; ``span.label_`` is the pattern."""
    matcher = _phrase_matcher(doc, patterns)
    spans = [Span(doc, start, end, label=key) for key, start, end in matcher(doc)]
    return sorted(filter_spans(spans), key=lambda span: span.start)
