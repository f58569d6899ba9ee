"""The annotated article: read back with an HTML parser against the gold, split spans, safe names,
escaping of hostile text, and the page in headless Chromium."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import annotate, charts, evaluation
from tests.annotated_page import parse
from tests.browser import Page, chromium_path

HOSTILE_TITLE = '<script>window.pwned = 1</script> "><b>bold</b> <img src=x onerror="pwned=2">'
HOSTILE_TEXT = (
    'The minister said "<script>window.pwned = 3</script>" was "><b>not</b> a tag.\n\n'
    "Putin acknowledged that <img src=x onerror=window.pwned=4> was shown as text."
)
HOSTILE_ID = '../x/<y>"z'


@pytest.fixture(scope="module")
def seed_id(seed_frames) -> str:
    return str(seed_frames.articles["article_id"].iloc[0])


@pytest.fixture(scope="module")
def seed_page(seed_frames, seed_id):
    return parse(annotate.article_html(seed_frames, seed_id))


@pytest.fixture(scope="module")
def hostile_frames() -> analysis.Frames:
    table = pd.DataFrame(
        {
            "id": [HOSTILE_ID],
            "title": [HOSTILE_TITLE],
            "source": ['<b onmouseover="pwned=5">Outlet</b>'],
            "published": ["2024-01-01"],
            "url": ["javascript:window.pwned=6"],
            "text": [HOSTILE_TEXT],
        }
    )
    return analysis.extract(table)


# --- the bundled article against its gold, read from the page -----------------------------------


def _page_quotes(page) -> list[evaluation.PredictedQuote]:
    """One predicted quote per ``data-quote`` id, from the pieces the page shows."""
    quotes = []
    for quote_id in sorted({e.attrs["data-quote"] for e in page.having("nf-q")}, key=int):
        pieces = page.having("nf-q", data_quote=quote_id)
        (start, end), *rest = page.ranges(pieces)
        if rest:  # split across paragraphs: from the first piece to the last
            end = rest[-1][1]
        kind = next(k for k in ("direct", "mixed", "indirect") if f"nf-{k}" in pieces[0].classes)
        speakers = page.ranges(page.having("nf-spk", data_quote=quote_id))
        quotes.append(
            evaluation.PredictedQuote(
                start=start,
                end=end,
                kind=kind,
                speaker=pieces[0].attrs["data-speaker"],
                speaker_span=speakers[0] if speakers else None,
            )
        )
    return quotes


def test_page_shows_every_required_gold_quote_with_the_gold_speaker(seed_page, gold):
    required = [q for q in gold["quotes"] if q["required"]]
    assert len(required) == 25
    truth = evaluation.gold_from_seed(required)
    predicted = _page_quotes(seed_page)
    pairs = dict((g, p) for p, g in evaluation.match(predicted, truth))
    assert sorted(pairs) == list(range(25)), [
        required[g]["content"] for g in range(25) if g not in pairs
    ]
    for g_index, p_index in pairs.items():
        gold_quote, shown = required[g_index], predicted[p_index]
        assert seed_page.shown(gold_quote["start"], gold_quote["end"]) == gold_quote["content"]
        assert shown.speaker in (gold_quote["speaker"], *gold_quote["speaker_surfaces"]), (
            gold_quote["content"],
            shown.speaker,
        )


def test_each_quote_has_its_cue_in_bold_and_its_speaker_outlined(seed_page, seed_frames):
    quotes = seed_frames.quotes
    for quote in quotes.itertuples():
        cue = seed_page.having("nf-cue", data_quote=str(quote.quote_id))
        assert [seed_page.shown(a, b) for a, b in seed_page.ranges(cue)] == [quote.cue]
        outlined = seed_page.having("nf-spk", data_quote=str(quote.quote_id))
        assert [seed_page.shown(a, b) for a, b in seed_page.ranges(outlined)] == [
            quote.speaker_text
        ]
    fragments = seed_page.having("nf-frag")
    assert "extremely difficult" in {seed_page.shown(e.start, e.end) for e in fragments}


def test_page_shows_both_official_line_contrasts(seed_page, gold):
    notes = seed_page.having("nf-contrast", anywhere=True)
    assert len(notes) == len(gold["contrasts"]) == 2
    for expected in gold["contrasts"]:
        note = next(n for n in notes if expected["marker"] in n.text)
        assert note.attrs["data-actor"] == expected["speaker"]
        for key, stance_id in (("admission", "data-admission"), ("against", "data-against")):
            statement = seed_page.having("nf-stance", data_stance=note.attrs[stance_id])
            shown = [seed_page.shown(a, b) for a, b in seed_page.ranges(statement)]
            assert shown == [expected[key]], (key, shown)
    official = {
        seed_page.shown(a, b)
        for a, b in seed_page.ranges(seed_page.having("nf-official_line", data_stance="2"))
    }
    assert official == {gold["official_line"][0]["content"]}


def test_page_shows_the_whole_text_exactly(seed_page, seed_frames):
    text = str(seed_frames.articles["text"].iloc[0])
    for start, end, shown in seed_page.paragraphs:
        assert shown == text[start:end]
    blanks = re.compile(r"\s+")
    assert blanks.sub("", "".join(p[2] for p in seed_page.paragraphs)) == blanks.sub("", text)
    assert len(seed_page.paragraphs) == seed_frames.sentences["paragraph_id"].nunique()


def test_mentions_carry_their_actor_and_how(seed_page, seed_frames):
    shown = {
        (e.start, e.end, e.attrs["data-actor"], e.attrs["data-how"])
        for e in seed_page.having("nf-m")
        if "nf-last" in e.classes and e.start is not None
    }
    mentions = seed_frames.mentions
    expected = set(zip(mentions.start, mentions.end, mentions.actor, mentions.how, strict=True))
    assert shown == expected
    pronouns = [e for e in seed_page.having("nf-m", data_how="pronoun") if e.start is not None]
    assert pronouns and all(e.attrs["data-tag"] == "pron." for e in pronouns)
    his = next(e for e in pronouns if seed_page.shown(e.start, e.end) == "his")
    assert his.attrs["title"].startswith("Vladimir Putin (pronoun")


def test_hedges_and_labels_are_marked(seed_page, seed_frames):
    for kind in ("hedge", "label"):
        marks = seed_frames.framing_marks[seed_frames.framing_marks["kind"] == kind]
        shown = [seed_page.shown(e.start, e.end) for e in seed_page.having(f"nf-{kind}")]
        assert sorted(shown) == sorted(marks["text"])


def test_speaker_key_lists_each_speaker_once_in_their_side_colour(seed_page, seed_frames):
    keyed = seed_page.having("nf-sample", anywhere=True)
    names = [e.text for e in keyed]
    assert names == list(seed_frames.quotes["speaker"].drop_duplicates())
    putin = next(e for e in keyed if e.text == "Vladimir Putin")
    zelenskiy = next(e for e in keyed if e.text == "Volodymyr Zelenskiy")
    assert "--c:#D55E00" in putin.attrs["style"] and "--c:#0072B2" in zelenskiy.attrs["style"]


def test_tone_bars_have_one_segment_per_sentence_and_analyser(seed_page, seed_frames):
    segments = [e for e in seed_page.elements if e.tag == "i" and "title" in e.attrs]
    assert len(segments) == 2 * len(seed_frames.sentences)
    first = seed_frames.sentences.iloc[0]
    vader = next(e for e in segments if e.attrs["title"].startswith("sentence 0: VADER"))
    assert f"background:{annotate.tone_colour(first.vader_compound)}" in vader.attrs["style"]


def test_tone_colour_scale():
    assert annotate.tone_colour(0.0) == "#eeeeee"
    assert annotate.tone_colour(-1.0) == "#d55e00"
    assert annotate.tone_colour(1.0) == "#0072b2"
    assert annotate.tone_colour(-0.5) == "#e2a677"  # halfway from #eeeeee to #d55e00
    assert annotate.tone_colour(float("nan")) == "#eeeeee"


def test_unknown_article_is_a_clear_error(seed_frames):
    with pytest.raises(KeyError, match="'nope' is not in these frames"):
        annotate.article_html(seed_frames, "nope")


# --- the markup: nesting, splitting, escaping -----------------------------------------------------


def test_crossing_spans_are_split_into_well_formed_pieces():
    outer = annotate.Span(0, 4, 0, "a")
    crossing = annotate.Span(2, 6, 0, "b")
    assert annotate.markup("abcdef", [outer, crossing], 0, 6) == (
        '<span class="a nf-last">ab<span class="b">cd</span></span>'
        '<span class="b nf-last">ef</span>'
    )


def test_equal_spans_nest_by_rank_and_text_is_escaped():
    inner = annotate.Span(0, 3, 5, "in", (("title", 'x"><b>'),))
    outer = annotate.Span(0, 3, 1, "out")
    assert annotate.markup("<b>", [inner, outer], 0, 3) == (
        '<span class="out nf-last"><span class="in nf-last" title="x&quot;&gt;&lt;b&gt;">'
        "&lt;b&gt;</span></span>"
    )


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="ab<&\"' \n", min_size=1, max_size=30),
    raw=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 3)), max_size=8),
)
def test_any_spans_give_well_formed_markup_covering_exactly_their_ranges(text, raw):
    spans = [
        annotate.Span(min(a, b), max(a, b), rank, "s", (("data-i", str(i)),))
        for i, (a, b, rank) in enumerate(raw)
        if min(a, b) < max(a, b) <= len(text)
    ]
    marked = annotate.markup(text, spans, 0, len(text))
    page = parse(f'<body><p class="nf-text" data-start="0">{marked}</p></body>')
    assert page.paragraphs[0][2] == text
    for span in spans:
        pieces = page.having("s", data_i=dict(span.attrs)["data-i"])
        assert page.ranges(pieces) == [(span.start, span.end)]
        assert sum("nf-last" in e.classes for e in pieces) == 1


def test_page_names_are_safe_distinct_and_linked():
    assert annotate.page_name("reuters-2022-12-20") == "reuters-2022-12-20.html"
    ids = ["a/b", "a_b", "A", "a", HOSTILE_ID, "..", "con", "x" * 300, "Ünïcode id"]
    names = [annotate.page_name(i) for i in ids]
    assert len(set(n.lower() for n in names)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*\.html", n) and len(n) < 110 for n in names)
    assert annotate.page_link(HOSTILE_ID) == f"articles/{annotate.page_name(HOSTILE_ID)}"


def test_write_pages_writes_one_page_per_article(tmp_path, hostile_frames, seed_frames):
    both = analysis.Frames(
        **{
            name: pd.concat([getattr(seed_frames, name), getattr(hostile_frames, name)])
            for name, _ in seed_frames.items()
        }
    )
    paths = annotate.write_pages(both, tmp_path)
    ids = list(both.articles["article_id"])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        annotate.page_link(i) for i in ids
    ]
    assert parse(paths[1].read_text(encoding="utf-8")).title.startswith(HOSTILE_TITLE)


def test_hostile_text_stays_text(hostile_frames):
    page = parse(annotate.article_html(hostile_frames, HOSTILE_ID))
    assert page.title == f"{HOSTILE_TITLE} — annotated"
    assert page.tags["script"] == 0 and page.tags["img"] == 0 and page.tags["a"] == 0
    shown = "".join(p[2] for p in page.paragraphs)
    assert "<script>window.pwned = 3</script>" in shown and '"><b>not</b>' in shown
    assert not [e for e in page.elements if e.in_paragraph and e.tag not in ("p", "span")]
    assert HOSTILE_TITLE in page.body_text and "javascript:window.pwned=6" in page.body_text


# --- in the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    binary = chromium_path()
    if binary is None:
        pytest.skip("chromium is not installed (make test installs it when run as root)")
    page = Page(binary)
    yield page
    page.close()


@pytest.mark.browser
def test_seed_page_renders_without_console_errors_and_layers_toggle(browser, seed_frames, tmp_path):
    (path,) = annotate.write_pages(seed_frames, tmp_path)
    browser.open(path)
    assert browser.errors == []
    underline = "getComputedStyle(document.querySelector('.nf-article .nf-q')).textDecorationLine"
    assert browser.evaluate(underline) == "underline"
    browser.evaluate("document.getElementById('nf-show-quotes').click()")
    assert browser.evaluate(underline) == "none"
    assert browser.evaluate("document.querySelectorAll('.nf-article .nf-q').length") > 25
    shot = browser.screenshot(tmp_path / "seed.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


@pytest.mark.browser
def test_hostile_text_runs_no_script_and_makes_no_element(browser, hostile_frames, tmp_path):
    (path,) = annotate.write_pages(hostile_frames, tmp_path)
    browser.open(path)
    assert browser.errors == []
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, script, a, .nf-text b').length") == 0
    assert browser.evaluate("document.title") == f"{HOSTILE_TITLE} — annotated"
    body = browser.evaluate("document.querySelector('.nf-article').textContent")
    assert "<img src=x onerror=window.pwned=4>" in body


def test_speakers_of_one_colour_differ_by_line_style_and_weight():
    names = [f"speaker {i}" for i in range(7)]
    quotes = pd.DataFrame({"speaker": names + ["Vladimir Putin"]})
    mentions = pd.DataFrame({"actor": ["Vladimir Putin"], "side": ["Russia"]})
    actors = pd.DataFrame({"actor": ["speaker 1"], "side": ["Greece"]})  # a side of its own
    speakers = annotate.article._speakers(quotes, mentions, actors)
    drawn = [(s.colour, s.line, s.weight) for s in speakers.values()]
    assert len(set(drawn)) == len(drawn)
    grey = charts.side_colour(None)
    no_side = [drawn[i] for i in (0, 2, 3, 4, 5, 6)]
    assert {colour for colour, _, _ in no_side} == {grey}
    assert no_side[:2] == [(grey, "solid", "2px"), (grey, "double", "2px")]
    assert no_side[5] == (grey, "solid", "3.5px")  # line styles exhausted: a heavier line
    assert drawn[1] == (charts.side_colour("Greece"), "solid", "2px")
    assert drawn[7] == (charts.SIDE_COLOURS["Russia"], "solid", "2px")
    assert len({grey, charts.side_colour("Greece"), charts.SIDE_COLOURS["Russia"]}) == 3


def test_byline_gives_the_date_as_written_not_a_midnight_time(seed_frames, seed_id):
    page = annotate.article_html(seed_frames, seed_id)
    assert "Reuters · 2022-12-20" in page
    assert "00:00:00" not in page


def test_key_and_notes_speak_as_the_charts_do():
    nobody = annotate.Speaker("Mijares", None, charts.NO_SIDE_COLOUR, "solid", "2px", 1)
    assert f"{charts.NO_SIDE} · 1 quote" in annotate.speaker_key({"Mijares": nobody})
    stance = pd.Series(
        {
            "stance_id": 0,
            "stance": "position",
            "actor": "Delfin Lorenzana",
            "statement": '"We will use the full force of the law,"',
            "marker": "said",
        }
    )
    note = annotate.article._stance_note(stance)
    assert "“We will use the full force of the law,”" in note  # one pair of marks, not “"We
