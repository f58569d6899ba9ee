"""Tone toward an actor: target-dependent sentiment (negative / neutral / positive toward a span).

Sentence tone is not tone toward an actor. VADER scores the Kremlin's dismissal of a suggestion as
"groundless" and "stupid" +0.46, and "Putin said the situation was extremely difficult" says
nothing bad *about* Putin. This module answers the narrower question — what does the sentence say
about *this* target — with a small encoder the project fine-tuned on news.

Method: all-MiniLM-L6-v2 (Apache-2.0; 6 layers, 384 wide) fine-tuned by ``training/train_tone.py``
on NewsMTSC's training part (Hamborg & Donnay, EACL 2021; 8,739 news targets, MIT). The input is
the sentence with the target wrapped in ``<<`` … ``>>`` (pretrained tokens, nothing new to learn),
paired with the target's own text; long sentences are cut to a window around the target. The head
reads the mean of all tokens and the mean of the marked target's tokens. The model is exported to
ONNX and quantised to int8 with each token row scaled on its own (``training/quantise.py``), so a
pair scores the same whatever else is in its batch (``models/tone/model.onnx``, 23 MB, with
``tokenizer.json`` and ``meta.json``: labels, maximum length, seed, training-data hash, dev scores,
training history). Batches run on one core each, in parallel on every core the process may use.
At run time only onnxruntime and tokenizers are used: no torch, no network.

Numbers (NewsMTSC dev, 343 targets, ``benchmarks/tone.py``): see ``meta.json`` and the benchmark;
sentence-level TextBlob reaches macro-F1 41.6 and VADER 50.8 on the same targets; the published
best model (GRU-TSC on RoBERTa, GPU) 83.1 on the test part.

    >>> from analysis import tone
    >>> tone.toward(["The Kremlin called the claim stupid."], [(4, 11)])   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from tokenizers import Tokenizer

from analysis import frames
from analysis.cache import Store

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL_DIR = Path(__file__).parent / "models" / "tone"
LABELS = ("negative", "neutral", "positive")
POLARITIES = (-1, 0, 1)
OPEN, CLOSE = "<<", ">>"
MAX_LENGTH = 128
MAX_TARGET_TOKENS = 16
_CHUNK = 4096  # pairs encoded at once by :func:`toward`


class ToneModelMissing(FileNotFoundError):
    """Raised when the shipped tone model (``analysis/models/tone``) is not where it should be."""


def marked(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """``sentence`` with ``sentence[start:end]`` wrapped in the target markers.

    Returns:
        The marked text and the character range of ``<< target >>`` in it.
    """
    if not 0 <= start < end <= len(sentence):
        raise ValueError(
            f"target span ({start}, {end}) outside a sentence of {len(sentence)} chars"
        )
    head, target, tail = sentence[:start], sentence[start:end], sentence[end:]
    text = f"{head}{OPEN} {target} {CLOSE}{tail}"
    return text, len(head), len(head) + len(OPEN) + len(target) + len(CLOSE) + 2


def _window(text: str, t_start: int, t_end: int, offsets: list) -> tuple[str, int, int]:
    """``text`` cut to the tokens around ``text[t_start:t_end]`` when it is too long to encode.

    Args:
        text: a marked sentence (:func:`marked`) and the range of ``<< target >>`` in it.
        offsets: its tokens' character offsets (tokenised without special tokens).
    """
    budget = MAX_LENGTH - 3 - MAX_TARGET_TOKENS
    if len(offsets) <= budget:
        return text, t_start, t_end
    first = next(i for i, (s, e) in enumerate(offsets) if e > t_start)
    last = max(i for i, (s, e) in enumerate(offsets) if s < t_end)
    spare = max(budget - (last - first + 1), 0)
    lo = max(first - spare // 2, 0)
    hi = min(lo + budget, len(offsets)) - 1
    lo = max(min(lo, hi - budget + 1), 0)
    cut_start, cut_end = min(offsets[lo][0], t_start), max(offsets[hi][1], t_end)
    return text[cut_start:cut_end], t_start - cut_start, t_end - cut_start


def _short_target(tokenizer: Tokenizer, target: str) -> str:
    """``target`` cut to :data:`MAX_TARGET_TOKENS` tokens (a token spans at least a character)."""
    if len(target) <= MAX_TARGET_TOKENS:
        return target
    offsets = tokenizer.encode(target, add_special_tokens=False).offsets
    return (
        target[: offsets[MAX_TARGET_TOKENS - 1][1]] if len(offsets) > MAX_TARGET_TOKENS else target
    )


def encode(
    tokenizer: Tokenizer, sentences: Sequence[str], spans: Sequence[tuple[int, int]]
) -> dict[str, np.ndarray]:
    """Model inputs for (sentence, target span) pairs, padded to the longest pair.

    Each pair is the marked sentence (cut to a window around the target when it is long) and
    the target's text.

    Args:
        tokenizer: the model's tokenizer, from :func:`load_tokenizer`.
        sentences: the sentences.
        spans: ``(start, end)`` character offsets of each target in its sentence.

    Returns:
        int64 arrays ``input_ids``, ``attention_mask``, ``token_type_ids`` and ``target_mask``
        (1 on the tokens of ``<< target >>``), each of shape (n, longest).
    """
    if len(sentences) != len(spans):
        raise ValueError(f"{len(sentences)} sentences but {len(spans)} spans")
    marks = [marked(s, a, b) for s, (a, b) in zip(sentences, spans, strict=True)]
    targets = [_short_target(tokenizer, s[a:b]) for s, (a, b) in zip(sentences, spans, strict=True)]
    encodings = tokenizer.encode_batch([(m[0], t) for m, t in zip(marks, targets, strict=True)])
    windows = []
    for row, (mark, enc) in enumerate(zip(marks, encodings, strict=True)):
        offsets = [o for o, seq in zip(enc.offsets, enc.sequence_ids, strict=True) if seq == 0]
        windows.append(_window(*mark, offsets))
        if windows[-1][0] != mark[0]:  # a long sentence: encode its window instead
            encodings[row] = tokenizer.encode(windows[-1][0], targets[row])
    width = max(len(e.ids) for e in encodings)
    arrays = {
        name: np.zeros((len(encodings), width), dtype=np.int64)
        for name in ("input_ids", "attention_mask", "token_type_ids", "target_mask")
    }
    for row, (enc, (_, t_start, t_end)) in enumerate(zip(encodings, windows, strict=True)):
        n = len(enc.ids)
        arrays["input_ids"][row, :n] = enc.ids
        arrays["attention_mask"][row, :n] = 1
        arrays["token_type_ids"][row, :n] = enc.type_ids
        offsets = np.asarray(enc.offsets).reshape(n, 2)
        first = np.asarray([seq == 0 for seq in enc.sequence_ids])
        arrays["target_mask"][row, :n] = (
            first
            & (offsets[:, 0] >= t_start)
            & (offsets[:, 1] <= t_end)
            & (offsets[:, 1] > offsets[:, 0])
        )
    return arrays


def load_tokenizer(path: Path | str) -> Tokenizer:
    """The tokenizer at ``path``, without padding or truncation (:func:`encode` does both)."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@lru_cache(maxsize=1)
