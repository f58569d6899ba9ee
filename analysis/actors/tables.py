"""Which actors and words the resolver knows: the actor table a researcher edits
(``data/actors.csv``) and the lexicons of ``data/lexicons/``, each read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.lexicons import LexiconError, lexicon, read_rows

TABLE_COLUMNS = ("actor", "aliases", "type", "side", "role")
ACTOR_TYPES = ("person", "organisation", "government", "country", "place", "group")


class ActorTableError(LexiconError):
    """Raised when the actor table cannot be read; says file and row."""


def load_actor_table(path: Path = config.ACTORS_TABLE) -> pd.DataFrame:
    """Read the actor table a researcher edits (``data/actors.csv``).

    The file is read once per version (its modification time and size), so a run reads it once
    and an edit is seen on the next call.

    Args:
        path: a CSV with columns actor, aliases (``|``-separated), type, side, role; comment lines
            starting with ``#`` may precede the header.

    Returns:
        One row per actor, empty strings as ``<NA>``, aliases as written (a copy: the caller may
        change it).

    Raises:
        ActorTableError: the file is missing or malformed; the message names the file, the line
            and what to fix (unknown type, empty or duplicate actor, wrong number of fields).
    """
    try:
        stat = Path(path).stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None  # read_rows says what is wrong
    return _read_actor_table(Path(path), version).copy()


@lru_cache(maxsize=8)
def _read_actor_table(path: Path, version: tuple[int, int] | None) -> pd.DataFrame:
    records = []
    seen: dict[str, int] = {}
    try:
        rows = read_rows(path, TABLE_COLUMNS)
    except LexiconError as error:
        raise ActorTableError(str(error)) from error
    for line, row in rows:
        where = f"{path}, line {line}"
        if not row["actor"]:
            raise ActorTableError(f"{where}: the actor column is empty")
        if row["type"] not in ACTOR_TYPES:
            raise ActorTableError(
                f"{where}: type {row['type']!r} of {row['actor']!r} is not one of {ACTOR_TYPES}"
            )
        if row["actor"] in seen:
            raise ActorTableError(
                f"{where}: actor {row['actor']!r} is already defined on line {seen[row['actor']]}"
            )
        seen[row["actor"]] = line
        records.append({col: row[col] or None for col in TABLE_COLUMNS})
    return pd.DataFrame(records, columns=list(TABLE_COLUMNS)).astype("string")


@dataclass(frozen=True)
class Lexicons:
    """The actor lexicons of ``data/lexicons/``, as the passes look words up in them."""

    demonyms: dict[str, tuple[str, str]]  # form -> (country, side)
    metonyms: dict[str, tuple[str, str]]  # surface -> (side, stands for)
    roles: dict[str, str]  # lemma -> office | rank | relation
    groups: frozenset[str]
    gendered: dict[str, str]  # honorific or noun -> he | she
    first_names: dict[str, str]  # lower-cased, accents folded -> he | she
    organisation_words: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """The actor lexicons, read once.

    Raises:
        LexiconError: a lexicon is missing or malformed (file and line named).
    """
    demonyms = lexicon("demonyms.csv", "demonym", "country", "side")
    metonyms = lexicon("metonyms.csv", "surface", "side", "stands_for")
    roles = lexicon("role_nouns.csv", "noun", "kind")
    groups = lexicon("group_nouns.csv", "noun")
    gendered = lexicon("gendered_nouns.csv", "noun", "gender")
    first_names = lexicon("first_names.csv", "name", "gender")
    organisation_words = lexicon("organisation_words.csv", "word")
    return Lexicons(
        demonyms={row["demonym"]: (row["country"], row["side"]) for row in demonyms},
        metonyms={row["surface"]: (row["side"], row["stands_for"]) for row in metonyms},
        roles={row["noun"].lower(): row["kind"] for row in roles},
        groups=frozenset(row["noun"].lower() for row in groups),
        gendered={row["noun"].lower(): row["gender"] for row in gendered},
        first_names={row["name"]: row["gender"] for row in first_names},
        organisation_words=frozenset(row["word"] for row in organisation_words),
    )
