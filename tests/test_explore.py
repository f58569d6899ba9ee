"""The explorer: its callbacks driven directly, on the bundled article and the Wikinews corpus."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import analysis
from analysis import annotate, config, report
from analysis.explore import ALL, MAX_SENTENCES, VIEWS, Explorer, Selection
from tests.annotated_page import parse
from tests.browser import Page, chromium_path

WIKINEWS = config.SHARED_DIR / "corpus" / "wikinews"


@pytest.fixture(scope="session")
def wikinews() -> analysis.Frames:
    """The 60 Wikinews articles' frames, extracted once (skips without ../shared)."""
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is absent")
    return analysis.extract(WIKINEWS)


def _shown_sentences(selection: Selection) -> list[str]:
    """The text of each annotated sentence block the selection shows, read back from its HTML."""
    return [text for _start, _end, text in parse(f"<body>{selection.html}</body>").paragraphs]


# --- the bundled article --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_explorer(seed_frames) -> Explorer:
    return analysis.explore(seed_frames)


def test_choices_on_the_bundled_article(seed_explorer):
    assert seed_explorer.groupings[:2] == ["source", "published month"]
    assert seed_explorer.groups("source") == [ALL, "Reuters"]
    assert seed_explorer.groups("published month") == [ALL, "2022-12"]
    # most quoted first (10 and 3 quotes), then by mentions: Ukraine (18) before Russia (11)
    chosen = seed_explorer.actors("source", "Reuters")
    assert chosen[:2] == ["Vladimir Putin", "Russian officials"]
    assert chosen.index("Ukraine") < chosen.index("Russia")


def test_putins_quotes_are_the_gold_ones(seed_explorer, gold, seed_frames):
    chosen = seed_explorer.select(by="source", group="Reuters", actor="Vladimir Putin")
    gold_putin = [q for q in gold["quotes"] if q["required"] and q["speaker"] == "Vladimir Putin"]
    assert len(chosen.table) >= len(gold_putin)
    text = str(seed_frames.articles["text"].iloc[0])
    contents = " ".join(chosen.table["content"])
    for quote in gold_putin:  # every gold quote of his overlaps one of the rows
        assert any(
            text.find(row) <= quote["end"] and quote["start"] <= text.find(row) + len(row)
            for row in chosen.table["content"]
        ), quote["content"]
    assert "extremely difficult" in contents
    assert {"concessive", "directive", "neutral"} <= set(chosen.table["cue_class"])
    shown = " ".join(_shown_sentences(chosen))
    for quote in gold_putin:
        assert quote["content"] in shown


def test_sentences_about_zelenskiy_name_him_and_say_where_he_speaks(seed_explorer):
    chosen = seed_explorer.select(actor="Volodymyr Zelenskiy", view="about")
    for row in chosen.table.itertuples():
        assert all(name in row.text for name in row.named_as.split(" | "))
    by_sentence = chosen.table.set_index("sent_id")
    assert by_sentence.loc[0, "named_as"] == "his Ukrainian counterpart"
    assert by_sentence.loc[0, "how"] == "role"
    assert by_sentence.loc[7, "speaks"]  # “…,” Zelenskiy said in comments on Telegram
    assert not by_sentence.loc[4, "speaks"]
    page = parse(f"<body>{chosen.html}</body>")
    counterpart = [e for e in page.having("nf-m") if e.attrs["data-how"] == "role"]
    assert counterpart[0].attrs["data-actor"] == "Volodymyr Zelenskiy"


def test_labels_and_agency_of_putin(seed_explorer):
    chosen = seed_explorer.select(actor="Vladimir Putin", view="labels")
    rows = set(zip(chosen.table["what"], chosen.table["verb_or_entry"], strict=True))
    assert {("agent", "acknowledged"), ("agent", "ordered")} <= rows
    label = chosen.table[chosen.table["what"] == "label"].iloc[0]
    assert label["words"] == "People’s Republics"  # his words, in his quote
    assert any("People’s Republics" in s for s in _shown_sentences(chosen))


def test_bad_choices_are_clear_errors(seed_explorer):
    with pytest.raises(ValueError, match="unknown view 'tone'"):
        seed_explorer.select(view="tone")
    with pytest.raises(ValueError, match="no group 'AP' in 'source'"):
        seed_explorer.select(group="AP")
    with pytest.raises(ValueError, match="cannot group by 'text'"):
        seed_explorer.select(by="text", group="x")


def test_widget_callbacks_update_table_and_sentences(seed_explorer):
    form = seed_explorer.form
    form.actor.value = "Volodymyr Zelenskiy"
    assert "Telegram" in form.table.value
    shown = parse(f"<body>{form.sentences.value}</body>").paragraphs
    assert [text for _start, _end, text in shown][0].startswith("“Ukraine is proud of you.")
    form.view.value = "about"
    assert "his Ukrainian counterpart" in form.table.value
    form.by.value = "published month"
    assert list(form.group.options) == [ALL, "2022-12"]
    assert form.actor.value == "Volodymyr Zelenskiy"  # kept: he is in the new group too
    assert form.show().table.equals(
        seed_explorer.select(by="published month", actor="Volodymyr Zelenskiy", view="about").table
    )


