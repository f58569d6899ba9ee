"""What was said: the span a cue reports.

The complement the lexicon licenses (a clause, an object or gerund, an infinitive, a naming
predicate, a noun's clause), or the host clause of an inserted cue (``as X noted, …``, ``…, experts
say``, ``according to X``: :mod:`~analysis.quotes.hosts`). Content stops where the reporting act
resumes, and is trimmed at its edges (:mod:`~analysis.quotes.boundary`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.quotes.boundary import across_split, boundary, trim_content
from analysis.quotes.cues import (
    SUBJECTS,
    Cue,
    VerbTable,
    addresses,
    attitude_content,
    experiencer,
    is_noun,
    noun_clauses,
    quoted_as_saying,
    raising_complement,
    stray_complements,
)
from analysis.quotes.hosts import (
    according_content,
    as_parenthetical,
    host_around,
    host_content,
    inserted,
    sentence_around,
    set_off,
)
from analysis.syntax import to_infinitive

_RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "where", "when"}
#: Words opening an embedded question that may be coordinated with a reported object.
_QUESTION_WORDS = {"how", "why", "what", "whether"}
#: Prepositions completing a reported object: "dismissed X as Y", "accused X of Y".
_OBJECT_PREPOSITIONS = {"as", "for", "of", "with"}


def content_of(cue: Cue, speaker: Token | None, table: VerbTable) -> tuple[int, int] | None:
    """Character span of what the cue reports, or None when it reports nothing."""
    verb = cue.token
    doc = verb.doc
    if "according" in cue.complements:
        return according_content(verb)
    if "raising" in cue.complements:
        return _seeming_content(verb, table)
    if "attitude" in cue.complements:
        return _span_of(doc, attitude_content(verb))
    if as_parenthetical(verb):
        return host_around(verb, verb.head)
    if is_noun(cue.token):
        return _span_of(doc, noun_clauses(verb))
    if quoted_as_saying(verb) is not None:
        saying = quoted_as_saying(verb)
        parts = [c for c in (*verb.children, *saying.children) if c.dep_ == "ccomp"]
    else:
        parts = (
            _without_addressee(cue, _complement_parts(verb, cue.complements))
            + _prepositional_object(cue)
            + _passive_object(verb, cue.complements)
        )
    if not parts and (verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i < verb.i)):
        return inserted(verb) or host_content(verb)
    clause = None if parts else set_off(verb, speaker)
    if clause is not None:
        return sentence_around(verb, clause)
    if not parts:
        return None
    parts = _one_side(verb, parts + _object_conjuncts(verb, parts))
    parts += _raised_conjunct(verb, parts) + _reason_after(verb, parts)
    parts += _object_modifiers(verb, parts)
    if speaker is not None and any(p.i > speaker.i for p in parts):
        parts = [p for p in parts if p.left_edge.i > speaker.i] or parts
    first = min(p.left_edge.i for p in parts)
    last = max(p.right_edge.i for p in parts)
    if speaker is not None and first <= speaker.i <= last:
        first = _after_fronted_relative(verb, parts, first)
        if first is None or first <= speaker.i:
            return None
    end = boundary(cue, first, across_split(doc, last + 1), table)
    span = trim_content(doc, first, end)
    if span is None or (len(span) == 1 and span[0].pos_ == "PRON"):
        return None  # "showing him": a lone pronoun says nothing about what was reported
    return span.start_char, span.end_char


def _seeming_content(verb: Token, table: VerbTable) -> tuple[int, int] | None:
    """ "The plan seems to have failed": what seems so, the subject with the complement (only the
    clause of "it appears that …")."""
    complement = raising_complement(verb)
    if complement is None or (complement.dep_ != "ccomp" and complement.lemma_.lower() in table):
        return None  # "appeared to blame the workers": the inner cue is the report
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.tag_ == "WP":
        return None  # "what appeared to be a waiting room": the writer's hedged description
    first = complement.left_edge.i
    if complement.dep_ != "ccomp" and subject is not None:
        first = subject.left_edge.i
    end = complement.right_edge.i + 1
    holder = experiencer(verb)
    if holder is not None and first < holder.head.i < end:
        end = holder.head.i  # "seemed credible to the auditors": the holder is no part of it
    span = trim_content(verb.doc, first, end)
    return None if span is None else (span.start_char, span.end_char)


def _after_fronted_relative(verb: Token, parts: list[Token], first: int) -> int | None:
    """ "the mine, which Mr. Clarke says he is doing everything to keep open", "the gap between
    what Trump says his plan would do and …": the relative or wh-word stands before the speaker;
    the reported words start after the cue."""
    if verb.doc[first].tag_ not in {"WDT", "WP", "WRB"}:
        return None
    after = [token.i for part in parts for token in part.subtree if token.i > verb.i]
    return min(after) if after else None


def _object_conjuncts(verb: Token, parts: list[Token]) -> list[Token]:
    """ "mentioned refinancing loans and forcing universities to …": a nominal or gerund
    conjunct the parser hung on the cue continues its object, and so does a question clause
    ("spoke of the legacy of racism and how the fight for justice went on")."""
    if not any(part.dep_ in {"dobj", "pobj"} for part in parts):
        return []
    return [
        child
        for child in verb.rights
        if child.dep_ == "conj"
        and (
            (
                (child.pos_ in {"NOUN", "PROPN"} or (child.tag_ == "VBG" and verb.tag_ != "VBG"))
                and not any(grand.dep_ in SUBJECTS for grand in child.children)
            )
            or child.left_edge.lower_ in _QUESTION_WORDS
        )
    ]


def _object_modifiers(verb: Token, parts: list[Token]) -> list[Token]:
    """ "noted the rule in the interview last week", "announced a curfew from midnight to 6 a.m.":
    after a reported object, the phrases the parser hung on the cue go with the object."""
    if any(p.dep_ not in {"dobj", "pobj"} or p.i < verb.i for p in parts):
        return []
    after = max(p.right_edge.i for p in parts)
    return [
        child
        for child in verb.rights
        if child.i > after and child.dep_ in {"prep", "npadvmod"} and child not in parts
    ]


def _reason_after(verb: Token, parts: list[Token]) -> list[Token]:
    """ "said that claim smacked of hypocrisy, because Democrats have …": a ``because`` clause
    after a reported clause gives the speaker's reason, part of what is reported."""
    clauses = [p for p in parts if p.dep_ == "ccomp" and p.i > verb.i]
    if not clauses:
        return []
    return [
        child
        for child in verb.rights
        if child.dep_ == "advcl"
        and child.i > max(c.i for c in clauses)
        and any(g.dep_ == "mark" and g.lower_ == "because" for g in child.children)
    ]


