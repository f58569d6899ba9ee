"""Actor resolution against GUM-style coreference gold (e.g. ``gum-dev.jsonl``).

    python benchmarks/actors.py --gold ../shared/bench/gum-dev.jsonl [--limit N] [--in-process]

Runs the product path — ``python -m analysis extract IN.jsonl --jsonl OUT.jsonl``, one document
at a time so that a document that raises is reported by ``doc_id`` and the rest are still scored
— and scores its ``mentions`` (each with its canonical ``actor``) and ``entities`` with the four
measures of ``../shared/bench/README.md``:

- named recall: gold named person/organization/place mentions that a predicted mention or entity
  overlaps and shares a word with;
- pronoun precision / recall: gold he/him/his/himself/she/her/hers/herself whose chain holds a
  named person; right when the predicted mention there names an actor sharing a word with that
  person's name (the words of the chain's named person mentions); precision over those pronouns
  given an actor, recall over all of them;
- pair F1: over gold person mentions that got an actor, pairs in one gold chain against pairs given
  the same actor.

"Words" are runs of letters and digits, compared case-insensitively, leaving out a handful of
function words ("the", "of", ...) so that "the Duke of York" and "the Queen" share none. The
predicted mention "there", for a gold mention, is the one aligned to it: each predicted mention is
aligned to the gold mention it overlaps most (the smallest on a tie, so "his" inside "his work"
aligns to the pronoun), and a gold mention takes the aligned mention that overlaps it most.
``--in-process`` calls :func:`analysis.actors.find_mentions` and
:func:`analysis.entities.find_entities` on the parses instead (quicker while tuning). Exits 0 with
a "skipped" message when the gold file is absent (a fresh clone has no ``../shared``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
NAMED_TYPES = frozenset({"person", "organization", "place"})
FUNCTION_WORDS = frozenset({"the", "of", "a", "an", "and", "de", "von", "van", "der", "s"})


def words(text: str) -> set[str]:
    """Content words of a name or mention, lower-cased."""
    return {w for w in re.findall(r"\w+", text.lower()) if w not in FUNCTION_WORDS}


@dataclass
class Counts:
    """Counts over any number of documents; the four measures are derived from them."""

    named_gold: int = 0
    named_found: int = 0
    pronoun_gold: int = 0
    pronoun_given: int = 0
    pronoun_right: int = 0
    pairs_gold: int = 0
    pairs_predicted: int = 0
    pairs_both: int = 0
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def named_recall(self) -> float:
        """Gold named mentions found over gold named mentions."""
        return _ratio(self.named_found, self.named_gold)

    @property
    def pronoun_precision(self) -> float:
        """Pronouns given the right actor over pronouns given an actor."""
        return _ratio(self.pronoun_right, self.pronoun_given)

    @property
    def pronoun_recall(self) -> float:
        """Pronouns given the right actor over all scored pronouns."""
        return _ratio(self.pronoun_right, self.pronoun_gold)

    @property
    def pair_f1(self) -> float:
        """Harmonic mean of pair precision and pair recall."""
        precision = _ratio(self.pairs_both, self.pairs_predicted)
        recall = _ratio(self.pairs_both, self.pairs_gold)
        return _ratio(2 * precision * recall, precision + recall)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def align(gold: list[dict], predicted: list[dict]) -> dict[int, dict]:
    """Gold mention index -> the predicted mention there (see the module docstring)."""
    best: dict[int, tuple[int, dict]] = {}
    for mention in predicted:
        candidates = [
            (_overlap(g, mention), -(g["end"] - g["start"]), i) for i, g in enumerate(gold)
        ]
        candidates = [c for c in candidates if c[0] > 0]
        if not candidates:
            continue
        overlap, _, index = max(candidates)
        if index not in best or overlap > best[index][0]:
            best[index] = (overlap, mention)
    return {index: mention for index, (_, mention) in best.items()}


def _pairs(labels: Iterable[object]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def score_document(
    gold_doc: dict, mentions: list[dict], entities: list[dict], counts: Counts
) -> None:
    """Add one document's counts; ``mentions``/``entities`` are ``extract --jsonl`` records."""
    gold = gold_doc["entities"]
    found = [*mentions, *entities]
    for entity in gold:
        if entity["named"] and entity["type"] in NAMED_TYPES:
            counts.named_gold += 1
            counts.named_found += any(
                _overlap(entity, p) and words(entity["text"]) & words(p["text"]) for p in found
            )
    names: dict[object, set[str]] = {}
    for entity in gold:
        if entity["named"] and entity["type"] == "person":
            names.setdefault(entity["chain_id"], set()).update(words(entity["text"]))
    there = align(gold, mentions)
    for index, entity in enumerate(gold):
        if entity["text"].lower() not in PRONOUNS or entity["chain_id"] not in names:
            continue
        counts.pronoun_gold += 1
        if index in there:
            counts.pronoun_given += 1
            counts.pronoun_right += bool(words(there[index]["actor"]) & names[entity["chain_id"]])
    people = [
        (g["chain_id"], there[i]["actor"])
        for i, g in enumerate(gold)
        if i in there and g["type"] == "person"
    ]
    counts.pairs_gold += _pairs(chain for chain, _ in people)
    counts.pairs_predicted += _pairs(actor for _, actor in people)
    counts.pairs_both += _pairs(people)


