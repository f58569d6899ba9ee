"""Every path the suite uses, derived from the project root in one place."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICONS_DIR = DATA_DIR / "lexicons"
ACTORS_TABLE = DATA_DIR / "actors.csv"
SIDES_TABLE = DATA_DIR / "sides.csv"
GAZETTEER = LEXICONS_DIR / "gazetteer.csv"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
CACHE_DIR = Path(os.environ.get("NEWSFRAME_CACHE", PROJECT_ROOT / ".cache"))
SHARED_DIR = PROJECT_ROOT.parent / "shared"
BUNDLED_ARTICLE = ARTICLES_DIR / "reuters-2022-12-20-putin-extremely-difficult.md"
