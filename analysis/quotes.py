"""Who says what, with which cue, through which channel: the ``quotes`` and ``fragments`` frames.

Two passes over one parsed ``Doc``:

1. **Quotation marks** are paired by :mod:`analysis.marks` (nesting, guillemets, German marks,
   quotes continued across paragraphs); unbalanced marks never raise, and the quote row carries
   the mark's ``warning``.
   A quoted stretch that stands as its own sentence(s) is a *direct* quote; it is attributed to the
   reporting clause beside it (``“…,” he said``, ``said Putin``, ``he said: “…”``, ``“…” — Name``),
   and with none, to the previous quote's speaker (a "floating" quote, as in the GenderGapTracker).
2. **Reporting verbs.** Every verb of ``data/lexicons/reporting_verbs.csv`` with a speaker (its
   subject, a passive's agent, the subject it shares through control or coordination) and a
   complement licensed by the lexicon (a clause, an object or gerund, an infinitive) gives an
   *indirect* quote, or a *mixed* one when quoted fragments sit inside the complement or a quoted
   stretch continues it (``said “A,” but “B”``). ``according to X``, ``as X noted, …``,
   ``were quoted by … as saying``, agentless passives (``was accused of``) and the lexicon's
   nouns (``his claim that …``, ``a decision to …``) are cues too. Content stops where the
   reporting act resumes: a ``while`` clause, a coordinated reporting verb of the speaker
   (``acknowledged X and ordered …``), ``in a statement``, ``by declaring that …``. A report
   whose cue sits inside another quote's content is part of that quote, not a row of its own.

Speakers are canonicalised through the actors layer when a ``mentions`` frame is given. Channels
("Telegram", "video address", "RBC") come from the cue's prepositional phrases and
``data/lexicons/channels.csv``.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc, Span, Token

from analysis import config, frames, nlp, sentiment
from analysis.marks import MARK, Quotation, pair_quotation_marks

REPORTING_VERBS = config.LEXICONS_DIR / "reporting_verbs.csv"
CHANNELS = config.LEXICONS_DIR / "channels.csv"

OPENING = {"“", "„", "«", "‹"}
CLOSING = {"”", "»", "›"}
AMBIGUOUS = {'"', "''"}
_DASHES = "-–—―"
_COLON_SPEAKER = re.compile(
    r"^[^\S\n]*[“\"]?((?:[A-Z][\w.'’-]*[^\S\n]+){0,3}[A-Z][\w.'’-]*):[^\S\n]+(?=\S)", re.M
)
_DASH_NAME = re.compile(r"[^\S\n]*[-–—―][^\S\n]*((?:[A-Z][\w.’'-]*[^\S\n]*){1,5})\s*$")
_SENTENCE_END = ".!?"
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_INHERITS_SUBJECT = {"xcomp", "advcl", "pcomp", "prep", "pobj", "acomp", "conj"}
_RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "where", "when"}
#: Prepositions completing a reported object: "dismissed X as Y", "accused X of Y".
_OBJECT_PREPOSITIONS = {"as", "for", "of", "with"}
#: Where a noun cue stands in its clause (not ROOT or ccomp: there it is a mis-tagged verb).
_NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "oprd"}
#: Verbs whose object noun carries the act: "made a decision to", "issued a statement that".
_LIGHT_VERBS = {"make", "reach", "issue", "express", "voice", "offer", "give", "deliver", "repeat"}
#: Subordinators of a clause that sets the report against something else, not part of it.
_CONTRAST_MARKS = {"while", "whereas"}
_CHANNEL_PRIORITY = {"platform": 0, "outlet": 1, "medium": 2, "format": 3}
_FLOATING_PARAGRAPHS = 2
_MIN_UNATTRIBUTED_WORDS = 3
#: Prepositions naming what a noun cue is about.
_TOPIC_PREPOSITIONS = {"about"}
#: What may join a reported clause to a quoted stretch that continues it.
_JOINING = {"", "and", "but", "or"}
#: Labels a "NAME:" line may start with that name no speaker ("Note: …", "Photo: …").
_NOT_SPEAKERS = {
    "note",
    "editor's note",
    "editor’s note",
    "photo",
    "photos",
    "image",
    "caption",
    "credit",
    "source",
    "sources",
    "update",
    "updated",
    "correction",
    "clarification",
    "disclosure",
    "related",
    "read more",
    "see also",
    "watch",
    "video",
    "listen",
    "audio",
    "warning",
    "contact",
}
_MAX_ATTRIBUTION_WORDS = 12
_TOKEN_BOUNDS = "newsframe.quotes.token_bounds"
#: Verb classes that report beliefs, evidence, stances or intentions: never a direct quote's cue.
_NOT_SPEECH = {"cognitive", "evidential", "stance", "intention"}


@dataclass
class _Quote:
    start: int
    end: int
    kind: str
    speaker: Span | tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    cue_class: str | None = None
    channel: str | None = None
    segments: list[Quotation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    speaker_name: str | None = None


@dataclass(frozen=True)
class _Cue:
    """A reporting expression found in the parse."""

    token: Token
    lemma: str
    verb_class: str
    complements: frozenset[str]
    span: tuple[int, int]
    particle: Token | None = None


# ---------------------------------------------------------------- lexicons


def _read_csv(path: Path) -> pd.DataFrame:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return pd.DataFrame(rows).apply(lambda column: column.str.strip())


def load_reporting_verbs(path: Path = REPORTING_VERBS) -> pd.DataFrame:
    """The reporting-verb lexicon: one row per cue lemma.

    Args:
        path: a CSV with columns ``lemma``, ``class`` and ``complements`` (``|``-separated
            ``clause``, ``object``, ``infinitive``, ``naming``); ``#`` comment lines may precede
            the header.

    Returns:
        A frame with columns ``lemma`` (lower case), ``class``, ``complements``.

    Raises:
        ValueError: a column is missing or a complement is unknown; the message names the file.
    """
    verbs = _read_csv(path)
    missing = {"lemma", "class", "complements"} - set(verbs.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}; see the header comment")
    verbs["lemma"] = verbs["lemma"].str.lower()
    known = {"clause", "object", "infinitive", "naming", "noun"}
    for row in verbs.itertuples():
        unknown = set(row.complements.split("|")) - known
        if unknown:
            raise ValueError(f"{path}: lemma {row.lemma!r} has unknown complements {unknown}")
    return verbs


@lru_cache(maxsize=1)
def _default_verbs() -> pd.DataFrame:
    return load_reporting_verbs()


@lru_cache(maxsize=1)
def _channel_terms() -> list[tuple[re.Pattern[str], str, str]]:
    table = _read_csv(CHANNELS)
    return [
        (re.compile(rf"\b{re.escape(row.term.lower())}\b"), row.channel, row.kind)
        for row in table.itertuples()
    ]


def _verb_table(verbs: pd.DataFrame) -> dict[str, tuple[str, frozenset[str]]]:
    return {
        row.lemma: (row._2, frozenset(row.complements.split("|")))
        for row in verbs.rename(columns={"class": "_2"}).itertuples()
    }


# ---------------------------------------------------------------- quotation marks


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _standalone(text: str, segment: Quotation) -> bool:
    """True when the quoted stretch stands as its own sentence(s), not inside a clause."""
    lead = text[_line_start(text, segment.open) : segment.open].rstrip()
    trail = text[segment.close : _paragraph_end(text, segment.close)].lstrip()
    inner = text[segment.start : segment.end].strip()
    if not inner:
        return False
    first_upper = inner[0].isupper() or inner[0] in "[(…."
    before_ok = (
        not lead
        or lead[-1] in _SENTENCE_END + ":;"
        or lead[-1] in CLOSING | AMBIGUOUS | {"'"}
        or (lead[-1] in ",(" + _DASHES and first_upper)
        or (lead[-1] == "," and _resumes(lead))
    )
    after_ok = (
        not trail
        or trail[0] in _SENTENCE_END + ",;:)" + _DASHES
        or inner[-1] in _SENTENCE_END + ",;:…" + _DASHES
        or segment.continues
    )
    return before_ok and after_ok


def _resumes(lead: str) -> bool:
    """``“A,” the president said, “b …``: a quote resumed after a short attribution."""
    last_close = max(lead.rfind(mark) for mark in (*CLOSING, *AMBIGUOUS))
    return last_close >= 0 and len(lead[last_close:].split()) <= _MAX_ATTRIBUTION_WORDS


# ---------------------------------------------------------------- cues in the parse


def _cue_span(token: Token, last: Token) -> tuple[int, int]:
    first = token
    for child in token.lefts:
        if child.dep_ in {"aux", "auxpass", "neg"} and child.i == first.i - 1:
            first = child
    return first.idx, last.idx + len(last)


def _cues(doc: Doc, table: dict[str, tuple[str, frozenset[str]]]) -> list[_Cue]:
    found = []
    for token in doc:
        cue = _according_to(token) or _noun_cue(token, table) or _verb_cue(token, table)
        if cue is not None:
            found.append(cue)
    return found


def _according_to(token: Token) -> _Cue | None:
    if token.lower_ != "according":
        return None
    to = next((child for child in token.children if child.lower_ == "to"), None)
    if to is None or not any(child.dep_ == "pobj" for child in to.children):
        return None
    return _Cue(token, "according to", "neutral", frozenset({"according"}), _cue_span(token, to))


def _noun_cue(token: Token, table: dict[str, tuple[str, frozenset[str]]]) -> _Cue | None:
    """ "the claim that …", "his decision to …": a lexicon noun with its clause."""
    entry = table.get(token.lemma_.lower())
    if token.pos_ != "NOUN" or entry is None or "noun" not in entry[1]:
        return None
    if token.dep_ not in _NOUN_ROLES or any(c.dep_ in _SUBJECTS for c in token.children):
        return None  # "Trump claims he …": a verb the tagger took for a noun
    if not _noun_clauses(token):
        return None
    return _Cue(token, token.lemma_.lower(), entry[0], frozenset({"noun"}), _cue_span(token, token))


def _noun_clauses(noun: Token) -> list[Token]:
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


def _verb_cue(token: Token, table: dict[str, tuple[str, frozenset[str]]]) -> _Cue | None:
    if not (token.pos_ == "VERB" or _verb_tagged_noun(token)) or token.dep_ in {"amod", "compound"}:
        return None
    if token.dep_ == "acl" and any(child.dep_ == "mark" for child in token.children):
        return None  # "the suggestion that Putin wanted …": a proposition, not a report
    lemma = token.lemma_.lower()
    for child in token.rights:
        if _particle(child) and _adjacent(token, child):
            phrase = f"{lemma} {child.lower_}"
            if phrase in table:
                verb_class, complements = table[phrase]
                span = _cue_span(token, child)
                return _Cue(token, phrase, verb_class, complements, span, particle=child)
    if _quoted_as_saying(token) is not None:
        saying = _quoted_as_saying(token)
        return _Cue(token, "say", "neutral", frozenset({"clause"}), _cue_span(token, saying))
    if lemma not in table:
        return None
    verb_class, complements = table[lemma]
    return _Cue(token, lemma, verb_class, complements, _cue_span(token, token))


def _verb_tagged_noun(token: Token) -> bool:
    """ "Trump claims that …", "Sanders Vows To …": a main verb with its subject and complement
    that the tagger took for a plural noun."""
    children = {child.dep_ for child in token.children}
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and "nsubj" in children
        and bool(children & {"ccomp", "xcomp", "dobj"})
    )


def _is_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and not _verb_tagged_noun(token)


def _particle(child: Token) -> bool:
    """A word completing a multiword cue: "point out", "call for", "put it"."""
    return child.dep_ in {"prt", "prep"} or (child.dep_ == "dobj" and child.lower_ == "it")


def _adjacent(verb: Token, particle: Token) -> bool:
    """The particle follows the verb with at most adverbs between ("spoke more often about")."""
    between = verb.doc[verb.i + 1 : particle.i]
    return all(token.pos_ == "ADV" for token in between)


def _quoted_as_saying(token: Token) -> Token | None:
    """``saying`` in "were quoted by X as saying", or None."""
    if token.lemma_.lower() != "quote":
        return None
    for child in token.rights:
        if child.lower_ == "as":
            for grandchild in child.children:
                if grandchild.lemma_.lower() in {"say", "tell"}:
                    return grandchild
    return None


# ---------------------------------------------------------------- speakers


def _subject(verb: Token, cues: dict[int, _Cue]) -> Token | None:
    """The token standing for who speaks: subject, passive agent, or a shared subject."""
    if _is_noun(verb):
        return _noun_speaker(verb)
    if _quoted_as_saying(verb) is not None:
        return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and agent.n_rights:
        return next(agent.rights)
    own = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
    if own is not None:
        return own
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "postings saying …"; "Putin's statement saying", "issued a statement saying": its author
        return _author(verb.head) or verb.head
    if verb.dep_ == "conj":
        outer = [a for a in verb.ancestors if a.i in cues and _own_subject(a) is not None]
        if outer:
            return _own_subject(outer[-1])
    head = verb
    while head.dep_ in _INHERITS_SUBJECT and head.head is not head:
        head = head.head
        subject = _own_subject(head)
        if subject is not None:
            return subject
    return _stranded_subject(verb)


def _stranded_subject(verb: Token) -> Token | None:
    """ "In a meeting with the board of the Post Trump said that …": a finite verb the parser left
    without a subject, right after a name or pronoun that it hung on something else."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == verb.sent.start:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ in {"PROPN", "PRON"} and before.dep_ in {"pobj", "dobj", "compound", "appos"}:
        return before
    return None


