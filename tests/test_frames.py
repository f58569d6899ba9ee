"""The data model: schemas, the offsets invariant over every frame, writers and the CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis
from analysis import frames
from analysis.__main__ import main

WIKINEWS = analysis.config.SHARED_DIR / "corpus" / "wikinews"


def dtypes(name: str, frame: pd.DataFrame) -> dict[str, str]:
    """The frame's column dtypes, checking that ``articles`` has only string columns (the extra
    metadata, analysis.corpus) after the schema's and leaving those out."""
    found = {c: str(t) for c, t in frame.dtypes.items()}
    if name == "articles":
        extra = list(frame.columns[len(frames.SCHEMAS[name]) :])
        assert all(found.pop(c) == "string" for c in extra), extra
    return found


def test_every_frame_follows_its_schema(seed_frames):
    for name, frame in seed_frames.items():
        schema = frames.SCHEMAS[name]
        assert list(frame.columns[: len(schema)]) == list(schema), name
        assert dtypes(name, frame) == {c: d for c, (d, _) in schema.items()}


def test_every_layer_has_rows_on_the_bundled_article(seed_frames):
    for name, frame in seed_frames.items():
        if name != "errors":
            assert len(frame) > 0, f"{name} is empty"


def test_offsets_are_sacred_in_every_frame(seed_frames):
    checked = {name for name, frame in seed_frames.items() if frames.span_columns(frame)}
    assert {"sentences", "entities", "sentiment_words"} <= checked
    violations = frames.span_violations(seed_frames)
    assert violations.empty, violations.head().to_dict("records")


def test_span_violations_catches_a_shifted_span(seed_frames):
    broken = frames.Frames(**dict(seed_frames.items()))
    broken.entities = broken.entities.assign(start=broken.entities["start"] + 1)
    assert len(frames.span_violations(broken)) == len(broken.entities)


def test_offsets_hold_on_a_real_corpus():
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is absent (it lives beside the project, not in it)")
    result = analysis.extract(sorted(WIKINEWS.glob("*.md"))[:12])
    assert result.errors.empty
    assert result.articles["article_id"].nunique() == 12
    assert frames.span_violations(result).empty
    for name, frame in result.items():
        expected = {c: d for c, (d, _) in frames.SCHEMAS[name].items()}
        assert dtypes(name, frame) == expected, name


def test_write_parquet_and_csv_round_trip(seed_frames, tmp_path):
    for fmt in ("parquet", "csv"):
        paths = seed_frames.write(tmp_path / fmt, fmt=fmt)
        assert {p.stem for p in paths} == {name for name, _ in seed_frames.items()}
    back = pd.read_parquet(tmp_path / "parquet" / "entities.parquet")
    pd.testing.assert_frame_equal(back, seed_frames.entities)
    with pytest.raises(ValueError, match="unknown format"):
        seed_frames.write(tmp_path, fmt="xlsx")


def test_cli_extract_jsonl_contract(tmp_path, seed_text):
    source = tmp_path / "in.jsonl"
    docs = [{"doc_id": "seed", "text": seed_text}, {"doc_id": "short", "text": "Kyiv said no."}]
    source.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--jsonl", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["doc_id"] for line in lines] == ["seed", "short"]
    for line, doc in zip(lines, docs, strict=True):
        assert set(frames.JSONL_SPANS) <= set(line)
        for name in frames.JSONL_SPANS:
            for item in line[name]:
                assert list(item) == list(frames.SCHEMAS[name])
        for item in line["sentences"] + line["entities"] + line["mentions"]:
            assert doc["text"][item["start"] : item["end"]] == item["text"]
        for item in line["quotes"]:
            assert doc["text"][item["start"] : item["end"]] == item["content"]
    seed = lines[0]
    assert {"Vladimir Putin", "Kremlin"} <= {m["actor"] for m in seed["mentions"]}
    assert {m["side"] for m in seed["mentions"] if m["actor"] == "Kremlin"} == {"Russia"}
    assert "Volodymyr Zelenskiy" in {q["speaker"] for q in seed["quotes"]}


def test_cli_writes_frames_and_lists_failures(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Ukraine said it was ready.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The \x93official\x94 line.")
    status = main(["extract", str(good), str(bad), "--out", str(tmp_path / "frames"), "--csv"])
    assert status == 1
    assert "bad.txt" in capsys.readouterr().err
    assert len(pd.read_csv(tmp_path / "frames" / "csv" / "articles.csv")) == 1
    errors = pd.read_csv(tmp_path / "frames" / "csv" / "errors.csv")
    assert errors["path"].str.contains("bad.txt").all()
    assert analysis.Frames.read(tmp_path / "frames").articles["article_id"].tolist() == ["good"]


def test_cli_nothing_readable_exits_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt"), "--out", str(tmp_path)]) == 2
    assert "missing.txt" in capsys.readouterr().err
