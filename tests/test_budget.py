"""closecalls_build.budget, and the deterministic budgets of the built site: weight and requests per page.

Times (build, controls, computations) are measured by ``make bench``, not here; what a page makes
the browser download depends on the build alone, so it is tested.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SITE
from hypothesis import given
from hypothesis import strategies as st

from closecalls_build import budget
from closecalls_build.pages import chapters, toc_pages

BASE = "http://127.0.0.1:9"


def site_with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_a_page_weighs_its_files_once_and_names_external_requests(tmp_path: Path) -> None:
    page = b"<html>" + b"x" * 5000 + b"</html>"
    script = bytes(range(256)) * 20
    site = site_with(tmp_path, {"book/a.html": page, "_static/s.js": script})
    weight = budget.weigh(
        "book/a.html",
        [
            f"{BASE}/book/a.html",
            f"{BASE}/_static/s.js?v=1",
            f"{BASE}/_static/s.js?v=2",  # the same file: a cache buster does not make it two
            "data:image/png;base64,AAAA",
            "https://cdn.example.org/x.js",
        ],
        BASE,
        site,
    )
    assert weight.files == ("book/a.html", "_static/s.js")
    assert weight.raw == len(page) + len(script)
    assert weight.gzip == budget.gzip_size(page) + budget.gzip_size(script)
    assert weight.external == ("https://cdn.example.org/x.js",)
    assert weight.requests == 3


def test_gzip_size_is_what_gzip_gives_back(tmp_path: Path) -> None:
    data = b"Close Calls " * 1000
    packed = gzip.compress(data, compresslevel=6, mtime=0)
    assert budget.gzip_size(data) == len(packed) < len(data)
    assert gzip.decompress(packed) == data


def test_a_request_for_a_file_the_build_did_not_make_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"book/a\.html requested 'missing\.js', which"):
        budget.weigh("book/a.html", [f"{BASE}/missing.js"], BASE, tmp_path)


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1), st.floats(0, 100))
def test_a_percentile_is_a_measurement_with_at_least_q_percent_at_or_below(
    values: list[float], q: float
) -> None:
    p = budget.percentile(values, q)
    assert p in values
    n = len(values)
    # At least q% of the values are at or below it, and it is the smallest value for which that holds.
    assert sum(v <= p for v in values) >= q / 100 * n
    assert all(sum(v <= w for v in values) < q / 100 * n for w in values if w < p)
    assert budget.percentile(values, 100) == max(values)


def test_percentile_refuses_nothing_and_out_of_range() -> None:
    with pytest.raises(ValueError, match="no values to take a percentile of"):
        budget.percentile([], 50)
    with pytest.raises(ValueError, match=r"percentile 101 is outside \[0, 100\]"):
        budget.percentile([1.0], 101)


def test_misses_names_only_the_figures_over_budget() -> None:
    # Budgets of issue 11: rebuild under 10 s, control to render under 8 ms.
    assert budget.misses({"rebuild_s": 10, "control_p95_ms": 7.9}) == []
    assert budget.misses({"rebuild_s": 10.5}) == [
        "rebuild_s: 10.5 s is over the budget of 10 s (an author's rebuild with nothing changed)"
    ]
    with pytest.raises(KeyError, match=r"no budget named \['speed'\]; the budgets are"):
        budget.misses({"speed": 1})


# --- the built site (made by `make book`) ----------------------------------------------------------

browser = pytest.mark.browser
CHART_FREE = [f"book/{name}.html" for name in toc_pages() if name not in chapters()]


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh browser context: an empty cache, as on a reader's first visit."""
    ctx = browser.new_context()  # type: ignore[attr-defined]
    yield ctx
    ctx.close()


@browser
@pytest.mark.parametrize("name", chapters())
def test_a_first_visit_to_a_chapter_stays_within_budget(
    context: object, site_url: str, name: str
) -> None:
    (weight,) = budget.visit(context, site_url, SITE, [f"book/{name}.html"])
    assert weight.external == ()
    assert not budget.misses({"first_chapter_kb": weight.gzip_kb}), weight
    assert "_static/vendor/vega.min.js" in weight.files
    assert not any("fontawesome.js" in f for f in weight.files)


@browser
@pytest.mark.parametrize("path", CHART_FREE)
def test_a_page_without_charts_loads_no_vega_and_stays_within_its_aim(
    context: object, site_url: str, path: str
) -> None:
    (weight,) = budget.visit(context, site_url, SITE, [path])
    assert weight.external == ()
    assert not any("vega" in f for f in weight.files), weight.files
    assert not budget.misses({"page_without_charts_kb": weight.gzip_kb}), weight


@browser
def test_each_further_chapter_costs_its_page_alone(context: object, site_url: str) -> None:
    order = [f"book/{name}.html" for name in chapters()]
    first, *further = budget.visit(context, site_url, SITE, order)
    assert first.external == ()
    for weight in further:
        assert weight.external == ()
        assert not budget.misses({"further_chapter_kb": weight.gzip_kb}), weight
        # The page itself; nothing the first chapter had not loaded already.
        assert weight.files == (weight.page,), weight.files
