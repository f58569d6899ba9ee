"""A minimal headless-Chromium driver over the DevTools protocol, for checking rendered reports.

Only loopback connections are made (to Chromium's own debugging port). Uses ``websocket-client``.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]


def chromium_path() -> str | None:
    """The Chromium binary, if one is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Page:
    """One headless Chromium tab: load a file, read console errors, evaluate JavaScript."""

    def __init__(self, binary: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="newsframe-chromium-")
        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = self._wait_for_port(Path(self._profile) / "DevToolsActivePort")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            target = next(t for t in json.load(answer) if t["type"] == "page")
        self._socket = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30)
        self._next_id = 0
        for method in ("Runtime.enable", "Log.enable", "Page.enable"):
            self._call(method)
        self.errors: list[str] = []

    @staticmethod
    def _wait_for_port(path: Path, *, seconds: float = 30) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if path.exists() and path.read_text().strip():
                return int(path.read_text().split()[0])
            time.sleep(0.1)
        raise RuntimeError("Chromium did not open its debugging port")

    def _call(self, method: str, **params) -> dict:
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == self._next_id:
                return message.get("result", {})
            self._note(message)

    def _note(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a)) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")

    def open(self, path: Path, *, settle: float = 1.0) -> None:
        """Navigate to a local file and wait for its load event (and a little longer)."""
        self.errors = []
        self._call("Page.navigate", url=path.resolve().as_uri())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            message = json.loads(self._socket.recv())
            self._note(message)
            if message.get("method") == "Page.loadEventFired":
                break
        self._socket.settimeout(settle)
        try:
            while True:
                self._note(json.loads(self._socket.recv()))
        except websocket.WebSocketTimeoutException:
            pass
        finally:
            self._socket.settimeout(30)

    def evaluate(self, expression: str):
        """The JSON value of a JavaScript expression in the page."""
        result = self._call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def screenshot(self, path: Path, *, width: int = 1400, height: int = 2000) -> Path:
        """Save a PNG of the page as a ``width`` × ``height`` window shows it (from the top)."""
        self._call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        shot = self._call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        self._socket.close()
        self._process.terminate()
        self._process.wait(timeout=10)
        shutil.rmtree(self._profile, ignore_errors=True)
