"""Who is who: canonical actors from names, aliases, titles, roles, pronouns and metonyms.

"Russian President Vladimir Putin", "Putin", "he" and "his" are one person; "the Kremlin" and
"Moscow" speak for the Russian government; "his Ukrainian counterpart" is Zelenskiy. No
coreference model installs offline, so resolution is a deterministic sieve over spaCy's parse,
in the spirit of the Stanford multi-pass resolver, each pass more permissive than the last:

1. names: every alias in ``data/actors.csv`` (longest match first), then spaCy's PERSON, ORG,
   GPE and LOC entities for actors the table does not know; a two- or three-word name that starts
   with a first name is a person whatever the NER's label ("Brock Holt" as ORG). Variants of a
   full name join it ("Otto Harry Jespersen", "Otto Jespersen"); a bare surname joins the only
   person carrying it, else the one named in this or the previous sentence, else the first
   named, and never one said to be "no relation". Names the NER found once are found wherever
   else they are written. Places used as agents ("Kyiv said", "the Kremlin's actions") are
   metonyms for a government;
2. titles and appositions: "Russian President Vladimir Putin", "Alexei Kulemzin, the
   Russian-installed mayor of ...", "the commander of ..., Lieutenant General Serhiy Nayev";
3. groups: "Ukrainian officials", "Russia's security services", "Officials in the Kyiv region",
   and bare "officials", whose side comes from the sentence;
4. role nouns: "the president" to the last person holding that role; a capitalised office or
   party beside no name ("Madam Speaker", "the Petitioner") is an actor of its own;
5. pronouns (he/his/him, she/her, they/their/them, it/its) by agreement and salience: the subject
   or object of a governing clause first; then, for he/she, the person whose mentions in this and
   the six sentences before weigh most (Lappin and Leass's weights, halved per sentence back,
   plus the person's prominence in the article), who must agree in gender when it is known from
   an honorific, a gendered noun ("his wife") or the first name; for they/them/their, recency
   in the sentence, then the subject of the sentence before in the same paragraph; it/its only
   through the parse. Pronouns inside quotation marks are left alone;
6. counterparts: "his Ukrainian counterpart" is the holder of the possessor's office in the other
   country (named, or the other country of the sentence).

The lexicons (role nouns, group nouns, metonyms, demonyms, gendered nouns, organisation words and
first names, the last from the MIT-licensed ``nomquamgender`` data) are CSV files in
``data/lexicons/``. ``benchmarks/actors.py`` measures the resolver on coreference gold.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from analysis import config, frames, nlp

TABLE_COLUMNS = ("actor", "aliases", "type", "side", "role")
ACTOR_TYPES = ("person", "organisation", "government", "country", "place", "group")
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its"}
SUBJECTS = ("nsubj", "nsubjpass")
ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
AGENT_DEPS = {"nsubj", "nsubjpass", "poss"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "poss"}
PROPER_TAGS = {"NNP", "NNPS"}
PLURAL_TAGS = {"NNS", "NNPS"}
SENTENCES_BACK = 6
AGREEMENT_BONUS = 100.0  # salience of a person whose gender is known to match the pronoun
PROMINENCE_BONUS = 20.0  # salience per earlier name mention of the person in the article ...
PROMINENCE_CAP = 10  # ... counting at most this many


class ActorTableError(ValueError):
    """Raised when the actor table (or an actor lexicon) cannot be read; says file and row."""


# --------------------------------------------------------------------------- tables and lexicons


def _csv_rows(path: Path, columns: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
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
    for line, row in _csv_rows(Path(path), TABLE_COLUMNS):
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
class _Lexicons:
    demonyms: dict[str, tuple[str, str]]  # form -> (country, side)
    metonyms: dict[str, tuple[str, str]]  # surface -> (side, stands for)
    roles: dict[str, str]  # lemma -> office | rank | relation
    groups: frozenset[str]
    gendered: dict[str, str]  # honorific or noun -> he | she
    first_names: dict[str, str]  # lower-cased, accents folded -> he | she
    organisation_words: frozenset[str]


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    lexicons = config.LEXICONS_DIR
    demonyms = _csv_rows(lexicons / "demonyms.csv", ("demonym", "country", "side"))
    metonyms = _csv_rows(lexicons / "metonyms.csv", ("surface", "side", "stands_for"))
    roles = _csv_rows(lexicons / "role_nouns.csv", ("noun", "kind"))
    groups = _csv_rows(lexicons / "group_nouns.csv", ("noun",))
    gendered = _csv_rows(lexicons / "gendered_nouns.csv", ("noun", "gender"))
    first_names = _csv_rows(lexicons / "first_names.csv", ("name", "gender"))
    organisation_words = _csv_rows(lexicons / "organisation_words.csv", ("word",))
    return _Lexicons(
        demonyms={row["demonym"]: (row["country"], row["side"]) for _, row in demonyms},
        metonyms={row["surface"]: (row["side"], row["stands_for"]) for _, row in metonyms},
        roles={row["noun"].lower(): row["kind"] for _, row in roles},
        groups=frozenset(row["noun"].lower() for _, row in groups),
        gendered={row["noun"].lower(): row["gender"] for _, row in gendered},
        first_names={row["name"]: row["gender"] for _, row in first_names},
        organisation_words=frozenset(row["word"] for _, row in organisation_words),
    )


# --------------------------------------------------------------------------- the working state


@dataclass
class _Actor:
    name: str
    type: str
    side: str | None
    role: str | None = None
    gender: str | None = None  # "he" or "she", learnt from pronouns bound by the parse


@dataclass(eq=False)
class _Mention:
    start: int  # token index
    end: int  # token index, exclusive
    head: int  # token index of the syntactic head
    actor: _Actor
    how: str
    antecedent: _Mention | None = None
    description: str | None = None
    plural: bool = False


@dataclass
class _Resolver:
    """The mentions of one document, built pass by pass."""

    doc: Doc
    cast: dict[str, _Actor]
    table: pd.DataFrame
    lex: _Lexicons
    mentions: list[_Mention] = field(default_factory=list)
    by_head: dict[int, _Mention] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)
    sentence_of: list[int] = field(default_factory=list)  # token index -> sentence index
    full_names: list[tuple[list[str], _Mention, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for index, sent in enumerate(self.doc.sents):
            self.sentence_of.extend([index] * len(sent))

    def add(self, mention: _Mention) -> _Mention:
        self.mentions.append(mention)
        self.by_head.setdefault(mention.head, mention)
        self.covered.update(range(mention.start, mention.end))
        return mention

    def actor(self, name: str, actor_type: str, side: str | None) -> _Actor:
        if name not in self.cast:
            self.cast[name] = _Actor(name, actor_type, side)
        return self.cast[name]

    def mention_at(self, token: Token) -> _Mention | None:
        return self.by_head.get(token.i)


# --------------------------------------------------------------------------- pass 1: names


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


def _table_names(state: _Resolver) -> None:
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
        state.add(_Mention(span.start, span.end, span.root.i, actor, how))


def _canonical(text: str) -> str:
    text = text.replace("’", "'")
    text = text[:-2] if text.endswith("'s") else text
    return text[4:] if text.lower().startswith("the ") else text


def _trimmed(ent: Span) -> Span:
    """The entity without the line breaks the NER sometimes takes in after a title line."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].is_space:
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def _first_name(word: str, lex: _Lexicons) -> str | None:
    """The gender a first name usually takes; None for other words, and for words that are also
    titles or ranks ("Major", "Prince")."""
    lower = word.lower().rstrip(".")
    if lower in lex.roles or lower in lex.gendered:
        return None
    return lex.first_names.get(_folded(word))