def _noun_speaker(noun: Token) -> Token | None:
    """ "his view that …" → his; "a Times report that …" → Times; "made a decision to …" → the
    light verb's subject."""
    return _author(noun) or next(
        (c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None
    )


def _author(noun: Token) -> Token | None:
    """Who a noun of saying belongs to: its possessor, or who "made"/"issued" it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_VERBS:
        return _own_subject(noun.head)
    return owner


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)


def _speaker_span(subject: Token) -> Span:
    """The speaker's noun phrase: the name an appositive gives, without its descriptions."""
    doc = subject.doc
    head = subject
    if subject.pos_ != "PROPN":
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            head = named
        elif subject.pos_ != "PRON":
            return _strip(doc, subject.left_edge.i, _before_clauses(subject))
    cut = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in {"appos", "relcl", "acl", "punct", "cc", "prep", "case"}:
            cut = min(cut, child.left_edge.i)
    has_conj = any(c.dep_ == "conj" for c in head.rights)
    if has_conj:
        cut = head.right_edge.i + 1
    left = head.left_edge.i if head is subject else head.left_edge.i
    return _strip(doc, left, cut)


def _before_clauses(noun: Token) -> int:
    """Where a common-noun speaker ends: before a participle or relative clause describing it
    ("a statement calling for …", "leaders opposing the bill", "nations that oppose …")."""
    clauses = [child.left_edge.i for child in noun.rights if child.dep_ in {"acl", "relcl"}]
    return min(clauses, default=noun.right_edge.i + 1)


def _strip(doc: Doc, start: int, end: int) -> Span:
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


# ---------------------------------------------------------------- indirect and mixed quotes


def _content(
    cue: _Cue, speaker: Token | None, table: dict[str, tuple[str, frozenset[str]]]
) -> tuple[int, int] | None:
    """Character span of what the cue reports, or None when it reports nothing."""
    verb = cue.token
    doc = verb.doc
    if "according" in cue.complements:
        return _according_content(verb)
    if _as_parenthetical(verb):
        return _host_around(verb, verb.head)
    if _is_noun(cue.token):
        return _span_of(doc, _noun_clauses(verb))
    if _quoted_as_saying(verb) is not None:
        saying = _quoted_as_saying(verb)
        parts = [c for c in (*verb.children, *saying.children) if c.dep_ == "ccomp"]
    else:
        parts = (
            _complement_parts(verb, cue.complements)
            + _prepositional_object(cue)
            + _passive_object(verb, cue.complements)
        )
    if not parts and (verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i < verb.i)):
        return _host_content(verb)
    clause = None if parts else _set_off(verb, speaker)
    if clause is not None:
        return _sentence_around(verb, clause)
    if not parts:
        return None
    parts = _one_side(verb, parts + _object_conjuncts(verb, parts))
    if speaker is not None and any(p.i > speaker.i for p in parts):
        parts = [p for p in parts if p.left_edge.i > speaker.i] or parts
    first = min(p.left_edge.i for p in parts)
    last = max(p.right_edge.i for p in parts)
    if speaker is not None and first <= speaker.i <= last:
        first = _after_fronted_relative(verb, parts, first)
        if first is None or first <= speaker.i:
            return None
    end = _boundary(cue, first, last + 1, table)
    span = _trim_content(doc, first, end)
    if span is None or (len(span) == 1 and span[0].pos_ == "PRON"):
        return None  # "showing him": a lone pronoun says nothing about what was reported
    return span.start_char, span.end_char


