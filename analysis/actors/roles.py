"""Pass 4, role nouns: "the president" to the last person holding that role; a capitalised
office or party beside no name ("Madam Speaker") is an actor of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.actors.names import honorific
from analysis.actors.state import PROPER_TAGS, Actor, Mention, Resolver
from analysis.actors.titles import noun_phrase, side_of


def _holds(actor: Actor, office: str, side: str | None, descriptions: dict[str, str]) -> bool:
    role = (descriptions.get(actor.name) or "") + " " + (actor.role or "")
    return office in role.lower() and (side is None or actor.side == side)


def _holder(noun: Token, office: str, state: Resolver) -> Mention | None:
    """The latest mention before ``noun`` of a person known to hold ``office``."""
    side = side_of(noun.lefts, state)
    descriptions = {m.actor.name: m.description for m in state.mentions if m.description}
    earlier = [m for m in state.mentions if m.end <= noun.i and m.actor.type == "person"]
    return next((m for m in reversed(earlier) if _holds(m.actor, office, side, descriptions)), None)


def definite_roles(state: Resolver) -> None:
    """An office noun after "the" ("the president"): the person last mentioned holding it."""
    doc = state.doc
    for noun in doc:
        office = noun.lemma_.lower()
        if state.lex.roles.get(office) != "office" or noun.pos_ != "NOUN":
            continue
        if noun.i in state.covered or not any(c.lower_ == "the" for c in noun.lefts):
            continue
        match = _holder(noun, office, state)
        if match is not None:
            phrase = noun_phrase(noun)
            state.add(Mention(phrase.start, phrase.end, noun.i, match.actor, "role", match))


TITLE_LINKS = {"of", "the", "for", "and", "to", "-"}


def _named_beside(start: int, end: int, state: Resolver) -> Mention | None:
    """The person a title stands beside: named right after it ("Secretary of State Mike
    Pompeo", "Mayor of London Sadiq Khan") or right before it ("Youssef Chahed, the Prime
    Minister of Tunisia")."""
    doc = state.doc
    people = [m for m in state.mentions if m.actor.type == "person" and m.how != "pronoun"]
    after = end
    while after < len(doc) and after - end < 6 and doc[after].sent == doc[start].sent:
        found = next((m for m in people if m.start == after), None)
        if found is not None:
            return found
        if not (doc[after].is_title or doc[after].lower_ in TITLE_LINKS):
            break
        after += 1
    before = start - 1
    while before >= 0 and (
        doc[before].lower_ in {"the", ",", "a", "an"}
        or (doc[before].dep_ in {"amod", "compound"} and doc[before].is_lower)
    ):
        before -= 1
    if before < start - 1 and doc[before + 1].text == ",":
        return next((m for m in people if m.end == before + 1), None)
    return None


def titled_roles(state: Resolver) -> None:
    """A capitalised office or party ("Madam Speaker", "the Chief Justice", "Petitioner"): the
    person known to hold it, else an actor of its own named by the title; an honorific before it
    gives the gender."""
    doc = state.doc
    for noun in doc:
        kind = state.lex.roles.get(noun.lower_)
        if kind not in {"office", "party", "address"} or noun.i in state.covered:
            continue
        if not noun.is_title:
            continue
        if noun.i == noun.sent.start and noun.tag_ not in PROPER_TAGS:
            continue
        start = noun.i
        while start > noun.sent.start and doc[start - 1].is_title:
            if doc[start - 1].dep_ not in {"compound", "amod"}:
                break
            start -= 1
        if start > 0 and honorific(doc[start - 1], state.lex):
            start -= 1
        gender = honorific(doc[start], state.lex) if start < noun.i else None
        words = [t.text for t in doc[start : noun.i] if not honorific(t, state.lex)]
        words.append(noun.text)
        holder = _named_beside(start, noun.i + 1, state) or _holder(noun, noun.lower_, state)
        actor = holder.actor if holder else state.actor(" ".join(words), "person", None)
        actor.gender = actor.gender or gender
        state.add(Mention(start, noun.i + 1, noun.i, actor, "role", holder))
