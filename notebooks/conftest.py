"""nbval on the notebooks: a notebook whose demo corpus lives beside the project (``../shared``)
runs only where that corpus is; elsewhere (a user's fresh clone) it is skipped, saying why."""

from __future__ import annotations

import pytest

from analysis import config

#: notebook → the input its committed outputs were executed on.
DEMO_INPUTS = {"05-compare.ipynb": config.SHARED_DIR / "bench" / "polnear-dev.jsonl"}


def pytest_collection_modifyitems(items):
    for item in items:
        needed = DEMO_INPUTS.get(item.path.name)
        if needed is not None and not needed.is_file():
            item.add_marker(
                pytest.mark.skip(reason=f"{item.path.name} runs on {needed}, which is absent")
            )
