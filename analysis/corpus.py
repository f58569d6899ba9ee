"""What was read: files, folders and tables become the ``articles`` frame and the ``errors`` frame.

:func:`load` accepts any mix of

- a ``.txt`` or ``.md`` file, optionally opened by YAML front matter (keys ``id``, ``title``,
  ``source``, ``published`` and ``url`` are used; others are ignored);
- a folder: every ``.txt`` / ``.md`` file inside it, recursively, in sorted order (other files and
  hidden files or folders are ignored);
- a ``.csv``, ``.jsonl`` or ``.parquet`` table with one article per row, or a pandas DataFrame;
- a list of any of these.

Front matter is the file's first line ``---``, YAML, and a closing line ``---``. The closing
line's newline belongs to the delimiter: the article text starts at the next character and runs
to the end of the file, byte for byte (no stripping), because every offset in the suite indexes
into it. A UTF-8 byte-order mark is dropped.

Table rows are numbered from 1: the n-th data row of a CSV (header not counted), the n-th line of
a JSONL file, the n-th row of a Parquet file or DataFrame. A row without an id gets
``<file stem>-<row>`` (``dataframe-<row>``, ``dataframe2-<row>``, ... for DataFrames).

Nothing is dropped silently: every file or row that cannot be read becomes a row of the
``errors`` frame saying what is wrong and what to do, and the good inputs are still loaded.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from analysis import frames

TEXT_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
METADATA_KEYS = ("title", "source", "published", "url")
ID_COLUMNS = ("id", "doc_id", "article_id")
_NO_ROWS = "the table has no rows; add one article per row."

#: A word: letters/digits, with apostrophes and hyphens kept inside (``don't``, ``Russian-held``).
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_OPENING_DELIMITER = re.compile(r"\A---[ \t]*\r?\n")


class CorpusError(ValueError):
    """An input could not be read; the message names the file (and row) and what to do."""


@dataclass
class Corpus:
    """What :func:`load` read.

    Attributes:
        articles: one row per article (schema ``frames.SCHEMAS["articles"]``).
        errors: one row per file or table row that could not be read (``path``, ``error``).
    """

    articles: pd.DataFrame
    errors: pd.DataFrame


@dataclass(frozen=True)
class _Columns:
    """Column names to read from tables; ``id=None`` means the first of ``ID_COLUMNS`` present."""

    text: str = "text"
    id: str | None = None
    title: str = "title"
    source: str = "source"
    published: str = "published"
    url: str = "url"


@dataclass(frozen=True)
class _Failure:
    path: str
    error: str


def load(
    *inputs: str | Path | pd.DataFrame | list,
    text_column: str = "text",
    id_column: str | None = None,
    title_column: str = "title",
    source_column: str = "source",
    published_column: str = "published",
    url_column: str = "url",
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
        strict: raise on the first failure instead of collecting it in ``errors``.

    Returns:
        The ``articles`` frame and the ``errors`` frame. Duplicate article ids keep the first
        article; each later one is reported in ``errors``.

    Raises:
        CorpusError: with ``strict=True``, on the first failure; otherwise when nothing at all
            could be loaded (the message lists every failure).
    """
    columns = _Columns(
        text_column, id_column, title_column, source_column, published_column, url_column
    )
    articles: list[dict] = []
    failures: list[_Failure] = []
    seen: dict[str, str] = {}
    for item in _read_all(_flatten(inputs), columns):
        if isinstance(item, dict) and item["article_id"] in seen:
            item = _Failure(item["path"], _duplicate_message(item["article_id"], seen))
        if isinstance(item, _Failure):
            if strict:
                raise CorpusError(f"{item.path}: {item.error}")
            failures.append(item)
            continue
        seen[item["article_id"]] = item["path"]
        articles.append(item)
    if not articles:
        raise CorpusError(_nothing_loaded_message(failures))
    errors = [
        {"path": failure.path, "error": failure.error, "article_id": None, "stage": "load"}
        for failure in failures
    ]
    return Corpus(frames.conform("articles", articles), frames.conform("errors", errors))


def count_words(text: str) -> int:
    """Number of :data:`WORD` matches in ``text`` (the ``n_words`` column)."""
    return sum(1 for _ in WORD.finditer(text))


def _flatten(inputs: tuple | list) -> Iterator[str | Path | pd.DataFrame]:
    for item in inputs:
        if isinstance(item, (list, tuple)):
            yield from _flatten(item)
        else:
            yield item


