"""Tests for analysis/tone.py: the shipped model, the JSONL contract, the article's stances.

The model's dev score is measured by ``benchmarks/tone.py`` (NewsMTSC lives in ``../shared``, which
a fresh clone lacks); here the shipped ``meta.json`` must record it, and the model must load and
run with the network blocked (``conftest.no_network``).
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest

from analysis import actors, config, nlp, quotes, tone, tone_contract
from analysis.__main__ import main
from analysis.cache import CacheWarning

TEXT_FIXTURE = "seed-article.txt"


def _span(sentence: str, target: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(target, start + 1)
    return start, start + len(target)


def _tone(sentence: str, target: str) -> dict:
    return tone.toward([sentence], [_span(sentence, target)]).iloc[0].to_dict()


def _sentence(text: str, fragment: str) -> str:
    """The line of ``text`` holding ``fragment`` (the fixture has one sentence group a line)."""
    line = next(line for line in text.splitlines() if fragment in line)
    start = line.rfind(". ", 0, line.index(fragment)) + 1
    end = line.find(". ", line.index(fragment))
    return line[start : end + 1 if end >= 0 else None].strip()


def test_shipped_model_records_its_dev_score_and_provenance():
    meta = tone.meta()
    assert meta["labels"] == list(tone.LABELS)
    assert meta["max_length"] == tone.MAX_LENGTH and meta["markers"] == [tone.OPEN, tone.CLOSE]
    assert len(meta["train_data"]["sha256"]) == 64 and all(
        isinstance(seed, int) for seed in meta["seeds"]
    )
    assert (tone.MODEL_DIR / "model.onnx").stat().st_size < 25_000_000


def test_the_shipped_model_scores_the_dev_set_as_it_records():
    """The dev score in meta.json is re-measured through the contract's code path, and stays far
    above sentence-level lexicons (TextBlob ~42, VADER ~51 macro-F1 on this set)."""
    dev = config.SHARED_DIR / "bench" / "newsmtsc-dev.jsonl"
    if not dev.is_file():
        pytest.skip(f"{dev} is absent (benchmark data lives beside the project)")
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line]
    targets = [
        {
            "id": i,
            "sentence": r["sentence"],
            "target_start": r["target_start"],
            "target_end": r["target_end"],
        }
        for i, r in enumerate(rows)
    ]
    predicted = [record["polarity"] for record in tone_contract.score_targets(targets)]
    scores = tone.classification_scores([r["polarity"] for r in rows], predicted)
    assert scores["macro_f1"] == pytest.approx(tone.meta()["dev_int8"]["macro_f1"], abs=1e-6)
    assert scores["macro_f1"] >= 0.82  # the bar, as shipped and batched


def test_a_pair_scores_the_same_whatever_its_batch_mates():
    """Each token row is quantised on its own: no batch size or neighbour moves a score (the
    previous dynamic-int8 model moved one dev pair's probabilities by up to 0.21)."""
    pairs = [
        ("The minister praised the brave firefighters who saved the town.", "firefighters"),
        ("Critics accused the mayor of lying about the budget.", "mayor"),
        ("The company said its profits rose in the third quarter.", "company"),
        ("Rebels shelled the city overnight, killing dozens of civilians.", "Rebels"),
        ("The senator, long a fierce critic of the deal, finally voted for it.", "senator"),
    ]
    sentences = [sentence for sentence, _ in pairs]
    spans = [(s.index(t), s.index(t) + len(t)) for s, t in pairs]
    alone = np.vstack(
        [
            tone.toward([sentence], [span]).iloc[:, :3].to_numpy()
            for sentence, span in zip(sentences, spans, strict=True)
        ]
    )
    for size in (2, 16):
        together = tone.toward(sentences, spans, batch_size=size).iloc[:, :3].to_numpy()
        np.testing.assert_allclose(together, alone, atol=1e-5)
    crowded = tone.toward(sentences * 7, spans * 7, batch_size=8).iloc[:5, :3].to_numpy()
    np.testing.assert_allclose(crowded, alone, atol=1e-5)


def test_batches_run_on_the_cores_a_worker_is_given(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # analysis.runner's workers
    assert tone.cores() == 1
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert tone.cores() == len(os.sched_getaffinity(0))
    monkeypatch.delattr(os, "sched_getaffinity")  # macOS and Windows have no affinity call
    assert tone.cores() == os.cpu_count()


def test_model_loads_and_scores_with_the_network_blocked():
    tone.load_model.cache_clear()
    frame = tone.toward(["Aid workers praised Maria for her generous work."], [(19, 24)])
    assert list(frame.columns) == ["p_negative", "p_neutral", "p_positive", "polarity"]
    assert frame.iloc[0][["p_negative", "p_neutral", "p_positive"]].sum() == pytest.approx(1, 1e-5)


def test_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(tone, "MODEL_DIR", tmp_path)
    tone.load_model.cache_clear()
    try:
        with pytest.raises(tone.ToneModelMissing, match="model.onnx"):
            tone.load_model()
    finally:
        monkeypatch.undo()
        tone.load_model.cache_clear()


def test_marking_keeps_the_target_and_long_sentences_keep_it_in_the_window():
    text, start, end = tone.marked("Critics attacked Smith again.", 17, 22)
    assert text[start:end] == "<< Smith >>"
    long_sentence = "word " * 300 + "Smith was praised. " + "word " * 300
    start = long_sentence.index("Smith")
    tokenizer = tone.load_model()[1]
    inputs = tone.encode(tokenizer, [long_sentence], [(start, start + 5)])
    assert inputs["input_ids"].shape[1] <= tone.MAX_LENGTH
    marked_ids = inputs["input_ids"][0][inputs["target_mask"][0] == 1]
    assert tokenizer.decode(list(marked_ids)) == "< < smith > >"


def test_contract_round_trip_keeps_order_and_reads_clear_cases(tmp_path):
    rows = [
        ("a", "The charity praised Maria for her brilliant, generous work with refugees.", "Maria"),
        ("b", "Prosecutors said Tom lied to investors and stole their savings.", "Tom"),
        ("c", "The meeting with Ahmed is scheduled for Thursday at noon.", "Ahmed"),
        ("d", "Tom and Maria met; Maria thanked Tom, who had cheated her.", "Tom"),
    ]
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = []
    for row_id, sentence, name in rows:
        start, end = _span(sentence, name)
        lines.append({"id": row_id, "sentence": sentence, "target_start": start, "target_end": end})
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert main(["tone", str(source), "--jsonl", str(target)]) == 0
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", "d"]
    for record in out:
        probabilities = [record["p_negative"], record["p_neutral"], record["p_positive"]]
        assert sum(probabilities) == pytest.approx(1, abs=1e-5)
        assert record["polarity"] == tone.POLARITIES[int(np.argmax(probabilities))]
    assert [o["polarity"] for o in out[:3]] == [1, -1, 0]


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": 1, "sentence": "Hi there", "target_start": 0}', "in.jsonl:2: missing target_end"),
        ('{"id": 1, "sentence": "Hi", "target_start": 0, "target_end": 9}', "in.jsonl:2: target"),
        ("not json", "in.jsonl:2: not JSON"),
    ],
)
def test_contract_names_the_bad_line_and_writes_nothing(tmp_path, capsys, line, message):
    good = '{"id": 0, "sentence": "Maria won.", "target_start": 0, "target_end": 5}'
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(good + "\n" + line + "\n", encoding="utf-8")
    assert main(["tone", str(source), "--jsonl", str(target)]) == 2
    assert message in capsys.readouterr().err
    assert not target.exists()


