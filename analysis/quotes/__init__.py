"""Who says what, with which cue, through which channel: the ``quotes`` and ``fragments`` frames.

Two passes over one parsed ``Doc`` (:func:`find_quotes`):

1. **Quotation marks** are paired by :mod:`analysis.marks` (nesting, guillemets, German marks,
   quotes continued across paragraphs); unbalanced marks never raise, and the quote row carries
   the mark's ``warning``.
   A quoted stretch that stands as its own sentence(s) is a *direct* quote; it is attributed to the
   reporting clause beside it (``“…,” he said``, ``said Putin``, ``he said: “…”``, ``“…” — Name``),
   and with none, to the previous quote's speaker (a "floating" quote, as in the GenderGapTracker).
2. **Reporting verbs.** Every verb of ``data/lexicons/reporting_verbs.csv`` with a speaker (its
   subject, a passive's agent, the subject it shares through control or coordination) and a
   complement licensed by the lexicon (a clause, an object or gerund, an infinitive) gives an
   *indirect* quote, or a *mixed* one when quoted fragments sit inside the complement or a quoted
   stretch continues it (``said “A,” but “B”``; ``X is “A,” says Y. “B.”`` is one mixed quote).
   ``according to X``, ``In the latest poll, …``,
   ``as X noted, …``, ``were quoted by … as saying``, agentless passives (``was accused of``),
   verbs of seeming (``the plan seems to have failed``, without a speaker), ``it is clear that
   …``, adjectives of attitude (``voters are afraid that …``) and the lexicon's nouns (``his
   claim that …``, ``a decision to …``) are cues too. Content stops where the
   reporting act resumes: a ``while`` clause, a coordinated reporting verb of the speaker
   (``acknowledged X and ordered …``), ``in a statement``, ``by declaring that …``. A report
   whose cue sits inside another quote's content is part of that quote, not a row of its own.

Speakers are canonicalised through the actors layer when a ``mentions`` frame is given. Channels
("Telegram", "video address", "RBC") come from the cue's prepositional phrases and
``data/lexicons/channels.csv``.

The package, each module importing only those listed before it:

- :mod:`~analysis.quotes.cues`: which words report speech (the reporting-verb lexicon,
  :func:`load_reporting_verbs`, and the cues found in the parse).
- :mod:`~analysis.quotes.layout`: where a quoted stretch stands in the text (line, paragraph,
  a sentence of its own or inside a clause); the marks are paired by :mod:`analysis.marks`.
- :mod:`~analysis.quotes.record`: the quote being assembled, and where quotes lie relative to
  one another.
- :mod:`~analysis.quotes.channels`: through which channel (``data/lexicons/channels.csv``).
- :mod:`~analysis.quotes.speakers`: who said it (subject, agent, shared subject, possessor, the
  speaker's noun phrase) and which actor that is (through the ``mentions`` frame).
- :mod:`~analysis.quotes.boundary`: where a report's content stops (the reporting act resuming:
  a ``while`` clause, a second verb of the speaker, ``in a statement``) and the trimming of its
  edges.
- :mod:`~analysis.quotes.hosts`: which host clause an inserted cue reports (``as X noted, …``,
  ``…, experts say``, ``according to X``).
- :mod:`~analysis.quotes.content`: what was said (the complements the lexicon licenses, the
  content's span).
- :mod:`~analysis.quotes.transcripts`: ``NAME: …`` lines.
- :mod:`~analysis.quotes.direct`: quotes standing as their own sentences, grouped into runs and
  attributed to the clause beside them, a dash and name, or the previous speaker.
- :mod:`~analysis.quotes.reported`: indirect and mixed quotes, one per cue with a content.
- :mod:`~analysis.quotes.find`: :func:`find_quotes`, the passes in order and the two frames
  (:func:`quote_rows`: their records, which the later layers read).

Only :func:`find_quotes`, :func:`quote_rows` and :func:`load_reporting_verbs` are public; a
module's names without a leading underscore are what its sibling modules import from it.
"""

from analysis.quotes.cues import load_reporting_verbs
from analysis.quotes.find import find_quotes, quote_rows

__all__ = ["find_quotes", "load_reporting_verbs", "quote_rows"]
