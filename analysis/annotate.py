"""The annotated article: an article's own text with its frames drawn on it, as a standalone page.

Who speaks, who is named, what is admitted against which official line — each layer is read from
the frames (never from spaCy) and drawn on the article's text:

- **quotes**: the content underlined in the speaker's colour (the colour of their side, as in the
  charts; speakers of one side differ by line style and weight), the cue in bold, the speaker's
  mention outlined, the words inside quotation marks (``fragments``) shaded;
- **mentions**: a dotted line under every actor mention; hovering shows the canonical actor,
  pronouns, metonyms and role nouns carry a small tag saying so;
- **stances**: the statement highlighted (official line, admission, denial, position), its marker
  overlined, and a note in the margin — for a contrast, the admission and the official line it
  breaks with;
- **framing marks**: competing labels, scare quotes and verification hedges shaded;
- **tone**: two thin bars beside each paragraph, one segment per sentence (TextBlob polarity,
  VADER compound), vermillion negative, blue positive.

Spans overlap and nest, so the markup is built from the spans' boundaries: between two consecutive
boundaries the set of open spans is constant; elements that would cross are closed and reopened
(split), so the HTML is always well-formed. Every piece of text, title and attribute is
HTML-escaped; layers are toggled by CSS alone (``:has``), the page runs no script and, by its
Content-Security-Policy, could not load anything.

    >>> from analysis import annotate
    >>> annotate.write_pages(frames, "reports")     # reports/articles/<file>.html per article
    >>> annotate.page_link(article_id)              # "articles/<file>.html", for links
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.charts import NO_SIDE, byline, side_colour
from analysis.frames import Frames

PAGES_FOLDER = "articles"

#: The toggleable layers: (name, label in the legend).
LAYERS = (
    ("quotes", "quotes: content, cue, speaker"),
    ("fragments", "words in quotation marks"),
    ("mentions", "actor mentions"),
    ("stances", "stances and contrasts"),
    ("marks", "labels, scare quotes, hedges"),
    ("tone", "sentence tone"),
)
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

_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", "index", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}


# --- file names and links -----------------------------------------------------------------------


def page_name(article_id: str) -> str:
    """A file name for the article's page that is safe on every file system.

    An id of lower-case letters, digits, ``.``, ``_`` and ``-`` is used as it is; any other id
    becomes a slug of those characters plus 8 hex digits of its SHA-1, so two ids never share a
    file (``a/b`` and ``a_b``, ``A`` and ``a`` on a case-insensitive disk).
    """
    if _SAFE_NAME.fullmatch(article_id) and article_id.split(".")[0] not in _RESERVED:
        return f"{article_id}.html"
    slug = _UNSAFE_RUN.sub("-", article_id).strip(".-").lower()[:80] or "article"
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}.html"


def page_link(article_id: str) -> str:
    """The page's link relative to the folder :func:`write_pages` wrote into (``articles/…``)."""
    return f"{PAGES_FOLDER}/{page_name(article_id)}"


# --- spans and the markup built from their boundaries -------------------------------------------


@dataclass(frozen=True)
class Span:
    """One element to draw over ``text[start:end]``; ``rank`` orders spans of equal extent
    (lower is outer)."""

    start: int
    end: int
    rank: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()

    def open_tag(self, *, last: bool) -> str:
        """``<span …>`` with every attribute value escaped; ``last`` marks the final piece."""
        classes = f"{self.classes} nf-last" if last else self.classes
        attrs = "".join(f' {name}="{html.escape(value)}"' for name, value in self.attrs)
        return f'<span class="{classes}"{attrs}>'


def markup(text: str, spans: Iterable[Span], start: int, end: int) -> str:
    """``text[start:end]`` as escaped HTML with every span (clipped to the range) drawn on it.

    Between consecutive span boundaries the open spans are constant; at each boundary the open
    elements that stay open are kept, the others are closed, and the spans now open are opened in
    order (earlier start, then longer, then lower rank outside) — a span crossing another is
    split into pieces, each with the same attributes, the last one marked ``nf-last``.
    """
    clipped = sorted(
        (s for s in spans if s.start < end and s.end > start and s.end > s.start),
        key=lambda s: (s.start, -s.end, s.rank),
    )
    bounds = sorted(
        {start, end} | {max(s.start, start) for s in clipped} | {min(s.end, end) for s in clipped}
    )
    out: list[str] = []
    stack: list[tuple[Span, int]] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [s for s in clipped if s.start <= left and s.end >= right]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep][0] is active[keep]:
            keep += 1
        _close(out, stack, keep, left)
        for span in active[keep:]:
            stack.append((span, len(out)))
            out.append(span.open_tag(last=False))
        out.append(html.escape(text[left:right]))
    _close(out, stack, 0, end)
    return "".join(out)


