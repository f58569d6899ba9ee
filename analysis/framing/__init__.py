"""How it is framed: stances and contrasts, agency, labels and hedges — in one article at a time.

Three analyses over one parsed article, each a function returning pandas frames whose columns are
documented in :data:`analysis.frames.SCHEMAS`:

- :func:`find_stances` — official lines, stated positions, admissions and denials, and the
  contrasts the text draws between an admission and the official line it breaks with
  (``stances``, ``contrasts``);
- :func:`agency` — each actor as grammatical agent or patient of the article's verbs
  (``agency``);
- :func:`labels_and_hedges` — competing labels, scare quotes and verification hedges, with who
  uses each (``framing_marks``).

Each has a records twin the pipeline calls (:func:`stance_rows`, :func:`agency_rows`,
:func:`mark_rows`): the same rows as plain dicts, reading the quotes as records and the mentions
through a :class:`~analysis.framing.cast.Cast` built once per article; the frame functions are
that plus :func:`analysis.frames.conform`.

The corpus-level summaries built from these frames (voice against portrayal, how often each actor
acts) are in :mod:`analysis.summaries`, which only reads frames.

Which module answers what:

- :mod:`~analysis.framing.lexicons` — which words signal framing: the framing lexicons of
  ``data/lexicons/`` by role (read by :mod:`analysis.lexicons`);
- :mod:`~analysis.framing.cast` — who a noun phrase stands for, from the actors layer's mentions
  (``Cast``, ``Credit``) and the side an actor is given most often;
- :mod:`~analysis.framing.roles` — who does what to whom: the agents and patients of a verb;
- :mod:`~analysis.framing.spans` — which characters a stance covers (clause, object, participle);
- :mod:`~analysis.framing.stances` — :func:`find_stances` and the contrasts between stances;
- :mod:`~analysis.framing.acts` — who acts and who is acted upon: :func:`agency`;
- :mod:`~analysis.framing.labels` — :func:`labels_and_hedges`.

Who is who comes from the actors layer alone: every function takes its mentions frame
(:func:`analysis.actors.find_mentions`), demonyms are read through :func:`analysis.actors.demonym`,
and where words are credited to speakers the quotes layer's frame
(:func:`analysis.quotes.find_quotes`) says who spoke them.
"""

from analysis.framing.acts import agency, agency_rows
from analysis.framing.labels import labels_and_hedges, mark_rows
from analysis.framing.stances import find_stances, stance_rows

__all__ = [
    "agency",
    "agency_rows",
    "find_stances",
    "labels_and_hedges",
    "mark_rows",
    "stance_rows",
]
