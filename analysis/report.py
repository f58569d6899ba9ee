"""Notebooks executed and rendered to HTML, with an index that states each report's finding.

``python -m analysis.report`` extracts the articles once (``data/articles``, or ``--input PATH``)
into a frames folder, ``OUT/frames`` (a rerun resumes it, see :mod:`analysis.store`), executes
every ``notebooks/NN-*.ipynb`` with papermill on those frames, then writes two HTML files per
notebook — ``NN-name.html`` with the code cells tagged ``hide-input`` hidden (the report) and
``NN-name.code.html`` with all code — and ``index.html`` linking them, describing the corpus and
listing every input that could not be read or analysed (also printed on stderr; the exit status
is then 1), and linking every article's annotated page in ``articles/``
(:func:`analysis.annotate.write_pages`). Each notebook's cell tagged ``summary`` prints the
one-line finding the index shows. Charts are embedded as PNG data; no page loads anything from
the network.
``--in-place`` re-executes the notebooks themselves, refreshing their committed outputs.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
import pandas as pd
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from analysis import annotate, charts, compare, config, runner, store
from analysis.corpus import CorpusError, load

KERNEL = "python3"
TEMPLATES = Path(__file__).with_name("templates")


def notebooks(folder: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The report notebooks, in order (``NN-name.ipynb``)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def execute(
    notebook: Path, output: Path, *, parameters: dict | None = None
) -> nbformat.NotebookNode:
    """Run ``notebook`` top to bottom (in its own folder) and save it with outputs to ``output``;
    papermill's record of the run names the notebooks by file name, not by this machine's paths
    (the committed notebooks are re-executed in place)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=parameters or {},
        kernel_name=KERNEL,
        cwd=str(notebook.parent),
        progress_bar=False,
    )
    executed = nbformat.read(output, as_version=4)
    run = executed.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        if run.get(key):
            run[key] = Path(run[key]).name
    nbformat.write(executed, output)
    return executed


def to_html(notebook: nbformat.NotebookNode, *, with_code: bool) -> str:
    """One self-contained HTML page: images embedded, no script or style from the network."""
    exporter = HTMLExporter(
        template_name="newsframe", extra_template_basedirs=[str(TEMPLATES)], embed_images=True
    )
    if not with_code:
        exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
        exporter.register_preprocessor(
            TagRemovePreprocessor(
                remove_input_tags={"hide-input"},
                remove_cell_tags={"injected-parameters"},  # papermill's parameters cell
                enabled=True,
            ),
            enabled=True,
        )
    # Saved widget state would make the page fetch the widget library from a CDN; without it
    # nbconvert shows each widget's HTML fallback (the explorer's note and links).
    notebook.metadata.pop("widgets", None)
    body, _ = exporter.from_notebook_node(notebook)
    return body


def summary(notebook: nbformat.NotebookNode) -> str:
    """The text printed by the notebook's cell tagged ``summary`` (empty when there is none)."""
    for cell in notebook.cells:
        if "summary" in cell.get("metadata", {}).get("tags", []):
            return "".join(o.get("text", "") for o in cell.get("outputs", [])).strip()
    return ""


def title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The notebook's first Markdown heading."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if match:
                return match.group(1).strip()
    return fallback


def render(
    out_dir: Path = config.REPORTS_DIR,
    *,
    source: str | Path | None = None,
    folder: Path = config.NOTEBOOKS_DIR,
    jobs: int = 1,
    progress: bool | None = None,
) -> Path:
    """Extract once, execute every notebook on the frames, write its two HTML pages, each
    article's annotated page (``articles/``) and the index.

    Args:
        out_dir: where the pages go (``reports/`` by default); the frames go to ``out_dir/frames``.
        source: the articles to report on (an article, folder or table); ``data/articles`` when
            None.
        folder: the notebooks folder.
        jobs: worker processes for the extraction.
        progress: a progress bar for the extraction (None: only on a terminal).

    Returns:
        The path of ``index.html``.

    Raises:
        CorpusError: nothing could be read from ``source``.
    """
    frames_dir = out_dir / "frames"
    corpus = load(source if source is not None else config.ARTICLES_DIR)
    jobs = runner.workers_for(jobs, len(corpus.articles))
    runner.extract_to(corpus, frames_dir, jobs=jobs, progress=progress)
    found = store.read(frames_dir, names=["articles", "errors"])
    parameters = {"source": str(frames_dir.resolve())}
    entries = []
    for notebook in notebooks(folder):
        executed = execute(notebook, out_dir / "executed" / notebook.name, parameters=parameters)
        for with_code, suffix in ((False, ".html"), (True, ".code.html")):
            (out_dir / f"{notebook.stem}{suffix}").write_text(
                to_html(executed, with_code=with_code), encoding="utf-8"
            )
        entries.append((notebook.stem, title(executed, notebook.stem), summary(executed)))
    for chunk in range(0, len(found.articles), ARTICLES_PER_READ):
        ids = found.articles["article_id"].iloc[chunk : chunk + ARTICLES_PER_READ]
        annotate.write_pages(store.read(frames_dir, articles=ids), out_dir)
    index = out_dir / "index.html"
    index.write_text(_index_page(entries, found.articles, found.errors), encoding="utf-8")
    return index


