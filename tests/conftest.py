"""Shared fixtures: copies of the data files to break, and the built site in headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from closecalls_build import chromium
from explainers import data, paths

# Property tests run the same examples on every run and never time a test: a loaded CI machine
# must not turn a slow example into a failure ("deadline exceeded", "too slow", "flaky"). Set
# HYPOTHESIS_PROFILE=explore to let hypothesis search with fresh random examples.
settings.register_profile(
    "closecalls",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "closecalls"))

ROOT, SITE = paths.ROOT, paths.SITE
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
    with chromium.served(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium, driven by Playwright (never Playwright's own downloaded browser)."""
    if not Path(chromium.EXECUTABLE).exists():
        pytest.fail("chromium is not installed: run `bash scripts/ensure-chromium.sh`.")
    with chromium.launched() as launched:
        yield launched


#: Set (``make screenshots`` sets it) to save the browser tests' screenshots of every page.
SCREENSHOTS = "CLOSECALLS_SCREENSHOTS"


@pytest.fixture(scope="session")
def screenshot() -> Callable[..., None]:
    """Save a page's screenshot in ``test-artifacts/screenshots/`` when ``CLOSECALLS_SCREENSHOTS``
    is set; otherwise do nothing.

    The screenshots are for people to look at (``make screenshots``); drawing and encoding a full
    page at every width took about a sixth of ``make test``'s browser run, which checks the pages
    by their content and sizes instead.
    """
    folder = ARTIFACTS / "screenshots"

    def shoot(page, name: str, **options) -> None:
        if not os.environ.get(SCREENSHOTS):
            return
        folder.mkdir(parents=True, exist_ok=True)
        if name.endswith(".jpg"):
            options.setdefault("quality", 70)
        page.screenshot(path=str(folder / name), **options)

    return shoot
