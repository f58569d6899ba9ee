"""What was read: files, folders and tables become the ``articles`` frame and the ``errors`` frame.

:func:`load` accepts any mix of

- a ``.txt`` or ``.md`` file, optionally opened by YAML front matter;
- a folder: every ``.txt`` / ``.md`` file inside it, recursively, in sorted order (other files and
  hidden files or folders are ignored; dangling symbolic links, link loops, named pipes, sockets
  and devices are never opened but listed in ``errors``);
- a ``.csv``, ``.jsonl`` or ``.parquet`` table with one article per row, or a pandas DataFrame;
- a list of any of these.

Front matter is the file's first line ``---``, YAML, and a closing line ``---``. The closing
line's newline belongs to the delimiter: the article text starts at the next character and runs
to the end of the file, because every offset in the suite indexes into it. Two changes only are
made before a text becomes the article text (so offsets index the text as stored in the
``articles`` frame): a UTF-8 byte-order mark is dropped, and a lone carriage return (``\r`` not
followed by ``\n``, old Mac line endings) becomes ``\n``, so paragraphs survive. ``\r\n`` is kept.

Metadata: ``id``, ``title``, ``source``, ``published``, ``url`` and ``topics`` (or ``tags``) from
front matter or the table columns of those names fill the schema columns
(``frames.SCHEMAS["articles"]``). ``published`` is parsed into a datetime (UTC, stored without a
zone; a date that cannot be read or has no four-digit year is ``NaT``; ``03/04/2022`` is read
month first, as pandas does) and kept as given in ``published_text``; ``topics``
are joined by `` | ``. Every other front-matter key with a scalar value, and every other table
column whose cells are all scalars (nested or list-valued columns such as PolNeAR's ``quotes``
are ignored), becomes an extra string column after the schema columns, in order of first
appearance; one whose name is a schema column gets the suffix ``_extra``.

Table rows are numbered from 1: the n-th data row of a CSV (header and blank lines not counted),
the n-th line of a JSONL file (lines end at ``\n`` only: U+2028 or U+0085 inside a JSON string
is text, not a line break), the n-th row of a Parquet file or DataFrame. A row without an id gets
``<file stem>-<row>`` (``dataframe-<row>``, ``dataframe2-<row>``, ... for DataFrames).

Nothing is dropped silently: every file or row that cannot be read becomes a row of the
``errors`` frame saying what is wrong and what to do, and the good inputs are still loaded. A
row whose text or metadata holds a lone UTF-16 surrogate (JSON ``"\ud800"``: half a character,
which no file format can store) is such an error row; it is not repaired.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from analysis import frames

TEXT_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
METADATA_KEYS = ("title", "source", "published", "url", "topics")
_PLAIN_KEYS = ("title", "source", "url")  # kept as given; published and topics are converted
ID_COLUMNS = ("id", "doc_id", "article_id")
#: Front-matter keys read as ``topics`` when there is no ``topics`` key.
TOPIC_ALIASES = ("tags",)
#: How ``topics`` given as a list are joined into one string (split with ``.str.split(" | ")``).
TOPIC_SEPARATOR = " | "
_NO_ROWS = "the table has no rows; add one article per row."

#: A word: letters/digits, with apostrophes and hyphens kept inside (``don't``, ``Russian-held``).
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_OPENING_DELIMITER = re.compile(r"\A---[ \t]*\r?\n")
_LONE_CR = re.compile(r"\r(?!\n)")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_YEAR = re.compile(r"\d{4}")


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


@dataclass(frozen=True)
class _Columns:
    """Column names to read from tables; ``id=None`` means the first of ``ID_COLUMNS`` present."""

    text: str = "text"
    id: str | None = None
    title: str = "title"
    source: str = "source"
    published: str = "published"
    url: str = "url"
    topics: str = "topics"


@dataclass(frozen=True)
class _Failure:
    path: str
    error: str


@dataclass
class _Article:
    record: dict
    extra: dict[str, str | None] = field(default_factory=dict)


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
    columns = _Columns(
        text_column,
        id_column,
        title_column,
        source_column,
        published_column,
        url_column,
        topics_column,
    )
    articles: list[_Article] = []
    failures: list[_Failure] = []
    seen: dict[str, str] = {}
    for item in _read_all(_flatten(inputs), columns):
        if isinstance(item, _Article) and item.record["article_id"] in seen:
            article_id = item.record["article_id"]
            item = _Failure(item.record["path"], _duplicate_message(article_id, seen))
        if isinstance(item, _Failure):
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


def count_words(text: str) -> int:
    """Number of :data:`WORD` matches in ``text`` (the ``n_words`` column)."""
    return sum(1 for _ in WORD.finditer(text))


def _articles_frame(articles: list[_Article]) -> pd.DataFrame:
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
    inputs: Iterator[str | Path | pd.DataFrame], columns: _Columns
) -> Iterator[_Article | _Failure]:
    n_inputs = n_dataframes = 0
    for item in inputs:
        n_inputs += 1
        if isinstance(item, pd.DataFrame):
            n_dataframes += 1
            stem = "dataframe" if n_dataframes == 1 else f"dataframe{n_dataframes}"
            records = list(enumerate(item.to_dict("records"), start=1))
            yield from _read_table(records, list(item.columns), f"<{stem}>", stem, columns)
        else:
            yield from _read_path(Path(item), columns)
    if n_inputs == 0:
        yield _Failure("<no input>", "load() was called without inputs; pass a file or folder.")


def _read_path(path: Path, columns: _Columns) -> Iterator[_Article | _Failure]:
    suffix = path.suffix.lower()
    problem = _not_a_file(path)
    if problem is not None:
        yield _Failure(str(path), problem)
    elif path.is_dir():
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


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` must not be opened (a dangling or looping symbolic link, a named pipe, a
    socket, a device), or ``None`` for a regular file, a folder or a path that does not exist."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if not path.is_symlink():
            return None
        if error.errno == errno.ELOOP:
            return (
                "is a symbolic link loop (it leads back to itself); it was not read. "
                "Remove the link or point it at the article file."
            )
        return (
            f"is a symbolic link to {os.readlink(path)!r}, which does not exist; it was not "
            "read. Fix the link or remove it."
        )
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
    )
    return (
        f"is {kind}, not a regular file; it was not opened (reading it could wait forever). "
        "Save the article as a regular .txt or .md file."
    )


def _read_folder(folder: Path) -> Iterator[_Article | _Failure]:
    entries = sorted(_walk(folder, frozenset()), key=lambda entry: entry[0])
    if not entries:
        yield _Failure(str(folder), "the folder holds no .txt or .md files; nothing to read.")
    for path, problem in entries:
        yield _read_text_file(path) if problem is None else _Failure(str(path), problem)


def _walk(folder: Path, ancestors: frozenset) -> Iterator[tuple[Path, str | None]]:
    """``(path, None)`` for each ``.txt``/``.md`` file under ``folder`` (symbolic links
    followed), ``(path, problem)`` for each entry that cannot or must not be read; hidden
    entries are skipped."""
    info = folder.stat()
    ancestors = ancestors | {(info.st_dev, info.st_ino)}
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        yield folder, f"the folder cannot be listed ({error.strerror}); check its permissions."
        return
    for name in names:
        path = folder / name
        if name.startswith("."):
            continue
        problem = _not_a_file(path)
        if problem is not None:
            yield path, problem
        elif path.is_dir():
            target = path.stat()
            if (target.st_dev, target.st_ino) in ancestors:
                yield (
                    path,
                    (
                        "is a symbolic link to a folder that contains it (a loop); it was not "
                        "followed. Remove the link."
                    ),
                )
            else:
                yield from _walk(path, ancestors)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            yield path, None


def _read_text_file(path: Path) -> _Article | _Failure:
    content = _decode(path)
    if isinstance(content, _Failure):
        return content
    metadata, text = _split_front_matter(content)
    if isinstance(metadata, str):
        return _Failure(str(path), metadata)
    if not text.strip():
        where = "nothing after the front matter" if metadata else "only whitespace"
        return _Failure(str(path), f"the article text is empty ({where}); add the article body.")
    fields = {key: metadata.get(key) for key in METADATA_KEYS}
    if fields["topics"] is None:
        fields["topics"] = next((metadata[k] for k in TOPIC_ALIASES if k in metadata), None)
    used = {"id", *METADATA_KEYS, *TOPIC_ALIASES}
    extra = {
        key: value for key, value in metadata.items() if key not in used and not _nested(value)
    }
    return _article(_as_text(metadata.get("id")) or path.stem, fields, extra, text, str(path))


def _decode(path: Path) -> str | _Failure:
    """The file's text (lone CRs made LFs), or why it is not a non-empty UTF-8 text file."""
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
        return _normalise_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return _Failure(
            str(path),
            f"is not valid UTF-8: byte 0x{data[error.start]:02X} at byte offset {error.start} "
            f"(line {line}). It was probably saved as Windows-1252 (where 0x93/0x94 are curly "
            "quotes); re-save it as UTF-8 in your editor, or convert it with "
            "`iconv -f cp1252 -t utf-8 IN > OUT`.",
        )