def _with_first_names(ent: Span, lex: _Lexicons) -> Span:
    """A person's name with the first names the NER left outside it ("Joshua" of "Joshua
    Abraham Norton")."""
    start, doc = ent.start, ent.doc
    while start > 0 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].tag_ in PROPER_TAGS:
        if not doc[start - 1].is_title or not _first_name(doc[start - 1].text, lex):
            break
        start -= 1
    return Span(doc, start, ent.end, label=ent.label_)


def _looks_personal(ent: Span, lex: _Lexicons) -> bool:
    """A two- or three-word proper name that starts with a first name ("Brock Holt") and has no
    word of an organisation's or place's name ("Griffith University"), whatever the NER's label."""
    if ent.label_ not in ENTITY_TYPES or not 2 <= len(ent) <= 3:
        return False
    if not all(t.tag_ in PROPER_TAGS and t.is_title for t in ent):
        return False
    if any(t.text in lex.organisation_words for t in ent):
        return False
    return _first_name(ent[0].text, lex) is not None


def _new_entities(state: _Resolver) -> Iterator[tuple[Span, str]]:
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


def _honorific(token: Token, lex: _Lexicons) -> str | None:
    """The gender a title before a name gives ("Mrs", "Mr.", "Sir"), or None."""
    return lex.gendered.get(token.lower_.rstrip(".")) if token.text[:1].isupper() else None


