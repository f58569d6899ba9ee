"""Who does what to whom: the grammatical agents and patients of a verb.

:func:`agents_of` and :func:`patients_of` read spaCy's dependency parse with passives, relative
clauses, control ("tried and failed to capture") and light verbs ("made his first visit") handled;
:func:`raised_to` mends one parse error, a conjunct hung on a relative clause. Stances, agency and
the users of labels all ask these two questions.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from analysis import nlp
from analysis.framing.lexicons import LIGHT_VERBS
from analysis.lexicons import lexicon
from analysis.syntax import controlling_objects, is_relative, relative_antecedent

_ADJUNCTS = ("advcl", "acl", "pcomp")


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        for each in (token, *token.conjuncts):
            if each not in found:
                found.append(each)
    return found


def _resolve_relative(tokens: Iterable[Token]) -> list[Token]:
    """``tokens`` with each relative pronoun replaced by the noun it stands for (dropped when it
    stands for none)."""
    resolved = []
    for token in tokens:
        target = relative_antecedent(token) if is_relative(token) else token
        if target is not None:
            resolved.append(target)
    return resolved


def agents_of(verb: Token) -> list[Token]:
    """Head tokens of whoever does what ``verb`` says, passives and control handled.

    Active subjects; the object of a passive's "by"; for a verb without a subject, the controller:
    the object of an object-control verb ("ordered the FSB to step up" → FSB), else the subject of
    the verb it depends on ("tried and failed to capture" → the subject of tried; a conjunct the
    parse hangs inside a relative clause takes the subject of the verb that reports it, see
    :func:`raised_to`). Relative pronouns are replaced by the noun they stand for; coordinated
    subjects all count. A controller is only looked for inside the verb's own quotation: the
    grammatical agents of quoted words are not their speaker.

    Args:
        verb: a verb token.

    Returns:
        The agents' head tokens (empty for an agentless passive or when none is found).
    """
    stated = _stated_agents(verb)
    if stated:
        return stated
    quotation = _quotation_of(verb)
    return [token for token in _controllers(verb) if _quotation_of(token) == quotation]


def _stated_agents(verb: Token) -> list[Token]:
    """The verb's own active subjects and the object of its "by" phrase."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    by_phrase = [
        grandchild
        for child in verb.children
        if child.dep_ == "agent"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    return _with_conjuncts(_resolve_relative(subjects + by_phrase))


def _controllers(verb: Token) -> list[Token]:
    """Agents of a verb without its own subject, from the words it depends on."""
    if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN":
        return [c for c in verb.children if c.dep_ == "npadvmod"]  # "Russian-installed mayor"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _with_conjuncts([verb.head])  # "people living there"
    if _is_passive(verb) or verb.dep_ in ("ROOT", "relcl", "ccomp") or verb.tag_ == "VBN":
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = controlling_objects(verb)
        return _with_conjuncts(objects) if objects else agents_of(head)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return agents_of(raised_to(verb) or head)
    if verb.dep_ not in _ADJUNCTS or verb.tag_ not in ("VB", "VBG") or _has_finite_auxiliary(verb):
        return []
    for ancestor in verb.ancestors:
        subjects = [child for child in ancestor.children if child.dep_ == "nsubj"]
        if subjects:
            return _with_conjuncts(_resolve_relative(subjects))
    return []


def raised_to(conjunct: Token) -> Token | None:
    """The verb a subjectless conjunct coordinates with when the parse hangs it on a relative
    clause inside that verb's complement, else ``None``.

    "Putin acknowledged [the situation was difficult in the regions [that Moscow claimed to annex
    in September]] and ordered the FSB ..." is parsed with "ordered" joined to "claimed". The
    rule: when a finite verb phrase comes after a relative clause that is complete (its verb has
    taken its own complement or adjunct before the "and"), the relative clause sits in the
    complement of a reporting verb with no other clause between them, and the conjunct has that
    verb's tense tag, it continues the reporting verb (Putin ordered). A verb joined straight to
    the relative verb shares its arguments and stays ("a town that Russia has long tried and
    failed to capture").

    Args:
        conjunct: a verb token.

    Returns:
        The reporting verb the conjunct continues, or ``None``.
    """
    host = conjunct.head
    if conjunct.dep_ != "conj" or conjunct.pos_ != "VERB" or not _is_relative_clause(host):
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in conjunct.children):
        return None
    if not any(t.i < conjunct.i and t.dep_ not in ("cc", "conj", "punct") for t in host.rights):
        return None
    complement = host.head
    while complement.dep_ != "ccomp":
        if complement.pos_ in ("VERB", "AUX") or complement.head == complement:
            return None
        complement = complement.head
    reporting = complement.head
    return reporting if reporting.pos_ == "VERB" and reporting.tag_ == conjunct.tag_ else None


def _is_relative_clause(verb: Token) -> bool:
    if verb.dep_ == "relcl":
        return True
    first = verb.left_edge
    before = verb.doc[first.i - 1] if first.i > 0 else None
    return (
        first.lower_ in ("that", "which")
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and verb.pos_ == "VERB"
    )


def _quotation_of(token: Token) -> tuple[int, int] | None:
    """Character span of the quotation marks around ``token``, else ``None``."""
    return nlp.quotation_around(token.doc, token.idx)


def _has_finite_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ not in ("TO", "VB") for c in verb.children)


def patients_of(verb: Token) -> list[Token]:
    """Head tokens of whoever undergoes ``verb``: objects, passive subjects, a participle's noun.

    Args:
        verb: a verb token.

    Returns:
        The patients' head tokens, relative pronouns replaced by their antecedents.
    """
    objects = [
        c
        for c in verb.children
        if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not _light_verb_object(verb, c))
    ]
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        objects.append(verb.head)  # "drones fired by Russia"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not objects:
        objects += _main_subjects(verb)  # "Asked about this comment, Price said"
    return _with_conjuncts(_resolve_relative(objects))


def _light_verb_object(verb: Token, obj: Token) -> bool:
    """ "made his first visit", "held talks": the common noun is the act, not who undergoes it."""
    return obj.pos_ == "NOUN" and verb.lemma_.lower() in _light_verbs()


@cache
def _light_verbs() -> frozenset[str]:
    return frozenset(row["lemma"].lower() for row in lexicon(LIGHT_VERBS, "lemma"))


def _main_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _is_passive(verb: Token) -> bool:
    passive_children = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
    return passive_children or (verb.dep_ == "acl" and verb.tag_ == "VBN")
