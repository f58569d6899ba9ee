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

Which module answers what, each importing only the ones before it:

- :mod:`~analysis.annotate.spans` — how overlapping spans become well-formed HTML:
  :class:`Span`, :func:`markup`;
- :mod:`~analysis.annotate.article` — what is drawn on one article: :func:`layers` reads its
  frames into spans, speakers (:class:`Speaker`, in their side's colour) and margin notes
  (:class:`ArticleLayers`);
- :mod:`~analysis.annotate.drawing` — how a paragraph is drawn (:func:`paragraphs`,
  :func:`block_html`, :func:`tone_bars`, :func:`tone_colour`) and the key, legend and
  :data:`STYLE` around it;
- :mod:`~analysis.annotate.pages` — the standalone pages: :func:`article_html`,
  :func:`write_pages`, safe file names (:func:`page_name`) and links (:func:`page_link`).
"""

from analysis.annotate.article import (
    HOW_TAGS,
    LINE_STYLES,
    LINE_WEIGHTS,
    STANCE_COLOURS,
    ArticleLayers,
    Speaker,
    layers,
)
from analysis.annotate.drawing import (
    LAYERS,
    STYLE,
    block_html,
    legend,
    paragraphs,
    speaker_key,
    tone_bars,
    tone_colour,
)
from analysis.annotate.pages import (
    PAGES_FOLDER,
    article_html,
    article_title,
    page_link,
    page_name,
    write_pages,
)
from analysis.annotate.spans import Span, markup

__all__ = [
    "HOW_TAGS",
    "LAYERS",
    "LINE_STYLES",
    "LINE_WEIGHTS",
    "PAGES_FOLDER",
    "STANCE_COLOURS",
    "STYLE",
    "ArticleLayers",
    "Span",
    "Speaker",
    "article_html",
    "article_title",
    "block_html",
    "layers",
    "legend",
    "markup",
    "page_link",
    "page_name",
    "paragraphs",
    "speaker_key",
    "tone_bars",
    "tone_colour",
    "write_pages",
]
