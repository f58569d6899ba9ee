"""Throughput of ``analysis.extract`` against bare spaCy ``nlp.pipe`` on the same texts, same run.

    python benchmarks/throughput.py [--corpus ../shared/corpus/wikinews] [--repeat 3]

Each side runs in its own child process (so each peak memory is its own), parsing from scratch
(no cache). Prints words/second for both, their ratio (ours / spaCy's; 1.0 means our layers cost
nothing on top of parsing) and each side's peak resident memory; then the same ``extract`` with
its tone stage (the fine-tuned encoder of :mod:`analysis.tone`, a model run per (sentence, actor)
pair) replaced by a no-op, which is what the rule layers cost; the same ``extract`` once more
with its parses and tone scores cached (a temporary cache folder filled by the warm-up run),
which is what extracting again costs after an edit to the code or tables that changes neither
a text nor a tone pair; then the layers alone on the
parses (cached), as words/s against spaCy's, with and without tone, and split by stage. Skips
cleanly when the corpus folder is absent.
"""

from __future__ import annotations

import argparse
import atexit
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews"


def measure(mode: str, corpus: Path, repeat: int) -> dict:
    """Best-of-``repeat`` seconds for one side, in this process; prints nothing."""
    import analysis
    from analysis import nlp

    articles = analysis.load(corpus).articles
    texts = list(articles["text"])
    split: dict[str, float] = {}
    if mode == "spacy":
        model = nlp._import_model()  # the plain English pipeline, none of our components
        run = lambda: list(model.pipe(texts, batch_size=32))  # noqa: E731
    elif mode == "layers":
        docs = nlp.parse(texts)  # parsed once and cached: only the layers are timed
        run = lambda: _time_layers(docs, list(articles["article_id"]), split)  # noqa: E731
    elif mode == "cached":
        from analysis import config

        config.CACHE_DIR = Path(tempfile.mkdtemp(prefix="throughput-cache-"))  # not the project's
        atexit.register(shutil.rmtree, config.CACHE_DIR, ignore_errors=True)
        nlp.load_model()
        run = lambda: analysis.extract(articles)  # noqa: E731 — the warm-up fills both caches
    else:
        nlp.load_model()
        if mode == "untoned":
            _skip_tone()
        run = lambda: analysis.extract(articles, use_cache=False)  # noqa: E731
    run()  # warm-up: model and lexicon loading are not throughput
    split.clear()
    best = min(_seconds(run) for _ in range(repeat))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "seconds": best,
        "words": int(articles["n_words"].sum()),
        "articles": len(texts),
        "peak_mib": peak_mib,
        "split": {stage: seconds / repeat for stage, seconds in split.items()},
    }


def _skip_tone() -> None:
    """Make the pipeline's tone stage a no-op: mentions keep no tone, no quote_tone rows."""
    from analysis import pipeline

    def untoned(analysed: list[tuple], **_options) -> list[dict]:
        return [{"mentions": found["mentions"], "quote_tone": []} for _, _, found in analysed]

    pipeline._tone_each = untoned


def _time_layers(docs: list, article_ids: list[str], split: dict[str, float]) -> None:
    """Run every layer of :mod:`analysis.pipeline` on parsed articles as a run does (the
    per-article layers, then tone for each batch of articles at once, then each frame built from
    the batch's records), adding each stage's seconds to ``split``."""
    from analysis import frames, pipeline, runner

    analysed = []
    for doc, article_id in zip(docs, article_ids, strict=True):
        article = pipeline.Article(doc, article_id)
        for stage, step in pipeline._STEPS:  # the pipeline's own layer list, in its order
            start = time.perf_counter()
            article.rows.update(step(article))
            split[stage] = split.get(stage, 0.0) + time.perf_counter() - start
        analysed.append((None, doc, article.rows))
    for part in runner.batches(pd.DataFrame({"i": range(len(analysed))})):
        batch = [analysed[i] for i in part["i"]]
        start = time.perf_counter()
        toned = pipeline._tone_each(batch)
        split["tone"] = split.get("tone", 0.0) + time.perf_counter() - start
        start = time.perf_counter()
        found = [{**rows, **more} for (_, _, rows), more in zip(batch, toned, strict=True)]
        for name in pipeline.ARTICLE_FRAMES:
            frames.conform(name, [row for rows in found for row in rows[name]])
        split["frames"] = split.get("frames", 0.0) + time.perf_counter() - start


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _child(mode: str, corpus: Path, repeat: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--corpus",
        str(corpus),
        "--repeat",
        str(repeat),
        "--child",
        mode,
    ]
    answer = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(answer.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--child",
        choices=["spacy", "extract", "untoned", "cached", "layers"],
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus folder {args.corpus} not found")
        return 0
    if args.child:
        print(json.dumps(measure(args.child, args.corpus, args.repeat)))
        return 0
    reference = _child("spacy", args.corpus, args.repeat)
    ours = _child("extract", args.corpus, args.repeat)
    untoned = _child("untoned", args.corpus, args.repeat)
    cached = _child("cached", args.corpus, args.repeat)
    print(
        f"corpus: {args.corpus} ({ours['articles']} articles, {ours['words']} words), "
        f"best of {args.repeat}"
    )
    for side, name in (
        (reference, "spaCy nlp.pipe (reference)"),
        (ours, "analysis.extract"),
        (untoned, "extract, tone stage skipped"),
        (cached, "extract, parses+tone cached"),
    ):
        rate = side["words"] / side["seconds"]
        print(
            f"  {name:28s} {rate:9.0f} words/s  {side['seconds']:6.2f} s  "
            f"peak {side['peak_mib']:6.0f} MiB"
        )
    print(
        f"throughput ratio (extract / spaCy): {reference['seconds'] / ours['seconds']:.2f}; "
        f"without the tone model: {reference['seconds'] / untoned['seconds']:.2f}  (aim ≥ 0.80); "
        f"extracting again, parses and tone scores cached: "
        f"{reference['seconds'] / cached['seconds']:.2f}"
    )
    layers = _child("layers", args.corpus, args.repeat)
    total = sum(layers["split"].values())
    rules = total - layers["split"].get("tone", 0.0)
    print(
        f"layers alone (parse cached): {layers['words'] / layers['seconds']:.0f} words/s, "
        f"{reference['seconds'] / layers['seconds']:.2f}× spaCy's words/s; without the tone "
        f"model {reference['seconds'] / rules:.2f}× (aim ≥ 4); mean seconds per pass by stage:"
    )
    for stage, seconds in sorted(layers["split"].items(), key=lambda item: -item[1]):
        print(f"  {stage:<14} {seconds:6.2f} s  {100 * seconds / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
