"""Who speaks and how it is reported: quotes and quoted words per speaker, reporting-verb classes,
channels, and the quote table."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis import corpus
from analysis.charts.colours import CUE_COLOURS, OKABE_ITO, side_colour, side_legend
from analysis.charts.style import article_name, count_axis, shorten, shown, source_line


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
        ax.barh([shorten(str(s), 40) for s in table["speaker"]], table[column], color=colours)
        ax.set_xlabel(label)
        count_axis(ax.xaxis)
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
    side_legend(axes[1], table["side"].iloc[::-1])
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
    names = [shorten(str(s), 40) for s in table.index]
    for cue_class in table.columns:
        ax.barh(names, table[cue_class], left=left, label=cue_class, color=CUE_COLOURS[cue_class])
        left += table[cue_class].to_numpy()
    ax.set_title(_cue_finding(table))
    ax.set_xlabel("quotes (count)")
    ax.set_ylabel(shown(len(table), quotes["speaker"].nunique(), "speakers"))
    count_axis(ax.xaxis)
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
    ax.set_yticks(range(len(table)), [shorten(str(s), 40) for s in table.index])
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
    ax.set_title(_beyond_said(cue_table(quotes, top=None)))
    ax.set_xlabel("reporting-verb class")
    ax.set_ylabel(shown(len(table), quotes["speaker"].nunique(), "speakers"))
    source_line(fig, articles)
    return fig


def _beyond_said(everyone: pd.DataFrame) -> str:
    """How many attributed quotes (all speakers, shown or not) have a verb beyond "said", and
    the three classes used most."""
    framed = everyone.drop(columns=[c for c in UNFRAMED if c in everyone.columns]).sum()
    framed = framed[framed > 0].sort_values(ascending=False, kind="stable")
    total = int(everyone.to_numpy().sum())
    if framed.empty:
        return f"None of {total} attributed quotes is reported with a verb beyond 'said'"
    most = ", ".join(f"{c} {int(n)}" for c, n in framed.head(3).items())
    more = f" (of {len(framed)} classes)" if len(framed) > 3 else ""
    return (
        f"{int(framed.sum())} of {total} attributed quotes are reported with a verb beyond "
        f"'said'; most often {most}{more}"
    )


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
    count_axis(ax.xaxis)
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
