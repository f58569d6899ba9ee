"""The standalone pages: one HTML file per article, named safely, with links to it.

:func:`article_html` puts one article's layers (:mod:`~analysis.annotate.article`), drawn
paragraph by paragraph (:mod:`~analysis.annotate.drawing`), on a page that runs no script and, by
its Content-Security-Policy, could not load anything; :func:`write_pages` writes every article's
page under :data:`PAGES_FOLDER`, named by :func:`page_name`.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from analysis.annotate.article import as_text, layers
from analysis.annotate.drawing import (
    STYLE,
    block_html,
    hidden_rules,
    legend,
    paragraphs,
    speaker_key,
)
from analysis.charts import byline
from analysis.frames import Frames

PAGES_FOLDER = "articles"

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


# --- the page ----------------------------------------------------------------------------------


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
    return as_text(getattr(article, "title", None)) or str(article.article_id)


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
    url = as_text(article["url"])
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
<style>{STYLE}{_PAGE_STYLE}{hidden_rules()}</style>
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