# The bundled article: tone toward the actors of its stances.


@pytest.fixture(scope="module")
def article(seed_text) -> str:
    return seed_text


def test_kremlin_denial_is_not_positive_toward_what_it_denies(article):
    sentence = _sentence(article, "“groundless” and “stupid”")
    assert sentence.startswith("The Kremlin on Monday dismissed")
    # VADER reads this sentence as positive (+0.46); toward the dismissed suggestion it is not.
    assert _tone(sentence, "the suggestion")["polarity"] != 1


def test_putin_admission_is_not_negative_toward_putin(article):
    """The issue's example: "Putin said … the situation was extremely difficult" says nothing bad
    about Putin. The gold admission itself ("In a break with the official line …, Putin
    acknowledged the situation was "difficult" in the regions … that Moscow unilaterally claimed to
    annex") can be read as unflattering: the shipped model leans negative there by a few points
    (the fp32 model it was quantised from leans neutral), so that sentence is only held to not
    praising him."""
    opening = _sentence(article, "Russian President Vladimir Putin said the situation")
    assert _tone(opening, "Vladimir Putin")["polarity"] != -1
    acknowledged = _sentence(article, "Putin acknowledged the situation")
    assert _tone(acknowledged, "Putin")["polarity"] != 1


def test_price_calls_the_absorbing_leader_out(article):
    sentence = _sentence(article, "height of irony")
    assert _tone(sentence, "a leader")["polarity"] == -1


