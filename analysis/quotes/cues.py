"""Which words report speech: the reporting-verb lexicon and the cues it finds in the parse.

``data/lexicons/reporting_verbs.csv`` gives each cue lemma a class (neutral, assertive, …) and the
complements it licenses (a clause, an object or gerund, an infinitive, a naming predicate, or a
noun's clause). A cue is a verb of the lexicon (with its particle: ``point out``, ``call for``), a
verb the tagger took for a noun (``Trump claims that …``), ``according to`` or a fronted data
source (``In the latest poll, …``, ``source_nouns.csv``), ``were quoted … as saying``, ``it is
clear that …`` (``evident_adjectives.csv``), an adjective of attitude (``voters are afraid that
…``, ``attitude_adjectives.csv``), or a lexicon noun with its clause (``his claim that …``,
``a decision to …``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc, Token

from analysis import config, nlp
from analysis.lexicons import LexiconError, lexicon, read_rows, words
from analysis.syntax import to_infinitive

REPORTING_VERBS = config.LEXICONS_DIR / "reporting_verbs.csv"
_LEXICON_COLUMNS = ("lemma", "class", "complements")
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
#: Where a noun cue stands in its clause (not ROOT or ccomp: there it is a mis-tagged verb).
_NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "oprd"}
#: Prepositions naming what a noun cue is about.
_TOPIC_PREPOSITIONS = {"about"}
#: Verb classes that report beliefs, evidence, stances or intentions: never a direct quote's cue.
NOT_SPEECH = {"cognitive", "evidential", "stance", "intention"}
#: The lexicon as looked up: lemma → (verb class, the complements it licenses).
VerbTable = dict[str, tuple[str, frozenset[str]]]


@dataclass(frozen=True)
class Cue:
    """A reporting expression found in the parse."""

    token: Token
    lemma: str
    verb_class: str
    complements: frozenset[str]
    span: tuple[int, int]
    particle: Token | None = None


def load_reporting_verbs(path: Path = REPORTING_VERBS) -> pd.DataFrame:
    """The reporting-verb lexicon: one row per cue lemma.

    Args:
        path: a CSV with columns ``lemma``, ``class`` and ``complements`` (``|``-separated
            ``clause``, ``object``, ``infinitive``, ``naming``, ``noun``, ``raising``,
            ``reason``); ``#`` comment lines may precede the header.

    Returns:
        A frame with columns ``lemma`` (lower case), ``class``, ``complements``.

    Raises:
        LexiconError: a column is missing, a row is malformed or a complement is unknown; the
            message names the file and the line.
    """
    known = {"clause", "object", "infinitive", "naming", "comparison", "noun", "raising", "reason"}
    records = []
    for line, row in read_rows(path, _LEXICON_COLUMNS):
        unknown = set(row["complements"].split("|")) - known
        if unknown:
            raise LexiconError(
                f"{path}, line {line}: lemma {row['lemma']!r} has unknown complements {unknown}"
            )
        records.append({**row, "lemma": row["lemma"].lower()})
    return pd.DataFrame(records, columns=list(_LEXICON_COLUMNS))


@lru_cache(maxsize=1)
def default_verbs() -> pd.DataFrame:
    """The shipped reporting-verb lexicon, read once."""
    return load_reporting_verbs()


@lru_cache(maxsize=1)
def default_table() -> VerbTable:
    """The shipped reporting-verb lexicon as a lookup, built once."""
    return verb_table(default_verbs())


def verb_table(verbs: pd.DataFrame) -> VerbTable:
    """The lexicon as a lookup: lemma → (class, complements)."""
    return {
        row.lemma: (row._2, frozenset(row.complements.split("|")))
        for row in verbs.rename(columns={"class": "_2"}).itertuples()
    }


def _cue_span(token: Token, last: Token) -> tuple[int, int]:
    first = token
    for child in token.lefts:
        if child.dep_ in {"aux", "auxpass", "neg"} and child.i == first.i - 1:
            first = child
    return first.idx, last.idx + len(last)


def find_cues(doc: Doc, table: VerbTable) -> list[Cue]:
    """Every reporting expression of the article: ``according to``, ``it is clear that``, lexicon
    nouns and verbs."""
    found = []
    for token in doc:
        cue = (
            _according_to(token)
            or _source_phrase(token)
            or _evident_that(token)
            or _attitude(token)
            or _noun_cue(token, table)
            or verb_cue(token, table)
        )
        if cue is not None:
            found.append(cue)
    return found


@cache
def _attitude_adjectives() -> dict[str, str]:
    """Adjectives of a propositional attitude and their class (``attitude_adjectives.csv``)."""
    rows = lexicon("attitude_adjectives.csv", "lemma", "class")
    return {row["lemma"]: row["class"] for row in rows}


#: Adjectives of evidence ("it is clear that …") and nouns of a data source ("in the latest poll").
_EVIDENT_ADJECTIVES = ("evident_adjectives.csv", "lemma")
_SOURCE_NOUNS = ("source_nouns.csv", "lemma")
#: Copulas an adjective of attitude is predicated through ("is afraid", "grew wary").
_COPULAS = {"be", "become", "remain", "grow"}
#: Prepositions naming what an attitude is about ("critical of", "worried about").
_ATTITUDE_PREPOSITIONS = {"about", "of", "over", "on"}


def _attitude(token: Token) -> Cue | None:
    """ "Many voters are afraid that …", "She is determined to …", "He has been critical of …":
    an adjective of attitude predicated of its holder, with a clause, infinitive or object."""
    verb_class = _attitude_adjectives().get(token.lemma_.lower())
    if verb_class is None or token.dep_ != "acomp" or token.head.lemma_.lower() not in _COPULAS:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ != "it" for c in token.head.children):
        return None
    if not attitude_content(token):
        return None
    span = _cue_span(token, token)
    return Cue(token, token.lemma_.lower(), verb_class, frozenset({"attitude"}), span)


def attitude_content(adjective: Token) -> list[Token]:
    """What an adjective of attitude is about: its clause or infinitive (on it or, after it, on
    the copula), else the object of its preposition."""
    after = [c for c in adjective.head.rights if c.i > adjective.i]
    clauses = [c for c in (*adjective.rights, *after) if c.dep_ in {"ccomp", "xcomp"}]
    return clauses or [
        grand
        for child in adjective.rights
        if child.dep_ == "prep" and child.lower_ in _ATTITUDE_PREPOSITIONS
        for grand in child.children
        if grand.dep_ in {"pobj", "pcomp"}
    ]


def _evident_that(token: Token) -> Cue | None:
    """ "It is clear that …", "Nor is it obvious that …": an adjective of evidence predicated of
    an empty "it" with a clause; it reports the clause as a verb of seeming does."""
    if token.dep_ != "acomp" or token.lemma_.lower() not in words(*_EVIDENT_ADJECTIVES):
        return None
    if token.head.lemma_.lower() != "be":
        return None  # "it seems clear that …": the verb of seeming is the cue
    if not any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in token.head.children):
        return None
    if raising_complement(token) is None:
        return None
    first = token.head if token.head.i < token.i else token
    span = (first.idx, token.idx + len(token))
    return Cue(token, token.lemma_.lower(), "cognitive", frozenset({"raising"}), span)


def _according_to(token: Token) -> Cue | None:
    if token.lower_ != "according":
        return None
    to = next((child for child in token.children if child.lower_ == "to"), None)
    if to is None or not any(child.dep_ == "pobj" for child in to.children):
        return None
    return Cue(token, "according to", "neutral", frozenset({"according"}), _cue_span(token, to))


def _source_phrase(token: Token) -> Cue | None:
    """ "In the latest poll, …", "By one estimate, …": a phrase opening its clause that names a
    data source reports the clause as "according to" does."""
    if token.lower_ not in {"in", "by"} or token.dep_ != "prep" or token.i > token.head.i:
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in words(*_SOURCE_NOUNS):
        return None
    if token.head.pos_ not in {"VERB", "AUX"} or token.right_edge.i + 1 >= len(token.doc):
        return None
    if token.doc[token.right_edge.i + 1].text != ",":
        return None
    return Cue(token, token.lower_, "neutral", frozenset({"according"}), _cue_span(token, source))


def source_of(cue: Cue) -> Token:
    """The source an "according to" cue or a source phrase names (the object of its
    preposition)."""
    preposition = next((c for c in cue.token.children if c.lower_ == "to"), cue.token)
    return next(c for c in preposition.children if c.dep_ == "pobj")


def _noun_cue(token: Token, table: VerbTable) -> Cue | None:
    """ "the claim that …", "his decision to …": a lexicon noun with its clause."""
    entry = table.get(token.lemma_.lower())
    if token.pos_ != "NOUN" or entry is None or "noun" not in entry[1]:
        return None
    if token.dep_ not in _NOUN_ROLES or any(c.dep_ in SUBJECTS for c in token.children):
        return None  # "Trump claims he …": a verb the tagger took for a noun
    if not noun_clauses(token):
        return None
    return Cue(token, token.lemma_.lower(), entry[0], frozenset({"noun"}), _cue_span(token, token))


def noun_clauses(noun: Token) -> list[Token]:
    """The that-clause or to-infinitive a noun governs ("the view that …", "a pledge to …"), or
    else the object of its topic ("his claims about the test")."""
    return [
        child
        for child in noun.rights
        if child.dep_ in {"acl", "ccomp", "relcl"}
        and any(
            (grand.dep_ == "mark" and grand.lower_ == "that")
            or (grand.dep_ == "aux" and grand.lower_ == "to")
            for grand in child.children
            if grand.i < child.i
        )
        and child.left_edge.i <= noun.i + 2
    ] or [
        grand
        for child in noun.rights
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPOSITIONS and child.i == noun.i + 1
        for grand in child.children
        if grand.dep_ in {"pobj", "pcomp"}
    ]


def verb_cue(token: Token, table: VerbTable) -> Cue | None:
    """The cue a verb is, by the lexicon: its phrasal entry ("point to", "speak out") before its
    lemma's; None when the lexicon has neither or the verb is a modifier or a proposition's."""
    inverted = inverted_cue(token)
    if not (token.pos_ == "VERB" or _verb_tagged_noun(token) or inverted):
        return None
    if token.dep_ in {"amod", "compound"} and not inverted:
        return None
    if token.dep_ == "acl" and any(child.dep_ == "mark" for child in token.children):
        return None  # "the suggestion that Putin wanted …": a proposition, not a report
    lemma = verb_lemma(token) if inverted else _lemma_in(token, table)
    addressed = lemma in table and addresses(table[lemma][1])
    for child in token.rights:
        if _particle(child) and _adjacent(token, child, addressed):
            phrase = f"{lemma} {child.lower_}"
            if phrase in table:
                verb_class, complements = table[phrase]
                span = _cue_span(token, child)
                return Cue(token, phrase, verb_class, complements, span, particle=child)
    if quoted_as_saying(token) is not None:
        saying = quoted_as_saying(token)
        return Cue(token, "say", "neutral", frozenset({"clause"}), _cue_span(token, saying))
    if lemma not in table:
        return None
    verb_class, complements = table[lemma]
    return Cue(token, lemma, verb_class, complements, _cue_span(token, token))


def _lemma_in(token: Token, table: VerbTable) -> str:
    """The verb's lemma, or the lexicon's when the lemmatiser cut a final "e" that the lexicon
    keeps (hopes, hoped, hoping → "hop", not "hope"; rated → "rat")."""
    lemma = token.lemma_.lower()
    restored = lemma + "e"
    word = token.lower_
    if (
        lemma not in table
        and restored in table
        and (word.startswith(restored) or word == lemma + "ing")
    ):
        return restored
    return lemma


def inverted_cue(token: Token) -> bool:
    """ "Said Ellis: “…”": an inflected verb opening its sentence that the tagger or parser took for
    part of the name after it (``Said``/compound of ``Ellis``), the name then followed by a colon
    or comma; the name is its speaker."""
    doc, name = token.doc, token.head
    return (
        token.dep_ == "compound"
        and token.tag_ in {"VBD", "VBZ", "NNP"}
        and name.pos_ == "PROPN"
        and name.i > token.i
        and name.i + 1 < len(doc)
        and doc[name.i + 1].text in {":", ","}
        and (token.i == token.sent.start or doc[token.i - 1].is_space)
        and verb_lemma(token) != token.lower_
    )


def verb_lemma(token: Token) -> str:
    """The token's lemma read as a verb ("Said" tagged as a name → "say")."""
    if token.pos_ == "VERB":
        return token.lemma_.lower()
    word = Doc(token.vocab, words=[token.lower_], pos=["VERB"])[0]
    return nlp.load_model().get_pipe("lemmatizer").rule_lemmatize(word)[0]


