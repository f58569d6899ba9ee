"""Corpus runs at scale: time and peak memory against corpus size, worker processes, Dask, resume.

    python benchmarks/scaling.py [--corpus ../shared/corpus/wikinews] [--sizes 60,600,1200]
                                 [--parallel-size 600] [--skip-dask] [--skip-resume]

The corpus's articles are replicated with small perturbations (each copy gets its own closing
sentence, so no parse is reused) to each size, written as a JSONL table, and extracted by the
command line (``python -m analysis extract TABLE --out DIR --no-cache --quiet``) in a child
process, one run at a time:

- scaling: ``--jobs 1`` at each size — seconds, seconds per article, peak RSS of the run;
- parallel: at ``--parallel-size`` articles, ``--jobs 2`` and a Dask ``LocalCluster`` of two
  single-threaded workers (``--scheduler local --jobs 2``), each against ``--jobs 1`` (one process
  on one core) of the same run, with the frames checked equal to the ``--jobs 1`` frames;
  ``--threaded-reference`` also times one process whose tone model uses two threads;
- resume: a ``--jobs 1`` run killed (SIGKILL) once about half its parts are written, then rerun;
  the time of the rerun, and its frames checked equal to the clean run's.

The load average is printed before and after: the kernel shares the CPU between sessions, so
another process on the machine hides speed-ups. Skips cleanly when the corpus folder is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews"


def replicate(corpus: Path, size: int, target: Path) -> Path:
    """A JSONL table of ``size`` articles: the corpus's, copied with a distinct closing line."""
    sys.path.insert(0, str(ROOT))
    import analysis

    articles = analysis.load(corpus).articles
    with open(target, "w", encoding="utf-8") as handle:
        for i in range(size):
            row = articles.iloc[i % len(articles)]
            text = f"{row.text.rstrip()}\n\nThis is copy {i // len(articles) + 1} of the story."
            handle.write(json.dumps({"id": f"{row.article_id}-{i}", "text": text}) + "\n")
    return target


def extract(table: Path, out: Path, *options: str, env: dict | None = None) -> dict:
    """One command-line run in a child process: wall seconds and peak RSS (MiB)."""
    command = [sys.executable, "-m", "analysis", "extract", str(table), "--out", str(out)]
    command += ["--no-cache", "--quiet", *options]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env={**_env(), **(env or {})}, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return {"seconds": seconds, "peak_mib": usage.ru_maxrss / 1024}


def killed_and_resumed(table: Path, out: Path, n_parts: int) -> dict:
    """Kill a ``--jobs 1`` run once half of its parts exist, rerun it, time the rerun."""
    command = [sys.executable, "-m", "analysis", "extract", str(table), "--out", str(out)]
    command += ["--no-cache", "--quiet", "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, env=_env(), stderr=subprocess.DEVNULL)
    parts = out / "parts"
    while process.poll() is None:
        if parts.is_dir() and sum(p.name[0] != "." for p in parts.iterdir()) >= n_parts // 2:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.1)
    process.wait()
    written = sum(p.name[0] != "." for p in parts.iterdir())
    rerun = extract(table, out, "--jobs", "1")
    return {"parts_before_kill": written, **rerun}


def same_frames(expected: Path, found: Path) -> bool:
    """Whether two frames folders hold equal frames."""
    import pandas as pd

    sys.path.insert(0, str(ROOT))
    from analysis import store

    a, b = store.read(expected), store.read(found)
    try:
        for name, frame in a.items():
            pd.testing.assert_frame_equal(frame, getattr(b, name), obj=name)
    except AssertionError as error:
        print(f"    frames differ: {str(error)[:300]}")
        return False
    return True


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="60,600,1200")
    parser.add_argument("--parallel-size", type=int, default=600)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-resume", action="store_true")
    parser.add_argument(
        "--threaded-reference",
        action="store_true",
        help="also time one process whose tone model runs on two threads (OMP_NUM_THREADS=2)",
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus folder {args.corpus} not found")
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"load average before: {_load()}  (cores: {os.cpu_count()})")
    with tempfile.TemporaryDirectory(prefix="newsframe-scaling-") as tmp:
        tmp = Path(tmp)
        print("scaling, --jobs 1:")
        runs = {}
        for size in sizes:
            table = replicate(args.corpus, size, tmp / f"corpus-{size}.jsonl")
            runs[size] = extract(table, tmp / f"frames-{size}", "--jobs", "1")
            run = runs[size]
            print(
                f"  {size:5d} articles  {run['seconds']:7.1f} s  "
                f"{run['seconds'] / size * 1000:6.0f} ms/article  peak {run['peak_mib']:6.0f} MiB"
            )
        first, last = sizes[0], sizes[-1]
        if len(sizes) > 1:
            middle = sizes[-2]
            growth = runs[last]["seconds"] / runs[middle]["seconds"]
            memory = runs[last]["peak_mib"] / runs[first]["peak_mib"]
            linear = 1.05 * last / middle
            print(
                f"  time at {last} / at {middle}: {growth:.2f}  "
                f"(linear: {last / middle:.2f}; aim ≤ {linear:.2f})"
            )
            print(f"  peak RSS at {last} / at {first}: {memory:.2f}  (aim ≤ 1.15)")
        size = args.parallel_size
        table = tmp / f"corpus-{size}.jsonl"
        if not table.exists():
            replicate(args.corpus, size, table)
        reference = runs.get(size) or extract(table, tmp / f"frames-{size}", "--jobs", "1")
        print(f"parallel, {size} articles (reference --jobs 1: {reference['seconds']:.1f} s):")
        if args.threaded_reference:
            out = tmp / f"frames-{size}-threaded"
            run = extract(table, out, "--jobs", "1", env={"OMP_NUM_THREADS": "2"})
            print(
                f"  {'--jobs 1, 2 ORT threads':22s} {run['seconds']:7.1f} s  speed-up "
                f"{reference['seconds'] / run['seconds']:.2f}×  (one process, the tone model on "
                "two threads)"
            )
        variants = [("--jobs 2", ["--jobs", "2"])]
        if not args.skip_dask:
            variants.append(("Dask LocalCluster 2×1", ["--jobs", "2", "--scheduler", "local"]))
        for name, options in variants:
            out = tmp / f"frames-{size}-{options[-1]}"
            run = extract(table, out, *options)
            equal = same_frames(tmp / f"frames-{size}", out)
            print(
                f"  {name:22s} {run['seconds']:7.1f} s  speed-up "
                f"{reference['seconds'] / run['seconds']:.2f}×  frames equal: {equal}"
            )
        if not args.skip_resume:
            n_parts = len(list((tmp / f"frames-{size}" / "parts").iterdir()))
            resumed = killed_and_resumed(table, tmp / f"resumed-{size}", n_parts)
            equal = same_frames(tmp / f"frames-{size}", tmp / f"resumed-{size}")
            print(
                f"resume, {size} articles: killed with {resumed['parts_before_kill']} of "
                f"{n_parts} parts written; rerun {resumed['seconds']:.1f} s "
                f"(clean run {reference['seconds']:.1f} s); frames equal: {equal}"
            )
    print(f"load average after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