def test_kremlin_actions_called_a_war_of_aggression(article):
    sentence = _sentence(article, "unprovoked war of aggression")
    assert _tone(sentence, "the Kremlin")["polarity"] == -1


def test_mentions_get_one_score_per_sentence_and_actor(article, monkeypatch):
    doc = nlp.parse([article])[0]
    mentions = actors.find_mentions(doc, "seed")
    calls = []
    original = tone.toward

    def counting(sentences, spans, **kwargs):
        calls.append(len(sentences))
        return original(sentences, spans, **kwargs)

    monkeypatch.setattr(tone, "toward", counting)
    scored = tone.score_mentions(doc, mentions)
    assert calls == [len(mentions.drop_duplicates(["sent_id", "actor"]))]
    assert len(scored) == len(mentions)
    assert scored[list(mentions.columns[:-4])].equals(mentions[list(mentions.columns[:-4])])
    assert scored[["tone", "p_negative", "p_neutral", "p_positive"]].notna().all().all()
    shared = scored.groupby(["sent_id", "actor"])["tone"].nunique()
    assert (shared == 1).all()
    assert np.allclose(scored["tone"], scored["p_positive"] - scored["p_negative"])


def test_quote_tone_scores_each_actor_inside_each_quote_once(seed_frames):
    found = seed_frames.quote_tone
    assert len(found) > 0
    assert not found.duplicated(["article_id", "quote_id", "actor"]).any()
    quotes = seed_frames.quotes.set_index(["article_id", "quote_id"])
    for row in found.itertuples():
        quote = quotes.loc[(row.article_id, row.quote_id)]
        assert quote["start"] <= row.start < row.end <= quote["end"]
        assert row.speaker == quote["speaker"]
    assert np.allclose(found["tone"], found["p_positive"] - found["p_negative"])
    mentioned = seed_frames.mentions
    inside = [
        (q.quote_id, m.actor)
        for q in seed_frames.quotes.itertuples()
        for m in mentioned.itertuples()
        if q.start <= m.start and m.end <= q.end
    ]
    assert len(found) == len(set(inside))


def test_a_mention_running_past_its_sentence_is_scored_not_refused():
    """A name across a line break can end after its sentence does (seen on GUM biographies,
    where it made the whole article fail at the tone stage): the scored text runs to its end."""
    doc = nlp.parse(["Otto\nJespersen was a linguist. He wrote books."])[0]
    first = next(iter(doc.sents))
    assert first.end_char < len("Otto\nJespersen")  # the parse breaks the name's sentence
    mentions = pd.DataFrame(
        {
            "article_id": ["t"],
            "sent_id": [0],
            "start": [0],
            "end": [14],
            "actor": ["Otto Jespersen"],
        }
    )
    scored = tone.score_mentions(doc, mentions)
    assert scored[["p_negative", "p_neutral", "p_positive"]].sum(axis=1).round(6).tolist() == [1.0]


def _seed_pairs(article: str) -> list[tuple]:
    doc = nlp.parse([article])[0]
    mentions = actors.mention_rows(doc, "seed")
    quoted, _fragments = quotes.quote_rows(doc, "seed", mentions=mentions)
    return [(doc, nlp.text_of(doc), mentions, quoted)]


def test_an_articles_scores_are_cached_and_read_back_unchanged(article, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    pairs = _seed_pairs(article)
    fresh = tone.score_articles(pairs)  # no cache asked: nothing written
    assert not list(tmp_path.rglob("*.f8"))
    first = tone.score_articles(pairs, use_cache=True)
    entries = list((tmp_path / "tone" / tone.model_key()).glob("*.f8"))
    assert len(entries) == 2  # the article's (sentence, actor) pairs and its (quote, actor) pairs

    def refuse(*_args, **_kwargs):
        raise AssertionError("the model ran although the article's scores are cached")

    monkeypatch.setattr(tone, "toward", refuse)
    again = tone.score_articles(pairs, use_cache=True)
    assert again == first == fresh


def test_a_damaged_tone_cache_entry_is_discarded_and_scored_again(article, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    pairs = _seed_pairs(article)
    first = tone.score_articles(pairs, use_cache=True)
    for entry in (tmp_path / "tone").rglob("*.f8"):
        entry.write_bytes(entry.read_bytes()[:-8])  # one score lost: the checksum fails
    with pytest.warns(CacheWarning, match="tone cache entry .* checksum does not match"):
        again = tone.score_articles(pairs, use_cache=True)
    assert again == first
