"""Which actors and words the resolver knows: the actor table a researcher edits
(``data/actors.csv``) and the lexicons of ``data/lexicons/``, each read once.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import config

TABLE_COLUMNS = ("actor", "aliases", "type", "side", "role")
ACTOR_TYPES = ("person", "organisation", "government", "country", "place", "group")


class ActorTableError(ValueError):
    """Raised when the actor table (or an actor lexicon) cannot be read; says file and row."""


def csv_rows(path: Path, columns: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each data row of a CSV with leading ``#`` comment lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ActorTableError(f"{path}: cannot be read ({error.strerror})") from error
    first = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    reader = csv.DictReader(lines[first:])
    missing = [col for col in columns if col not in (reader.fieldnames or [])]
    if missing:
        raise ActorTableError(
            f"{path}, line {first + 1}: header lacks columns {missing}; expected {list(columns)}"
        )
    rows = []
    for offset, row in enumerate(reader, start=first + 2):
        if None in row or None in row.values():
            raise ActorTableError(
                f"{path}, line {offset}: expected {len(reader.fieldnames or [])} fields, "
                f"found another number; quote fields that contain commas"
            )
        rows.append((offset, {key: value.strip() for key, value in row.items()}))
    return rows


def load_actor_table(path: Path = config.ACTORS_TABLE) -> pd.DataFrame:
    """Read the actor table a researcher edits (``data/actors.csv``).

    Args:
        path: a CSV with columns actor, aliases (``|``-separated), type, side, role; comment lines
            starting with ``#`` may precede the header.

    Returns:
        One row per actor, empty strings as ``<NA>``, aliases as written.

    Raises:
        ActorTableError: the file is missing or malformed; the message names the file, the line
            and what to fix (unknown type, empty or duplicate actor, wrong number of fields).
    """
    records = []
    seen: dict[str, int] = {}
    for line, row in csv_rows(Path(path), TABLE_COLUMNS):
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
        ActorTableError: a lexicon is missing or malformed (file and line named).
    """
    lexicons = config.LEXICONS_DIR
    demonyms = csv_rows(lexicons / "demonyms.csv", ("demonym", "country", "side"))
    metonyms = csv_rows(lexicons / "metonyms.csv", ("surface", "side", "stands_for"))
    roles = csv_rows(lexicons / "role_nouns.csv", ("noun", "kind"))
    groups = csv_rows(lexicons / "group_nouns.csv", ("noun",))
    gendered = csv_rows(lexicons / "gendered_nouns.csv", ("noun", "gender"))
    first_names = csv_rows(lexicons / "first_names.csv", ("name", "gender"))
    organisation_words = csv_rows(lexicons / "organisation_words.csv", ("word",))
    return Lexicons(
        demonyms={row["demonym"]: (row["country"], row["side"]) for _, row in demonyms},
        metonyms={row["surface"]: (row["side"], row["stands_for"]) for _, row in metonyms},
        roles={row["noun"].lower(): row["kind"] for _, row in roles},
        groups=frozenset(row["noun"].lower() for _, row in groups),
        gendered={row["noun"].lower(): row["gender"] for _, row in gendered},
        first_names={row["name"]: row["gender"] for _, row in first_names},
        organisation_words=frozenset(row["word"] for _, row in organisation_words),
    )