def _name_words(ent: Span, lex: _Lexicons) -> list[str]:
    """A person's name without the titles before it and the letters after it ("Miss Chaworth"
    -> ["Chaworth"], "St. Jerome" -> ["Jerome"], "Daniel Bernoulli FRS" -> ["Daniel",
    "Bernoulli"])."""
    words = [t.text for t in ent if t.text not in {"'s", "’s", "'"}]
    while len(words) > 1 and _is_title_word(words[0], lex):
        words = words[1:]
    while len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1:
        words = words[:-1]
    return words or [t.text for t in ent]


def _is_title_word(word: str, lex: _Lexicons) -> bool:
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


def _surnames(words: list[str], lex: _Lexicons) -> set[str]:
    """The words of a full name that may stand alone for the person: the last, and the one before
    it when that is no first name or initial (the first of two surnames: "Ricardo Rosselló
    Nevares" is "Rosselló")."""
    found = {words[-1]}
    if len(words) >= 3 and "." not in words[-2] and len(words[-2]) > 2:
        if words[-2][:1].isupper() and _first_name(words[-2], lex) is None:
            found.add(words[-2])
    return found


def _bare_surname(
    word: str, ent: Span, full_names: list[tuple[list[str], _Mention, int]], lex: _Lexicons
) -> _Mention | None:
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


def _entity_names(state: _Resolver) -> None:
    """spaCy's entities: a new actor per name; a variant of a full name ("Otto Harry Jespersen",
    "Otto Jespersen") joins it; a bare surname joins a person named in full (see
    :func:`_bare_surname`)."""
    found = list(_new_entities(state))
    words_of = {ent.start: _name_words(ent, state.lex) for ent, kind in found if kind == "person"}
    full_names = state.full_names  # (name words, mention, sentence start), in text order
    for ent, actor_type in found:
        words = words_of.get(ent.start, [_canonical(ent.text)] if len(ent) == 1 else None)
        known = None
        if words is not None and len(words) > 1:
            known = next((m for w, m, _ in full_names if _same_person(words, w)), None)
        elif words is not None:
            known = _bare_surname(words[0], ent, full_names, state.lex)
        later = _only_carrier(words, words_of) if known is None and words else None
        if known is not None:
            mention = _Mention(ent.start, ent.end, ent.root.i, known.actor, "alias", known)
        elif later is not None:  # a surname in a heading, before the full name
            actor = state.actor(" ".join(later), "person", None)
            mention = _Mention(ent.start, ent.end, ent.root.i, actor, "alias")
        else:
            name = " ".join(words) if ent.start in words_of else _canonical(ent.text)
            actor = state.actor(name, actor_type, None)
            mention = _Mention(ent.start, ent.end, ent.root.i, actor, "name")
        state.add(mention)
        if words is not None and len(words) > 1 and ent.start in words_of and not _unrelated(ent):
            full_names.append((words, mention, ent.sent.start))
        if ent.start in words_of and (gender := _honorific(ent[0], state.lex)):
            mention.actor.gender = gender


def _unnamed_subjects(state: _Resolver) -> None:
    """A one-word proper name the NER never labels but the article makes the subject of a verb
    at least twice ("Byron received his early education", "Marbles uploads a new video") is a
    person, unless the word is also written in lower case or names an office or organisation."""
    doc, lex = state.doc, state.lex
    lower = {t.lower_ for t in doc if t.is_lower}
    subjects: dict[str, list[Token]] = {}
    for token in doc:
        if token.dep_ not in SUBJECTS or token.tag_ not in PROPER_TAGS or not token.is_title:
            continue
        if token.ent_type_ or token.i in state.covered or token.lower_ in lower:
            continue
        if any(c.dep_ == "compound" for c in token.children) or token.dep_ == "compound":
            continue
        if token.text in lex.organisation_words or token.lower_ in lex.roles:
            continue
        if token.lower_ in lex.gendered or token.text in lex.demonyms:
            continue
        subjects.setdefault(token.text, []).append(token)
    for word, found in subjects.items():
        if len(found) >= 2:
            actor = state.actor(word, "person", None)
            for token in found:
                state.add(_Mention(token.i, token.i + 1, token.i, actor, "name"))