def _verb_tagged_noun(token: Token) -> bool:
    """ "Trump claims that …", "Sanders Vows To …": a main verb with its subject and complement
    that the tagger took for a plural noun."""
    children = {child.dep_ for child in token.children}
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and ("nsubj" in children or compound_subject(token) is not None)
        and bool(children & {"ccomp", "xcomp", "dobj"} or stray_complements(token))
    )


def stray_complements(token: Token) -> list[Token]:
    """ "Trump charges that countries … donated", "Sanders Vows To Eliminate …": the that-clause
    or to-infinitive of a verb read as a plural noun, which the parser hung on it as a clause
    modifying a noun or an adverbial clause ("Lindqvist Pledges To Rebuild …")."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT":
        return []
    return [
        child
        for child in token.rights
        if (
            child.dep_ == "acl"
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
        )
        or (child.dep_ in {"acl", "advcl"} and to_infinitive(child))
    ]


def compound_subject(token: Token) -> Token | None:
    """ "But Trump claims that …", "The campaign plans to …": the name or noun the parser took for
    the first part of a compound with a present-tense verb it read as a plural noun."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if (
        token.tag_ == "NNS"
        and before is not None
        and before.dep_ == "compound"
        and before.head.i == token.i
        and before.pos_ in {"PROPN", "NOUN"}
    ):
        return before
    return None


