"""How much of a group's attention each actor, speaker, label or verb class gets, and how sure.

Shares and means are pooled over a group's articles; their 95% intervals come from
:func:`bootstrap_ratio`, which resamples the group's *articles* (seeded per group, so reruns
agree): the article is the unit, and a one-article group has no interval.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis import corpus
from analysis.compare.articles import GroupBy, groups, with_groups
from analysis.frames import Frames

#: Bootstrap resamples for every interval.
N_BOOT = 1000
#: Tone measures of :func:`tone_around`: the column scored and what it is called.
TONE_MEASURES = {
    "vader_compound": "VADER, sentences mentioning the actor",
    "polarity": "TextBlob, sentences mentioning the actor",
    "tone": "tone toward the actor",
}


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
    chosen = list(actors) if actors is not None else most_frequent(mentions, "actor", None, top)
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
    chosen = list(actors) if actors is not None else most_frequent(quoted, "actor", None, top)
    quoted = with_groups(quoted[quoted["actor"].isin(chosen)], frames.articles, group_by)
    quoted = quoted.assign(cue_class=quoted["cue_class"].fillna("unclassed").astype(str))
    counts = quoted.groupby(["group", "actor", "cue_class"]).size().rename("n").reset_index()
    counts["actor"] = pd.Categorical(counts["actor"], categories=chosen)
    counts = counts.sort_values(["actor", "group", "cue_class"])
    counts["actor"] = counts["actor"].astype(str)
    counts["share"] = counts["n"] / counts.groupby(["group", "actor"])["n"].transform("sum")
    sizes = groups(frames.articles, group_by).value_counts()
    return counts.assign(n_articles=counts["group"].map(sizes).astype(int))


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
    chosen = list(chosen) if chosen is not None else most_frequent(rows, key, "_value", top)
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


def most_frequent(rows: pd.DataFrame, key: str, value: str | None, top: int) -> list[str]:
    """The ``top`` most frequent (or heaviest) values of ``key`` in ``rows``."""
    present = rows.dropna(subset=[key])
    if value is None:
        return [str(v) for v in present[key].value_counts().index[:top]]
    return [str(v) for v in present.groupby(key)[value].sum().nlargest(top).index]
