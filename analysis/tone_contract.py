"""The tone contract a benchmark can call: JSONL targets in, polarities and probabilities out.

    python -m analysis tone IN.jsonl --jsonl OUT.jsonl

Input lines ``{"id", "sentence", "target_start", "target_end"}`` (character offsets into
``sentence``), output lines ``{"id", "polarity": -1|0|1, "p_negative", "p_neutral",
"p_positive"}`` in the same order (:func:`read_targets`, :func:`score_targets`,
:func:`write_jsonl`). The model, and NewsMTSC's scoring of its answers
(:func:`analysis.tone.classification_scores`), are :mod:`analysis.tone`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from analysis import tone


class ToneInputError(ValueError):
    """A line of a ``tone`` JSONL input that cannot be scored (the message names the line)."""


def read_targets(path: Path | str) -> list[dict]:
    """Read the contract's input: JSONL lines ``{"id", "sentence", "target_start", "target_end"}``.

    Blank lines are skipped. Every line is checked before anything is scored.

    Raises:
        ToneInputError: a line is not a JSON object, lacks a field, or its span is not inside
            its sentence; the message gives the file and line number.
    """
    targets = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ToneInputError(f"{where}: not JSON ({error.msg})") from None
            if not isinstance(row, dict):
                raise ToneInputError(f"{where}: expected a JSON object")
            missing = [k for k in ("id", "sentence", "target_start", "target_end") if k not in row]
            if missing:
                raise ToneInputError(f"{where}: missing {', '.join(missing)}")
            sentence, start, end = row["sentence"], row["target_start"], row["target_end"]
            if not isinstance(sentence, str):
                raise ToneInputError(f"{where}: sentence must be a string")
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
                raise ToneInputError(f"{where}: target_start and target_end must be integers")
            if not 0 <= start < end <= len(sentence):
                raise ToneInputError(
                    f"{where}: target ({start}, {end}) is not inside the sentence "
                    f"of {len(sentence)} characters"
                )
            targets.append(row)
    return targets


def score_targets(targets: Sequence[dict]) -> list[dict]:
    """The contract's output records for :func:`read_targets` rows, in the same order:
    ``{"id", "polarity", "p_negative", "p_neutral", "p_positive"}``."""
    scores = tone.toward(
        [t["sentence"] for t in targets], [(t["target_start"], t["target_end"]) for t in targets]
    )
    return [
        {
            "id": target["id"],
            "polarity": int(row.polarity),
            "p_negative": float(row.p_negative),
            "p_neutral": float(row.p_neutral),
            "p_positive": float(row.p_positive),
        }
        for target, row in zip(targets, scores.itertuples(index=False), strict=True)
    ]


def write_jsonl(records: Sequence[dict], path: Path | str) -> None:
    """Write records one JSON object a line."""
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