def _repeated_names(state: _Resolver) -> None:
    """Names the NER missed where it found them elsewhere in the article: a person's full name,
    surname ("Byron received his early education", see :func:`_bare_surname`) or first name
    when no other person shares it, and the names of organisations and places, as written."""
    doc = state.doc
    forms: dict[tuple[str, ...], _Mention] = {}
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
            state.add(_Mention(span.start, span.end, span[-1].i, known.actor, "alias", known))


# --------------------------------------------------------------------------- pass 2: descriptions


def _side_of(tokens: Iterable[Token], state: _Resolver) -> str | None:
    """The first side a span declares: a demonym, or a mention of an actor with a side."""
    for token in tokens:
        if token.text in state.lex.demonyms:
            return state.lex.demonyms[token.text][1]
        mention = state.mention_at(token)
        if mention is not None and mention.actor.side and mention.actor.type != "person":
            return mention.actor.side
    return None


def _title_start(doc: Doc, mention: _Mention, roles: dict[str, str]) -> int:
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


def _noun_phrase(token: Token, *, stop: Token | None = None) -> Span:
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


def _describe(state: _Resolver, name: _Mention, phrase: Span) -> None:
    text = phrase.text[4:] if phrase[0].lower_ == "the" else phrase.text
    state.add(_Mention(phrase.start, phrase.end, phrase.root.i, name.actor, "role", name, text))
    name.actor.side = name.actor.side or _side_of(phrase, state)


def _descriptions(state: _Resolver) -> None:
    doc = state.doc
    for mention in [m for m in state.mentions if m.actor.type == "person"]:
        start = _title_start(doc, mention, state.lex.roles)
        if start < mention.start:
            mention.description = doc[start : mention.start].text
            mention.start, mention.how = start, "title"
            state.covered.update(range(start, mention.end))
            mention.actor.side = mention.actor.side or _side_of(doc[start : mention.end], state)
        head = doc[mention.head]
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and not _negated(child):
                _describe(state, mention, _noun_phrase(child))
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i:
            _describe(state, mention, _noun_phrase(head.head, stop=head))


# --------------------------------------------------------------------------- pass 3: groups


def _sentence_side(sent: Span, state: _Resolver) -> str | None:
    """Side of a bare group: the one side its sentence names, else where the event happened."""
    sides = {side for token in sent if (side := _side_of([token], state))}
    if len(sides) == 1:
        return sides.pop()
    places = [t for t in sent if t.dep_ == "pobj" and t.head.lower_ == "in"]
    return next((side for t in reversed(places) if (side := _side_of([t], state))), None)


def _group_extent(noun: Token, state: _Resolver) -> tuple[int, int, str | None] | None:
    """``(start, end, side)`` of a qualified group noun, or None when a possessor rules it out."""
    start, end, side = noun.i, noun.i + 1, None
    for child in noun.lefts:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue
        child_side = _side_of(child.subtree, state)
        if child.dep_ == "poss" and child_side is None:
            return None
        side = side or child_side
        start = min(start, child.left_edge.i)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "from", "of"}:
            child_side = _side_of(child.subtree, state)
            if child_side:
                side, end = side or child_side, child.right_edge.i + 1
    return start, end, side


def _groups(state: _Resolver) -> None:
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
        name = _canonical(doc[start:end].text)
        if start == noun.i and end == noun.i + 1:
            if not plural:
                continue
            side = _sentence_side(noun.sent, state)
            name = f"{_demonym(side, state)} {noun.lower_}" if side else noun.lower_
        actor = state.actor(name, "group", side)
        state.add(_Mention(start, end, noun.i, actor, "name", plural=plural))


def _demonym(side: str, state: _Resolver) -> str:
    return next((form for form, (_, s) in state.lex.demonyms.items() if s == side), side)


# --------------------------------------------------------------------------- pass 4: role nouns


def _holds(actor: _Actor, office: str, side: str | None, descriptions: dict[str, str]) -> bool:
    role = (descriptions.get(actor.name) or "") + " " + (actor.role or "")
    return office in role.lower() and (side is None or actor.side == side)


def _holder(noun: Token, office: str, state: _Resolver) -> _Mention | None:
    """The latest mention before ``noun`` of a person known to hold ``office``."""
    side = _side_of(noun.lefts, state)
    descriptions = {m.actor.name: m.description for m in state.mentions if m.description}
    earlier = [m for m in state.mentions if m.end <= noun.i and m.actor.type == "person"]
    return next((m for m in reversed(earlier) if _holds(m.actor, office, side, descriptions)), None)


