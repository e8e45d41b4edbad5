"""The built site in headless Chromium, with every request outside 127.0.0.1 aborted and counted.

Each page loads without console errors and without external requests; each chart draws; moving each
control changes the chart; and for several positions of each chart's controls the values the Vega
view holds equal what explainers computes. Nothing is wider than the text column at 390, 768, 1024
and 1280 px. With CLOSECALLS_SCREENSHOTS set (`make screenshots`), a screenshot of every page at each
width is saved in test-artifacts/screenshots/.

Each page is loaded once for the module (``site_page``) and shared by the tests that read it or move
its controls: a test sets every control it depends on, so it does not depend on the tests before it,
and ends by checking that the page logged no error. The phone tests open pages of their own, with a
phone's screen and touch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from urllib.parse import urljoin

import pytest
from conftest import SITE

from closecalls_build.chromium import OfflinePage, offline_page
from closecalls_build.pages import chapters
from explainers import (
    audits,
    butterfly,
    claims,
    colorado,
    contests,
    editorial,
    electoral,
    faithless,
    florida,
)

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "book/intro.html",
    "book/margins.html",
    "book/florida.html",
    "book/audits.html",
    "book/real_audits.html",
    "book/electoral.html",
    "book/claims.html",
    "book/teachers.html",
    "book/glossary.html",
    "book/data.html",
    "book/references.html",
    "search.html",
    "genindex.html",
]
CHART_PAGE = "book/margins.html"
ELECTORAL_PAGE = "book/electoral.html"

# Every item of every non-group mark in a view, with its datum (the values Vega holds).
MARK_DATA_JS = """
(el) => {
  const out = [];
  const walk = (node) => {
    if (!node) return;
    if (node.marktype && node.items) {
      for (const item of node.items) {
        if (node.marktype !== "group" && item.datum) {
          out.push({mark: node.marktype, datum: JSON.parse(JSON.stringify(item.datum))});
        }
        walk(item);
      }
    } else if (node.items) {
      node.items.forEach(walk);
    }
  };
  walk(el.vegaResult.view.scenegraph().root);
  return out;
}
"""


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
#: The widths a page must fit: a phone, a tablet upright and on its side, a laptop.
WIDTHS = (1280, 1024, 768, 390)


@pytest.fixture(scope="module")
def site_page(browser, site_url: str) -> Iterator[Callable[[str], OfflinePage]]:
    """A page of the site, loaded once for the module at desktop width, its charts drawn."""
    with ExitStack() as stack:
        loaded: dict[str, OfflinePage] = {}

        def open_page(path: str) -> OfflinePage:
            if path not in loaded:
                v = stack.enter_context(offline_page(browser, site_url, viewport=DESKTOP))
                open_settled(v, path)
                wait_for_charts(v.page)
                loaded[path] = v
            return loaded[path]

        yield open_page


@pytest.fixture
def phone_page(browser, site_url: str) -> Iterator[Callable[[str], OfflinePage]]:
    """A page of its own, on a phone's screen (390 px, three device pixels a point, touch)."""
    with ExitStack() as stack:

        def open_page(path: str) -> OfflinePage:
            options = {"device_scale_factor": 3, "is_mobile": True, "has_touch": True}
            v = stack.enter_context(offline_page(browser, site_url, viewport=PHONE, **options))
            return open_settled(v, path)

        yield open_page


#: The site's root page is a redirect (a meta refresh) to the first page of the book.
REDIRECTS = {"index.html": "book/intro.html"}


def open_settled(v: OfflinePage, path: str) -> OfflinePage:
    """Open ``path``; for a redirect, wait until the page it leads to has loaded.

    The refresh navigates after the redirect's own load event: reading the page before it has
    would race with it ("execution context was destroyed").
    """
    v.open(path)
    if path in REDIRECTS:
        v.page.wait_for_url(f"{v.base_url}/{REDIRECTS[path]}", wait_until="load")
    return v


def wait_for_charts(page) -> int:
    count = page.locator(".cc-chart").count()
    if count:
        page.wait_for_function(
            "n => document.querySelectorAll('.cc-chart[data-ready=true]').length === n",
            arg=count,
            timeout=20_000,
        )
    return count


def assert_quiet(v: OfflinePage) -> None:
    """The page asked for nothing outside the site, got no error status and logged no error."""
    assert v.external == [], f"external requests: {v.external}"
    assert v.failed == [], f"requests that failed: {v.failed}"
    assert v.errors == [] and v.warnings == [], f"console: {v.errors + v.warnings}"


