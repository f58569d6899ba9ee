"""How groups of articles (outlets, topics, periods) differ: small multiples of estimates with
intervals, reporting-verb classes per group, and each group's most distinctive words."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.colours import CUE_COLOURS, group_colours
from analysis.charts.style import article_count, nothing_to_draw, shorten, source_line
from analysis.charts.voice import UNFRAMED


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
    return nothing_to_draw("One group: nothing to compare", note, articles)


def _group_legend(fig: Figure, colours: dict[str, str], sizes: dict[str, int]) -> None:
    handles = [plt.Line2D([], [], ls="", marker="o", color=c) for c in colours.values()]
    labels = [f"{g} ({article_count(sizes.get(g, 0))})" for g in colours]
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
        ax.set_title(shorten(str(name), 32), fontsize=10)
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
        ax.set_title(shorten(str(actor), 32), fontsize=10)
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
        ax.set_title(f"{shorten(str(group), 24)} ({article_count(part['n_articles'].iloc[0])})",
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
