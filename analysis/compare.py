"""How groups of articles differ: outlets, periods, topics, or any column of the articles frame.

Articles are the sampling unit. Every share or mean comes with a 95% percentile interval from a
bootstrap that resamples the *articles* of a group (with replacement, seeded, so reruns agree),
never the sentences or mentions inside them: an outlet whose twelve stories all lead with one
person has twelve observations, not four hundred. A group of a single article therefore has no
interval (``ci_low`` and ``ci_high`` are NaN): one article cannot show how much another would
differ; read its number as a count. The same holds for a mean over sentences that only one
article of the group contains.

Groups come from ``group_by``: the name of any column of the articles frame (``"source"``,
``"publisher"``, ``"topics"``) or a function of the articles frame returning one label per article,
such as :func:`period` (``period("month")``). Articles whose label is missing form the group
``"(none)"``.

Distinctive words and reporting verbs are the weighted log-odds ratio with an informative
Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words" (Political Analysis 16(4)),
eq. 16–22, each group against the rest of the corpus, with z-scores: |z| > 1.96 is a difference
unlikely from word-count noise alone.

Result tables (all long, one row per group and item):

- ``group``: the group label; ``n_articles``: articles in the group;
- ``item`` columns named for what they are (``actor``, ``label``, ``cue_class``, ``word``);
- ``n``: what was counted (mentions, quoted words, label uses, sentences, quotes);
- ``total``: the denominator of a share; ``share``/``mean``: the estimate;
- ``ci_low``, ``ci_high``: its 95% article-bootstrap interval (NaN for a one-article group).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from analysis import corpus, summaries
from analysis.frames import Frames

GroupBy = str | Callable[[pd.DataFrame], "pd.Series | Sequence"]

#: Label of articles whose group value is missing.
NO_GROUP = "(none)"
#: Bootstrap resamples for every interval.
N_BOOT = 1000
#: Names :func:`period` accepts, with their pandas period frequency.
PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: Columns tried, in order, for an article's publication date.
DATE_COLUMNS = ("published", "publication_date", "date")
#: Tone measures of :func:`tone_around`: the column scored and what it is called.
TONE_MEASURES = {
    "vader_compound": "VADER, sentences mentioning the actor",
    "polarity": "TextBlob, sentences mentioning the actor",
    "tone": "tone toward the actor",
}


# --- articles and their groups --------------------------------------------------------------


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


# --- shares and means with article-bootstrap intervals --------------------------------------


def mention_shares(
    frames: Frames,
    group_by: GroupBy,
    *,
    actors: Sequence[str] | None = None,
    top: int = 6,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Who is mentioned: each actor's share of all actor mentions in a group's articles.

    Args:
        frames: frames of a corpus.
        group_by: an articles column or a function of the articles frame (see :func:`groups`).
        actors: the actors to report; when None, the ``top`` most mentioned in the corpus.
        top: how many actors when ``actors`` is None.
        n_boot: bootstrap resamples of the group's articles.
        seed: base seed; each group draws from its own generator seeded from it and its label.

    Returns:
        Columns group, actor, n (mentions), total (all mentions in the group), share, ci_low,
        ci_high, n_articles.
    """
    return _shares(
        frames.mentions, frames.articles, group_by, "actor", None, actors, top, n_boot, seed
    )


