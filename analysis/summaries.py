"""What the corpus shows, per actor: summaries that only ever read frames.

Nothing here parses text or sees an article's ``Doc``; each function reads the per-article frames
(``mentions``, ``quotes``, ``sentences``, ``agency``) of one article or many and returns a
corpus-level frame documented in :data:`analysis.frames.SCHEMAS`:

- :func:`summarize_actors` — the ``actors`` frame: each actor's type, side, role, mentions,
  aliases and quotes, per article or across the corpus;
- :func:`voice_and_portrayal` — the ``voice_portrayal`` frame: the tone of what each actor says
  against the tone of the sentences about them in which they do not speak (and the tone toward
  them), with bootstrap intervals;
- :func:`agency_summary` — the ``agency_summary`` frame: how often each actor is agent and
  patient.

:func:`analysis.pipeline.summarize` computes all three after every article has been analysed.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from analysis import corpus, frames
from analysis.actors import load_actor_table
from analysis.framing.cast import most_common_side


def summarize_actors(
    mentions: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    by_article: bool = True,
    table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per actor per article (or per actor across the corpus): the ``actors`` frame.

    Args:
        mentions: a ``mentions`` frame from :func:`analysis.actors.find_mentions` (one or many
            articles).
        quotes: a ``quotes`` frame whose ``speaker`` holds canonical actor names; fills
            ``n_quotes`` and ``n_quoted_words`` (0 when omitted or when an actor is never quoted).
        by_article: one row per actor per article; when False, one row per actor for the corpus,
            with ``article_id`` <NA>.
        table: the actor table, for roles the text does not give; ``data/actors.csv`` when omitted.

    Returns:
        The ``actors`` frame, most-mentioned first.
    """
    if mentions.empty:
        return frames.empty("actors")
    table = load_actor_table() if table is None else table
    table_roles = dict(zip(table["actor"], table["role"], strict=True))
    keys = ["article_id", "actor"] if by_article else ["actor"]
    ordered = mentions.dropna(subset=["actor"]).sort_values(["article_id", "mention_id"])
    grouped = ordered.groupby(keys, sort=False)
    role = pd.Series(pd.NA, index=grouped.size().index, dtype=object)
    for how in ("title", "role"):  # a role found in the text wins over a title
        described = ordered[ordered["how"] == how].dropna(subset=["description"])
        found = described.groupby(keys, sort=False)["description"].first()
        role = found.astype(object).combine_first(role)
    actors = grouped.agg(
        actor_type=("actor_type", "first"),
        n_mentions=("actor", "size"),
        first_sentence=("sent_id", "min"),
    )
    actors.insert(1, "side", _sides(ordered, by_article).reindex(actors.index))
    actors["role"] = role.reindex(actors.index)
    spelled = ordered["text"].str.replace("’", "'", regex=False)  # one apostrophe per alias
    actors["aliases"] = spelled.groupby([ordered[key] for key in keys], sort=False).agg(
        lambda texts: " | ".join(dict.fromkeys(texts))
    )
    actors = actors.reset_index()
    if not by_article:
        actors.insert(0, "article_id", pd.NA)
    missing = actors["role"].isna()
    actors.loc[missing, "role"] = actors.loc[missing, "actor"].map(table_roles)
    counts = _quote_counts(quotes)
    if not by_article:
        counts = counts.groupby("actor", as_index=False)[["n_quotes", "n_quoted_words"]].sum()
    actors = actors.merge(counts, on=keys, how="left").fillna({"n_quotes": 0, "n_quoted_words": 0})
    actors = actors.sort_values(
        ["article_id", "n_mentions", "actor"], ascending=[True, False, True]
    )
    return frames.conform("actors", actors)


def _sides(mentions: pd.DataFrame, by_article: bool) -> pd.Series:
    """Each actor's side, by the one rule (:func:`~analysis.framing.cast.most_common_side`), in
    each article or across the corpus."""
    if not by_article:
        return most_common_side(mentions)
    by = mentions.groupby("article_id", sort=False)
    parts = {article_id: most_common_side(part) for article_id, part in by}
    return pd.concat(parts, names=["article_id"]) if parts else pd.Series(dtype="string")


def _quote_counts(quotes: pd.DataFrame | None) -> pd.DataFrame:
    columns = ["article_id", "actor", "n_quotes", "n_quoted_words"]
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=columns)
    counted = quotes.assign(
        actor=quotes["speaker"],
        words=quotes["content"].fillna("").map(corpus.count_words),
    )
    grouped = counted.groupby(["article_id", "actor"], dropna=True)
    return grouped.agg(n_quotes=("words", "size"), n_quoted_words=("words", "sum")).reset_index()


_ANALYSERS = {"textblob": "polarity", "vader": "vader_compound"}


