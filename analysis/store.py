"""Frames on disk: a folder of Parquet parts written batch by batch, a manifest written last.

Layout of a frames folder::

    DIR/parts/<part>/<frame>.parquet   per-article frames of one batch, and part.json (its
                                       articles with their text hashes, the pipeline identity)
    DIR/articles.parquet, errors.parquet, actors.parquet, voice_portrayal.parquet,
    DIR/agency_summary.parquet         corpus-level frames, written when every batch is done
    DIR/manifest.json                  written last: the articles, parts, counts, identity

Every file and every part appears under its final name only once complete (written under a
temporary name, then renamed), and a run first removes the manifest, so a killed run leaves a
folder that :func:`read` refuses ("incomplete") and that a rerun resumes: articles whose text
hash and pipeline identity match a finished part are not analysed again; parts no article of
the corpus needs any more are removed when the run finishes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis import frames
from analysis.pipeline import ARTICLE_FRAMES, Batch, summarize

MANIFEST = "manifest.json"
FORMAT = "newsframe-frames/1"
PARTS = "parts"
_TEMPORARY = ".tmp-"


class FramesFolderError(ValueError):
    """A frames folder is missing, incomplete or of another format; the message says what to do."""


def text_hash(text: str) -> str:
    """The hash that identifies an article's text in parts and manifests."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def is_frames_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by :class:`FramesWriter` (complete or not)."""
    path = Path(path)
    return path.is_dir() and ((path / MANIFEST).exists() or (path / PARTS).is_dir())


def check_writable(folder: str | Path) -> None:
    """Make sure frames can be written into ``folder`` before any work starts.

    Raises:
        OSError: with a plain sentence saying what is wrong (a file in the way, no permission).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OSError(f"--out {folder} is a file, not a folder: choose a folder for the frames")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f"{_TEMPORARY}probe-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise OSError(f"cannot write frames into {folder}: {error.strerror or error}") from error


@dataclass(frozen=True)
class _Part:
    name: str
    identity: str
    articles: tuple[tuple[str, str], ...]  # (article_id, text hash)


class FramesWriter:
    """Writes one corpus run into a frames folder, resuming a run that did not finish.

    Args:
        folder: the frames folder (created when missing).
        identity: the pipeline identity (:func:`analysis.pipeline.identity`); parts written
            under another identity are not reused.
    """

    def __init__(self, folder: str | Path, identity: str) -> None:
        self.folder = Path(folder)
        self.identity = identity
        check_writable(self.folder)
        (self.folder / MANIFEST).unlink(missing_ok=True)  # incomplete from here on
        parts = self.folder / PARTS
        parts.mkdir(exist_ok=True)
        for leftover in parts.glob(f"{_TEMPORARY}*"):
            shutil.rmtree(leftover, ignore_errors=True)
        self._parts = [part for part in map(_read_part, parts.iterdir()) if part is not None]

    def done(self, articles: pd.DataFrame) -> pd.Series:
        """Which rows of ``articles`` a finished part already holds (same text, same pipeline)."""
        finished = {
            key for part in self._parts if part.identity == self.identity for key in part.articles
        }
        keys = zip(articles["article_id"], articles["text"].map(text_hash), strict=True)
        return pd.Series([key in finished for key in keys], index=articles.index, dtype=bool)

    def write_batch(self, batch: Batch, articles: pd.DataFrame) -> None:
        """Write one batch's frames as a part (under a temporary name, then renamed)."""
        if not batch.article_ids:
            return
        texts = dict(zip(articles["article_id"], articles["text"], strict=True))
        keys = tuple((article_id, text_hash(texts[article_id])) for article_id in batch.article_ids)
        name = hashlib.sha256(json.dumps([self.identity, keys]).encode()).hexdigest()[:20]
        final = self.folder / PARTS / name
        if not final.exists():
            temporary = self.folder / PARTS / f"{_TEMPORARY}{uuid.uuid4().hex}"
            temporary.mkdir()
            for frame_name in ARTICLE_FRAMES:
                batch.frames[frame_name].to_parquet(
                    temporary / f"{frame_name}.parquet", index=False
                )
            info = {"identity": self.identity, "articles": [list(key) for key in keys]}
            (temporary / "part.json").write_text(json.dumps(info), encoding="utf-8")
            os.replace(temporary, final)
        self._parts.append(_Part(name, self.identity, keys))

    def finish(self, articles: pd.DataFrame, errors: pd.DataFrame) -> Path:
        """Compute the corpus-level frames from the written parts, remove parts no article needs,
        and write the manifest last.

        Args:
            articles: the articles analysed (an ``articles`` frame, in corpus order).
            errors: every input or article that could not be read or analysed.

        Returns:
            The manifest's path.
        """
        keys = list(zip(articles["article_id"], articles["text"].map(text_hash), strict=True))
        wanted = set(keys)
        keep = {
            part.name: part
            for part in self._parts
            if part.identity == self.identity and wanted & set(part.articles)
        }
        for stale in {p.name for p in (self.folder / PARTS).iterdir()} - set(keep):
            shutil.rmtree(self.folder / PARTS / stale, ignore_errors=True)
        order = {article_id: i for i, (article_id, _) in enumerate(keys)}
        per_article = _read_frames(self.folder, list(keep), order, names=_SUMMARY_INPUTS)
        tables = {"articles": articles, "errors": errors, **summarize(per_article)}
        for name, frame in tables.items():
            _atomic_parquet(frame, self.folder / f"{name}.parquet")
        counts = {name: int(len(frame)) for name, frame in tables.items()}
        for name in ARTICLE_FRAMES:
            counts[name] = sum(
                _rows(self.folder / PARTS / part / f"{name}.parquet") for part in keep
            )
        manifest = {
            "format": FORMAT,
            "complete": True,
            "identity": self.identity,
            "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "articles": [list(key) for key in keys],
            "parts": list(keep),
            "counts": counts,
        }
        path = self.folder / MANIFEST
        _atomic_write(path, json.dumps(manifest, indent=1).encode("utf-8"))
        return path


