"""Corpus runs: frames folders equal the in-memory frames, workers and Dask change nothing, a
killed run resumes, one failing article does not stop the others, exit codes say what happened."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import config, nlp, pipeline, runner, store, tone
from analysis.__main__ import main
from analysis.corpus import load

STORIES = [
    "Ukraine's president Volodymyr Zelenskiy said on Monday that the front was holding.",
    "The Kremlin said the talks were “a waste of time”. Dmitry Peskov told reporters so.",
    "Russian President Vladimir Putin admitted the situation was extremely difficult.",
    "Officials in Kyiv said Russian drones hit power stations overnight.",
    "NATO's chief said the alliance would keep supporting Ukraine, according to Reuters.",
    "Moscow dismissed the report as “groundless”, the foreign ministry said in a statement.",
]


@pytest.fixture(scope="module")
def corpus():
    table = pd.DataFrame({"id": [f"story-{i}" for i in range(len(STORIES))], "text": STORIES})
    return load(table, config.BUNDLED_ARTICLE)


@pytest.fixture(scope="module")
def in_memory(corpus):
    return analysis.extract(corpus)


def assert_same_frames(expected: analysis.Frames, found: analysis.Frames) -> None:
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(
            frame.reset_index(drop=True), getattr(found, name).reset_index(drop=True), obj=name
        )


def test_a_frames_folder_reads_back_as_the_in_memory_frames(corpus, in_memory, tmp_path):
    errors = runner.extract_to(corpus, tmp_path / "frames", batch_size=2)
    assert errors.empty
    found = analysis.Frames.read(tmp_path / "frames")
    assert_same_frames(in_memory, found)
    assert len(list((tmp_path / "frames" / "parts").iterdir())) == 4  # 7 articles, 2 per batch
    manifest = store.manifest(tmp_path / "frames")
    assert manifest["counts"]["quotes"] == len(in_memory.quotes)
    assert manifest["identity"] == pipeline.identity()


def test_tone_beside_the_next_batch_gives_the_frames_of_one_batch_after_another(
    corpus, monkeypatch
):
    threads: list[str] = []
    finish = pipeline.finish_batch

    def recording(layered):
        threads.append(threading.current_thread().name)
        return finish(layered)

    monkeypatch.setattr(pipeline, "finish_batch", recording)
    monkeypatch.setattr(tone, "cores", lambda: 1)  # one core: one batch after another, here
    alone = list(runner.run(corpus.articles, batch_size=2))
    assert threads == ["MainThread"] * 4
    threads.clear()
    monkeypatch.setattr(tone, "cores", lambda: 2)  # tone on a thread beside the next batch
    beside = list(runner.run(corpus.articles, batch_size=2))
    assert len(threads) == 4 and all(name.startswith("tone") for name in threads)
    assert [b.article_ids for b in beside] == [b.article_ids for b in alone]
    for expected, found in zip(alone, beside, strict=True):
        for name, frame in expected.frames.items():
            pd.testing.assert_frame_equal(frame, found.frames[name], obj=name)
    assert sum(len(b.frames["mentions"]) for b in beside) > 0


def test_reading_a_subset_of_frames_columns_and_articles(corpus, in_memory, tmp_path):
    runner.extract_to(corpus, tmp_path / "frames", batch_size=3)
    subset = store.read(
        tmp_path / "frames",
        names=["quotes", "articles"],
        columns={"quotes": ["speaker", "content"]},
        articles=["story-5", "story-1"],
    )
    assert subset.articles["article_id"].tolist() == ["story-1", "story-5"]  # corpus order
    assert list(subset.quotes.columns) == ["article_id", "speaker", "content"]
    expected = in_memory.quotes[in_memory.quotes["article_id"].isin(["story-1", "story-5"])]
    assert subset.quotes["content"].tolist() == expected["content"].tolist()
    assert subset.mentions.empty  # not asked for


def test_notebooks_get_frames_from_a_folder_or_from_raw_text(corpus, in_memory, tmp_path):
    runner.extract_to(corpus, tmp_path / "frames")
    assert_same_frames(in_memory, analysis.frames_for(tmp_path / "frames"))
    raw = analysis.frames_for(config.BUNDLED_ARTICLE)
    assert raw.articles["article_id"].tolist() == [config.BUNDLED_ARTICLE.stem]


def test_an_incomplete_folder_is_refused_and_a_rerun_resumes_it(corpus, in_memory, tmp_path):
    folder = tmp_path / "frames"
    runner.extract_to(corpus, folder, batch_size=2)
    parts = sorted((folder / "parts").iterdir())
    (folder / "manifest.json").unlink()  # as after a kill before the end
    removed = [a for a, _ in json.loads((parts[0] / "part.json").read_text())["articles"]]
    shutil.rmtree(parts[0])
    (folder / "parts" / ".tmp-half-written").mkdir()
    with pytest.raises(store.FramesFolderError, match="did not finish"):
        analysis.Frames.read(folder)

    analysed: list[str] = []
    original = pipeline.analyse_layers

    def counting(articles, **options):
        analysed.extend(articles["article_id"])
        return original(articles, **options)

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "analyse_layers", counting)
    try:
        runner.extract_to(corpus, folder, batch_size=2)
    finally:
        patch.undo()
    assert analysed == removed  # only the articles of the part that was removed
    assert not (folder / "parts" / ".tmp-half-written").exists()
    assert_same_frames(in_memory, analysis.Frames.read(folder))


def test_a_changed_corpus_reuses_what_it_can_and_drops_stale_parts(corpus, tmp_path):
    folder = tmp_path / "frames"
    runner.extract_to(corpus, folder, batch_size=1)
    smaller = load(corpus.articles.iloc[:3].drop(columns=["n_words"]))
    runner.extract_to(smaller, folder, batch_size=1)
    found = analysis.Frames.read(folder)
    assert found.articles["article_id"].tolist() == smaller.articles["article_id"].tolist()
    assert set(found.mentions["article_id"]) <= set(smaller.articles["article_id"])
    assert len(list((folder / "parts").iterdir())) == 3


def test_one_failing_article_is_reported_and_the_others_are_analysed(corpus, tmp_path):
    original = pipeline.quotes.quote_rows

    def broken(doc, article_id, **options):
        if "Kremlin said the talks" in doc.text:
            raise IndexError("list index out of range")
        return original(doc, article_id, **options)

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline.quotes, "quote_rows", broken)
    try:
        result = analysis.extract(corpus)
        status = main(["extract", config.BUNDLED_ARTICLE.as_posix(), "--out", str(tmp_path / "a")])
        table = tmp_path / "in.jsonl"
        table.write_text(
            "\n".join(json.dumps({"id": f"s{i}", "text": t}) for i, t in enumerate(STORIES)),
            encoding="utf-8",
        )
        failed = main(["extract", str(table), "--out", str(tmp_path / "b"), "--jobs", "1"])
    finally:
        patch.undo()
    errors = result.errors
    assert errors[["article_id", "stage"]].values.tolist() == [["story-1", "quotes"]]
    assert "IndexError" in errors["error"].iloc[0]
    assert "story-1" not in set(result.articles["article_id"])
    assert len(result.articles) == len(corpus.articles) - 1
    assert "story-1" not in set(result.mentions["article_id"])  # no half-analysed rows
    assert analysis.frames.span_violations(result).empty
    assert (status, failed) == (0, 1)
    assert store.read(tmp_path / "b").errors["stage"].tolist() == ["quotes"]


def test_tone_is_scored_per_batch_as_one_by_one_and_fails_per_article(
    corpus, in_memory, monkeypatch
):
    """The pipeline scores a batch's tone pairs together: the same scores as article by article,
    and an article whose tone scoring fails is reported alone at the tone stage."""
    docs = nlp.parse(list(corpus.articles["text"]))
    for row, doc in zip(corpus.articles.itertuples(), docs, strict=True):
        alone = pipeline.analyse(doc, row.article_id)["mentions"]
        batched = in_memory.mentions[in_memory.mentions["article_id"] == row.article_id]
        np.testing.assert_allclose(
            alone["tone"].to_numpy(float), batched["tone"].to_numpy(float), atol=1e-6
        )
    original = pipeline.tone.toward

    def broken(sentences, spans, **options):
        if any("Peskov" in sentence for sentence in sentences):
            raise ValueError("pair 0: target span (5, 99) is not inside its sentence")
        return original(sentences, spans, **options)

    monkeypatch.setattr(pipeline.tone, "toward", broken)
    result = analysis.extract(corpus, use_cache=False)  # no cached scores: the model runs
    assert result.errors[["article_id", "stage"]].values.tolist() == [["story-1", "tone"]]
    assert len(result.articles) == len(corpus.articles) - 1
    kept = in_memory.mentions[in_memory.mentions["article_id"] != "story-1"]
    np.testing.assert_allclose(
        result.mentions["tone"].to_numpy(float), kept["tone"].to_numpy(float), atol=1e-6
    )


def test_worker_processes_give_the_frames_of_one_process(corpus, in_memory):
    found = analysis.extract(corpus, jobs=2)
    assert_same_frames(in_memory, found)


def test_a_dask_local_cluster_gives_the_frames_of_one_process(corpus, in_memory, tmp_path):
    pytest.importorskip("distributed")
    runner.extract_to(corpus, tmp_path / "dask", jobs=2, scheduler="local", batch_size=2)
    assert_same_frames(in_memory, analysis.Frames.read(tmp_path / "dask"))


def test_the_dask_worker_plugin_loads_spacy_and_stops_the_profiler():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, dashboard_address=None, processes=True
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        before = client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
        client.register_plugin(runner.LoadPipeline(), name="newsframe-pipeline")
        after = client.run(
            lambda dask_worker: (
                sorted(dask_worker.periodic_callbacks),
                nlp.load_model.cache_info().currsize,
            )
        )
    [(callbacks_before)] = before.values()
    [(callbacks, loaded)] = after.values()
    assert "profile" in callbacks_before  # Dask's default, which the plugin switches off
    assert "profile" not in callbacks and "profile-cycle" not in callbacks
    assert loaded == 1


def test_output_problems_exit_3_before_any_work(tmp_path, capsys):
    in_the_way = tmp_path / "file"
    in_the_way.write_text("x", encoding="utf-8")
    article = config.BUNDLED_ARTICLE.as_posix()
    assert main(["extract", article, "--out", str(in_the_way)]) == 3
    assert "is a file, not a folder" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "out.jsonl"
    assert main(["extract", article, "--jsonl", str(missing)]) == 3
    assert "does not exist" in capsys.readouterr().err
    assert main(["extract", article, "--out", str(in_the_way / "below")]) == 3


def test_a_killed_run_resumes_to_the_frames_of_a_clean_run(tmp_path):
    table = tmp_path / "in.jsonl"
    stories = [f"{text} Story {i}." for i in range(4) for text in STORIES]
    rows = [{"id": f"s{i}", "text": text} for i, text in enumerate(stories)]
    table.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    folder = tmp_path / "killed"
    command = [sys.executable, "-m", "analysis", "extract", str(table), "--out", str(folder)]
    command += ["--jobs", "1", "--batch-size", "2", "--quiet", "--no-cache"]
    env = {**os.environ, "PYTHONPATH": str(config.PROJECT_ROOT)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    parts = folder / "parts"
    while time.monotonic() < deadline and process.poll() is None:
        if parts.is_dir() and len([p for p in parts.iterdir() if p.name[0] != "."]) >= 2:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not (folder / "manifest.json").exists(), "the run finished before it was killed"
    with pytest.raises(store.FramesFolderError):
        store.read(folder)
    assert subprocess.run(command, env=env, stderr=subprocess.DEVNULL).returncode == 0
    clean = tmp_path / "clean"
    runner.extract_to(load(table), clean, batch_size=3)
    assert_same_frames(store.read(clean), store.read(folder))


class _Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing in the run catches it."""


