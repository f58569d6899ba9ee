"""Which clause an inserted cue reports: the host clause around it.

``as X noted, …``, ``…, experts say``, ``These employees, Stumpf explained, were well paid``,
``Though the move was smooth, he said, replacing her would be harder``, ``according to X``: a cue
with no complement of its own reports the clause it interrupts or follows (its longer side), or the
whole sentence around it.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quotes.boundary import trim_content
from analysis.quotes.layout import MIN_UNATTRIBUTED_WORDS


def set_off(verb: Token, speaker: Token | None) -> tuple[int, int] | None:
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


def sentence_around(verb: Token, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The longer side of the cue's sentence around the cue's own clause."""
    sentence = verb.sent
    before = (sentence.start, clause[0])
    after = (clause[1] + 1, sentence.end)
    start, end = max(before, after, key=lambda side: side[1] - side[0])
    span = trim_content(verb.doc, start, end) if end > start else None
    if span is None or sum(not token.is_punct for token in span) < MIN_UNATTRIBUTED_WORDS:
        return None
    return span.start_char, span.end_char


def inserted(verb: Token) -> tuple[int, int] | None:
    """``Though the move was smooth, he said, replacing her would be harder``: a reporting clause
    set off by commas inside its sentence reports the whole sentence around it, both sides."""
    doc, sentence = verb.doc, verb.sent
    words = [t for t in doc[verb.left_edge.i : verb.right_edge.i + 1] if not t.is_punct]
    first, last = words[0].i, words[-1].i
    if first - 1 <= sentence.start or last + 2 >= sentence.end:
        return None
    if doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    span = trim_content(doc, sentence.start, sentence.end)
    return None if span is None else (span.start_char, span.end_char)


def host_content(verb: Token) -> tuple[int, int] | None:
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
    span = trim_content(doc, first, end)
    return None if span is None else (span.start_char, span.end_char)


def according_content(according: Token) -> tuple[int, int] | None:
    """What X says by ``according to X``: the host clause around the phrase (the rest of the
    sentence when the parser made "According" the root)."""
    if according.dep_ != "ROOT":
        return host_around(according, according.head)
    # "According to X, the move reeks of fear": the parser made "According" the root and hung
    # the clause on X; what X says is the rest of the sentence after the comma closing the phrase
    doc, sentence = according.doc, according.sent
    comma = next((t.i for t in doc[according.i + 1 : sentence.end] if t.text == ","), None)
    if comma is None:
        return None
    span = trim_content(doc, comma + 1, sentence.end)
    if span is None or sum(not t.is_punct for t in span) < MIN_UNATTRIBUTED_WORDS:
        return None
    return span.start_char, span.end_char


def as_parenthetical(verb: Token) -> bool:
    """ "As the minister noted, …", "…, as Ms. Simonyan put it": the cue reports its host clause."""
    return (
        verb.dep_ == "advcl"
        and any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children)
        and not any(
            child.dep_ in {"ccomp", "xcomp"} or (child.dep_ == "dobj" and child.lower_ != "it")
            for child in verb.children
        )
    )


def host_around(phrase: Token, host: Token) -> tuple[int, int] | None:
    """The host clause's words on the longer side of an inserted cue phrase."""
    doc = phrase.doc
    inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    tokens = [t.i for t in host.subtree if t.i not in inside]
    if not tokens:
        return None
    before = [i for i in tokens if i < inside.start]
    after = [i for i in tokens if i > inside.stop - 1]
    chosen = after if len(after) >= len(before) else before
    span = trim_content(doc, chosen[0], chosen[-1] + 1)
    return None if span is None else (span.start_char, span.end_char)
