"""How every chart is laid out: the style sheet, the source line under a figure, "N of M shown",
whole-number count axes, and the figure drawn when there is nothing to draw."""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
from matplotlib.figure import Figure

#: The project style sheet, shipped beside the package modules in ``analysis/``.
STYLE = Path(__file__).parents[1] / "newsframe.mplstyle"


def use_style() -> None:
    """Apply the project style sheet to every later figure."""
    plt.style.use(STYLE)


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
    text = shorten(text, 150)
    if caption:
        text = textwrap.fill(caption, 130) + "\n\n" + text
    renderer = fig.canvas.get_renderer()
    lowest = min(ax.get_tightbbox(renderer).y0 for ax in fig.axes) / fig.bbox.height
    fig.text(0.01, min(lowest, 0) - 0.02, text, ha="left", va="top", fontsize=8, color="#555555")


def count_axis(axis, *, signed: bool = True) -> None:
    """Whole-number ticks on a count axis; ``signed=False`` labels negative counts by their
    size (the left half of a diverging bar chart)."""
    axis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    if not signed:
        axis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda value, _: f"{abs(round(value))}")
        )


def article_count(n: object) -> str:
    """ "1 article", "12 articles"."""
    return f"{int(n)} article{'' if int(n) == 1 else 's'}"


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the last an ellipsis when anything was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def nothing_to_draw(title: str, note: str, articles: pd.DataFrame) -> Figure:
    """A small figure that says what is absent, instead of empty axes."""
    fig, ax = plt.subplots(figsize=(10, 1.6))
    ax.axis("off")
    ax.set_title(title)
    ax.text(0, 0.5, note, transform=ax.transAxes, fontsize=10, va="center")
    source_line(fig, articles)
    return fig
