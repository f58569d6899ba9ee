"""Pass 1, names: the actor table's aliases (places used as agents are metonyms), spaCy's
entities the table does not know, variants of full names, bare surnames, names the NER missed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import pandas as pd
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from analysis import nlp
from analysis.actors.state import PROPER_TAGS, SUBJECTS, Mention, Resolver
from analysis.actors.tables import Lexicons

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}
AGENT_DEPS = {"nsubj", "nsubjpass", "poss"}


def _alias_matcher(vocab, table: pd.DataFrame) -> tuple[PhraseMatcher, dict[str, str]]:
    """The matcher of every actor's name and aliases; built once per vocabulary and table."""
    rows = tuple(
        (row.actor, str(row.aliases) if pd.notna(row.aliases) else "")
        for row in table.itertuples(index=False)
    )
    return _built_matcher(vocab, rows)


@lru_cache(maxsize=4)
def _built_matcher(vocab, rows: tuple[tuple[str, str], ...]) -> tuple[PhraseMatcher, dict]:
    tokenizer = nlp.load_model().tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    owner: dict[str, str] = {}
    for actor, aliases in rows:
        names = [actor, *(aliases.split("|") if aliases else [])]
        for alias in dict.fromkeys(a.strip() for a in names if a.strip()):
            owner.setdefault(alias, actor)
            matcher.add(actor, [tokenizer(alias)])
    return matcher, owner


def _is_agent(token: Token) -> bool:
    """A place or building used as an actor: subject, possessor, passive agent, partner."""
    if token.dep_ == "conj":
        return _is_agent(token.head)
    if token.dep_ in AGENT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in {"by", "with"}


def table_names(state: Resolver) -> None:
    """Every name and alias of the actor table, longest first; a place or building used as an
    agent ("Kyiv said", "the Kremlin's actions") is a metonym for its government."""
    matcher, owner = _alias_matcher(state.doc.vocab, state.table)
    spans = [state.doc[start:end] for _, start, end in matcher(state.doc)]
    for span in filter_spans(spans):
        if len(span) == 1 and span[0].tag_ not in PROPER_TAGS and not span[0].ent_type_:
            continue
        actor = state.cast[owner[span.text]]
        how = "name" if span.text == actor.name else "alias"
        metonym = state.lex.metonyms.get(span.text)
        if metonym and _is_agent(span.root):
            how = "metonym"
            actor.side = actor.side or metonym[0]
            actor.role = actor.role or metonym[1]
        state.add(Mention(span.start, span.end, span.root.i, actor, how))


def canonical(text: str) -> str:
    """A name as an actor is called: straight apostrophe, without "'s" and a leading "the"."""
    text = text.replace("’", "'")
    text = text[:-2] if text.endswith("'s") else text
    return text[4:] if text.lower().startswith("the ") else text


def _trimmed(ent: Span) -> Span:
    """The entity without the line breaks the NER sometimes takes in after a title line."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].is_space:
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def first_name(word: str, lex: Lexicons) -> str | None:
    """The gender a first name usually takes; None for other words, and for words that are also
    titles or ranks ("Major", "Prince")."""
    lower = word.lower().rstrip(".")
    if lower in lex.roles or lower in lex.gendered:
        return None
    return lex.first_names.get(_folded(word))


def _folded(word: str) -> str:
    """Lower case without accents ("Antonín" -> "antonin"), as first_names.csv spells names."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _with_first_names(ent: Span, lex: Lexicons) -> Span:
    """A person's name with the first names the NER left outside it ("Joshua" of "Joshua
    Abraham Norton")."""
    start, doc = ent.start, ent.doc
    while start > 0 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].tag_ in PROPER_TAGS:
        if not doc[start - 1].is_title or not first_name(doc[start - 1].text, lex):
            break
        start -= 1
    return Span(doc, start, ent.end, label=ent.label_)


def _looks_personal(ent: Span, lex: Lexicons) -> bool:
    """A two- or three-word proper name that starts with a first name ("Brock Holt") and has no
    word of an organisation's or place's name ("Griffith University"), whatever the NER's label."""
    if ent.label_ not in ENTITY_TYPES or not 2 <= len(ent) <= 3:
        return False
    if not all(t.tag_ in PROPER_TAGS and t.is_title for t in ent):
        return False
    if any(t.text in lex.organisation_words for t in ent):
        return False
    return first_name(ent[0].text, lex) is not None


