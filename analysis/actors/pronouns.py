"""Pass 5, pronouns: each person's gender when the text or the first name tells it; he/she,
they/them and it/its by the parse first, then by agreement and salience.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from analysis import nlp
from analysis.actors.names import first_name
from analysis.actors.state import PLURAL_TAGS, SUBJECTS, Mention, Resolver
from analysis.syntax import relative_antecedent

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its"}
ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
SENTENCES_BACK = 6
AGREEMENT_BONUS = 100.0  # salience of a person whose gender is known to match the pronoun
PROMINENCE_BONUS = 20.0  # salience per earlier name mention of the person in the article ...
PROMINENCE_CAP = 10  # ... counting at most this many


def _gender(pronoun: str) -> str | None:
    return "he" if pronoun in MASCULINE else "she" if pronoun in FEMININE else None


def _agrees(pronoun: str, mention: Mention) -> bool:
    if pronoun in MASCULINE | FEMININE:
        known = mention.actor.gender
        return mention.actor.type == "person" and known in (None, _gender(pronoun))
    if pronoun in PLURAL:
        return mention.plural
    return mention.actor.type != "person" and not mention.plural


def _could_be(pronoun: str, token: Token, roles: dict[str, str]) -> bool:
    """A noun that is not an actor but could be the pronoun's antecedent, so blocks the search."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if pronoun in MASCULINE | FEMININE:
        return token.lemma_.lower() in roles
    if pronoun in PLURAL:
        return token.tag_ in PLURAL_TAGS
    return token.tag_ == "NN"


def _arguments(verb: Token) -> Iterator[Token]:
    found = [c for c in verb.children if c.dep_ in ARGUMENTS]
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in found):
        found = [c for c in verb.head.children if c.dep_ in SUBJECTS] + found
    found.sort(key=lambda c: ARGUMENTS.index(c.dep_))
    for argument in found:
        yield relative_antecedent(argument) or argument


_BLOCKED = object()
_PERSONAL = MASCULINE | FEMININE | PLURAL | NEUTER


def _syntactic(pronoun: Token, state: Resolver) -> Mention | object | None:
    """Walk up the parse: a conjoined actor, the noun a relative clause hangs on, or a governing
    clause's subject or object; a non-actor noun that agrees blocks the search."""
    word = pronoun.lower_
    node = pronoun
    is_object = pronoun.tag_ == "PRP" and pronoun.dep_ not in SUBJECTS
    own_clause = True  # until a verb with its own subject: that subject cannot be an object's
    while node.head.i != node.i:
        child, node = node, node.head
        if child.dep_ in {"conj", "relcl"} and (mention := state.mention_at(node)):
            if _agrees(word, mention) and mention.start < pronoun.i:
                return mention
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        for argument in _arguments(node):
            if argument.i >= pronoun.i or _inside(pronoun, argument):
                continue
            if own_clause and is_object and argument.dep_ in SUBJECTS:
                continue
            mention = state.mention_at(argument)
            if mention is not None and _agrees(word, mention):
                return mention
            if mention is None and _could_be(word, argument, state.lex.roles):
                return _BLOCKED
        own_clause = own_clause and not any(c.dep_ in SUBJECTS for c in node.children)
    return None


def _inside(token: Token, phrase: Token) -> bool:
    """``token`` is in ``phrase``'s subtree (walked only when it lies between its edges)."""
    if not phrase.left_edge.i <= token.i <= phrase.right_edge.i:
        return False
    return token in phrase.subtree


def genders(state: Resolver) -> None:
    """Each person's gender, when the text or the name tells it: a gendered noun in a title or
    apposition ("his wife, Anna Kowalczyk", "Mrs Pelosi"), else the first name's usual gender."""
    for mention in state.mentions:
        actor = mention.actor
        if actor.type != "person" or actor.gender is not None:
            continue
        described = (mention.description or "").replace(".", " ").lower().split()
        told = [state.lex.gendered[w] for w in described if w in state.lex.gendered]
        first = actor.name.split()[0] if " " in actor.name else ""
        actor.gender = told[-1] if told else first_name(first, state.lex)


def _weight(token: Token) -> float:
    """How salient a mention is by its place in the clause (after Lappin and Leass): subjects
    over objects over the rest; a mention inside another noun phrase or a prepositional phrase
    counts less than one that is an argument of its verb."""
    weight = 100.0
    if token.dep_ in SUBJECTS:
        weight += 80
    elif token.dep_ in {"dobj", "dative", "attr"}:
        weight += 50
    node = token
    while node.dep_ in {"appos", "conj", "compound", "flat"} and node.head.i != node.i:
        node = node.head
    if node.head.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
        weight += 80 + 50
    elif node.dep_ != "pobj":
        weight += 50
    return weight