def _read_all(
    inputs: Iterator[str | Path | pd.DataFrame], columns: _Columns
) -> Iterator[dict | _Failure]:
    n_inputs = n_dataframes = 0
    for item in inputs:
        n_inputs += 1
        if isinstance(item, pd.DataFrame):
            n_dataframes += 1
            stem = "dataframe" if n_dataframes == 1 else f"dataframe{n_dataframes}"
            records = enumerate(item.to_dict("records"), start=1)
            yield from _read_table(records, list(item.columns), f"<{stem}>", stem, columns)
        else:
            yield from _read_path(Path(item), columns)
    if n_inputs == 0:
        yield _Failure("<no input>", "load() was called without inputs; pass a file or folder.")


def _read_path(path: Path, columns: _Columns) -> Iterator[dict | _Failure]:
    suffix = path.suffix.lower()
    if path.is_dir():
        yield from _read_folder(path)
    elif not path.exists():
        yield _Failure(
            str(path),
            f"no such file or folder (relative paths start from {Path.cwd()}); check the path.",
        )
    elif suffix in TEXT_SUFFIXES:
        yield _read_text_file(path)
    elif suffix in TABLE_SUFFIXES:
        yield from _read_table_file(path, columns)
    else:
        accepted = ", ".join(TEXT_SUFFIXES + TABLE_SUFFIXES)
        yield _Failure(
            str(path),
            f"unknown file type {path.suffix or '(no extension)'!r}; give a {accepted} file "
            "or a folder of .txt/.md files (rename the file if it is plain UTF-8 text).",
        )


def _read_folder(folder: Path) -> Iterator[dict | _Failure]:
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in TEXT_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    if not files:
        yield _Failure(str(folder), "the folder holds no .txt or .md files; nothing to read.")
    for path in files:
        yield _read_text_file(path)


def _read_text_file(path: Path) -> dict | _Failure:
    content = _decode(path)
    if isinstance(content, _Failure):
        return content
    metadata, text = _split_front_matter(content)
    if isinstance(metadata, str):
        return _Failure(str(path), metadata)
    if not text.strip():
        where = "nothing after the front matter" if metadata else "only whitespace"
        return _Failure(str(path), f"the article text is empty ({where}); add the article body.")
    return _article(metadata.get("id") or path.stem, metadata, text, str(path))


def _decode(path: Path) -> str | _Failure:
    """The file's text, or why it is not a non-empty UTF-8 text file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return _Failure(str(path), f"cannot be read ({error.strerror}); check its permissions.")
    if not data:
        return _Failure(str(path), "the file is empty (0 bytes); add the article text.")
    if b"\0" in data:
        return _Failure(
            str(path),
            f"contains a NUL byte at byte offset {data.index(0)}: it is binary (or UTF-16), not "
            "text; export the article as plain text saved as UTF-8.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return _Failure(
            str(path),
            f"is not valid UTF-8: byte 0x{data[error.start]:02X} at byte offset {error.start} "
            f"(line {line}). It was probably saved as Windows-1252 (where 0x93/0x94 are curly "
            "quotes); re-save it as UTF-8 in your editor, or convert it with "
            "`iconv -f cp1252 -t utf-8 IN > OUT`.",
        )


def _split_front_matter(content: str) -> tuple[dict | str, str]:
    """(metadata, text); metadata is an error message instead when the front matter is broken."""
    match = _FRONT_MATTER.match(content)
    if match is None:
        if _OPENING_DELIMITER.match(content):
            return "front matter opened by '---' on line 1 is never closed by a '---' line.", ""
        return {}, content
    try:
        metadata = yaml.safe_load(match["yaml"]) or {}
    except yaml.YAMLError as error:
        return f"malformed YAML front matter ({_yaml_problem(error)}); fix it.", ""
    if not isinstance(metadata, dict):
        return "front matter must be 'key: value' lines (id, title, source, published, url).", ""
    fields = {key: _as_text(metadata.get(key)) for key in ("id", *METADATA_KEYS)}
    return fields, content[match.end() :]


def _yaml_problem(error: yaml.YAMLError) -> str:
    """The YAML parser's complaint, with line numbers counted in the whole file."""
    parts = []
    for what, mark in (("context", "context_mark"), ("problem", "problem_mark")):
        text, where = getattr(error, what, None), getattr(error, mark, None)
        if text and where:
            parts.append(f"{text} on line {where.line + 2}")  # from 1, after the '---' line
    return ", ".join(parts) or _one_line(error)


