"""The command line: ``python -m analysis extract INPUT... --out DIR`` (or ``--jsonl OUT.jsonl``).

``--out DIR`` writes a frames folder (Parquet parts per batch and a manifest written last, see
:mod:`analysis.store`) that :meth:`analysis.Frames.read` and the notebooks read; a rerun on the
same corpus resumes, analysing only the articles not yet written. ``--csv`` also exports one CSV
per frame into ``DIR/csv/``. ``--jobs N`` runs N worker processes (default: every core);
``--scheduler tcp://HOST:PORT`` (or ``local``) runs the batches on a Dask cluster.

``python -m analysis tone IN.jsonl --jsonl OUT.jsonl`` scores tone toward targets (see
:mod:`analysis.tone`): input lines ``{"id", "sentence", "target_start", "target_end"}``, output
lines ``{"id", "polarity", "p_negative", "p_neutral", "p_positive"}`` in the same order; a bad
line is named and nothing is written (exit 2).

``--jsonl`` mode reads JSONL inputs of ``{"doc_id", "text"}`` lines and writes one JSON object per
document, ``{"doc_id", "sentences": [...], "entities": [...], "quotes": [...], ...}`` (see
:meth:`analysis.frames.Frames.write_jsonl`).

Exit status: 0 when every input was read and analysed; 1 when some inputs or articles failed
(each is listed, the rest are written); 2 when nothing usable was read; 3 when the output cannot
be written (checked before any work starts, where it can be).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import frames, runner, store
from analysis.corpus import CorpusError, load

OK, FAILURES, NOTHING, ENVIRONMENT = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract", help="articles → a frames folder or per-document JSONL")
    ex.add_argument("inputs", nargs="+", help=".txt/.md files, folders, CSV/JSONL/Parquet tables")
    target = ex.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="frames folder (resumed when it holds an unfinished run)")
    target.add_argument("--jsonl", help="write one JSON object per document to this file")
    ex.add_argument("--csv", action="store_true", help="with --out: also one CSV per frame")
    ex.add_argument("--text-column", default="text", help="text column of tables (default: text)")
    ex.add_argument("--id-column", default=None, help="id column of tables (default: id/doc_id)")
    ex.add_argument("--no-cache", action="store_true", help="parse again, ignoring .cache/")
    ex.add_argument(
        "--jobs",
        type=int,
        default=runner.default_jobs(),
        help="worker processes, one core each (default: all cores)",
    )
    ex.add_argument(
        "--scheduler", help="Dask scheduler address tcp://HOST:PORT, or 'local' for a LocalCluster"
    )
    ex.add_argument("--batch-size", type=int, default=None, help="articles per batch")
    shown = ex.add_mutually_exclusive_group()
    shown.add_argument("--quiet", action="store_true", help="no progress bar")
    shown.add_argument(
        "--progress", action="store_true", help="a progress bar even when not on a terminal"
    )
    to = commands.add_parser("tone", help="tone toward targets: JSONL in → JSONL out (same order)")
    to.add_argument("input", help='JSONL of {"id", "sentence", "target_start", "target_end"}')
    to.add_argument("--jsonl", required=True, help="write one JSON object per target here")
    return parser


def _tone(args: argparse.Namespace) -> int:
    """``tone IN.jsonl --jsonl OUT.jsonl``: every line checked first, then scored and written."""
    from analysis import tone_contract

    try:
        targets = tone_contract.read_targets(args.input)
    except (OSError, tone_contract.ToneInputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    tone_contract.write_jsonl(tone_contract.score_targets(targets), args.jsonl)
    print(f"{len(targets)} target(s) → {args.jsonl}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "tone":
        return _tone(args)
    if args.jobs == 1 and args.scheduler is None:
        # one job is one core: the tone model's ONNX Runtime reads this when it loads
        os.environ.update({k: v for k, v in runner.ONE_THREAD.items() if k not in os.environ})
    try:
        _check_output(args)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return ENVIRONMENT
    try:
        corpus = load(*args.inputs, text_column=args.text_column, id_column=args.id_column)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return NOTHING
    options = {
        "use_cache": not args.no_cache,
        "jobs": runner.workers_for(args.jobs, len(corpus.articles)),
        "scheduler": args.scheduler,
        "batch_size": args.batch_size,
        "progress": False if args.quiet else (True if args.progress else None),
    }
    try:
        if args.jsonl:
            errors = _to_jsonl(corpus, Path(args.jsonl), options)
            written = args.jsonl
        else:
            errors = runner.extract_to(corpus, args.out, **options)
            written = args.out
            if args.csv:
                written += f" (CSV in {_export_csv(Path(args.out))})"
    except OSError as error:
        print(f"error: writing the output failed: {error}", file=sys.stderr)
        return ENVIRONMENT
    for row in errors.itertuples():
        print(f"skipped {row.path}: {row.error}", file=sys.stderr)
    analysed = len(corpus.articles) - errors["article_id"].notna().sum()
    print(f"{analysed} article(s) → {written}", file=sys.stderr)
    if not analysed:
        return NOTHING
    return FAILURES if len(errors) else OK


def _check_output(args: argparse.Namespace) -> None:
    """Fail before any work when the output cannot be written."""
    if args.out:
        store.check_writable(args.out)
        return
    target = Path(args.jsonl)
    folder = target.parent
    if target.is_dir():
        raise OSError(f"--jsonl {target} is a folder: give a file name")
    if not folder.is_dir():
        raise OSError(f"--jsonl {target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OSError(f"--jsonl {target}: no permission to write there")


def _to_jsonl(corpus, target: Path, options: dict) -> pd.DataFrame:
    """Stream batches into the JSONL file (written under a temporary name, then renamed)."""
    articles = corpus.articles
    failed = [corpus.errors]
    temporary = target.with_name(f".{target.name}.partial")
    with open(temporary, "w", encoding="utf-8") as handle:
        for batch in runner.run(articles, **options):
            done = articles[articles["article_id"].isin(batch.article_ids)]
            handle.writelines(frames.Frames(articles=done, **batch.frames).jsonl_lines())
            failed.append(batch.errors)
    os.replace(temporary, target)
    return frames.concat("errors", failed)


def _export_csv(folder: Path) -> Path:
    """One CSV per frame of a frames folder, read one frame at a time."""
    out = folder / "csv"
    out.mkdir(exist_ok=True)
    for name, _ in frames.Frames().items():
        frame = getattr(store.read(folder, names=[name]), name)
        temporary = out / f".{name}.csv.partial"
        frame.to_csv(temporary, index=False)
        os.replace(temporary, out / f"{name}.csv")
    return out


if __name__ == "__main__":
    sys.exit(main())
