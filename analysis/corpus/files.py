"""Which files a path holds, and what a text file says.

Folders are walked in sorted order (hidden entries skipped); dangling links, link loops and
special files are refused, never opened; bytes are decoded as UTF-8 and YAML front matter is split
from the article text.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import yaml

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

TEXT_SUFFIXES = (".txt", ".md")
#: Front-matter keys read as ``topics`` when there is no ``topics`` key.
TOPIC_ALIASES = ("tags",)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_OPENING_DELIMITER = re.compile(r"\A---[ \t]*\r?\n")


def not_a_file(path: Path) -> str | None:
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


def read_folder(folder: Path) -> Iterator[ArticleRecord | Failure]:
    """Every ``.txt``/``.md`` file under ``folder`` read in path order, or why it was not."""
    entries = sorted(_walk(folder, frozenset()), key=lambda entry: entry[0])
    if not entries:
        yield Failure(str(folder), "the folder holds no .txt or .md files; nothing to read.")
    for path, problem in entries:
        yield read_text_file(path) if problem is None else Failure(str(path), problem)


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
        problem = not_a_file(path)
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


def read_text_file(path: Path) -> ArticleRecord | Failure:
    """One ``.txt``/``.md`` article: front-matter metadata (id, the :data:`METADATA_KEYS`, tags
    as topics, other scalar keys as extra columns) and the text after it."""
    content = decode(path)
    if isinstance(content, Failure):
        return content
    metadata, text = _split_front_matter(content)
    if isinstance(metadata, str):
        return Failure(str(path), metadata)
    if not text.strip():
        where = "nothing after the front matter" if metadata else "only whitespace"
        return Failure(str(path), f"the article text is empty ({where}); add the article body.")
    fields = {key: metadata.get(key) for key in METADATA_KEYS}
    if fields["topics"] is None:
        fields["topics"] = next((metadata[k] for k in TOPIC_ALIASES if k in metadata), None)
    used = {"id", *METADATA_KEYS, *TOPIC_ALIASES}
    extra = {key: value for key, value in metadata.items() if key not in used and not nested(value)}
    return build_article(as_text(metadata.get("id")) or path.stem, fields, extra, text, str(path))


def decode(path: Path) -> str | Failure:
    """The file's text (lone CRs made LFs), or why it is not a non-empty UTF-8 text file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Failure(str(path), f"cannot be read ({error.strerror}); check its permissions.")
    if not data:
        return Failure(str(path), "the file is empty (0 bytes); add the article text.")
    if b"\0" in data:
        return Failure(
            str(path),
            f"contains a NUL byte at byte offset {data.index(0)}: it is binary (or UTF-16), not "
            "text; export the article as plain text saved as UTF-8.",
        )
    try:
        return normalise_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Failure(
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
    return {str(key): value for key, value in metadata.items()}, content[match.end() :]


def _yaml_problem(error: yaml.YAMLError) -> str:
    """The YAML parser's complaint, with line numbers counted in the whole file."""
    parts = []
    for what, mark in (("context", "context_mark"), ("problem", "problem_mark")):
        text, where = getattr(error, what, None), getattr(error, mark, None)
        if text and where:
            parts.append(f"{text} on line {where.line + 2}")  # from 1, after the '---' line
    return ", ".join(parts) or one_line(error)
