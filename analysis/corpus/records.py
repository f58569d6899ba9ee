"""What one article becomes: its text normalised, its metadata converted, its words counted.

Every reader (:mod:`~analysis.corpus.files`, :mod:`~analysis.corpus.tables`) hands its text and raw
metadata to :func:`build_article`, which yields the schema record (``frames.SCHEMAS["articles"]``)
and the extra columns, or a :class:`Failure` when a value holds a lone surrogate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from analysis import frames

METADATA_KEYS = ("title", "source", "published", "url", "topics")
_PLAIN_KEYS = ("title", "source", "url")  # kept as given; published and topics are converted
#: How ``topics`` given as a list are joined into one string (split with ``.str.split(" | ")``).
TOPIC_SEPARATOR = " | "

#: A word: letters/digits, with apostrophes and hyphens kept inside (``don't``, ``Russian-held``).
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_LONE_CR = re.compile(r"\r(?!\n)")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Failure:
    """An input (``path``, or ``path#row n``) that could not be read, and why (``error``)."""

    path: str
    error: str


@dataclass
class ArticleRecord:
    """One article read: its schema ``record`` and its ``extra`` metadata columns."""

    record: dict
    extra: dict[str, str | None] = field(default_factory=dict)


def count_words(text: str) -> int:
    """Number of :data:`WORD` matches in ``text`` (the ``n_words`` column)."""
    return sum(1 for _ in WORD.finditer(text))


def normalise_newlines(text: str) -> str:
    """``text`` with each lone carriage return (not followed by ``\n``) made ``\n``."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def build_article(
    article_id: str, fields: dict, extra: dict, text: str, path: str
) -> ArticleRecord | Failure:
    """The article's schema record and extra columns from raw metadata ``fields`` (keyed by
    :data:`METADATA_KEYS`) and ``extra`` values; a failure when any of it holds a surrogate."""
    published, published_text = _as_datetime(fields["published"])
    record = {
        "article_id": article_id,
        **{key: None if nested(fields[key]) else as_text(fields[key]) for key in _PLAIN_KEYS},
        "published": published,
        "published_text": published_text,
        "topics": _as_topics(fields["topics"]),
        "path": path,
        "text": text,
        "n_words": count_words(text),
    }
    schema = frames.SCHEMAS["articles"]
    columns = {(f"{key}_extra" if key in schema else key): as_text(v) for key, v in extra.items()}
    for name, value in {**record, **columns}.items():
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:
            return Failure(path, _surrogate_message(name, value, found.start()))
    return ArticleRecord(record, columns)


def _surrogate_message(name: str, value: str, index: int) -> str:
    return (
        f"the {name!r} value holds a lone surrogate U+{ord(value[index]):04X} at character "
        f'{index} (an escape such as "\\ud800" that is half of a UTF-16 pair, not a '
        "character); write the character itself or fix the escape, then reload."
    )


def nested(value: object) -> bool:
    """Whether a metadata value is a list, mapping or array rather than one scalar."""
    return pd.api.types.is_list_like(value)


def as_text(value: object) -> str | None:
    """A metadata value as a string; ``None`` when missing or empty; dates in ISO 8601."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        value = value.date()
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text.strip() or None


def _as_topics(value: object) -> str | None:
    """Topics or tags as one string, list items joined by :data:`TOPIC_SEPARATOR`."""
    if nested(value) and not isinstance(value, dict):
        parts = [as_text(item) for item in value if not nested(item)]
        return TOPIC_SEPARATOR.join(part for part in parts if part) or None
    return None if nested(value) else as_text(value)


def _as_datetime(value: object) -> tuple[pd.Timestamp, str | None]:
    """``(datetime, the date as given)``: UTC without a zone (a date with an offset is
    converted; one without is taken as UTC); ``NaT`` when it cannot be read or names no
    four-digit year (nothing is guessed from "Tuesday" or "12/03")."""
    text = None if nested(value) else as_text(value)
    if text is None:
        return pd.NaT, None
    if isinstance(value, (date, pd.Timestamp)):
        stamp = pd.Timestamp(value)
    elif not _YEAR.search(text):
        return pd.NaT, text
    else:
        try:
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError, OverflowError):
            return pd.NaT, text
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp, text


def one_line(error: Exception) -> str:
    """An exception's message on one line, for an ``errors`` row."""
    return " ".join(str(error).split())
