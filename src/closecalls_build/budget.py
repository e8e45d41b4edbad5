"""The book's performance budget, and the arithmetic ``make bench`` and the tests apply to it.

The budgets are the promises of issue 11, in one place:

- the clean build (notebooks executed) and an author's rebuild with nothing changed;
- what a reader downloads: the first chapter page of a visit in all, a page without charts, each
  further chapter page with the browser's cache warm, and no request outside the site;
- how fast a chart answers its controls: from a control's input event to the view drawn again;
- the heaviest computation a reader can start, 10,000 simulated ballot-polling audits;
- ``make test`` after ``make book``: its three pytest runs, as their JUnit reports time them.

Sizes are bytes as the site's own files hold them (``raw``) and as a web server would send them
compressed (``gzip`` at level 6, zlib's default and Apache ``mod_deflate``'s; nginx's default is 1,
which compresses less); 1 KB is 1,000 bytes. :func:`weigh` works from the list of addresses a
browser requested, so the same numbers come from the benchmark (``scripts/bench.py``) and the tests
(``tests/test_budget.py``), and they do not depend on the machine.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from closecalls_build.chromium import offline_page

__all__ = [
    "BUDGETS",
    "Budget",
    "PageWeight",
    "gzip_size",
    "misses",
    "percentile",
    "visit",
    "weigh",
]


@dataclass(frozen=True)
class Budget:
    """One limit: a measured figure must stay at or below ``limit`` (in ``unit``)."""

    name: str
    limit: float
    unit: str
    what: str


#: Every budget, by name. ``page_without_charts_kb`` is an aim (a third of the chapter budget).
BUDGETS: dict[str, Budget] = {
    b.name: b
    for b in (
        Budget("clean_build_s", 90, "s", "clean build, notebooks executed, on a 2-core machine"),
        Budget("rebuild_s", 10, "s", "an author's rebuild with nothing changed"),
        Budget("first_chapter_kb", 1000, "KB gzip", "first chapter page of a visit, in all"),
        Budget("page_without_charts_kb", 1000 / 3, "KB gzip", "a page without charts, in all"),
        Budget("further_chapter_kb", 150, "KB gzip", "each further chapter page, cache warm"),
        Budget("external_requests", 0, "requests", "requests outside the site, on any page"),
        Budget("control_p95_ms", 8, "ms", "control to re-rendered view, 95th percentile"),
        Budget("bravo_10000_s", 1, "s", "10,000 ballot-polling audits, Wisconsin-sized"),
        Budget("tests_s", 300, "s", "make test's three runs (unit, notebooks, browser), 2 cores"),
    )
}


def gzip_size(data: bytes) -> int:
    """Bytes of ``data`` compressed as a web server would (gzip, level 6, no timestamp).

    >>> gzip_size(b"") < gzip_size(bytes(range(256)))
    True
    """
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass(frozen=True)
class PageWeight:
    """What loading a page cost: its requests, the site's bytes, and any request outside the site."""

    page: str
    files: tuple[str, ...]
    raw: int
    gzip: int
    external: tuple[str, ...] = field(default=())

    @property
    def requests(self) -> int:
        """Requests made: the site's files and the external ones."""
        return len(self.files) + len(self.external)

    @property
    def gzip_kb(self) -> float:
        """Compressed size in KB (1,000 bytes)."""
        return self.gzip / 1000


def weigh(page: str, urls: Iterable[str], base_url: str, site: Path) -> PageWeight:
    """The weight of ``page`` from the addresses the browser requested while loading it.

    An address under ``base_url`` is a file of the built ``site`` (its query string, a cache
    buster, is ignored); ``data:`` addresses cost no request; anything else is external. A file
    requested twice counts once.

    Raises
    ------
    FileNotFoundError
        If an address under ``base_url`` names no file of ``site``: the page asked for something the
        build did not make.
    """
    files: list[str] = []
    external: list[str] = []
    for url in dict.fromkeys(urls):
        if url.startswith("data:"):
            continue
        if not url.startswith(base_url.rstrip("/") + "/"):
            external.append(url)
            continue
        path = unquote(urlsplit(url).path).lstrip("/") or "index.html"
        if path not in files:
            files.append(path)
    raw = gz = 0
    for name in files:
        target = site / name
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            raise FileNotFoundError(f"{page} requested {name!r}, which {site} does not hold")
        data = target.read_bytes()
        raw += len(data)
        gz += gzip_size(data)
    return PageWeight(page, tuple(files), raw, gz, tuple(external))


def visit(context: Any, base_url: str, site: Path, pages: Sequence[str]) -> list[PageWeight]:
    """Open ``pages`` one after the other in one browser ``context``; weigh each.

    The first page's weight is everything it loaded (a first visit, nothing cached). Each later
    page's is what it loaded that an earlier page had not: an estimate of what it costs with the
    cache warm, which assumes every file already fetched is served from the cache (a static host's
    revalidation requests, a few hundred bytes each, are not counted). ``context`` is a Playwright
    ``BrowserContext``; each page is opened offline (:func:`~closecalls_build.chromium.offline_page`),
    so a request outside the site is aborted, and weighed as external.
    """
    seen: set[str] = set()
    weights = []
    for name in pages:
        with offline_page(context, base_url) as visited:
            visited.open(name).page.wait_for_load_state("networkidle")
        urls = visited.requests
        fresh = [u for u in urls if u.split("?", 1)[0] not in seen]
        weights.append(weigh(name, fresh, base_url, site))
        seen.update(u.split("?", 1)[0] for u in urls)
    return weights


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile of ``values`` (0 to 100), by the nearest-rank method.

    The nearest-rank value is one of the measurements, never an interpolation between two.

    >>> percentile([5, 1, 4, 2, 3], 50), percentile(list(range(1, 101)), 95)
    (3, 95)

    Raises
    ------
    ValueError
        If ``values`` is empty or ``q`` is outside [0, 100].
    """
    if not values:
        raise ValueError("no values to take a percentile of")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside [0, 100]")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def misses(measured: dict[str, float]) -> list[str]:
    """A sentence for each measured figure above its budget (names not in :data:`BUDGETS` refused).

    >>> misses({"rebuild_s": 4.2, "control_p95_ms": 9.5})
    ['control_p95_ms: 9.5 ms is over the budget of 8 ms (control to re-rendered view, 95th percentile)']

    Raises
    ------
    KeyError
        If a name is not a budget, naming it and the budgets.
    """
    unknown = sorted(set(measured) - set(BUDGETS))
    if unknown:
        raise KeyError(f"no budget named {unknown}; the budgets are {sorted(BUDGETS)}")
    out = []
    for name, value in measured.items():
        budget = BUDGETS[name]
        if value > budget.limit:
            out.append(
                f"{name}: {value:g} {budget.unit} is over the budget of {budget.limit:g} "
                f"{budget.unit} ({budget.what})"
            )
    return out
