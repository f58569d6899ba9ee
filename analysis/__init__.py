"""newsframe: how news frames the people and institutions it reports on.

    >>> import analysis
    >>> frames = analysis.extract("data/articles")   # or analysis.load(...) first
    >>> frames.quotes.head()

``load`` reads articles into a :class:`Corpus` (the ``articles`` and ``errors`` frames);
``extract`` runs every layer and returns :class:`Frames`; ``SCHEMAS`` documents every column.
"""

from analysis.corpus import Corpus, CorpusError, load
from analysis.explore import explore
from analysis.frames import SCHEMAS, Frames
from analysis.pipeline import extract, frames_for

__all__ = ["SCHEMAS", "Corpus", "CorpusError", "Frames", "explore", "extract", "frames_for", "load"]