def _normalise_newlines(text: str) -> str:
    """``text`` with each lone carriage return (not followed by ``\n``) made ``\n``."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


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
    return {str(key): value for key, value in metadata.items()}, content[match.end() :]


def _yaml_problem(error: yaml.YAMLError) -> str:
    """The YAML parser's complaint, with line numbers counted in the whole file."""
    parts = []
    for what, mark in (("context", "context_mark"), ("problem", "problem_mark")):
        text, where = getattr(error, what, None), getattr(error, mark, None)
        if text and where:
            parts.append(f"{text} on line {where.line + 2}")  # from 1, after the '---' line
    return ", ".join(parts) or _one_line(error)


def _read_table_file(path: Path, columns: _Columns) -> Iterator[_Article | _Failure]:
    if path.suffix.lower() == ".parquet":
        try:
            table = pd.read_parquet(path)
        except (OSError, ValueError) as error:
            yield _Failure(str(path), f"is not a readable Parquet file ({_one_line(error)}).")
            return
        records = list(enumerate(table.to_dict("records"), start=1))
        yield from _read_table(records, list(table.columns), str(path), path.stem, columns)
        return
    content = _decode(path)
    if isinstance(content, _Failure):
        yield content
        return
    if not content.strip():
        yield _Failure(str(path), f"holds only whitespace; {_NO_ROWS}")
        return
    parse = _parse_jsonl if path.suffix.lower() == ".jsonl" else _parse_csv
    names, records, failures = parse(content, str(path))
    yield from failures
    if records or not failures:  # a file of only bad rows is already reported
        yield from _read_table(records, names, str(path), path.stem, columns)


