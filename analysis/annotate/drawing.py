"""How a paragraph is drawn, and the key, legend and style sheet around the paragraphs.

Each paragraph (:func:`paragraphs`) is one block: tone bars, the marked-up text and its margin
notes (:func:`block_html`). The speaker key, the legend whose checkboxes toggle the layers (CSS
only, :func:`hidden_rules`) and :data:`STYLE` serve the pages; :mod:`analysis.explore` draws its
sentences with :func:`block_html` and :data:`STYLE` too.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.annotate.article import ArticleLayers, Speaker
from analysis.annotate.spans import markup
from analysis.charts import NO_SIDE

#: The toggleable layers: (name, label in the legend).
LAYERS = (
    ("quotes", "quotes: content, cue, speaker"),
    ("fragments", "words in quotation marks"),
    ("mentions", "actor mentions"),
    ("stances", "stances and contrasts"),
    ("marks", "labels, scare quotes, hedges"),
    ("tone", "sentence tone"),
)


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


def hidden_rules() -> str:
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
