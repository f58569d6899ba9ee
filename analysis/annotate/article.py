"""What is drawn on one article: every span, speaker and margin note, read from its frames.

:func:`layers` reads one article's rows of each frame (never spaCy) and turns them into
:class:`~analysis.annotate.spans.Span` elements: quotes (content, cue, speaker), fragments,
mentions, stances and contrasts (with their notes for the margin), framing marks; and the
article's speakers, each with the colour of their side and a line style of their own.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from analysis.annotate.spans import Span
from analysis.charts import side_colour
from analysis.frames import Frames

#: Line styles, then weights, that tell apart speakers of one side (the colour is the side's).
LINE_STYLES = ("solid", "double", "dashed", "dotted", "wavy")
LINE_WEIGHTS = ("2px", "3.5px")
STANCE_COLOURS = {
    "official_line": "#999999",
    "admission": "#D55E00",
    "denial": "#CC79A7",
    "position": "#56B4E9",
}
#: How a mention is tagged when it is not a name: ``mentions.how`` -> tag shown after it.
HOW_TAGS = {"pronoun": "pron.", "metonym": "meton.", "role": "role"}


@dataclass
class Speaker:
    """A speaker of the article, with the colour and line style their quotes are drawn in."""

    name: str
    side: str | None
    colour: str
    line: str
    weight: str
    n_quotes: int

    @property
    def style(self) -> str:
        """The CSS custom properties their underline and outline read."""
        return f"--c:{self.colour};--s:{self.line};--w:{self.weight}"


@dataclass
class ArticleLayers:
    """One article's text and every span drawn on it, built once from the frames."""

    article: pd.Series
    text: str
    sentences: pd.DataFrame
    spans: list[Span] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (offset, margin note HTML)


def layers(frames: Frames, article_id: str) -> ArticleLayers:
    """Every span of one article, from its frames.

    Raises:
        KeyError: ``article_id`` is not in ``frames.articles``.
    """
    found = frames.articles[frames.articles["article_id"] == article_id]
    if found.empty:
        known = ", ".join(map(repr, frames.articles["article_id"].head(5)))
        raise KeyError(f"article {article_id!r} is not in these frames (they hold {known}, ...)")

    def own(name: str) -> pd.DataFrame:
        frame = getattr(frames, name)
        return frame[frame["article_id"] == article_id]

    article = found.iloc[0]
    result = ArticleLayers(
        article=article,
        text=str(article["text"]),
        sentences=own("sentences").sort_values("sent_id"),
    )
    quotes = own("quotes").sort_values("start")
    result.speakers = _speakers(quotes, own("mentions"), frames.actors)
    _quote_spans(result, quotes, own("fragments"))
    _mention_spans(result, own("mentions"))
    _stance_spans(result, own("stances"), own("contrasts"))
    _mark_spans(result, own("framing_marks"))
    return result


def present(value: object) -> bool:
    """Whether a frame cell holds a value (not None, NaN or NA)."""
    return value is not None and not pd.isna(value)


def as_text(value: object, default: str = "") -> str:
    """A frame cell as a string, or ``default`` when it holds no value."""
    return str(value) if present(value) else default


