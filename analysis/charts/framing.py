"""How it is framed: admissions against the official line, what actors say against what is said
around them, who acts and who is acted upon, and the article with its framing marks."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis import sentiment
from analysis.charts.colours import side_colour, side_legend
from analysis.charts.style import count_axis, nothing_to_draw, shorten, shown, source_line


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
        return nothing_to_draw(
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
                f"{'admission' if speaker else pair.actor}: {shorten(pair.admission, 48)}",
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
    side_legend(axes[-1], [_side_of(voice_portrayal, actor) for actor in order[::-1]], outside=True)
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
    count_axis(ax.xaxis, signed=False)
    ax.set_xlabel("← patient: acted upon (count)      agent: acts (count) →")
    ax.set_ylabel(shown(len(table), agency_summary["actor"].nunique(), "actors"))
    ax.grid(axis="y", visible=False)
    lead = table.iloc[-1]
    ax.set_title(
        f"{lead['actor']} is the agent of {int(lead['agent'])} verbs and the patient of "
        f"{int(lead['patient'])}"
    )
    side_legend(ax, table["side"].iloc[::-1])
    source_line(fig, articles)
    return fig


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
