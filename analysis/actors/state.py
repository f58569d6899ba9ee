"""What the sieve builds for one article: actors, their mentions, and the resolver's state
passed from pass to pass; the parse labels the passes share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Token

from analysis.actors.tables import Lexicons

SUBJECTS = ("nsubj", "nsubjpass")
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "poss"}
PROPER_TAGS = {"NNP", "NNPS"}
PLURAL_TAGS = {"NNS", "NNPS"}


@dataclass
class Actor:
    """A canonical actor as the sieve knows it: from the table, or met in the text."""

    name: str
    type: str
    side: str | None
    role: str | None = None
    gender: str | None = None  # "he" or "she", learnt from pronouns bound by the parse


@dataclass(eq=False)
class Mention:
    """One mention of an actor, in token indices, with how it was resolved and through whom."""

    start: int  # token index
    end: int  # token index, exclusive
    head: int  # token index of the syntactic head
    actor: Actor
    how: str
    antecedent: Mention | None = None
    description: str | None = None
    plural: bool = False


@dataclass
class Resolver:
    """The mentions of one document, built pass by pass."""

    doc: Doc
    cast: dict[str, Actor]
    table: pd.DataFrame
    lex: Lexicons
    mentions: list[Mention] = field(default_factory=list)
    by_head: dict[int, Mention] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)
    sentence_of: list[int] = field(default_factory=list)  # token index -> sentence index
    full_names: list[tuple[list[str], Mention, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for index, sent in enumerate(self.doc.sents):
            self.sentence_of.extend([index] * len(sent))

    def add(self, mention: Mention) -> Mention:
        self.mentions.append(mention)
        self.by_head.setdefault(mention.head, mention)
        self.covered.update(range(mention.start, mention.end))
        return mention

    def actor(self, name: str, actor_type: str, side: str | None) -> Actor:
        if name not in self.cast:
            self.cast[name] = Actor(name, actor_type, side)
        return self.cast[name]

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_head.get(token.i)
