"""An explorer for JupyterLab: pick a group of articles, an actor and a view; read the sentences.

``analysis.explore(frames)`` returns an :class:`Explorer`. Displayed in JupyterLab it is a small
ipywidgets form — *group by* (any articles column, or the month of publication), *group*,
*actor* (those quoted or mentioned in the group, most quoted first) and *view*:

- ``quotes``: the actor's quotes, with cue, verb class, channel and tone;
- ``about``: the sentences that mention the actor, with how they are named, whether the actor
  speaks in that sentence, and its tone;
- ``labels``: the actor as agent or patient of verbs, and the labels, scare quotes and hedges
  that are theirs;

and a table plus the annotated sentences (drawn by :mod:`analysis.annotate`) update. Every
callback ends in :meth:`Explorer.select`, a plain method returning the table and HTML shown, so
tests and scripts drive it without a browser. Where no widget can run (an HTML report), the
explorer shows a note and links to the static annotated pages instead.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from analysis import annotate, compare, summaries
from analysis.frames import Frames

ALL = "(all articles)"
MONTH = "published month"
#: The views: name -> label in the form.
VIEWS = {
    "quotes": "their quotes",
    "about": "sentences about them",
    "labels": "labels and agency",
}
#: Articles columns never offered for grouping (one value per article and not a name for it).
_NOT_GROUPS = ("text", "path", "url", "n_words")
MAX_SENTENCES = 30


@dataclass(frozen=True)
class Selection:
    """What the explorer shows for one choice: the table and the annotated sentences (HTML)."""

    by: str
    group: str
    actor: str | None
    view: str
    table: pd.DataFrame
    html: str


class Explorer:
    """Group × actor × view over one set of frames; :meth:`select` is the only logic.

    Args:
        frames: the frames to explore (one article or a corpus).
    """

    def __init__(self, frames: Frames) -> None:
        self.frames = frames
        self._labels = _group_labels(frames.articles)
        self._layers: dict[str, annotate.ArticleLayers] = {}
        self._form: _Form | None = None

    # --- the choices ----------------------------------------------------------------------------

    @property
    def groupings(self) -> list[str]:
        """What articles can be grouped by: ``source``, ``published month``, other columns."""
        return list(self._labels)

    def groups(self, by: str) -> list[str]:
        """The groups of ``by``, after :data:`ALL`: most articles first, ties by name."""
        counts = self._grouping(by).value_counts()
        return [ALL, *sorted(map(str, counts.index), key=lambda group: (-counts[group], group))]

    def article_ids(self, by: str, group: str) -> list[str]:
        """The articles in ``group`` of ``by`` (every article for :data:`ALL`), in corpus order."""
        ids = self.frames.articles["article_id"]
        labels = self._grouping(by)
        if group == ALL:
            return list(ids)
        if group not in set(labels):
            raise ValueError(f"no group {group!r} in {by!r}: choose one of {self.groups(by)[1:]}")
        return list(ids[(labels == group).to_numpy()])

    def actors(self, by: str, group: str) -> list[str]:
        """Actors mentioned or quoted in the group: most quoted first, then most mentioned."""
        chosen = set(self.article_ids(by, group))
        mentions = self.frames.mentions
        quotes = self.frames.quotes
        counts = pd.DataFrame(
            {
                "mentions": mentions[mentions["article_id"].isin(chosen)]["actor"]
                .dropna()
                .value_counts(),
                "quotes": quotes[quotes["article_id"].isin(chosen)]["speaker"]
                .dropna()
                .value_counts(),
            }
        ).fillna(0)
        counts = counts.rename_axis("actor").reset_index()
        counts = counts.sort_values(["quotes", "mentions", "actor"], ascending=[False, False, True])
        return [str(actor) for actor in counts["actor"]]

    def _grouping(self, by: str) -> pd.Series:
        if by not in self._labels:
            raise ValueError(f"cannot group by {by!r}: choose one of {self.groupings}")
        return self._labels[by]

    # --- what is shown --------------------------------------------------------------------------

    def select(
        self,
        *,
        by: str = "source",
        group: str = ALL,
        actor: str | None = None,
        view: str = "quotes",
    ) -> Selection:
        """The table and annotated sentences for one choice.

        Args:
            by: what to group articles by (one of :attr:`groupings`).
            group: one group of ``by``, or :data:`ALL`.
            actor: a canonical actor (one of :meth:`actors`); None: the group's most quoted.
            view: ``quotes``, ``about`` or ``labels`` (see :data:`VIEWS`).

        Returns:
            A :class:`Selection`: the table (one row per quote, sentence or mark, with
            ``article_id`` and ``sent_id``) and the HTML of the sentences it lists.

        Raises:
            ValueError: an unknown grouping, group or view.
        """
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}: choose one of {list(VIEWS)}")
        chosen = self.article_ids(by, group)
        if actor is None:
            candidates = self.actors(by, group)
            actor = candidates[0] if candidates else None
        rows = {"quotes": self._quotes, "about": self._about, "labels": self._labels_and_agency}
        table = rows[view](set(chosen), actor).reset_index(drop=True)
        return Selection(by, group, actor, view, table, self._sentences_html(table, actor, view))

    def _quotes(self, chosen: set[str], actor: str | None) -> pd.DataFrame:
        quotes = self.frames.quotes
        own = quotes[quotes["article_id"].isin(chosen) & (quotes["speaker"] == actor)]
        columns = ["article_id", "quote_id", "sent_start", "sent_end", "kind", "cue"]
        columns += ["cue_class", "channel", "polarity", "vader_compound", "content"]
        table = own[columns].rename(columns={"sent_start": "sent_id"})
        return table.sort_values(["article_id", "quote_id"], key=self._corpus_order)

    def _about(self, chosen: set[str], actor: str | None) -> pd.DataFrame:
        keys = ["article_id", "sent_id"]
        mentions = self.frames.mentions
        own = mentions[mentions["article_id"].isin(chosen) & (mentions["actor"] == actor)]
        named = own.groupby(keys, sort=False).agg(
            named_as=("text", lambda t: " | ".join(dict.fromkeys(t))),
            how=("how", lambda h: " | ".join(dict.fromkeys(h))),
        )
        sentences = self.frames.sentences.set_index(keys)
        table = named.join(sentences[["polarity", "vader_compound", "text"]]).reset_index()
        speaking = summaries.speaking_sentences(self.frames.sentences, self.frames.quotes)
        speaking = speaking[speaking["actor"] == actor][keys].assign(speaks=True)
        table = table.merge(speaking, on=keys, how="left")
        table["speaks"] = table["speaks"].fillna(False).astype(bool)
        columns = ["article_id", "sent_id", "named_as", "how", "speaks"]
        columns += ["polarity", "vader_compound", "text"]
        return table[columns].sort_values(keys, key=self._corpus_order)

    def _labels_and_agency(self, chosen: set[str], actor: str | None) -> pd.DataFrame:
        agency = self.frames.agency
        acts = agency[agency["article_id"].isin(chosen) & (agency["actor"] == actor)]
        marks = self.frames.framing_marks
        theirs = marks[marks["article_id"].isin(chosen) & (marks["actor"] == actor)]
        columns = ["article_id", "sent_id", "what", "words", "verb_or_entry", "detail"]
        table = pd.concat(
            [
                pd.DataFrame(
                    {
                        "article_id": acts["article_id"],
                        "sent_id": acts["sent_id"],
                        "what": acts["role"],
                        "words": acts["text"],
                        "verb_or_entry": acts["verb"],
                        "detail": "credited via " + acts["via"],
                    }
                ),
                pd.DataFrame(
                    {
                        "article_id": theirs["article_id"],
                        "sent_id": theirs["sent_id"],
                        "what": theirs["kind"],
                        "words": theirs["text"],
                        "verb_or_entry": theirs["entry"],
                        "detail": theirs["category"],
                    }
                ),
            ],
            ignore_index=True,
        )
        return table[columns].sort_values(["article_id", "sent_id"], key=self._corpus_order)

    def _corpus_order(self, column: pd.Series) -> pd.Series:
        """Sort key: article ids in corpus order, other columns as they are."""
        if column.name != "article_id":
            return column
        order = {aid: i for i, aid in enumerate(self.frames.articles["article_id"])}
        return column.map(order)

    def _article(self, article_id: str) -> annotate.ArticleLayers:
        if article_id not in self._layers:
            self._layers[article_id] = annotate.layers(self.frames, article_id)
        return self._layers[article_id]

    def _sentences_html(self, table: pd.DataFrame, actor: str | None, view: str) -> str:
        """The sentences the table lists, annotated, in table order (at most MAX_SENTENCES)."""
        about = html.escape(f"{VIEWS[view]} — {actor}" if actor else VIEWS[view])
        if table.empty:
            return f'<div class="nf-annotated"><p><b>{about}</b>: nothing in this group.</p></div>'
        end_column = "sent_end" if "sent_end" in table.columns else "sent_id"
        spans = (
            table.assign(last=table[end_column])
            .groupby(["article_id", "sent_id"], sort=False)["last"]
            .max()
            .reset_index()
        )
        blocks = []
        for article_id, first, last in spans.head(MAX_SENTENCES).itertuples(index=False):
            article = self._article(article_id)
            sentences = article.sentences[article.sentences["sent_id"].between(first, last)]
            start, end = int(sentences["start"].min()), int(sentences["end"].max())
            title = annotate.article_title(article.article)
            where = f"sentence {first}" if first == last else f"sentences {first}–{last}"
            blocks.append(
                f'<h4 class="nf-where">{html.escape(title)} · {where}</h4>'
                + annotate.block_html(article, start, end, sentences)
            )
        more = len(spans) - MAX_SENTENCES
        tail = f"<p><small>… and {more} more (see the table)</small></p>" if more > 0 else ""
        return (
            f"<style>{annotate.STYLE}{_EXPLORER_STYLE}</style>"
            f'<div class="nf-annotated nf-explorer"><p><b>{about}</b></p>{"".join(blocks)}{tail}'
            "</div>"
        )

    # --- the widget and what a static page shows instead ----------------------------------------

    def static_note(self) -> str:
        """HTML shown where the widget cannot run: what the explorer does, and links to every
        article's static annotated page (relative to the report folder)."""
        articles = self.frames.articles
        items = "".join(
            f'<li><a href="{html.escape(annotate.page_link(str(a.article_id)))}">'
            f"{html.escape(annotate.article_title(a))}</a>"
            f"<small> {html.escape(_join(a.source, a.published))}</small></li>"
            for a in articles.itertuples()
        )
        return (
            '<div class="nf-static-note" style="border:1px solid #bbb;border-radius:6px;'
            'padding:.6rem 1rem;background:#f7f7f7">'
            "<p><b>The interactive explorer needs a running Jupyter kernel.</b> Open this "
            "notebook in JupyterLab (<code>make lab</code>, then <code>06-explore</code>) to "
            "choose a group of articles, an actor and a view — their quotes, the sentences "
            "about them, their labels and agency — and read the annotated sentences.</p>"
            f"<p>In this static report, read each article annotated ({len(articles)}):</p>"
            f"<ul>{items}</ul></div>"
        )

    @property
    def form(self) -> _Form:
        """The form's controls and outputs (built on first use), for driving the callbacks."""
        if self._form is None:
            self._form = _Form(self)
        return self._form

    @property
    def widget(self):
        """The ipywidgets box JupyterLab shows."""
        return self.form.box

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """The widget where a front end can show it; the static note everywhere else."""
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/html"] = self.static_note()
        bundle["text/plain"] = (
            f"Explorer over {len(self.frames.articles)} article(s): run in JupyterLab to use it"
        )
        return bundle