def load_model() -> tuple[object, Tokenizer]:
    """The shipped ONNX session and tokenizer, loaded once.

    Raises:
        ToneModelMissing: ``analysis/models/tone/model.onnx`` or ``tokenizer.json`` is absent.
    """
    import onnxruntime

    for name in ("model.onnx", "tokenizer.json"):
        if not (MODEL_DIR / name).exists():
            raise ToneModelMissing(
                f"tone model file missing: {MODEL_DIR / name} — it ships with the package; "
                "reinstall, or rebuild it with training/train_tone.py"
            )
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # a shared CPU
    options.intra_op_num_threads = 1  # one core per batch; batches run side by side (toward)
    session = onnxruntime.InferenceSession(
        str(MODEL_DIR / "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    return session, load_tokenizer(MODEL_DIR / "tokenizer.json")


def cores() -> int:
    """How many batches :func:`toward` runs at once: the cores this process may use, or one in a
    worker of a parallel run (``analysis.runner`` sets ``OMP_NUM_THREADS=1`` there)."""
    budget = int(os.environ.get("OMP_NUM_THREADS", "0") or 0)
    if budget:
        return budget
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may run on
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # macOS, Windows


def meta() -> dict:
    """The shipped model's ``meta.json``: labels, seed, training-data hash, dev scores."""
    path = MODEL_DIR / "meta.json"
    if not path.exists():
        raise ToneModelMissing(f"tone model metadata missing: {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def toward(
    sentences: Sequence[str], spans: Sequence[tuple[int, int]], *, batch_size: int = 16
) -> pd.DataFrame:
    """Tone toward each target: probabilities of negative / neutral / positive, and the polarity.

    Args:
        sentences: the sentences.
        spans: ``(start, end)`` character offsets of the target in each sentence.
        batch_size: pairs per model call; pairs are batched by token length so padding stays
            small, and batches run in parallel on :func:`cores` threads. A pair's probabilities
            do not depend on its batch-mates (the model quantises each token row on its own).

    Returns:
        One row per pair, in input order: ``p_negative``, ``p_neutral``, ``p_positive`` (summing
        to 1) and ``polarity`` (-1, 0 or 1: the most probable class).

    Raises:
        ValueError: the two sequences differ in length, or a span lies outside its sentence
            (the message names the pair's index).
    """
    if len(sentences) != len(spans):
        raise ValueError(f"{len(sentences)} sentences but {len(spans)} spans")
    for index, (sentence, (start, end)) in enumerate(zip(sentences, spans, strict=True)):
        if not 0 <= start < end <= len(sentence):
            raise ValueError(
                f"pair {index}: target span ({start}, {end}) is not inside its sentence "
                f"of {len(sentence)} characters"
            )
    session, tokenizer = load_model()
    probabilities = np.zeros((len(sentences), len(LABELS)), dtype=np.float64)
    # Encode a chunk at a time (bounded memory), then batch pairs of equal token length together:
    # a batch is trimmed to its longest pair, so sorting by the real length keeps padding small.
    by_chars = np.argsort([len(s) for s in sentences], kind="stable")
    with ThreadPoolExecutor(cores()) as pool:  # onnxruntime releases the GIL while it runs
        for c in range(0, len(by_chars), _CHUNK):
            chunk = by_chars[c : c + _CHUNK]
            arrays = encode(tokenizer, [sentences[j] for j in chunk], [spans[j] for j in chunk])
            lengths = arrays["attention_mask"].sum(axis=1)
            order = np.argsort(lengths, kind="stable")

            def run(rows: np.ndarray, arrays=arrays, lengths=lengths) -> np.ndarray:
                width = lengths[rows].max()
                return session.run(None, {n: a[rows, :width] for n, a in arrays.items()})[0]

            batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
            for rows, scored in zip(batches, pool.map(run, batches), strict=True):
                probabilities[chunk[rows]] = scored
    frame = pd.DataFrame(probabilities, columns=[f"p_{label}" for label in LABELS])
    frame["polarity"] = np.asarray(POLARITIES)[probabilities.argmax(axis=1)]
    return frame


#: Columns :func:`score_mentions` adds to the mentions frame (documented in ``frames.SCHEMAS``).
MENTION_COLUMNS = ("tone", "p_negative", "p_neutral", "p_positive")


def score_articles(
    articles: Sequence[tuple[Doc, str, list[dict], list[dict]]], *, use_cache: bool = False
) -> list[tuple[list[dict], list[dict]]]:
    """Tone for several articles at once: each article's (sentence, actor) pairs
    (:func:`score_mentions`) and (quote, actor) pairs (:func:`score_quotes`), all scored in one
    :func:`toward` call. A pair's scores do not depend on its batch-mates, so this gives what
    article by article would, in fuller batches (2.3× faster on the Wikinews corpus).

    Args:
        articles: ``(doc, text, mentions, quotes)`` per article: the parse, its text (the one
            the frames index) and the mentions and quotes records as the layers give them.
        use_cache: read and write each article's scores in the tone cache (``.cache/tone/``,
            keyed by the model's identity, :func:`model_key`, and the article's pairs), so
            an article whose pairs are unchanged is not scored again.

    Returns:
        Per article, in order: its mentions records with their tone columns filled, and the
        records of its ``quote_tone`` frame.
    """
    kinds = [
        kind
        for doc, text, mentions, quotes in articles
        for kind in (_mention_pairs(doc, text, mentions), _quote_pairs(text, quotes, mentions))
    ]
    finished = _score(kinds, store=_store() if use_cache else None)
    return list(zip(finished[::2], finished[1::2], strict=True))


def _score(kinds: list[_Pairs], store: Store | None = None) -> list[list[dict]]:
    """Every pair of ``kinds`` scored in one :func:`toward` call (but for kinds whose scores
    ``store`` holds); each kind's rows, in order."""
    found = [_read(store, kind) if store is not None else None for kind in kinds]
    todo = [kind for kind, probabilities in zip(kinds, found, strict=True) if probabilities is None]
    texts, spans = [t for kind in todo for t in kind.texts], [s for k in todo for s in k.spans]
    columns = [f"p_{label}" for label in LABELS]
    fresh = toward(texts, spans)[columns].to_numpy() if texts else np.zeros((0, len(LABELS)))
    at, finished = 0, []
    for kind, probabilities in zip(kinds, found, strict=True):
        if probabilities is None:
            probabilities = fresh[at : at + len(kind.texts)]
            at += len(kind.texts)
            if store is not None and kind.texts:
                store.write(kind.key, probabilities.astype("<f8").tobytes())
        finished.append(kind.finish(_records(probabilities)))
    return finished


def _records(probabilities: np.ndarray) -> list[dict]:
    """A record of :data:`MENTION_COLUMNS` per pair, from its three probabilities."""
    negative, neutral, positive = probabilities.T.tolist()
    return [
        {"tone": p - n, "p_negative": n, "p_neutral": u, "p_positive": p}
        for n, u, p in zip(negative, neutral, positive, strict=True)
    ]


@lru_cache(maxsize=1)
def model_key() -> str:
    """A short hash naming what decides a pair's scores: the model and tokenizer files and this
    module's code (the marking, the window, the batching)."""
    digest = hashlib.sha256()
    for path in (MODEL_DIR / "model.onnx", MODEL_DIR / "tokenizer.json", Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _store() -> Store:
    return Store("tone", model_key(), what="tone", suffix=".f8")


def _read(store: Store, kind: _Pairs) -> np.ndarray | None:
    """The cached probabilities of ``kind``'s pairs (n × 3), or None (also for no pairs)."""
    if not kind.texts:
        return None
    payload = store.read(kind.key)
    if payload is None:
        return None
    if len(payload) != 8 * len(LABELS) * len(kind.texts):
        store.discard(kind.key, "its size does not match the article's pairs")
        return None
    return np.frombuffer(payload, dtype="<f8").reshape(-1, len(LABELS))


@dataclass
class _Pairs:
    """One article's pairs of one kind (texts, target spans) and how their scores (one record
    of :data:`MENTION_COLUMNS` per pair) become rows."""

    texts: list[str]
    spans: list[tuple[int, int]]
    finish: Callable[[list[dict]], list[dict]]

    @cached_property
    def key(self) -> str:
        """What names these pairs in the tone cache: their texts and spans."""
        return json.dumps([self.texts, self.spans], ensure_ascii=False)


def score_mentions(doc: Doc, mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions frame with tone toward each mention's actor in its sentence.

    Each (sentence, actor) pair is scored once, with the actor's first mention in that sentence
    as the target; every mention of that actor in that sentence shares the score.

    Args:
        doc: the parsed article the mentions were found in.
        mentions: its mentions frame (``actors.find_mentions``).

    Returns:
        ``mentions`` with ``tone`` (p_positive − p_negative, −1..1), ``p_negative``,
        ``p_neutral`` and ``p_positive`` filled.
    """
    scored = _score([_mention_pairs(doc, doc.text, frames.records(mentions))])[0]
    untoned = mentions.drop(columns=[c for c in MENTION_COLUMNS if c in mentions.columns])
    return untoned.reset_index(drop=True).assign(
        **{c: np.array([row[c] for row in scored], dtype="float64") for c in MENTION_COLUMNS}
    )


def _mention_pairs(doc: Doc, text: str, mentions: list[dict]) -> _Pairs:
    sents = list(doc.sents) if mentions else []
    first: dict[tuple, dict] = {}  # (sentence, actor) → its first mention
    for mention in sorted(mentions, key=lambda m: m["start"]):
        first.setdefault((mention["sent_id"], mention["actor"]), mention)
    texts, spans = [], []
    for mention in first.values():
        sent = sents[mention["sent_id"]]
        # a mention may run past its sentence's end (a name across a line break): the text
        # scored then runs to the mention's end, so the target is always inside it
        texts.append(text[sent.start_char : max(sent.end_char, mention["end"])])
        spans.append((mention["start"] - sent.start_char, mention["end"] - sent.start_char))

    def finish(scores: list[dict]) -> list[dict]:
        by_key = dict(zip(first, scores, strict=True))
        return [
            {**mention, **by_key[(mention["sent_id"], mention["actor"])]} for mention in mentions
        ]

    return _Pairs(texts, spans, finish)


def classification_scores(gold: Sequence[int], predicted: Sequence[int]) -> dict:
    """Macro-F1, accuracy and per-class F1 of polarities (-1, 0, 1), NewsMTSC's scoring.

    Returns:
        ``{"macro_f1", "accuracy", "f1": {"negative", "neutral", "positive"}}``, each 0..1.
    """
    gold, predicted = np.asarray(gold), np.asarray(predicted)
    if gold.shape != predicted.shape or not len(gold):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    f1 = {}
    for label, polarity in zip(LABELS, POLARITIES, strict=True):
        hits = int(np.sum((predicted == polarity) & (gold == polarity)))
        found, wanted = int(np.sum(predicted == polarity)), int(np.sum(gold == polarity))
        f1[label] = 2 * hits / (found + wanted) if found + wanted else 0.0
    return {
        "macro_f1": float(np.mean(list(f1.values()))),
        "accuracy": float(np.mean(gold == predicted)),
        "f1": f1,
    }


def score_quotes(
    text: str, quotes: pd.DataFrame | list[dict], mentions: pd.DataFrame | list[dict]
) -> list[dict]:
    """Tone toward each actor mentioned inside a quote's content, read in that content alone.

    Each (quote, actor) pair is scored once, with the actor's first mention inside the content as
    the target and the content (not the sentence around it) as the text, so the attribution
    ("X said") does not colour it. Mentions that refer to the speaker themself count too.

    Args:
        text: the article text the frames index.
        quotes: its quotes (``quotes.find_quotes``), frame or records.
        mentions: its mentions, frame or records.

    Returns:
        Records for the ``quote_tone`` frame (see ``frames.SCHEMAS``), in quote then text order.
    """
    return _score([_quote_pairs(text, frames.records(quotes), frames.records(mentions))])[0]


def _quote_pairs(text: str, quotes: list[dict], mentions: list[dict]) -> _Pairs:
    found, texts, spans = [], [], []
    by_start = sorted(mentions, key=lambda m: m["start"])
    for quote in quotes:
        actors: set[str] = set()
        for mention in by_start:
            if not quote["start"] <= mention["start"] or mention["end"] > quote["end"]:
                continue
            if mention["actor"] in actors:
                continue
            actors.add(mention["actor"])
            found.append((quote, mention))
            texts.append(text[quote["start"] : quote["end"]])
            spans.append((mention["start"] - quote["start"], mention["end"] - quote["start"]))

    def finish(scores: list[dict]) -> list[dict]:
        return [
            {
                "article_id": quote["article_id"],
                "quote_id": quote["quote_id"],
                "speaker": quote["speaker"],
                "actor": mention["actor"],
                "side": mention["side"],
                "start": mention["start"],
                "end": mention["end"],
                "text": mention["text"],
                **score,
            }
            for (quote, mention), score in zip(found, scores, strict=True)
        ]

    return _Pairs(texts, spans, finish)