def is_noun(token: Token) -> bool:
    """A noun the tagger did not mistake a main verb for."""
    return token.pos_ == "NOUN" and not _verb_tagged_noun(token)


def _particle(child: Token) -> bool:
    """A word completing a multiword cue: "point out", "call for", "put it"."""
    return child.dep_ in {"prt", "prep"} or (child.dep_ == "dobj" and child.lower_ == "it")


def addresses(complements: frozenset[str]) -> bool:
    """A verb whose object is whom it addresses, not what it reports (ask, tell, urge: an
    infinitive but no object among its lexicon complements)."""
    return "infinitive" in complements and "object" not in complements


def _adjacent(verb: Token, particle: Token, addressed: bool = False) -> bool:
    """The particle follows the verb with at most adverbs, particles, the verb's own time and
    place phrases or a passive's agent between ("spoke more often about", "spoke out Tuesday
    about", "was pressed by reporters about"); an object between ("called the police for …")
    breaks the phrase, unless the verb's object is its addressee ("asked the minister about …")."""
    objects = {"dobj", "dative"} if addressed else set()
    modifiers = {
        token.i
        for child in verb.rights
        if child.dep_ in {"advmod", "npadvmod", "prt", "prep", "agent"} | objects
        and child.i < particle.i
        for token in child.subtree
    }
    between = verb.doc[verb.i + 1 : particle.i]
    return all(token.pos_ == "ADV" or token.i in modifiers for token in between)