def explore(frames: Frames) -> Explorer:
    """The explorer over ``frames``; display it in JupyterLab (the last expression of a cell).

    Args:
        frames: the frames of one article or a corpus (:func:`analysis.frames_for`).

    Returns:
        An :class:`Explorer`: a form in JupyterLab, a note with links in a static page, and
        :meth:`Explorer.select` for scripts and tests.
    """
    return Explorer(frames)


class _Form:
    """The ipywidgets controls; every change calls :meth:`Explorer.select` and shows the result."""

    def __init__(self, explorer: Explorer) -> None:
        import ipywidgets as widgets

        self.explorer = explorer
        layout = widgets.Layout(width="24rem")
        self.by = widgets.Dropdown(
            options=explorer.groupings,
            value=_first(explorer.groupings, "source"),
            description="group by",
            layout=layout,
        )
        self.group = widgets.Dropdown(description="group", layout=layout)
        self.actor = widgets.Dropdown(description="actor", layout=layout)
        self.view = widgets.ToggleButtons(
            options=[(label, name) for name, label in VIEWS.items()],
            value="quotes",
            description="view",
            style={"button_width": "auto"},
        )
        self.table = widgets.HTML()
        self.sentences = widgets.HTML()
        self.box = widgets.VBox(
            [
                widgets.HBox([self.by, self.group]),
                widgets.HBox([self.actor]),
                self.view,
                self.table,
                self.sentences,
            ]
        )
        self._quiet = False
        self.on_by()
        self.by.observe(lambda _: self._unless_quiet(self.on_by), names="value")
        self.group.observe(lambda _: self._unless_quiet(self.on_group), names="value")
        self.actor.observe(lambda _: self._unless_quiet(self.show), names="value")
        self.view.observe(lambda _: self._unless_quiet(self.show), names="value")

    def _unless_quiet(self, callback) -> None:
        if not self._quiet:
            callback()

    def _offer(self, dropdown, options: list[str], value: str | None) -> None:
        """New options and value for a dropdown, without firing the callbacks in between."""
        self._quiet = True
        try:
            dropdown.options = options
            dropdown.value = value
        finally:
            self._quiet = False

    def on_by(self) -> None:
        """A new grouping: offer its groups (all articles first)."""
        self._offer(self.group, self.explorer.groups(self.by.value), ALL)
        self.on_group()

    def on_group(self) -> None:
        """A new group: offer its actors, keeping the chosen one when it is there."""
        actors = self.explorer.actors(self.by.value, self.group.value)
        keep = self.actor.value if self.actor.value in actors else (actors[0] if actors else None)
        self._offer(self.actor, actors, keep)
        self.show()

    def show(self) -> Selection:
        """Select and display; returns the selection shown."""
        chosen = self.explorer.select(
            by=self.by.value, group=self.group.value, actor=self.actor.value, view=self.view.value
        )
        self.table.value = _table_html(chosen.table)
        self.sentences.value = chosen.html
        return chosen


