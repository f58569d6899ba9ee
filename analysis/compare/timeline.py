"""How it changes over time: mentions share, voice share and tone per publication period."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.compare.articles import NO_GROUP, period
from analysis.compare.shares import (
    N_BOOT,
    TONE_MEASURES,
    mention_shares,
    most_frequent,
    tone_around,
    voice_shares,
)
from analysis.frames import Frames


def over_time(
    frames: Frames,
    *,
    actors: Sequence[str] | None = None,
    unit: str = "month",
    top: int = 3,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Mentions share, voice share and tone (VADER, sentences mentioning the actor) per period.

    Returns:
        Columns period (label), period_start (datetime), actor, measure (``mentions``,
        ``voice``, or a tone measure), value, ci_low, ci_high, n_articles (dated articles in
        the period). Undated articles are left out.
    """
    chosen = (
        list(actors) if actors is not None else most_frequent(frames.mentions, "actor", None, top)
    )
    by = period(unit)
    parts = [
        mention_shares(frames, by, actors=chosen, n_boot=n_boot, seed=seed).assign(
            measure="mentions"
        ),
        voice_shares(frames, by, actors=chosen, n_boot=n_boot, seed=seed).assign(measure="voice"),
    ]
    tone = tone_around(frames, by, actors=chosen, n_boot=n_boot, seed=seed)
    parts.append(tone[tone["measure"] != TONE_MEASURES["polarity"]])
    table = pd.concat(
        [p.rename(columns={"share": "value", "mean": "value"}) for p in parts], ignore_index=True
    )
    table = table[table["group"] != NO_GROUP].rename(columns={"group": "period"})
    table["period_start"] = pd.to_datetime(table["period"])
    columns = ["period", "period_start", "actor", "measure", "value", "ci_low", "ci_high"]
    return table[[*columns, "n_articles"]].sort_values(["measure", "actor", "period_start"])
