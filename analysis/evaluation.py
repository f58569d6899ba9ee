"""How well quotes are found: one scoring rule for the tests and ``benchmarks/attribution.py``.

The rule is the GenderGapTracker's: a predicted quote matches a gold quote when its content covers
at least 30% of the gold content characters; matching is one-to-one, greedy by overlap. Gold quotes
marked ``required=False`` are neither credited nor penalised: a prediction matched to one is left
out of both precision and recall. A matched quote's speaker is right when the predicted speaker
span overlaps the gold speaker span, or the predicted speaker (canonical or as written) equals one
of the gold speaker strings, case-insensitively.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

MIN_COVERAGE = 0.3


@dataclass(frozen=True)
class GoldQuote:
    """One gold attribution: its content spans, kind, and who may stand for its speaker."""

    spans: tuple[tuple[int, int], ...]
    kind: str
    speakers: tuple[str, ...] = ()
    speaker_span: tuple[int, int] | None = None
    required: bool = True

    @property
    def n_chars(self) -> int:
        """Characters of content (the spans do not overlap)."""
        return sum(end - start for start, end in self.spans)


@dataclass(frozen=True)
class PredictedQuote:
    """One predicted quote, as a row of the ``quotes`` frame gives it."""

    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: tuple[int, int] | None = None


@dataclass
class Score:
    """Counts over any number of documents; rates are derived from them."""

    n_predicted: int = 0
    n_gold: int = 0
    n_matched: int = 0
    n_speaker_judged: int = 0
    n_speaker_right: int = 0
    n_kind_right: int = 0
    gold_by_kind: Counter = field(default_factory=Counter)
    matched_by_kind: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        """Matched predictions over predictions (those matched to optional gold left out)."""
        return self.n_matched / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched required gold quotes over required gold quotes."""
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Right speakers over matched quotes whose gold names a speaker."""
        return self.n_speaker_right / self.n_speaker_judged if self.n_speaker_judged else 0.0

    @property
    def kind_accuracy(self) -> float:
        """Matched quotes whose predicted kind equals the gold kind."""
        return self.n_kind_right / self.n_matched if self.n_matched else 0.0

    def recall_of(self, kind: str) -> float:
        """Recall over the required gold quotes of one kind (direct, mixed, indirect)."""
        total = self.gold_by_kind[kind]
        return self.matched_by_kind[kind] / total if total else 0.0


def coverage(predicted: PredictedQuote, gold: GoldQuote) -> float:
    """Share of the gold content characters that the predicted content covers."""
    covered = sum(
        max(0, min(end, predicted.end) - max(start, predicted.start)) for start, end in gold.spans
    )
    return covered / gold.n_chars if gold.n_chars else 0.0


def match(
    predicted: Sequence[PredictedQuote],
    gold: Sequence[GoldQuote],
    *,
    min_coverage: float = MIN_COVERAGE,
) -> list[tuple[int, int]]:
    """One-to-one ``(predicted index, gold index)`` pairs, greedy by covered gold characters."""
    candidates = []
    for p_index, quote in enumerate(predicted):
        for g_index, truth in enumerate(gold):
            share = coverage(quote, truth)
            if share >= min_coverage:
                candidates.append((share * truth.n_chars, share, p_index, g_index))
    candidates.sort(key=lambda item: (-item[0], -item[1], item[2], item[3]))
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for _overlap, _share, p_index, g_index in candidates:
        if p_index not in taken_p and g_index not in taken_g:
            pairs.append((p_index, g_index))
            taken_p.add(p_index)
            taken_g.add(g_index)
    return sorted(pairs)


def speaker_is_right(predicted: PredictedQuote, gold: GoldQuote) -> bool:
    """True when the predicted speaker overlaps the gold speaker span or equals a gold string."""
    if predicted.speaker_span and gold.speaker_span:
        (p_start, p_end), (g_start, g_end) = predicted.speaker_span, gold.speaker_span
        if p_start < g_end and g_start < p_end:
            return True
    names = {name.casefold() for name in gold.speakers if name}
    said = {value.casefold() for value in (predicted.speaker, predicted.speaker_text) if value}
    return bool(names & said)


def score_document(
    predicted: Sequence[PredictedQuote], gold: Sequence[GoldQuote], into: Score | None = None
) -> Score:
    """Add one document's counts to ``into`` (a fresh :class:`Score` by default) and return it."""
    result = into if into is not None else Score()
    pairs = match(predicted, gold)
    optional = {p for p, g in pairs if not gold[g].required}
    result.n_predicted += len(predicted) - len(optional)
    for truth in gold:
        if truth.required:
            result.n_gold += 1
            result.gold_by_kind[truth.kind] += 1
    for p_index, g_index in pairs:
        truth, quote = gold[g_index], predicted[p_index]
        if not truth.required:
            continue
        result.n_matched += 1
        result.matched_by_kind[truth.kind] += 1
        result.n_kind_right += quote.kind == truth.kind
        if truth.speakers or truth.speaker_span:
            result.n_speaker_judged += 1
            result.n_speaker_right += speaker_is_right(quote, truth)
    return result


def predicted_from_rows(rows: Sequence[dict]) -> list[PredictedQuote]:
    """Predicted quotes from ``quotes`` frame records (``frame.to_dict("records")`` or JSONL)."""
    return [
        PredictedQuote(
            start=int(row["start"]),
            end=int(row["end"]),
            kind=str(row["kind"]),
            speaker=_text_or_none(row.get("speaker")),
            speaker_text=_text_or_none(row.get("speaker_text")),
            speaker_span=_span_or_none(row.get("speaker_start"), row.get("speaker_end")),
        )
        for row in rows
    ]


def gold_from_polnear(quotes: Sequence[dict]) -> list[GoldQuote]:
    """Gold quotes from a PolNeAR-style JSONL record's ``quotes`` list (bench README format)."""
    return [
        GoldQuote(
            spans=tuple(tuple(span) for span in (q.get("content_spans") or []))
            or ((q["content_start"], q["content_end"]),),
            kind=q["kind"],
            speakers=(q["speaker"],) if q.get("speaker") else (),
            speaker_span=_span_or_none(q.get("speaker_start"), q.get("speaker_end")),
            required=q.get("required", True),
        )
        for q in quotes
    ]


def gold_from_seed(quotes: Sequence[dict]) -> list[GoldQuote]:
    """Gold quotes from ``seed-article.gold.json``: canonical speaker plus its surfaces."""
    return [
        GoldQuote(
            spans=((q["start"], q["end"]),),
            kind=q["kind"],
            speakers=(q["speaker"], *q.get("speaker_surfaces", [])),
            required=q.get("required", True),
        )
        for q in quotes
    ]


def _text_or_none(value: object) -> str | None:
    if value is None or pd.isna(value):
        return None
    return str(value) or None


def _span_or_none(start: object, end: object) -> tuple[int, int] | None:
    if _text_or_none(start) is None or _text_or_none(end) is None:
        return None
    return int(start), int(end)