def _read_gold(path: Path, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return docs[:limit] if limit else docs


def extract_one(doc: dict, folder: Path) -> dict:
    """``python -m analysis extract IN --jsonl OUT`` on one document; its output record."""
    from analysis.__main__ import main as command_line

    source, target = folder / "in.jsonl", folder / "out.jsonl"
    source.write_text(json.dumps({"doc_id": doc["doc_id"], "text": doc["text"]}) + "\n", "utf-8")
    with contextlib.redirect_stderr(io.StringIO()) as messages:
        status = command_line(["extract", str(source), "--jsonl", str(target)])
    if status != 0:
        raise RuntimeError(f"exit status {status}: {messages.getvalue().strip()}")
    return json.loads(target.read_text("utf-8").splitlines()[0])


def _in_process(doc: dict) -> dict:
    from analysis import actors, entities, nlp

    parse = nlp.parse([doc["text"]])[0]
    frames = {
        "mentions": actors.find_mentions(parse, doc["doc_id"]),
        "entities": entities.find_entities(parse, doc["doc_id"]),
    }
    return {name: frame.to_dict("records") for name, frame in frames.items()}


def run(docs: list[dict], *, in_process: bool = False) -> tuple[Counts, dict[str, dict]]:
    """Extract and score every document; a document that raises is recorded in ``failed``.

    Returns:
        The counts, and each scored document's output record by ``doc_id``.
    """
    counts, outputs = Counts(), {}
    with tempfile.TemporaryDirectory() as folder:
        for doc in docs:
            try:
                output = _in_process(doc) if in_process else extract_one(doc, Path(folder))
            except Exception as error:  # one document must not stop the benchmark
                counts.failed[doc["doc_id"]] = f"{type(error).__name__}: {error}"
                continue
            outputs[doc["doc_id"]] = output
            score_document(doc, output["mentions"], output["entities"], counts)
    return counts, outputs


def main() -> int:
    """Score actor resolution on the gold file; print the four measures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="JSONL of {doc_id, text, entities: [...]}")
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument(
        "--in-process", action="store_true", help="call find_mentions directly, not the CLI"
    )
    args = parser.parse_args()
    path = Path(args.gold)
    if not path.exists():
        print(f"skipped: gold file not found: {path}")
        return 0
    docs = _read_gold(path, args.limit)
    counts, _ = run(docs, in_process=args.in_process)
    print(f"{len(docs) - len(counts.failed)} of {len(docs)} documents scored ({path.name})")
    for doc_id, error in counts.failed.items():
        print(f"failed {doc_id}: {error}")
    print(f"named recall       {counts.named_recall:.3f}  ({counts.named_gold} gold)")
    print(
        f"pronoun precision  {counts.pronoun_precision:.3f}  "
        f"({counts.pronoun_right}/{counts.pronoun_given})"
    )
    print(f"pronoun recall     {counts.pronoun_recall:.3f}  ({counts.pronoun_gold} gold)")
    pair_precision = _ratio(counts.pairs_both, counts.pairs_predicted)
    pair_recall = _ratio(counts.pairs_both, counts.pairs_gold)
    print(f"pair F1            {counts.pair_f1:.3f}  (P {pair_precision:.3f}, R {pair_recall:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
