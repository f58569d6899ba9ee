"""How it changes over time: mentions, voice and tone of a few actors per period."""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.colours import OKABE_ITO, group_colours
from analysis.charts.style import nothing_to_draw, source_line


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
        return nothing_to_draw("One period: nothing to follow over time", note, articles)
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
