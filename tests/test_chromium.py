"""The one offline page every browser test opens (closecalls_build.chromium.offline_page).

A small site of its own, served on 127.0.0.1, with a page that reaches for a CDN, asks for a file
that is not there, warns and throws: each is caught where the tests look for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from closecalls_build.chromium import offline_page, served

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><head><title>t</title>
<script src="https://cdn.example.org/lib.js"></script></head><body><p>Hello</p>
<script>console.warn("a warning");</script></body></html>"""


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("site")
    (folder / "page.html").write_text(PAGE)
    (folder / "quiet.html").write_text("<!doctype html><title>q</title><p>Quiet</p>")
    with served(folder) as url:
        yield url


def test_outside_requests_are_aborted_and_failures_and_console_are_kept(
    browser, small_site: str
) -> None:
    with offline_page(browser, small_site, viewport={"width": 400, "height": 300}) as v:
        v.open("page.html")
        assert v.page.viewport_size == {"width": 400, "height": 300}
        # The error is thrown once the missing file has been answered, so that every event
        # before it (the answer, the console's message about it) has reached the test.
        with v.page.expect_event("pageerror"):
            v.page.evaluate(
                "() => { fetch('missing.json').then(() => setTimeout(() => {"
                " throw new Error('thrown'); }, 0)); }"
            )
    assert v.external == ["https://cdn.example.org/lib.js"]
    assert v.requests[0] == f"{small_site}/page.html"
    assert f"{small_site}/missing.json" in v.requests
    assert v.failed == [f"404 {small_site}/missing.json"]
    assert "uncaught: thrown" in v.errors
    # The browser logs both failed loads (the aborted script and the missing file) as errors.
    assert sorted(e for e in v.errors if e != "uncaught: thrown") == [
        "Failed to load resource: net::ERR_FAILED",
        "Failed to load resource: the server responded with a status of 404 (File not found)",
    ]
    assert v.warnings == ["a warning"]


def test_a_page_in_a_shared_context_is_closed_and_the_context_kept(
    browser, small_site: str
) -> None:
    context = browser.new_context()
    try:
        with offline_page(context, small_site) as v:
            assert v.open("/quiet.html").page.inner_text("p") == "Quiet"
        assert v.page.is_closed()
        assert context.pages == []
        assert v.external == v.failed == v.errors == v.warnings == []
        refused = offline_page(context, small_site, viewport={"width": 1, "height": 1})
        with pytest.raises(ValueError, match=r"options \['viewport'\] need a browser"):
            refused.__enter__()
    finally:
        context.close()


def test_an_address_that_only_begins_like_the_site_is_outside(browser, small_site: str) -> None:
    # A site at .../sub does not contain .../subway: the prefix ends at a slash.
    with offline_page(browser, f"{small_site}/sub/") as v:
        assert v.base_url == f"{small_site}/sub"
        with pytest.raises(Exception, match="ERR_FAILED"):  # aborted
            v.page.goto(f"{small_site}/subway.html")
    assert v.external == [f"{small_site}/subway.html"]


def test_served_gives_a_base_address_without_a_trailing_slash(tmp_path: Path) -> None:
    with served(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:") and not url.endswith("/")
