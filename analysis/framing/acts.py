"""Who acts and who is acted upon: each actor as grammatical agent or patient of a verb.

:func:`agency` credits the agents and patients (:mod:`analysis.framing.roles`) of every verb of
one article to actors (:class:`~analysis.framing.cast.Cast`); verbs of possession and of saying
are left out. The corpus count per actor is :func:`analysis.summaries.agency_summary`.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
from spacy.tokens import Doc, Token

from analysis import frames, nlp
from analysis.framing.cast import Cast, Credit
from analysis.framing.lexicons import POSSESSION_VERBS
from analysis.framing.roles import agents_of, patients_of
from analysis.lexicons import words
from analysis.quotes import load_reporting_verbs

#: Classes of ``data/lexicons/reporting_verbs.csv`` that only say (voice, not agency); verbs that
#: take a stand or act by speaking (admit, claim, dismiss, condemn, order) stay acts.
VOICE_CLASSES = frozenset(
    {
        "neutral",
        "assertive",
        "tentative",
        "interrogative",
        "descriptive",
    }
)


def agency(doc: Doc, article_id: str, *, mentions: pd.DataFrame | list[dict]) -> pd.DataFrame:
    """Each actor as grammatical agent or patient of the article's verbs.

    From the dependency parse, with passives ("dismissed by the Kremlin": Kremlin agent), relative
    clauses and control ("a town that Russia has long tried and failed to capture": Russia agent
    of try, fail and capture) handled. A noun no mention covers is credited to the actor of its
    demonym or possessor ("Russian drones hit": Russia agent of hit). Verbs of possession
    (``data/lexicons/possession_verbs.csv``: "Russia has no interest") are not acts and get no
    rows, nor do verbs of saying ("said", "told", "mentioned": the reporting verbs of a
    :data:`VOICE_CLASSES` class), which are voice; the words a speaker quotes are not the
    speaker's acts (see :func:`~analysis.framing.roles.agents_of`). The common-noun object of a
    light verb (``data/lexicons/light_verbs.csv``: "made his first visit") is the act, not a
    patient.

    Args:
        doc: the parsed article.
        article_id: the article's id.
        mentions: the actors layer's mentions, frame or records
            (:func:`analysis.actors.find_mentions`).

    Returns:
        An ``agency`` frame, one row per verb, role and actor.
    """
    return frames.conform("agency", agency_rows(doc, article_id, cast=Cast(doc, mentions)))


def agency_rows(doc: Doc, article_id: str, *, cast: Cast) -> list[dict]:
    """:func:`agency` on the article's :class:`Cast`: the ``agency`` records."""
    rows = []
    seen = set()
    possession = words(POSSESSION_VERBS, "lemma")
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ in possession or verb.lemma_ in _speech_verbs():
            continue
        for role, tokens in (("agent", agents_of(verb)), ("patient", patients_of(verb))):
            for token in tokens:
                found = cast.credit(token)
                if found is None or (verb.i, role, found.actor) in seen:
                    continue
                seen.add((verb.i, role, found.actor))
                rows.append(_agency_row(doc, article_id, verb, role, found))
    return rows


def _agency_row(doc: Doc, article_id: str, verb: Token, role: str, found: Credit) -> dict:
    return {
        "article_id": article_id,
        "sent_id": nlp.sent_id_of(doc, verb.idx),
        "actor": found.actor,
        "side": found.side,
        "role": role,
        "verb": verb.text,
        "verb_lemma": verb.lemma_,
        "verb_start": verb.idx,
        "verb_end": verb.idx + len(verb),
        "start": found.start,
        "end": found.end,
        "text": nlp.text_of(doc)[found.start : found.end],
        "via": found.via,
    }


@cache
def _speech_verbs() -> frozenset[str]:
    """Lemmas of the reporting-verb lexicon whose class is speech (:data:`VOICE_CLASSES`)."""
    verbs = load_reporting_verbs()
    return frozenset(verbs.loc[verbs["class"].isin(VOICE_CLASSES), "lemma"])
