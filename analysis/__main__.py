"""The command line: ``python -m analysis extract INPUT... --out DIR`` (or ``--jsonl OUT.jsonl``).

``python -m analysis tone IN.jsonl --jsonl OUT.jsonl`` scores tone toward targets (see
:mod:`analysis.tone`): input lines ``{"id", "sentence", "target_start", "target_end"}``, output
lines ``{"id", "polarity", "p_negative", "p_neutral", "p_positive"}`` in the same order; a bad
line is named and nothing is written (exit 2).

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
    to = commands.add_parser("tone", help="tone toward targets: JSONL in → JSONL out (same order)")
    to.add_argument("input", help='JSONL of {"id", "sentence", "target_start", "target_end"}')
    to.add_argument("--jsonl", required=True, help="write one JSON object per target here")
    return parser


def _tone(args: argparse.Namespace) -> int:
    """``tone IN.jsonl --jsonl OUT.jsonl``: every line checked first, then scored and written."""
    from analysis import tone

    try:
        targets = tone.read_targets(args.input)
    except (OSError, tone.ToneInputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    tone.write_jsonl(tone.score_targets(targets), args.jsonl)
    print(f"{len(targets)} target(s) → {args.jsonl}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "tone":
        return _tone(args)
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
