"""``make report`` extracts once: its time against the old flow, in the same run.

    python benchmarks/report_flow.py [--corpus ../shared/corpus/wikinews]

- **before**: the flow before frames folders — an ``extract`` step whose output nothing read, then
  every notebook given the raw corpus as ``source``, so each one extracts it again (the parse
  cache, cold at the start, answers the later parses; the layers run every time);
- **after**: ``python -m analysis.report --input CORPUS --out DIR`` — one extraction into
  ``DIR/frames``, every notebook reading it, plus the HTML pages, the annotated article pages and
  the index (more work than *before* does).

Each flow starts from its own empty parse cache (``NEWSFRAME_CACHE``), in a child process. Prints
both times, their ratio and the load average. Skips cleanly when the corpus folder is absent.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scaling import DEFAULT_CORPUS, ROOT, _load

_BEFORE = """
from pathlib import Path
from analysis import report
for notebook in report.notebooks():
    report.execute(notebook, Path({out!r}) / notebook.name, parameters={{"source": {corpus!r}}})
"""


def timed(command: list[str], cache: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSFRAME_CACHE": str(cache)}
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus folder {args.corpus} not found")
        return 0
    corpus = str(args.corpus.resolve())
    print(f"load average before: {_load()}")
    with tempfile.TemporaryDirectory(prefix="newsframe-report-flow-") as tmp:
        tmp = Path(tmp)
        python = sys.executable
        extract = [python, "-m", "analysis", "extract", corpus, "--out", str(tmp / "b" / "frames")]
        notebooks = [python, "-c", _BEFORE.format(out=str(tmp / "b"), corpus=corpus)]
        before = timed([*extract, "--quiet"], tmp / "cache-b") + timed(notebooks, tmp / "cache-b")
        after = timed(
            [python, "-m", "analysis.report", "--input", corpus, "--out", str(tmp / "a")],
            tmp / "cache-a",
        )
    print(f"before (extract step, then every notebook extracting the corpus): {before:6.1f} s")
    print(f"after  (make report: extract once, notebooks read the frames):     {after:6.1f} s")
    print(f"after / before: {after / before:.2f}")
    print(f"load average after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