#: Articles whose frames are read at a time to write their annotated pages.
ARTICLES_PER_READ = 100

#: Up to this many articles, the index shows the list of annotated pages unfolded.
OPEN_LIST = 20

#: Articles columns that name the outlet (as the charts read them).
OUTLET_COLUMNS = charts.OUTLET_COLUMNS


def describe(articles: pd.DataFrame) -> str:
    """One sentence about a corpus: how many articles, from which outlets, over which dates."""
    n = len(articles)
    said = "the article" if n == 1 else f"{n} articles"
    if n == 1:
        row = articles.iloc[0]
        title = row.get("title")
        said = f"“{title}”" if isinstance(title, str) and title else f"the article {row.article_id}"
    outlets = _first_present(articles, OUTLET_COLUMNS)
    if outlets is not None:
        counts = outlets.value_counts()
        named = ", ".join(f"{name} ({count})" for name, count in counts.head(8).items())
        more = f" and {len(counts) - 8} more" if len(counts) > 8 else ""
        said += f" from {named}{more}" if n > 1 else f" ({counts.index[0]})"
    if n > 1 and "topics" in articles.columns and articles["topics"].notna().any():
        topics = articles["topics"].dropna().astype(str).str.split("|").explode().str.strip()
        counts = topics[topics != ""].value_counts()
        named = ", ".join(f"{name} ({count})" for name, count in counts.head(5).items())
        more = f" and {len(counts) - 5} more" if len(counts) > 5 else ""
        said += f", on {named}{more}"
    parsed = compare.dates(articles).dropna()  # the dates the comparisons group by
    if len(parsed):
        first, last = (f"{d:%-d %B %Y}" for d in (parsed.min(), parsed.max()))
        said += f", published {first}" if first == last else f", published {first} – {last}"
    return said


def _first_present(articles: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series | None:
    for column in columns:
        if column in articles.columns and articles[column].notna().any():
            return articles[column].dropna().astype(str)
    return None


def _headline(row) -> str:
    title = getattr(row, "title", None)
    return f"{title} ({row.article_id})" if isinstance(title, str) and title else row.article_id


def _index_page(
    entries: list[tuple[str, str, str]], articles: pd.DataFrame, errors: pd.DataFrame
) -> str:
    items = "\n".join(
        f'<li><a href="{stem}.html">{html.escape(name)}</a> '
        f'<small>(<a href="{stem}.code.html">with code</a>)</small>'
        f"<p>{html.escape(finding)}</p></li>"
        for stem, name, finding in entries
    )
    listed = "\n".join(
        f'<li><a href="{html.escape(annotate.page_link(str(row.article_id)))}">'
        f"{html.escape(_headline(row))}</a></li>"
        for row in articles.itertuples()
    )
    pages = (
        f"<details{' open' if len(articles) <= OPEN_LIST else ''}><summary>{len(articles)} "
        "annotated article page(s): the text with its quotes, "
        f"actors, stances and tone drawn on it</summary><ol>{listed}</ol></details>"
    )
    problems = (
        f'<p class="inputs">Every input was read and analysed ({len(articles)} article(s)); '
        "none was left out.</p>"
    )
    if len(errors):
        rows = "\n".join(
            f"<li><code>{html.escape(str(row.path))}</code>: {html.escape(str(row.error))}</li>"
            for row in errors.itertuples()
        )
        problems = (
            f'<section class="errors"><h2>{len(errors)} input(s) left out</h2>'
            f"<p>Not in any chart: these could not be read or analysed.</p><ul>{rows}</ul>"
            "</section>"
        )
    about = html.escape(describe(articles))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsframe reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#222}} li{{margin:0 0 1rem}} p{{margin:.25rem 0 0}}
small{{color:#555}} .errors{{border-left:4px solid #D55E00;padding-left:1rem}}
.errors li{{margin:0 0 .25rem}} .inputs{{margin-top:1rem}}</style>
</head><body>
<h1>newsframe reports</h1>
<p>How the news frames the people and institutions it reports on — in {about}.</p>
<ol>
{items}
</ol>
{pages}
{problems}
</body></html>
"""


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.report [--input PATH] [--out DIR] [--in-place]``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--input", help="article, folder or table to report on (default: data/articles)"
    )
    parser.add_argument("--out", type=Path, default=config.REPORTS_DIR, help="output folder")
    parser.add_argument(
        "--in-place", action="store_true", help="re-execute the notebooks themselves"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=runner.default_jobs(),
        help="worker processes for the extraction (default: every core)",
    )
    args = parser.parse_args(argv)
    if args.in_place:
        for notebook in notebooks():
            execute(notebook, notebook)
            print(f"executed {notebook.relative_to(config.PROJECT_ROOT)}", file=sys.stderr)
        return 0
    try:
        index = render(args.out, source=args.input, jobs=args.jobs)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write the reports: {error}", file=sys.stderr)
        return 3
    errors = store.read(args.out / "frames", names=["errors"]).errors
    for row in errors.itertuples():
        print(f"skipped {row.path}: {row.error}", file=sys.stderr)
    print(f"reports written: {index}", file=sys.stderr)
    return 1 if len(errors) else 0


if __name__ == "__main__":
    sys.exit(main())