def _speakers(quotes: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame) -> dict:
    """Speakers in order of their first quote; colour from their side (sides without a colour of
    their own share orange), then line style and weight tell apart up to ten speakers of a colour.
    """
    sides = dict(zip(mentions["actor"], mentions["side"], strict=True))
    sides.update(
        (a, s)
        for a, s in zip(actors["actor"], actors["side"], strict=True)
        if present(s) and not present(sides.get(a))
    )
    speakers: dict[str, Speaker] = {}
    used: dict[str, int] = {}
    counts = quotes["speaker"].fillna("(unattributed)").value_counts()
    for name in quotes["speaker"].fillna("(unattributed)").drop_duplicates():
        side = sides.get(name)
        side = str(side) if present(side) else None
        colour = side_colour(side)  # one neutral grey for speakers without a side
        n = used.get(colour, 0)
        used[colour] = n + 1
        line = LINE_STYLES[n % len(LINE_STYLES)]
        weight = LINE_WEIGHTS[n // len(LINE_STYLES) % len(LINE_WEIGHTS)]
        speakers[name] = Speaker(name, side, colour, line, weight, int(counts[name]))
    return speakers


def _quote_spans(result: ArticleLayers, quotes: pd.DataFrame, fragments: pd.DataFrame) -> None:
    for quote in quotes.itertuples():
        speaker = result.speakers[as_text(quote.speaker, "(unattributed)")]
        style = speaker.style
        cue = as_text(quote.cue, "no cue")
        about = (
            f"{speaker.name} — {cue} ({as_text(quote.cue_class, 'unclassed')}, {quote.kind})"
            + (f" via {quote.channel}" if present(quote.channel) else "")
            + f"; tone: TextBlob {quote.polarity:+.2f}, VADER {quote.vader_compound:+.2f}"
        )
        ids = (("data-quote", str(quote.quote_id)), ("data-speaker", speaker.name))
        result.spans.append(
            Span(
                int(quote.start),
                int(quote.end),
                10,
                f"nf-q nf-{quote.kind}",
                (*ids, ("style", style), ("title", about)),
            )
        )
        if present(quote.cue_start):
            result.spans.append(Span(int(quote.cue_start), int(quote.cue_end), 50, "nf-cue", ids))
        if present(quote.speaker_start):
            result.spans.append(
                Span(
                    int(quote.speaker_start),
                    int(quote.speaker_end),
                    40,
                    "nf-spk",
                    (*ids, ("style", style), ("title", f"speaker: {speaker.name}")),
                )
            )
    for fragment in fragments.itertuples():
        result.spans.append(
            Span(
                int(fragment.start),
                int(fragment.end),
                30,
                "nf-frag",
                (
                    ("data-quote", str(fragment.quote_id)),
                    ("title", f"in quotation marks; TextBlob {fragment.polarity:+.2f}"),
                ),
            )
        )


def _mention_spans(result: ArticleLayers, mentions: pd.DataFrame) -> None:
    texts = dict(zip(mentions["mention_id"], mentions["text"], strict=True))
    for mention in mentions.itertuples():
        actor = as_text(mention.actor, "unresolved")
        how = as_text(mention.how, "name")
        title = f"{actor} ({how}"
        if present(mention.antecedent_id) and mention.antecedent_id in texts:
            title += f", via “{texts[mention.antecedent_id]}”"
        title += f"; {mention.side})" if present(mention.side) else ")"
        attrs = [("data-actor", actor), ("data-how", how), ("title", title)]
        if how in HOW_TAGS:
            attrs.append(("data-tag", HOW_TAGS[how]))
        result.spans.append(Span(int(mention.start), int(mention.end), 60, "nf-m", tuple(attrs)))


def _stance_spans(result: ArticleLayers, stances: pd.DataFrame, contrasts: pd.DataFrame) -> None:
    for stance in stances.itertuples():
        kind = str(stance.stance)
        title = (
            f"{kind.replace('_', ' ')} — {as_text(stance.actor, '?')} "
            f"(found by {stance.found_by}: “{as_text(stance.marker)}”)"
        )
        result.spans.append(
            Span(
                int(stance.start),
                int(stance.end),
                20,
                f"nf-stance nf-{kind}",
                (("data-stance", str(stance.stance_id)), ("title", title)),
            )
        )
        if present(stance.marker_start):
            result.spans.append(
                Span(int(stance.marker_start), int(stance.marker_end), 25, "nf-marker", ())
            )
        result.notes.append((int(stance.start), _stance_note(stance)))
    for contrast in contrasts.itertuples():
        if present(contrast.marker_start):
            result.spans.append(
                Span(
                    int(contrast.marker_start),
                    int(contrast.marker_end),
                    25,
                    "nf-marker",
                    (("title", "draws the contrast"),),
                )
            )
        result.notes.append((int(contrast.admission_start), _contrast_note(contrast)))


def _short(text: str, width: int = 90) -> str:
    """``text`` cut to ``width`` characters, without the quotation marks around it (the notes
    set their own, so a quote does not show as “"We …)."""
    text = text.strip().strip(_QUOTE_MARKS).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


_QUOTE_MARKS = '"“”«»„'


def _stance_note(stance) -> str:
    kind = str(stance.stance)
    return (
        f'<li class="nf-note nf-note-stance" data-stance="{stance.stance_id}">'
        f'<b class="nf-badge" style="--c:{STANCE_COLOURS.get(kind, "#999999")}">'
        f"{html.escape(kind.replace('_', ' '))}</b> {html.escape(as_text(stance.actor, '?'))}: "
        f"“{html.escape(_short(str(stance.statement)))}” "
        f"<small>({html.escape(as_text(stance.marker))})</small></li>"
    )


def _contrast_note(contrast) -> str:
    return (
        f'<li class="nf-note nf-contrast" data-admission="{contrast.admission_id}" '
        f'data-against="{contrast.against_id}" data-actor="{html.escape(str(contrast.actor))}">'
        f'<b class="nf-badge" style="--c:{STANCE_COLOURS["admission"]}">contrast</b> '
        f'<span class="nf-who">{html.escape(str(contrast.actor))}</span> admits '
        f"“{html.escape(_short(str(contrast.admission)))}” <b>against</b> the official line of "
        f'<span class="nf-holder">{html.escape(as_text(contrast.holder, "?"))}</span>, '
        f"“{html.escape(_short(str(contrast.against)))}” — "
        f'<i class="nf-marker-text">{html.escape(as_text(contrast.marker))}</i>'
        f"<small> (TextBlob {contrast.admission_polarity:+.2f} against "
        f"{contrast.against_polarity:+.2f})</small></li>"
    )


def _mark_spans(result: ArticleLayers, marks: pd.DataFrame) -> None:
    for mark in marks.itertuples():
        whose = as_text(mark.actor, "the outlet")
        title = f"{str(mark.kind).replace('_', ' ')}: {mark.entry}"
        if present(mark.category):
            title += f" → {mark.category}"
        title += f" (words of {whose})" if mark.kind != "hedge" else f" (verb of {whose})"
        if present(mark.entry_side):
            title += f"; the label of {mark.entry_side}"
        result.spans.append(
            Span(
                int(mark.start),
                int(mark.end),
                70,
                f"nf-mark nf-{mark.kind}",
                (("title", title),),
            )
        )
