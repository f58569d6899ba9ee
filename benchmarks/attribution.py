"""Quote attribution against a gold JSONL (e.g. PolNeAR dev), with textacy as the reference.

    python benchmarks/attribution.py --gold ../shared/bench/polnear-dev.jsonl [--limit N]

Runs the product path — ``python -m analysis extract IN.jsonl --jsonl OUT.jsonl`` on the gold
texts — and scores its ``quotes`` with :mod:`analysis.evaluation` (≥ 30% of gold content
characters covered, one-to-one, greedy by overlap): precision, recall, F1, speaker accuracy on
matched quotes, recall by kind. In the same run, textacy's ``direct_quotations`` is scored on the
same spaCy parses. ``--in-process`` calls :func:`analysis.quotes.find_quotes` directly instead
of the command line (quicker while tuning). Exits 0 with a "skipped" message when the gold file
is absent (a fresh clone has no ``../shared``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis import evaluation, nlp, quotes

KINDS = ("direct", "mixed", "indirect")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="JSONL of {doc_id, text, quotes: [...]}")
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument(
        "--in-process", action="store_true", help="call find_quotes directly, not the CLI"
    )
    return parser.parse_args()


def _read_gold(path: Path, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return docs[:limit] if limit else docs


def _cli_quotes(docs: list[dict]) -> dict[str, list[dict]]:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            for doc in docs:
                handle.write(json.dumps({"doc_id": doc["doc_id"], "text": doc["text"]}) + "\n")
        command = [sys.executable, "-m", "analysis", "extract", str(source), "--jsonl", str(target)]
        subprocess.run(command, check=True)
        with open(target, encoding="utf-8") as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
    return {line["doc_id"]: line.get("quotes", []) for line in lines}


def _in_process_quotes(docs: list[dict], parsed: list) -> dict[str, list[dict]]:
    found = {}
    for doc, parse in zip(docs, parsed, strict=True):
        frame, _fragments = quotes.find_quotes(parse, doc["doc_id"])
        found[doc["doc_id"]] = frame.to_dict("records")
    return found


def _textacy_quotes(parse) -> tuple[list[evaluation.PredictedQuote], bool]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(parse))
    except Exception:  # textacy raises on some quotation-mark layouts; that is part of the score
        return [], False
    found = []
    for triple in triples:
        speaker = triple.speaker
        span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None
        found.append(
            evaluation.PredictedQuote(
                start=triple.content.start_char,
                end=triple.content.end_char,
                kind="direct",
                speaker_text=" ".join(token.text for token in speaker) or None,
                speaker_span=span,
            )
        )
    return found, True


def _row(name: str, score: evaluation.Score) -> str:
    by_kind = "  ".join(f"{score.recall_of(kind):6.3f}" for kind in KINDS)
    return (
        f"{name:<10} {score.n_predicted:6d} {score.n_matched:6d} {score.precision:6.3f}"
        f" {score.recall:6.3f} {score.f1:6.3f} {score.speaker_accuracy:8.3f}"
        f" {score.kind_accuracy:6.3f}  {by_kind}"
    )


def main() -> int:
    """Score newsframe and textacy on the gold file; print one table."""
    args = _arguments()
    path = Path(args.gold)
    if not path.exists():
        print(f"skipped: gold file not found: {path}")
        return 0
    docs = _read_gold(path, args.limit)
    parsed = nlp.parse([doc["text"] for doc in docs])
    predicted = _in_process_quotes(docs, parsed) if args.in_process else _cli_quotes(docs)
    ours, reference, failures = evaluation.Score(), evaluation.Score(), 0
    has_textacy = importlib.util.find_spec("textacy") is not None
    for doc, parse in zip(docs, parsed, strict=True):
        gold = evaluation.gold_from_polnear(doc["quotes"])
        rows = predicted.get(doc["doc_id"], [])
        evaluation.score_document(evaluation.predicted_from_rows(rows), gold, ours)
        if has_textacy:
            textacy_found, ok = _textacy_quotes(parse)
            failures += not ok
            evaluation.score_document(textacy_found, gold, reference)
    print(f"{len(docs)} documents, {ours.n_gold} gold quotes ({path.name})")
    print(
        f"{'':<10} {'pred':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}"
        f" {'kind':>6}  {'R dir':>6}  {'R mix':>6}  {'R ind':>6}"
    )
    print(_row("newsframe", ours))
    if has_textacy:
        print(_row("textacy", reference))
    else:
        print("textacy: not installed (pip install '.[bench]'), reference row left out")
    if failures:
        print(f"textacy raised on {failures} document(s), scored as finding nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
