"""Notebooks executed and rendered to HTML, with an index that states each report's finding.

``python -m analysis.report`` executes every ``notebooks/NN-*.ipynb`` with papermill (optionally on
another input, ``--input PATH``), then writes two HTML files per notebook — ``NN-name.html``
with the code cells tagged ``hide-input`` hidden (the report) and ``NN-name.code.html`` with all
code — and ``index.html`` linking them; every article's annotated page goes to ``articles/``
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
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from analysis import annotate, config, pipeline

KERNEL = "python3"
TEMPLATES = Path(__file__).with_name("templates")


def notebooks(folder: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The report notebooks, in order (``NN-name.ipynb``)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def execute(
    notebook: Path, output: Path, *, parameters: dict | None = None
) -> nbformat.NotebookNode:
    """Run ``notebook`` top to bottom (in its own folder) and save it with outputs to ``output``."""
    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=parameters or {},
        kernel_name=KERNEL,
        cwd=str(notebook.parent),
        progress_bar=False,
    )
    return nbformat.read(output, as_version=4)


def to_html(notebook: nbformat.NotebookNode, *, with_code: bool) -> str:
    """One self-contained HTML page: images embedded, no script or style from the network."""
    exporter = HTMLExporter(
        template_name="newsframe", extra_template_basedirs=[str(TEMPLATES)], embed_images=True
    )
    if not with_code:
        exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
        exporter.register_preprocessor(
            TagRemovePreprocessor(remove_input_tags={"hide-input"}, enabled=True), enabled=True
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
    source: str | None = None,
    folder: Path = config.NOTEBOOKS_DIR,
) -> Path:
    """Execute every notebook and write its two HTML pages, ``index.html`` and each article's
    annotated page (``articles/``) into ``out_dir``.

    Args:
        out_dir: where the pages go (``reports/`` by default).
        source: an input for the notebooks' ``source`` parameter (an article, folder or table);
            the notebooks' default (the bundled article) when None.
        folder: the notebooks folder.

    Returns:
        The path of ``index.html``.
    """
    parameters = {"source": str(Path(source).resolve())} if source else {}
    entries = []
    for notebook in notebooks(folder):
        executed = execute(notebook, out_dir / "executed" / notebook.name, parameters=parameters)
        for with_code, suffix in ((False, ".html"), (True, ".code.html")):
            (out_dir / f"{notebook.stem}{suffix}").write_text(
                to_html(executed, with_code=with_code), encoding="utf-8"
            )
        entries.append((notebook.stem, title(executed, notebook.stem), summary(executed)))
    annotate.write_pages(pipeline.frames_for(source or config.BUNDLED_ARTICLE), out_dir)
    index = out_dir / "index.html"
    index.write_text(_index_page(entries, source), encoding="utf-8")
    return index


def _index_page(entries: list[tuple[str, str, str]], source: str | None) -> str:
    items = "\n".join(
        f'<li><a href="{stem}.html">{html.escape(name)}</a> '
        f'<small>(<a href="{stem}.code.html">with code</a>)</small>'
        f"<p>{html.escape(finding)}</p></li>"
        for stem, name, finding in entries
    )
    about = html.escape(source) if source else "the bundled Reuters article of 20 December 2022"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsframe reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#222}} li{{margin:0 0 1rem}} p{{margin:.25rem 0 0}}
small{{color:#555}}</style>
</head><body>
<h1>newsframe reports</h1>
<p>How the news frames the people and institutions it reports on — for {about}.</p>
<ol>
{items}
</ol>
</body></html>
"""


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.report [--input PATH] [--out DIR] [--in-place]``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--input", help="article, folder or table to report on (default: bundled)")
    parser.add_argument("--out", type=Path, default=config.REPORTS_DIR, help="output folder")
    parser.add_argument(
        "--in-place", action="store_true", help="re-execute the notebooks themselves"
    )
    args = parser.parse_args(argv)
    if args.in_place:
        for notebook in notebooks():
            execute(notebook, notebook)
            print(f"executed {notebook.relative_to(config.PROJECT_ROOT)}", file=sys.stderr)
        return 0
    index = render(args.out, source=args.input)
    print(f"reports written: {index}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