def _after_fronted_relative(verb: Token, parts: list[Token], first: int) -> int | None:
    """ "the mine, which Mr. Clarke says he is doing everything to keep open": the relative
    pronoun stands before the speaker; the reported words start after the cue."""
    if verb.dep_ != "relcl" or verb.doc[first].tag_ not in {"WDT", "WP", "WRB"}:
        return None
    after = [token.i for part in parts for token in part.subtree if token.i > verb.i]
    return min(after) if after else None


def _object_conjuncts(verb: Token, parts: list[Token]) -> list[Token]:
    """ "mentioned refinancing loans and forcing universities to …": a nominal or gerund
    conjunct the parser hung on the cue continues its object."""
    if not any(part.dep_ in {"dobj", "pobj"} for part in parts):
        return []
    return [
        child
        for child in verb.rights
        if child.dep_ == "conj"
        and (child.pos_ in {"NOUN", "PROPN"} or (child.tag_ == "VBG" and verb.tag_ != "VBG"))
        and not any(grand.dep_ in _SUBJECTS for grand in child.children)
    ]


def _one_side(verb: Token, parts: list[Token]) -> list[Token]:
    """A passive's content never straddles its cue: of "The senator was accused of lying", the
    longer side (the passive subject on a tie)."""
    before = [p for p in parts if p.i < verb.i]
    after = [p for p in parts if p.i > verb.i]
    if not before or not after or not any(p.dep_ == "nsubjpass" for p in before):
        return parts
    return after if _size(after) > _size(before) else before


def _size(parts: list[Token]) -> int:
    return sum(len(list(part.subtree)) for part in parts)


def _boundary(cue: _Cue, first: int, end: int, table: dict[str, tuple[str, frozenset[str]]]) -> int:
    """Where the reported words stop: before the first part that belongs to the reporting act.

    The parser often hangs these inside the complement, though they belong to the cue: a
    ``while``/``whereas`` clause ("said X on Tuesday while his counterpart drove home …"), a
    second verb phrase of the speaker ("acknowledged X and ordered the FSB to …"), and the act
    the report is made in ("told them X in one of his clearest admissions yet …").
    """
    doc = cue.token.doc
    for token in doc[first + 1 : end]:
        if _contrast_clause(token) or _speech_setting(token, table) or _speech_means(token, table):
            return token.left_edge.i if token.dep_ == "advcl" else token.i
        if _matrix_resumes(token):
            return token.i
        if _second_act(token, cue, table):
            before = token.left_edge.i
            return before - 1 if doc[before - 1].dep_ == "cc" else before
    return end


def _contrast_clause(token: Token) -> bool:
    return token.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in _CONTRAST_MARKS for child in token.children
    )