def _raised_conjunct(verb: Token, parts: list[Token]) -> list[Token]:
    """ "started off by emphasizing economic fairness, and a need to raise …", "promising to meet
    and in some cases exceed his goals": a conjunct right after the content that the parser hung
    on a verb above the cue continues the content when it has no subject and matches it (a noun
    after an object, a bare verb after an infinitive)."""
    doc = verb.doc
    last = max(token.i for part in parts for token in part.subtree)
    following = last + 1
    while following < len(doc) and (doc[following].text == "," or doc[following].dep_ == "cc"):
        following += 1
    if following == last + 1 or following >= len(doc):
        return []
    conjunct = doc[following]
    while conjunct.dep_ != "conj" and conjunct.head.i > conjunct.i:
        conjunct = conjunct.head  # "and in some cases exceed": the conjunct after its modifiers
    if conjunct.dep_ != "conj" or conjunct.head not in verb.ancestors:
        return []
    if any(child.dep_ in SUBJECTS for child in conjunct.children):
        return []
    nominal = any(p.dep_ in {"dobj", "pobj"} for p in parts) and conjunct.pos_ in {"NOUN", "PROPN"}
    infinitive = any(p.dep_ == "xcomp" and p.tag_ == "VB" for p in parts) and conjunct.tag_ in {
        "VB",
        "VBP",
    }
    return [conjunct] if nominal or infinitive else []


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


def _complement_parts(verb: Token, complements: frozenset[str]) -> list[Token]:
    stray = stray_complements(verb)
    parts = [
        child
        for child in stray
        if ("infinitive" if to_infinitive(child) else "clause") in complements
    ]
    for child in verb.children:
        misparsed = (
            _misparsed_clause(child, addresses(complements)) + _clause_in_setting(child)
            if "clause" in complements
            else []
        )
        if (child.dep_ == "ccomp" or _unmarked_clause(child)) and "clause" in complements:
            parts.append(child)
        elif misparsed:
            parts.extend(misparsed)
        elif (child.dep_ in {"xcomp", "ccomp"} or _addressed_infinitive(child)) and (
            "infinitive" in complements
        ):
            parts.append(child)
        elif _nominal_object(child) and "object" in complements:
            parts.append(child)
        elif _object_preposition(child) and "object" in complements:
            parts.append(child)
    naming = (
        _naming_parts(verb, compared="comparison" in complements)
        if {"reason", "naming"} & complements
        else []
    )
    if "reason" in complements and not naming:
        return _reason_parts(verb)
    if "naming" in complements and (naming or "object" not in complements):
        return naming
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if (
        "object" in complements
        and not passive
        and not any(p.dep_ in {"dobj", "ccomp"} or _nominal_object(p) for p in parts)
    ):
        return [
            p for p in parts if p.dep_ in {"ccomp", "xcomp"} or _unmarked_clause(p) or p in stray
        ]
    return parts


