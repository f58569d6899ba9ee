"""The mentions frame of one article, and lookups over mentions frames: :func:`find_mentions`
runs the passes in order; :func:`actor_at`, :func:`demonym`, :func:`resolution_table`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from spacy.tokens import Doc

from analysis import frames
from analysis.actors.counterparts import counterpart_roles
from analysis.actors.groups import group_nouns
from analysis.actors.names import entity_names, repeated_names, table_names, unnamed_subjects
from analysis.actors.pronouns import genders, personal_pronouns
from analysis.actors.roles import definite_roles, titled_roles
from analysis.actors.state import Actor, Resolver
from analysis.actors.tables import load_actor_table, load_lexicons
from analysis.actors.titles import titles_and_appositions


def _cast(table: pd.DataFrame) -> dict[str, Actor]:
    return {
        row.actor: Actor(
            row.actor,
            row.type,
            None if pd.isna(row.side) else row.side,
            None if pd.isna(row.role) else row.role,
        )
        for row in table.itertuples(index=False)
    }


def _rows(state: Resolver, article_id: str) -> list[dict]:
    doc = state.doc
    sent_starts = {sent.start: index for index, sent in enumerate(doc.sents)}
    ordered = sorted(state.mentions, key=lambda m: (m.start, -m.end, m.head))
    ids = {id(m): index for index, m in enumerate(ordered)}
    rows = []
    for index, mention in enumerate(ordered):
        span = doc[mention.start : mention.end]
        rows.append(
            {
                "article_id": article_id,
                "mention_id": index,
                "sent_id": sent_starts[span.sent.start],
                "start": span.start_char,
                "end": span.end_char,
                "text": span.text,
                "actor": mention.actor.name,
                "actor_type": mention.actor.type,
                "side": mention.actor.side,
                "how": mention.how,
                "antecedent_id": ids.get(id(mention.antecedent)),
                "description": mention.description,
            }
        )
    return rows


def find_mentions(doc: Doc, article_id: str, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention of an actor in one parsed article, resolved to a canonical actor.

    The ``mentions`` frame of :func:`mention_rows`.
    """
    return frames.conform("mentions", mention_rows(doc, article_id, table=table))


def mention_rows(doc: Doc, article_id: str, *, table: pd.DataFrame | None = None) -> list[dict]:
    """Every mention of an actor in one parsed article, resolved to a canonical actor, as the
    records of the ``mentions`` frame (what the later layers read).

    Args:
        doc: the article parsed by :func:`analysis.nlp.parse`.
        article_id: the article's id, copied into every row.
        table: the actor table; :func:`load_actor_table` of ``data/actors.csv`` when omitted.

    Returns:
        ``mentions`` records (see ``frames.SCHEMAS``; no tone yet), in text order; ``text`` is
        ``doc.text[start:end]``; ``antecedent_id`` names the mention a pronoun, role noun or
        description was resolved through.
    """
    table = load_actor_table() if table is None else table
    state = Resolver(doc, _cast(table), table, load_lexicons())
    for sieve in (
        table_names,
        entity_names,
        repeated_names,
        unnamed_subjects,
        titles_and_appositions,
        group_nouns,
        definite_roles,
        titled_roles,
        genders,
        personal_pronouns,
        counterpart_roles,
    ):
        sieve(state)
    return _rows(state, article_id)


def actor_at(mentions: pd.DataFrame | list[dict], start: int, end: int) -> pd.Series | dict | None:
    """The mention that best stands for the character span ``[start, end)``.

    Used to resolve a quote's speaker span ("he", "Putin", "The Kremlin", "officials") to a
    canonical actor. Pass one article's mentions, as a frame or as records. The choice is
    :func:`best_overlap`'s.

    Returns:
        A row of ``mentions`` (a record when given records), or None when no mention overlaps.
    """
    if isinstance(mentions, pd.DataFrame):
        spans = list(zip(mentions["start"], mentions["end"], mentions["actor_type"], strict=True))
        best = best_overlap(spans, start, end)
        return None if best is None else mentions.iloc[best]
    best = best_overlap([(m["start"], m["end"], m["actor_type"]) for m in mentions], start, end)
    return None if best is None else mentions[best]


def best_overlap(spans: Sequence[tuple[int, int, object]], start: int, end: int) -> int | None:
    """Which of some mentions ``(start, end, actor_type)`` best stands for ``[start, end)``: an
    exact match wins; otherwise among the overlapping ones, persons first, then the earliest,
    then the longest. Returns its index in ``spans``, or None when none overlaps."""
    overlapping = [i for i, (s, e, _type) in enumerate(spans) if s < end and e > start]
    exact = [i for i in overlapping if spans[i][0] == start and spans[i][1] == end]
    if exact:
        return exact[0]
    return min(
        overlapping,
        key=lambda i: (
            spans[i][2] != "person",
            spans[i][0] < start,
            spans[i][0],
            spans[i][0] - spans[i][1],  # the longest first
        ),
        default=None,
    )


def demonym(word: str) -> tuple[str, str] | None:
    """The country and side a demonym or adjective of place names, as the actors layer reads it.

    Args:
        word: the word as written (case-sensitive), e.g. ``"Russian"`` in "Russian drones".

    Returns:
        ``(country, side)`` from ``data/lexicons/demonyms.csv``, or None when ``word`` is not one.
    """
    return load_lexicons().demonyms.get(word)


def resolution_table(mentions: pd.DataFrame, actor: str) -> pd.DataFrame:
    """Every mention of ``actor`` with how it was resolved, and the mention it was resolved
    through (``resolved_through``: that antecedent's text), for auditing the resolver.

    Args:
        mentions: a ``mentions`` frame (one or many articles).
        actor: the canonical actor name.
    """
    own = mentions[mentions["actor"] == actor]
    antecedents = mentions.set_index(["article_id", "mention_id"])["text"]
    keys = list(zip(own["article_id"], own["antecedent_id"], strict=True))
    through = [antecedents.get(key) if pd.notna(key[1]) else pd.NA for key in keys]
    columns = ["article_id", "sent_id", "start", "end", "text", "how", "antecedent_id"]
    return (
        own[columns]
        .assign(resolved_through=pd.array(through, dtype="string"))
        .reset_index(drop=True)
    )
