"""How it is drawn: one style sheet, one fixed colour per side, one function per chart.

Every chart function takes frames, draws on a new figure and returns it; titles state the finding,
axes carry units, and a source line names the article(s). Colours come from the Okabe–Ito
colour-blind-safe palette and are fixed per side, so Russia is the same colour in every chart.
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import spacy
from matplotlib.figure import Figure

from analysis import corpus, sentiment

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


def source_line(fig: Figure, articles: pd.DataFrame, *, caption: str | None = None) -> None:
    """Write "Source: <outlet>, <date> — <title>" (or the corpus size) under the figure,
    after an optional caption (wrapped)."""
    if len(articles) == 1:
        row = articles.iloc[0]
        parts = [str(v) for v in (row["source"], row["published_text"]) if pd.notna(v)]
        title = f" — {row['title']}" if pd.notna(row["title"]) else ""
        text = f"Source: {', '.join(parts) or row['article_id']}{title}"
    else:
        text = f"Source: {len(articles)} articles; newsframe analysis"
    text = _shorten(text, 150)
    if caption:
        text = textwrap.fill(caption, 130) + "\n\n" + text
    renderer = fig.canvas.get_renderer()
    lowest = min(ax.get_tightbbox(renderer).y0 for ax in fig.axes) / fig.bbox.height
    fig.text(0.01, min(lowest, 0) - 0.02, text, ha="left", va="top", fontsize=8, color="#555555")


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
    middle = x.max() / 2
    for rank, row in enumerate(strongest.sort_values("vader_compound").itertuples()):
        sign = 1 if row.vader_compound > 0 else -1
        ax.annotate(
            f"{row.sent_id}: {_shorten(row.text, 50)} ({row.vader_compound:+.2f})",
            (row.sent_id, row.vader_compound),
            xytext=(
                0.98 if row.sent_id > middle else 0.02,
                0.93 - 0.06 * rank if sign > 0 else 0.05 + 0.06 * rank,
            ),
            textcoords="axes fraction",
            ha="right" if row.sent_id > middle else "left",
            fontsize=7.5,
            arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6},
        )
    negative = (sentences["vader_compound"] < -0.05).mean()
    ax.set_title(f"{negative:.0%} of sentences read negative to VADER")
    ax.set_xlabel("sentence (order in the article)")
    ax.set_ylabel("sentiment score (−1 … +1)")
    ax.set_ylim(-1.15, 1.15)
    ax.legend(loc="upper center", ncol=2)
    source_line(fig, articles)
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


def _side_legend(ax, sides) -> None:
    labels = list(dict.fromkeys(s if isinstance(s, str) else "other" for s in sides))
    handles = [plt.Rectangle((0, 0), 1, 1, color=side_colour(label)) for label in labels]
    ax.legend(handles, labels, title="side", loc="lower right")


def actor_mentions(actors: pd.DataFrame, articles: pd.DataFrame, *, top: int = 15) -> Figure:
    """Bars: mentions per actor (names, titles, roles, pronouns and metonyms), coloured by side."""
    table = actors.groupby(["actor", "side"], dropna=False)["n_mentions"].sum().reset_index()
    table = table.nlargest(top, "n_mentions").iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(table) + 1.4))
    ax.barh(table["actor"], table["n_mentions"], color=[side_colour(s) for s in table["side"]])
    for y, value in enumerate(table["n_mentions"]):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    lead = table.iloc[-1]
    ax.set_title(f"{lead['actor']} is mentioned most: {lead['n_mentions']} times")
    ax.set_xlabel("mentions (names, titles, roles, pronouns, metonyms)")
    ax.grid(axis="y", visible=False)
    _side_legend(ax, table["side"].iloc[::-1])
    source_line(fig, articles)
    return fig


def actor_ribbon(
    mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, top: int = 12
) -> Figure:
    """Where each actor appears along the article: one row per actor, one mark per mention."""
    order = mentions["actor"].value_counts().index[:top]
    shown = mentions[mentions["actor"].isin(order)]
    fig, ax = plt.subplots(figsize=(10, 0.34 * len(order) + 1.6))
    rows = {actor: i for i, actor in enumerate(order[::-1])}
    for named in (True, False):
        part = shown[(shown["how"].isin(["name", "alias", "title"])) == named]
        colours = [side_colour(s) for s in part["side"]]
        ax.scatter(
            part["sent_id"],
            part["actor"].map(rows),
            s=42,
            linewidths=1.3,
            facecolors=colours if named else "none",
            edgecolors=colours,
        )
    ax.legend(
        [
            plt.Line2D([], [], ls="", marker="o", color="#555555", mfc=fill)
            for fill in ("#555555", "none")
        ],
        ["named", "pronoun, role or metonym"],
        loc="lower right",
        bbox_to_anchor=(1, 1),
        ncol=2,
    )
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_xlim(-1, int(sentences["sent_id"].max()) + 1)
    ax.set_xlabel("sentence (order in the article)")
    first = shown.groupby("actor")["sent_id"].min().reindex(order)
    ax.set_title(f"{order[0]} runs through the article, from sentence {first.iloc[0]} on")
    source_line(fig, articles)
    return fig


def co_occurrence(mentions: pd.DataFrame, articles: pd.DataFrame, *, top: int = 10) -> Figure:
    """Heatmap: in how many sentences each pair of the most-mentioned actors appears together."""
    order = list(mentions["actor"].value_counts().index[:top])
    matrix = actors_together(mentions, order)
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    image = ax.imshow(matrix.values, cmap="Blues")
    ax.set_xticks(range(len(order)), order, rotation=40, ha="right")
    ax.set_yticks(range(len(order)), order)
    ax.set_xlabel("sentences in which both actors are mentioned (count in each cell)")
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
    pairs = matrix.where(
        ~pd.DataFrame(np.eye(len(order), dtype=bool), matrix.index, matrix.columns)
    )
    a, b = pairs.stack().idxmax()
    ax.set_title(f"{a} and {b} share the most sentences ({int(pairs.loc[a, b])})")
    source_line(fig, articles)
    return fig


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
        ax.grid(axis="y", visible=False)
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
    framed = table.drop(columns=[c for c in ("neutral",) if c in table.columns]).sum(axis=1)
    ax.set_title(
        f"{framed.idxmax()}'s words are most often reported with a non-neutral verb "
        f"({framed.max()} of {table.loc[framed.idxmax()].sum()})"
    )
    ax.set_xlabel("quotes (count)")
    ax.grid(axis="y", visible=False)
    ax.legend(title="reporting verb", loc="lower right")
    source_line(fig, articles)
    return fig


CUE_COLOURS = {
    "neutral": "#BBBBBB",
    "assertive": OKABE_ITO["blue"],
    "concessive": OKABE_ITO["vermillion"],
    "distancing": OKABE_ITO["orange"],
    "rejecting": OKABE_ITO["reddish purple"],
    "directive": OKABE_ITO["bluish green"],
    "tentative": OKABE_ITO["sky blue"],
    "critical": OKABE_ITO["yellow"],
    "other": "#555555",
}


def cue_table(quotes: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """Quotes per speaker (rows, most quoted first) and reporting-verb class (columns).

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
    loaded = table.drop(columns=[c for c in ("neutral",) if c in table.columns])
    verbs = ", ".join(f"{c} {int(loaded[c].sum())}" for c in loaded.columns if loaded[c].sum())
    ax.set_title(f"Beyond 'said': {verbs}")
    ax.set_xlabel("reporting-verb class")
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
    stated = counts.drop("not stated", errors="ignore").sum()
    ax.set_title(f"{stated} of {counts.sum()} quotes name the channel they came through")
    ax.set_xlabel("quotes (count)")
    ax.grid(axis="y", visible=False)
    source_line(fig, articles)
    return fig