def _close(out: list[str], stack: list[tuple[Span, int]], keep: int, at: int) -> None:
    while len(stack) > keep:
        span, index = stack.pop()
        if at >= span.end:
            out[index] = span.open_tag(last=True)
        out.append("</span>")


# --- one article's layers -----------------------------------------------------------------------


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


def _present(value: object) -> bool:
    return value is not None and not pd.isna(value)


def _text(value: object, default: str = "") -> str:
    return str(value) if _present(value) else default


def _speakers(quotes: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame) -> dict:
    """Speakers in order of their first quote; colour from their side (sides without a colour of
    their own share orange), then line style and weight tell apart up to ten speakers of a colour.
    """
    sides = dict(zip(mentions["actor"], mentions["side"], strict=True))
    sides.update(
        (a, s)
        for a, s in zip(actors["actor"], actors["side"], strict=True)
        if _present(s) and not _present(sides.get(a))
    )
    speakers: dict[str, Speaker] = {}
    used: dict[str, int] = {}
    counts = quotes["speaker"].fillna("(unattributed)").value_counts()
    for name in quotes["speaker"].fillna("(unattributed)").drop_duplicates():
        side = sides.get(name)
        side = str(side) if _present(side) else None
        colour = side_colour(side)  # one neutral grey for speakers without a side
        n = used.get(colour, 0)
        used[colour] = n + 1
        line = LINE_STYLES[n % len(LINE_STYLES)]
        weight = LINE_WEIGHTS[n // len(LINE_STYLES) % len(LINE_WEIGHTS)]
        speakers[name] = Speaker(name, side, colour, line, weight, int(counts[name]))
    return speakers


def _quote_spans(result: ArticleLayers, quotes: pd.DataFrame, fragments: pd.DataFrame) -> None:
    for quote in quotes.itertuples():
        speaker = result.speakers[_text(quote.speaker, "(unattributed)")]
        style = speaker.style
        cue = _text(quote.cue, "no cue")
        about = (
            f"{speaker.name} — {cue} ({_text(quote.cue_class, 'unclassed')}, {quote.kind})"
            + (f" via {quote.channel}" if _present(quote.channel) else "")
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
        if _present(quote.cue_start):
            result.spans.append(Span(int(quote.cue_start), int(quote.cue_end), 50, "nf-cue", ids))
        if _present(quote.speaker_start):
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
        actor = _text(mention.actor, "unresolved")
        how = _text(mention.how, "name")
        title = f"{actor} ({how}"
        if _present(mention.antecedent_id) and mention.antecedent_id in texts:
            title += f", via “{texts[mention.antecedent_id]}”"
        title += f"; {mention.side})" if _present(mention.side) else ")"
        attrs = [("data-actor", actor), ("data-how", how), ("title", title)]
        if how in HOW_TAGS:
            attrs.append(("data-tag", HOW_TAGS[how]))
        result.spans.append(Span(int(mention.start), int(mention.end), 60, "nf-m", tuple(attrs)))


def _stance_spans(result: ArticleLayers, stances: pd.DataFrame, contrasts: pd.DataFrame) -> None:
    for stance in stances.itertuples():
        kind = str(stance.stance)
        title = (
            f"{kind.replace('_', ' ')} — {_text(stance.actor, '?')} "
            f"(found by {stance.found_by}: “{_text(stance.marker)}”)"
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
        if _present(stance.marker_start):
            result.spans.append(
                Span(int(stance.marker_start), int(stance.marker_end), 25, "nf-marker", ())
            )
        result.notes.append((int(stance.start), _stance_note(stance)))
    for contrast in contrasts.itertuples():
        if _present(contrast.marker_start):
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
        f"{html.escape(kind.replace('_', ' '))}</b> {html.escape(_text(stance.actor, '?'))}: "
        f"“{html.escape(_short(str(stance.statement)))}” "
        f"<small>({html.escape(_text(stance.marker))})</small></li>"
    )


def _contrast_note(contrast) -> str:
    return (
        f'<li class="nf-note nf-contrast" data-admission="{contrast.admission_id}" '
        f'data-against="{contrast.against_id}" data-actor="{html.escape(str(contrast.actor))}">'
        f'<b class="nf-badge" style="--c:{STANCE_COLOURS["admission"]}">contrast</b> '
        f'<span class="nf-who">{html.escape(str(contrast.actor))}</span> admits '
        f"“{html.escape(_short(str(contrast.admission)))}” <b>against</b> the official line of "
        f'<span class="nf-holder">{html.escape(_text(contrast.holder, "?"))}</span>, '
        f"“{html.escape(_short(str(contrast.against)))}” — "
        f'<i class="nf-marker-text">{html.escape(_text(contrast.marker))}</i>'
        f"<small> (TextBlob {contrast.admission_polarity:+.2f} against "
        f"{contrast.against_polarity:+.2f})</small></li>"
    )


def _mark_spans(result: ArticleLayers, marks: pd.DataFrame) -> None:
    for mark in marks.itertuples():
        whose = _text(mark.actor, "the outlet")
        title = f"{str(mark.kind).replace('_', ' ')}: {mark.entry}"
        if _present(mark.category):
            title += f" → {mark.category}"
        title += f" (words of {whose})" if mark.kind != "hedge" else f" (verb of {whose})"
        if _present(mark.entry_side):
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


# --- drawing ------------------------------------------------------------------------------------


def paragraphs(result: ArticleLayers) -> list[tuple[int, int, pd.DataFrame]]:
    """``(start, end, sentences)`` per paragraph; together they show every non-blank character.

    A paragraph runs from its first sentence to the next paragraph's first sentence (trailing
    whitespace dropped); the first starts at the text's first non-blank character.
    """
    text, sentences = result.text, result.sentences
    if sentences.empty:
        return [(len(text) - len(text.lstrip()), len(text.rstrip()), sentences)]
    firsts = sentences.groupby("paragraph_id", sort=True)["start"].min().sort_values()
    starts = [int(s) for s in firsts]
    starts[0] = min(starts[0], len(text) - len(text.lstrip()))
    out = []
    for i, (paragraph_id, start) in enumerate(zip(firsts.index, starts, strict=True)):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        end = start + len(text[start:end].rstrip())
        out.append((start, end, sentences[sentences["paragraph_id"] == paragraph_id]))
    return out


def tone_colour(score: float) -> str:
    """Vermillion for negative, blue for positive, light grey at 0, stronger with |score|."""
    if pd.isna(score):
        return "#eeeeee"
    target = (0xD5, 0x5E, 0x00) if score < 0 else (0x00, 0x72, 0xB2)
    share = min(1.0, abs(float(score)))
    channels = (round(0xEE + (t - 0xEE) * share) for t in target)
    return "#" + "".join(f"{c:02x}" for c in channels)


def tone_bars(sentences: pd.DataFrame) -> str:
    """Two thin stacked bars (TextBlob, VADER), one segment per sentence, height ∝ its length."""
    bars = []
    for column, name in (("polarity", "TextBlob"), ("vader_compound", "VADER")):
        segments = "".join(
            f'<i style="flex-grow:{max(1, int(s.end) - int(s.start))};'
            f'background:{tone_colour(getattr(s, column))}" '
            f'title="sentence {s.sent_id}: {name} {getattr(s, column):+.2f}"></i>'
            for s in sentences.itertuples()
        )
        bars.append(f'<span class="nf-bar" data-analyser="{name}">{segments}</span>')
    return f'<div class="nf-tone" aria-hidden="true">{"".join(bars)}</div>'


def block_html(result: ArticleLayers, start: int, end: int, sentences: pd.DataFrame) -> str:
    """One paragraph (or sentence): tone bars, the marked-up text, and its margin notes."""
    notes = "".join(note for at, note in result.notes if start <= at < end)
    margin = f'<ul class="nf-margin">{notes}</ul>' if notes else '<div class="nf-margin"></div>'
    return (
        f'<div class="nf-block">{tone_bars(sentences)}'
        f'<p class="nf-text" data-start="{start}" data-end="{end}">'
        f"{markup(result.text, result.spans, start, end)}</p>{margin}</div>"
    )


def speaker_key(speakers: dict[str, Speaker]) -> str:
    """The key of speakers: a sample line in each speaker's colour and style, side and quotes."""
    if not speakers:
        return '<p class="nf-key">No quotes were found in this article.</p>'
    items = "".join(
        f'<li data-speaker="{html.escape(s.name)}"><span class="nf-q nf-sample" '
        f'style="{s.style}">{html.escape(s.name)}</span> '
        f"<small>{html.escape(s.side or NO_SIDE)} · {s.n_quotes} "
        f"quote{'s' if s.n_quotes != 1 else ''}</small></li>"
        for s in speakers.values()
    )
    return f'<ul class="nf-key">{items}</ul>'


def legend() -> str:
    """The layers, each with a checkbox that shows or hides it (CSS only) and a sample."""
    samples = {
        "quotes": '<span class="nf-q" style="--c:#555">content</span> '
        '<span class="nf-cue">cue</span> <span class="nf-spk" style="--c:#555">speaker</span>',
        "fragments": '<span class="nf-frag">quoted words</span>',
        "mentions": '<span class="nf-m" data-tag="pron.">he</span>',
        "stances": '<span class="nf-stance nf-official_line">official line</span> '
        '<span class="nf-stance nf-admission">admission</span> '
        '<span class="nf-stance nf-denial">denial</span> '
        '<span class="nf-stance nf-position">position</span> '
        '<span class="nf-marker">marker</span>',
        "marks": '<span class="nf-mark nf-label">label</span> '
        '<span class="nf-mark nf-scare_quote">scare quote</span> '
        '<span class="nf-mark nf-hedge">hedge</span>',
        "tone": '<span class="nf-swatch" style="background:#D55E00"></span> negative '
        '<span class="nf-swatch" style="background:#eeeeee"></span> neutral '
        '<span class="nf-swatch" style="background:#0072B2"></span> positive '
        "<small>(bars: TextBlob | VADER)</small>",
    }
    items = "".join(
        f'<li><label><input type="checkbox" id="nf-show-{name}" checked> {label}</label>'
        f'<span class="nf-sample-row">{samples[name]}</span></li>'
        for name, label in LAYERS
    )
    return f'<ul class="nf-legend">{items}</ul>'


def _hidden_rules() -> str:
    """CSS that switches a layer off when its legend checkbox is unticked."""
    off = {
        "quotes": ".nf-q{text-decoration:none}.nf-cue{font-weight:inherit}.nf-spk{outline:none}",
        "fragments": ".nf-frag{background:none}",
        "mentions": ".nf-m{border-bottom:none}.nf-m[data-tag]::after{content:none}",
        "stances": ".nf-stance{background:none}.nf-marker{text-decoration:none}"
        ".nf-margin{visibility:hidden}",
        "marks": ".nf-mark{background:none}",
        "tone": ".nf-tone{visibility:hidden}",
    }
    return "".join(
        "".join(
            f"body:has(#nf-show-{name}:not(:checked)) .nf-article {rule}}}"
            for rule in rules.rstrip("}").split("}")
        )
        for name, rules in off.items()
    )


STYLE = """
.nf-annotated{font-family:Georgia,'DejaVu Serif',serif;color:#1e1e1e;line-height:1.9;font-size:17px}
.nf-annotated small{font-family:system-ui,'DejaVu Sans',sans-serif;color:#4a4a4a;font-size:.78em}
.nf-block{display:grid;grid-template-columns:12px minmax(0,40rem) minmax(12rem,19rem);
  column-gap:1rem;align-items:stretch;margin:0 0 .9rem}
.nf-text{margin:0;white-space:pre-wrap}
.nf-tone{display:flex;gap:2px;padding:.45em 0}
.nf-bar{display:flex;flex-direction:column;width:5px;border-radius:2px;overflow:hidden}
.nf-bar i{display:block;min-height:2px}
.nf-annotated ul.nf-margin,.nf-annotated ul.nf-key,.nf-annotated ul.nf-legend,
.nf-annotated li.nf-note,.nf-annotated .nf-key li,.nf-annotated .nf-legend li{list-style:none}
.nf-margin{margin:0;padding:0 0 0 .8rem;border-left:1px solid #ddd;
  font:13px/1.45 system-ui,'DejaVu Sans',sans-serif;color:#333}
.nf-note{margin:0 0 .5rem}
.nf-badge{display:inline-block;padding:0 .35em;border-radius:3px;color:#fff;background:var(--c);
  font-size:11px;letter-spacing:.02em;text-transform:uppercase}
.nf-q{text-decoration-line:underline;text-decoration-color:var(--c);
  text-decoration-style:var(--s,solid);text-decoration-thickness:var(--w,2px);
  text-underline-offset:.32em;text-decoration-skip-ink:none}
.nf-cue{font-weight:700}
.nf-spk{outline:2px solid var(--c);outline-offset:1px;border-radius:3px}
.nf-frag{background:#e9e9e9;border-radius:2px}
.nf-m{border-bottom:1px dotted #444;cursor:help}
.nf-m.nf-last[data-tag]::after,.nf-legend .nf-m[data-tag]::after{content:attr(data-tag);
  font:600 10px system-ui,'DejaVu Sans',sans-serif;color:#555;vertical-align:super;
  margin-left:1px}
.nf-stance{background:linear-gradient(transparent 62%,var(--h) 62%)}
.nf-official_line{--h:#dcdcdc}.nf-admission{--h:#f7d2b8}.nf-denial{--h:#f2d5e6}
.nf-position{--h:#d3ebf9}
.nf-marker{text-decoration-line:overline;text-decoration-thickness:2px;
  text-decoration-color:#777}
.nf-label{background:#f6efa6}.nf-scare_quote{background:#cfe8f8}.nf-hedge{background:#fbdcb0}
.nf-annotated ul.nf-key,.nf-annotated ul.nf-legend{padding:0;margin:.3rem 0 1rem;
  font:14px/1.9 system-ui,'DejaVu Sans',sans-serif}
.nf-key li,.nf-legend li{margin:0 0 .15rem;break-inside:avoid}
.nf-key{columns:2 13rem;column-gap:1.5rem}
.nf-legend label{display:inline-block;min-width:16rem}
.nf-sample-row{font-family:Georgia,'DejaVu Serif',serif}
.nf-swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:-.05em}
@media (max-width:60rem){.nf-block{grid-template-columns:12px minmax(0,1fr)}
  .nf-margin{grid-column:2;border-left:none;padding:0}}
"""

_PAGE_STYLE = """
body{margin:0;background:#fafafa}
main{max-width:76rem;margin:0 auto;padding:1.5rem 2rem 3rem;background:#fff}
header h1{font:700 1.7rem/1.25 Georgia,'DejaVu Serif',serif;margin:.5rem 0}
header p,h2{font-family:system-ui,'DejaVu Sans',sans-serif}
header p{color:#444;margin:.2rem 0}
h2{font-size:1rem;margin:1.2rem 0 .2rem;color:#333}
.nf-panels{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(0,1fr);gap:1.5rem;
  border-bottom:1px solid #ddd;margin-bottom:1.5rem}
"""


def article_title(article: object) -> str:
    """An articles row's title (a Series or a named tuple), or its id when it has none."""
    return _text(getattr(article, "title", None)) or str(article.article_id)


def article_html(frames: Frames, article_id: str) -> str:
    """The annotated article as a full standalone HTML page (no script, nothing fetched).

    Args:
        frames: frames holding the article (``articles`` plus its span frames).
        article_id: the article to draw.

    Returns:
        The page's HTML.

    Raises:
        KeyError: ``article_id`` is not in ``frames.articles``.
    """
    result = layers(frames, article_id)
    article = result.article
    title = article_title(article)
    url = _text(article["url"])
    link = (
        f'<a href="{html.escape(url)}">{html.escape(url)}</a>'
        if re.match(r"https?://", url)
        else html.escape(url)
    )
    about = " · ".join(
        [*(html.escape(part) for part in byline(article)), *([link] if link else [])]
    )
    body = "\n".join(block_html(result, *paragraph) for paragraph in paragraphs(result))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} — annotated</title>
<style>{STYLE}{_PAGE_STYLE}{_hidden_rules()}</style>
</head><body><main class="nf-annotated">
<header><p>newsframe · the annotated article · <code>{html.escape(article_id)}</code></p>
<h1>{html.escape(title)}</h1><p>{about}</p></header>
<div class="nf-panels"><section><h2>Layers (untick to hide; hover a word for details)</h2>
{legend()}</section><section><h2>Speakers</h2>{speaker_key(result.speakers)}</section></div>
<article class="nf-article">
{body}
</article></main></body></html>
"""


def write_pages(frames: Frames, out_dir: Path | str) -> list[Path]:
    """Write every article's annotated page to ``out_dir/articles/`` (see :func:`page_name`).

    Args:
        frames: the frames of one or more articles.
        out_dir: the report folder; pages go into its ``articles/`` subfolder.

    Returns:
        The pages written, in the order of ``frames.articles``.
    """
    folder = Path(out_dir) / PAGES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article_id in frames.articles["article_id"]:
        path = folder / page_name(str(article_id))
        path.write_text(article_html(frames, str(article_id)), encoding="utf-8")
        paths.append(path)
    return paths
