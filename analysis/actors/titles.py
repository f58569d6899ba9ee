"""Pass 2, titles and appositions: "Russian President Vladimir Putin", "Alexei Kulemzin, the
Russian-installed mayor of ..."; and the side a span of words declares.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from analysis.actors.state import MODIFIER_DEPS, Mention, Resolver


def side_of(tokens: Iterable[Token], state: Resolver) -> str | None:
    """The first side a span declares: a demonym, or a mention of an actor with a side."""
    for token in tokens:
        if token.text in state.lex.demonyms:
            return state.lex.demonyms[token.text][1]
        mention = state.mention_at(token)
        if mention is not None and mention.actor.side and mention.actor.type != "person":
            return mention.actor.side
    return None


def _title_start(doc: Doc, mention: Mention, roles: dict[str, str]) -> int:
    """First token of a title before a name ("U.S. State Department spokesperson Ned Price")."""
    members = set(range(mention.start, mention.end))
    start = mention.start
    while start > 0:
        token = doc[start - 1]
        if token.dep_ not in MODIFIER_DEPS - {"poss"} or token.head.i not in members:
            break
        members.add(token.i)
        start -= 1
    titles = [t for t in doc[start : mention.start] if t.lemma_.lower() in roles]
    return start if titles else mention.start


def noun_phrase(token: Token, *, stop: Token | None = None) -> Span:
    """The phrase a noun heads, without trailing punctuation and without ``stop``'s subtree."""
    excluded = {t.i for t in stop.subtree} if stop is not None else set()
    indices = [t.i for t in token.subtree if t.i not in excluded]
    start, end = min(indices), max(indices)
    if stop is not None:
        end = min(end, stop.left_edge.i - 1)
    doc = token.doc
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def _negated(noun: Token) -> bool:
    """An apposition that denies ("Sadiq Khan (no relation)"), so describes nobody."""
    return any(child.lower_ == "no" for child in noun.lefts)


def _describe(state: Resolver, name: Mention, phrase: Span) -> None:
    text = phrase.text[4:] if phrase[0].lower_ == "the" else phrase.text
    state.add(Mention(phrase.start, phrase.end, phrase.root.i, name.actor, "role", name, text))
    name.actor.side = name.actor.side or side_of(phrase, state)


def titles_and_appositions(state: Resolver) -> None:
    """A title before a person's name ("U.S. State Department spokesperson Ned Price") becomes
    part of the mention and its description; an apposition ("Alexei Kulemzin, the
    Russian-installed mayor of ...") a role mention of the person."""
    doc = state.doc
    for mention in [m for m in state.mentions if m.actor.type == "person"]:
        start = _title_start(doc, mention, state.lex.roles)
        if start < mention.start:
            mention.description = doc[start : mention.start].text
            mention.start, mention.how = start, "title"
            state.covered.update(range(start, mention.end))
            mention.actor.side = mention.actor.side or side_of(doc[start : mention.end], state)
        head = doc[mention.head]
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and not _negated(child):
                _describe(state, mention, noun_phrase(child))
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i:
            _describe(state, mention, noun_phrase(head.head, stop=head))
