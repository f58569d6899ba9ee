"""Very long articles: analysed in sections, with offsets and numbers put back exactly."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import evaluation, frames, nlp, pipeline, sections


@pytest.fixture(scope="module")
def doubled(seed_text):
    """The bundled article twice, analysed as one article in two sections (one per copy)."""
    text = seed_text + "\n\n" + seed_text
    doc = nlp.parse([text])[0]
    limit = len(seed_text) + 2
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sections, "SECTION_CHARS", limit)
        bounds = sections.cuts(doc)
        found = pipeline.analyse(doc, "twice")
    return text, doc, bounds, found


def test_an_article_of_ordinary_length_is_one_section(seed_text):
    doc = nlp.parse([seed_text])[0]
    assert sections.cuts(doc) == [0]


def test_sections_start_at_sentence_starts_and_respect_the_limit(seed_text):
    doc = nlp.parse([seed_text])[0]
    bounds = sections.cuts(doc, limit=1500)
    starts = {sent.start for sent in doc.sents}
    assert len(bounds) > 3 and set(bounds) <= starts
    ends = [doc[i].idx for i in bounds[1:]] + [len(seed_text)]
    lengths = [end - doc[i].idx for i, end in zip(bounds, ends, strict=True)]
    assert max(lengths) <= 1500
    paragraphs = set(nlp.paragraph_starts(seed_text))
    assert all(doc[i].idx in paragraphs for i in bounds[1:])  # news paragraphs are short


def test_the_cut_falls_where_the_second_copy_starts(doubled, seed_text):
    _text, doc, bounds, _found = doubled
    assert len(bounds) == 2
    assert doc[bounds[1]].idx == len(seed_text) + 2


def test_every_span_indexes_the_whole_text(doubled):
    text, _doc, _bounds, found = doubled
    for name, frame in found.items():
        for start, end, column in frames.span_columns(frame):
            rows = frame.dropna(subset=[start, end, column])
            assert len(rows), (name, column)
            for s, e, expected in zip(rows[start], rows[end], rows[column], strict=True):
                assert text[s:e] == expected, (name, column, s, e)


def test_numbers_run_on_across_the_sections(doubled):
    text, doc, _bounds, found = doubled
    sentences = found["sentences"]
    assert sentences["sent_id"].is_monotonic_increasing and sentences["sent_id"].is_unique
    assert [nlp.sent_id_of(doc, s) for s in sentences["start"]] == list(sentences["sent_id"])
    starts = nlp.paragraph_starts(text)
    expected = [sum(p <= s for p in starts) - 1 for s in sentences["start"]]
    assert list(sentences["paragraph_id"]) == expected
    mentions = found["mentions"]
    assert list(mentions["mention_id"]) == list(range(len(mentions)))
    antecedents = mentions.dropna(subset=["antecedent_id"])
    assert set(antecedents["antecedent_id"]) <= set(mentions["mention_id"])
    assert found["quotes"]["quote_id"].is_unique
    assert set(found["fragments"]["quote_id"]) <= set(found["quotes"]["quote_id"])
    assert set(found["quote_tone"]["quote_id"]) <= set(found["quotes"]["quote_id"])
    stance_ids = set(found["stances"]["stance_id"])
    assert found["stances"]["stance_id"].is_unique
    assert set(found["contrasts"]["admission_id"]) | set(found["contrasts"]["against_id"]) <= (
        stance_ids
    )


def test_each_copy_scores_as_the_article_does_alone(doubled, gold, seed_text):
    """Quotes, speakers and contrasts of both copies against the gold, the second shifted back."""
    _text, _doc, _bounds, found = doubled
    quotes = found["quotes"]
    shift = len(seed_text) + 2
    first = quotes[quotes["start"] < shift]
    second = quotes[quotes["start"] >= shift].copy()
    for column in ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        second[column] -= shift
    expected = evaluation.gold_from_seed(gold["quotes"])
    scores = [
        evaluation.score_document(evaluation.predicted_from_rows(part.to_dict("records")), expected)
        for part in (first, second)
    ]
    for score in scores:
        assert score.recall >= 0.96 and score.speaker_accuracy >= 0.95
    assert scores[0].n_matched == scores[1].n_matched
    contrasts = found["contrasts"]
    assert (contrasts["admission_start"] < shift).sum() == (
        contrasts["admission_start"] >= shift
    ).sum()
    assert len(contrasts) >= 2


def test_frames_keep_their_schemas(doubled):
    _text, _doc, _bounds, found = doubled
    for name, frame in found.items():
        assert list(frame.columns) == list(frames.SCHEMAS[name]), name
        assert isinstance(frame, pd.DataFrame)
