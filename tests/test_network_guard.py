"""The suite runs offline: the guard in conftest refuses any connection off the machine."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUseError


def test_outbound_connection_is_refused():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkUseError):
            sock.connect(("93.184.216.34", 80))


def test_create_connection_is_refused():
    with pytest.raises(NetworkUseError):
        socket.create_connection(("pypi.org", 443), timeout=1)


def test_nltk_download_is_refused():
    nltk = pytest.importorskip("nltk")
    with pytest.raises(NetworkUseError):
        nltk.download("punkt")


def test_loopback_stays_allowed():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
