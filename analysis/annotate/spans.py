"""How overlapping spans become well-formed HTML: :class:`Span` and :func:`markup`.

Between two consecutive span boundaries the set of open spans is constant; elements that would
cross are closed and reopened (split), so the HTML is always well-formed, and every piece of text
and attribute is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One element to draw over ``text[start:end]``; ``rank`` orders spans of equal extent
    (lower is outer)."""

    start: int
    end: int
    rank: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()

    def open_tag(self, *, last: bool) -> str:
        """``<span …>`` with every attribute value escaped; ``last`` marks the final piece."""
        classes = f"{self.classes} nf-last" if last else self.classes
        attrs = "".join(f' {name}="{html.escape(value)}"' for name, value in self.attrs)
        return f'<span class="{classes}"{attrs}>'


def markup(text: str, spans: Iterable[Span], start: int, end: int) -> str:
    """``text[start:end]`` as escaped HTML with every span (clipped to the range) drawn on it.

    Between consecutive span boundaries the open spans are constant; at each boundary the open
    elements that stay open are kept, the others are closed, and the spans now open are opened in
    order (earlier start, then longer, then lower rank outside) — a span crossing another is
    split into pieces, each with the same attributes, the last one marked ``nf-last``.
    """
    clipped = sorted(
        (s for s in spans if s.start < end and s.end > start and s.end > s.start),
        key=lambda s: (s.start, -s.end, s.rank),
    )
    bounds = sorted(
        {start, end} | {max(s.start, start) for s in clipped} | {min(s.end, end) for s in clipped}
    )
    out: list[str] = []
    stack: list[tuple[Span, int]] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [s for s in clipped if s.start <= left and s.end >= right]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep][0] is active[keep]:
            keep += 1
        _close(out, stack, keep, left)
        for span in active[keep:]:
            stack.append((span, len(out)))
            out.append(span.open_tag(last=False))
        out.append(html.escape(text[left:right]))
    _close(out, stack, 0, end)
    return "".join(out)


def _close(out: list[str], stack: list[tuple[Span, int]], keep: int, at: int) -> None:
    while len(stack) > keep:
        span, index = stack.pop()
        if at >= span.end:
            out[index] = span.open_tag(last=True)
        out.append("</span>")
