"""What was computed once is read back: the on-disk store behind the parse cache and the tone cache.

An entry is named by the sha256 of the text it was computed from and lives in a folder named by
the identity of what computed it (``.cache/KIND/KEY/``, ``KEY`` a hash of the pipeline or the
model), so a changed text or a changed computation is computed anew and nothing stale is read
back. An entry is ``sha256(key + payload) + payload``, written to a temporary file and renamed
into place; on read the checksum must match, else the entry is discarded with a
:class:`CacheWarning` and computed again. A store that cannot be written or read (read-only,
disk full, a file in the way) is switched off for the rest of the call with a
:class:`CacheWarning`; results are the same either way, only slower. ``NEWSFRAME_CACHE`` moves
the whole cache (:data:`analysis.config.CACHE_DIR`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from pathlib import Path

from analysis import config


class CacheWarning(UserWarning):
    """A cache entry was discarded, or the cache could not be used; the work went on without it."""


class Store:
    """The entries of one kind of cached result computed by one identity.

    Args:
        kind: the cache's folder under :data:`analysis.config.CACHE_DIR` (``docs``, ``tone``).
        key: the identity of what computes the entries (its folder under ``kind``).
        what: how warnings name the cache ("parse", "tone").
        suffix: the entries' file suffix.
    """

    def __init__(self, kind: str, key: str, *, what: str, suffix: str) -> None:
        self.key = key
        self.what = what
        self.suffix = suffix
        self.folder = config.CACHE_DIR / kind / key
        self.usable = True

    def path(self, text: str) -> Path:
        """Where the entry computed from ``text`` lives."""
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{digest}{self.suffix}"

    def read(self, text: str) -> bytes | None:
        """The payload stored for ``text``, or None (not stored, unreadable, or damaged: a
        damaged entry is discarded with a warning)."""
        if not self.usable:
            return None
        path = self.path(text)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # not cached (yet)
            return None
        except OSError as error:
            self._give_up("read", error)
            return None
        checksum, payload = data[:32], data[32:]
        if hashlib.sha256(self.key.encode() + payload).digest() != checksum:
            self.discard(text, "its checksum does not match (a truncated or corrupt file)")
            return None
        return payload

    def discard(self, text: str, problem: str) -> None:
        """Remove the entry for ``text``, saying why (its payload cannot be used)."""
        path = self.path(text)
        warnings.warn(
            f"Discarded the {self.what} cache entry {path}: {problem}; it is computed again.",
            CacheWarning,
            stacklevel=3,
        )
        path.unlink(missing_ok=True)

    def write(self, text: str, payload: bytes) -> None:
        """Store ``payload`` for ``text`` atomically (temporary file, then rename); on failure
        stop caching for this call."""
        if not self.usable:
            return
        data = hashlib.sha256(self.key.encode() + payload).digest() + payload
        path = self.path(text)
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp", delete=False
            ) as handle:
                temporary = Path(handle.name)
                handle.write(data)
            os.replace(temporary, path)
        except OSError as error:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            self._give_up("written", error)

    def _give_up(self, what: str, error: OSError) -> None:
        self.usable = False
        warnings.warn(
            f"The {self.what} cache {self.folder} cannot be {what} ({error.strerror or error}); "
            "going on without it for this run (results are the same, only slower). Fix its "
            "permissions or free disk space, or set NEWSFRAME_CACHE to a writable folder.",
            CacheWarning,
            stacklevel=4,
        )