def _killing_writes(folder, stop_at: int | None):
    """Patches for every way the store writes inside ``folder``: count the writes, and at write
    number ``stop_at`` leave a torn file (or skip the rename) and stop as a kill would."""
    count = [0]
    originals = {
        "parquet": pd.DataFrame.to_parquet,
        "text": type(folder).write_text,
        "bytes": type(folder).write_bytes,
        "replace": os.replace,
    }

    def inside(path) -> bool:
        return str(path).startswith(str(folder))

    def step(path) -> bool:
        if not inside(path):
            return False
        count[0] += 1
        return count[0] == stop_at

    def to_parquet(frame, path, *args, **kwargs):
        if step(path):
            open(path, "wb").write(b"PAR1 torn")
            raise _Killed
        return originals["parquet"](frame, path, *args, **kwargs)

    def write_text(path, data, *args, **kwargs):
        if step(path):
            originals["text"](path, data[: len(data) // 2], *args, **kwargs)
            raise _Killed
        return originals["text"](path, data, *args, **kwargs)

    def write_bytes(path, data):
        if step(path):
            originals["bytes"](path, data[: len(data) // 2])
            raise _Killed
        return originals["bytes"](path, data)

    def replace(source, target):
        if step(target):
            raise _Killed
        return originals["replace"](source, target)

    patches = [
        (pd.DataFrame, "to_parquet", to_parquet),
        (type(folder), "write_text", write_text),
        (type(folder), "write_bytes", write_bytes),
        (store.os, "replace", replace),
    ]
    return count, patches


def test_a_run_stopped_at_any_write_resumes_to_the_frames_of_a_clean_run(tmp_path):
    """Every write of a run (parts, corpus frames, manifest) in turn is the one killed, torn; the
    folder is then refused, and a rerun gives exactly the frames of an uninterrupted run."""
    articles = load(pd.DataFrame({"id": ["a", "b", "c", "d"], "text": STORIES[:4]}))
    clean = tmp_path / "clean"
    count, patches = _killing_writes(clean, stop_at=None)
    with pytest.MonkeyPatch.context() as patch:
        for owner, name, value in patches:
            patch.setattr(owner, name, value)
        runner.extract_to(articles, clean, batch_size=2)
    writes = count[0]
    assert writes > 20  # parts of two batches, the corpus frames, the manifest
    expected = store.read(clean)
    for stop_at in range(1, writes + 1):
        folder = tmp_path / f"stopped-{stop_at}"
        _count, patches = _killing_writes(folder, stop_at)
        with pytest.MonkeyPatch.context() as patch:
            for owner, name, value in patches:
                patch.setattr(owner, name, value)
            with pytest.raises(_Killed):
                runner.extract_to(articles, folder, batch_size=2)
        with pytest.raises(store.FramesFolderError):
            store.read(folder)
        runner.extract_to(articles, folder, batch_size=2)
        assert_same_frames(expected, store.read(folder))
