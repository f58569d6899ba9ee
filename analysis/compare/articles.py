"""Which group each article is in: a column, a period, a first topic; group sizes; one article.

``group_by`` everywhere in :mod:`analysis.compare` is what :func:`groups` reads: the name of a
column of the articles frame, or a function of the articles frame returning one label per article
(:func:`period`, :func:`first_listed`). Articles whose label is missing form :data:`NO_GROUP`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from analysis import summaries
from analysis.frames import Frames

GroupBy = str | Callable[[pd.DataFrame], "pd.Series | Sequence"]

#: Label of articles whose group value is missing.
NO_GROUP = "(none)"
#: Names :func:`period` accepts, with their pandas period frequency.
PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: Columns tried, in order, for an article's publication date.
DATE_COLUMNS = ("published", "publication_date", "date")


def with_articles(
    frame: pd.DataFrame, articles: pd.DataFrame, columns: Iterable[str]
) -> pd.DataFrame:
    """``frame`` with article columns joined on ``article_id`` (e.g. ``["source", "published"]``).

    Raises:
        KeyError: a column is not in the articles frame (the message lists those that are).
    """
    columns = [c for c in columns if c != "article_id"]
    _require(articles, columns)
    return frame.merge(articles[["article_id", *columns]], on="article_id", how="left")


def dates(articles: pd.DataFrame, column: str | None = None) -> pd.Series:
    """Publication dates as naive UTC datetimes, one per article (NaT where none can be read).

    Args:
        articles: the articles frame.
        column: the date column; when None, the first of :data:`DATE_COLUMNS` holding any date.
    """
    candidates = [column] if column else [c for c in DATE_COLUMNS if c in articles.columns]
    if column:
        _require(articles, [column])
    parsed = pd.Series(pd.NaT, index=articles.index, dtype="datetime64[ns]")
    for name in candidates:
        values = articles[name]
        if not pd.api.types.is_datetime64_any_dtype(values):
            values = values.astype(object).where(values.notna(), None)
        values = pd.to_datetime(values, errors="coerce", utc=True, format="mixed")
        parsed = values.dt.tz_localize(None).astype("datetime64[ns]")
        if parsed.notna().any():
            break
    return parsed


def period(
    unit: str = "month", *, column: str | None = None
) -> Callable[[pd.DataFrame], pd.Series]:
    """A ``group_by`` function: each article's publication period, labelled by its first day.

    Args:
        unit: day, week (starting Monday), month, quarter or year.
        column: the date column (see :func:`dates`).

    Returns:
        A function of the articles frame giving ``"2016-09"`` (month), ``"2016-09-05"`` (week,
        its Monday) and so on; undated articles get NA.
    """
    if unit not in PERIODS:
        raise ValueError(f"period unit {unit!r} is not one of {', '.join(PERIODS)}")

    def label(articles: pd.DataFrame) -> pd.Series:
        start = period_start(dates(articles, column), unit)
        fmt = {"month": "%Y-%m", "quarter": "%Y-%m", "year": "%Y"}.get(unit, "%Y-%m-%d")
        return start.dt.strftime(fmt).where(start.notna(), None)

    label.__name__ = unit
    return label


def readable_unit(articles: pd.DataFrame, unit: str, *, most: int = 26) -> tuple[str, str]:
    """``unit``, or the first longer one of :data:`PERIODS` that cuts the dated articles into at
    most ``most`` periods (two years of weeks are a hundred points nobody can read), with a
    sentence saying so.

    Returns:
        (the unit to use, a note: empty when ``unit`` is kept).
    """
    if unit not in PERIODS:
        raise ValueError(f"period unit {unit!r} is not one of {', '.join(PERIODS)}")
    when = dates(articles).dropna()
    units = list(PERIODS)
    chosen = unit
    for chosen in units[units.index(unit) :]:
        if period_start(when, chosen).nunique() <= most:
            break
    if chosen == unit:
        return unit, ""
    wanted = period_start(when, unit).nunique()
    return chosen, (
        f"The dated articles fall in {wanted} different {unit}s, too many to read on one axis; "
        f"they are drawn by {chosen} instead."
    )


def period_start(when: pd.Series, unit: str) -> pd.Series:
    """The first day of the period (:data:`PERIODS`) each datetime falls in."""
    return when.dt.to_period(PERIODS[unit]).dt.start_time


def groups(articles: pd.DataFrame, group_by: GroupBy) -> pd.Series:
    """The group label of every article, indexed by ``article_id`` (missing → :data:`NO_GROUP`).

    Raises:
        KeyError: ``group_by`` names no column of the articles frame.
        ValueError: a function returned a different number of labels than there are articles.
    """
    if callable(group_by):
        values = group_by(articles)
        if len(values) != len(articles):
            raise ValueError(
                f"group_by function {getattr(group_by, '__name__', group_by)!r} returned "
                f"{len(values)} labels for {len(articles)} articles; return one per article"
            )
    else:
        _require(articles, [group_by])
        values = articles[group_by]
    labels = pd.Series(list(values), index=pd.Index(articles["article_id"], name="article_id"))
    labels = labels.map(lambda v: NO_GROUP if _missing(v) else _label(v))
    return labels.rename("group")


def with_groups(frame: pd.DataFrame, articles: pd.DataFrame, group_by: GroupBy) -> pd.DataFrame:
    """``frame`` with a ``group`` column: the group of each row's article."""
    labels = groups(articles, group_by)
    return frame.assign(group=frame["article_id"].map(labels).to_numpy())