def _speech_means(token: Token, table: dict[str, tuple[str, frozenset[str]]]) -> bool:
    """ "sought to regain the initiative by declaring that …": the speech act is its own report."""
    if token.dep_ != "prep" or token.lower_ != "by":
        return False
    verbs = [child for child in token.children if child.dep_ == "pcomp"]
    return any(
        verb.lemma_.lower() in table
        and table[verb.lemma_.lower()][0] not in _NOT_SPEECH
        and any(child.dep_ == "ccomp" for child in verb.children)
        for verb in verbs
    )


def _matrix_resumes(token: Token) -> bool:
    """ "The mine, which he says he keeps open, lost money": a verb after a bare comma, parsed as
    a conjunct inside the clause, is the sentence resuming after the interruption."""
    previous = token.doc[token.i - 1]
    return (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and previous.text == ","
        and not any(child.dep_ in _SUBJECTS for child in token.children)
    )


def _second_act(token: Token, cue: _Cue, table: dict[str, tuple[str, frozenset[str]]]) -> bool:
    """A coordinated reporting verb in the cue's own tense, with no subject or auxiliary."""
    return (
        token.dep_ == "conj"
        and token.lemma_.lower() in table
        and token.tag_ == cue.token.tag_
        and not any(child.dep_ in _SUBJECTS | {"aux", "auxpass"} for child in token.children)
    )


def _speech_setting(token: Token, table: dict[str, tuple[str, frozenset[str]]]) -> bool:
    """``in a statement``, ``in one of his clearest admissions``: the act the report was made in.

    Only the lexicon's nouns of saying count: "appeared unsteady in his first debate" is content.
    """
    if token.dep_ != "prep" or token.lower_ not in {"in", "during"}:
        return False
    nouns = [child for child in token.children if child.dep_ == "pobj"]
    nouns += [g for n in nouns for c in n.children if c.lower_ == "of" for g in c.children]
    return any(_is_speech_noun(noun, table) for noun in nouns)


def _is_speech_noun(noun: Token, table: dict[str, tuple[str, frozenset[str]]]) -> bool:
    entry = table.get(noun.lemma_.lower())
    return entry is not None and "noun" in entry[1]


def _complement_parts(verb: Token, complements: frozenset[str]) -> list[Token]:
    parts = []
    for child in verb.children:
        misparsed = _misparsed_clause(child) if "clause" in complements else []
        if child.dep_ == "ccomp" and "clause" in complements:
            parts.append(child)
        elif misparsed:
            parts.extend(misparsed)
        elif child.dep_ in {"xcomp", "ccomp"} and "infinitive" in complements:
            parts.append(child)
        elif _nominal_object(child) and "object" in complements:
            parts.append(child)
        elif _object_preposition(child) and "object" in complements:
            parts.append(child)
    if "naming" in complements:
        return _naming_parts(verb)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if (
        "object" in complements
        and not passive
        and not any(p.dep_ in {"dobj", "ccomp"} or _nominal_object(p) for p in parts)
    ):
        return [p for p in parts if p.dep_ in {"ccomp", "xcomp"}]
    return parts


def _nominal_object(child: Token) -> bool:
    """An object, or a gerund standing for one ("proposed cutting taxes")."""
    return child.dep_ in {"dobj", "oprd"} or (child.dep_ == "xcomp" and child.tag_ == "VBG")


def _object_preposition(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ in _OBJECT_PREPOSITIONS


def _passive_object(verb: Token, complements: frozenset[str]) -> list[Token]:
    """ "The report was dismissed by the Kremlin", "it was labeled “Mostly True”": the passive
    subject is what was reported."""
    if not {"object", "naming"} & complements or any(c.dep_ == "ccomp" for c in verb.children):
        return []  # "It was reported that …": the clause is the content, "it" a placeholder
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def _prepositional_object(cue: _Cue) -> list[Token]:
    """ "called for more weapons", "called on Obama to act": the preposition's object."""
    if cue.particle is None or cue.particle.dep_ != "prep":
        return []
    return [child for child in cue.particle.children if child.dep_ in {"pobj", "pcomp"}]


def _naming_parts(verb: Token) -> list[Token]:
    """ "called the holiday “a celebration …”", "described the deal as …": object and predicate."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [
        c
        for c in verb.rights
        if c.dep_ in {"oprd", "xcomp", "ccomp", "attr"}
        or (c.dep_ == "prep" and c.lower_ in {"as", "to"})
    ]
    return objects + predicates if predicates else []


def _misparsed_clause(addressee: Token) -> list[Token]:
    """ "told operatives they needed to …": a zero-complementizer clause parsed as a relative."""
    if addressee.dep_ not in {"dobj", "dative"}:
        return []
    return [
        child
        for child in addressee.rights
        if child.dep_ == "relcl"
        and child.left_edge.i == addressee.i + 1
        and child.left_edge.lower_ not in _RELATIVE_WORDS
    ]


def _set_off(verb: Token, speaker: Token | None) -> tuple[int, int] | None:
    """``These employees, Stumpf explained, were well paid``, ``…, experts say.``: a finite
    reporting verb and its own subject with nothing after them, set off by a comma inside the
    sentence; the first and last token of that clause."""
    if speaker is None or speaker.head.i != verb.i or speaker.dep_ != "nsubj":
        return None
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or speaker.i > verb.i:
        return None
    doc, sentence = verb.doc, verb.sent
    first, last = speaker.left_edge.i, verb.i
    while last + 1 < sentence.end and doc[last + 1].dep_ in {"advmod", "npadvmod", "prep"}:
        last = doc[last + 1].right_edge.i
    before = doc[first - 1].text if first > sentence.start else ""
    after = doc[last + 1].text if last + 1 < sentence.end else ""
    if before != "," or after not in {",", ".", ""}:
        return None
    return first, last


def _sentence_around(verb: Token, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The longer side of the cue's sentence around the cue's own clause."""
    sentence = verb.sent
    before = (sentence.start, clause[0])
    after = (clause[1] + 1, sentence.end)
    start, end = max(before, after, key=lambda side: side[1] - side[0])
    span = _trim_content(verb.doc, start, end) if end > start else None
    if span is None or sum(not token.is_punct for token in span) < _MIN_UNATTRIBUTED_WORDS:
        return None
    return span.start_char, span.end_char


def _host_content(verb: Token) -> tuple[int, int] | None:
    """``Flows were cut, they said``: the clause the cue interrupts or follows, after a comma."""
    host = verb.head
    while host.dep_ == "conj" and host.head.i < host.i:
        host = host.head
    doc = verb.doc
    first, last = host.left_edge.i, host.right_edge.i
    opener = verb.left_edge.i
    while opener < verb.i and doc[opener].is_punct:
        opener += 1
    if opener <= first or doc[opener - 1].text not in {",", "—", "–"}:
        return None
    if any(child.dep_ == "mark" for child in verb.children):
        return None
    end = verb.left_edge.i if verb.right_edge.i >= last else last + 1
    span = _trim_content(doc, first, end)
    return None if span is None else (span.start_char, span.end_char)


def _according_content(according: Token) -> tuple[int, int] | None:
    return _host_around(according, according.head)


def _as_parenthetical(verb: Token) -> bool:
    """ "As the minister noted, …", "…, as Ms. Simonyan put it": the cue reports its host clause."""
    return (
        verb.dep_ == "advcl"
        and any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children)
        and not any(
            child.dep_ in {"ccomp", "xcomp"} or (child.dep_ == "dobj" and child.lower_ != "it")
            for child in verb.children
        )
    )


