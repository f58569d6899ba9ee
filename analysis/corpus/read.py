"""What was read: :func:`load` turns every input, in order, into a :class:`Corpus` of two frames.

Duplicate article ids keep the first article; each later copy and every input that failed is a
row of ``errors``; :class:`CorpusError` is raised when nothing at all could be loaded (or, with
``strict=True``, on the first failure).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import frames
from analysis.corpus.files import TEXT_SUFFIXES, not_a_file, read_folder, read_text_file
from analysis.corpus.records import ArticleRecord, Failure
from analysis.corpus.tables import TABLE_SUFFIXES, TableColumns, read_table, read_table_file


class CorpusError(ValueError):
    """An input could not be read; the message names the file (and row) and what to do."""


@dataclass
class Corpus:
    """What :func:`load` read.

    Attributes:
        articles: one row per article (schema ``frames.SCHEMAS["articles"]``, then the extra
            metadata columns as strings).
        errors: one row per file or table row that could not be read (``path``, ``error``).
    """

    articles: pd.DataFrame
    errors: pd.DataFrame


def load(
    *inputs: str | Path | pd.DataFrame | list,
    text_column: str = "text",
    id_column: str | None = None,
    title_column: str = "title",
    source_column: str = "source",
    published_column: str = "published",
    url_column: str = "url",
    topics_column: str = "topics",
    strict: bool = False,
) -> Corpus:
    """Read articles from files, folders, tables and DataFrames.

    Args:
        *inputs: paths (``str`` or ``Path``) to ``.txt``/``.md`` files, folders, ``.csv``/
            ``.jsonl``/``.parquet`` tables; DataFrames; or lists of these.
        text_column: table column holding the article text.
        id_column: table column holding the article id; by default the first of ``id``,
            ``doc_id``, ``article_id`` present, else ``<file stem>-<row>``.
        title_column: table column holding the headline (optional in the table).
        source_column: table column holding the outlet (optional in the table).
        published_column: table column holding the publication date (optional in the table).
        url_column: table column holding the URL (optional in the table).
        topics_column: table column holding topics or tags: a string or a list of strings
            (optional in the table).
        strict: raise on the first failure instead of collecting it in ``errors``.

    Returns:
        The ``articles`` frame (schema columns, then the extra metadata columns as strings) and
        the ``errors`` frame. Duplicate article ids keep the first article; each later one is
        reported in ``errors``.

    Raises:
        CorpusError: with ``strict=True``, on the first failure; otherwise when nothing at all
            could be loaded (the message lists every failure).
    """
    columns = TableColumns(
        text_column,
        id_column,
        title_column,
        source_column,
        published_column,
        url_column,
        topics_column,
    )
    articles: list[ArticleRecord] = []
    failures: list[Failure] = []
    seen: dict[str, str] = {}
    for item in _read_all(_flatten(inputs), columns):
        if isinstance(item, ArticleRecord) and item.record["article_id"] in seen:
            article_id = item.record["article_id"]
            item = Failure(item.record["path"], _duplicate_message(article_id, seen))
        if isinstance(item, Failure):
            if strict:
                raise CorpusError(f"{item.path}: {item.error}")
            failures.append(item)
            continue
        seen[item.record["article_id"]] = item.record["path"]
        articles.append(item)
    if not articles:
        raise CorpusError(_nothing_loaded_message(failures))
    errors = [
        {"path": failure.path, "error": failure.error, "article_id": None, "stage": "load"}
        for failure in failures
    ]
    return Corpus(_articles_frame(articles), frames.conform("errors", errors))


def _articles_frame(articles: list[ArticleRecord]) -> pd.DataFrame:
    """The schema columns, then each extra metadata column (strings) in order of appearance."""
    frame = frames.conform("articles", [article.record for article in articles])
    names = list(dict.fromkeys(name for article in articles for name in article.extra))
    for name in names:
        values = [article.extra.get(name) for article in articles]
        frame[name] = pd.Series(values, dtype="string", index=frame.index)
    return frame


def _flatten(inputs: tuple | list) -> Iterator[str | Path | pd.DataFrame]:
    for item in inputs:
        if isinstance(item, (list, tuple)):
            yield from _flatten(item)
        else:
            yield item


def _read_all(
    inputs: Iterator[str | Path | pd.DataFrame], columns: TableColumns
) -> Iterator[ArticleRecord | Failure]:
    n_inputs = n_dataframes = 0
    for item in inputs:
        n_inputs += 1
        if isinstance(item, pd.DataFrame):
            n_dataframes += 1
            stem = "dataframe" if n_dataframes == 1 else f"dataframe{n_dataframes}"
            records = list(enumerate(item.to_dict("records"), start=1))
            yield from read_table(records, list(item.columns), f"<{stem}>", stem, columns)
        else:
            yield from _read_path(Path(item), columns)
    if n_inputs == 0:
        yield Failure("<no input>", "load() was called without inputs; pass a file or folder.")


def _read_path(path: Path, columns: TableColumns) -> Iterator[ArticleRecord | Failure]:
    suffix = path.suffix.lower()
    problem = not_a_file(path)
    if problem is not None:
        yield Failure(str(path), problem)
    elif path.is_dir():
        yield from read_folder(path)
    elif not path.exists():
        yield Failure(
            str(path),
            f"no such file or folder (relative paths start from {Path.cwd()}); check the path.",
        )
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path)
    elif suffix in TABLE_SUFFIXES:
        yield from read_table_file(path, columns)
    else:
        accepted = ", ".join(TEXT_SUFFIXES + TABLE_SUFFIXES)
        yield Failure(
            str(path),
            f"unknown file type {path.suffix or '(no extension)'!r}; give a {accepted} file "
            "or a folder of .txt/.md files (rename the file if it is plain UTF-8 text).",
        )


def _duplicate_message(article_id: str, seen: dict[str, str]) -> str:
    return (
        f"article id {article_id!r} is already used by {seen[article_id]}; this copy was "
        "skipped. Give every article a unique id (front-matter 'id:' or the id column)."
    )


def _nothing_loaded_message(failures: list[Failure]) -> str:
    listed = "\n".join(f"  {failure.path}: {failure.error}" for failure in failures)
    return f"No article could be loaded ({len(failures)} failed):\n{listed}"