#: The per-article frames the corpus-level summaries read.
_SUMMARY_INPUTS = ("sentences", "mentions", "quotes", "agency")


def _read_part(path: Path) -> _Part | None:
    if path.name.startswith(_TEMPORARY) or not (path / "part.json").is_file():
        return None
    try:
        info = json.loads((path / "part.json").read_text(encoding="utf-8"))
        keys = tuple((str(a), str(h)) for a, h in info["articles"])
        if not all((path / f"{name}.parquet").is_file() for name in ARTICLE_FRAMES):
            return None
        return _Part(path.name, str(info["identity"]), keys)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # unreadable: not trusted, removed when the run finishes


def _rows(path: Path) -> int:
    return pq.ParquetFile(path).metadata.num_rows


def _atomic_write(path: Path, data: bytes) -> None:
    _atomically(path, lambda temporary: temporary.write_bytes(data))


def _atomic_parquet(frame: pd.DataFrame, path: Path) -> None:
    _atomically(path, lambda temporary: frame.to_parquet(temporary, index=False))


def _atomically(path: Path, write: Callable[[Path], object]) -> None:
    """``write`` a temporary file beside ``path``, then rename it into place."""
    temporary = path.with_name(f"{_TEMPORARY}{uuid.uuid4().hex}-{path.name}")
    write(temporary)
    os.replace(temporary, path)


def manifest(folder: str | Path) -> dict:
    """The manifest of a complete frames folder.

    Raises:
        FramesFolderError: no folder, no manifest (the run that wrote it did not finish), or a
            manifest of another format.
    """
    folder = Path(folder)
    path = folder / MANIFEST
    if not folder.is_dir():
        raise FramesFolderError(f"{folder} is not a frames folder (no such folder)")
    if not path.is_file():
        raise FramesFolderError(
            f"{folder} holds no complete frames: the run that wrote it did not finish. "
            f"Run `python -m analysis extract ... --out {folder}` again to resume it."
        )
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise FramesFolderError(f"{path} cannot be read ({error}); extract again") from error
    if found.get("format") != FORMAT or not found.get("complete"):
        raise FramesFolderError(f"{path} is not a complete {FORMAT} manifest; extract again")
    return found


def read(
    folder: str | Path,
    *,
    names: Sequence[str] | None = None,
    columns: dict[str, Sequence[str]] | None = None,
    articles: Iterable[str] | None = None,
) -> frames.Frames:
    """Read a frames folder written by ``python -m analysis extract ... --out DIR``.

    Args:
        folder: the frames folder.
        names: the frames to load (default: all); the others are empty frames.
        columns: per frame name, the columns to load (default: all).
        articles: load only these article ids (corpus-level summaries are kept whole).

    Returns:
        :class:`~analysis.frames.Frames` with rows in corpus order, as a run with ``--jobs 1``
        would hold them in memory.

    Raises:
        FramesFolderError: the folder is incomplete (see :func:`manifest`).
    """
    folder = Path(folder)
    found = manifest(folder)
    order = {article_id: i for i, (article_id, _) in enumerate(found["articles"])}
    if articles is not None:
        order = {article_id: order[article_id] for article_id in articles if article_id in order}
    return _read_frames(folder, found["parts"], order, names=names, columns=columns)


def _read_frames(
    folder: Path,
    parts: list[str],
    order: dict[str, int],
    *,
    names: Sequence[str] | None = None,
    columns: dict[str, Sequence[str]] | None = None,
) -> frames.Frames:
    """The named frames (default: all) of ``parts``, rows of the articles in ``order`` only,
    sorted into that order; corpus-level frames are read whole."""
    filters = [("article_id", "in", list(order))]
    loaded = {}
    for name in names or [name for name, _ in frames.Frames().items()]:
        cols = list(columns[name]) if columns and name in columns else None
        if name in ARTICLE_FRAMES:
            found = [
                _read_parquet(folder / PARTS / part / f"{name}.parquet", cols, filters)
                for part in parts
            ]
            frame = pd.concat(found, ignore_index=True) if found else frames.empty(name)
            position = frame["article_id"].map(order)
            frame = frame.iloc[position.to_numpy().argsort(kind="stable")]
        elif name == "articles":
            frame = _read_parquet(folder / f"{name}.parquet", cols, filters)
            frame = frame.iloc[frame["article_id"].map(order).to_numpy().argsort(kind="stable")]
        else:
            frame = _read_parquet(folder / f"{name}.parquet", cols, None)
        loaded[name] = frame.reset_index(drop=True)
    return frames.Frames(**loaded)


def _read_parquet(path: Path, columns: list[str] | None, filters) -> pd.DataFrame:
    if columns is not None and "article_id" not in columns:
        columns = ["article_id", *columns] if _has_column(path, "article_id") else columns
    return pd.read_parquet(path, columns=columns, filters=filters)


def _has_column(path: Path, column: str) -> bool:
    return column in pq.ParquetFile(path).schema_arrow.names
