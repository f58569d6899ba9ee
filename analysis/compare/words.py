"""Which words set a group apart: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words" (Political Analysis 16(4)), eq. 16–22: each
group against the rest of the corpus, with z-scores (|z| > 1.96 is a difference unlikely from
word-count noise alone), over the articles' words or the quotes' reporting verbs.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from analysis import corpus
from analysis.compare.articles import GroupBy, groups
from analysis.frames import Frames


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
        table = log_odds(mine, rest[rest > 0])
        table = table[table["n"] > 0].head(top)  # a word the group never uses is not its own
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