def _first(options: list[str], preferred: str) -> str:
    return preferred if preferred in options else options[0]


def _join(*parts: object) -> str:
    return " · ".join(str(p) for p in parts if p is not None and not pd.isna(p) and str(p))


def _table_html(table: pd.DataFrame) -> str:
    """The table as escaped HTML, scores rounded, at most 200 rows."""
    shown = table.head(200).round({"polarity": 2, "vader_compound": 2})
    note = f"<p><small>{len(table)} rows" + (", first 200 shown" if len(table) > 200 else "")
    rows = shown.to_html(index=False, escape=True, na_rep="", border=0, classes="nf-table")
    return f"<style>{_TABLE_STYLE}</style>{note}</small></p><div class='nf-scroll'>{rows}</div>"


def _group_labels(articles: pd.DataFrame) -> dict[str, pd.Series]:
    """Grouping name -> each article's group label (strings), aligned with ``articles``."""
    labels: dict[str, pd.Series] = {}
    for column in articles.columns:
        if column in _NOT_GROUPS:
            continue
        labels[column] = articles[column].astype("string").fillna("(none)")
        if column == "published":
            month = pd.Series(compare.period("month")(articles), index=articles.index)
            labels[MONTH] = month.astype("string").fillna("(no date)")
    order = ["source", MONTH, *(name for name in labels if name not in ("source", MONTH))]
    return {name: labels[name].reset_index(drop=True) for name in order if name in labels}


_TABLE_STYLE = """
.nf-scroll{max-height:24rem;overflow:auto;border:1px solid #ddd}
table.nf-table{border-collapse:collapse;font:13px/1.35 system-ui,'DejaVu Sans',sans-serif}
table.nf-table th{position:sticky;top:0;background:#f3f3f3;text-align:left;padding:3px 6px}
table.nf-table td{vertical-align:top;text-align:left;padding:3px 6px;border-top:1px solid #eee}
"""

_EXPLORER_STYLE = """
.nf-explorer .nf-where{font:600 13px system-ui,'DejaVu Sans',sans-serif;color:#444;
  margin:.8rem 0 .2rem}
.nf-explorer .nf-block{grid-template-columns:12px minmax(0,40rem) minmax(10rem,16rem)}
"""