def _host_around(phrase: Token, host: Token) -> tuple[int, int] | None:
    """The host clause's words on the longer side of an inserted cue phrase."""
    doc = phrase.doc
    inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    tokens = [t.i for t in host.subtree if t.i not in inside]
    if not tokens:
        return None
    before = [i for i in tokens if i < inside.start]
    after = [i for i in tokens if i > inside.stop - 1]
    chosen = after if len(after) >= len(before) else before
    span = _trim_content(doc, chosen[0], chosen[-1] + 1)
    return None if span is None else (span.start_char, span.end_char)


def _span_of(doc: Doc, parts: list[Token]) -> tuple[int, int] | None:
    if not parts:
        return None
    span = _trim_content(doc, parts[0].left_edge.i, parts[-1].right_edge.i + 1)
    return None if span is None else (span.start_char, span.end_char)


def _trim_content(doc: Doc, start: int, end: int) -> Span | None:
    while start < end and (
        doc[start].is_space
        or (doc[start].is_punct and not _is_mark(doc[start]))
        or (doc[start].dep_ == "mark" and doc[start].lower_ == "that")
        or doc[start].dep_ == "cc"
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and not _is_mark(doc[end - 1]))
        or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _is_mark(token: Token) -> bool:
    return bool(MARK.fullmatch(token.text)) or token.text in OPENING | CLOSING


# ---------------------------------------------------------------- channel


def _channel(cue: _Cue, content: tuple[int, int] | None) -> str | None:
    verb = cue.token
    saying = _quoted_as_saying(verb)
    heads = [verb] if saying is None else [verb, saying]
    phrases = [
        child
        for head in heads
        for child in head.children
        if child.dep_ in {"prep", "agent", "advcl", "npadvmod"} and child.lower_ != "according"
    ]
    candidates: list[tuple[int, int, str]] = []
    for phrase in phrases:
        start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
        if content is not None and start < content[1] and content[0] < end:
            continue
        candidates.extend(_channel_terms_in(nlp.text_of(verb.doc)[start:end]))
        if phrase.dep_ == "agent" and saying is not None:
            outlet = _outlet(phrase)
            if outlet:
                candidates.append((_CHANNEL_PRIORITY["outlet"], 0, outlet))
    return min(candidates)[2] if candidates else None


def _channel_terms_in(phrase: str) -> list[tuple[int, int, str]]:
    lowered = phrase.lower()
    return [
        (_CHANNEL_PRIORITY[kind], -len(pattern.pattern), channel)
        for pattern, channel, kind in _channel_terms()
        if pattern.search(lowered)
    ]


def _outlet(agent: Token) -> str | None:
    for entity in agent.doc.ents:
        if agent.left_edge.i <= entity.start and entity.end <= agent.right_edge.i + 1:
            return entity.text
    names = [t.text for t in agent.subtree if t.pos_ == "PROPN"]
    return " ".join(names) or None


# ---------------------------------------------------------------- direct quotes


def _runs(text: str, segments: list[Quotation]) -> list[list[Quotation]]:
    """Group standalone segments into utterances: a quote with its re-openings in the next
    paragraphs. A quote that opens inside a clause is no utterance, nor are its continuations."""
    runs: list[list[Quotation]] = []
    continued = in_run = False
    for segment in segments:
        if not continued:
            in_run = _standalone(text, segment)
            if in_run:
                runs.append([segment])
        elif in_run:
            runs[-1].append(segment)
        continued = segment.continues
    return runs


def _split_runs(doc: Doc, runs: list[list[Quotation]], cues: dict[int, _Cue]) -> list:
    """Join same-paragraph runs separated only by their shared attribution."""
    merged: list[list[Quotation]] = []
    for run in runs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous[-1].paragraph == run[0].paragraph
            and "\n" not in nlp.text_of(doc)[previous[-1].close : run[0].open]
            and not previous[-1].continues
            and _joins(doc, previous, run, cues)
        ):
            previous.extend(run)
        else:
            merged.append(run)
    return merged


def _joins(
    doc: Doc, previous: list[Quotation], run: list[Quotation], cues: dict[int, _Cue]
) -> bool:
    """True when only an attribution (or nothing) separates two quoted stretches of one speaker.

    ``“A,” he said. “B.”`` is one utterance; ``“A,” he said. “B,” she added.`` is two, and so is
    ``“A.” He left. “B.”`` (narration between).
    """
    start, end = previous[-1].close, run[0].open
    if _introduces_next(doc, previous[-1]):
        return False
    in_gap = sum(1 for token in _tokens_between(doc, start, end) if token.i in cues)
    if in_gap == 0:
        return not nlp.text_of(doc)[start:end].strip()
    return in_gap == 1 and _after_cue(doc, run, cues) is None


def _introduces_next(doc: Doc, segment: Quotation) -> bool:
    """``“A.” To which she said, “B.”``: after a finished quote, a new sentence that leads into
    the next quote is that quote's attribution, not the first one's (a name may still close the
    first: ``“A.” Putin said, “b …”``)."""
    text = nlp.text_of(doc)
    inner = text[segment.start : segment.end].rstrip()
    following = MARK.search(text, segment.close, _paragraph_end(text, segment.close))
    if not inner or inner[-1] not in _SENTENCE_END or following is None:
        return False
    gap = _tokens_between(doc, segment.close, following.start())
    words = [token for token in gap if not token.is_space]
    return (
        bool(words)
        and words[0].text[:1].isupper()
        and words[0].pos_ != "PROPN"
        and words[-1].text in {",", ":"}
    )


