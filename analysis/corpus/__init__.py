"""What was read: files, folders and tables become the ``articles`` frame and the ``errors`` frame.

:func:`load` accepts any mix of

- a ``.txt`` or ``.md`` file, optionally opened by YAML front matter;
- a folder: every ``.txt`` / ``.md`` file inside it, recursively, in sorted order (other files and
  hidden files or folders are ignored; dangling symbolic links, link loops, named pipes, sockets
  and devices are never opened but listed in ``errors``);
- a ``.csv``, ``.jsonl`` or ``.parquet`` table with one article per row, or a pandas DataFrame;
- a list of any of these.

Front matter is the file's first line ``---``, YAML, and a closing line ``---``. The closing
line's newline belongs to the delimiter: the article text starts at the next character and runs
to the end of the file, because every offset in the suite indexes into it. Two changes only are
made before a text becomes the article text (so offsets index the text as stored in the
``articles`` frame): a UTF-8 byte-order mark is dropped, and a lone carriage return (``\r`` not
followed by ``\n``, old Mac line endings) becomes ``\n``, so paragraphs survive. ``\r\n`` is kept.

Metadata: ``id``, ``title``, ``source``, ``published``, ``url`` and ``topics`` (or ``tags``) from
front matter or the table columns of those names fill the schema columns
(``frames.SCHEMAS["articles"]``). ``published`` is parsed into a datetime (UTC, stored without a
zone; a date that cannot be read or has no four-digit year is ``NaT``; ``03/04/2022`` is read
month first, as pandas does) and kept as given in ``published_text``; ``topics``
are joined by `` | ``. Every other front-matter key with a scalar value, and every other table
column whose cells are all scalars (nested or list-valued columns such as PolNeAR's ``quotes``
are ignored), becomes an extra string column after the schema columns, in order of first
appearance; one whose name is a schema column gets the suffix ``_extra``.

Table rows are numbered from 1: the n-th data row of a CSV (header and blank lines not counted),
the n-th line of a JSONL file (lines end at ``\n`` only: U+2028 or U+0085 inside a JSON string
is text, not a line break), the n-th row of a Parquet file or DataFrame. A row without an id gets
``<file stem>-<row>`` (``dataframe-<row>``, ``dataframe2-<row>``, ... for DataFrames).

Nothing is dropped silently: every file or row that cannot be read becomes a row of the
``errors`` frame saying what is wrong and what to do, and the good inputs are still loaded. A
row whose text or metadata holds a lone UTF-16 surrogate (JSON ``"\ud800"``: half a character,
which no file format can store) is such an error row; it is not repaired.

Which module answers what, each importing only the ones before it:

- :mod:`~analysis.corpus.records` — what one article becomes: its text normalised, its metadata
  converted (dates, topics, extra columns), its words counted (:data:`WORD`,
  :func:`count_words`);
- :mod:`~analysis.corpus.files` — which files a path holds and what a text file says: folders
  walked, links and special files refused, UTF-8 decoded, front matter split off;
- :mod:`~analysis.corpus.tables` — which rows a table holds: CSV, JSONL, Parquet, DataFrames;
- :mod:`~analysis.corpus.read` — what was read: :func:`load`, :class:`Corpus`,
  :class:`CorpusError`.
"""

from analysis.corpus.files import TEXT_SUFFIXES, TOPIC_ALIASES
from analysis.corpus.read import Corpus, CorpusError, load
from analysis.corpus.records import METADATA_KEYS, TOPIC_SEPARATOR, WORD, count_words
from analysis.corpus.tables import ID_COLUMNS, TABLE_SUFFIXES

__all__ = [
    "ID_COLUMNS",
    "METADATA_KEYS",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "TOPIC_ALIASES",
    "TOPIC_SEPARATOR",
    "WORD",
    "Corpus",
    "CorpusError",
    "count_words",
    "load",
]
