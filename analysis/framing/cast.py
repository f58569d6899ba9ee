"""Who a noun phrase stands for, read from the actors layer's mentions of one article.

:class:`Cast` looks the mentions up by head token and by actor name; :meth:`Cast.credit` gives
the :class:`Credit` of a noun phrase (a mention headed by it, a demonym, or the mention or demonym
of a modifier); :func:`most_common_side` is the side an actor is given most often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Token

from analysis import actors, frames
from analysis.framing.roles import agents_of

_MODIFIERS = ("amod", "compound", "nmod", "npadvmod", "poss")


@dataclass(frozen=True)
class Credit:
    """Who a noun phrase stands for, the characters that say so, and how it was credited."""

    actor: str
    side: str | None
    start: int
    end: int
    via: str
    state_voice: bool = False


class Cast:
    """The actors layer's mentions of one article, looked up by token and by actor name."""

    def __init__(self, doc: Doc, mentions: pd.DataFrame | list[dict]) -> None:
        named = [m for m in frames.records(mentions) if m["actor"] is not None]
        self.by_head: dict[int, list[dict]] = {}
        for mention in named:
            head = _head(doc, mention["start"], mention["end"])
            self.by_head.setdefault(head, []).append(mention)
        self.sides = side_by_actor((m["actor"], m["side"]) for m in named)

    def side_of(self, actor: str | None) -> str | None:
        """The side the mentions give ``actor``, else ``None``."""
        side = self.sides.get(actor) if actor is not None else None
        return None if side is None or pd.isna(side) else str(side)

    def credit(self, token: Token) -> Credit | None:
        """The actor a noun phrase headed by ``token`` stands for: a mention headed by it or a
        demonym ("Russians"), else the mention or demonym of a modifier ("Russian drones" →
        Russia), else ``None``. A mention stands only for its head: "Russian" in "the
        Russian-installed mayor" is Russia, not the mayor."""
        end = token.idx + len(token)
        modifiers = [c for c in token.lefts if c.dep_ in _MODIFIERS]
        for word in (token, *modifiers):
            mention = self._mention(word)
            if mention is not None and word == token:
                return self._credit(mention, int(mention["start"]), int(mention["end"]), "mention")
            via = "possessive" if word.dep_ == "poss" else "demonym"
            if mention is not None:
                return self._credit(mention, word.idx, end, via)
            country = actors.demonym(word.text)
            if country is not None:
                return Credit(country[0], country[1], word.idx, end, "demonym")
        return None

    def agents(self, verb: Token) -> list[Credit]:
        """The actors among the agents of ``verb`` (:func:`~analysis.framing.roles.agents_of`)."""
        credits = (self.credit(token) for token in agents_of(verb))
        return [credit for credit in credits if credit is not None]

    def _mention(self, token: Token) -> dict | None:
        headed = self.by_head.get(token.i, [])
        spans = [(int(m["start"]), int(m["end"]), m["actor_type"]) for m in headed]
        best = actors.best_overlap(spans, token.idx, token.idx + len(token))
        return None if best is None else headed[best]

    def _credit(self, mention: dict, start: int, end: int, via: str) -> Credit:
        actor = str(mention["actor"])
        state_voice = via == "mention" and _is_state_voice(mention)
        return Credit(actor, self.side_of(actor), start, end, via, state_voice)


def _head(doc: Doc, start: int, end: int) -> int:
    return doc.char_span(start, end, alignment_mode="expand").root.i


def _is_state_voice(mention: dict) -> bool:
    """A country, a government or a seat of power speaking (its word is the official line)."""
    values = {name: mention.get(name) for name in ("actor_type", "how", "actor", "side")}
    values = {name: None if pd.isna(value) else value for name, value in values.items()}
    return (
        values["actor_type"] in ("country", "government")
        or values["how"] == "metonym"
        or (values["side"] is not None and values["actor"] == values["side"])
    )


def most_common_side(frame: pd.DataFrame) -> pd.Series:
    """Each actor's most frequent side (ties: the side seen first); <NA> when none is known.

    Args:
        frame: any frame with ``actor`` and ``side`` columns (mentions, agency; one or many
            articles).

    Returns:
        The side, indexed by actor, in order of first appearance.
    """
    sides = side_by_actor(zip(frame["actor"], frame["side"], strict=True))
    return pd.Series(sides, dtype="string", name="side").rename_axis("actor")


def side_by_actor(pairs: Iterable[tuple[object, object]]) -> dict[str, str | None]:
    """The one rule for an actor's side: the side its ``(actor, side)`` pairs give most often
    (ties: the side seen first), None when none gives one; actors in order of first appearance,
    missing actors skipped."""
    counts: dict[str, Counter] = {}
    for actor, side in pairs:
        if actor is None or pd.isna(actor):
            continue
        seen = counts.setdefault(actor, Counter())
        if side is not None and not pd.isna(side):
            seen[side] += 1
    return {
        actor: max(seen, key=seen.__getitem__) if seen else None for actor, seen in counts.items()
    }
