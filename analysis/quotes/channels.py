"""Through which channel: "Telegram", "video address", "RBC".

Terms of ``data/lexicons/channels.csv`` found in the cue's prepositional phrases (outside what is
reported), ranked platform, outlet, medium, format; for ``were quoted by X as saying``, the
outlet X.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from analysis import nlp
from analysis.lexicons import lexicon
from analysis.quotes.cues import Cue, quoted_as_saying

_CHANNEL_PRIORITY = {"platform": 0, "outlet": 1, "medium": 2, "format": 3}


@lru_cache(maxsize=1)
def _channel_terms() -> list[tuple[re.Pattern[str], str, str]]:
    return [
        (re.compile(rf"\b{re.escape(row['term'].lower())}\b"), row["channel"], row["kind"])
        for row in lexicon("channels.csv", "term", "channel", "kind")
    ]


def channel_of(cue: Cue, content: tuple[int, int] | None) -> str | None:
    """The channel named in the cue's phrases outside the content (``on Telegram``), or None."""
    verb = cue.token
    saying = quoted_as_saying(verb)
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