def _new_entities(state: Resolver) -> Iterator[tuple[Span, str]]:
    """spaCy's named entities that may be actors the table does not know, with their type; a
    name the NER calls a person somewhere in the article is a person everywhere in it."""
    ents = [_trimmed(ent) for ent in state.doc.ents]
    people = {ent.text for ent in ents if ent.label_ == "PERSON" or _looks_personal(ent, state.lex)}
    for ent in ents:
        actor_type = "person" if ent.text in people else ENTITY_TYPES.get(ent.label_)
        ent = _with_first_names(ent, state.lex) if actor_type == "person" else ent
        if actor_type is None or any(t.i in state.covered for t in ent):
            continue
        if ent.text in state.lex.demonyms or not any(t.tag_ in PROPER_TAGS for t in ent):
            continue
        if actor_type == "person" and not all(t.tag_ in PROPER_TAGS for t in ent):
            continue
        yield ent, actor_type


def honorific(token: Token, lex: Lexicons) -> str | None:
    """The gender a title before a name gives ("Mrs", "Mr.", "Sir"), or None."""
    return lex.gendered.get(token.lower_.rstrip(".")) if token.text[:1].isupper() else None


def _name_words(ent: Span, lex: Lexicons) -> list[str]:
    """A person's name without the titles before it and the letters after it ("Miss Chaworth"
    -> ["Chaworth"], "St. Jerome" -> ["Jerome"], "Daniel Bernoulli FRS" -> ["Daniel",
    "Bernoulli"])."""
    words = [t.text for t in ent if t.text not in {"'s", "’s", "'"}]
    while len(words) > 1 and _is_title_word(words[0], lex):
        words = words[1:]
    while len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1:
        words = words[:-1]
    return words or [t.text for t in ent]


def _is_title_word(word: str, lex: Lexicons) -> bool:
    """An honorific, office, rank or title written before a name ("Mrs", "President", "Dr.")."""
    lower = word.lower().rstrip(".")
    return word[:1].isupper() and (lower in lex.gendered or lower in lex.roles)


def _same_person(words: list[str], known: list[str]) -> bool:
    """Two full names of one person: same first and last word ("Otto Jespersen", "Otto Harry
    Jespersen"); "Abraham Norton" is not "Joshua Abraham Norton" (his father)."""
    return words[0] == known[0] and words[-1] == known[-1]


def _unrelated(ent: Span) -> bool:
    """The name stands in a sentence that says "no relation" ("Sadiq Khan (no relation)")."""
    return "no relation" in ent.sent.text.lower()


def _surnames(words: list[str], lex: Lexicons) -> set[str]:
    """The words of a full name that may stand alone for the person: the last, and the one before
    it when that is no first name or initial (the first of two surnames: "Ricardo Rosselló
    Nevares" is "Rosselló")."""
    found = {words[-1]}
    if len(words) >= 3 and "." not in words[-2] and len(words[-2]) > 2:
        if words[-2][:1].isupper() and first_name(words[-2], lex) is None:
            found.add(words[-2])
    return found


def _bare_surname(
    word: str, ent: Span, full_names: list[tuple[list[str], Mention, int]], lex: Lexicons
) -> Mention | None:
    """The person a bare surname stands for, among those named in full before it: the only one
    carrying it; else the one named in this or the previous sentence; else the first one named
    (the article's subject). Whoever is said to be "no relation" is never the referent. A word
    no one carries as a surname may be the first name of exactly one of them ("Daniel")."""
    carriers = [(m, sent) for words, m, sent in full_names if word in _surnames(words, lex)]
    if not carriers:
        firsts = {m.actor.name: m for words, m, _ in full_names if words[0] == word}
        return next(iter(firsts.values())) if len(firsts) == 1 else None
    recent = max(carriers, key=lambda item: item[0].head)
    if len({m.actor.name for m, _ in carriers}) > 1 and recent[1] >= _sentence_before(ent):
        return recent[0]
    return carriers[0][0]


def _sentence_before(ent: Span) -> int:
    """Token index where the sentence before ``ent``'s starts (its own start if it is first)."""
    start = ent.sent.start
    return ent.doc[start - 1].sent.start if start > 0 else start


def _only_carrier(words: list[str], names: dict[int, list[str]]) -> list[str] | None:
    """The full name of the one person in the article whose surname is the bare ``words``."""
    if len(words) != 1:
        return None
    carriers: list[list[str]] = []
    for full in names.values():
        if len(full) > 1 and full[-1] == words[0]:
            if not any(_same_person(full, known) for known in carriers):
                carriers.append(full)
    return carriers[0] if len(carriers) == 1 else None