def _co_arguments(pronoun: Token) -> set[int]:
    """Heads a non-reflexive object or subject pronoun cannot take: the other arguments of its
    own verb ("his father, Johann, encouraged him": him is not Johann)."""
    if pronoun.dep_ not in {*SUBJECTS, "dobj", "dative"} or pronoun.lower_.endswith("self"):
        return set()
    verb = pronoun.head
    found = set()
    for child in verb.children:
        if child.i != pronoun.i and child.dep_ in {*SUBJECTS, "dobj", "dative"}:
            found.add(child.i)
            found.update(c.i for c in child.children if c.dep_ == "appos")
    return found


def _most_salient(pronoun: Token, state: Resolver) -> Mention | None:
    """He/she without a syntactic antecedent: the agreeing person whose mentions in this and the
    ``SENTENCES_BACK`` sentences before weigh most (:func:`_weight`, halved per sentence back),
    plus ``AGREEMENT_BONUS`` when the person's gender is known to match and
    ``PROMINENCE_BONUS`` per earlier name mention in the article (at most ``PROMINENCE_CAP``).
    The other arguments of the pronoun's own verb are left out (:func:`_co_arguments`)."""
    word = pronoun.lower_
    here = state.sentence_of[pronoun.i]
    excluded = _co_arguments(pronoun)
    scores: dict[str, float] = {}
    latest: dict[str, Mention] = {}
    for mention in state.mentions:
        back = here - state.sentence_of[mention.head]
        if not 0 <= back <= SENTENCES_BACK or mention.head >= pronoun.i:
            continue
        if mention.head in excluded or not _agrees(word, mention):
            continue
        name = mention.actor.name
        scores[name] = scores.get(name, 0.0) + _weight(state.doc[mention.head]) / 2**back
        if name not in latest or latest[name].head < mention.head:
            latest[name] = mention
    if not scores:
        return None
    named = Counter(
        m.actor.name for m in state.mentions if m.how != "pronoun" and m.head < pronoun.i
    )
    for name, mention in latest.items():
        scores[name] += AGREEMENT_BONUS * (mention.actor.gender == _gender(word))
        scores[name] += PROMINENCE_BONUS * min(named[name], PROMINENCE_CAP)
    return latest[max(scores, key=lambda name: (scores[name], latest[name].head))]


def _salient_group(pronoun: Token, state: Resolver) -> Mention | None:
    """They/them/their without a syntactic antecedent: the latest plural mention in the
    sentence, else the last plural subject (else the latest plural mention) of the sentence
    before, in the same paragraph. It/its is resolved only syntactically."""
    word = pronoun.lower_
    if word not in PLURAL:
        return None
    sent = pronoun.sent
    before = [m for m in state.mentions if sent.start <= m.head < pronoun.i and _agrees(word, m)]
    if before:
        return max(before, key=lambda m: m.head)
    if sent.start == 0:
        return None
    previous = state.doc[sent.start - 1].sent
    if "\n" in nlp.text_of(state.doc)[previous.end_char : sent.start_char]:
        return None
    inside = [m for m in state.mentions if previous.start <= m.head < previous.end]
    inside = [m for m in inside if _agrees(word, m)]
    subjects = [m for m in inside if state.doc[m.head].dep_ in SUBJECTS]
    if subjects:
        return subjects[-1]
    return max(inside, key=lambda m: m.head) if inside else None


def _quoted(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks."""
    inside: set[int] = set()
    for start, end in nlp.quotation_spans(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        inside.update(range(span.start, span.end))
    return inside


def personal_pronouns(state: Resolver) -> None:
    """He/his/him, she/her, they/their/them and it/its outside quotation marks: through the parse
    first, then he/she by salience (:func:`_most_salient`), they by recency
    (:func:`_salient_group`); a person bound by the parse learns the pronoun's gender."""
    quoted = _quoted(state.doc)
    for token in state.doc:
        word = token.lower_
        if token.tag_ not in {"PRP", "PRP$"} or word not in _PERSONAL:
            continue
        if token.i in quoted or (word == "it" and token.dep_ not in SUBJECTS):
            continue
        found = _syntactic(token, state)
        if isinstance(found, Mention) and found.actor.type == "person":
            found.actor.gender = found.actor.gender or _gender(word)
        if found is None and word in MASCULINE | FEMININE:
            found = _most_salient(token, state)
        elif found is None:
            found = _salient_group(token, state)
        if isinstance(found, Mention):
            state.add(
                Mention(
                    token.i, token.i + 1, token.i, found.actor, "pronoun", found, None, found.plural
                )
            )
