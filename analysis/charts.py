"""How it is drawn: one style sheet, one fixed colour per side, one function per chart.

Every chart function takes frames, draws on a new figure and returns it; titles state the finding,
axes carry units, and a source line names the article(s). Colours come from the Okabe–Ito
colour-blind-safe palette and are fixed per side, so Russia is the same colour in every chart.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import spacy
from matplotlib.figure import Figure

from analysis import sentiment

STYLE = Path(__file__).with_name("newsframe.mplstyle")

#: Okabe–Ito colours.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
SIDE_COLOURS = {
    "Russia": OKABE_ITO["vermillion"],
    "Ukraine": OKABE_ITO["blue"],
    "Belarus": OKABE_ITO["reddish purple"],
    "United States": OKABE_ITO["sky blue"],
    "West": OKABE_ITO["bluish green"],
    "media": OKABE_ITO["grey"],
}
OTHER_COLOUR = OKABE_ITO["orange"]
ANALYSER_COLOURS = {"textblob": OKABE_ITO["blue"], "vader": OKABE_ITO["orange"]}


def use_style() -> None:
    """Apply the project style sheet to every later figure."""
    plt.style.use(STYLE)


def side_colour(side: object) -> str:
    """The fixed colour of a side (orange for any side not in :data:`SIDE_COLOURS`)."""
    return SIDE_COLOURS.get(side, OTHER_COLOUR) if isinstance(side, str) else OTHER_COLOUR


def source_line(fig: Figure, articles: pd.DataFrame) -> None:
    """Write "Source: <outlet>, <date> — <title>" (or the corpus size) under the figure."""
    if len(articles) == 1:
        row = articles.iloc[0]
        parts = [str(v) for v in (row["source"], row["published"]) if pd.notna(v)]
        title = f" — {row['title']}" if pd.notna(row["title"]) else ""
        text = f"Source: {', '.join(parts) or row['article_id']}{title}"
    else:
        text = f"Source: {len(articles)} articles; newsframe analysis"
    fig.text(0.01, -0.02, _shorten(text, 150), ha="left", va="top", fontsize=8, color="#555555")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def entity_counts(entities: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Horizontal bars: how many named entities of each type the article(s) contain."""
    counts = entities["label"].value_counts().sort_values()
    names = [f"{spacy.explain(label) or label} ({label})" for label in counts.index]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(counts) + 1.2))
    ax.barh(names, counts.values, color=OKABE_ITO["blue"])
    for y, value in enumerate(counts.values):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    top = counts.index[-1] if len(counts) else "none"
    ax.set_title(
        f"{top} entities are the most frequent type ({counts.iloc[-1] if len(counts) else 0})"
    )
    ax.set_xlabel("named-entity mentions (count)")
    ax.grid(axis="y", visible=False)
    source_line(fig, articles)
    return fig


def sentiment_along(sentences: pd.DataFrame, articles: pd.DataFrame, *, label: int = 3) -> Figure:
    """TextBlob and VADER sentence scores along the article, the strongest sentences labelled."""
    fig, ax = plt.subplots(figsize=(10, 5))
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
    strongest = sentences.reindex(sentences["vader_compound"].abs().sort_values().index[-label:])
    for row in strongest.itertuples():
        ax.annotate(
            _shorten(row.text, 60),
            (row.sent_id, row.vader_compound),
            fontsize=7.5,
            xytext=(0, 14 if row.vader_compound > 0 else -18),
            textcoords="offset points",
            ha="center",
            arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6},
        )
    negative = (sentences["vader_compound"] < -0.05).mean()
    ax.set_title(f"{negative:.0%} of sentences read negative to VADER")
    ax.set_xlabel("sentence (order in the article)")
    ax.set_ylabel("sentiment score (−1 … +1)")
    ax.set_ylim(-1.15, 1.15)
    ax.legend(loc="upper right")
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
