"""What is named: spaCy's named entities, after the gazetteer ruler's corrections."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from analysis import frames, nlp


def find_entities(doc: Doc, article_id: str) -> pd.DataFrame:
    """The ``entities`` frame of one parsed article: one row per named-entity span."""
    return frames.conform("entities", entity_rows(doc, article_id))


def entity_rows(doc: Doc, article_id: str) -> list[dict]:
    """The records of :func:`find_entities`."""
    return [
        {
            "article_id": article_id,
            "sent_id": nlp.sent_id_of(doc, ent.start_char),
            "start": ent.start_char,
            "end": ent.end_char,
            "text": ent.text,
            "label": ent.label_,
        }
        for ent in doc.ents
        if ent.text.strip()
    ]