def voice_shares(
    frames: Frames,
    group_by: GroupBy,
    *,
    actors: Sequence[str] | None = None,
    top: int = 6,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Who is given voice: each speaker's share of the quoted words in a group's articles.

    Same arguments and columns as :func:`mention_shares`; ``n`` and ``total`` count quoted words
    (:func:`analysis.corpus.count_words` of each quote's content) and ``n_quotes`` their quotes.
    """
    quoted = frames.quotes.assign(
        actor=frames.quotes["speaker"],
        words=frames.quotes["content"].fillna("").map(corpus.count_words),
    )
    table = _shares(quoted, frames.articles, group_by, "actor", "words", actors, top, n_boot, seed)
    quotes_per = with_groups(quoted, frames.articles, group_by).groupby(["group", "actor"]).size()
    n_quotes = pd.MultiIndex.from_frame(table[["group", "actor"]]).map(
        lambda key: int(quotes_per.get(key, 0))
    )
    return table.assign(n_quotes=np.asarray(n_quotes, dtype=int))


def label_shares(
    frames: Frames, group_by: GroupBy, *, top: int = 8, n_boot: int = N_BOOT, seed: int = 0
) -> pd.DataFrame:
    """Competing labels: each label's share of the label uses in a group (``framing_marks`` of
    kind ``label``; ``label`` is the lexicon entry, ``referent`` what it names)."""
    marks = frames.framing_marks[frames.framing_marks["kind"] == "label"]
    marks = marks.assign(label=marks["entry"].str.lower())
    table = _shares(marks, frames.articles, group_by, "label", None, None, top, n_boot, seed)
    referent = marks.drop_duplicates("label").set_index("label")["category"]
    return table.assign(referent=table["label"].map(referent))


def tone_around(
    frames: Frames,
    group_by: GroupBy,
    *,
    actors: Sequence[str] | None = None,
    top: int = 6,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Tone per actor per group: the mean score of the sentences that mention the actor (VADER and
    TextBlob) and, when the mentions carry a ``tone`` column, the mean tone toward the actor.

    Returns:
        Columns group, actor, measure (a value of :data:`TONE_MEASURES`), n (sentences or
        mentions scored), mean, ci_low, ci_high, n_articles.
    """
    mentions = frames.mentions
    chosen = list(actors) if actors is not None else _top(mentions, "actor", None, top)
    about = mentions.loc[mentions["actor"].isin(chosen), ["article_id", "sent_id", "actor"]]
    scored = about.drop_duplicates().merge(
        frames.sentences[["article_id", "sent_id", "vader_compound", "polarity"]],
        on=["article_id", "sent_id"],
    )
    parts = [(scored, column) for column in ("vader_compound", "polarity")]
    if "tone" in mentions.columns:
        parts.append((mentions[mentions["actor"].isin(chosen)], "tone"))
    tables = []
    for rows, column in parts:
        rows = rows.dropna(subset=[column])
        table = _means(rows, frames.articles, group_by, "actor", column, chosen, n_boot, seed)
        tables.append(table.assign(measure=TONE_MEASURES[column]))
    columns = ["group", "actor", "measure", "n", "mean", "ci_low", "ci_high", "n_articles"]
    return pd.concat(tables, ignore_index=True)[columns]


def verb_classes(
    frames: Frames, group_by: GroupBy, *, actors: Sequence[str] | None = None, top: int = 4
) -> pd.DataFrame:
    """How each actor's words are reported, per group: quotes per reporting-verb class.

    Returns:
        Columns group, actor, cue_class (missing → ``unclassed``), n (quotes), share (of the
        actor's quotes in the group), n_articles.
    """
    quoted = frames.quotes.assign(actor=frames.quotes["speaker"])
    chosen = list(actors) if actors is not None else _top(quoted, "actor", None, top)
    quoted = with_groups(quoted[quoted["actor"].isin(chosen)], frames.articles, group_by)
    quoted = quoted.assign(cue_class=quoted["cue_class"].fillna("unclassed").astype(str))
    counts = quoted.groupby(["group", "actor", "cue_class"]).size().rename("n").reset_index()
    counts["actor"] = pd.Categorical(counts["actor"], categories=chosen)
    counts = counts.sort_values(["actor", "group", "cue_class"])
    counts["actor"] = counts["actor"].astype(str)
    counts["share"] = counts["n"] / counts.groupby(["group", "actor"])["n"].transform("sum")
    sizes = groups(frames.articles, group_by).value_counts()
    return counts.assign(n_articles=counts["group"].map(sizes).astype(int))


def with_groups(frame: pd.DataFrame, articles: pd.DataFrame, group_by: GroupBy) -> pd.DataFrame:
    """``frame`` with a ``group`` column: the group of each row's article."""
    labels = groups(articles, group_by)
    return frame.assign(group=frame["article_id"].map(labels).to_numpy())


def _shares(
    rows: pd.DataFrame,
    articles: pd.DataFrame,
    group_by: GroupBy,
    key: str,
    weight: str | None,
    chosen: Sequence[str] | None,
    top: int,
    n_boot: int,
    seed: int,
) -> pd.DataFrame:
    """Share of ``key`` values in each group (numerator: the item's count or weight; denominator:
    every item's), the interval from resampling the group's articles."""
    values = rows[weight].astype(float) if weight else pd.Series(1.0, index=rows.index)
    rows = rows.assign(_value=values.to_numpy())
    chosen = list(chosen) if chosen is not None else _top(rows, key, "_value", top)
    per_article = _per_article(rows, articles, key, "_value", "sum")
    totals = per_article.sum(axis=1)
    per_article = per_article.reindex(columns=chosen, fill_value=0.0)
    denominators = pd.DataFrame(
        np.repeat(totals.to_numpy()[:, None], len(chosen), axis=1), index=per_article.index
    )
    return _ratio_table(per_article, denominators, articles, group_by, key, n_boot, seed).rename(
        columns={"estimate": "share"}
    )


def _means(
    rows: pd.DataFrame,
    articles: pd.DataFrame,
    group_by: GroupBy,
    key: str,
    column: str,
    chosen: Sequence[str],
    n_boot: int,
    seed: int,
) -> pd.DataFrame:
    """Mean of ``column`` per ``key`` value in each group, pooled over the group's rows, the
    interval from resampling the group's articles."""
    rows = rows.assign(_value=rows[column].astype(float).to_numpy())
    sums = _per_article(rows, articles, key, "_value", "sum").reindex(
        columns=chosen, fill_value=0.0
    )
    counts = _per_article(rows, articles, key, "_value", "count").reindex(
        columns=chosen, fill_value=0.0
    )
    table = _ratio_table(sums, counts, articles, group_by, key, n_boot, seed)
    return table.drop(columns="n").rename(columns={"estimate": "mean", "total": "n"})


def _per_article(
    rows: pd.DataFrame, articles: pd.DataFrame, key: str, value: str, how: str
) -> pd.DataFrame:
    """Articles (every article, in corpus order) × ``key`` values: the sum or count of ``value``."""
    table = (
        rows.assign(**{key: rows[key].astype(object)})
        .groupby(["article_id", key], observed=True)[value]
        .agg(how)
        .astype(float)
        .unstack(fill_value=0.0)
    )
    table.index = table.index.astype(object)
    return table.reindex(list(articles["article_id"]), fill_value=0.0).fillna(0.0).astype(float)


def _ratio_table(
    numerators: pd.DataFrame,
    denominators: pd.DataFrame,
    articles: pd.DataFrame,
    group_by: GroupBy,
    key: str,
    n_boot: int,
    seed: int,
) -> pd.DataFrame:
    """Per group and column: sum(numerators) / sum(denominators) over the group's articles, with
    the 95% percentile interval of that ratio over ``n_boot`` resamples of the articles."""
    labels = groups(articles, group_by)
    records = []
    for group, ids in labels.groupby(labels, sort=True).groups.items():
        positions = np.flatnonzero(articles["article_id"].isin(ids).to_numpy())
        top = numerators.to_numpy()[positions]
        bottom = denominators.to_numpy()[positions]
        n, total = top.sum(axis=0), bottom.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            estimate = np.where(total > 0, n / np.where(total > 0, total, 1), np.nan)
        low, high = bootstrap_ratio(top, bottom, n_boot=n_boot, key=(seed, group))
        for i, item in enumerate(numerators.columns):
            records.append(
                {
                    "group": group,
                    key: item,
                    "n": n[i],
                    "total": total[i],
                    "estimate": estimate[i],
                    "ci_low": low[i],
                    "ci_high": high[i],
                    "n_articles": len(positions),
                }
            )
    return pd.DataFrame.from_records(
        records, columns=["group", key, "n", "total", "estimate", "ci_low", "ci_high", "n_articles"]
    )


def bootstrap_ratio(
    numerators: np.ndarray, denominators: np.ndarray, *, n_boot: int = N_BOOT, key: tuple = (0,)
) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile interval of sum(numerators) / sum(denominators) over articles resampled
    with replacement — the article is the unit.

    Args:
        numerators: articles × items.
        denominators: articles × items (same shape).
        n_boot: resamples.
        key: (seed, *names) seeding the generator, so the interval does not depend on row order
            of other groups or on the run.

    Returns:
        (low, high), one value per item; NaN where fewer than two articles have a nonzero
        denominator (one article cannot show how another would differ).
    """
    n_articles, n_items = numerators.shape
    if n_articles < 2:
        return np.full(n_items, np.nan), np.full(n_items, np.nan)
    informative = (denominators > 0).sum(axis=0) >= 2
    seed, *names = key
    rng = np.random.default_rng([seed, zlib.crc32("\x00".join(map(str, names)).encode())])
    weights = rng.multinomial(n_articles, np.full(n_articles, 1 / n_articles), size=n_boot)
    top, bottom = weights @ numerators, weights @ denominators
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), np.nan)
    empty = np.isnan(ratios).all(axis=0) | ~informative
    ratios[:, empty] = 0.0
    low, high = np.nanpercentile(ratios, [2.5, 97.5], axis=0)
    low[empty] = high[empty] = np.nan
    return low, high


def _top(rows: pd.DataFrame, key: str, value: str | None, top: int) -> list[str]:
    """The ``top`` most frequent (or heaviest) values of ``key`` in ``rows``."""
    present = rows.dropna(subset=[key])
    if value is None:
        return [str(v) for v in present[key].value_counts().index[:top]]
    return [str(v) for v in present.groupby(key)[value].sum().nlargest(top).index]


# --- distinctive words: weighted log-odds with an informative Dirichlet prior ------------------


def log_odds(counts: pd.Series, other: pd.Series, prior: pd.Series | None = None) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008, eq. 16–22).

    For each word w with count y_w in ``counts`` (total n), y'_w in ``other`` (total n') and prior
    α_w (total α_0)::

        δ_w = log((y_w + α_w) / (n + α_0 − y_w − α_w)) − log((y'_w + α_w) / (n' + α_0 − y'_w − α_w))
        σ²_w ≈ 1 / (y_w + α_w) + 1 / (y'_w + α_w),      z_w = δ_w / σ_w

    Args:
        counts: word → count in the group.
        other: word → count in what it is compared with (the rest of the corpus).
        prior: word → α_w; by default the counts of both together (the corpus as background).

    Returns:
        One row per word: n, n_other, log_odds (δ), z; highest z first.
    """
    vocabulary = counts.index.union(other.index)
    y = counts.reindex(vocabulary, fill_value=0).astype(float)
    y_other = other.reindex(vocabulary, fill_value=0).astype(float)
    alpha = (
        (y + y_other) if prior is None else prior.reindex(vocabulary, fill_value=0).astype(float)
    )
    if (alpha <= 0).any():
        raise ValueError("every word needs a positive prior count α_w")
    alpha0, n, n_other = alpha.sum(), y.sum(), y_other.sum()
    delta = np.log((y + alpha) / (n + alpha0 - y - alpha)) - np.log(
        (y_other + alpha) / (n_other + alpha0 - y_other - alpha)
    )
    z = delta / np.sqrt(1 / (y + alpha) + 1 / (y_other + alpha))
    table = pd.DataFrame({"n": y.astype(int), "n_other": y_other.astype(int), "log_odds": delta})
    return table.assign(z=z).sort_values("z", ascending=False)


def distinctive(
    frames: Frames, group_by: GroupBy, *, what: str = "words", top: int = 10, min_count: int = 3
) -> pd.DataFrame:
    """Words (or reporting verbs) that set each group apart from the rest of the corpus.

    Args:
        frames: frames of a corpus.
        group_by: see :func:`groups`.
        what: ``words`` — the articles' words (lower-cased :data:`analysis.corpus.WORD` runs,
            spaCy's English stop words and numbers left out); ``verbs`` — the lemmas of the
            reporting verbs of the quotes.
        top: words per group, highest z first.
        min_count: words used fewer times in the whole corpus are left out.

    Returns:
        Columns group, word, n (uses in the group), n_other (in the other groups), log_odds, z,
        n_articles.
    """
    counts = _word_counts(frames, group_by, what)
    totals = counts.groupby("word")["n"].sum()
    keep = totals[totals >= min_count].index
    counts = counts[counts["word"].isin(keep)]
    sizes = groups(frames.articles, group_by).value_counts()
    tables = []
    for group, own in counts.groupby("group"):
        mine = own.set_index("word")["n"]
        rest = totals.reindex(keep).sub(mine.reindex(keep, fill_value=0))
        table = log_odds(mine, rest[rest > 0]).head(top)
        tables.append(table.reset_index(names="word").assign(group=group))
    columns = ["group", "word", "n", "n_other", "log_odds", "z", "n_articles"]
    if not tables:
        return pd.DataFrame(columns=columns)
    table = pd.concat(tables, ignore_index=True)
    return table.assign(n_articles=table["group"].map(sizes).astype(int))[columns]


def _word_counts(frames: Frames, group_by: GroupBy, what: str) -> pd.DataFrame:
    """Long counts: group, word, n."""
    labels = groups(frames.articles, group_by)
    if what == "verbs":
        cues = frames.quotes.dropna(subset=["cue_lemma"])
        words = pd.DataFrame(
            {
                "group": cues["article_id"].map(labels).to_numpy(),
                "word": cues["cue_lemma"].str.lower().to_numpy(),
            }
        )
        return words.value_counts().rename("n").reset_index()
    if what != "words":
        raise ValueError(f"what={what!r}: choose 'words' or 'verbs'")
    counted: dict[str, Counter] = {}
    for article_id, text in zip(
        frames.articles["article_id"], frames.articles["text"], strict=True
    ):
        tokens = (m.group().lower() for m in corpus.WORD.finditer(text))
        counted.setdefault(labels[article_id], Counter()).update(
            t for t in tokens if t not in STOP_WORDS and not t.isdigit() and len(t) > 1
        )
    rows = [(g, w, n) for g, words in counted.items() for w, n in words.items()]
    return pd.DataFrame(rows, columns=["group", "word", "n"])


# --- over time ---------------------------------------------------------------------------------


def over_time(
    frames: Frames,
    *,
    actors: Sequence[str] | None = None,
    unit: str = "month",
    top: int = 3,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Mentions share, voice share and tone (VADER, sentences mentioning the actor) per period.

    Returns:
        Columns period (label), period_start (datetime), actor, measure (``mentions``,
        ``voice``, or a tone measure), value, ci_low, ci_high, n_articles (dated articles in
        the period). Undated articles are left out.
    """
    chosen = list(actors) if actors is not None else _top(frames.mentions, "actor", None, top)
    by = period(unit)
    parts = [
        mention_shares(frames, by, actors=chosen, n_boot=n_boot, seed=seed).assign(
            measure="mentions"
        ),
        voice_shares(frames, by, actors=chosen, n_boot=n_boot, seed=seed).assign(measure="voice"),
    ]
    tone = tone_around(frames, by, actors=chosen, n_boot=n_boot, seed=seed)
    parts.append(tone[tone["measure"] != TONE_MEASURES["polarity"]])
    table = pd.concat(
        [p.rename(columns={"share": "value", "mean": "value"}) for p in parts], ignore_index=True
    )
    table = table[table["group"] != NO_GROUP].rename(columns={"group": "period"})
    table["period_start"] = pd.to_datetime(table["period"])
    columns = ["period", "period_start", "actor", "measure", "value", "ci_low", "ci_high"]
    return table[[*columns, "n_articles"]].sort_values(["measure", "actor", "period_start"])


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
