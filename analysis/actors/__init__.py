"""Who is who: canonical actors from names, aliases, titles, roles, pronouns and metonyms.

"Russian President Vladimir Putin", "Putin", "he" and "his" are one person; "the Kremlin" and
"Moscow" speak for the Russian government; "his Ukrainian counterpart" is Zelenskiy. No
coreference model installs offline, so resolution is a deterministic sieve over spaCy's parse,
in the spirit of the Stanford multi-pass resolver, each pass more permissive than the last:

1. names: every alias in ``data/actors.csv`` (longest match first), then spaCy's PERSON, ORG,
   GPE and LOC entities for actors the table does not know; a two- or three-word name that starts
   with a first name is a person whatever the NER's label ("Brock Holt" as ORG). Variants of a
   full name join it ("Otto Harry Jespersen", "Otto Jespersen"); a bare surname joins the only
   person carrying it, else the one named in this or the previous sentence, else the first
   named, and never one said to be "no relation". Names the NER found once are found wherever
   else they are written. Places used as agents ("Kyiv said", "the Kremlin's actions") are
   metonyms for a government;
2. titles and appositions: "Russian President Vladimir Putin", "Alexei Kulemzin, the
   Russian-installed mayor of ...", "the commander of ..., Lieutenant General Serhiy Nayev";
3. groups: "Ukrainian officials", "Russia's security services", "Officials in the Kyiv region",
   and bare "officials", whose side comes from the sentence;
4. role nouns: "the president" to the last person holding that role; a capitalised office or
   party beside no name ("Madam Speaker", "the Petitioner") is an actor of its own;
5. pronouns (he/his/him, she/her, they/their/them, it/its) by agreement and salience: the subject
   or object of a governing clause first; then, for he/she, the person whose mentions in this and
   the six sentences before weigh most (Lappin and Leass's weights, halved per sentence back,
   plus the person's prominence in the article), who must agree in gender when it is known from
   an honorific, a gendered noun ("his wife") or the first name; for they/them/their, recency
   in the sentence, then the subject of the sentence before in the same paragraph; it/its only
   through the parse. Pronouns inside quotation marks are left alone;
6. counterparts: "his Ukrainian counterpart" is the holder of the possessor's office in the other
   country (named, or the other country of the sentence).

The lexicons (role nouns, group nouns, metonyms, demonyms, gendered nouns, organisation words and
first names, the last from the MIT-licensed ``nomquamgender`` data) are CSV files in
``data/lexicons/``. ``benchmarks/actors.py`` measures the resolver on coreference gold.

Which module answers what, in the order the passes run (each imports only the ones before it):

- :mod:`~analysis.actors.tables` — which actors and words the resolver knows: the actor table
  (:func:`load_actor_table`, :class:`ActorTableError`) and the lexicons, each read once;
- :mod:`~analysis.actors.state` — what the sieve builds: actors, mentions, the resolver's state;
- :mod:`~analysis.actors.names` — pass 1, names, aliases, metonyms and surnames;
- :mod:`~analysis.actors.titles` — pass 2, titles and appositions, and the side a span declares;
- :mod:`~analysis.actors.groups` — pass 3, groups;
- :mod:`~analysis.actors.roles` — pass 4, role nouns and capitalised offices;
- :mod:`~analysis.actors.pronouns` — pass 5, genders and pronouns;
- :mod:`~analysis.actors.counterparts` — pass 6, counterparts;
- :mod:`~analysis.actors.mentions` — the mentions frame (:func:`find_mentions`; its records,
  which the later layers read, :func:`mention_rows`) and lookups over it: :func:`actor_at`
  (:func:`best_overlap` on records), :func:`demonym`, :func:`resolution_table`.
"""

from analysis.actors.mentions import (
    actor_at,
    best_overlap,
    demonym,
    find_mentions,
    mention_rows,
    resolution_table,
)
from analysis.actors.tables import ACTOR_TYPES, TABLE_COLUMNS, ActorTableError, load_actor_table

__all__ = [
    "ACTOR_TYPES",
    "TABLE_COLUMNS",
    "ActorTableError",
    "actor_at",
    "best_overlap",
    "demonym",
    "find_mentions",
    "load_actor_table",
    "mention_rows",
    "resolution_table",
]