def grouping(
    articles: pd.DataFrame, wanted: GroupBy, *, fallback: str = "source"
) -> tuple[GroupBy, str]:
    """``wanted`` when the articles have it, else ``fallback``, with a sentence saying so.

    A notebook run on another corpus (``--input``) keeps working: a table without a
    ``publisher`` column is grouped by its ``source`` instead, and the report says it. When the
    source is one outlet for every article (a folder of Wikinews stories), articles with
    ``topics`` are grouped by their first listed topic (:func:`first_listed`), so there is
    something to compare.

    Returns:
        (the group_by to use, a note: empty when ``wanted`` is used).
    """
    if callable(wanted) or wanted in articles.columns:
        return wanted, ""
    _require(articles, [fallback])
    missing = f"The articles have no {wanted!r} column, so they are grouped by"
    if groups(articles, fallback).nunique() < 2 and "topics" in articles.columns:
        by = first_listed("topics")
        if groups(articles, by).nunique() >= 2:
            return by, f"{missing} their first listed topic ({fallback!r} is one group)."
    return fallback, f"{missing} {fallback!r} instead."


def first_listed(column: str, *, separator: str = "|") -> Callable[[pd.DataFrame], pd.Series]:
    """A ``group_by`` function: the first item of a list column (``"asia | conflict"`` →
    ``"asia"``), for articles that carry several topics or tags."""

    def label(articles: pd.DataFrame) -> pd.Series:
        def first(value: object) -> object:
            if _missing(value):
                return None
            items = (
                value
                if isinstance(value, (list, tuple, np.ndarray))
                else str(value).split(separator)
            )
            return str(items[0]).strip() or None

        return articles[column].map(first)

    label.__name__ = f"first {column}"
    return label


def group_sizes(articles: pd.DataFrame, group_by: GroupBy) -> pd.DataFrame:
    """Per group: articles, words, first and last publication date — the table that names groups."""
    labels = groups(articles, group_by)
    table = pd.DataFrame(
        {
            "group": labels.to_numpy(),
            "n_words": articles["n_words"].astype("float").to_numpy(),
            "published": dates(articles).to_numpy(),
        }
    )
    out = table.groupby("group").agg(
        n_articles=("group", "size"),
        n_words=("n_words", "sum"),
        first=("published", "min"),
        last=("published", "max"),
    )
    return out.astype({"n_words": "int64"}).reset_index()


def one_article(frames: Frames, article: str | int | None = None) -> Frames:
    """The frames of one article of a corpus, for the charts that read a single text (the
    corpus-wide summaries, ``voice_portrayal`` and ``agency_summary``, recomputed for it).

    Args:
        frames: frames of one or many articles.
        article: an ``article_id``, a position (0 = the first article), or None for the first.

    Raises:
        KeyError: no article has that id (the message lists a few that exist).
    """
    ids = list(frames.articles["article_id"])
    if article is None or isinstance(article, int):
        chosen = ids[article or 0]
    elif article in ids:
        chosen = article
    else:
        raise KeyError(f"article {article!r} is not in the corpus; ids include {ids[:5]}")
    parts = {}
    for name in Frames.__dataclass_fields__:
        frame = getattr(frames, name)
        if "article_id" in frame.columns:
            frame = frame[frame["article_id"] == chosen].reset_index(drop=True)
        parts[name] = frame
    parts["voice_portrayal"] = summaries.voice_and_portrayal(
        parts["sentences"], parts["quotes"], parts["mentions"]
    )
    parts["agency_summary"] = summaries.agency_summary(parts["agency"])
    return Frames(**parts)


# --- helpers ---------------------------------------------------------------------------------


def _require(articles: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise KeyError(
            f"the articles frame has no column {', '.join(map(repr, missing))}; its columns are "
            f"{', '.join(articles.columns)}. Pass one of them, or a function of the articles "
            "frame such as compare.period('month')."
        )


def _missing(value: object) -> bool:
    if isinstance(value, (list, tuple, np.ndarray)):
        return len(value) == 0
    return value is None or bool(pd.isna(value))


def _label(value: object) -> str:
    if isinstance(value, (list, tuple, np.ndarray)):
        return ", ".join(map(str, value))
    return str(value)