def test_static_report_gets_a_note_and_links_not_a_broken_widget(seed_explorer, seed_frames):
    bundle = seed_explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # JupyterLab shows the form
    note = parse(f"<body>{bundle['text/html']}</body>")
    links = [e.attrs["href"] for e in note.elements if e.tag == "a"]
    assert links == [annotate.page_link(i) for i in seed_frames.articles["article_id"]]
    assert "needs a running Jupyter kernel" in note.body_text


# --- the Wikinews corpus ------------------------------------------------------------------------


def test_groups_by_month_partition_the_corpus(wikinews):
    explorer = analysis.explore(wikinews)
    months = explorer.groups("published month")[1:]
    ids = [explorer.article_ids("published month", m) for m in months]
    assert sum(map(len, ids)) == len(wikinews.articles) == 60
    published = wikinews.articles.set_index("article_id")["published"]
    for month, chosen in zip(months, ids, strict=True):
        assert all(f"{published[i]:%Y-%m}" == month for i in chosen)


def test_quotes_of_an_actor_across_the_corpus(wikinews):
    explorer = analysis.explore(wikinews)
    chosen = explorer.select(actor="Donald Trump", view="quotes")
    quotes = wikinews.quotes
    assert len(chosen.table) == (quotes["speaker"] == "Donald Trump").sum() > 0
    order = list(wikinews.articles["article_id"])
    positions = [order.index(a) for a in chosen.table["article_id"]]
    assert positions == sorted(positions)
    shown = " ".join(_shown_sentences(chosen))
    assert all(content in shown for content in chosen.table["content"])


def test_a_month_offers_only_its_actors_and_rows(wikinews):
    explorer = analysis.explore(wikinews)
    form = explorer.form
    form.by.value = "published month"
    form.group.value = "2019-09"
    in_month = set(explorer.article_ids("published month", "2019-09"))
    assert list(form.actor.options) == explorer.actors("published month", "2019-09")
    for view in VIEWS:
        form.view.value = view
        chosen = form.show()
        assert set(chosen.table["article_id"]) <= in_month
        mentioned = wikinews.mentions[wikinews.mentions["article_id"].isin(in_month)]
        quoted = wikinews.quotes[wikinews.quotes["article_id"].isin(in_month)]
        assert chosen.actor in set(mentioned["actor"]) | set(quoted["speaker"])


def test_sentences_about_mugabe_each_name_him(wikinews):
    chosen = analysis.explore(wikinews).select(actor="Robert Mugabe", view="about")
    assert len(chosen.table) >= 20
    for row in chosen.table.itertuples():
        assert all(name in row.text for name in row.named_as.split(" | ")), row
    spoken = chosen.table[chosen.table["speaks"]]
    assert len(spoken) > 0
    quotes = wikinews.quotes[wikinews.quotes["speaker"] == "Robert Mugabe"]
    sentences = wikinews.sentences.set_index(["article_id", "sent_id"])
    for row in chosen.table.itertuples():  # speaks: a quote of his covers it or is attributed in it
        own = quotes[quotes["article_id"] == row.article_id]
        sentence = sentences.loc[(row.article_id, row.sent_id)]
        covered = (own["sent_start"] <= row.sent_id) & (own["sent_end"] >= row.sent_id)
        attributed = (own["speaker_start"] >= sentence["start"]) & (
            own["speaker_start"] < sentence["end"]
        )
        assert row.speaks == bool((covered | attributed).any()), row
    assert len(_shown_sentences(chosen)) == min(len(chosen.table), MAX_SENTENCES)


@pytest.mark.browser
def test_static_report_page_shows_the_note_and_its_links_work(tmp_path, seed_frames):
    binary = chromium_path()
    if binary is None:
        pytest.skip("chromium is not installed (make test installs it when run as root)")
    notebook = config.NOTEBOOKS_DIR / "06-explore.ipynb"
    executed = report.execute(notebook, tmp_path / "executed" / notebook.name)
    assert "widgets" in executed.metadata  # papermill saved the widget state ...
    path = tmp_path / "06-explore.html"
    path.write_text(report.to_html(executed, with_code=False), encoding="utf-8")
    annotate.write_pages(seed_frames, tmp_path)
    page = Page(binary)
    try:
        page.open(path)
        assert page.errors == []
        assert page.evaluate("document.querySelector('.nf-static-note').offsetHeight") > 50
        widgets = "document.querySelectorAll('.jupyter-widgets, script[type*=widget]').length"
        assert page.evaluate(widgets) == 0  # ... and the page shows the note, not a dead widget
        links = page.evaluate(
            "[...document.querySelectorAll('.nf-static-note a')].map(a => a.href)"
        )
        assert links and all(Path(unquote(urlparse(link).path)).is_file() for link in links)
    finally:
        page.close()
