"""Rendered reports: every notebook becomes two HTML pages, the index states each finding,
nothing loads from the network, and headless Chromium shows every chart without console errors."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from analysis import report
from tests.browser import Page, chromium_path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return report.render(out).parent


def pages(folder):
    return sorted(folder.glob("*.html"))


def test_every_notebook_has_a_report_and_a_code_variant(rendered):
    stems = [nb.stem for nb in report.notebooks()]
    assert stems, "no notebooks found"
    for stem in stems:
        hidden = (rendered / f"{stem}.html").read_text(encoding="utf-8")
        full = (rendered / f"{stem}.code.html").read_text(encoding="utf-8")
        assert "use_style" in full  # the code, syntax-highlighted
        assert "use_style" not in hidden
        assert "data:image/png;base64," in hidden


def test_executed_notebooks_record_no_machine_paths(rendered):
    executed = sorted((rendered / "executed").glob("*.ipynb"))
    assert [nb.name for nb in executed] == [nb.name for nb in report.notebooks()]
    for notebook in executed:
        run = nbformat.read(notebook, as_version=4).metadata["papermill"]
        assert (run["input_path"], run["output_path"]) == (notebook.name, notebook.name)


def test_index_links_each_report_with_its_finding(rendered):
    index = (rendered / "index.html").read_text(encoding="utf-8")
    for notebook in report.notebooks():
        assert f'href="{notebook.stem}.html"' in index
        assert f'href="{notebook.stem}.code.html"' in index
    findings = re.findall(r"<p>(.*?)</p>", index, re.S)[1:]
    assert len(findings) == len(report.notebooks())
    assert all(len(finding) > 20 for finding in findings)


def test_no_page_loads_anything_from_the_network(rendered):
    remote = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["']https?://""", re.I)
    for page in pages(rendered):
        html = page.read_text(encoding="utf-8")
        assert not remote.search(html), page.name
        scripts = re.findall(r"<script.*?</script>", html, re.S | re.I)
        assert not [s for s in scripts if re.search(r"https?://", s)], page.name


@pytest.mark.browser
def test_charts_render_in_headless_chromium_without_console_errors(rendered):
    binary = chromium_path()
    if binary is None:
        pytest.skip("chromium is not installed (make test installs it when run as root)")
    page = Page(binary)
    try:
        for path in pages(rendered):
            page.open(path)
            images = page.evaluate("[...document.images].map(i => [i.complete, i.naturalWidth])")
            assert page.errors == [], (path.name, page.errors)
            if path.name != "index.html":
                assert images, f"{path.name} shows no chart"
                assert all(done and width > 0 for done, width in images), (path.name, images)
    finally:
        page.close()


def test_index_says_whether_any_input_was_left_out(seed_frames):
    empty = seed_frames.errors.iloc[0:0]
    index = report._index_page([], seed_frames.articles, empty)
    assert "Every input was read and analysed (1 article(s)); none was left out." in index
    assert "<details open>" in index  # one article: its annotated page is in sight
    errors = pd.DataFrame({"path": ["broken.md"], "error": ["no text"]})
    index = report._index_page([], seed_frames.articles, errors)
    assert "1 input(s) left out" in index and "<code>broken.md</code>: no text" in index
    assert "none was left out" not in index


def test_describe_names_outlets_topics_and_dates():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "source": ["Wikinews"] * 3,
            "topics": ["asia | conflict", "asia", None],
            "published": ["2019-01-04", "2020-11-17", None],
        }
    )
    assert report.describe(articles) == (
        "3 articles from Wikinews (3), on asia (2), conflict (1), "
        "published 4 January 2019 – 17 November 2020"
    )
