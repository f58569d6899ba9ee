"""Pass 3, groups: "Ukrainian officials", "Russia's security services", "Officials in the
Kyiv region", and bare "officials", whose side comes from the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis.actors.names import canonical
from analysis.actors.state import MODIFIER_DEPS, PLURAL_TAGS, Mention, Resolver
from analysis.actors.titles import side_of


def _sentence_side(sent: Span, state: Resolver) -> str | None:
    """Side of a bare group: the one side its sentence names, else where the event happened."""
    sides = {side for token in sent if (side := side_of([token], state))}
    if len(sides) == 1:
        return sides.pop()
    places = [t for t in sent if t.dep_ == "pobj" and t.head.lower_ == "in"]
    return next((side for t in reversed(places) if (side := side_of([t], state))), None)


def _group_extent(noun: Token, state: Resolver) -> tuple[int, int, str | None] | None:
    """``(start, end, side)`` of a qualified group noun, or None when a possessor rules it out."""
    start, end, side = noun.i, noun.i + 1, None
    for child in noun.lefts:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue
        child_side = side_of(child.subtree, state)
        if child.dep_ == "poss" and child_side is None:
            return None
        side = side or child_side
        start = min(start, child.left_edge.i)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "from", "of"}:
            child_side = side_of(child.subtree, state)
            if child_side:
                side, end = side or child_side, child.right_edge.i + 1
    return start, end, side


def group_nouns(state: Resolver) -> None:
    """Group nouns as actors: qualified ("Ukrainian officials", "Officials in the Kyiv region")
    with the side their words declare; bare plural ones ("officials") with the sentence's side."""
    doc = state.doc
    for noun in doc:
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in state.lex.groups:
            continue
        if noun.i in state.covered or noun.dep_ == "compound":
            continue
        extent = _group_extent(noun, state)
        if extent is None:
            continue
        start, end, side = extent
        plural = noun.tag_ in PLURAL_TAGS
        name = canonical(doc[start:end].text)
        if start == noun.i and end == noun.i + 1:
            if not plural:
                continue
            side = _sentence_side(noun.sent, state)
            name = f"{_demonym(side, state)} {noun.lower_}" if side else noun.lower_
        actor = state.actor(name, "group", side)
        state.add(Mention(start, end, noun.i, actor, "name", plural=plural))


def _demonym(side: str, state: Resolver) -> str:
    return next((form for form, (_, s) in state.lex.demonyms.items() if s == side), side)
