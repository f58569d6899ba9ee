"""Where the quotation marks of a text open and close: the one pairing every layer uses.

Double quotation marks are paired paragraph by paragraph, in one left-to-right pass with a
stack, so the work is linear in the number of marks:

- **Which marks.** Curly ``“ ”``, German ``„ “``, guillemets ``« »`` and ``» «``, single
  guillemets ``‹ ›`` and ``› ‹``, straight ``"`` and the doubled apostrophe ``''``.
- **Opening or closing** is read from the glyph and its flanks: a mark after a space, a bracket, a
  dash or a colon and before a word may open; a mark after a word and before a space or a
  punctuation mark may close. A mark closes an open quotation of a glyph it can end (``„`` ends
  with ``“`` or ``”``), otherwise it opens (when it can), otherwise it is a stray closing mark.
- **Nesting.** ``“the “situation” is difficult”`` is one quotation with a nested one inside;
  only outermost quotations are returned. A closing mark that matches an outer opener closes it
  with everything still open inside. An opening mark at a line's start or after a finished
  sentence, while a quotation is open, starts a new quotation: the open one was never closed.
- **Unbalanced marks never raise.** A quotation still open at a paragraph's end runs to that end;
  when the next paragraph re-opens with a mark of the same family, or closes a mark before
  opening any, the quotation *continues* there (the news convention) and no warning is given;
  otherwise the quotation carries a ``warning``. A stray closing mark starts its quotation at the
  start of its sentence, with a warning. Straight and curly double marks pair with each other
  (``“…"``), as typed news text mixes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis import nlp

#: Each opening glyph with the glyphs that may close it.
CLOSERS = {
    "“": frozenset({"”", "“", '"'}),
    "„": frozenset({"“", "”", '"'}),
    "«": frozenset({"»"}),
    "»": frozenset({"«", "»"}),
    "‹": frozenset({"›"}),
    "›": frozenset({"‹", "›"}),
    "”": frozenset({"”", '"'}),
    '"': frozenset({'"', "”", "“"}),
    "''": frozenset({"''"}),
}
#: The family of each glyph.
STYLES = {
    "“": "curly",
    "”": "curly",
    "„": "curly",
    '"': "straight",
    "''": "straight",
    "«": "guillemet",
    "»": "guillemet",
    "‹": "single guillemet",
    "›": "single guillemet",
}
#: Glyphs that never close anything.
ONLY_OPENING = frozenset({"„"})
#: Glyphs that open only when their flanks say so (elsewhere they close).
FLANK_OPENING = frozenset({"»", "›", "”", '"', "''"})
MARK = re.compile(r"''|[“”\"„«»‹›]")
_BEFORE_OPENING = "([{—–-―:/"
_AFTER_CLOSING = ",.;:!?)]}—–-―'’…"


@dataclass
class Quotation:
    """One outermost quotation: mark offsets (``open``, ``close``) and content offsets.

    ``open``/``close`` include the marks (for a quotation missing one, they equal the content's
    bound); ``start``/``end`` are the words between them. ``continues`` is True when the quotation
    goes on in the next paragraph; ``warning`` says what was wrong with its marks, if anything.
    """

    open: int
    close: int
    start: int
    end: int
    paragraph: int
    continues: bool = False
    warning: str | None = None


@dataclass
class _Open:
    """An opening mark waiting for its closer."""

    mark: str
    index: int


def pair_quotation_marks(text: str) -> list[Quotation]:
    """The outermost quotations of ``text``, in order; never raises, linear in its length.

    Args:
        text: the article text.

    Returns:
        One :class:`Quotation` per outermost pair (or unbalanced mark), paragraph by paragraph.
    """
    starts = nlp.paragraph_starts(text)
    ends = [*starts[1:], len(text)]
    found: list[Quotation] = []
    carried: Quotation | None = None
    for paragraph, (p_start, p_end) in enumerate(zip(starts, ends, strict=True)):
        quotations = _paragraph_quotations(text, p_start, p_end, paragraph)
        if carried is not None:
            _continue_into(text, carried, quotations, p_start)
        found.extend(quotations)
        last = quotations[-1] if quotations else None
        carried = last if last is not None and _left_open(last) else None
    return [quotation for quotation in found if quotation.end > quotation.start]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` of each outermost quotation whose marks pair up (or that continues into
    the next paragraph): the "is it inside quotation marks" test of the other layers."""
    return [(q.open, q.close) for q in pair_quotation_marks(text) if q.warning is None]