def _read_table_file(path: Path, columns: _Columns) -> Iterator[dict | _Failure]:
    if path.suffix.lower() == ".parquet":
        try:
            table = pd.read_parquet(path)
        except (OSError, ValueError) as error:
            yield _Failure(str(path), f"is not a readable Parquet file ({_one_line(error)}).")
            return
        records = enumerate(table.to_dict("records"), start=1)
        yield from _read_table(records, list(table.columns), str(path), path.stem, columns)
        return
    content = _decode(path)
    if isinstance(content, _Failure):
        yield content
        return
    if not content.strip():
        yield _Failure(str(path), f"holds only whitespace; {_NO_ROWS}")
        return
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(content, path, columns)
        return
    try:
        table = pd.read_csv(io.StringIO(content), dtype=str, keep_default_na=False)
    except ValueError as error:
        yield _Failure(str(path), f"is not a readable CSV file ({_one_line(error)}).")
        return
    records = enumerate(table.to_dict("records"), start=1)
    yield from _read_table(records, list(table.columns), str(path), path.stem, columns)


def _read_jsonl(content: str, path: Path, columns: _Columns) -> Iterator[dict | _Failure]:
    records, failures = _parse_jsonl(content, str(path))
    yield from failures
    if records or not failures:  # a file of only malformed lines is already reported
        names = list(dict.fromkeys(key for _, record in records for key in record))
        yield from _read_table(records, names, str(path), path.stem, columns)


def _parse_jsonl(content: str, label: str) -> tuple[list[tuple[int, dict]], list[_Failure]]:
    """(line number, record) pairs; malformed lines become failures, blank lines are skipped."""
    records, failures = [], []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            message = f"malformed JSON ({error.msg} at column {error.colno}); fix this line."
            failures.append(_Failure(f"{label}#row {number}", message))
            continue
        if isinstance(record, dict):
            records.append((number, record))
        else:
            message = 'each line must be one JSON object such as {"id": "...", "text": "..."}.'
            failures.append(_Failure(f"{label}#row {number}", message))
    return records, failures


def _read_table(
    records: Iterator[tuple[int, dict]] | list[tuple[int, dict]],
    names: list,
    label: str,
    stem: str,
    columns: _Columns,
) -> Iterator[dict | _Failure]:
    """Articles from numbered rows of a table whose column names are ``names``."""
    missing = [name for name in _required_columns(columns) if name not in names]
    if missing:
        listed = ", ".join(map(repr, names)) or "none"
        yield _Failure(
            label,
            f"has no column {', '.join(map(repr, missing))}; its columns are {listed}. Rename the "
            "column or tell load() which to use (text_column=..., id_column=..., ...).",
        )
        return
    id_column = columns.id or next((name for name in ID_COLUMNS if name in names), None)
    n_rows = 0
    for number, record in records:
        n_rows += 1
        yield _read_row(record, f"{label}#row {number}", f"{stem}-{number}", columns, id_column)
    if n_rows == 0:
        yield _Failure(label, _NO_ROWS)


def _read_row(
    record: dict, path: str, default_id: str, columns: _Columns, id_column: str | None
) -> dict | _Failure:
    text = record.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str) or _as_text(text) is None:
            problem = f"the {columns.text!r} cell is empty"
        else:
            problem = f"the {columns.text!r} cell holds {text!r} ({type(text).__name__}), not text"
        return _Failure(path, f"{problem}; fill in the article text or delete the row.")
    article_id = _as_text(record.get(id_column)) if id_column else None
    metadata = {key: _as_text(record.get(getattr(columns, key))) for key in METADATA_KEYS}
    return _article(article_id or default_id, metadata, text, path)


def _required_columns(columns: _Columns) -> list[str]:
    """The text column, plus every column the caller named explicitly (a typo is an error)."""
    defaults = _Columns()
    named = [
        getattr(columns, key)
        for key in ("id", *METADATA_KEYS)
        if getattr(columns, key) != getattr(defaults, key)
    ]
    return [columns.text, *named]


def _article(article_id: str, metadata: dict, text: str, path: str) -> dict:
    return {
        "article_id": article_id,
        **{key: metadata.get(key) for key in METADATA_KEYS},
        "path": path,
        "text": text,
        "n_words": count_words(text),
    }


def _as_text(value: object) -> str | None:
    """A metadata value as a string; ``None`` when missing or empty; dates in ISO 8601."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        value = value.date()
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text.strip() or None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _duplicate_message(article_id: str, seen: dict[str, str]) -> str:
    return (
        f"article id {article_id!r} is already used by {seen[article_id]}; this copy was "
        "skipped. Give every article a unique id (front-matter 'id:' or the id column)."
    )


def _nothing_loaded_message(failures: list[_Failure]) -> str:
    listed = "\n".join(f"  {failure.path}: {failure.error}" for failure in failures)
    return f"No article could be loaded ({len(failures)} failed):\n{listed}"
