"""The command line: ``python -m analysis extract INPUT... --out DIR`` (or ``--jsonl OUT.jsonl``).

``--jsonl`` mode reads JSONL inputs of ``{"doc_id", "text"}`` lines and writes one JSON object per
document, ``{"doc_id", "sentences": [...], "entities": [...], "quotes": [...], ...}`` (see
:meth:`analysis.frames.Frames.write_jsonl`). Exit status: 0 when every input was read, 1 when
some inputs failed (the rest are still written), 2 when nothing could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.corpus import CorpusError, load
from analysis.pipeline import extract


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser(
        "extract", help="articles → frames (Parquet/CSV) or per-document JSONL"
    )
    ex.add_argument("inputs", nargs="+", help=".txt/.md files, folders, CSV/JSONL/Parquet tables")
    target = ex.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="folder for one file per frame")
    target.add_argument("--jsonl", help="write one JSON object per document to this file")
    ex.add_argument("--csv", action="store_true", help="with --out: CSV instead of Parquet")
    ex.add_argument("--text-column", default="text", help="text column of tables (default: text)")
    ex.add_argument("--id-column", default=None, help="id column of tables (default: id/doc_id)")
    ex.add_argument("--no-cache", action="store_true", help="parse again, ignoring .cache/")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        corpus = load(*args.inputs, text_column=args.text_column, id_column=args.id_column)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    result = extract(corpus, use_cache=not args.no_cache)
    if args.jsonl:
        result.write_jsonl(args.jsonl)
        written = args.jsonl
    else:
        written = ", ".join(
            str(p) for p in result.write(args.out, fmt="csv" if args.csv else "parquet")
        )
    print(f"{len(result.articles)} article(s) → {written}", file=sys.stderr)
    for row in result.errors.itertuples():
        print(f"skipped {row.path}: {row.error}", file=sys.stderr)
    return 1 if len(result.errors) else 0


if __name__ == "__main__":
    sys.exit(main())
