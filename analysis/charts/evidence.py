"""The sentences behind a chart: the first rows it counted, each with its article and sentence."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.charts.style import shown


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