def settle(page) -> None:
    """Wait until every chart has re-run and the browser has drawn two frames since."""
    page.evaluate(
        """() => Promise.all([...document.querySelectorAll('.cc-chart')]
                 .map(el => el.vegaResult && el.vegaResult.view.runAsync()))
           .then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"""
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors(site_page, screenshot, path: str) -> None:
    v = site_page(path)
    settle(v.page)
    name = path.replace("/", "_").removesuffix(".html")
    screenshot(v.page, f"{name}.jpg", full_page=True)
    assert_quiet(v)


def test_every_built_page_is_covered() -> None:
    built = {str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if "_static" not in p.parts}
    assert built <= set(PAGES), f"pages without a browser test: {built - set(PAGES)}"


def charts(v: OfflinePage) -> list:
    assert wait_for_charts(v.page) == 2
    return v.page.locator(".cc-chart").all()


def mark_data(chart, mark: str) -> list[dict]:
    return [m["datum"] for m in chart.evaluate(MARK_DATA_JS) if m["mark"] == mark]


def set_control(chart, label: str, value: object) -> None:
    """Set the bound input whose label starts with ``label`` and let Vega re-run."""
    chart.evaluate(
        """(el, [label, value]) => {
          const binds = [...el.querySelectorAll('.vega-bind')];
          const bind = binds.find(b => b.querySelector('.vega-bind-name').textContent.startsWith(label));
          if (!bind) throw new Error('no control labelled ' + label);
          const radio = bind.querySelector(`input[type=radio][value="${value}"]`);
          if (radio) { radio.click(); return; }
          const box = bind.querySelector('input[type=checkbox]');
          if (box) {
            if (box.checked !== Boolean(value)) box.click();
            return;
          }
          const input = bind.querySelector('select, input');
          input.value = String(value);
          input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
        }""",
        [label, value],
    )
    chart.evaluate("el => el.vegaResult.view.runAsync().then(() => true)")


def test_charts_are_drawn_with_labelled_controls(site_page) -> None:
    v = site_page(CHART_PAGE)
    for chart in charts(v):
        assert chart.locator("svg.marks").count() == 1
        spec_description = chart.evaluate("el => el.vegaResult.spec.description")
        assert len(spec_description) > 40
        assert chart.get_attribute("role") in ("figure", "graphics-document")
        assert chart.get_attribute("aria-label") == spec_description
        names = chart.locator(".vega-bind-name").all_inner_texts()
        assert names and all(n.strip() for n in names)
        assert chart.locator("svg.marks .mark-rect path").count() >= 1
    assert_quiet(v)


CONTROL_KEYS = {
    "range": ("ArrowRight", "ArrowLeft"),
    "radio": ("ArrowRight", "ArrowLeft"),
    "select": ("ArrowDown", "ArrowUp"),
    "checkbox": (" ", " "),
}


@pytest.mark.parametrize("path", [f"book/{name}.html" for name in chapters()])
def test_every_chart_control_works_from_the_keyboard(site_page, path: str) -> None:
    # Each control is in the tab order and a key press changes the Vega signal it is bound to
    # (the opposite key where the first one is at the end of the range or list).
    v = site_page(path)
    assert wait_for_charts(v.page) >= 1
    checked = 0
    for chart in v.page.locator(".cc-chart").all():
        for control in chart.locator(".vega-bind").all():
            element = control.locator("select, input").first
            kind = element.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
            name = element.get_attribute("name")
            label = control.locator(".vega-bind-name").inner_text()
            assert element.evaluate("e => e.tabIndex >= 0 && !e.disabled"), label
            signal = f"el => el.vegaResult.view.signal({json.dumps(name)})"
            before = chart.evaluate(signal)
            for key in CONTROL_KEYS[kind]:
                if kind == "radio":
                    control.locator("input:checked").focus()
                else:
                    element.focus()
                v.page.keyboard.press(key)
                v.page.wait_for_timeout(50)
                if chart.evaluate(signal) != before:
                    break
            assert chart.evaluate(signal) != before, (
                f"{path}: {label} ({kind}) ignored the keyboard"
            )
            checked += 1
    assert checked >= 2, f"{path}: no chart controls found"
    assert_quiet(v)


def test_measure_control_redraws_and_matches_explainers(site_page) -> None:
    v = site_page(CHART_PAGE)
    chart = charts(v)[0]
    focus = {c.name: c for c in (contests.contest(y, s) for y, s in editorial.FOCUS_CONTESTS)}
    drawn = []
    for measure, expected in (
        ("% of all votes cast", lambda c: c.margin_pct),
        ("% of the two-party vote", lambda c: c.margin_pct_two_party),
    ):
        set_control(chart, "Measure", measure)
        bars = {d["contest"]: d["value"] for d in mark_data(chart, "rect")}
        assert bars.keys() == focus.keys()
        for name, c in focus.items():
            assert bars[name] == pytest.approx(expected(c), rel=1e-12)
        drawn.append(chart.locator("svg.marks").inner_html())
    assert drawn[0] != drawn[1], "the chart was not redrawn for the other measure"
    assert_quiet(v)


@pytest.mark.parametrize(("year", "threshold"), [(2000, 0.5), (2016, 1.0), (2024, 2.5)])
def test_closeness_controls_match_explainers(site_page, year: int, threshold: float) -> None:
    v = site_page(CHART_PAGE)
    chart = charts(v)[1]
    set_control(chart, "Election year", year)
    set_control(chart, "Closeness threshold", threshold)
    expected = contests.contests_within(year, threshold)
    bars = mark_data(chart, "rect")
    assert sorted(d["state_po"] for d in bars) == sorted(expected["state_po"])
    assert {d["state_po"]: d["margin"] for d in bars} == dict(
        zip(expected["state_po"], expected["margin"], strict=True)
    )
    (headline,) = [d["headline"] for d in mark_data(chart, "text") if "headline" in d]
    assert " ".join(headline.split()).startswith(
        f"{len(expected)} of 51 contests in {year} (50 states and DC) were decided by"
    )
    assert_quiet(v)


def test_each_closeness_control_alone_changes_the_chart(site_page) -> None:
    v = site_page(CHART_PAGE)
    chart = charts(v)[1]
    set_control(chart, "Election year", 2016)
    set_control(chart, "Closeness threshold", 1.0)
    for label, value in (("Election year", 2000), ("Closeness threshold", 3.0)):
        before = chart.locator("svg.marks").inner_html()
        set_control(chart, label, value)
        assert chart.locator("svg.marks").inner_html() != before, label
    assert_quiet(v)


@pytest.mark.parametrize("path", PAGES[1:])
def test_no_accessibility_violations(site_page, path: str) -> None:
    """axe-core (shipped inside axe-playwright-python) finds no violation of any impact."""
    from axe_playwright_python.sync_playwright import Axe

    v = site_page(path)
    assert_quiet(v)
    results = Axe().run(v.page)
    # axe fetches the style sheets to read them and resolves the theme's `@import "../basic.css"`
    # against the page instead of the sheet: a request the browser never makes, which fails.
    # Nothing else may fail or be logged while axe runs.
    artefact = f"404 {urljoin(v.page.url, '../basic.css')}"
    assert set(v.failed) <= {artefact}, v.failed
    assert all(e.startswith("Failed to load resource") for e in v.errors), v.errors
    assert len(v.errors) == len(v.failed)
    v.failed.clear()
    v.errors.clear()
    violations = [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
    ]
    assert violations == []
    assert_quiet(v)


def _contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb(...)`` colours."""

    def luminance(css: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", css)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_hovered_link_and_the_back_to_top_button_keep_their_contrast(phone_page) -> None:
    # axe reads the page as it stands; a link's hover colour and the phone's "Back to top" button
    # (shown only while scrolling up) are seen only here. WCAG AA: 4.5:1 for text.
    v = phone_page(ELECTORAL_PAGE)
    link = v.page.locator("article a.reference.internal").first
    link.hover()
    colour = link.evaluate("a => getComputedStyle(a).color")
    assert _contrast(colour, "rgb(255, 255, 255)") >= 4.5, colour
    button = v.page.locator("#pst-back-to-top")
    fg, bg = button.evaluate(
        "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]"
    )
    assert _contrast(fg, bg) >= 4.5, (fg, bg)
    assert_quiet(v)


def test_the_primary_documents_are_in_their_chapters_text(site_page) -> None:
    from explainers import documents

    v = site_page(ELECTORAL_PAGE)
    boxes = {
        box.locator("a").get_attribute("href"): box
        for box in v.page.locator("aside.cc-document").all()
    }
    expected = {doc.url: doc for doc in documents.documents("electoral")}
    assert boxes.keys() == expected.keys()
    for url, box in boxes.items():
        assert box.get_attribute("aria-label") == f"Primary document: {expected[url].title}"
        assert expected[url].look_for in box.inner_text()
    assert_quiet(v)


# Everything a reader must see or touch, and the column it must fit in. The column is the article's
# main content box; nothing inside it may be wider, no chart or output may scroll sideways, and
# neither may the page (a long word or address that does not wrap shows only there).
OVERFLOW_JS = """
() => {
  const column = document.querySelector('main article, article.bd-article, main');
  const right = column.getBoundingClientRect().right + 1;
  const items = [...column.querySelectorAll(
    '.cc-chart, .cc-chart svg, .cc-chart .vega-bind, .cc-chart input, .cc-chart select, '
    + 'table, img, figure'
  )];
  const wide = items
    .filter(el => el.getClientRects().length)
    .filter(el => el.getBoundingClientRect().right > right)
    .map(el => `${el.tagName.toLowerCase()}.${el.className.baseVal ?? el.className}`
                + `${el.id ? '#' + el.id : ''}: `
                + `${Math.round(el.getBoundingClientRect().right)} > ${Math.round(right)}`);
  const scrollers = [...document.querySelectorAll('.cc-chart, .cell_output, .output')]
    .filter(el => el.scrollWidth > el.clientWidth + 1)
    .map(el => `scrolls sideways: ${el.className} (${el.scrollWidth} > ${el.clientWidth})`);
  return {checked: items.length, tables: column.querySelectorAll('table').length, wide, scrollers,
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}
"""


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_wider_than_the_column_at_any_width(site_page, screenshot, path: str) -> None:
    v = site_page(path)
    found = {}
    try:
        for width in WIDTHS:
            v.page.set_viewport_size({"width": width, "height": 900})
            settle(v.page)
            found[width] = v.page.evaluate(OVERFLOW_JS)
            if width in (768, 390):
                name = path.replace("/", "_").removesuffix(".html")
                screenshot(v.page, f"{width}px_{name}.jpg", full_page=True)
    finally:
        v.page.set_viewport_size(DESKTOP)
        settle(v.page)
    if path == CHART_PAGE:
        assert all(f["checked"] >= 10 for f in found.values())  # two charts, their controls, tables
    if path in (CHART_PAGE, ELECTORAL_PAGE):
        assert all(f["tables"] >= 2 for f in found.values())
    faults = {
        width: f["wide"]
        + f["scrollers"]
        + ([f"page scrolls {f['page']} px"] if f["page"] > 0 else [])
        for width, f in found.items()
    }
    assert faults == {width: [] for width in WIDTHS}
    assert_quiet(v)


@pytest.mark.parametrize("path", ["book/intro.html", *(f"book/{n}.html" for n in chapters())])
def test_on_a_phone_nothing_is_wider_and_controls_are_large_enough_to_touch(
    phone_page, screenshot, path: str
) -> None:
    v = phone_page(path)
    wait_for_charts(v.page)
    settle(v.page)
    found = v.page.evaluate(OVERFLOW_JS)
    name = path.replace("/", "_").removesuffix(".html")
    screenshot(v.page, f"phone_{name}.jpg", full_page=True, scale="css")
    assert found["wide"] == [] and found["scrollers"] == []
    assert found["page"] <= 0, "the page scrolls sideways"
    for control in v.page.locator(".cc-chart select, .cc-chart input").all():
        box = control.bounding_box()
        assert box and box["height"] >= 20, control.evaluate("el => el.outerHTML")
    assert_quiet(v)


def test_at_phone_width_the_narrow_table_keeps_its_main_columns(phone_page) -> None:
    v = phone_page(CHART_PAGE)
    headings = v.page.locator("#table-margins th").all()
    shown = [h.inner_text() for h in headings if h.is_visible()]
    assert shown[:3] == ["Contest", "Margin (votes)", "% of votes cast"]
    assert "Votes to add" not in shown


AUDITS_PAGE = "book/audits.html"


def audit_charts(v: OfflinePage) -> list:
    """The audits page's charts: sample sizes, the audit walk, the wards, recount shifts."""
    assert wait_for_charts(v.page) == 4
    return v.page.locator(".cc-chart").all()


@pytest.mark.parametrize(("risk_limit", "margin"), [(10, 1.0), (5, 0.25), (20, 5.0), (1, 0.01)])
def test_audit_size_controls_match_explainers(site_page, risk_limit: int, margin: float) -> None:
    v = site_page(AUDITS_PAGE)
    chart = audit_charts(v)[0]
    set_control(chart, "Risk limit", risk_limit)
    set_control(chart, "Diluted margin", margin)
    alpha = risk_limit / 100
    curves = [d for d in mark_data(chart, "line") if "k" in d]
    assert len(curves) > 300
    for d in curves:
        if d["method"] == "Comparison audit":
            assert d["n"] == audits.comparison_sample_size(d["m"], alpha), d
        else:
            assert d["n"] == audits.bravo_asn(d["s"], alpha), d
    points = [d for d in mark_data(chart, "symbol") if "contest" in d]
    for year, state in editorial.FOCUS_CONTESTS:
        size = audits.audit_sizes(contests.contest(year, state), alpha)
        got = {d["kind"]: d["n"] for d in points if d["contest"] == size.contest}
        assert got == {"comparison": size.comparison, "polling": size.polling, "full": size.ballots}
    (readout,) = [d["readout"] for d in mark_data(chart, "text") if "readout" in d]
    m = margin / 100
    assert f"comparison audit {audits.comparison_sample_size(m, alpha):,} ballots" in readout
    assert f"ballot-polling audit {audits.bravo_asn((1 + m) / 2, alpha):,} on average" in readout
    assert_quiet(v)


@pytest.mark.parametrize(("true_share", "run"), [(60, 1), (55, 3), (50, 7), (45, 10)])
def test_audit_walk_controls_match_bravo_path(site_page, true_share: int, run: int) -> None:
    v = site_page(AUDITS_PAGE)
    chart = audit_charts(v)[1]
    # From the chart's first state (60%, audit 1), so that any other choice must redraw it.
    set_control(chart, "Reported winner", 60)
    set_control(chart, "Audit number", 1)
    before = chart.locator("svg.marks").inner_html()
    set_control(chart, "Reported winner", true_share)
    set_control(chart, "Audit number", run)
    path = audits.bravo_path(0.6, 0.1, true_winner_share=true_share / 100, seed=run)
    line = sorted((d["draw"], d["risk"]) for d in mark_data(chart, "line"))
    assert [draw for draw, _ in line] == [draw for draw, _, _ in path]
    for (_, page_risk), (_, _, risk) in zip(line, path, strict=True):
        assert page_risk == pytest.approx(risk, rel=1e-12)
    (headline,) = [d["headline"] for d in mark_data(chart, "text") if "headline" in d]
    stopped = path[-1][2] <= 0.1
    assert headline.startswith(f"Audit {run} stopped after" if stopped else f"Audit {run} had not")
    if (true_share, run) != (60, 1):
        assert chart.locator("svg.marks").inner_html() != before
    assert_quiet(v)


# --- the Electoral College page ------------------------------------------------------------------


def electoral_charts(v: OfflinePage) -> list:
    """The Electoral College page's charts: the tile map, faithless electors, defections."""
    assert wait_for_charts(v.page) == 3
    return v.page.locator(".cc-chart").all()


def expected_totals(year: int, rule: str, swing: float) -> dict[str, int]:
    """The totals the map's headline shows: three candidates by name, the rest as "others"."""
    result = electoral.outcome(year, rule, swing)
    ranked = [(contests.display_name(c), n) for c, n in result.electoral_votes.items() if n]
    shown = dict(ranked[:3])
    if len(ranked) > 3:
        shown["others"] = sum(n for _, n in ranked[3:])
    return shown


@pytest.mark.parametrize(
    ("year", "swing", "rule"),
    [
        (2016, 0.0, "winner"),
        (2016, 1.0, "winner"),
        (2024, -1.5, "winner"),
        (2000, 0.1, "winner"),
        (2016, 0.0, "proportional"),
        (2024, 0.0, "proportional"),
        (2000, -2.0, "proportional"),
        (2016, -2.5, "national"),
        (2016, -2.0, "national"),
        (2020, 1.0, "national"),
    ],
)
def test_tile_map_totals_match_explainers(site_page, year: int, swing: float, rule: str) -> None:
    v = site_page(ELECTORAL_PAGE)
    chart = electoral_charts(v)[0]
    set_control(chart, "Election", year)
    set_control(chart, "Swing", swing)
    set_control(chart, "Rule", rule)
    lines = [d for d in mark_data(chart, "text") if "line" in d]
    assert {d["name"]: d["won"] for d in lines} == expected_totals(year, rule, swing)
    winner = electoral.outcome(year, rule, swing).winner
    top = next(d for d in lines if d["order"] == 1)["line"]
    assert top.endswith("wins (270 needed)" if winner != electoral.HOUSE else "the House decides")
    # Every state's tile shows the candidate with the most of its electors.
    allocated = electoral.allocate(year, rule, swing)
    per_candidate = allocated.groupby(["state_po", "candidate"])["electoral_votes"].sum()
    best = per_candidate.groupby("state_po").max()
    tiles = {d["state_po"]: d for d in mark_data(chart, "rect")}
    assert {code: d["won"] for code, d in tiles.items()} == best.to_dict()
    # Its colour: the November winner, the runner-up, someone else, or "split" when the state's
    # electors are shared equally between its top candidates (proportional rule).
    leader, runner_up = electoral.leaders(year)
    for code, most in best.items():
        top = [c for (s, c), n in per_candidate.items() if s == code and n == most]
        role = (
            "split"
            if len(top) > 1
            else {leader: "leader", runner_up: "runner_up"}.get(top[0], "other")
        )
        assert tiles[code]["role"] == role, code
        # Its label: the state, then that candidate's electors and initial, or "split".
        shown = f"{code}\nsplit" if len(top) > 1 else f"{code}\n{most} {top[0][0]}"
        assert tiles[code]["label"] == shown, code
    assert_quiet(v)


@pytest.mark.parametrize(
    ("year", "k", "to"),
    [(2016, 36, "other"), (2016, 37, "other"), (2024, 44, "runner_up"), (2000, 2, "other")],
)
def test_defection_control_matches_explainers(site_page, year: int, k: int, to: str) -> None:
    v = site_page(ELECTORAL_PAGE)
    chart = electoral_charts(v)[2]
    set_control(chart, "Election", year)
    set_control(chart, "Electors who defect", k)
    set_control(chart, "They vote for", to)
    result = faithless.defection_outcome(year, k, to)  # type: ignore[arg-type]
    bars = {d["part"]: d["ev"] for d in mark_data(chart, "rect")}
    assert bars == {
        "leader_votes": result.leader_votes,
        "other_votes": result.others,
        "runner_votes": result.runner_up_votes,
    }
    (verdict,) = {d["verdict"] for d in mark_data(chart, "text") if "verdict" in d}
    if result.winner == electoral.HOUSE:
        assert verdict == "No majority: the House decides"
    else:
        assert verdict.startswith(contests.display_name(result.winner))
    assert_quiet(v)


CLAIMS_PAGE = "book/claims.html"


def claims_charts(v: OfflinePage) -> list:
    """The Claims page's charts: the counties, and the estimate under controls."""
    assert wait_for_charts(v.page) == 2
    return v.page.locator(".cc-chart").all()


@pytest.mark.parametrize(
    ("level", "controls"),
    [
        ("county", ()),
        ("county", ("vote2012",)),
        ("county", ("vote2012", "race", "education", "income", "rural")),
        ("municipality", ("education",)),
        ("municipality", ("race", "rural")),
    ],
)
def test_estimate_controls_match_claims_fit(
    site_page, level: str, controls: tuple[str, ...]
) -> None:
    v = site_page(CLAIMS_PAGE)
    chart = claims_charts(v)[1]
    set_control(chart, "Compare", level)
    for key, control in claims.CONTROLS.items():
        set_control(chart, f"Control for {control.label}", key in controls)
    shown = {d["row"]: d for d in mark_data(chart, "symbol")}
    expected = claims.fit(level, controls)
    mine = shown["Your controls" if controls else "No controls"]
    assert mine["chosen"]
    assert (mine["estimate"], mine["low"], mine["high"]) == pytest.approx(
        (expected.estimate, expected.low, expected.high), abs=1e-9
    )
    if controls:
        naive = claims.fit(level)
        assert shown["No controls"]["estimate"] == pytest.approx(naive.estimate, abs=1e-9)
    labels = {d["label"] for d in mark_data(chart, "text") if "label" in d}
    assert f"{expected.estimate:+.2f} points ({expected.low:+.2f} to {expected.high:+.2f})" in {
        label.replace("\u2212", "-") for label in labels
    }
    assert_quiet(v)


def test_county_chart_measure_control_moves_the_counties(site_page) -> None:
    v = site_page(CLAIMS_PAGE)
    chart = claims_charts(v)[0]
    table = claims.county_table().set_index("county")
    for key, control in claims.CONTROLS.items():
        set_control(chart, "Across", key)
        points = {
            d["county"].upper(): d["value"] for d in mark_data(chart, "symbol") if "county" in d
        }
        assert len(points) == 72
        assert points == pytest.approx(table[control.column].to_dict()), key
    assert_quiet(v)


# --- the Florida 2000 page -------------------------------------------------------------------------

FLORIDA_PAGE = "book/florida.html"


def florida_charts(v: OfflinePage) -> list:
    """The Florida page's charts: the lead as reported, the reviews, the butterfly ballot."""
    assert wait_for_charts(v.page) == 3
    return v.page.locator(".cc-chart").all()


def chart_title(chart) -> list[str]:
    """The lines of a chart's title, as the Vega view holds them (a title may be an expression)."""
    return chart.evaluate(
        """(el) => {
          const found = [];
          const walk = (node) => {
            if (!node) return;
            if (node.role === "title-text") {
              for (const item of node.items) found.push(...[].concat(item.text));
            }
            (node.items || []).forEach(walk);
          };
          walk(el.vegaResult.view.scenegraph().root);
          return found;
        }"""
    )


def test_count_chart_shows_every_reported_lead(site_page) -> None:
    v = site_page(FLORIDA_PAGE)
    chart = florida_charts(v)[0]
    stages = florida.count_stages()
    points = sorted(
        (d["day"], d["reporter"], d["bush_lead"])
        for d in mark_data(chart, "symbol")
        if "bush_lead" in d
    )
    # Vega parses each ISO date as midnight UTC, and holds it in milliseconds.
    days = [int(d.timestamp() * 1000) for d in stages["date"].dt.tz_localize("UTC")]
    assert points == sorted(zip(days, stages["reporter"], stages["bush_lead"], strict=True))
    assert_quiet(v)


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo"])
def test_count_chart_shows_the_same_dates_in_every_time_zone(browser, site_url, zone: str) -> None:
    # Vega reads "2000-11-08" as midnight UTC; shown in local time it was 7 November west of
    # Greenwich. The tooltips and axis labels must name the day the data gives, wherever the reader is.
    with offline_page(browser, site_url, viewport=DESKTOP, timezone_id=zone) as v:
        v.open(FLORIDA_PAGE)
        chart = florida_charts(v)[0]
        tooltips = chart.evaluate(
            """(el) => {
              const out = [];
              const walk = (node) => {
                if (!node) return;
                if (node.marktype === "symbol") {
                  for (const item of node.items) if (item.tooltip) out.push(item.tooltip);
                }
                (node.items || []).forEach(walk);
              };
              walk(el.vegaResult.view.scenegraph().root);
              return out;
            }"""
        )
        assert v.page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == zone
    stages = florida.count_stages()
    expected = sorted(d.strftime("%d %B %Y") for d in stages["date"])
    assert sorted(t["Date"] for t in tooltips) == expected
    assert_quiet(v)


@pytest.mark.parametrize("rule", range(len(florida.review_outcomes())))
def test_reviews_control_names_the_rules_outcome(site_page, rule: int) -> None:
    v = site_page(FLORIDA_PAGE)
    chart = florida_charts(v)[1]
    set_control(chart, "Counting rule", rule)
    table = florida.review_outcomes()
    row = table.iloc[rule]
    bars = {d["rule"]: d["bush_lead"] for d in mark_data(chart, "rect") if "rule" in d}
    assert bars == dict(enumerate(table["bush_lead"]))
    review = florida.REVIEW_SHORT_NAMES[row["review"]]
    assert " ".join(chart_title(chart)) == f"{row['leader']} by {row['margin']:,} votes ({review})"
    assert_quiet(v)


@pytest.mark.parametrize("model", list(butterfly.MODELS))
def test_butterfly_control_moves_every_county_to_the_packages_fit(site_page, model: str) -> None:
    v = site_page(FLORIDA_PAGE)
    chart = florida_charts(v)[2]
    set_control(chart, "Predict from", model)
    expected = butterfly.all_counties(model).set_index("county")
    shown = {d["name"].upper(): d for d in mark_data(chart, "symbol") if "name" in d}
    assert shown.keys() == set(expected.index)
    for county, d in shown.items():
        assert d["actual"] == expected.loc[county, "actual"]
        assert (d["predicted"], d["low"], d["high"]) == pytest.approx(
            tuple(expected.loc[county, ["predicted", "low", "high"]]), rel=1e-12
        )
    palm = butterfly.fit(model)
    assert chart_title(chart) == [
        f"Palm Beach: {palm.actual:,} votes; predicted {palm.predicted:,.0f} "
        f"({palm.low:,.0f} to {palm.high:,.0f})",
        f"Excess: {palm.excess_low:,.0f} to {palm.excess_high:,.0f} votes",
    ]
    assert_quiet(v)


REAL_AUDITS_PAGE = "book/real_audits.html"


@pytest.mark.parametrize(
    ("contest", "risk_limit"),
    [
        (colorado.PRESIDENTIAL, 3),
        ("Dove Creek Ambulance District Ballot Issue 6A", 3),
        ("Pueblo County Commissioner - District 2", 10),
        ("Otero County Ballot Question 1A", 1),
    ],
)
def test_colorado_controls_match_the_package_and_the_state(
    site_page, contest: str, risk_limit: int
) -> None:
    v = site_page(REAL_AUDITS_PAGE)
    assert wait_for_charts(v.page) == 1
    chart = v.page.locator(".cc-chart").first
    set_control(chart, "Risk limit", risk_limit)
    set_control(chart, "Contest", contest)
    alpha = risk_limit / 100
    curve = [d for d in mark_data(chart, "line") if "k" in d]
    assert len(curve) > 80
    for d in curve:
        assert d["n"] == audits.comparison_sample_size(d["mu"], alpha), d
    row = colorado.targeted().set_index("contest").loc[contest]
    points = [d for d in mark_data(chart, "symbol") if d.get("contest") == contest]
    assert {d["n"] for d in points} == {row["first_estimate"], row["audited"]}
    (readout,) = [d["readout"] for d in mark_data(chart, "text") if "readout" in d]
    package = audits.comparison_sample_size(row["diluted_margin"], alpha)
    assert readout.splitlines() == [
        contest,
        f"Diluted margin {100 * row['diluted_margin']:.2f}%; package at {risk_limit}%: "
        f"{package:,} cards",
        f"State at 3%: {row['first_estimate']:,} estimated, {row['state_sample']:,} after round 3",
        f"Examined: {row['audited']:,} cards, {row[['o1', 'o2', 'u1', 'u2']].sum()} "
        + ("discrepancy" if row[["o1", "o2", "u1", "u2"]].sum() == 1 else "discrepancies"),
    ]
    assert_quiet(v)


def test_colorado_readout_gives_the_packages_size_for_every_targeted_contest(site_page) -> None:
    # The page computes the package's size for the chosen contest (a Vega expression); pick each
    # of the 65 contests in turn, in the page, at a risk limit the state did not use.
    v = site_page(REAL_AUDITS_PAGE)
    assert wait_for_charts(v.page) == 1
    chart = v.page.locator(".cc-chart").first
    set_control(chart, "Risk limit", 7)
    targeted = colorado.targeted()
    got = chart.evaluate(
        """async (el, names) => {
          const view = el.vegaResult.view, out = {};
          const readout = (node) => {
            if (!node) return null;
            for (const item of node.items || []) {
              if (item.datum && item.datum.readout !== undefined) return item.datum.package;
              const found = readout(item);
              if (found !== null) return found;
            }
            return null;
          };
          for (const name of names) {
            await view.signal('co_contest', name).runAsync();
            out[name] = readout(view.scenegraph().root);
          }
          return out;
        }""",
        list(targeted["contest"]),
    )
    expected = {
        row.contest: audits.comparison_sample_size(row.diluted_margin, 0.07)
        for row in targeted.itertuples()
    }
    assert got == expected
    assert_quiet(v)


# --------------------------------------------------------------------------------------------------
# Links that keep a chart's settings (_static/closecalls-links.js)
# --------------------------------------------------------------------------------------------------

CHART_PAGES = [f"book/{name}.html" for name in chapters()]

# Every bound control of every chart: its figure, parameter, binding and current value; and a
# valid value other than the current one (the far end of a slider, another option, the box flipped).
CONTROLS_JS = """
() => [...document.querySelectorAll('.cc-chart')].flatMap((el) => {
  const figure = el.closest('figure[id]');
  const view = el.vegaResult.view;
  return el.vegaResult.spec.signals.filter((s) => s.bind).map((s) => {
    const b = s.bind, now = view.signal(s.name);
    let other;
    if (b.input === 'range') other = now === b.max ? b.min : b.max;
    else if (b.input === 'checkbox') other = !now;
    else other = b.options.find((o) => o !== now);
    return {figure: figure ? figure.id : null, name: s.name, now: now, other: other};
  });
})
"""

SIGNALS_JS = """
() => Object.fromEntries([...document.querySelectorAll('.cc-chart')].flatMap((el) => {
  const figure = el.closest('figure[id]');
  return el.vegaResult.spec.signals.filter((s) => s.bind).map(
    (s) => [figure.id + '.' + s.name, el.vegaResult.view.signal(s.name)]);
}))
"""


def set_signals(page, values: dict[str, object]) -> None:
    """Set controls as a reader would, through their inputs, and wait for the views."""
    page.evaluate(
        """(values) => {
          for (const el of document.querySelectorAll('.cc-chart')) {
            const figure = el.closest('figure[id]');
            for (const s of el.vegaResult.spec.signals.filter((s) => s.bind)) {
              const key = figure.id + '.' + s.name;
              if (!(key in values)) continue;
              const bind = [...el.querySelectorAll('.vega-bind')].find(
                (b) => b.querySelector('.vega-bind-name').textContent.trim().replace(/:$/, '')
                        === s.bind.name.trim().replace(/:$/, ''));
              const v = values[key];
              const radio = bind.querySelector(`input[type=radio][value="${v}"]`);
              if (radio) { radio.click(); continue; }
              const box = bind.querySelector('input[type=checkbox]');
              if (box) { if (box.checked !== v) box.click(); continue; }
              const input = bind.querySelector('select, input');
              input.value = String(v);
              input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input',
                                            {bubbles: true}));
            }
          }
        }""",
        values,
    )
    settle(page)


@pytest.mark.parametrize("path", CHART_PAGES)
def test_a_link_reopens_every_chart_as_the_reader_set_it(
    site_page, browser, site_url, path: str
) -> None:
    # Set every control on the module's shared page (a test sets the controls it depends on), then
    # open the address it gives in a page of its own.
    v = site_page(path)
    controls = v.page.evaluate(CONTROLS_JS)
    assert controls and all(c["figure"] for c in controls), controls
    chosen = {f"{c['figure']}.{c['name']}": c["other"] for c in controls}
    set_signals(v.page, chosen)
    assert v.page.evaluate(SIGNALS_JS) == chosen
    address = v.page.url
    assert "#cc:" in address
    assert v.page.locator(".cc-view-link a").count() == len({c["figure"] for c in controls})
    assert_quiet(v)
    with offline_page(browser, site_url, viewport=DESKTOP) as fresh:
        fresh.page.goto(address)
        wait_for_charts(fresh.page)
        settle(fresh.page)
        assert fresh.page.evaluate(SIGNALS_JS) == chosen
        assert_quiet(fresh)


def test_a_link_from_the_teachers_copy_opens_the_students(browser, site_url) -> None:
    with offline_page(browser, site_url, viewport=DESKTOP) as v:
        v.open(REAL_AUDITS_PAGE + "?edition=teacher")
        wait_for_charts(v.page)
        set_signals(v.page, {"fig-co-contests.co_risk_limit": 5})
        link = v.page.locator(".cc-view-link a").first.get_attribute("href")
        assert "edition" not in link and "co_risk_limit=5" in link
        assert_quiet(v)


def test_a_link_sets_the_colorado_chart_to_the_packages_figures(browser, site_url) -> None:
    contest = "Otero County Ballot Question 1A"
    with offline_page(browser, site_url, viewport=DESKTOP) as v:
        v.open(
            REAL_AUDITS_PAGE
            + "#cc:fig-co-contests.co_risk_limit=7&fig-co-contests.co_contest="
            + contest.replace(" ", "%20")
        )
        wait_for_charts(v.page)
        settle(v.page)
        chart = v.page.locator(".cc-chart").first
        (datum,) = [d for d in mark_data(chart, "text") if "readout" in d]
        row = colorado.targeted().set_index("contest").loc[contest]
        assert datum["contest"] == contest
        assert datum["package"] == audits.comparison_sample_size(row["diluted_margin"], 0.07)
        assert_quiet(v)


@pytest.mark.parametrize(
    "fragment",
    [
        # Out of range, not an option, off the step, not a number, a broken escape, stray pairs.
        "#cc:fig-co-contests.co_risk_limit=999&fig-co-contests.co_contest=Mayor%20of%20Nowhere"
        "&fig-co-contests.co_risk_limit=2.5&fig-co-contests.co_risk_limit=1e3",
        "#cc:fig-co-contests.co_risk_limit=%E0%A4%A&nonsense&=3&fig-nothing.x=1",
        "#the-presidential-contest",
    ],
)
def test_an_invalid_or_stale_link_keeps_the_defaults_quietly(
    browser, site_url, fragment: str
) -> None:
    with offline_page(browser, site_url, viewport=DESKTOP) as v:
        v.open(REAL_AUDITS_PAGE + fragment)
        wait_for_charts(v.page)
        settle(v.page)
        assert v.page.evaluate(SIGNALS_JS) == {
            "fig-co-contests.co_risk_limit": 3,
            "fig-co-contests.co_contest": colorado.PRESIDENTIAL,
        }
        # A page opened at a section keeps its address until the reader moves a control.
        assert v.page.url.endswith(fragment)
        assert_quiet(v)


def test_a_link_works_from_the_built_files_without_a_server(browser) -> None:
    page = browser.new_page(viewport=DESKTOP)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        url = (SITE / REAL_AUDITS_PAGE).as_uri() + "#cc:fig-co-contests.co_risk_limit=10"
        page.goto(url)
        wait_for_charts(page)
        settle(page)
        assert page.evaluate(SIGNALS_JS)["fig-co-contests.co_risk_limit"] == 10
        set_signals(page, {"fig-co-contests.co_risk_limit": 4})
        assert "co_risk_limit=4" in page.url
        assert errors == []
    finally:
        page.close()


# --------------------------------------------------------------------------------------------------
# Practice questions checked in the page (_static/closecalls-practice.js)
# --------------------------------------------------------------------------------------------------


def _right_forms(question) -> list[str]:
    """The ways a student may write the right answer."""
    if question.kind == "choice":
        return [question.answer]
    if question.percent:
        text = f"{question.answer:g}"
        return [text, text + "%", f" {text} % "]
    forms = [str(question.answer), f"{question.answer:,}", f"{question.answer:,}".replace(",", " ")]
    return forms + [f"{question.answer:,} {unit}" for unit in question.units[:1]]


def _answer(form, question, text: str) -> str:
    if question.kind == "choice":
        form.locator(f"input[type=radio][value='{text}']").check()
    else:
        form.locator("input[name=answer]").fill(text)
    form.locator("button[type=submit]").click()
    return form.locator(".cc-practice-result").inner_text().strip()


@pytest.mark.parametrize("chapter", chapters())
def test_practice_questions_accept_the_packages_answer_and_refuse_others(
    site_page, chapter: str
) -> None:
    from explainers import practice

    v = site_page(f"book/{chapter}.html")
    questions = practice.questions(chapter)
    assert v.page.locator("form.cc-practice").count() == len(questions)
    for question in questions:
        form = v.page.locator(f"#cc-q-{question.key}")
        for text in _right_forms(question):
            assert _answer(form, question, text) == "Right.", (question.key, text)
        if question.kind == "choice":
            wrong = next(c for c in question.choices if c != question.answer)
        else:
            wrong = f"{question.answer + 2 * question.tolerance + (1 if not question.percent else 0.5):g}"
        said = _answer(form, question, wrong)
        assert said.startswith(f"Not quite. Hint: see the section “{question.section}”"), said
        anchor = form.locator(".cc-practice-result a").get_attribute("href")
        assert anchor == f"#{question.anchor}"
        assert v.page.locator(f"[id='{question.anchor}']").count() == 1, question.anchor
        if question.kind == "number":
            assert _answer(form, question, "lots").startswith("Write a number")
        answer = form.locator(".cc-practice-answer")
        assert not answer.is_visible()
        form.locator(".cc-practice-show").click()
        assert answer.is_visible() and answer.inner_text() == question.worked
        assert form.locator(".cc-practice-show").get_attribute("aria-expanded") == "true"
        form.locator(".cc-practice-show").click()
        assert not answer.is_visible()
    assert_quiet(v)


def test_a_hint_leads_to_its_section_and_back_to_the_question(site_page) -> None:
    from explainers import practice

    v = site_page(CHART_PAGE)
    question = practice.question("margins", "margins-wi-switch")
    form = v.page.locator(f"#cc-q-{question.key}")
    _answer(form, question, "1")
    url = v.page.url
    form.locator(".cc-practice-result a").click()
    section = v.page.locator(f"[id='{question.anchor}']")
    back = section.locator(".cc-practice-back a")
    assert back.count() == 1 and back.is_visible()
    assert v.page.evaluate("() => document.activeElement.id") == question.anchor
    back.click()
    assert v.page.evaluate("() => document.activeElement.name") == "answer"
    assert form.locator("input[name=answer]").is_visible()
    assert section.locator(".cc-practice-back").count() == 0 and v.page.url == url
    assert_quiet(v)


def test_the_page_reads_numbers_as_the_package_does(site_page) -> None:
    from explainers.practice import parse_number

    texts = ["22,748", "22 748", "1,234,567", "12,34", "1,2345", " +5 ", "\u22123", "0.76%",
             "0.76 %", ".5", "5.", "537 votes", "537votes", "1e3", "", "%", "--1", "1.2.3",
             "3,000 ballot cards", "99 cards", "12\u00a0345", "7\u20099", "۱۲"]  # fmt: skip
    v = site_page(REAL_AUDITS_PAGE)
    for percent in (False, True):
        units = ["votes", "ballot cards", "cards"]
        got = v.page.evaluate(
            "([texts, percent, units]) => texts.map(t => window.ccPractice.parseNumber(t, percent,"
            " units))",
            [texts, percent, units],
        )
        expected = [parse_number(t, percent=percent, units=tuple(units)) for t in texts]
        assert got == expected, list(zip(texts, got, expected, strict=True))
    assert_quiet(v)
