"""From articles to frames: each article analysed on its own, corpus summaries from the frames.

The unit of work is a *batch* of articles (:func:`analyse_batch`): parse once (cached), then run
every layer per article on an :class:`Article`, the context its layers share (the parse, the
records each layer found, the actor lookup built once). Layers hand each other records (plain
dicts); tone, the one layer that runs a model, scores the whole batch at once after the others
(:func:`analyse_layers`, then :func:`finish_batch`, so that a run can overlap one batch's tone
with the next batch's parse); each frame is built once per batch from all its articles' records.
An exception in one article's analysis is caught there and recorded in ``errors`` (its id, the
stage, the message); the rest of the batch goes on. Batches flow through :mod:`analysis.runner`
(one process, worker processes or a Dask cluster) either into memory (:func:`extract`) or into a
frames folder on disk (:mod:`analysis.store`), and the corpus-level frames (``actors``,
``voice_portrayal``, ``agency_summary``) are computed from the per-article frames by
:func:`summarize`, never from live parses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from analysis import (
    actors,
    config,
    entities,
    frames,
    framing,
    nlp,
    quotes,
    sections,
    sentiment,
    summaries,
    tone,
)
from analysis.corpus import Corpus, load
from analysis.framing.cast import Cast

Source = Corpus | pd.DataFrame | str | Path | Iterable[str | Path]

#: The frames each article contributes, in schema order.
ARTICLE_FRAMES = (
    "sentences",
    "sentiment_words",
    "entities",
    "mentions",
    "quotes",
    "quote_tone",
    "fragments",
    "stances",
    "contrasts",
    "agency",
    "framing_marks",
)
#: The frames computed from the per-article ones across the whole corpus.
SUMMARY_FRAMES = ("actors", "voice_portrayal", "agency_summary")


@dataclass
class Batch:
    """What a batch of articles produced: its frames (rows in article order) and its failures.

    Attributes:
        article_ids: the articles analysed without error, in input order.
        frames: one conformed frame per name in :data:`ARTICLE_FRAMES`.
        errors: an ``errors`` frame, one row per article whose parse or analysis failed.
        n_words: words in the analysed articles (for progress and throughput).
    """

    article_ids: list[str]
    frames: dict[str, pd.DataFrame]
    errors: pd.DataFrame = field(default_factory=lambda: frames.empty("errors"))
    n_words: int = 0


def analyse_batch(articles: pd.DataFrame, *, use_cache: bool = True) -> Batch:
    """Parse and analyse a batch of articles (rows of an ``articles`` frame): its layers
    (:func:`analyse_layers`), then tone and its frames (:func:`finish_batch`).

    A text that cannot be parsed, or an exception in any layer for one article, puts that
    article in the batch's ``errors`` (stage ``parse`` or the layer's name) and leaves it out
    of every frame; the other articles are unaffected.
    """
    return finish_batch(analyse_layers(articles, use_cache=use_cache))


@dataclass
class Layered:
    """A batch after every layer but tone: ``(row, doc, records)`` per article analysed, the
    ``errors`` records of the articles that failed so far, and whether tone may use its cache."""

    analysed: list[tuple]
    failures: list[dict]
    use_cache: bool = True


def analyse_layers(articles: pd.DataFrame, *, use_cache: bool = True) -> Layered:
    """The first half of :func:`analyse_batch`: parse the batch and run every layer but tone on
    each article (Python and spaCy, holding the interpreter lock)."""
    docs = _parse_each(list(articles["text"]), use_cache=use_cache)
    layered = Layered([], [], use_cache)
    for row, doc in zip(articles.itertuples(index=False), docs, strict=True):
        if isinstance(doc, Exception):
            layered.failures.append(_failure(row, "parse", doc))
            continue
        try:
            layered.analysed.append((row, doc, _untoned(doc, row.article_id)))
        except StageError as error:
            layered.failures.append(_failure(row, error.stage, error.__cause__))
    return layered


def finish_batch(layered: Layered) -> Batch:
    """The second half of :func:`analyse_batch`: tone for the whole batch (the model runs
    outside the interpreter lock, so it can overlap the next batch's layers), then each frame
    built once from the batch's records."""
    found: dict[str, list[dict]] = {name: [] for name in ARTICLE_FRAMES}
    failures, done, n_words = list(layered.failures), [], 0
    toned_each = _tone_each(layered.analysed, use_cache=layered.use_cache)
    for (row, _doc, per_article), toned in zip(layered.analysed, toned_each, strict=True):
        if isinstance(toned, Exception):
            failures.append(_failure(row, "tone", toned))
            continue
        per_article.update(toned)
        for name in ARTICLE_FRAMES:
            found[name].extend(per_article[name])
        done.append(row.article_id)
        n_words += int(row.n_words)
    return Batch(
        article_ids=done,
        frames={name: frames.conform(name, rows) for name, rows in found.items()},
        errors=frames.conform("errors", failures),
        n_words=n_words,
    )


def _parse_each(texts: list[str], *, use_cache: bool) -> list[Doc | Exception]:
    """Parse the batch together; when that fails, text by text, so one bad text fails alone."""
    try:
        return list(nlp.parse(texts, use_cache=use_cache))
    except Exception:  # noqa: BLE001 — isolate the text that fails below
        parsed: list[Doc | Exception] = []
        for text in texts:
            try:
                parsed.extend(nlp.parse([text], use_cache=use_cache))
            except Exception as error:  # noqa: BLE001 — recorded per article
                parsed.append(error)
        return parsed


def _failure(row, stage: str, error: BaseException | None) -> dict:
    message = f"{type(error).__name__}: {error}".splitlines()[0][:500]
    return {
        "path": row.path,
        "error": f"analysis failed at the {stage} stage ({message}); the article was left out",
        "article_id": row.article_id,
        "stage": stage,
    }


class StageError(RuntimeError):
    """A layer raised while analysing one article; ``stage`` names the layer."""

    def __init__(self, stage: str) -> None:
        super().__init__(stage)
        self.stage = stage


def analyse(doc: Doc, article_id: str) -> dict[str, pd.DataFrame]:
    """Every per-article frame of one parsed article, each layer reading the ones before it;
    a very long article section by section (:mod:`analysis.sections`).

    Raises:
        StageError: a layer failed; its ``stage`` names the layer and ``__cause__`` is the error.
    """
    found = _untoned(doc, article_id)
    (toned,) = _tone_each([(None, doc, found)])
    if isinstance(toned, Exception):
        raise StageError("tone") from toned
    return {name: frames.conform(name, rows) for name, rows in {**found, **toned}.items()}


@dataclass
class Article:
    """One parsed article as its layers share it, built once per article.

    Attributes:
        doc: the parse.
        article_id: the article's id.
        rows: the records each layer has found so far, by frame name.
    """

    doc: Doc
    article_id: str
    rows: dict[str, list[dict]] = field(default_factory=dict)

    @cached_property
    def cast(self) -> Cast:
        """Who each noun phrase stands for (from the mentions), for the framing layers."""
        return Cast(self.doc, self.rows["mentions"])


def _untoned(doc: Doc, article_id: str) -> dict[str, list[dict]]:
    """Every per-article frame's records but tone (mentions without tone, no quote_tone)."""
    return sections.analyse_in_sections(doc, article_id, _layers)


def _tone_each(
    analysed: list[tuple], *, use_cache: bool = False
) -> list[dict[str, list[dict]] | Exception]:
    """Tone for ``(row, doc, records)`` articles: every pair of the batch scored together
    (:func:`analysis.tone.score_articles`; the same scores as one by one, read from the tone
    cache when ``use_cache`` and the article's pairs are there); when that fails, article by
    article, so that one article's failure is its own."""
    try:
        scored = tone.score_articles(_tone_inputs(analysed), use_cache=use_cache)
        return [_toned(*article) for article in scored]
    except Exception:  # noqa: BLE001 — isolate the article that fails below
        toned: list[dict[str, list[dict]] | Exception] = []
        for item in analysed:
            try:
                (article,) = tone.score_articles(_tone_inputs([item]), use_cache=use_cache)
                toned.append(_toned(*article))
            except Exception as error:  # noqa: BLE001 — recorded per article
                toned.append(error)
        return toned


def _tone_inputs(analysed: list[tuple]) -> list[tuple[Doc, str, list[dict], list[dict]]]:
    return [
        (doc, nlp.text_of(doc), found["mentions"], found["quotes"]) for _row, doc, found in analysed
    ]


def _toned(mentions: list[dict], quote_tone: list[dict]) -> dict[str, list[dict]]:
    return {"mentions": mentions, "quote_tone": quote_tone}


def _layers(doc: Doc, article_id: str) -> dict[str, list[dict]]:
    article = Article(doc, article_id)
    for stage, step in _STEPS:
        try:
            article.rows.update(step(article))
        except Exception as error:
            raise StageError(stage) from error
    return article.rows


def _sentiment(article: Article) -> dict:
    sentences, words = sentiment.sentence_rows(article.doc, article.article_id)
    return {"sentences": sentences, "sentiment_words": words}


def _entities(article: Article) -> dict:
    return {"entities": entities.entity_rows(article.doc, article.article_id)}


def _mentions(article: Article) -> dict:
    return {"mentions": actors.mention_rows(article.doc, article.article_id)}


def _quotes(article: Article) -> dict:
    quoted, fragments = quotes.quote_rows(
        article.doc, article.article_id, mentions=article.rows["mentions"]
    )
    return {"quotes": quoted, "fragments": fragments}


def _stances(article: Article) -> dict:
    stances, contrasts = framing.stance_rows(
        article.doc, article.article_id, quotes=article.rows["quotes"], cast=article.cast
    )
    return {"stances": stances, "contrasts": contrasts}


def _agency(article: Article) -> dict:
    return {"agency": framing.agency_rows(article.doc, article.article_id, cast=article.cast)}


def _marks(article: Article) -> dict:
    marks = framing.mark_rows(
        article.doc, article.article_id, cast=article.cast, quotes=article.rows["quotes"]
    )
    return {"framing_marks": marks}


_STEPS: tuple[tuple[str, Callable[[Article], dict[str, list[dict]]]], ...] = (
    ("sentiment", _sentiment),
    ("entities", _entities),
    ("actors", _mentions),
    ("quotes", _quotes),
    ("stances", _stances),
    ("agency", _agency),
    ("framing marks", _marks),
)


def summarize(found: frames.Frames) -> dict[str, pd.DataFrame]:
    """The corpus-level frames, computed from the per-article frames only."""
    if found.mentions.empty and found.sentences.empty:
        return {name: frames.empty(name) for name in SUMMARY_FRAMES}
    return {
        "actors": summaries.summarize_actors(found.mentions, quotes=found.quotes),
        "voice_portrayal": summaries.voice_and_portrayal(
            found.sentences, found.quotes, found.mentions
        ),
        "agency_summary": summaries.agency_summary(found.agency),
    }


@lru_cache(maxsize=1)
def identity() -> str:
    """A short hash naming everything that determines the frames: the parse pipeline
    (:func:`analysis.nlp.pipeline_key`), the analysis code and the editable tables in ``data/``.
    A frames folder written under another identity is extracted anew, never reused."""
    digest = hashlib.sha256(nlp.pipeline_key().encode())
    package = Path(__file__).parent
    tables = [config.ACTORS_TABLE, *sorted(config.LEXICONS_DIR.rglob("*.csv"))]
    for path in [*sorted(package.rglob("*")), *tables]:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(path.parents[1])).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extract(
    source: Source,
    *,
    use_cache: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: bool | None = False,
) -> frames.Frames:
    """Every frame for a corpus, in memory.

    Args:
        source: a :class:`~analysis.corpus.Corpus`, an ``articles``-like DataFrame, or anything
            :func:`analysis.corpus.load` reads (a file, a folder, a table, a list of them).
        use_cache: reuse parses and tone scores cached on disk (``.cache/``); off for
            benchmarks.
        jobs: worker processes (1: this process).
        scheduler: a Dask scheduler address (``tcp://host:port``) or ``"local"``; see
            :mod:`analysis.runner`.
        progress: a progress bar (None: only on a terminal).

    Returns:
        The :class:`~analysis.frames.Frames` of all articles; inputs that could not be read and
        articles whose analysis failed are listed in ``frames.errors``, the rest are processed.
        For corpora larger than memory, write a frames folder instead
        (``python -m analysis extract ... --out DIR``) and read it with :meth:`Frames.read`.
    """
    from analysis import runner  # the runner imports this module

    corpus = source if isinstance(source, Corpus) else _load(source)
    batches = list(
        runner.run(
            corpus.articles, use_cache=use_cache, jobs=jobs, scheduler=scheduler, progress=progress
        )
    )
    done = {article_id for batch in batches for article_id in batch.article_ids}
    articles = corpus.articles[corpus.articles["article_id"].isin(done)].reset_index(drop=True)
    found = frames.Frames(
        articles=articles,
        errors=frames.concat("errors", [corpus.errors] + [batch.errors for batch in batches]),
        **{
            name: frames.concat(name, [batch.frames[name] for batch in batches])
            for name in ARTICLE_FRAMES
        },
    )
    for name, frame in summarize(found).items():
        setattr(found, name, frame)
    return found


def frames_for(source: Source | frames.Frames) -> frames.Frames:
    """The frames a notebook reports on: ``source`` itself when it is :class:`Frames`, read from
    disk when it is a frames folder written by ``python -m analysis extract --out``, else
    extracted now from the articles it names."""
    from analysis import store

    if isinstance(source, frames.Frames):
        return source
    if isinstance(source, (str, Path)) and store.is_frames_folder(source):
        return store.read(source)
    return extract(source)


def _load(source: Source) -> Corpus:
    if isinstance(source, (str, Path, pd.DataFrame)):
        return load(source)
    return load(*source)