def _tokens_between(doc: Doc, start: int, end: int) -> Span:
    """The tokens lying wholly between two character offsets (found by position, not by scan)."""
    starts, ends = _token_bounds(doc)
    return doc[bisect.bisect_left(starts, start) : bisect.bisect_right(ends, end)]


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end offsets of every token, computed once per Doc."""
    bounds = doc.user_data.get(_TOKEN_BOUNDS)
    if bounds is None:
        bounds = doc.user_data[_TOKEN_BOUNDS] = (
            [token.idx for token in doc],
            [token.idx + len(token) for token in doc],
        )
    return bounds


def _after_cue(doc: Doc, run: list[Quotation], cues: dict[int, _Cue]) -> _Cue | None:
    """The reporting clause after a quoted stretch, within its sentence."""
    text = nlp.text_of(doc)
    for segment in run:
        if _introduces_next(doc, segment):
            continue
        limit = _paragraph_end(text, segment.close)
        for token in _tokens_between(doc, segment.close, limit):
            if token.text in OPENING | AMBIGUOUS:
                break
            if token.i in cues and _attributes(cues[token.i], segment, cues, after=True):
                return cues[token.i]
            if _ends_sentence(token):
                break
    return None


def _before_cue(doc: Doc, run: list[Quotation], cues: dict[int, _Cue]) -> _Cue | None:
    """The reporting clause introducing a quote (``he said: “…``), or the previous paragraph's."""
    text = nlp.text_of(doc)
    first = run[0]
    start = text.rfind("\n", 0, first.open) + 1
    lead = text[start : first.open].strip()
    if not lead:
        prev_end = _trim_end(text, 0, start)
        if not text[:prev_end].endswith(":"):
            return None
        start, end = text.rfind("\n", 0, prev_end) + 1, prev_end
    else:
        end = first.open
    tokens = _tokens_between(doc, start, end)
    for token in reversed(tokens):
        if token.text in _SENTENCE_END or token.text in CLOSING | AMBIGUOUS:
            break
        if token.i in cues and _attributes(cues[token.i], first, cues, after=False):
            return cues[token.i]
    return None


def _ends_sentence(token: Token) -> bool:
    """A full stop, ! or ? followed by a capital or a new quote (not "(D-Wis.) said")."""
    if token.text not in _SENTENCE_END or token.i + 1 >= len(token.doc):
        return token.text in _SENTENCE_END
    following = token.doc[token.i + 1]
    return bool(token.whitespace_) and (following.text[:1].isupper() or _is_mark(following))


def _paragraph_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def _attributes(cue: _Cue, segment: Quotation, cues: dict[int, _Cue], *, after: bool) -> bool:
    """True when the cue has a speaker and reports nothing outside the quote."""
    verb = cue.token
    if cue.lemma == "according to":
        return True
    if cue.verb_class in _NOT_SPEECH or _is_noun(cue.token):
        return False
    subject = _subject(verb, cues)
    if subject is None:
        return False
    for child in verb.children:
        if child.dep_ == "ccomp":
            lo = child.left_edge.idx
            hi = child.right_edge.idx + len(child.right_edge)
            if (
                after
                and lo >= segment.close
                and not _quote_opens(nlp.text_of(verb.doc)[segment.close : lo + 1])
            ):
                return False
            if not after and hi <= segment.open and not _colon_between(verb.doc, hi, segment):
                return False
    return True


def _colon_between(doc: Doc, end: int, segment: Quotation) -> bool:
    """``said she has the quality it takes: “Steadiness …”``: the quote after a colon spells out
    the clause the cue reports."""
    return nlp.text_of(doc)[end : segment.open].strip() in {":", ""} and nlp.text_of(doc)[
        : segment.open
    ].rstrip().endswith(":")


def _quote_opens(text: str) -> bool:
    return any(mark in text for mark in (*OPENING, *AMBIGUOUS))