def _addressed_infinitive(child: Token) -> bool:
    """ "tells his supporters at a rally to “go to your place and vote”": a to-infinitive after
    the cue's addressee that the parser hung on the cue as an adverbial clause is what the
    addressee is told to do."""
    return (
        child.dep_ == "advcl"
        and to_infinitive(child)
        and any(
            c.dep_ in {"dobj", "dative"} and c.head.i < c.i < child.i for c in child.head.children
        )
    )


def _unmarked_clause(child: Token) -> bool:
    """ "said after the convention he would not accept …": a finite clause with its own subject
    and no subordinator, after the cue and not set off by a comma, that the parser hung on the
    cue as an adverbial clause is its complement."""
    return (
        child.dep_ == "advcl"
        and child.i > child.head.i
        and child.doc[child.left_edge.i - 1].text != ","
        and any(c.dep_ in SUBJECTS for c in child.children)
        and (child.tag_ in {"VBD", "VBZ", "VBP"} or any(c.tag_ == "MD" for c in child.children))
        and not any(c.dep_ == "mark" or c.tag_ in {"WRB", "WDT", "WP"} for c in child.children)
    )


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


def _without_addressee(cue: Cue, parts: list[Token]) -> list[Token]:
    """ "asked the minister about the funds": the object before a phrasal cue's preposition is
    whom the speaker addressed, not what was reported; and the preposition is the cue's."""
    if cue.particle is None or cue.particle.dep_ != "prep":
        return parts
    particle = cue.particle.i
    return [
        p
        for p in parts
        if p.i != particle and not (p.dep_ in {"dobj", "dative"} and p.i < particle)
    ]


def _prepositional_object(cue: Cue) -> list[Token]:
    """ "called for more weapons", "called on Obama to act": the preposition's object."""
    if cue.particle is None or cue.particle.dep_ != "prep":
        return []
    return [child for child in cue.particle.children if child.dep_ in {"pobj", "pcomp"}]


def _reason_parts(verb: Token) -> list[Token]:
    """ "attacked the mayor for her handling of the floods": a verb that reports only when it
    gives its reason (an attack with words, not blows) reports the object with the reason."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    reasons = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "for"]
    return objects + reasons if objects and reasons else []


def _naming_parts(verb: Token, *, compared: bool = False) -> list[Token]:
    """ "called the holiday “a celebration …”", "described the deal as …": object and predicate;
    for a verb of comparison (``compared``: "likened the deal to a surrender"), a "to" phrase is
    the predicate too (elsewhere it is a direction: "saw a spike in arrivals to the island")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    prepositions = {"as", "to"} if compared else {"as"}
    predicates = [
        c
        for c in verb.rights
        if c.dep_ in {"oprd", "xcomp", "ccomp", "attr"}
        or (c.dep_ == "prep" and c.lower_ in prepositions)
    ]
    if predicates:
        return objects + predicates
    if len(objects) > 1:  # "branded the town a disgrace": the name parsed as a second object
        return objects
    # "see the ferry as a lifeline": the "as" phrase hung on the object
    return [o for o in objects if any(c.dep_ == "prep" and c.lower_ == "as" for c in o.children)]


def _misparsed_clause(addressee: Token, addressed: bool) -> list[Token]:
    """ "told operatives they needed to …", "told a meeting of leaders that few people …": a
    complement clause parsed as a relative on the addressee (without "that" right after it, or,
    after a verb whose object is its addressee, with "that" as its subordinator)."""
    if addressee.dep_ not in {"dobj", "dative"}:
        return []
    return [
        child
        for child in addressee.rights
        if child.dep_ == "relcl"
        and (
            (child.left_edge.i == addressee.i + 1 and child.left_edge.lower_ not in _RELATIVE_WORDS)
            or (addressed and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children))
        )
    ]


def _clause_in_setting(prep: Token) -> list[Token]:
    """ "told his protégés on a regular basis that “terrorism is the answer”": a that-clause the
    parser hung on the noun of the cue's prepositional phrase."""
    if prep.dep_ != "prep" or prep.i < prep.head.i:
        return []
    return [
        clause
        for noun in prep.children
        if noun.dep_ == "pobj"
        for clause in noun.rights
        if clause.dep_ in {"acl", "relcl"}
        and clause.left_edge.lower_ == "that"
        and clause.left_edge.dep_ == "mark"
    ]


def _span_of(doc: Doc, parts: list[Token]) -> tuple[int, int] | None:
    if not parts:
        return None
    span = trim_content(doc, parts[0].left_edge.i, parts[-1].right_edge.i + 1)
    return None if span is None else (span.start_char, span.end_char)