def _paragraph_quotations(text: str, p_start: int, p_end: int, paragraph: int) -> list[Quotation]:
    """One paragraph's outermost quotations: a single pass over its marks with a stack."""
    found: list[Quotation] = []
    stack: list[_Open] = []
    open_glyphs: dict[str, int] = {}
    floor = p_start
    for match in MARK.finditer(text, p_start, p_end):
        mark, index = match.group(), match.start()
        may_open, may_close = _flanks(text, match, p_start, p_end)
        depth = _closable(stack, open_glyphs, mark, may_open, may_close)
        if depth is not None:
            opened = _pop_to(stack, open_glyphs, depth)
            start = opened.index + len(opened.mark)
            closed = Quotation(opened.index, match.end(), start, index, paragraph)
            if not stack:  # a quotation nested in an open one is part of its words
                found.append(closed)
        elif mark in CLOSERS and (may_open or mark not in FLANK_OPENING):
            if stack and _starts_anew(text, index, p_start):
                found.extend(_unwind(text, stack, index, paragraph))
                stack.clear()
                open_glyphs.clear()
            stack.append(_Open(mark, index))
            open_glyphs[mark] = open_glyphs.get(mark, 0) + 1
        elif not stack:
            found.append(_stray_close(text, match, floor, paragraph))
        floor = match.end()
    return found + _unwind(text, stack, p_end, paragraph)


def _flanks(text: str, match: re.Match[str], p_start: int, p_end: int) -> tuple[bool, bool]:
    """(may open, may close): a mark opens before a word, closes after one."""
    before = text[match.start() - 1] if match.start() > p_start else " "
    after = text[match.end()] if match.end() < p_end else " "
    may_open = not after.isspace() and (
        before.isspace() or before in _BEFORE_OPENING or MARK.match(before) is not None
    )
    may_close = not before.isspace() and (
        after.isspace() or after in _AFTER_CLOSING or MARK.match(text, match.end()) is not None
    )
    return may_open, may_close


def _closable(
    stack: list[_Open], open_glyphs: dict[str, int], mark: str, may_open: bool, may_close: bool
) -> int | None:
    """The stack depth of the innermost open quotation ``mark`` closes, or None."""
    if mark in ONLY_OPENING or (may_open and not may_close):
        return None
    if not any(open_glyphs.get(glyph) for glyph, closers in CLOSERS.items() if mark in closers):
        return None
    for depth in range(len(stack) - 1, -1, -1):
        if mark in CLOSERS[stack[depth].mark]:
            return depth
    return None


def _pop_to(stack: list[_Open], open_glyphs: dict[str, int], depth: int) -> _Open:
    """Remove the openers from ``depth`` up (those above it close with it); return ``depth``'s."""
    while len(stack) > depth + 1:
        _discard(stack.pop(), open_glyphs)
    opened = stack.pop()
    _discard(opened, open_glyphs)
    return opened


def _discard(opened: _Open, open_glyphs: dict[str, int]) -> None:
    open_glyphs[opened.mark] -= 1


def _unwind(text: str, stack: list[_Open], limit: int, paragraph: int) -> list[Quotation]:
    """The outermost quotation still open, run to ``limit``, everything inside it included."""
    return [_unclosed(text, stack[0], limit, paragraph)] if stack else []


def _starts_anew(text: str, index: int, p_start: int) -> bool:
    """An opening mark at a line's start or after a finished sentence (``“A. “B,” she said``)
    opens a new quotation rather than one nested in the quotation left open."""
    before = index
    while before > p_start and text[before - 1] in " \t":
        before -= 1
    return before == p_start or text[before - 1] in "\n.!?…"


def _unclosed(text: str, opened: _Open, limit: int, paragraph: int) -> Quotation:
    end = trim_end(text, opened.index + len(opened.mark), limit)
    warning = (
        f"quotation mark at character {opened.index} is never closed; "
        "the quote is taken to run to the end of its paragraph"
    )
    start = opened.index + len(opened.mark)
    return Quotation(opened.index, end, start, end, paragraph, warning=warning)


def _stray_close(text: str, match: re.Match[str], floor: int, paragraph: int) -> Quotation:
    """A closing mark with nothing open: its quotation starts with its sentence, and never
    before ``floor`` (the previous mark's end, so that the search stays linear)."""
    cut = max(text.rfind(mark, floor, match.start()) for mark in (". ", "! ", "? "))
    start = cut + 2 if cut >= 0 else _lead(text, floor)
    warning = (
        f"closing quotation mark at character {match.start()} has no opening mark; "
        "the quote is taken to start with its sentence"
    )
    return Quotation(start, match.end(), start, match.start(), paragraph, warning=warning)


def _left_open(quotation: Quotation) -> bool:
    return quotation.warning is not None and "never closed" in quotation.warning


def _continue_into(
    text: str, carried: Quotation, quotations: list[Quotation], p_start: int
) -> None:
    """Link a quotation left open to the next paragraph when that paragraph goes on with it:
    it re-opens with a mark of the same family, or closes a mark before opening any."""
    if not quotations:
        return
    following, lead = quotations[0], _lead(text, p_start)
    stray = following.warning is not None and "no opening" in following.warning
    if stray:
        following.open = following.start = lead
        following.warning = None
    elif following.open != lead or _style(text, lead) != _style(text, carried.open):
        return
    carried.continues, carried.warning = True, None


def _style(text: str, index: int) -> str | None:
    """The family of the mark at ``index`` (curly, straight, guillemet), None for no mark: a
    paragraph re-opens a quotation with the marks that opened it."""
    match = MARK.match(text, index)
    return None if match is None else STYLES[match.group()]


def _lead(text: str, p_start: int) -> int:
    index = p_start
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back past trailing whitespace (not before ``start``)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