def _dash_name(doc: Doc, run: list[Quotation]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``“…” — Name``: the dash and the name after the last quoted stretch."""
    text = nlp.text_of(doc)
    last = run[-1]
    tail_end = _paragraph_end(text, last.close)
    match = _DASH_NAME.match(text, last.close, tail_end)
    if match is None:
        return None
    dash = text.index(match.group().strip()[0], last.close)
    name_start = match.start(1)
    name_end = _trim_end(text, name_start, match.end(1))
    return (dash, dash + 1), (name_start, name_end)


# ---------------------------------------------------------------- assembling


def find_quotes(
    doc: Doc,
    article_id: str,
    *,
    mentions: pd.DataFrame | None = None,
    verbs: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Direct, mixed and indirect quotes in one parsed article, with their quoted fragments.

    Args:
        doc: the article parsed by :func:`analysis.nlp.parse`.
        article_id: the article's id, copied into every row.
        mentions: the article's ``mentions`` frame (:func:`analysis.actors.find_mentions`);
            when given, ``speaker`` is the canonical actor of the mention at the speaker span.
        verbs: a reporting-verb lexicon (:func:`load_reporting_verbs`); the shipped one by default.

    Returns:
        The ``quotes`` and ``fragments`` frames (columns in :data:`analysis.frames.SCHEMAS`).
    """
    table = _verb_table(_default_verbs() if verbs is None else verbs)
    text = nlp.text_of(doc)
    segments = pair_quotation_marks(text)
    cues = {cue.token.i: cue for cue in _cues(doc, table)}
    transcript = _colon_quotes(doc, segments)
    direct, used = _direct_quotes(doc, segments, cues)
    direct = transcript + [q for q in direct if not _overlaps_direct((q.start, q.end), transcript)]
    reported = _outermost(_reported_quotes(doc, cues, table, used, direct, segments), direct)
    found = sorted(direct + reported, key=lambda quote: (quote.start, quote.end))
    _attach_stray_warnings(found, segments)
    return _frames(doc, article_id, found, mentions)


def _colon_quotes(doc: Doc, segments: list[Quotation]) -> list[_Quote]:
    """``PENCE: Well, …`` and ``Sanders: Clinton needs …``: a line opened by a name and a colon."""
    text = nlp.text_of(doc)
    found = []
    for match in _COLON_SPEAKER.finditer(text):
        if match.group(1).lower().rstrip(".") in _NOT_SPEAKERS:
            continue
        end = _paragraph_end(text, match.end())
        while end > match.end() and (text[end - 1].isspace() or text[end - 1] in CLOSING | {'"'}):
            end -= 1
        if len(text[match.end() : end].split()) < _MIN_UNATTRIBUTED_WORDS:
            continue
        inside = [s for s in segments if match.end() <= s.open and s.close <= end + 1]
        around = [s for s in segments if s.start <= match.end() and end <= s.end + 1]
        kind = "direct" if around else "mixed" if inside else "indirect"
        quote = _Quote(match.end(), end, kind, segments=around or inside)
        quote.speaker = (match.start(1), match.end(1))
        quote.cue = (match.end(1), match.end(1) + 1)
        quote.cue_class = "neutral"
        found.append(quote)
    return found


def _direct_quotes(
    doc: Doc, segments: list[Quotation], cues: dict[int, _Cue]
) -> tuple[list[_Quote], set[int]]:
    runs = _split_runs(doc, _runs(nlp.text_of(doc), segments), cues)
    quotes: list[_Quote] = []
    used: set[int] = set()
    for run in runs:
        quote = _Quote(run[0].start, run[-1].end, "direct", segments=list(run))
        quote.warnings = [s.warning for s in run if s.warning]
        _attribute_run(doc, run, quote, cues, used)
        if quote.speaker is None and not _floating(quote, quotes, nlp.text_of(doc)):
            continue
        quotes.append(quote)
    return quotes, used


def _attribute_run(
    doc: Doc, run: list[Quotation], quote: _Quote, cues: dict[int, _Cue], used: set[int]
) -> None:
    lead = nlp.text_of(doc)[nlp.text_of(doc).rfind("\n", 0, run[0].open) + 1 : run[0].open].rstrip()
    finders = (_before_cue, _after_cue) if lead.endswith((":", ",")) else (_after_cue, _before_cue)
    for finder in finders:
        cue = finder(doc, run, cues)
        if cue is not None:
            _set_cue(quote, cue, _subject(cue.token, cues), None)
            if isinstance(quote.speaker, Span) and _inside(quote.speaker.start_char, [quote]):
                quote.speaker, quote.speaker_name = _speaker_beside(doc, run, cue), None
            used.add(cue.token.i)
            return
    dashed = _dash_name(doc, run)
    if dashed is not None:
        quote.cue, quote.speaker = dashed
        quote.cue_class = "neutral"
        return
    cue = _attribution_before(doc, run, cues)
    if cue is not None:
        _set_cue(quote, cue, _subject(cue.token, cues), None)


def _attribution_before(doc: Doc, run: list[Quotation], cues: dict[int, _Cue]) -> _Cue | None:
    """``… are “not meeting the demand,” says Rieckhoff. “We often compare it …”``: a quote
    opening the sentence after a quotation attributed behind it goes on with that speaker."""
    text = nlp.text_of(doc)
    first = run[0]
    line_start = text.rfind("\n", 0, first.open) + 1
    lead = text[line_start : first.open].rstrip()
    if not lead or lead[-1] not in _SENTENCE_END:
        return None
    previous = doc[_tokens_between(doc, line_start, first.open)[-1].i].sent
    closed = max(text.rfind(mark, previous.start_char, first.open) for mark in (*CLOSING, '"'))
    if closed < previous.start_char:
        return None
    for token in reversed(list(previous)):
        cue = cues.get(token.i)
        if token.idx < closed:
            return None
        if cue is not None and cue.verb_class not in _NOT_SPEECH and _subject(token, cues):
            return cue
    return None


def _speaker_beside(doc: Doc, run: list[Quotation], cue: _Cue) -> Span | None:
    """The parser took a word of the quote for the cue's subject (``“… One of the brightest,”
    said Cummings``): the first noun phrase of the attribution, outside the quotation marks."""
    sentence = cue.token.sent
    start = max((s.close for s in run if s.close <= cue.token.idx), default=sentence.start_char)
    end = min((s.open for s in run if s.open > cue.token.idx), default=sentence.end_char)
    chunks = [c for c in sentence.noun_chunks if start <= c.start_char and c.end_char <= end]
    return chunks[0] if chunks else None


def _floating(quote: _Quote, earlier: list[_Quote], text: str) -> bool:
    """Give an unattributed quote the previous quote's speaker; False when it cannot stand."""
    words = len(text[quote.start : quote.end].split())
    previous = earlier[-1] if earlier else None
    paragraph = quote.segments[0].paragraph
    if previous is not None and previous.speaker is not None:
        if paragraph - previous.segments[-1].paragraph <= _FLOATING_PARAGRAPHS:
            quote.speaker = previous.speaker
            quote.speaker_name = previous.speaker_name
            quote.warnings.append("no reporting verb beside it; attributed to the previous speaker")
            return True
    if words < _MIN_UNATTRIBUTED_WORDS:
        return False
    quote.warnings.append("no speaker found")
    return True


def _set_cue(quote: _Quote, cue: _Cue, subject: Token | None, content) -> None:
    quote.cue = cue.span
    quote.cue_lemma = cue.lemma
    quote.cue_class = cue.verb_class
    quote.channel = _channel(cue, content)
    if cue.lemma == "according to":
        to = next(c for c in cue.token.children if c.lower_ == "to")
        pobj = next(c for c in to.children if c.dep_ == "pobj")
        quote.speaker = _speaker_span(pobj)
    elif subject is not None:
        quote.speaker = _speaker_span(subject)
        quote.speaker_name = _relative_antecedent(subject)


def _relative_antecedent(subject: Token) -> str | None:
    """For "who"/"which" subjects of a relative clause, the noun phrase they stand for."""
    if subject.tag_ not in {"WP", "WDT"} or subject.head.dep_ != "relcl":
        return None
    return _speaker_span(subject.head.head).text


def _reported_quotes(
    doc: Doc,
    cues: dict[int, _Cue],
    table: dict[str, tuple[str, frozenset[str]]],
    used: set[int],
    direct: list[_Quote],
    segments: list[Quotation],
) -> list[_Quote]:
    quotes = []
    for index, cue in cues.items():
        if index in used or _inside(doc[index].idx, direct):
            continue
        subject = None if cue.lemma == "according to" else _subject(cue.token, cues)
        if subject is None and not _speakerless(cue):
            continue
        content = _content(cue, subject, table)
        if content is None or _overlaps_direct(content, direct):
            continue
        quotes.append(_reported_quote(doc, cue, subject, content, segments))
    return quotes


def _outermost(reported: list[_Quote], direct: list[_Quote]) -> list[_Quote]:
    """Drop reported quotes whose cue lies inside another quote's content.

    In "he said she plans to run", what "she plans" is part of what he said: the words already
    belong to the outer quote, and a nested row would count them twice.
    """
    everything = reported + direct
    return [
        quote
        for quote in reported
        if not any(
            other is not quote
            and other.cue_class not in _NOT_SPEECH
            and other.start <= quote.cue[0] < other.end
            for other in everything
        )
    ]


def _speakerless(cue: _Cue) -> bool:
    """Cues that report without naming who: "according to", nouns, agentless passives."""
    passive = any(child.dep_ == "nsubjpass" for child in cue.token.children)
    return cue.lemma == "according to" or _is_noun(cue.token) or passive


def _inside(char: int, quotes: list[_Quote]) -> bool:
    return any(
        segment.start <= char < segment.end for quote in quotes for segment in quote.segments
    )


def _overlaps_direct(content: tuple[int, int], direct: list[_Quote]) -> bool:
    start, end = content
    for quote in direct:
        shared = min(end, quote.end) - max(start, quote.start)
        if shared > 0.5 * min(end - start, quote.end - quote.start):
            return True
    return False


def _reported_quote(
    doc: Doc, cue: _Cue, subject: Token | None, content: tuple[int, int], segments: list[Quotation]
) -> _Quote:
    start, end = content
    for segment in segments:
        if segment.open < end and start < segment.close:
            start, end = min(start, segment.open), max(end, segment.close)
    end = _continued(nlp.text_of(doc), _through_paragraphs(start, end, segments), segments)
    inside = [s for s in segments if start <= s.open and s.close <= end]
    kind = "mixed" if inside else "indirect"
    if (
        len(inside) == 1
        and not nlp.text_of(doc)[start : inside[0].open].strip(" ,")
        and not nlp.text_of(doc)[inside[0].close : end].strip(" .,")
    ):
        kind, start, end = "direct", inside[0].start, inside[0].end
    quote = _Quote(start, end, kind, segments=inside)
    quote.warnings = [s.warning for s in inside if s.warning]
    _set_cue(quote, cue, subject, content)
    return quote


def _through_paragraphs(start: int, end: int, segments: list[Quotation]) -> int:
    """A quotation in the content that goes on in the next paragraph takes the content there."""
    for current, following in zip(segments, segments[1:], strict=False):
        if current.continues and start <= current.open and current.close <= end:
            end = max(end, following.close)
    return end


def _continued(text: str, end: int, segments: list[Quotation]) -> int:
    """``said “You know, I love Larry,” but “when it comes to energy …”``: a quoted stretch that a
    conjunction joins to the content, inside the sentence, continues it."""
    for segment in segments:
        if segment.open < end:
            continue
        gap = text[end : segment.open]
        joined = " ".join(gap.replace(",", " ").split()).lower()
        if "\n" in gap or joined not in _JOINING or _standalone(text, segment):
            break
        end = segment.close
    return end


def _attach_stray_warnings(found: list[_Quote], segments: list[Quotation]) -> None:
    """A mark problem in no quote is reported on the quote nearest to it, so none is lost."""
    placed = {id(s) for quote in found for s in quote.segments}
    for segment in segments:
        if segment.warning and id(segment) not in placed and found:
            nearest = min(found, key=lambda quote: abs(quote.start - segment.start))
            nearest.warnings.append(segment.warning)


# ---------------------------------------------------------------- frames


def _frames(
    doc: Doc, article_id: str, found: list[_Quote], mentions: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    quote_rows, fragment_rows = [], []
    for quote_id, quote in enumerate(found):
        quote_rows.append(_quote_row(doc, article_id, quote_id, quote, mentions))
        for segment in quote.segments:
            words = nlp.text_of(doc)[segment.start : segment.end]
            fragment_rows.append(
                {
                    "article_id": article_id,
                    "quote_id": quote_id,
                    "start": segment.start,
                    "end": segment.end,
                    "text": words,
                    "polarity": sentiment.textblob_scores(words)[0],
                }
            )
    return frames.conform("quotes", quote_rows), frames.conform("fragments", fragment_rows)


def _quote_row(
    doc: Doc, article_id: str, quote_id: int, quote: _Quote, mentions: pd.DataFrame | None
) -> dict:
    text = nlp.text_of(doc)
    content = text[quote.start : quote.end]
    scored = (
        " ".join(text[s.start : s.end] for s in quote.segments)
        if quote.kind == "direct"
        else content
    )
    polarity, subjectivity = sentiment.textblob_scores(scored)
    speaker_start, speaker_end = _speaker_offsets(quote.speaker)
    speaker_text = text[speaker_start:speaker_end] if speaker_start is not None else None
    cue_start, cue_end = quote.cue if quote.cue else (None, None)
    return {
        "article_id": article_id,
        "quote_id": quote_id,
        "sent_start": nlp.sent_id_of(doc, quote.start),
        "sent_end": nlp.sent_id_of(doc, max(quote.end - 1, quote.start)),
        "start": quote.start,
        "end": quote.end,
        "content": content,
        "kind": quote.kind,
        "speaker": _canonical(mentions, speaker_start, speaker_end, quote, speaker_text),
        "speaker_text": speaker_text,
        "speaker_start": speaker_start,
        "speaker_end": speaker_end,
        "cue": text[cue_start:cue_end] if cue_start is not None else None,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "cue_lemma": quote.cue_lemma,
        "cue_class": quote.cue_class,
        "channel": quote.channel,
        "polarity": polarity,
        "subjectivity": subjectivity,
        "vader_compound": sentiment.vader_compound(scored),
        "warning": "; ".join(quote.warnings) or None,
    }


def _speaker_offsets(speaker: Span | tuple[int, int] | None) -> tuple[int | None, int | None]:
    if speaker is None:
        return None, None
    if isinstance(speaker, Span):
        return speaker.start_char, speaker.end_char
    return speaker


def _canonical(
    mentions: pd.DataFrame | None,
    start: int | None,
    end: int | None,
    quote: _Quote,
    speaker_text: str | None,
) -> str | None:
    """The speaker's actor: the mention at the speaker's head, else the words as written.

    A mention of a possessor inside the speaker's phrase ("*his* associates") is not the speaker.
    A pronoun nothing resolves ("It", "They") is no actor: the speaker is left empty (<NA>) and
    ``speaker_text`` keeps the word.
    """
    if start is None:
        return None
    head = quote.speaker.root if isinstance(quote.speaker, Span) else None
    if mentions is not None:
        from analysis.actors import actor_at

        mention = actor_at(mentions, start, end)
        if mention is not None and head is not None and not _covers(mention, head):
            mention = actor_at(mentions, head.idx, head.idx + len(head))
        if mention is not None and not _unresolved(str(mention["actor"]), head):
            return str(mention["actor"])
    if quote.speaker_name:
        return quote.speaker_name
    return None if _unresolved(speaker_text, head) else speaker_text


def _covers(mention: pd.Series, token: Token) -> bool:
    return int(mention["start"]) <= token.idx < int(mention["end"])


def _unresolved(actor: str | None, head: Token | None) -> bool:
    """True when the speaker is a pronoun standing for itself ("It" said …)."""
    return head is not None and head.pos_ == "PRON" and (actor or "").lower() == head.lower_