def quote_table(quotes: pd.DataFrame, fragments: pd.DataFrame, actors: pd.DataFrame):
    """A readable quote table: speakers in side colours, cue, kind, quoted fragments marked."""
    from IPython.display import HTML

    sides = actors.drop_duplicates("actor").set_index("actor")["side"]
    rows = []
    for quote in quotes.itertuples():
        own = fragments[
            (fragments["article_id"] == quote.article_id)
            & (fragments["quote_id"] == quote.quote_id)
        ]
        content = _marked(quote.content, quote.start, own)
        colour = side_colour(sides.get(quote.speaker))
        rows.append(
            f"<tr><td style='color:{colour};font-weight:600'>{html.escape(str(quote.speaker))}</td>"
            f"<td>{html.escape(str(quote.cue))}<br><small>{quote.cue_class}</small></td>"
            f"<td>{quote.kind}</td><td style='text-align:left'>{content}</td></tr>"
        )
    head = "<tr><th>speaker</th><th>cue</th><th>kind</th><th>what is reported</th></tr>"
    return HTML(f"<table>{head}{''.join(rows)}</table>")


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


def highlighted_text(text: str, marks: pd.DataFrame):
    """The article with framing marks highlighted: labels, scare quotes, hedges (hover: entry)."""
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
    return HTML(f"<div style='max-width:48rem;line-height:1.5'><p>{legend}</p><p>{body}</p></div>")


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
    """Per actor: tone of their own quotes (●) vs of sentences about them (○), 95% bootstrap CIs."""
    voiced = voice_portrayal.loc[voice_portrayal["view"] == "voice", "actor"].unique()
    size = voice_portrayal[voice_portrayal["actor"].isin(voiced)].groupby("actor")["n"].sum()
    order = list(size.sort_values(ascending=False).index[:top])[::-1]
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.45 * len(order) + 2.6), sharey=True)
    for ax, analyser, label in (
        (axes[0], "textblob", "TextBlob polarity"),
        (axes[1], "vader", "VADER compound"),
    ):
        part = voice_portrayal[voice_portrayal["analyser"] == analyser]
        for y, actor in enumerate(order):
            for view, offset, fill in (("voice", 0.15, True), ("portrayal", -0.15, False)):
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
                    color=colour if fill else "white",
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
    fig.suptitle(
        "What actors say (●) and what is said around them (○): means with 95% bootstrap intervals",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    source_line(fig, articles)
    return fig


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
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(int(t))}" for t in ticks])
    ax.set_xlabel("← patient: acted upon (count)      agent: acts (count) →")
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
        summary = (
            f"sentence {row.sent_id}: TextBlob {row.polarity:+.2f}, VADER {row.vader_compound:+.2f}"
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
