"""How it sounds: known phrases, driver words located in the text, and disagreements."""

from __future__ import annotations

import re

import pytest

from analysis import nlp, sentiment


def test_extremely_difficult_is_negative_in_both_analysers():
    polarity, subjectivity = sentiment.textblob_scores("extremely difficult")
    assert polarity == pytest.approx(-0.5)
    assert subjectivity == pytest.approx(1.0)
    assert sentiment.vader_compound("extremely difficult") < -0.3


def test_going_smoothly_is_positive_in_textblob():
    assert sentiment.textblob_scores("the invasion is going smoothly")[0] == pytest.approx(0.4)


def test_textblob_drivers_are_located_with_offsets():
    text = "It was not good. The situation is extremely difficult."
    drivers = sentiment.textblob_drivers(text, offset=10)
    assert [(d["text"], d["score"]) for d in drivers] == [
        ("not good", pytest.approx(-0.35)),
        ("extremely difficult", pytest.approx(-0.5)),
    ]
    for d in drivers:
        assert text[d["start"] - 10 : d["end"] - 10] == d["text"]


def test_sentences_frame_on_the_bundled_article(seed_frames, seed_text):
    sentences = seed_frames.sentences
    first = sentences.iloc[0]
    assert first["text"].startswith("Russian President Vladimir Putin said")
    assert first["paragraph_id"] == 0
    assert sentences["paragraph_id"].is_monotonic_increasing
    paragraphs = [p for p in re.split(r"\n\s*\n", seed_text) if p.strip()]
    assert sentences["paragraph_id"].max() == len(paragraphs) - 1
    # The admission reads negative to TextBlob but positive to VADER, whose lexicon rates the
    # "security workers" it was addressed to (+1.4) above "difficult" (-1.5) once boosted/damped.
    extreme = sentences[sentences["text"].str.contains("is extremely difficult,")].iloc[0]
    assert extreme["polarity"] == pytest.approx(-0.5)
    assert extreme["vader_compound"] > 0
    assert extreme["sent_id"] in set(sentiment.disagreements(sentences)["sent_id"])


def test_words_that_drove_the_scores(seed_frames, seed_text):
    words = seed_frames.sentiment_words
    tb = words[(words["analyser"] == "textblob") & (words["sent_id"] == 0)]
    assert ("extremely difficult", -0.5) in set(zip(tb["text"], tb["score"], strict=True))
    vd = words[(words["analyser"] == "vader") & (words["text"] == "stupid")]
    assert len(vd) == 1 and vd.iloc[0]["score"] < 0


def test_disagreements_are_opposite_signs(seed_frames):
    found = sentiment.disagreements(seed_frames.sentences)
    assert len(found) > 0
    assert ((found["polarity"] * found["vader_compound"]) < 0).all()
    explained = sentiment.explain(found, seed_frames.sentiment_words)
    assert len(explained) == len(found)
    assert (explained["vader_words"] != "").all()


def test_vader_drivers_cover_only_lexicon_words():
    doc = nlp.parse(["A stupid, groundless idea."], use_cache=False)[0]
    drivers = sentiment.vader_drivers(doc, 0, len(doc.text))
    assert [d["text"] for d in drivers] == ["stupid"]