def entity_names(state: Resolver) -> None:
    """spaCy's entities: a new actor per name; a variant of a full name ("Otto Harry Jespersen",
    "Otto Jespersen") joins it; a bare surname joins a person named in full (see
    :func:`_bare_surname`)."""
    found = list(_new_entities(state))
    words_of = {ent.start: _name_words(ent, state.lex) for ent, kind in found if kind == "person"}
    full_names = state.full_names  # (name words, mention, sentence start), in text order
    for ent, actor_type in found:
        words = words_of.get(ent.start, [canonical(ent.text)] if len(ent) == 1 else None)
        known = None
        if words is not None and len(words) > 1:
            known = next((m for w, m, _ in full_names if _same_person(words, w)), None)
        elif words is not None:
            known = _bare_surname(words[0], ent, full_names, state.lex)
        later = _only_carrier(words, words_of) if known is None and words else None
        if known is not None:
            mention = Mention(ent.start, ent.end, ent.root.i, known.actor, "alias", known)
        elif later is not None:  # a surname in a heading, before the full name
            actor = state.actor(" ".join(later), "person", None)
            mention = Mention(ent.start, ent.end, ent.root.i, actor, "alias")
        else:
            name = " ".join(words) if ent.start in words_of else canonical(ent.text)
            actor = state.actor(name, actor_type, None)
            mention = Mention(ent.start, ent.end, ent.root.i, actor, "name")
        state.add(mention)
        if words is not None and len(words) > 1 and ent.start in words_of and not _unrelated(ent):
            full_names.append((words, mention, ent.sent.start))
        if ent.start in words_of and (gender := honorific(ent[0], state.lex)):
            mention.actor.gender = gender


def unnamed_subjects(state: Resolver) -> None:
    """A one-word proper name the NER never labels but the article makes the subject of a verb
    at least twice ("Byron received his early education", "Marbles uploads a new video") is a
    person, unless the word is also written in lower case or names an office or organisation."""
    doc, lex = state.doc, state.lex
    subjects: dict[str, list[Token]] = {}
    for token in doc:
        if token.dep_ not in SUBJECTS or token.tag_ not in PROPER_TAGS or not token.is_title:
            continue
        if token.ent_type_ or token.i in state.covered:
            continue
        if any(c.dep_ == "compound" for c in token.children) or token.dep_ == "compound":
            continue
        if token.text in lex.organisation_words or token.lower_ in lex.roles:
            continue
        if token.lower_ in lex.gendered or token.text in lex.demonyms:
            continue
        subjects.setdefault(token.text, []).append(token)
    repeated = {word: found for word, found in subjects.items() if len(found) >= 2}
    lower = {t.lower_ for t in doc if t.is_lower} if repeated else set()  # only when needed
    for word, found in repeated.items():
        if found[0].lower_ not in lower:
            actor = state.actor(word, "person", None)
            for token in found:
                state.add(Mention(token.i, token.i + 1, token.i, actor, "name"))


def repeated_names(state: Resolver) -> None:
    """Names the NER missed where it found them elsewhere in the article: a person's full name,
    surname ("Byron received his early education", see :func:`_bare_surname`) or first name
    when no other person shares it, and the names of organisations and places, as written."""
    doc = state.doc
    forms: dict[tuple[str, ...], Mention] = {}
    for mention in state.mentions:
        if mention.how == "name" and (
            mention.actor.type != "person" or mention.end - mention.start == 1
        ):
            forms.setdefault(tuple(t.text for t in doc[mention.start : mention.end]), mention)
    firsts: dict[str, set[str]] = {}
    for words, mention, _ in state.full_names:
        forms.setdefault(tuple(words), mention)
        firsts.setdefault(words[0], set()).add(mention.actor.name)
    surnames = {w for words, _, _ in state.full_names for w in _surnames(words, state.lex)}
    longest = max((len(form) for form in forms), default=0)
    for token in doc:
        if token.i in state.covered or token.tag_ not in PROPER_TAGS or not token.is_title:
            continue
        found = None
        for size in range(min(longest, len(doc) - token.i), 0, -1):
            span = doc[token.i : token.i + size]
            key = tuple(t.text for t in span)
            if key in forms and not state.covered.intersection(range(span.start, span.end)):
                found = (span, forms[key])
                break
        if found is None and token.text in surnames:
            earlier = [item for item in state.full_names if item[1].head < token.i]
            span = doc[token.i : token.i + 1]
            known = _bare_surname(token.text, span, earlier or state.full_names, state.lex)
            found = (doc[token.i : token.i + 1], known) if known else None
        if found is None and len(firsts.get(token.text, ())) == 1 and token.text not in surnames:
            name = next(iter(firsts[token.text]))
            known = next(m for w, m, _ in state.full_names if m.actor.name == name)
            found = (doc[token.i : token.i + 1], known)
        if found is not None:
            span, known = found
            state.add(Mention(span.start, span.end, span[-1].i, known.actor, "alias", known))
