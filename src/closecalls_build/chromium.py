"""How this project starts Debian's chromium and serves it the built site.

Used by the browser tests, ``make bench`` and ``make bench-live``. Playwright drives Debian's package
(``/usr/bin/chromium``), never a browser of its own download, which needs the open internet. The flags
suit a machine with no network: without the background-networking ones, chromium tries Google's
services at every start and is refused. The site is served as a static host would serve it, from a
free loopback port.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["ARGS", "EXECUTABLE", "launched", "served"]

#: Debian's chromium.
EXECUTABLE = shutil.which("chromium") or "/usr/bin/chromium"

#: Headless, as root in a container, with nothing that reaches out to the network.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The folder ``site`` served on 127.0.0.1 at a free port; yields the base address."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launched() -> Iterator[Any]:
    """Debian's chromium with :data:`ARGS`, as a Playwright ``Browser``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
