"""Which words signal framing: the framing lexicons of ``data/lexicons/`` by role.

The tables are read by :mod:`analysis.lexicons` (once per run); :func:`stance_markers` selects the
rows of ``stance_markers.csv`` with one role (verb, noun, contrast, cue_class, modal,
habitual_adverb), :func:`marker_words` their patterns as a set.
"""

from __future__ import annotations

from functools import cache

from analysis.lexicons import lexicon

STANCE_MARKERS = "stance_markers.csv"
HEDGES = "hedges.csv"
COMPETING_LABELS = "competing_labels.csv"
POSSESSION_VERBS = "possession_verbs.csv"
LIGHT_VERBS = "light_verbs.csv"


def stance_markers(role: str) -> list[dict[str, str]]:
    """The rows of ``stance_markers.csv`` whose ``role`` is ``role`` (pattern, stance, when)."""
    rows = lexicon(STANCE_MARKERS, "pattern", "role", "stance", "when")
    return [row for row in rows if row["role"] == role]


@cache
def marker_words(role: str) -> frozenset[str]:
    """The patterns of the :func:`stance_markers` with role ``role`` (e.g. ``"modal"``), once."""
    return frozenset(row["pattern"] for row in stance_markers(role))


def verb_markers() -> dict[str, dict[str, str]]:
    """The stance verbs of ``stance_markers.csv``, by lemma."""
    return {row["pattern"]: row for row in stance_markers("verb")}
