"""Which colour is whose: a fixed Okabe–Ito colour per side, one of its own for every other side,
one grey for none; palettes for groups of articles, the two analysers and the reporting-verb
classes; the side legend."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

from analysis import actors, config, lexicons

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
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def read_side_colours(path: Path = config.SIDES_TABLE) -> dict[str, str]:
    """The fixed side colours of ``data/sides.csv`` (columns side, colour), as hex.

    Raises:
        LexiconError: the file is malformed or a colour is neither an Okabe–Ito name nor
            ``#RRGGBB`` (file and line named).
    """
    colours = {}
    for line, row in lexicons.read_rows(path, ("side", "colour")):
        colour = OKABE_ITO.get(row["colour"], row["colour"])
        if not _HEX.fullmatch(colour):
            raise lexicons.LexiconError(
                f"{path}, line {line}: colour {row['colour']!r} is neither an Okabe–Ito name "
                f"({', '.join(OKABE_ITO)}) nor #RRGGBB"
            )
        colours[row["side"]] = colour
    return colours


#: The sides of ``data/sides.csv`` keep fixed colours in every chart (the war's: Okabe–Ito).
SIDE_COLOURS = read_side_colours()
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
_EXTRA_SIDES: dict[str, str] = {}


def side_colour(side: object) -> str:
    """The colour of a side: fixed for the sides of ``data/sides.csv`` (:data:`SIDE_COLOURS`),
    a distinct colour of its own for every other side, one neutral grey for none."""
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


def side_legend(ax, sides, *, outside: bool = False) -> None:
    """One legend entry per side shown (none: "no side" in grey), each with its own colour."""
    labels, handles = side_legend_entries(sides)
    where = (
        {"loc": "upper left", "bbox_to_anchor": (1.01, 1)} if outside else {"loc": "lower right"}
    )
    ax.legend(handles, labels, title="side", **where)


def side_legend_entries(sides) -> tuple[list[str], list]:
    """The labels and colour patches of :func:`side_legend`: one per side, as first met."""
    first = {side_label(s): s for s in reversed(list(sides))}
    labels = list(dict.fromkeys(side_label(s) for s in sides))
    return labels, [
        plt.Rectangle((0, 0), 1, 1, color=side_colour(first[label])) for label in labels
    ]