def raising_complement(verb: Token) -> Token | None:
    """ "The plan seems to have failed", "it appears that …", "That looks unlikely": the
    complement of a verb of seeming (a lexicon row with ``raising``), or None."""
    heads = (verb, verb.head) if verb.pos_ == "ADJ" else (verb,)
    rights = [child for head in heads for child in head.rights]
    clause = next((c for c in rights if c.dep_ == "ccomp"), None)
    if clause is not None or verb.pos_ == "ADJ":  # "it is clear that …": on the copula
        return clause
    complement = next((c for c in rights if c.dep_ in {"xcomp", "acomp", "oprd"}), None)
    if complement is not None and complement.pos_ == "ADJ":  # "it seems clear that …"
        return next((c for c in complement.rights if c.dep_ == "ccomp"), complement)
    return complement


def experiencer(verb: Token) -> Token | None:
    """ "seems credible *to me*": whom it seems so to, the holder of the impression."""
    complement = raising_complement(verb)
    heads = [verb] if complement is None else [verb, complement]
    return next(
        (
            grand
            for head in heads
            for child in head.rights
            if child.dep_ == "prep" and child.lower_ == "to"
            for grand in child.children
            if grand.dep_ == "pobj"
        ),
        None,
    )


def comma_participle(token: Token) -> bool:
    """ "…, arguing that …", "…, citing …": a present participle set off by a comma after the
    clause it is hung on, without a subject of its own."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.i > token.head.i
        and token.doc[token.left_edge.i - 1].text == ","
        and not any(child.dep_ in SUBJECTS for child in token.children)
    )


def quoted_as_saying(token: Token) -> Token | None:
    """``saying`` in "were quoted by X as saying", or None."""
    if token.lemma_.lower() != "quote":
        return None
    for child in token.rights:
        if child.lower_ == "as":
            for grandchild in child.children:
                if grandchild.lemma_.lower() in {"say", "tell"}:
                    return grandchild
    return None
