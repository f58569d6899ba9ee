"""How groups of articles differ: outlets, periods, topics, or any column of the articles frame.

Articles are the sampling unit. Every share or mean comes with a 95% percentile interval from a
bootstrap that resamples the *articles* of a group (with replacement, seeded, so reruns agree),
never the sentences or mentions inside them: an outlet whose twelve stories all lead with one
person has twelve observations, not four hundred. A group of a single article therefore has no
interval (``ci_low`` and ``ci_high`` are NaN): one article cannot show how much another would
differ; read its number as a count. The same holds for a mean over sentences that only one
article of the group contains.

Groups come from ``group_by``: the name of any column of the articles frame (``"source"``,
``"publisher"``, ``"topics"``) or a function of the articles frame returning one label per article,
such as :func:`period` (``period("month")``). Articles whose label is missing form the group
``"(none)"``.

Distinctive words and reporting verbs are the weighted log-odds ratio with an informative
Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words" (Political Analysis 16(4)),
eq. 16–22, each group against the rest of the corpus, with z-scores: |z| > 1.96 is a difference
unlikely from word-count noise alone.

Result tables (all long, one row per group and item):

- ``group``: the group label; ``n_articles``: articles in the group;
- ``item`` columns named for what they are (``actor``, ``label``, ``cue_class``, ``word``);
- ``n``: what was counted (mentions, quoted words, label uses, sentences, quotes);
- ``total``: the denominator of a share; ``share``/``mean``: the estimate;
- ``ci_low``, ``ci_high``: its 95% article-bootstrap interval (NaN for a one-article group).

Which module answers what, each importing only the ones before it:

- :mod:`~analysis.compare.articles` — which group each article is in: :func:`groups` (a column
  or a function such as :func:`period` or :func:`first_listed`), :func:`grouping` (a fallback
  when the column is missing), :func:`with_groups`, :func:`with_articles`, publication
  :func:`dates` and periods (:func:`readable_unit`), :func:`group_sizes`, and
  :func:`one_article` for the charts that read a single text;
- :mod:`~analysis.compare.shares` — how much of a group's attention each actor, speaker, label or
  reporting-verb class gets: :func:`mention_shares`, :func:`voice_shares`, :func:`label_shares`,
  :func:`tone_around`, :func:`verb_classes`, with the article bootstrap
  (:func:`bootstrap_ratio`);
- :mod:`~analysis.compare.words` — which words set a group apart: :func:`log_odds`,
  :func:`distinctive`;
- :mod:`~analysis.compare.timeline` — how it changes over time: :func:`over_time`.
"""

from analysis.compare.articles import (
    DATE_COLUMNS,
    NO_GROUP,
    PERIODS,
    GroupBy,
    dates,
    first_listed,
    group_sizes,
    grouping,
    groups,
    one_article,
    period,
    period_start,
    readable_unit,
    with_articles,
    with_groups,
)
from analysis.compare.shares import (
    N_BOOT,
    TONE_MEASURES,
    bootstrap_ratio,
    label_shares,
    mention_shares,
    tone_around,
    verb_classes,
    voice_shares,
)
from analysis.compare.timeline import over_time
from analysis.compare.words import distinctive, log_odds

__all__ = [
    "DATE_COLUMNS",
    "NO_GROUP",
    "N_BOOT",
    "PERIODS",
    "TONE_MEASURES",
    "GroupBy",
    "bootstrap_ratio",
    "dates",
    "distinctive",
    "first_listed",
    "group_sizes",
    "grouping",
    "groups",
    "label_shares",
    "log_odds",
    "mention_shares",
    "one_article",
    "over_time",
    "period",
    "period_start",
    "readable_unit",
    "tone_around",
    "verb_classes",
    "voice_shares",
    "with_articles",
    "with_groups",
]
