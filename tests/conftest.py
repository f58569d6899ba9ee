"""Shared fixtures: the gold annotation, the bundled article's frames, and the network guard."""

from __future__ import annotations

import ipaddress
import json
import socket
from pathlib import Path

import pytest

import analysis
from analysis import config

FIXTURES = Path(__file__).parent / "fixtures"


def _is_local(address: object) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX paths
        return True
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkUseError(RuntimeError):
    """Raised when code under test tries to reach the network."""


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Fail any connection that leaves the machine, and any ``nltk.download``, for the whole run."""
    original = socket.socket.connect

    def guarded_connect(self, address):
        if not _is_local(address):
            raise NetworkUseError(f"network use during tests: connect to {address!r}")
        return original(self, address)

    def refuse_download(*args, **kwargs):
        raise NetworkUseError(f"nltk.download called with {args!r}: nothing may be downloaded")

    patch = pytest.MonkeyPatch()
    patch.setattr(socket.socket, "connect", guarded_connect)
    patch.setattr(socket, "create_connection", _guarded_create_connection(socket.create_connection))
    try:
        import nltk

        patch.setattr(nltk, "download", refuse_download)
    except ImportError:
        pass
    yield
    patch.undo()


def _guarded_create_connection(original):
    def create_connection(address, *args, **kwargs):
        if not _is_local(address):
            raise NetworkUseError(f"network use during tests: connect to {address!r}")
        return original(address, *args, **kwargs)

    return create_connection


@pytest.fixture(scope="session")
def gold() -> dict:
    """The hand annotation of the bundled article (``../shared/gold``, carried into tests/)."""
    return json.loads((FIXTURES / "seed-article.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The bundled article's text, exactly as the gold offsets index it."""
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_frames() -> analysis.Frames:
    """Every frame of the bundled article, extracted once for the session."""
    return analysis.extract(config.BUNDLED_ARTICLE)