def _parse_jsonl(content: str, label: str) -> tuple[list, list[tuple[int, dict]], list[_Failure]]:
    """(column names, (line number, record) pairs, failures): malformed lines become failures,
    blank lines are skipped. Lines end at ``\n`` only (``str.splitlines`` would also break at
    U+2028, U+0085, ... which JSON strings may hold)."""
    records, failures = [], []
    for number, line in enumerate(content.split("\n"), start=1):
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
    names = list(dict.fromkeys(key for _, record in records for key in record))
    return names, records, failures


def _parse_csv(content: str, label: str) -> tuple[list, list[tuple[int, dict]], list[_Failure]]:
    """(header, (row number, record) pairs, failures): a row with more cells than the header
    is a failure naming the row; missing trailing cells are empty; blank lines are skipped."""
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # an article is one cell, often over the 128 KiB default
    try:
        rows = list(csv.reader(io.StringIO(content, newline="")))
    except csv.Error as error:
        return [], [], [_Failure(label, f"is not a readable CSV file ({_one_line(error)}).")]
    finally:
        csv.field_size_limit(limit)
    rows = [row for row in rows if row]
    header, rows = (rows[0], rows[1:]) if rows else ([], [])
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        names = ", ".join(map(repr, repeated))
        return [], [], [_Failure(label, f"the header names column {names} twice; rename one.")]
    records, failures = [], []
    for number, row in enumerate(rows, start=1):
        if len(row) > len(header):
            failures.append(
                _Failure(
                    f"{label}#row {number}",
                    f"has {len(row)} cells but the header has {len(header)} columns; put "
                    "double quotes around cells that contain commas, or remove the extra cells.",
                )
            )
            continue
        padded = row + [""] * (len(header) - len(row))
        records.append((number, dict(zip(header, padded, strict=True))))
    return header, records, failures


