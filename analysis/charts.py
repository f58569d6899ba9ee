"""How it is drawn: one style sheet, one fixed colour per side, one function per chart.

Every chart function takes frames, draws on a new figure and returns it; titles state the finding,
axes carry units, and a source line names the article(s). Colours come from the Okabe–Ito
colour-blind-safe palette and are fixed per side, so Russia is the same colour in every chart;
every other side of the actor table gets a colour of its own, actors without a side one grey.
Reporting-verb classes have their own palette (Paul Tol's "muted"), never a side's colour, and
groups of articles (outlets, periods) theirs. A chart cut to the top N says "N of M shown".
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
import spacy
from matplotlib.figure import Figure

from analysis import actors, corpus, sentiment

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
#: The war's sides keep fixed Okabe–Ito colours in every chart.
SIDE_COLOURS = {
    "Russia": OKABE_ITO["vermillion"],
    "Ukraine": OKABE_ITO["blue"],
    "Belarus": OKABE_ITO["reddish purple"],
    "United States": OKABE_ITO["sky blue"],
    "West": OKABE_ITO["bluish green"],
    "media": OKABE_ITO["black"],
}
#: Actors without a side share one neutral grey, labelled :data:`NO_SIDE`.
NO_SIDE = "no side"
NO_SIDE_COLOUR = OKABE_ITO["grey"]
#: Colours for every other side of ``data/actors.csv`` (in the table's sorted order, then any
#: side first met in the text): hues the Okabe–Ito sides do not use (brown, pink, olive, teal,
#: lavender, ...), then tab20's lighter half.
EXTRA_SIDE_PALETTE = (
    "#A6761D", "#FFAABB", "#AAAA00", "#225555", "#BBAAEE", "#663300", "#BBCC33", "#EE8866",
    "#C49C94", "#F7B6D2", "#DBDB8D", "#9EDAE5", "#C5B0D5", "#FF9896", "#98DF8A", "#FFBB78",
)  # fmt: skip
#: Colours for groups (outlets, periods) and for actors in a time series: Okabe–Ito without
#: grey, then tab20's darker half (distinct up to 16; beyond, groups are told apart by position).
GROUP_PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#17BECF",
)  # fmt: skip
ANALYSER_COLOURS = {"textblob": OKABE_ITO["blue"], "vader": OKABE_ITO["orange"]}
_EXTRA_SIDES: dict[str, str] = {}


def use_style() -> None:
    """Apply the project style sheet to every later figure."""
    plt.style.use(STYLE)


def side_colour(side: object) -> str:
    """The colour of a side: fixed for the war's sides (:data:`SIDE_COLOURS`), a distinct colour
    of its own for every other side, one neutral grey for none."""
    if not isinstance(side, str) or not side:
        return NO_SIDE_COLOUR
    if side in SIDE_COLOURS:
        return SIDE_COLOURS[side]
    if not _EXTRA_SIDES:
        table = actors.load_actor_table()["side"].dropna()
        for name in sorted(set(table) - set(SIDE_COLOURS)):
            _EXTRA_SIDES[name] = _next_colour(EXTRA_SIDE_PALETTE, _EXTRA_SIDES)
    if side not in _EXTRA_SIDES:
        _EXTRA_SIDES[side] = _next_colour(EXTRA_SIDE_PALETTE, _EXTRA_SIDES)
    return _EXTRA_SIDES[side]


def side_label(side: object) -> str:
    """A side as a legend names it (:data:`NO_SIDE` for none)."""
    return side if isinstance(side, str) and side else NO_SIDE


def group_colours(labels: Iterable[object]) -> dict[str, str]:
    """One distinct colour per group label, in the order given (:data:`GROUP_PALETTE`)."""
    colours: dict[str, str] = {}
    for label in dict.fromkeys(map(str, labels)):
        colours[label] = _next_colour(GROUP_PALETTE, colours)
    return colours


def _next_colour(palette: Sequence[str], taken: dict[str, str]) -> str:
    """The first colour of ``palette`` not yet taken; past its end, evenly spaced hues."""
    used = set(taken.values())
    for colour in palette:
        if colour not in used:
            return colour
    hue = (len(taken) * 0.618034) % 1
    return matplotlib.colors.to_hex(matplotlib.colors.hsv_to_rgb((hue, 0.55, 0.8)))


def shown(n_shown: int, n_all: int, what: str) -> str:
    """ "15 of 120 actors shown" (or "all 9 actors shown"), for every chart cut to a top N."""
    return f"all {n_all} {what} shown" if n_shown >= n_all else f"{n_shown} of {n_all} {what} shown"


#: Articles columns naming the outlet, then those giving the date as written; the first filled
#: one of each is used (a CSV/JSONL table may carry ``publisher`` and ``publication_date``).
OUTLET_COLUMNS = ("source", "publisher", "outlet")
DATE_TEXT_COLUMNS = ("published_text", "publication_date", "date", "published")


def byline(row: pd.Series) -> list[str]:
    """An article's outlet and date as the source gave them (each only when known)."""
    parts = []
    for columns in (OUTLET_COLUMNS, DATE_TEXT_COLUMNS):
        value = next((row[c] for c in columns if c in row.index and pd.notna(row[c])), None)
        if value is not None and str(value):
            stamp = value if isinstance(value, pd.Timestamp) else None
            parts.append(f"{stamp:%Y-%m-%d}" if stamp is not None else str(value))
    return parts


def source_line(fig: Figure, articles: pd.DataFrame, *, caption: str | None = None) -> None:
    """Write "Source: <outlet>, <date> — <title>" (or the corpus size) under the figure,
    after an optional caption (wrapped)."""
    if len(articles) == 1:
        row = articles.iloc[0]
        parts = byline(row)
        title = f" — {row['title']}" if pd.notna(row.get("title")) else ""
        text = f"Source: {', '.join(parts) or row['article_id']}{title}"
    else:
        text = f"Source: {len(articles)} articles; newsframe analysis"
    text = _shorten(text, 150)
    if caption:
        text = textwrap.fill(caption, 130) + "\n\n" + text
    renderer = fig.canvas.get_renderer()
    lowest = min(ax.get_tightbbox(renderer).y0 for ax in fig.axes) / fig.bbox.height
    fig.text(0.01, min(lowest, 0) - 0.02, text, ha="left", va="top", fontsize=8, color="#555555")


