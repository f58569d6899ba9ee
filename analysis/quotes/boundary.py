"""Where a report's content stops: before the reporting act resumes, without the edges.

The parser often hangs parts of the reporting act inside the complement, though they belong to the
cue: a ``while`` clause, a coordinated reporting verb of the speaker (``acknowledged X and ordered
…``), ``in a statement``, ``by declaring that …``, a participle of saying with its own complement,
another speaker's relative clause. A content the parser closed at a sentence split goes on into the
next sentence. Spans are trimmed of punctuation (not quotation marks), ``that`` and conjunctions at
their edges.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from analysis.quotes.cues import (
    NOT_SPEECH,
    SUBJECTS,
    Cue,
    VerbTable,
    comma_participle,
    verb_cue,
)
from analysis.quotes.layout import is_mark

#: Subordinators of a clause that sets the report against something else or concedes a point
#: against it: the writer's, not part of the report.
_CONTRAST_MARKS = {"while", "whereas", "although", "though"}


def across_split(doc: Doc, end: int) -> int:
    """``cited remarks Trump had made about her as …``: a content that reaches the end of a
    sentence the parser closed on a word, with the paragraph going on, goes on to the end of the
    next sentence (the parser split the sentence before a capitalised word)."""
    while (
        0 < end < len(doc)
        and doc[end - 1].sent.end == end
        and not doc[end - 1].is_punct
        and "\n" not in doc[end - 1 : doc[end].sent.end - 1].text_with_ws
    ):
        end = doc[end].sent.end
    return end


def boundary(cue: Cue, first: int, end: int, table: VerbTable) -> int:
    """Where the reported words stop: before the first part that belongs to the reporting act.

    The parser often hangs these inside the complement, though they belong to the cue: a
    ``while``/``whereas``/``although`` clause ("said X on Tuesday while his counterpart drove home
    …", "claimed X, although he again refused to …"), a second verb phrase of the speaker
    ("acknowledged X and ordered the FSB to …"), and the act the report is made in ("told them X
    in one of his clearest admissions yet …").
    """
    doc = cue.token.doc
    for token in doc[first + 1 : end]:
        if _contrast_clause(token) or _speech_setting(token, table) or _speech_means(token, table):
            return token.left_edge.i if token.dep_ == "advcl" else token.i
        if _matrix_resumes(token):
            return token.i
        if (
            _reporting_participle(token, table)
            or _coordinated_report(token, table)
            or _relative_report(token, table)
        ):
            return token.left_edge.i
        if _second_act(token, cue, table):
            before = token.left_edge.i
            return before - 1 if doc[before - 1].dep_ == "cc" else before
    return end


def _contrast_clause(token: Token) -> bool:
    return token.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in _CONTRAST_MARKS for child in token.children
    )


def _speech_means(token: Token, table: VerbTable) -> bool:
    """ "sought to regain the initiative by declaring that …": the speech act is its own report."""
    if token.dep_ != "prep" or token.lower_ != "by":
        return False
    verbs = [child for child in token.children if child.dep_ == "pcomp"]
    return any(
        _speech_verb(verb, table) and any(child.dep_ == "ccomp" for child in verb.children)
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
        and not any(child.dep_ in SUBJECTS for child in token.children)
    )


def _reporting_participle(token: Token, table: VerbTable) -> bool:
    """ "said he did not believe it, arguing that …": a participle of saying with its own
    complement, set off by a comma, is a report of its own (by the same speaker), not part of
    what the first verb reports."""
    return (
        comma_participle(token)
        and token.lemma_.lower() in table
        and any(child.dep_ in {"ccomp", "dobj", "xcomp"} for child in token.children)
    )


def _coordinated_report(token: Token, table: VerbTable) -> bool:
    """ "She said fathers would not be eligible, and when pressed, the mother replied, “…”": a
    coordinated speech verb with a subject of its own starts another report."""
    return (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and _speech_verb(token, table)
        and any(child.dep_ in SUBJECTS for child in token.children)
    )


def _relative_report(token: Token, table: VerbTable) -> bool:
    """ "denounced the annexation in a diatribe, which RT pointed to as …": a relative clause set
    off by a comma whose speech verb has a subject of its own is another speaker's report."""
    return (
        token.dep_ == "relcl"
        and _speech_verb(token, table)
        and token.doc[token.left_edge.i - 1].text == ","
        and any(
            child.dep_ in SUBJECTS and child.tag_ not in {"WDT", "WP"} for child in token.children
        )
    )


def _speech_verb(token: Token, table: VerbTable) -> bool:
    """Whether ``token`` is a verb of speech as every cue is found (:func:`cues.verb_cue`: its
    phrasal entry before its lemma's), not of a class that reports no speech."""
    cue = verb_cue(token, table)
    return cue is not None and cue.verb_class not in NOT_SPEECH


def _second_act(token: Token, cue: Cue, table: VerbTable) -> bool:
    """A coordinated reporting verb in the cue's own tense, with no subject or auxiliary."""
    return (
        token.dep_ == "conj"
        and token.lemma_.lower() in table
        and token.tag_ == cue.token.tag_
        and not any(child.dep_ in SUBJECTS | {"aux", "auxpass"} for child in token.children)
    )


def _speech_setting(token: Token, table: VerbTable) -> bool:
    """``in a statement``, ``in one of his clearest admissions``: the act the report was made in.

    Only the lexicon's nouns of saying count: "appeared unsteady in his first debate" is content.
    """
    if token.dep_ != "prep" or token.lower_ not in {"in", "during"}:
        return False
    nouns = [child for child in token.children if child.dep_ == "pobj"]
    nouns += [g for n in nouns for c in n.children if c.lower_ == "of" for g in c.children]
    return any(_is_speech_noun(noun, table) for noun in nouns)


def _is_speech_noun(noun: Token, table: VerbTable) -> bool:
    entry = table.get(noun.lemma_.lower())
    return entry is not None and "noun" in entry[1]


def trim_content(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens ``start:end`` without punctuation (not quotation marks), ``that`` and
    conjunctions at their edges, or None when nothing is left."""
    while start < end and (
        doc[start].is_space
        or (doc[start].is_punct and not is_mark(doc[start]))
        or (doc[start].dep_ == "mark" and doc[start].lower_ == "that")
        or doc[start].dep_ == "cc"
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and not is_mark(doc[end - 1]))
        or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return doc[start:end] if end > start else None
