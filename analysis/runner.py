"""How a corpus is run: articles in batches through this process, N worker processes, or a Dask
cluster — the same batch function everywhere, results yielded in input order.

- ``jobs=1`` (no scheduler): batches run here, one after another; when the tone model may use
  several cores, a batch's tone runs on a thread while the next batch is parsed.
- ``jobs=N``: a pool of N worker processes (spawned, each loading spaCy once, in its initializer).
- ``scheduler="local"``: a Dask ``LocalCluster`` of ``jobs`` single-threaded worker processes;
  ``scheduler="tcp://host:port"``: an existing Dask cluster (``dask scheduler`` and
  ``dask worker tcp://host:port`` on each machine; every worker needs this package installed).
  A worker plugin loads the pipeline once per worker. Batches travel as article rows and come back
  as frames, so workers need no shared file system.

At most a few batches per worker are in flight at a time, so memory holds the articles frame
and a bounded number of batch results, whatever the corpus size. A progress bar (tqdm: articles
done, words/s, time left) is shown on a terminal, or when asked.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

try:  # dask[distributed] is an optional extra
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - without the extra, --scheduler explains what to install
    WorkerPlugin = object

from analysis import frames, nlp, pipeline, store, tone
from analysis.corpus import Corpus
from analysis.pipeline import Batch, analyse_batch

#: Largest batch (articles); smaller batches keep every worker busy on small corpora.
MAX_BATCH = 16
#: Batches in flight per worker.
IN_FLIGHT = 2
#: Each worker process computes on one thread (BLAS, OpenMP, ONNX Runtime): N workers on N cores,
#: not N × N threads fighting for them.
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
#: A worker process is started per this many articles at most (see :func:`workers_for`).
ARTICLES_PER_WORKER = 8


def default_jobs() -> int:
    """Every core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(jobs: int, n_articles: int) -> int:
    """Worker processes worth starting for ``n_articles``: each costs a spaCy load (seconds), so a
    small corpus gets fewer than asked, one per :data:`ARTICLES_PER_WORKER` articles."""
    return max(1, min(jobs, n_articles // ARTICLES_PER_WORKER))


def batches(articles: pd.DataFrame, *, workers: int = 1, size: int | None = None) -> list:
    """Consecutive slices of ``articles``: ``size`` rows each, or small enough that every worker
    gets several (at most :data:`MAX_BATCH`)."""
    if size is None:
        size = max(1, min(MAX_BATCH, math.ceil(len(articles) / (4 * max(workers, 1)))))
    return [articles.iloc[i : i + size] for i in range(0, len(articles), size)]


def run(
    articles: pd.DataFrame,
    *,
    use_cache: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int | None = None,
    progress: bool | None = False,
    total: int | None = None,
) -> Iterator[Batch]:
    """Analyse ``articles`` batch by batch and yield each :class:`~analysis.pipeline.Batch` in
    input order.

    Args:
        articles: rows of an ``articles`` frame (``article_id``, ``text``, ``path``, ``n_words``).
        use_cache: read and write the parse cache.
        jobs: worker processes (or Dask workers for ``scheduler="local"``).
        scheduler: None (processes on this machine), ``"local"`` or a Dask scheduler address.
        batch_size: articles per batch (default: see :func:`batches`).
        progress: show a progress bar; None shows it only when stderr is a terminal.
        total: articles of the whole corpus, for a bar that counts ones done earlier (resume).
    """
    parts = batches(articles, workers=jobs, size=batch_size)
    total = len(articles) if total is None else total
    bar = tqdm(
        total=total,
        initial=total - len(articles),
        unit="article",
        disable=(not progress) if progress is not None else None,
        file=sys.stderr,
        dynamic_ncols=True,
    )
    words = 0
    try:
        for batch in _results(parts, use_cache=use_cache, jobs=jobs, scheduler=scheduler):
            words += batch.n_words
            bar.update(len(batch.article_ids) + len(batch.errors))
            elapsed = bar.format_dict["elapsed"]
            if elapsed > 0:
                bar.set_postfix_str(f"{words / elapsed:,.0f} words/s", refresh=False)
            yield batch
    finally:
        bar.close()


def _results(parts: list, *, use_cache: bool, jobs: int, scheduler: str | None) -> Iterator[Batch]:
    if scheduler is not None:
        yield from _on_dask(parts, use_cache=use_cache, jobs=jobs, address=scheduler)
    elif jobs <= 1 or len(parts) <= 1:
        yield from _here(parts, use_cache=use_cache)
    else:
        context = multiprocessing.get_context("spawn")
        with (
            _environment(ONE_THREAD),
            ProcessPoolExecutor(
                max_workers=jobs, mp_context=context, initializer=nlp.load_model
            ) as pool,
        ):
            yield from _in_order(
                parts, lambda part: pool.submit(analyse_batch, part, use_cache=use_cache), jobs
            )


def _here(parts: list, *, use_cache: bool) -> Iterator[Batch]:
    """Batches in this process. When the tone model may use more than one core
    (:func:`analysis.tone.cores`; one job of the command line is one core), a batch's tone runs
    on a thread (onnxruntime, outside the interpreter lock) while this one parses the next batch
    and runs its layers."""
    layered = lambda part: pipeline.analyse_layers(part, use_cache=use_cache)  # noqa: E731
    if tone.cores() <= 1:
        for part in parts:
            yield pipeline.finish_batch(layered(part))
        return
    with ThreadPoolExecutor(1, thread_name_prefix="tone") as toner:
        yield from _in_order(
            parts, lambda part: toner.submit(pipeline.finish_batch, layered(part)), 1
        )


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` while worker processes are started (they inherit it)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _in_order(
    parts: list, submit: Callable[[pd.DataFrame], Future], workers: int
) -> Iterator[Batch]:
    """Submit batches keeping ``IN_FLIGHT`` per worker, and yield results in submission order."""
    pending: deque = deque()
    queue = iter(parts)
    for part in queue:
        pending.append(submit(part))
        if len(pending) >= IN_FLIGHT * workers:
            break
    while pending:
        result = pending.popleft().result()
        following = next(queue, None)
        if following is not None:
            pending.append(submit(following))
        yield result


def _on_dask(parts: list, *, use_cache: bool, jobs: int, address: str) -> Iterator[Batch]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise RuntimeError(
            "a Dask scheduler was asked for, but dask[distributed] is not installed: "
            "pip install -e '.[dask]'"
        ) from error
    if address == "local":
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # workers losing the scheduler at shutdown is expected
            env=ONE_THREAD,
        )
        client = Client(cluster)
    else:
        cluster, client = None, Client(address)
    try:
        client.register_plugin(LoadPipeline(), name="newsframe-pipeline")
        workers = max(len(client.scheduler_info()["workers"]), 1)
        yield from _in_order(
            parts,
            lambda part: client.submit(analyse_batch, part, use_cache=use_cache, pure=False),
            workers,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class LoadPipeline(WorkerPlugin):
    """A Dask worker plugin: loads the spaCy pipeline once, when the worker starts, and stops the
    worker's statistical profiler.

    The profiler samples the running task's Python stack every 10 ms (for the dashboard); on a
    pipeline that is mostly Python it cost 10-25% of each batch's time (120 Wikinews articles on
    a LocalCluster of 2 × 1: 44.8 s with it, 35.3 s without, 35.0 s for two worker processes).
    """

    def setup(self, worker) -> None:
        for name in ("profile", "profile-cycle"):
            callback = worker.periodic_callbacks.pop(name, None)
            if callback is not None:
                callback.stop()
        nlp.load_model()


def extract_to(
    corpus: Corpus,
    folder: str | Path,
    *,
    use_cache: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Extract ``corpus`` into a frames folder (:mod:`analysis.store`), resuming where an earlier
    run on the same articles and pipeline stopped.

    Returns:
        The ``errors`` frame: inputs that could not be read and articles whose analysis failed.

    Raises:
        OSError: the folder cannot be written (checked before any work starts).
    """
    writer = store.FramesWriter(folder, pipeline.identity())
    articles = corpus.articles
    todo = articles[~writer.done(articles)]
    failed = [corpus.errors]
    for batch in run(
        todo,
        use_cache=use_cache,
        jobs=jobs,
        scheduler=scheduler,
        batch_size=batch_size,
        progress=progress,
        total=len(articles),
    ):
        writer.write_batch(batch, todo)
        failed.append(batch.errors)
    errors = frames.concat("errors", failed)
    analysed = articles[~articles["article_id"].isin(errors["article_id"].dropna())]
    writer.finish(analysed.reset_index(drop=True), errors)
    return errors
