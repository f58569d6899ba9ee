"""Who is named and mentioned: entity types, mentions per actor, where each actor appears along an
article, and which actors share sentences."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import spacy
from matplotlib.figure import Figure

from analysis.charts.colours import OKABE_ITO, side_colour, side_legend, side_legend_entries
from analysis.charts.style import count_axis, shown, source_line


def entity_counts(entities: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Horizontal bars: how many named entities of each type the article(s) contain."""
    counts = entities["label"].value_counts().sort_values()
    names = [f"{spacy.explain(label) or label} ({label})" for label in counts.index]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(counts) + 1.2))
    ax.barh(names, counts.values, color=OKABE_ITO["blue"])
    for y, value in enumerate(counts.values):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    if len(counts):
        ax.set_title(f"{names[-1]} are named most often: {counts.iloc[-1]} mentions")
    ax.set_xlabel("named-entity mentions (count)")
    count_axis(ax.xaxis)
    ax.grid(axis="y", visible=False)
    source_line(fig, articles)
    return fig


def actor_mentions(actors: pd.DataFrame, articles: pd.DataFrame, *, top: int = 15) -> Figure:
    """Bars: mentions per actor (names, titles, roles, pronouns and metonyms), coloured by side."""
    everyone = actors.groupby(["actor", "side"], dropna=False)["n_mentions"].sum().reset_index()
    table = everyone.nlargest(top, "n_mentions").iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(table) + 1.4))
    ax.barh(table["actor"], table["n_mentions"], color=[side_colour(s) for s in table["side"]])
    for y, value in enumerate(table["n_mentions"]):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    lead = table.iloc[-1]
    ax.set_title(f"{lead['actor']} is mentioned most: {lead['n_mentions']} times")
    ax.set_xlabel("mentions (names, titles, roles, pronouns, metonyms)")
    count_axis(ax.xaxis)
    ax.set_ylabel(shown(len(table), everyone["actor"].nunique(), "actors"))
    ax.grid(axis="y", visible=False)
    side_legend(ax, table["side"].iloc[::-1])
    source_line(fig, articles)
    return fig


def actor_ribbon(
    mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, top: int = 12
) -> Figure:
    """Where each actor appears along one article: one row per actor, one mark per mention.

    Raises:
        ValueError: the mentions come from several articles (sentence numbers of different
            articles never share an axis; pick one with :func:`analysis.compare.one_article`).
    """
    if mentions["article_id"].nunique() > 1:
        raise ValueError(
            "actor_ribbon draws one article; select one with compare.one_article(frames, id)"
        )
    order = mentions["actor"].value_counts().index[:top]
    drawn = mentions[mentions["actor"].isin(order)]
    fig, ax = plt.subplots(figsize=(10, 0.34 * len(order) + 1.6))
    rows = {actor: i for i, actor in enumerate(order[::-1])}
    for named in (True, False):
        part = drawn[(drawn["how"].isin(["name", "alias", "title"])) == named]
        colours = [side_colour(s) for s in part["side"]]
        ax.scatter(
            part["sent_id"],
            part["actor"].map(rows),
            s=42,
            linewidths=1.3,
            facecolors=colours if named else "none",
            edgecolors=colours,
        )
    sides, side_handles = side_legend_entries(drawn.drop_duplicates("actor")["side"])
    ax.legend(
        [
            plt.Line2D([], [], ls="", marker="o", color="#555555", mfc=fill)
            for fill in ("#555555", "none")
        ]
        + side_handles,
        ["named", "pronoun, role\nor metonym", *sides],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_ylabel(shown(len(order), mentions["actor"].nunique(), "actors"))
    ax.set_xlim(-1, int(sentences["sent_id"].max()) + 1)
    ax.set_xlabel("sentence (order in the article)")
    ax.set_title(ribbon_finding(mentions, sentences))
    source_line(fig, articles)
    return fig


def ribbon_finding(mentions: pd.DataFrame, sentences: pd.DataFrame) -> str:
    """The most-mentioned actor of one article, how often, and over which sentences."""
    counts = mentions["actor"].value_counts()
    lead = counts.index[0]
    where = mentions.loc[mentions["actor"] == lead, "sent_id"].astype(int)
    n_sentences = int(sentences["sent_id"].max()) + 1
    span = (
        f"all in sentence {where.min()}"
        if where.min() == where.max()
        else f"in {where.nunique()} of {n_sentences} sentences, from {where.min()} to {where.max()}"
    )
    return f"{lead} is mentioned most: {counts.iloc[0]} times, {span}"


def co_occurrence(mentions: pd.DataFrame, articles: pd.DataFrame, *, top: int = 10) -> Figure:
    """Heatmap: in how many sentences each pair of the most-mentioned actors appears together."""
    order = list(mentions["actor"].value_counts().index[:top])
    matrix = actors_together(mentions, order)
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    image = ax.imshow(matrix.values, cmap="Blues")
    ax.set_xticks(range(len(order)), order, rotation=40, ha="right")
    ax.set_yticks(range(len(order)), order)
    ax.set_xlabel(
        "sentences in which both actors are mentioned (count in each cell); "
        + shown(len(order), mentions["actor"].nunique(), "actors")
    )
    ax.grid(False)
    for (i, j), value in pd.DataFrame(matrix.values).stack().items():
        ax.text(
            j,
            i,
            str(value),
            ha="center",
            va="center",
            fontsize=8,
            color="white" if image.norm(value) > 0.5 else "#222222",
        )
    a, b, shared = most_shared_pair(mentions, top=top)
    ax.set_title(f"{a} and {b} share the most sentences ({shared})")
    source_line(fig, articles)
    return fig


def most_shared_pair(mentions: pd.DataFrame, *, top: int = 10) -> tuple[str, str, int]:
    """The two of the ``top`` most-mentioned actors that share the most sentences, and how many."""
    order = list(mentions["actor"].value_counts().index[:top])
    matrix = actors_together(mentions, order)
    pairs = matrix.where(
        ~pd.DataFrame(np.eye(len(order), dtype=bool), matrix.index, matrix.columns)
    )
    a, b = pairs.stack().idxmax()
    return a, b, int(pairs.loc[a, b])


def actors_together(mentions: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Sentence counts for each pair of actors in ``order`` (diagonal: the actor's sentences)."""
    present = (
        mentions[mentions["actor"].isin(order)]
        .assign(one=1)
        .pivot_table(index=["article_id", "sent_id"], columns="actor", values="one", aggfunc="max")
        .reindex(columns=order)
        .fillna(0)
        .astype(int)
    )
    return present.T.dot(present)
