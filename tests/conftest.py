"""Shared fixtures: copies of the data files to break, and the built site in headless Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from explainers import data
from explainers.chromium import ARGS as CHROMIUM_ARGS
from explainers.chromium import EXECUTABLE as CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Return a function that copies a file of data/ into a temporary folder and gives its path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(data.DATA_DIR / name, target)
        return target

    return copy


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the whole data folder, which the loaders read instead of data/ during the test."""
    target = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, target)
    monkeypatch.setattr(data, "DATA_DIR", target)
    return target


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in line ``line`` (1-based, the header is line 1) of ``path``."""
    lines = path.read_text().splitlines(keepends=True)
    assert old in lines[line - 1], f"{old!r} not in line {line}: {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """Serve the built book on 127.0.0.1 (a free port) for the browser tests."""
    if not (SITE / "index.html").exists():
        pytest.fail("No built site in _build/html: run `make book` first (`make test` does).")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium, driven by Playwright (never Playwright's own downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run `bash scripts/ensure-chromium.sh`.")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots (``test-artifacts/``, ignored by git)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