def voice_and_portrayal(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Per actor: the tone of what they say against the tone of what is said around them.

    *Voice* is the polarity of the actor's quotes; *portrayal* is the polarity of the sentences
    that mention the actor and in which the actor does not speak (no quote of theirs covers the
    sentence and they are not its quote's speaker). Each is scored by TextBlob and by VADER.
    *Toward* is the tone toward the actor itself (:mod:`analysis.tone`, the mentions' ``tone``
    column, one score per sentence and actor), when the mentions carry it.

    Args:
        sentences: sentences frame (``polarity``, ``vader_compound`` per ``sent_id``).
        quotes: quotes frame (``speaker``, ``sent_start``, ``sent_end``, ``speaker_start``,
            ``polarity``, ``vader_compound``).
        mentions: mentions frame (``actor``, ``side``, ``sent_id``; ``tone`` when scored).
        n_boot: bootstrap resamples for the 95% percentile interval of each mean.
        seed: base seed; each (actor, view, analyser) group draws from its own generator
            seeded from it, so results do not depend on row order.

    Returns:
        A ``voice_portrayal`` frame, one row per actor, view and analyser.
    """
    voice = _voice_values(quotes)
    portrayal = _portrayal_values(sentences, quotes, mentions)
    sides = most_common_side(mentions.dropna(subset=["actor"]))
    rows = []
    views = [("voice", voice), ("portrayal", portrayal), ("toward", _toward_values(mentions))]
    for view, values in views:
        for (actor, analyser), scores in values.groupby(["actor", "analyser"])["score"]:
            scored = scores.to_numpy(float)
            low, high = _bootstrap(np.sort(scored), n_boot, (seed, actor, view, analyser))
            rows.append(
                {
                    "actor": actor,
                    "side": sides.get(actor, pd.NA),
                    "view": view,
                    "analyser": analyser,
                    "n": len(scored),
                    "mean": float(scored.mean()),
                    "ci_low": low,
                    "ci_high": high,
                }
            )
    frame = frames.conform("voice_portrayal", rows)
    return frame.sort_values(["actor", "view", "analyser"], ignore_index=True)


def _toward_values(mentions: pd.DataFrame) -> pd.DataFrame:
    """Tone toward each actor, one score per (article, sentence, actor); none without ``tone``."""
    if "tone" not in mentions.columns:
        return pd.DataFrame(columns=["actor", "analyser", "score"])
    scored = mentions.dropna(subset=["actor", "tone"])
    scored = scored.drop_duplicates(["article_id", "sent_id", "actor"])
    return scored[["actor"]].assign(analyser="tone", score=scored["tone"].astype(float))


def _long_scores(frame: pd.DataFrame) -> pd.DataFrame:
    parts = [
        frame[["actor"]].assign(analyser=analyser, score=frame[column].astype(float))
        for analyser, column in _ANALYSERS.items()
    ]
    return pd.concat(parts, ignore_index=True).dropna(subset=["actor", "score"])


def _voice_values(quotes: pd.DataFrame) -> pd.DataFrame:
    return _long_scores(quotes.rename(columns={"speaker": "actor"}))


def _portrayal_values(
    sentences: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    keys = ["article_id", "sent_id"]
    mentioned = mentions.dropna(subset=["actor"])[keys + ["actor"]].drop_duplicates()
    speaking = speaking_sentences(sentences, quotes)
    mentioned = mentioned.merge(speaking, on=keys + ["actor"], how="left", indicator=True)
    silent = mentioned[mentioned["_merge"] == "left_only"][keys + ["actor"]]
    scored = silent.merge(sentences[keys + list(_ANALYSERS.values())], on=keys)
    return _long_scores(scored)


def speaking_sentences(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """``(article_id, sent_id, actor)`` for every sentence an actor's quote or attribution is in.

    Each article's sentences are indexed once (starts, ends), so a corpus costs one lookup per
    quote, not a scan of every sentence.

    Args:
        sentences: sentences frame (``article_id``, ``sent_id``, ``start``, ``end``).
        quotes: quotes frame (``speaker``, ``sent_start``, ``sent_end``, ``speaker_start``).

    Returns:
        One row per sentence and speaking actor, without duplicates.
    """
    spoken = quotes.dropna(subset=["speaker"])
    index = {
        article_id: (
            group["start"].to_numpy("int64"),
            group["end"].to_numpy("int64"),
            group["sent_id"].to_numpy("int64"),
        )
        for article_id, group in sentences.sort_values(["article_id", "start"]).groupby(
            "article_id", sort=False
        )
    }
    rows = []
    for quote in spoken.itertuples():
        covered = set(range(int(quote.sent_start), int(quote.sent_end) + 1))
        if not pd.isna(quote.speaker_start) and quote.article_id in index:
            starts, ends, sent_ids = index[quote.article_id]
            at = np.searchsorted(starts, int(quote.speaker_start), side="right") - 1
            if at >= 0 and ends[at] > quote.speaker_start:
                covered.add(int(sent_ids[at]))
        rows += [(quote.article_id, sent_id, quote.speaker) for sent_id in covered]
    frame = pd.DataFrame(rows, columns=["article_id", "sent_id", "actor"]).drop_duplicates()
    return frame.astype({"article_id": "string", "sent_id": "Int64", "actor": "string"})


def _bootstrap(values: np.ndarray, n_boot: int, key: tuple) -> tuple[float, float]:
    """95% percentile interval of the mean; the generator is seeded from ``key``."""
    if len(values) < 2:
        return float(values.mean()), float(values.mean())
    seed, *names = key
    rng = np.random.default_rng([seed, zlib.crc32("\x00".join(map(str, names)).encode())])
    means = rng.choice(values, size=(n_boot, len(values)), replace=True).mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def agency_summary(agency_frame: pd.DataFrame) -> pd.DataFrame:
    """How often each actor is agent and patient.

    Args:
        agency_frame: a frame from :func:`agency` (one or many articles).

    Returns:
        An ``agency_summary`` frame: actor, side, role, n — every actor with both roles (zero
        counts included), most active actors first.
    """
    counts = (
        agency_frame.groupby(["actor", "role"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=["agent", "patient"], fill_value=0)
    )
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index
    sides = most_common_side(agency_frame)
    long = counts.loc[order].stack().rename("n").reset_index()
    return frames.conform("agency_summary", long.assign(side=long["actor"].map(sides)))