def _read_table(
    records: list[tuple[int, dict]],
    names: list,
    label: str,
    stem: str,
    columns: _Columns,
) -> Iterator[_Article | _Failure]:
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
    used = {columns.text, id_column, *(getattr(columns, key) for key in METADATA_KEYS)}
    extra = [
        name
        for name in names
        if name not in used and not any(_nested(record.get(name)) for _, record in records)
    ]
    for number, record in records:
        path = f"{label}#row {number}"
        yield _read_row(record, path, f"{stem}-{number}", columns, id_column, extra)
    if not records:
        yield _Failure(label, _NO_ROWS)


def _read_row(
    record: dict,
    path: str,
    default_id: str,
    columns: _Columns,
    id_column: str | None,
    extra: list,
) -> _Article | _Failure:
    text = record.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str) or _as_text(text) is None:
            problem = f"the {columns.text!r} cell is empty"
        else:
            problem = f"the {columns.text!r} cell holds {text!r} ({type(text).__name__}), not text"
        return _Failure(path, f"{problem}; fill in the article text or delete the row.")
    article_id = _as_text(record.get(id_column)) if id_column else None
    fields = {key: record.get(getattr(columns, key)) for key in METADATA_KEYS}
    values = {str(name): record.get(name) for name in extra}
    return _article(article_id or default_id, fields, values, _normalise_newlines(text), path)


def _required_columns(columns: _Columns) -> list[str]:
    """The text column, plus every column the caller named explicitly (a typo is an error)."""
    defaults = _Columns()
    named = [
        getattr(columns, key)
        for key in ("id", *METADATA_KEYS)
        if getattr(columns, key) != getattr(defaults, key)
    ]
    return [columns.text, *named]


def _article(
    article_id: str, fields: dict, extra: dict, text: str, path: str
) -> _Article | _Failure:
    """The article's schema record and extra columns from raw metadata ``fields`` (keyed by
    :data:`METADATA_KEYS`) and ``extra`` values; a failure when any of it holds a surrogate."""
    published, published_text = _as_datetime(fields["published"])
    record = {
        "article_id": article_id,
        **{key: None if _nested(fields[key]) else _as_text(fields[key]) for key in _PLAIN_KEYS},
        "published": published,
        "published_text": published_text,
        "topics": _as_topics(fields["topics"]),
        "path": path,
        "text": text,
        "n_words": count_words(text),
    }
    schema = frames.SCHEMAS["articles"]
    columns = {(f"{key}_extra" if key in schema else key): _as_text(v) for key, v in extra.items()}
    for name, value in {**record, **columns}.items():
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:
            return _Failure(path, _surrogate_message(name, value, found.start()))
    return _Article(record, columns)


def _surrogate_message(name: str, value: str, index: int) -> str:
    return (
        f"the {name!r} value holds a lone surrogate U+{ord(value[index]):04X} at character "
        f'{index} (an escape such as "\\ud800" that is half of a UTF-16 pair, not a '
        "character); write the character itself or fix the escape, then reload."
    )


def _nested(value: object) -> bool:
    """Whether a metadata value is a list, mapping or array rather than one scalar."""
    return pd.api.types.is_list_like(value)


def _as_text(value: object) -> str | None:
    """A metadata value as a string; ``None`` when missing or empty; dates in ISO 8601."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        value = value.date()
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text.strip() or None


def _as_topics(value: object) -> str | None:
    """Topics or tags as one string, list items joined by :data:`TOPIC_SEPARATOR`."""
    if _nested(value) and not isinstance(value, dict):
        parts = [_as_text(item) for item in value if not _nested(item)]
        return TOPIC_SEPARATOR.join(part for part in parts if part) or None
    return None if _nested(value) else _as_text(value)


def _as_datetime(value: object) -> tuple[pd.Timestamp, str | None]:
    """``(datetime, the date as given)``: UTC without a zone (a date with an offset is
    converted; one without is taken as UTC); ``NaT`` when it cannot be read or names no
    four-digit year (nothing is guessed from "Tuesday" or "12/03")."""
    text = None if _nested(value) else _as_text(value)
    if text is None:
        return pd.NaT, None
    if isinstance(value, (date, pd.Timestamp)):
        stamp = pd.Timestamp(value)
    elif not _YEAR.search(text):
        return pd.NaT, text
    else:
        try:
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError, OverflowError):
            return pd.NaT, text
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp, text


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
