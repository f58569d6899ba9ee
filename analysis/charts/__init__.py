"""How it is drawn: one style sheet, one fixed colour per side, one function per chart.

Every chart function takes frames, draws on a new figure and returns it; titles state the finding,
axes carry units, and a source line names the article(s). Colours come from the Okabe–Ito
colour-blind-safe palette and are fixed per side, so Russia is the same colour in every chart;
every other side of the actor table gets a colour of its own, actors without a side one grey.
Reporting-verb classes have their own palette (Paul Tol's "muted"), never a side's colour, and
groups of articles (outlets, periods) theirs. A chart cut to the top N says "N of M shown".

Notebooks call ``charts.some_chart(...)``; which module answers what:

- :mod:`~analysis.charts.style` — how every chart is laid out: the style sheet
  (:func:`use_style`), the source line and byline, "N of M shown" (:func:`shown`);
- :mod:`~analysis.charts.colours` — which colour is whose: :func:`side_colour`,
  :func:`group_colours`, the palettes and the side legend;
- :mod:`~analysis.charts.mentions` — who is named and mentioned: :func:`entity_counts`,
  :func:`actor_mentions`, :func:`actor_ribbon`, :func:`co_occurrence`;
- :mod:`~analysis.charts.scores` — how it sounds: :func:`sentiment_along`,
  :func:`analyser_agreement`, :func:`score_details`;
- :mod:`~analysis.charts.voice` — who speaks and how it is reported: :func:`voice_share`,
  :func:`cue_mix`, :func:`cue_heatmap`, :func:`channels`, :func:`quote_table`;
- :mod:`~analysis.charts.framing` — how it is framed: :func:`official_line`,
  :func:`voice_vs_portrayal`, :func:`agency`, :func:`highlighted_text`;
- :mod:`~analysis.charts.evidence` — the sentences behind a chart: :func:`behind`;
- :mod:`~analysis.charts.groups` — how groups of articles differ: :func:`group_dots`,
  :func:`verb_class_bars`, :func:`distinctive_words`;
- :mod:`~analysis.charts.periods` — how it changes over time: :func:`over_time`.

``style`` and ``colours`` come first; every chart module imports only from them (``groups``
also reads :data:`~analysis.charts.voice.UNFRAMED`).
"""

from analysis.charts.colours import (
    CUE_COLOURS,
    NO_SIDE,
    NO_SIDE_COLOUR,
    OKABE_ITO,
    SIDE_COLOURS,
    group_colours,
    read_side_colours,
    side_colour,
    side_label,
)
from analysis.charts.evidence import behind
from analysis.charts.framing import agency, highlighted_text, official_line, voice_vs_portrayal
from analysis.charts.groups import distinctive_words, group_dots, group_finding, verb_class_bars
from analysis.charts.mentions import (
    actor_mentions,
    actor_ribbon,
    actors_together,
    co_occurrence,
    entity_counts,
    most_shared_pair,
)
from analysis.charts.periods import over_time, time_finding
from analysis.charts.scores import analyser_agreement, score_details, sentiment_along
from analysis.charts.style import OUTLET_COLUMNS, article_name, byline, shown, use_style
from analysis.charts.voice import (
    channels,
    cue_heatmap,
    cue_mix,
    quote_table,
    quoted_voice,
    voice_share,
)

__all__ = [
    "CUE_COLOURS",
    "NO_SIDE",
    "NO_SIDE_COLOUR",
    "OKABE_ITO",
    "read_side_colours",
    "OUTLET_COLUMNS",
    "SIDE_COLOURS",
    "actor_mentions",
    "actor_ribbon",
    "actors_together",
    "agency",
    "analyser_agreement",
    "article_name",
    "behind",
    "byline",
    "channels",
    "co_occurrence",
    "cue_heatmap",
    "cue_mix",
    "distinctive_words",
    "entity_counts",
    "group_colours",
    "group_dots",
    "group_finding",
    "highlighted_text",
    "most_shared_pair",
    "official_line",
    "over_time",
    "quote_table",
    "quoted_voice",
    "score_details",
    "sentiment_along",
    "shown",
    "side_colour",
    "side_label",
    "time_finding",
    "use_style",
    "verb_class_bars",
    "voice_share",
    "voice_vs_portrayal",
]
