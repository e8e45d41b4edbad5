"""How this project starts Debian's chromium, serves it the built site and opens a page offline.

Used by the browser tests, ``make bench`` and ``make bench-live``. Playwright drives Debian's package
(``/usr/bin/chromium``), never a browser of its own download, which needs the open internet. The flags
suit a machine with no network: without the background-networking ones, chromium tries Google's
services at every start and is refused. The site is served as a static host would serve it, from a
free loopback port. :func:`offline_page` is the one way a test opens a page: every request outside
the server is aborted and counted, and the console's errors and warnings are kept, so that a page
that reaches for a CDN, or throws, fails its test instead of passing on a machine with a network.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ARGS", "EXECUTABLE", "OfflinePage", "launched", "offline_page", "served"]

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


@dataclass
class OfflinePage:
    """A Playwright ``Page`` that may reach ``base_url`` only, and what it tried and said.

    ``requests`` holds every address the page asked for, ``external`` those outside ``base_url``
    (aborted), ``failed`` the answers with an error status (``"404 http://..."``), ``errors`` the
    uncaught exceptions and console errors, ``warnings`` the console's warnings, each in the order
    they came.
    """

    page: Any
    base_url: str
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def open(self, path: str) -> OfflinePage:
        """Go to ``path`` under ``base_url`` and wait for the load event; return ``self``."""
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}", wait_until="load")
        return self

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url == self.base_url or url.startswith(self.base_url + "/"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)
        elif message.type == "warning":
            self.warnings.append(message.text)


@contextmanager
def offline_page(owner: Any, base_url: str, **options: Any) -> Iterator[OfflinePage]:
    """A new page of ``owner`` that can reach nothing outside ``base_url``; closed on exit.

    ``owner`` is a Playwright ``Browser`` (the page gets a context of its own, made with
    ``options`` such as ``viewport`` or ``is_mobile``, and closed with it) or a ``BrowserContext``
    (the page shares its cache, as a reader's next page would; ``options`` must be empty).
    """
    base_url = base_url.rstrip("/")
    if hasattr(owner, "new_context"):
        context = owner.new_context(**options)
        page = context.new_page()
    else:
        if options:
            raise ValueError(f"options {sorted(options)} need a browser, not a browser context")
        context, page = None, owner.new_page()
    visit = OfflinePage(page, base_url)
    page.route("**/*", visit._route)
    page.on("response", visit._response)
    page.on("console", visit._console)
    page.on("pageerror", lambda error: visit.errors.append(f"uncaught: {error}"))
    try:
        yield visit
    finally:
        page.close()
        if context is not None:
            context.close()
