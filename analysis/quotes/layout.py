"""Where a quoted stretch stands in the text: its line and paragraph, and whether it is a sentence.

The quotation marks themselves are paired by :mod:`analysis.marks`; this module reads the text
around a pair: a stretch that stands as its own sentence(s) is a direct quote's material, one
inside a clause is a fragment of a reported one.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.marks import MARK, Quotation

OPENING = {"“", "„", "«", "‹"}
CLOSING = {"”", "»", "›"}
AMBIGUOUS = {'"', "''"}
_DASHES = "-–—―"
SENTENCE_END = ".!?"
MIN_UNATTRIBUTED_WORDS = 3
_MAX_ATTRIBUTION_WORDS = 12


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def standalone(text: str, segment: Quotation) -> bool:
    """True when the quoted stretch stands as its own sentence(s), not inside a clause."""
    lead = text[_line_start(text, segment.open) : segment.open].rstrip()
    trail = text[segment.close : paragraph_end(text, segment.close)].lstrip()
    inner = text[segment.start : segment.end].strip()
    if not inner:
        return False
    first_upper = inner[0].isupper() or inner[0] in "[(…."
    before_ok = (
        not lead
        or lead[-1] in SENTENCE_END + ":;"
        or lead[-1] in CLOSING | AMBIGUOUS | {"'"}
        or (lead[-1] in ",(" + _DASHES and first_upper)
        or (lead[-1] == "," and _resumes(lead))
    )
    # a quotation nested at the end ("… you 'accept responsibility,'”) closes before the outer
    finished = inner.rstrip("".join(CLOSING | AMBIGUOUS) + "'’") or inner
    after_ok = (
        not trail
        or trail[0] in SENTENCE_END + ",;:)" + _DASHES
        or finished[-1] in SENTENCE_END + ",;:…" + _DASHES
        or segment.continues
    )
    return before_ok and after_ok


def _resumes(lead: str) -> bool:
    """``“A,” the president said, “b …``: a quote resumed after a short attribution."""
    last_close = max(lead.rfind(mark) for mark in (*CLOSING, *AMBIGUOUS))
    return last_close >= 0 and len(lead[last_close:].split()) <= _MAX_ATTRIBUTION_WORDS


def is_mark(token: Token) -> bool:
    """True when the token is a quotation mark."""
    return bool(MARK.fullmatch(token.text)) or token.text in OPENING | CLOSING


def paragraph_end(text: str, index: int) -> int:
    """Where the paragraph holding ``index`` ends (its newline, or the end of the text)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found
