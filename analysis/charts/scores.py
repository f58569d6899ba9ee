"""How it sounds: TextBlob and VADER sentence scores along an article or across articles, where
the two analysers disagree, and the words behind each score."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis import sentiment
from analysis.charts.colours import ANALYSER_COLOURS, OKABE_ITO
from analysis.charts.style import shorten, source_line


def sentiment_along(sentences: pd.DataFrame, articles: pd.DataFrame, *, label: int = 3) -> Figure:
    """TextBlob and VADER sentence scores along the article, the strongest sentences labelled.

    For a corpus (several articles) it draws each article's mean scores instead.
    """
    if sentences["article_id"].nunique() > 1:
        return _sentiment_by_article(sentences, articles)
    fig, ax = plt.subplots(figsize=(10, 5.5))
    x = sentences["sent_id"].astype(int)
    for column, analyser, name in (
        ("polarity", "textblob", "TextBlob polarity"),
        ("vader_compound", "vader", "VADER compound"),
    ):
        ax.plot(
            x,
            sentences[column],
            marker="o",
            ms=3.5,
            lw=1.2,
            label=name,
            color=ANALYSER_COLOURS[analyser],
        )
    ax.axhline(0, color="#555555", lw=0.8)
    strongest = sentences.loc[sentences["vader_compound"].abs().nlargest(label).index]
    for row in strongest.itertuples():  # the number on the chart, the sentence in the caption
        ax.annotate(
            f"{row.sent_id}",
            (row.sent_id, row.vader_compound),
            xytext=(0, 7 if row.vader_compound > 0 else -13),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            fontweight="bold",
            color=ANALYSER_COLOURS["vader"],
        )
    caption = "Strongest to VADER: " + "; ".join(
        f"sentence {row.sent_id} ({row.vader_compound:+.2f}) “{shorten(row.text, 70)}”"
        for row in strongest.sort_values("sent_id").itertuples()
    )
    negative = (sentences["vader_compound"] < -0.05).mean()
    ax.set_title(f"{negative:.0%} of this article's sentences read negative to VADER")
    ax.set_xlabel("sentence (order in the article)")
    ax.set_ylabel("sentiment score (−1 … +1)")
    ax.set_ylim(-1.15, 1.15)
    ax.legend(loc="upper center", ncol=2)
    source_line(fig, articles, caption=caption)
    return fig


def _sentiment_by_article(sentences: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    means = sentences.groupby("article_id")[["polarity", "vader_compound"]].mean()
    means = means.sort_values("vader_compound")
    fig, ax = plt.subplots(figsize=(10, 5))
    y = np.arange(len(means))
    ax.scatter(
        means["polarity"], y, s=18, label="TextBlob polarity", color=ANALYSER_COLOURS["textblob"]
    )
    ax.scatter(
        means["vader_compound"], y, s=18, label="VADER compound", color=ANALYSER_COLOURS["vader"]
    )
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_yticks([])
    ax.set_ylabel(f"articles ({len(means)}), ordered by mean VADER score")
    ax.set_xlabel("mean sentence score (−1 … +1)")
    negative = (means["vader_compound"] < -0.05).sum()
    ax.set_title(f"{negative} of {len(means)} articles read negative on average to VADER")
    ax.legend(loc="lower right")
    source_line(fig, articles)
    return fig


def analyser_agreement(sentences: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Scatter of TextBlob against VADER per sentence; off-diagonal quadrants are disagreements."""
    fig, ax = plt.subplots(figsize=(6, 5.5))
    disagree = sentiment.disagreements(sentences).index
    agree = sentences.drop(index=disagree)
    ax.scatter(
        agree["polarity"],
        agree["vader_compound"],
        s=22,
        color=OKABE_ITO["grey"],
        label="same direction or neutral",
    )
    ax.scatter(
        sentences.loc[disagree, "polarity"],
        sentences.loc[disagree, "vader_compound"],
        s=30,
        color=OKABE_ITO["vermillion"],
        label="opposite directions",
    )
    ax.axhline(0, color="#555555", lw=0.8)
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("TextBlob polarity (−1 … +1)")
    ax.set_ylabel("VADER compound (−1 … +1)")
    ax.set_title(
        f"The analysers point opposite ways on {len(disagree)} of {len(sentences)} sentences"
    )
    ax.legend(loc="lower right")
    source_line(fig, articles)
    return fig


def score_details(explained: pd.DataFrame, *, title: str):
    """Each sentence as a click-to-open line: its scores, and inside, the words that drove them.

    Args:
        explained: rows of :func:`analysis.sentiment.explain`.
        title: what the list shows (e.g. "Sentences about Vladimir Putin").
    """
    from IPython.display import HTML

    items = []
    for row in explained.itertuples():
        where = f"{row.article_id}, " if explained["article_id"].nunique() > 1 else ""
        summary = (
            f"{html.escape(where)}sentence {row.sent_id}: TextBlob {row.polarity:+.2f}, "
            f"VADER {row.vader_compound:+.2f}"
            f" — {html.escape(shorten(row.text, 90))}"
        )
        items.append(
            f"<details><summary>{summary}</summary><p>{html.escape(row.text)}</p><p>"
            f"<b>TextBlob words:</b> {html.escape(row.textblob_words or 'none')}<br>"
            f"<b>VADER words:</b> {html.escape(row.vader_words or 'none')}</p></details>"
        )
    return HTML(
        f"<p><b>{html.escape(title)}</b> (click a line for the words behind its scores)"
        f"</p>{''.join(items)}"
    )
