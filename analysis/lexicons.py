"""Which words the layers look up: the commented CSV tables of ``data/``, read one way.

Every table a researcher edits — the actor table ``data/actors.csv`` and each lexicon of
``data/lexicons/`` — has the same shape: ``#`` comment lines explaining it, a header, then one
row per entry. :func:`read_rows` reads any of them and says which file and line is wrong
(:class:`LexiconError`); :func:`lexicon` reads a lexicon once per run; :func:`phrase_spans`
finds a lexicon's phrases in a parsed article with a matcher compiled once per vocabulary.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from analysis import config


class LexiconError(ValueError):
    """A table of ``data/`` cannot be read; the message names the file and the line."""


def read_rows(path: Path | str, columns: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a commented CSV table, each with its line number in the file.

    Args:
        path: the CSV file; ``#`` comment lines may precede the header.
        columns: the columns the caller reads (others are kept too).

    Returns:
        ``(line number, row)`` per data row, every cell stripped of surrounding spaces.

    Raises:
        LexiconError: the file is missing, has no header, its header lacks a column, or a row
            has another number of fields than the header (file and line named).
    """
    path, columns = Path(path), list(columns)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LexiconError(f"{path}: cannot be read ({error.strerror})") from error
    first = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    if first == len(lines):
        raise LexiconError(f"{path}: no header line after the comments; expected {columns}")
    reader = csv.DictReader(lines[first:])
    missing = [col for col in columns if col not in (reader.fieldnames or [])]
    if missing:
        raise LexiconError(
            f"{path}, line {first + 1}: header lacks columns {missing}; expected {columns}"
        )
    rows = []
    for line, row in enumerate(reader, start=first + 2):
        if None in row or None in row.values():
            raise LexiconError(
                f"{path}, line {line}: expected {len(reader.fieldnames or [])} fields, "
                f"found another number; quote fields that contain commas"
            )
        rows.append((line, {key: value.strip() for key, value in row.items()}))
    return rows


@cache
def lexicon(name: str, *columns: str) -> tuple[dict[str, str], ...]:
    """The rows of a lexicon of ``data/lexicons/``, read once per run.

    Args:
        name: the file name (e.g. ``"hedges.csv"``).
        *columns: the columns the caller reads.

    Returns:
        One dict per row (cached: treat as read-only).

    Raises:
        LexiconError: as :func:`read_rows`.
    """
    return tuple(row for _line, row in read_rows(config.LEXICONS_DIR / name, columns))


@cache
def words(name: str, column: str) -> frozenset[str]:
    """One column of a lexicon of ``data/lexicons/`` as a set of words, built once per run
    (e.g. ``words("source_nouns.csv", "lemma")``).

    Raises:
        LexiconError: as :func:`read_rows`.
    """
    return frozenset(row[column] for row in lexicon(name, column))


def phrase_spans(doc: Doc, patterns: Iterable[str]) -> list[Span]:
    """Longest non-overlapping case-insensitive matches of ``patterns`` in ``doc``, in text
    order; ``span.label_`` is the pattern."""
    matcher = _phrase_matcher(doc.vocab, tuple(patterns))
    spans = [Span(doc, start, end, label=key) for key, start, end in matcher(doc)]
    return sorted(filter_spans(spans), key=lambda span: span.start)


@cache
def _phrase_matcher(vocab: Vocab, patterns: tuple[str, ...]) -> PhraseMatcher:
    from analysis import nlp  # the model imports this module (its gazetteer is a lexicon)

    tokenizer = nlp.load_model().tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for pattern in patterns:
        matcher.add(pattern, [tokenizer(pattern)])
    return matcher