def _count_axis(axis, *, signed: bool = True) -> None:
    """Whole-number ticks on a count axis; ``signed=False`` labels negative counts by their
    size (the left half of a diverging bar chart)."""
    axis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    if not signed:
        axis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda value, _: f"{abs(round(value))}")
        )


def _articles(n: object) -> str:
    """ "1 article", "12 articles"."""
    return f"{int(n)} article{'' if int(n) == 1 else 's'}"


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
    if len(counts):
        ax.set_title(f"{names[-1]} are named most often: {counts.iloc[-1]} mentions")
    ax.set_xlabel("named-entity mentions (count)")
    _count_axis(ax.xaxis)
    ax.grid(axis="y", visible=False)
    source_line(fig, articles)
    return fig


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
        f"sentence {row.sent_id} ({row.vader_compound:+.2f}) “{_shorten(row.text, 70)}”"
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


# --- who is who -----------------------------------------------------------------------------


def _side_legend(ax, sides, *, outside: bool = False) -> None:
    """One legend entry per side shown (none: "no side" in grey), each with its own colour."""
    labels, handles = _side_handles(sides)
    where = (
        {"loc": "upper left", "bbox_to_anchor": (1.01, 1)} if outside else {"loc": "lower right"}
    )
    ax.legend(handles, labels, title="side", **where)


def _side_handles(sides) -> tuple[list[str], list]:
    first = {side_label(s): s for s in reversed(list(sides))}
    labels = list(dict.fromkeys(side_label(s) for s in sides))
    return labels, [
        plt.Rectangle((0, 0), 1, 1, color=side_colour(first[label])) for label in labels
    ]


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
    _count_axis(ax.xaxis)
    ax.set_ylabel(shown(len(table), everyone["actor"].nunique(), "actors"))
    ax.grid(axis="y", visible=False)
    _side_legend(ax, table["side"].iloc[::-1])
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
    sides, side_handles = _side_handles(drawn.drop_duplicates("actor")["side"])
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


# --- who speaks, and how it is reported ---------------------------------------------------------


def voice_share(
    quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame, *, top: int = 15
) -> Figure:
    """Two panels: quotes and quoted words per speaker, coloured by side."""
    everyone = quoted_voice(quotes, actors)
    table = everyone.tail(top)
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.34 * len(table) + 1.6), sharey=True)
    colours = [side_colour(s) for s in table["side"]]
    for ax, column, label in (
        (axes[0], "quotes", "quotes (count)"),
        (axes[1], "words", "quoted words (count)"),
    ):
        ax.barh([_shorten(str(s), 40) for s in table["speaker"]], table[column], color=colours)
        ax.set_xlabel(label)
        _count_axis(ax.xaxis)
        ax.grid(axis="y", visible=False)
    axes[0].set_ylabel(shown(len(table), len(everyone), "speakers"))
    lead = table.iloc[-1]
    share = lead["words"] / everyone["words"].sum()
    fig.suptitle(
        f"{lead['speaker']} gets {share:.0%} of the quoted words",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    _side_legend(axes[1], table["side"].iloc[::-1])
    source_line(fig, articles)
    return fig


def quoted_voice(quotes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: number of quotes, quoted words and side (from the actors frame), ascending."""
    sides = actors.drop_duplicates("actor").set_index("actor")["side"]
    table = (
        quotes.assign(words=quotes["content"].fillna("").map(corpus.count_words))
        .groupby("speaker")
        .agg(quotes=("quote_id", "size"), words=("words", "sum"))
        .reset_index()
    )
    table["side"] = table["speaker"].map(sides)
    return table.sort_values(["words", "quotes"]).reset_index(drop=True)


def cue_mix(quotes: pd.DataFrame, articles: pd.DataFrame, *, top: int = 15) -> Figure:
    """Stacked bars: how each speaker's words are reported, by reporting-verb class."""
    table = cue_table(quotes, top=top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.34 * len(table) + 1.6))
    left = np.zeros(len(table))
    names = [_shorten(str(s), 40) for s in table.index]
    for cue_class in table.columns:
        ax.barh(names, table[cue_class], left=left, label=cue_class, color=CUE_COLOURS[cue_class])
        left += table[cue_class].to_numpy()
    ax.set_title(_cue_finding(table))
    ax.set_xlabel("quotes (count)")
    ax.set_ylabel(shown(len(table), quotes["speaker"].nunique(), "speakers"))
    _count_axis(ax.xaxis)
    ax.grid(axis="y", visible=False)
    ax.legend(title="reporting verb", loc="lower right")
    source_line(fig, articles)
    return fig


def _cue_finding(table: pd.DataFrame) -> str:
    """Whose words most often carry a classed verb other than "said" (unclassed ones not
    counted), of how many quotes."""
    framed = table.drop(columns=[c for c in UNFRAMED if c in table.columns]).sum(axis=1)
    if not framed.max():
        return "Every classed reporting verb is neutral ('said')"
    lead = framed.idxmax()
    return (
        f"{lead}'s words are most often reported with a non-neutral verb "
        f"({framed.max()} of {table.loc[lead].sum()} quotes)"
    )


#: Reporting-verb classes that do not frame the words: "said", and verbs not in the lexicon.
UNFRAMED = ("neutral", "other", "unclassed")

#: One colour per reporting-verb class of ``data/lexicons/reporting_verbs.csv``, none of them a
#: side's or a group's: Paul Tol's "muted" scheme, then a few more; "other": anything unclassed.
CUE_COLOURS = {
    "neutral": "#DDDDDD",
    "assertive": "#332288",
    "concessive": "#CC6677",
    "distancing": "#DDCC77",
    "rejecting": "#882255",
    "directive": "#117733",
    "tentative": "#88CCEE",
    "critical": "#AA4499",
    "commissive": "#44AA99",
    "cognitive": "#999933",
    "evidential": "#8C6D31",
    "stance": "#6699CC",
    "intention": "#E7298A",
    "interrogative": "#661100",
    "descriptive": "#CAB2D6",
    "other": "#555555",
}


def cue_table(quotes: pd.DataFrame, *, top: int | None = 15) -> pd.DataFrame:
    """Quotes per speaker (rows, the ``top`` most quoted first; None: all) and reporting-verb
    class (columns).

    Classes without a colour of their own in :data:`CUE_COLOURS` are summed into ``other``.
    """
    classes = quotes["cue_class"].fillna("other")
    classes = classes.where(classes.isin(list(CUE_COLOURS)), "other")
    table = pd.crosstab(quotes["speaker"], classes)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    table = table.loc[:, table.sum() > 0]
    return table[[c for c in CUE_COLOURS if c in table.columns]]


def cue_heatmap(quotes: pd.DataFrame, articles: pd.DataFrame, *, top: int = 15) -> Figure:
    """Heatmap with counts: reporting-verb class × speaker."""
    table = cue_table(quotes, top=top)
    fig, ax = plt.subplots(figsize=(1.1 * len(table.columns) + 4, 0.4 * len(table) + 1.6))
    image = ax.imshow(table.values, cmap="Oranges", aspect="auto")
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(table)), [_shorten(str(s), 40) for s in table.index])
    ax.grid(False)
    for (i, j), value in pd.DataFrame(table.values).stack().items():
        if value:
            dark = image.norm(value) > 0.5
            ax.text(
                j,
                i,
                str(value),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if dark else "#222222",
            )
    everyone = cue_table(quotes, top=None)
    loaded = everyone.drop(columns=[c for c in UNFRAMED if c in everyone.columns]).sum()
    verbs = ", ".join(f"{c} {int(n)}" for c, n in loaded.items() if n)
    ax.set_title(
        f"Beyond 'said', over all {len(quotes)} quotes: {verbs or 'none'}"
        if len(everyone) > len(table)
        else f"Beyond 'said': {verbs or 'none'}"
    )
    ax.set_xlabel("reporting-verb class")
    ax.set_ylabel(shown(len(table), quotes["speaker"].nunique(), "speakers"))
    source_line(fig, articles)
    return fig