def _definite_roles(state: _Resolver) -> None:
    doc = state.doc
    for noun in doc:
        office = noun.lemma_.lower()
        if state.lex.roles.get(office) != "office" or noun.pos_ != "NOUN":
            continue
        if noun.i in state.covered or not any(c.lower_ == "the" for c in noun.lefts):
            continue
        match = _holder(noun, office, state)
        if match is not None:
            phrase = _noun_phrase(noun)
            state.add(_Mention(phrase.start, phrase.end, noun.i, match.actor, "role", match))


TITLE_LINKS = {"of", "the", "for", "and", "to", "-"}


def _named_beside(start: int, end: int, state: _Resolver) -> _Mention | None:
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


def _titled_roles(state: _Resolver) -> None:
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
        if start > 0 and _honorific(doc[start - 1], state.lex):
            start -= 1
        gender = _honorific(doc[start], state.lex) if start < noun.i else None
        words = [t.text for t in doc[start : noun.i] if not _honorific(t, state.lex)]
        words.append(noun.text)
        holder = _named_beside(start, noun.i + 1, state) or _holder(noun, noun.lower_, state)
        actor = holder.actor if holder else state.actor(" ".join(words), "person", None)
        actor.gender = actor.gender or gender
        state.add(_Mention(start, noun.i + 1, noun.i, actor, "role", holder))


# --------------------------------------------------------------------------- pass 5: pronouns


def _gender(pronoun: str) -> str | None:
    return "he" if pronoun in MASCULINE else "she" if pronoun in FEMININE else None


def _agrees(pronoun: str, mention: _Mention) -> bool:
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
        if argument.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            yield verb.head
        else:
            yield argument


_BLOCKED = object()


def _syntactic(pronoun: Token, state: _Resolver) -> _Mention | object | None:
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
            if argument.i >= pronoun.i or pronoun in argument.subtree:
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


def _folded(word: str) -> str:
    """Lower case without accents ("Antonín" -> "antonin"), as first_names.csv spells names."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _genders(state: _Resolver) -> None:
    """Each person's gender, when the text or the name tells it: a gendered noun in a title or
    apposition ("his wife, Anna Kowalczyk", "Mrs Pelosi"), else the first name's usual gender."""
    for mention in state.mentions:
        actor = mention.actor
        if actor.type != "person" or actor.gender is not None:
            continue
        described = (mention.description or "").replace(".", " ").lower().split()
        told = [state.lex.gendered[w] for w in described if w in state.lex.gendered]
        first = actor.name.split()[0] if " " in actor.name else ""
        actor.gender = told[-1] if told else _first_name(first, state.lex)


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


def _most_salient(pronoun: Token, state: _Resolver) -> _Mention | None:
    """He/she without a syntactic antecedent: the agreeing person whose mentions in this and the
    ``SENTENCES_BACK`` sentences before weigh most (:func:`_weight`, halved per sentence back),
    plus ``AGREEMENT_BONUS`` when the person's gender is known to match and
    ``PROMINENCE_BONUS`` per earlier name mention in the article (at most ``PROMINENCE_CAP``).
    The other arguments of the pronoun's own verb are left out (:func:`_co_arguments`)."""
    word = pronoun.lower_
    here = state.sentence_of[pronoun.i]
    excluded = _co_arguments(pronoun)
    scores: dict[str, float] = {}
    latest: dict[str, _Mention] = {}
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


def _salient_group(pronoun: Token, state: _Resolver) -> _Mention | None:
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


def _pronouns(state: _Resolver) -> None:
    quoted = _quoted(state.doc)
    for token in state.doc:
        word = token.lower_
        if token.tag_ not in {"PRP", "PRP$"} or word not in MASCULINE | FEMININE | PLURAL | NEUTER:
            continue
        if token.i in quoted or (word == "it" and token.dep_ not in SUBJECTS):
            continue
        found = _syntactic(token, state)
        if isinstance(found, _Mention) and found.actor.type == "person":
            found.actor.gender = found.actor.gender or _gender(word)
        if found is None and word in MASCULINE | FEMININE:
            found = _most_salient(token, state)
        elif found is None:
            found = _salient_group(token, state)
        if isinstance(found, _Mention):
            state.add(
                _Mention(
                    token.i, token.i + 1, token.i, found.actor, "pronoun", found, None, found.plural
                )
            )


