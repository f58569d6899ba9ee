"""Pass 6, counterparts: "his Ukrainian counterpart" is the holder of the possessor's office in
the other country (named, or the other country of the sentence).
"""

from __future__ import annotations

import re

import pandas as pd
from spacy.tokens import Token

from analysis.actors.state import Actor, Mention, Resolver
from analysis.actors.titles import noun_phrase
from analysis.lexicons import words

#: A role that leads a country: one of ``data/lexicons/leading_offices.csv``, then a word break.
_LEADING_OFFICES = "({})\\b"


def _other_country(noun: Token, owner: Actor, state: Resolver) -> str | None:
    for child in noun.lefts:
        if child.text in state.lex.demonyms:
            return state.lex.demonyms[child.text][0]
    places = [
        m
        for m in state.mentions
        if m.actor.type == "place"
        and m.actor.role == "country"
        and m.head < noun.i
        and m.actor.side != owner.side
        and noun.sent.start <= m.head
    ]
    return places[-1].actor.name if places else None


def _office_holder(owner: Actor, country: str, table: pd.DataFrame) -> str | None:
    def norm(text: str) -> str:
        return re.sub(r"\bthe\s+", "", text.lower()).strip()

    office = norm(owner.role or "").split(" of ")[0]
    leading = sorted(words("leading_offices.csv", "office"))
    people = table[table["type"] == "person"].dropna(subset=["role"])
    roles = people["role"].map(norm)
    exact = people[roles == f"{office} of {norm(country)}"]
    leaders = people[
        roles.str.endswith(f" of {norm(country)}")
        & roles.str.match(_LEADING_OFFICES.format("|".join(map(re.escape, leading))))
    ]
    found = exact if not exact.empty else leaders
    return None if found.empty else str(found["actor"].iloc[0])


def counterpart_roles(state: Resolver) -> None:
    """A relation noun with a person as possessor ("his Ukrainian counterpart"): the person
    holding the possessor's office in the other country, when the actor table names one."""
    for noun in state.doc:
        if state.lex.roles.get(noun.lemma_.lower()) != "relation" or noun.i in state.covered:
            continue
        owner = next((state.mention_at(c) for c in noun.lefts if c.dep_ == "poss"), None)
        if owner is None or owner.actor.type != "person":
            continue
        country = _other_country(noun, owner.actor, state)
        holder = _office_holder(owner.actor, country, state.table) if country else None
        if holder is not None:
            phrase = noun_phrase(noun)
            state.add(Mention(phrase.start, phrase.end, noun.i, state.cast[holder], "role", owner))
