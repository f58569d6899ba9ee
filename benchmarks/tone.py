"""Tone toward a target against NewsMTSC dev, with TextBlob and VADER sentence tone beside it.

    python benchmarks/tone.py --gold ../shared/bench/newsmtsc-dev.jsonl [--repeat 3]

Writes the gold targets as the contract's input, runs the contract's code path
(``python -m analysis tone IN.jsonl --jsonl OUT.jsonl``: read and check the lines, score, write)
with the model already loaded, and scores the written file: macro-F1 (NewsMTSC's measure),
accuracy and per-class F1, and targets per second (best of ``--repeat`` runs, model load
excluded, batches on every core), then macro-F1 at other batch sizes (the int8 model quantises
each token row on its own, so the figure should not move; the check shows it). In the same
run, sentence-level TextBlob (polarity > 0 positive, < 0 negative) and
VADER (compound ≥ 0.05 positive, ≤ -0.05 negative) are scored on the target's sentence, the way
researchers commonly use them. Exits 0 with a "skipped" message when the gold file is absent (a
fresh clone has no ``../shared``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from analysis import sentiment, tone, tone_contract

#: Batch sizes the macro-F1 spread is measured at (the shipped default is ``tone.toward``'s).
SPREAD_SIZES = (1, 4, 8, 16, 32, 64)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="JSONL of {sentence, target_start, ...}")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the contract")
    return parser.parse_args()


def _contract(source: Path, target: Path) -> float:
    """One pass of the contract's code path; returns its seconds."""
    started = time.perf_counter()
    tone_contract.write_jsonl(
        tone_contract.score_targets(tone_contract.read_targets(source)), target
    )
    return time.perf_counter() - started


def _baseline(rows: list[dict], score, positive: float, negative: float) -> tuple[dict, float]:
    started = time.perf_counter()
    values = [score(row["sentence"]) for row in rows]
    seconds = time.perf_counter() - started
    predicted = [1 if v >= positive else -1 if v <= negative else 0 for v in values]
    return tone.classification_scores([r["polarity"] for r in rows], predicted), seconds


def _line(name: str, scores: dict, per_second: float) -> str:
    f1 = " ".join(f"{label} {value * 100:5.1f}" for label, value in scores["f1"].items())
    return (
        f"{name:<22} macro-F1 {scores['macro_f1'] * 100:5.1f}  accuracy "
        f"{scores['accuracy'] * 100:5.1f}  F1: {f1}  {per_second:8.0f} targets/s"
    )


def main() -> int:
    args = _arguments()
    gold_path = Path(args.gold)
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found (NewsMTSC lives in ../shared/bench)")
        return 0
    with open(gold_path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    tone.load_model()
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        tone_contract.write_jsonl(
            [
                {"id": f"t{i}", **{k: row[k] for k in ("sentence", "target_start", "target_end")}}
                for i, row in enumerate(rows)
            ],
            source,
        )
        seconds = min(_contract(source, target) for _ in range(args.repeat))
        with open(target, encoding="utf-8") as handle:
            written = [json.loads(line) for line in handle]
    assert [w["id"] for w in written] == [f"t{i}" for i in range(len(rows))], "order not kept"
    gold = [row["polarity"] for row in rows]
    meta = tone.meta()
    print(f"{len(rows)} targets from {gold_path.name}; model seeds {meta['seeds']}")
    print(
        _line(
            "tone (analysis.tone)",
            tone.classification_scores(gold, [w["polarity"] for w in written]),
            len(rows) / seconds,
        )
    )
    sentences = [row["sentence"] for row in rows]
    spans = [(row["target_start"], row["target_end"]) for row in rows]
    by_size = {
        size: tone.classification_scores(
            gold, tone.toward(sentences, spans, batch_size=size)["polarity"].tolist()
        )["macro_f1"]
        * 100
        for size in SPREAD_SIZES
    }
    print(
        "  macro-F1 by batch size (int8 rows are quantised one by one): "
        + ", ".join(f"{size}: {f1:.1f}" for size, f1 in by_size.items())
        + f" (spread {max(by_size.values()) - min(by_size.values()):.1f})"
    )
    for name, score, positive, negative in (
        ("TextBlob (sentence)", lambda s: sentiment.textblob_scores(s)[0], 1e-9, -1e-9),
        ("VADER (sentence)", sentiment.vader_compound, 0.05, -0.05),
    ):
        scores, base_seconds = _baseline(rows, score, positive, negative)
        print(_line(name, scores, len(rows) / base_seconds))
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; cores {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
