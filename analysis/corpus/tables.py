"""Which rows a table holds: CSV, JSONL and Parquet files and DataFrames, one article per row.

Rows are numbered from 1 and named ``<file>#row <n>`` in ``errors``; a row that cannot be read is
a failure of its own, and the other rows are still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.files import decode
from analysis.corpus.records import (
    METADATA_KEYS,
    ArticleRecord,
    Failure,
    as_text,
    build_article,
    nested,
    normalise_newlines,
    one_line,
)

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
ID_COLUMNS = ("id", "doc_id", "article_id")
_NO_ROWS = "the table has no rows; add one article per row."


@dataclass(frozen=True)
class TableColumns:
    """Column names to read from tables; ``id=None`` means the first of ``ID_COLUMNS`` present."""

    text: str = "text"
    id: str | None = None
    title: str = "title"
    source: str = "source"
    published: str = "published"
    url: str = "url"
    topics: str = "topics"


def read_table_file(path: Path, columns: TableColumns) -> Iterator[ArticleRecord | Failure]:
    """The articles of a ``.parquet``, ``.jsonl`` or ``.csv`` file, and its bad rows as failures."""
    if path.suffix.lower() == ".parquet":
        try:
            table = pd.read_parquet(path)
        except (OSError, ValueError) as error:
            yield Failure(str(path), f"is not a readable Parquet file ({one_line(error)}).")
            return
        records = list(enumerate(table.to_dict("records"), start=1))
        yield from read_table(records, list(table.columns), str(path), path.stem, columns)
        return
    content = decode(path)
    if isinstance(content, Failure):
        yield content
        return
    if not content.strip():
        yield Failure(str(path), f"holds only whitespace; {_NO_ROWS}")
        return
    parse = _parse_jsonl if path.suffix.lower() == ".jsonl" else _parse_csv
    names, records, failures = parse(content, str(path))
    yield from failures
    if records or not failures:  # a file of only bad rows is already reported
        yield from read_table(records, names, str(path), path.stem, columns)


def _parse_jsonl(content: str, label: str) -> tuple[list, list[tuple[int, dict]], list[Failure]]:
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
            failures.append(Failure(f"{label}#row {number}", message))
            continue
        if isinstance(record, dict):
            records.append((number, record))
        else:
            message = 'each line must be one JSON object such as {"id": "...", "text": "..."}.'
            failures.append(Failure(f"{label}#row {number}", message))
    names = list(dict.fromkeys(key for _, record in records for key in record))
    return names, records, failures


def _parse_csv(content: str, label: str) -> tuple[list, list[tuple[int, dict]], list[Failure]]:
    """(header, (row number, record) pairs, failures): a row with more cells than the header
    is a failure naming the row; missing trailing cells are empty; blank lines are skipped."""
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # an article is one cell, often over the 128 KiB default
    try:
        rows = list(csv.reader(io.StringIO(content, newline="")))
    except csv.Error as error:
        return [], [], [Failure(label, f"is not a readable CSV file ({one_line(error)}).")]
    finally:
        csv.field_size_limit(limit)
    rows = [row for row in rows if row]
    header, rows = (rows[0], rows[1:]) if rows else ([], [])
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        names = ", ".join(map(repr, repeated))
        return [], [], [Failure(label, f"the header names column {names} twice; rename one.")]
    records, failures = [], []
    for number, row in enumerate(rows, start=1):
        if len(row) > len(header):
            failures.append(
                Failure(
                    f"{label}#row {number}",
                    f"has {len(row)} cells but the header has {len(header)} columns; put "
                    "double quotes around cells that contain commas, or remove the extra cells.",
                )
            )
            continue
        padded = row + [""] * (len(header) - len(row))
        records.append((number, dict(zip(header, padded, strict=True))))
    return header, records, failures


def read_table(
    records: list[tuple[int, dict]],
    names: list,
    label: str,
    stem: str,
    columns: TableColumns,
) -> Iterator[ArticleRecord | Failure]:
    """Articles from numbered rows of a table whose column names are ``names``."""
    missing = [name for name in _required_columns(columns) if name not in names]
    if missing:
        listed = ", ".join(map(repr, names)) or "none"
        yield Failure(
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
        if name not in used and not any(nested(record.get(name)) for _, record in records)
    ]
    for number, record in records:
        path = f"{label}#row {number}"
        yield _read_row(record, path, f"{stem}-{number}", columns, id_column, extra)
    if not records:
        yield Failure(label, _NO_ROWS)


def _read_row(
    record: dict,
    path: str,
    default_id: str,
    columns: TableColumns,
    id_column: str | None,
    extra: list,
) -> ArticleRecord | Failure:
    text = record.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str) or as_text(text) is None:
            problem = f"the {columns.text!r} cell is empty"
        else:
            problem = f"the {columns.text!r} cell holds {text!r} ({type(text).__name__}), not text"
        return Failure(path, f"{problem}; fill in the article text or delete the row.")
    article_id = as_text(record.get(id_column)) if id_column else None
    fields = {key: record.get(getattr(columns, key)) for key in METADATA_KEYS}
    values = {str(name): record.get(name) for name in extra}
    return build_article(article_id or default_id, fields, values, normalise_newlines(text), path)


def _required_columns(columns: TableColumns) -> list[str]:
    """The text column, plus every column the caller named explicitly (a typo is an error)."""
    defaults = TableColumns()
    named = [
        getattr(columns, key)
        for key in ("id", *METADATA_KEYS)
        if getattr(columns, key) != getattr(defaults, key)
    ]
    return [columns.text, *named]
