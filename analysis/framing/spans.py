"""Which characters a stance covers: clause, object and participle spans, trimmed to their words.

:func:`complement` is what a stance verb takes a stance on; :func:`clause_after` the clause a
complementiser ("that") introduces; :func:`trimmed` drops edge whitespace and clause punctuation
(never quotation marks), so every span keeps ``text[start:end] == statement``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis import nlp
from analysis.framing.roles import raised_to
from analysis.syntax import relative_antecedent

_CLAUSE_BREAKS = {",", ";", ":", "–", "—", ".", "!", "?"}
_TRAILING = ",;:–—.!? \n\t"


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span with edge whitespace and clause punctuation (not quote marks) removed.

    Args:
        doc: the parsed article.
        start: first character of the span.
        end: character after the span.

    Returns:
        ``(start, end)`` moved inwards past the characters removed.
    """
    text = nlp.text_of(doc)
    while start < end and text[start] in _TRAILING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def clause_after(that: Token) -> tuple[int, int]:
    """The clause a complementiser introduces, up to the next clause break if the parse stops.

    Args:
        that: the complementiser token ("that" with dependency ``mark``).

    Returns:
        The clause's trimmed character span, from the word after ``that``.
    """
    last = max(token.i for token in that.head.subtree)
    sentence_end = that.sent.end
    while last + 1 < sentence_end:
        following = that.doc[last + 1]
        if following.is_space or following.text in _CLAUSE_BREAKS:
            break
        last += 1
    first = that.doc[that.i + 1]
    return trimmed(that.doc, first.idx, that.doc[last].idx + len(that.doc[last]))


def complement(verb: Token) -> tuple[int, int] | None:
    """What a stance verb takes a stance on: its clause, its object (with "as ..."; for a relative
    pronoun without one, the noun phrase it stands for), or, for a participle ("fears,
    dismissed by the Kremlin, that ..."), the noun it modifies.

    Args:
        verb: a stance verb token.

    Returns:
        The character span of the complement, or ``None`` when the verb has none.
    """
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return _clause_span(verb, clause)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _participle_span(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    naming = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"]
    antecedent = relative_antecedent(obj)
    if antecedent is not None and not naming:  # "the claims, which the ministry rejected"
        before = [t for t in antecedent.subtree if t.i < obj.i]
        return trimmed(verb.doc, before[0].idx, before[-1].idx + len(before[-1]))
    tokens = list(obj.subtree)
    for child in naming:
        tokens += list(child.subtree)
    last = max(tokens, key=lambda t: t.i)
    return trimmed(verb.doc, obj.left_edge.idx, last.idx + len(last))


def _clause_span(verb: Token, clause: Token) -> tuple[int, int]:
    """The clause ``verb`` takes a stance on, without a conjunct that is ``verb``'s own next act."""
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    if tokens and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    raised = next((t for t in tokens if raised_to(t) == verb), None)
    if raised is not None:
        tokens = [t for t in tokens if t.i < raised.i]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
            tokens.pop()
    return trimmed(verb.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _participle_span(verb: Token) -> tuple[int, int]:
    noun = verb.head
    last = max(t.i for t in verb.subtree)
    following = [t for t in verb.doc[last + 1 : min(last + 3, noun.sent.end)] if not t.is_punct]
    if following and following[0].lower_ == "that" and following[0].dep_ == "mark":
        return noun.idx, clause_after(following[0])[1]
    return noun.idx, noun.idx + len(noun)