# --------------------------------------------------------------------------- pass 6: counterparts


def _other_country(noun: Token, owner: _Actor, state: _Resolver) -> str | None:
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


def _office_holder(owner: _Actor, country: str, table: pd.DataFrame) -> str | None:
    def norm(text: str) -> str:
        return re.sub(r"\bthe\s+", "", text.lower()).strip()

    office = norm(owner.role or "").split(" of ")[0]
    people = table[table["type"] == "person"].dropna(subset=["role"])
    roles = people["role"].map(norm)
    exact = people[roles == f"{office} of {norm(country)}"]
    leaders = people[
        roles.str.endswith(f" of {norm(country)}")
        & roles.str.match(r"(president|prime minister|chancellor|leader)\b")
    ]
    found = exact if not exact.empty else leaders
    return None if found.empty else str(found["actor"].iloc[0])


def _counterparts(state: _Resolver) -> None:
    for noun in state.doc:
        if state.lex.roles.get(noun.lemma_.lower()) != "relation" or noun.i in state.covered:
            continue
        owner = next((state.mention_at(c) for c in noun.lefts if c.dep_ == "poss"), None)
        if owner is None or owner.actor.type != "person":
            continue
        country = _other_country(noun, owner.actor, state)
        holder = _office_holder(owner.actor, country, state.table) if country else None
        if holder is not None:
            phrase = _noun_phrase(noun)
            state.add(_Mention(phrase.start, phrase.end, noun.i, state.cast[holder], "role", owner))


# --------------------------------------------------------------------------- public API


def _cast(table: pd.DataFrame) -> dict[str, _Actor]:
    return {
        row.actor: _Actor(
            row.actor,
            row.type,
            None if pd.isna(row.side) else row.side,
            None if pd.isna(row.role) else row.role,
        )
        for row in table.itertuples(index=False)
    }


def _frame(state: _Resolver, article_id: str) -> pd.DataFrame:
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
    return frames.conform("mentions", rows)


def find_mentions(doc: Doc, article_id: str, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention of an actor in one parsed article, resolved to a canonical actor.

    Args:
        doc: the article parsed by :func:`analysis.nlp.parse`.
        article_id: the article's id, copied into every row.
        table: the actor table; :func:`load_actor_table` of ``data/actors.csv`` when omitted.

    Returns:
        The ``mentions`` frame (see ``frames.SCHEMAS``), in text order; ``text`` is
        ``doc.text[start:end]``; ``antecedent_id`` names the mention a pronoun, role noun or
        description was resolved through.
    """
    table = load_actor_table() if table is None else table
    state = _Resolver(doc, _cast(table), table, _lexicons())
    for sieve in (
        _table_names,
        _entity_names,
        _repeated_names,
        _unnamed_subjects,
        _descriptions,
        _groups,
        _definite_roles,
        _titled_roles,
        _genders,
        _pronouns,
        _counterparts,
    ):
        sieve(state)
    return _frame(state, article_id)


def actor_at(mentions: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """The mention that best stands for the character span ``[start, end)``.

    Used to resolve a quote's speaker span ("he", "Putin", "The Kremlin", "officials") to a
    canonical actor. Pass one article's mentions. An exact match wins; otherwise among the
    overlapping mentions, persons first, then the earliest, then the longest.

    Returns:
        A row of ``mentions``, or None when no mention overlaps the span.
    """
    starts = mentions["start"].to_numpy(dtype="int64")
    ends = mentions["end"].to_numpy(dtype="int64")
    overlapping = np.flatnonzero((starts < end) & (ends > start))
    if not overlapping.size:
        return None
    exact = [i for i in overlapping if starts[i] == start and ends[i] == end]
    if exact:
        return mentions.iloc[exact[0]]
    types = mentions["actor_type"].to_numpy(dtype=object)
    best = min(
        overlapping,
        key=lambda i: (types[i] != "person", starts[i] < start, starts[i], starts[i] - ends[i]),
    )
    return mentions.iloc[best]


def demonym(word: str) -> tuple[str, str] | None:
    """The country and side a demonym or adjective of place names, as the actors layer reads it.

    Args:
        word: the word as written (case-sensitive), e.g. ``"Russian"`` in "Russian drones".

    Returns:
        ``(country, side)`` from ``data/lexicons/demonyms.csv``, or None when ``word`` is not one.
    """
    return _lexicons().demonyms.get(word)


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