def channels(quotes: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Bars: through which channel the quoted words reached the article."""
    counts = quotes["channel"].fillna("not stated").value_counts().sort_values()
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(counts) + 1.3))
    ax.barh(
        counts.index,
        counts.values,
        color=[OKABE_ITO["grey"] if c == "not stated" else OKABE_ITO["blue"] for c in counts.index],
    )
    for y, value in enumerate(counts.values):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    stated = counts.drop("not stated", errors="ignore").sum()
    ax.set_title(f"{stated} of {counts.sum()} quotes name the channel they came through")
    ax.set_xlabel("quotes (count)")
    _count_axis(ax.xaxis)
    ax.grid(axis="y", visible=False)
    source_line(fig, articles)
    return fig


def quote_table(
    quotes: pd.DataFrame,
    fragments: pd.DataFrame,
    actors: pd.DataFrame,
    articles: pd.DataFrame | None = None,
):
    """A readable quote table: speakers in side colours, cue, kind, quoted fragments marked;
    captioned with the article it lists (its title from ``articles``) or, for several, with an
    article column."""
    from IPython.display import HTML

    sides = actors.drop_duplicates("actor").set_index("actor")["side"]
    several = quotes["article_id"].nunique() > 1
    rows = []
    for quote in quotes.itertuples():
        own = fragments[
            (fragments["article_id"] == quote.article_id)
            & (fragments["quote_id"] == quote.quote_id)
        ]
        content = _marked(quote.content, quote.start, own)
        colour = side_colour(sides.get(quote.speaker))
        where = f"<td>{html.escape(str(quote.article_id))}</td>" if several else ""
        rows.append(
            f"<tr>{where}<td style='color:{colour};font-weight:600'>"
            f"{html.escape(str(quote.speaker))}</td>"
            f"<td>{html.escape(str(quote.cue))}<br><small>{quote.cue_class}</small></td>"
            f"<td>{quote.kind}</td><td style='text-align:left'>{content}</td></tr>"
        )
    head = (
        "<tr><th>article</th>" if several else "<tr>"
    ) + "<th>speaker</th><th>cue</th><th>kind</th><th>what is reported</th></tr>"
    caption = f"<caption>{html.escape(_quotes_of(quotes, articles))}</caption>"
    return HTML(f"<table>{caption}{head}{''.join(rows)}</table>")


def _quotes_of(quotes: pd.DataFrame, articles: pd.DataFrame | None) -> str:
    ids = list(dict.fromkeys(quotes["article_id"]))
    if len(ids) != 1:
        return f"{len(quotes)} quotes in {len(ids)} articles"
    return f"{len(quotes)} quotes of {article_name(ids[0], articles)}"


def article_name(article_id: str, articles: pd.DataFrame | None) -> str:
    """ "“Title” (outlet, date; id)", or the id alone when the articles frame is not given."""
    if articles is None:
        return str(article_id)
    row = articles[articles["article_id"] == article_id]
    if row.empty:
        return str(article_id)
    row = row.iloc[0]
    about = byline(row)
    title = f"“{row['title']}” " if "title" in row and pd.notna(row["title"]) else ""
    return f"{title}({', '.join([*about, str(article_id)])})"


def _marked(content: str, start: int, fragments: pd.DataFrame) -> str:
    """``content`` as HTML with each fragment (absolute offsets) wrapped in <mark>."""
    out, cursor = [], 0
    for fragment in fragments.sort_values("start").itertuples():
        a, b = fragment.start - start, fragment.end - start
        if a < cursor or b > len(content):
            continue
        out += [html.escape(content[cursor:a]), f"<mark>{html.escape(content[a:b])}</mark>"]
        cursor = b
    return "".join(out) + html.escape(content[cursor:])


def highlighted_text(text: str, marks: pd.DataFrame, *, title: str | None = None):
    """The article with framing marks highlighted: labels, scare quotes, hedges (hover: entry),
    under ``title`` (which article it is, e.g. :func:`article_name`)."""
    from IPython.display import HTML

    colours = {"label": "#F0E442", "scare_quote": "#56B4E9", "hedge": "#E69F00"}
    out, cursor = [], 0
    for mark in marks.sort_values("start").itertuples():
        if mark.start < cursor:
            continue
        out.append(html.escape(text[cursor : mark.start]))
        tip = html.escape(
            f"{mark.kind}: {mark.category} ({mark.actor if pd.notna(mark.actor) else 'outlet'})"
        )
        out.append(
            f"<mark title='{tip}' style='background:{colours.get(mark.kind, '#ddd')}'>"
            f"{html.escape(text[mark.start : mark.end])}</mark>"
        )
        cursor = mark.end
    out.append(html.escape(text[cursor:]))
    legend = " ".join(
        f"<mark style='background:{c}'>{k.replace('_', ' ')}</mark>" for k, c in colours.items()
    )
    body = "".join(out).replace("\n\n", "</p><p>")
    heading = f"<p><b>{html.escape(title)}</b></p>" if title else ""
    return HTML(
        f"<div style='max-width:48rem;line-height:1.5'>{heading}<p>{legend}</p><p>{body}</p></div>"
    )


# --- how it is framed -------------------------------------------------------------------------


def official_line(
    contrasts: pd.DataFrame,
    quotes: pd.DataFrame,
    fragments: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
) -> Figure:
    """Dumbbells on one polarity axis: each admission against the official line it breaks with.

    The official line sits at its TextBlob polarity; each admission (and the admitting speaker's
    most negative quoted words) at theirs, labelled with the words that drove the score. With
    ``sentences``, the sentence that draws the widest contrast is the caption.
    """
    if contrasts.empty:
        return _nothing_to_draw(
            "No admission is set against an official line here",
            "The stances table below lists the positions, admissions and denials that were found.",
            articles,
        )
    fig, ax = plt.subplots(figsize=(10, 1.25 * (len(contrasts) + 1) + 1.4))
    speakers = contrasts["actor"].dropna().unique()
    speaker = speakers[0] if len(speakers) == 1 else None
    rows = []
    for pair in contrasts.itertuples():
        rows.append(
            (
                f"{'admission' if speaker else pair.actor}: {_shorten(pair.admission, 48)}",
                pair.admission_polarity,
                pair.against_polarity,
                _drivers(pair.admission),
                pair.marker,
                pair.side,
            )
        )
    own = _strongest_fragment(quotes, fragments, speaker) if speaker else None
    if own is not None:
        rows.append(
            (
                f"{speaker}'s own words",
                own["polarity"],
                contrasts["against_polarity"].iloc[0],
                f"“{own['text']}” {own['polarity']:+.2f}",
                "in quotation marks",
                contrasts["side"].iloc[0],
            )
        )
    for y, (_label, admitted, line, words, marker, side) in enumerate(rows[::-1]):
        ax.plot([admitted, line], [y, y], color="#BBBBBB", lw=3, zorder=1)
        ax.scatter(
            [line], [y], s=90, color="white", edgecolors=side_colour(side), linewidths=2, zorder=2
        )
        ax.scatter([admitted], [y], s=90, color=side_colour(side), zorder=3)
        ax.annotate(
            words,
            (admitted, y),
            xytext=(0, 10),
            textcoords="offset points",
            ha="center",
            fontsize=8.5,
        )
        ax.annotate(
            f"marked by: “{marker}”",
            (admitted, y),
            xytext=(0, -16),
            textcoords="offset points",
            ha="center",
            fontsize=7.5,
            color="#555555",
        )
    against = contrasts.iloc[0]
    ax.annotate(
        f"official line: “{against['against']}”\n{_drivers(against['against'])}",
        (against["against_polarity"], len(rows) - 0.5),
        ha="center",
        fontsize=8.5,
    )
    ax.set_yticks(range(len(rows)), [r[0] for r in rows[::-1]])
    ax.set_ylim(-0.7, len(rows) + 0.1)
    ax.set_xlim(-1, 1)
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlabel("TextBlob polarity (−1 negative … +1 positive)   ● admission   ○ official line")
    gap = (contrasts["against_polarity"] - contrasts["admission_polarity"]).max()
    whose = f"{speaker}'s admissions" if speaker else "Admissions"
    ax.set_title(f"{whose} score up to {gap:.1f} below the official line")
    source_line(fig, articles, caption=_contrast_sentence(contrasts, sentences))
    return fig


def _contrast_sentence(contrasts: pd.DataFrame, sentences: pd.DataFrame | None) -> str | None:
    if sentences is None or contrasts.empty:
        return None
    widest = contrasts.loc[
        (contrasts["against_polarity"] - contrasts["admission_polarity"]).idxmax()
    ]
    found = sentences[
        (sentences["article_id"] == widest["article_id"])
        & (sentences["sent_id"] == widest["sent_id"])
    ]
    return f"“{found.iloc[0]['text']}”" if len(found) else None


def _nothing_to_draw(title: str, note: str, articles: pd.DataFrame) -> Figure:
    """A small figure that says what is absent, instead of empty axes."""
    fig, ax = plt.subplots(figsize=(10, 1.6))
    ax.axis("off")
    ax.set_title(title)
    ax.text(0, 0.5, note, transform=ax.transAxes, fontsize=10, va="center")
    source_line(fig, articles)
    return fig


def _drivers(text: str) -> str:
    words = sentiment.textblob_drivers(text)
    return ", ".join(f"{w['text']} {w['score']:+.2f}" for w in words) or "no scored words (0.00)"


def _strongest_fragment(quotes: pd.DataFrame, fragments: pd.DataFrame, speaker) -> pd.Series | None:
    ids = quotes.loc[quotes["speaker"] == speaker, ["article_id", "quote_id"]]
    own = fragments.merge(ids, on=["article_id", "quote_id"])
    own = own[own["polarity"] < 0]
    return own.loc[own["polarity"].idxmin()] if len(own) else None


def voice_vs_portrayal(
    voice_portrayal: pd.DataFrame, articles: pd.DataFrame, *, top: int = 8
) -> Figure:
    """Per actor: tone of their own quotes (●) vs of sentences about them (○), and — when the
    mentions were scored by :mod:`analysis.tone` — tone toward them (◆); 95% bootstrap CIs."""
    voiced = voice_portrayal.loc[voice_portrayal["view"] == "voice", "actor"].unique()
    size = voice_portrayal[voice_portrayal["actor"].isin(voiced)].groupby("actor")["n"].sum()
    order = list(size.sort_values(ascending=False).index[:top])[::-1]
    panels = [
        ("textblob", "TextBlob polarity", _SAID_AND_AROUND),
        ("vader", "VADER compound", _SAID_AND_AROUND),
    ]
    if (voice_portrayal["view"] == "toward").any():
        panels.append(("tone", "tone toward the actor (model)", (("toward", 0.0, "D"),)))
    fig, axes = plt.subplots(
        1, len(panels), figsize=(5.2 * len(panels) + 1, 0.45 * len(order) + 2.6), sharey=True
    )
    for ax, (analyser, label, views) in zip(axes, panels, strict=True):
        part = voice_portrayal[voice_portrayal["analyser"] == analyser]
        for y, actor in enumerate(order):
            for view, offset, marker in views:
                row = part[(part["actor"] == actor) & (part["view"] == view)]
                if row.empty:
                    continue
                row = row.iloc[0]
                colour = side_colour(row["side"])
                ax.plot([row["ci_low"], row["ci_high"]], [y + offset] * 2, color=colour, lw=1.5)
                ax.scatter(
                    [row["mean"]],
                    [y + offset],
                    s=45,
                    marker="o" if marker == "o○" else marker,
                    color="white" if marker == "o○" else colour,
                    edgecolors=colour,
                    linewidths=1.5,
                    zorder=3,
                )
                ax.annotate(
                    f"n={row['n']}",
                    (row["ci_high"], y + offset),
                    xytext=(4, -3),
                    textcoords="offset points",
                    fontsize=7,
                    color="#555555",
                )
        ax.axvline(0, color="#555555", lw=0.8)
        ax.set_xlim(-1, 1)
        ax.set_xlabel(f"{label} (−1 … +1)")
        ax.set_yticks(range(len(order)), order)
    axes[0].set_ylabel(shown(len(order), len(voiced), "quoted actors"))
    _side_legend(
        axes[-1], [_side_of(voice_portrayal, actor) for actor in order[::-1]], outside=True
    )
    toward = " and tone toward them (◆)" if len(panels) == 3 else ""
    fig.suptitle(
        f"{_voice_finding(voice_portrayal, order)}\nWhat actors say (●), what is said around them"
        f" (○){toward}: means with 95% bootstrap intervals",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    source_line(fig, articles)
    return fig


#: Voice (filled) just above, portrayal (open) just below each actor's line.
_SAID_AND_AROUND = (("voice", 0.15, "o"), ("portrayal", -0.15, "o○"))


def _voice_finding(voice_portrayal: pd.DataFrame, actors: list[str]) -> str:
    """The chart's finding: the drawn actor spoken of most negatively (tone toward them when
    scored, else VADER around them), counted over at least three sentences."""
    for view, analyser, what in (
        ("toward", "tone", "Tone toward"),
        ("portrayal", "vader", "VADER tone around"),
    ):
        rows = voice_portrayal[
            (voice_portrayal["view"] == view)
            & (voice_portrayal["analyser"] == analyser)
            & voice_portrayal["actor"].isin(actors)
            & (voice_portrayal["n"] >= 3)
        ]
        if len(rows):
            worst = rows.loc[rows["mean"].idxmin()]
            return (
                f"{what} {worst['actor']} is the lowest of the quoted actors shown: "
                f"{worst['mean']:+.2f} over {worst['n']} sentences"
            )
    return "Too few sentences about the quoted actors to compare their tone"


def _side_of(voice_portrayal: pd.DataFrame, actor: str) -> object:
    return voice_portrayal.loc[voice_portrayal["actor"] == actor, "side"].iloc[0]


def agency(agency_summary: pd.DataFrame, articles: pd.DataFrame, *, top: int = 12) -> Figure:
    """Diverging bars: how often each actor acts (agent, right) or is acted upon (patient, left)."""
    table = agency_summary.pivot_table(
        index=["actor", "side"], columns="role", values="n", aggfunc="sum", fill_value=0
    ).reset_index()
    for role in ("agent", "patient"):
        if role not in table:
            table[role] = 0
    table = table.assign(total=table["agent"] + table["patient"]).nlargest(top, "total").iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.34 * len(table) + 1.6))
    colours = [side_colour(s) for s in table["side"]]
    ax.barh(table["actor"], table["agent"], color=colours)
    ax.barh(table["actor"], -table["patient"], color=colours, alpha=0.45)
    ax.axvline(0, color="#555555", lw=0.8)
    _count_axis(ax.xaxis, signed=False)
    ax.set_xlabel("← patient: acted upon (count)      agent: acts (count) →")
    ax.set_ylabel(shown(len(table), agency_summary["actor"].nunique(), "actors"))
    ax.grid(axis="y", visible=False)
    lead = table.iloc[-1]
    ax.set_title(
        f"{lead['actor']} is the agent of {int(lead['agent'])} verbs and the patient of "
        f"{int(lead['patient'])}"
    )
    _side_legend(ax, table["side"].iloc[::-1])
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
            f" — {html.escape(_shorten(row.text, 90))}"
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


# --- the sentences behind a chart ---------------------------------------------------------------


def behind(
    rows: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    columns: Sequence[str] = (),
    n: int = 5,
    what: str = "rows",
    sent_column: str = "sent_id",
):
    """The first ``n`` rows a chart counted, each with its article, sentence id and sentence.

    Args:
        rows: the rows behind the chart, most telling first (any frame with ``article_id`` and a
            sentence id column).
        sentences: the ``sentences`` frame, for the text of each sentence.
        columns: the columns of ``rows`` to show besides the ids.
        n: how many rows to show ("n of M shown" says how many there are).
        what: what a row is, for the caption ("mentions of Donald Trump").
        sent_column: the column of ``rows`` holding the sentence id (``sent_start`` for quotes).
    """
    from IPython.display import HTML

    if rows.empty:
        return HTML(f"<p><b>The sentences behind this: {html.escape(what)}: none.</b></p>")
    shown_rows = rows.head(n).rename(columns={sent_column: "sent_id"})
    text = sentences[["article_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    table = shown_rows[["article_id", "sent_id", *columns]].merge(
        text, on=["article_id", "sent_id"], how="left"
    )
    head = "".join(f"<th>{html.escape(str(c).replace('_', ' '))}</th>" for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td style='text-align:left'>{html.escape(_cell(value))}</td>" for value in row)
        + "</tr>"
        for row in table.itertuples(index=False)
    )
    caption = (
        f"The sentences behind this: {html.escape(what)}, {shown(len(table), len(rows), 'rows')}"
    )
    return HTML(f"<p><b>{caption}</b></p><table><tr>{head}</tr>{body}</table>")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "" if np.isnan(value) else f"{value:+.2f}" if abs(value) <= 1 else f"{value:.0f}"
    return "" if value is None or value is pd.NA else str(value)


# --- comparing groups of articles ---------------------------------------------------------------


def nothing_to_compare(articles: pd.DataFrame, what: str, groups: Sequence[object] = ()) -> Figure:
    """The figure drawn when there is one group (or none): a sentence, not empty axes."""
    named = f" ({', '.join(map(str, groups))})" if len(groups) else ""
    if len(articles) == 1:
        note = f"One article is one group{named}: {what} needs two groups of articles to compare."
    else:
        note = (
            f"All {len(articles)} articles fall in one group{named}, so {what} cannot be "
            "compared; choose another group_by."
        )
    return _nothing_to_draw("One group: nothing to compare", note, articles)


def _group_legend(fig: Figure, colours: dict[str, str], sizes: dict[str, int]) -> None:
    handles = [plt.Line2D([], [], ls="", marker="o", color=c) for c in colours.values()]
    labels = [f"{g} ({_articles(sizes.get(g, 0))})" for g in colours]
    fig.legend(
        handles, labels, loc="upper left", bbox_to_anchor=(1.0, 0.95), title="group", frameon=False
    )


def _panels(n: int, *, columns: int = 3, width: float = 3.6, height: float = 2.6, **kwargs):
    cols = min(columns, n)
    rows = -(-n // cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(width * cols + 1.5, height * rows + 1.2), squeeze=False, **kwargs
    )
    for ax in axes.flat[n:]:
        fig.delaxes(ax)
    return fig, list(axes.flat[:n])


def _columns(n: int, most: int = 3) -> int:
    """Columns for ``n`` panels: one row up to ``most``, four as two by two."""
    return 2 if n == 4 and most >= 2 else min(n, most)


def _label_bottom(axes: list, columns: int, label: str) -> None:
    """Tick labels on every panel (each reads at a glance), the axis label on the lowest panel
    of each column."""
    for ax in axes:
        ax.xaxis.set_tick_params(labelbottom=True)
    for ax in axes[-min(columns, len(axes)) :]:
        ax.set_xlabel(label)


def group_dots(
    table: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    item: str = "actor",
    value: str = "share",
    what: str = "share of actor mentions",
    percent: bool = True,
) -> Figure:
    """Small multiples, one panel per item: each group's estimate (●) with its 95% interval.

    Args:
        table: a long result of :mod:`analysis.compare` (group, ``item``, ``value``, ci_low,
            ci_high, n_articles).
        articles: the articles frame, for the source line.
        item: the column naming the panels (actor, label).
        value: the estimate column (share or mean).
        what: what the estimate is, for the axis and the title.
        percent: show the estimate as a percentage.
    """
    names = list(dict.fromkeys(table["group"]))
    if len(names) < 2:
        return nothing_to_compare(articles, what, names)
    items = list(dict.fromkeys(table[item]))
    colours = group_colours(names)
    sizes = table.drop_duplicates("group").set_index("group")["n_articles"].to_dict()
    columns = _columns(len(items))
    fig, axes = _panels(
        len(items), columns=columns, sharex=True, sharey=True, height=0.28 * len(names) + 1.2
    )
    scale = 100 if percent else 1
    for ax, name in zip(axes, items, strict=True):
        part = table[table[item] == name].set_index("group").reindex(names)
        for y, group in enumerate(names):
            row = part.loc[group]
            if pd.isna(row[value]):
                ax.text(  # at the panel's left edge, wherever its axis starts
                    0.01,
                    y,
                    "none counted",
                    transform=ax.get_yaxis_transform(),
                    va="center",
                    fontsize=7,
                    color="#555555",
                )
                continue
            ax.plot(
                [row["ci_low"] * scale, row["ci_high"] * scale], [y, y], color=colours[group], lw=2
            )
            ax.scatter([row[value] * scale], [y], color=colours[group], s=30, zorder=3)
        ax.set_title(_shorten(str(name), 32), fontsize=10)
        ax.set_yticks(range(len(names)), names)
        ax.set_ylim(len(names) - 0.4, -0.6)  # first group on top, room above and below
        if not percent:
            ax.axvline(0, color="#555555", lw=0.8)
    _label_bottom(axes, columns, f"{what} ({'%' if percent else '−1 … +1'})")
    fig.suptitle(
        group_finding(table, item=item, value=value, what=what, percent=percent),
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    _group_legend(fig, colours, sizes)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    source_line(fig, articles, caption="● estimate, line: 95% interval from resampling articles")
    return fig


def group_finding(
    table: pd.DataFrame,
    *,
    item: str = "actor",
    value: str = "share",
    what: str = "share of actor mentions",
    percent: bool = True,
) -> str:
    """Where groups differ most: the highest against the lowest group of the widest-gap item,
    among groups with an interval (several articles) when two of them can be compared."""
    estimated = table.dropna(subset=[value])
    if not (estimated.groupby(item)["group"].nunique() >= 2).any():
        return f"No {what} to compare: at most one group has any"
    with_intervals = estimated.dropna(subset=["ci_low", "ci_high"])
    if (with_intervals.groupby(item)["group"].nunique() >= 2).any():
        table = with_intervals  # a gap between groups of several articles, where there is one
    spread = table.dropna(subset=[value]).groupby(item)[value].agg(lambda v: v.max() - v.min())
    if spread.empty:
        return f"No {what} to compare"
    if not spread.max() > 0:
        return f"Every group gives the same {what} to each of these"
    name = spread.idxmax()
    part = table[table[item] == name].dropna(subset=[value])
    high, low = part.loc[part[value].idxmax()], part.loc[part[value].idxmin()]

    def fmt(row: pd.Series) -> str:
        if not percent:
            return f"{row[value]:+.2f}"
        counted = f" ({int(row['n'])} of {int(row['total'])})" if "total" in row.index else ""
        return f"{row[value]:.0%}{counted}"

    if pd.isna(high["ci_low"]) or pd.isna(low["ci_high"]):
        verdict = "one of them from a single article"
    else:
        verdict = "intervals apart" if high["ci_low"] > low["ci_high"] else "intervals overlap"
    return (
        f"{name}: {what} {fmt(high)} in {high['group']} against {fmt(low)} in "
        f"{low['group']} ({verdict})"
    )


def verb_class_bars(table: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Small multiples, one panel per actor: each group's quotes split by reporting-verb class."""
    names = list(dict.fromkeys(sorted(table["group"])))
    if len(names) < 2:
        return nothing_to_compare(articles, "reporting verbs", names)
    actors_shown = list(dict.fromkeys(table["actor"]))
    classes = [c for c in CUE_COLOURS if c in set(table["cue_class"])]
    classes += sorted(set(table["cue_class"]) - set(classes))
    columns = _columns(len(actors_shown))
    fig, axes = _panels(
        len(actors_shown), columns=columns, sharex=True, sharey=True, height=0.3 * len(names) + 1.2
    )
    for ax, actor in zip(axes, actors_shown, strict=True):
        part = table[table["actor"] == actor].pivot_table(
            index="group", columns="cue_class", values="n", aggfunc="sum", fill_value=0
        )
        part = part.reindex(index=names, columns=classes, fill_value=0)
        totals = part.sum(axis=1)
        shares = part.div(totals.where(totals > 0, 1), axis=0) * 100
        left = np.zeros(len(names))
        for cue_class in classes:
            ax.barh(
                names,
                shares[cue_class],
                left=left,
                color=_cue_colour(cue_class),
                label=cue_class,
            )
            left += shares[cue_class].to_numpy()
        for y, total in enumerate(totals):
            ax.text(101, y, f"{int(total)}", va="center", fontsize=7, color="#555555")
        ax.set_title(_shorten(str(actor), 32), fontsize=10)
        ax.set_xlim(0, 112)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
    _label_bottom(axes, columns, "share of quotes (%)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=_cue_colour(c)) for c in classes]
    fig.legend(
        handles, classes, loc="upper left", bbox_to_anchor=(1.0, 0.95), title="reporting verb"
    )
    fig.suptitle(_framed_finding(table), x=0.01, ha="left", fontweight="bold")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    source_line(
        fig,
        articles,
        caption="Each bar: one actor's quotes in one group, split by the class of the reporting "
        "verb; at its right, how many quotes.",
    )
    return fig


def _cue_colour(cue_class: str) -> str:
    return CUE_COLOURS.get(cue_class, CUE_COLOURS["other"])


def _framed_finding(table: pd.DataFrame) -> str:
    """The actor and group whose quotes most often carry a non-neutral verb (≥ 5 quotes)."""
    totals = table.groupby(["actor", "group"])["n"].sum()
    framed = table[~table["cue_class"].isin(UNFRAMED)].groupby(["actor", "group"])["n"].sum()
    share = (framed.reindex(totals.index, fill_value=0) / totals)[totals >= 5]
    if share.empty:
        return "No actor has five quotes in a group: too few to compare verbs"
    actor, group = share.idxmax()
    return (
        f"{group} reports {actor}'s words with a non-neutral verb most often: "
        f"{share.max():.0%} of {int(totals[(actor, group)])} quotes (groups with 5 or more)"
    )


def distinctive_words(
    table: pd.DataFrame, articles: pd.DataFrame, *, what: str = "words"
) -> Figure:
    """Small multiples, one panel per group: its most distinctive words by log-odds z-score."""
    names = list(dict.fromkeys(table["group"]))
    if len(names) < 2:
        return nothing_to_compare(articles, f"distinctive {what}", names)
    colours = group_colours(names)
    top = int(table.groupby("group").size().max())
    columns = _columns(len(names), most=4)
    fig, axes = _panels(
        len(names), columns=columns, width=3.0, height=0.24 * top + 1.0, sharex=True
    )
    for ax, group in zip(axes, names, strict=True):
        part = table[table["group"] == group].sort_values("z")
        ax.barh(
            [f"{w} ({n})" for w, n in zip(part["word"], part["n"], strict=True)],
            part["z"],
            color=colours[group],
        )
        ax.axvline(1.96, color="#555555", lw=0.8, ls="--")
        ax.set_title(f"{_shorten(str(group), 24)} ({_articles(part['n_articles'].iloc[0])})",
                     fontsize=10)  # fmt: skip
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=8)
    _label_bottom(axes, columns, "z-score of the log-odds ratio")
    lead = table.loc[table["z"].idxmax()]
    fig.suptitle(
        f"Most distinctive of any group: '{lead['word']}' in {lead['group']} "
        f"(z = {lead['z']:.1f}, used {int(lead['n'])} times there, "
        f"{int(lead['n_other'])} elsewhere)",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    source_line(
        fig,
        articles,
        caption=f"Each group's {what} against all other groups: weighted log-odds ratio with an "
        "informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); dashed line z = 1.96; "
        "in brackets: uses in the group.",
    )
    return fig


def over_time(table: pd.DataFrame, articles: pd.DataFrame, *, unit: str = "month") -> Figure:
    """Mentions share, voice share and tone per period for a few actors, with 95% intervals, over
    a bar panel of the articles in each period."""
    periods = table.drop_duplicates("period").sort_values("period_start")
    if len(periods) < 2:
        dated = int(periods["n_articles"].sum()) if len(periods) else 0
        note = (
            f"All {dated} dated articles fall in one {unit}; choose a shorter period."
            if dated > 1
            else f"{'One article is' if dated else 'No article is'} dated: nothing to follow "
            "over time."
        )
        return _nothing_to_draw("One period: nothing to follow over time", note, articles)
    names = list(dict.fromkeys(table["actor"]))
    colours = group_colours(names)
    measures = [
        ("mentions", "share of actor mentions (%)", 100),
        ("voice", "share of quoted words (%)", 100),
    ]
    tone = [m for m in table["measure"].unique() if m not in ("mentions", "voice")]
    measures += [(m, f"{m}\n(−1 … +1)", 1) for m in tone]
    fig, axes = plt.subplots(
        len(measures) + 1,
        1,
        figsize=(10, 2.3 * len(measures) + 2.2),
        sharex=True,
        gridspec_kw={"height_ratios": [3] * len(measures) + [1.4]},
    )
    width = (periods["period_start"].diff().median() or pd.Timedelta(days=7)) * 0.8
    offsets = np.linspace(-0.25, 0.25, len(names)) * width
    for ax, (measure, label, scale) in zip(axes, measures, strict=False):
        for offset, actor in zip(offsets, names, strict=True):
            part = table[(table["measure"] == measure) & (table["actor"] == actor)]
            part = part.sort_values("period_start")
            x = part["period_start"] + offset
            ax.errorbar(
                x,
                part["value"] * scale,
                yerr=[
                    (part["value"] - part["ci_low"]).clip(lower=0) * scale,
                    (part["ci_high"] - part["value"]).clip(lower=0) * scale,
                ],
                color=colours[actor],
                marker="o",
                ms=4,
                lw=1.2,
                capsize=2,
                label=actor,
            )
        if scale == 1:
            ax.axhline(0, color="#555555", lw=0.8)
        ax.set_ylabel(label, fontsize=8)
    counts = periods.set_index("period_start")["n_articles"]
    bars = axes[-1]
    bars.bar(counts.index, counts.to_numpy(), width=width, color=OKABE_ITO["grey"])
    bars.set_ylim(0, counts.max() * 1.3)
    bars.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=3, integer=True))
    if len(counts) <= 16:  # more labels would run into each other
        for when, count in counts.items():
            bars.text(when, count, f"{count}", ha="center", va="bottom", fontsize=7)
    bars.set_ylabel(f"articles per {unit}", fontsize=8)
    bars.set_xlabel(f"{unit} (labelled by its first day)")
    step = -(-len(periods) // 12)  # at most a dozen labels
    labels = [p if i % step == 0 else "" for i, p in enumerate(periods["period"])]
    bars.set_xticks(periods["period_start"], labels, rotation=45, ha="right")
    axes[0].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="actor")
    fig.suptitle(time_finding(table, unit), x=0.01, ha="left", fontweight="bold")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    source_line(
        fig,
        articles,
        caption="● estimate per period, bars: 95% interval from resampling that period's articles "
        "(none for a period of one article).",
    )
    return fig


def time_finding(table: pd.DataFrame, unit: str) -> str:
    """Which of the actors drawn leads the mentions in most periods (those in which any of them
    is mentioned; ties count for none), and its peak."""
    shares = table[table["measure"] == "mentions"].dropna(subset=["value"])
    n_periods = shares["period"].nunique()
    shares = shares[shares["value"] > 0]
    if shares.empty:
        return f"None of these actors is mentioned in any of the {n_periods} {unit}s"
    top = shares.groupby("period")["value"].transform("max")
    leaders = shares[shares["value"] == top]
    leaders = leaders[~leaders.duplicated("period", keep=False)]  # a tie has no leader
    counts = leaders["actor"].value_counts()
    actor = counts.index[0] if len(counts) else shares.loc[shares["value"].idxmax(), "actor"]
    peak = shares[shares["actor"] == actor].nlargest(1, "value").iloc[0]
    active = shares["period"].nunique()
    periods = (
        f"{active} {unit}s"
        if active == n_periods
        else f"the {active} {unit}s whose articles name any of them"
    )
    return (
        f"{actor} leads the mentions in {counts.get(actor, 0)} of {periods}, "
        f"peaking at {peak['value']:.0%} in {peak['period']}"
    )
