"""Adversarial sizes: one very long article, and a text crowded with quotation marks.

    python benchmarks/robustness.py [--corpus ../shared/corpus/wikinews] [--megabytes 5]
                                    [--marks 10000]

- **Long article**: the corpus's articles (the bundled article when the corpus is absent) joined
  into one article of ``--megabytes`` MB, extracted by the command line in a child process
  (``python -m analysis extract FILE --out DIR --no-cache --quiet --jobs 1``): wall seconds,
  peak RSS, and the article's rows. Aims: peak RSS under 1.5 GB; the run finishes, in time
  linear in the length (:mod:`analysis.sections`).
- **Quotation marks**: a 30 KB text with ``--marks`` quotation marks (nested, unbalanced,
  guillemets and straight marks among the curly ones), parsed and analysed in this process with
  the models already loaded: seconds for the parse and for the layers. Aim: under 5 s in all.

Prints the load average before and after: other processes on the machine slow both.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from scaling import DEFAULT_CORPUS, ROOT, _load, extract


def long_article(corpus: Path, megabytes: float, target: Path) -> Path:
    """One text file of about ``megabytes`` MB made of the corpus's articles, one after another."""
    sys.path.insert(0, str(ROOT))
    import analysis
    from analysis import config

    source = corpus if corpus.is_dir() else config.BUNDLED_ARTICLE
    texts = [text.strip() for text in analysis.load(source).articles["text"]]
    pieces, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        pieces.append(texts[i % len(texts)])
        size += len(pieces[-1]) + 2
        i += 1
    target.write_text("\n\n".join(pieces), encoding="utf-8")
    return target


def crowded_text(marks: int) -> str:
    """Short quotations, about 3 characters per mark: curly, nested, guillemets, straight, some
    left open (10,000 marks make about 30 KB)."""
    forms = (
        "He said “a” “b” “c” “d”.",
        "“x “y” z”",
        "«a» «b»",
        '"a" "b"',
        "“open",
    )
    sentences, count, i = [], 0, 0
    while count < marks:
        sentence = forms[i % len(forms)]
        sentences.append(sentence)
        count += sum(sentence.count(mark) for mark in '“”«»"')
        i += 1
    paragraphs = [" ".join(sentences[j : j + 6]) for j in range(0, len(sentences), 6)]
    return "\n\n".join(paragraphs)


def time_marks(marks: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from analysis import nlp, pipeline

    text = crowded_text(marks)
    nlp.parse(["Warm up the models."], use_cache=False)
    pipeline.analyse(nlp.parse(["He said “yes”."], use_cache=False)[0], "warm")
    start = time.perf_counter()
    doc = nlp.parse([text], use_cache=False)[0]
    parsed = time.perf_counter()
    found = pipeline.analyse(doc, "marks")
    done = time.perf_counter()
    return {
        "chars": len(text),
        "marks": sum(text.count(mark) for mark in '“”«»"'),
        "parse": parsed - start,
        "layers": done - parsed,
        "quotes": len(found["quotes"]),
        "fragments": len(found["fragments"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--megabytes", type=float, default=5.0, help="0 skips the long article")
    parser.add_argument("--marks", type=int, default=10_000)
    args = parser.parse_args()
    print(f"load average before: {_load()}")
    marks = time_marks(args.marks)
    total = marks["parse"] + marks["layers"]
    print(
        f"quotation marks: {marks['marks']} marks in {marks['chars'] / 1000:.0f} KB — parse "
        f"{marks['parse']:.2f} s + layers {marks['layers']:.2f} s = {total:.2f} s "
        f"(aim < 5 s: {'met' if total < 5 else 'MISSED'}); {marks['quotes']} quotes, "
        f"{marks['fragments']} fragments"
    )
    if args.megabytes <= 0:
        print(f"load average after: {_load()}")
        return 0
    with tempfile.TemporaryDirectory(prefix="newsframe-robustness-") as tmp:
        tmp = Path(tmp)
        article = long_article(args.corpus, args.megabytes, tmp / "long.txt")
        size = article.stat().st_size / 1_000_000
        run = extract(article, tmp / "frames", "--jobs", "1")
        sys.path.insert(0, str(ROOT))
        from analysis import frames, store

        found = store.read(tmp / "frames")
        bad = frames.span_violations(found)
        print(
            f"long article: {size:.1f} MB in {run['seconds']:.0f} s, peak RSS "
            f"{run['peak_mib']:.0f} MiB (aim < 1,536: "
            f"{'met' if run['peak_mib'] < 1536 else 'MISSED'}); {len(found.sentences)} sentences, "
            f"{len(found.mentions)} mentions, {len(found.quotes)} quotes, "
            f"{len(found.errors)} errors, {len(bad)} span violations"
        )
    print(f"load average after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
