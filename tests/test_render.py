"""explainers.render: offline HTML for the book, PNG for Jupyter, digests that expose stale outputs."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator

import altair as alt
import pandas as pd
import pytest

from explainers import render
from explainers.charts import margins as charts


@pytest.fixture
def closecalls_renderer() -> Iterator[None]:
    """Enable the book's renderer for one test, then put Altair's previous renderer back."""
    previous = alt.renderers.active
    render.enable()
    yield
    alt.renderers.enable(previous)


def mimebundle_of(chart: alt.TopLevelMixin) -> dict:
    bundle = chart._repr_mimebundle_()
    return bundle[0] if isinstance(bundle, tuple) else bundle


def test_rendered_html_is_deterministic_offline_and_has_a_fallback() -> None:
    spec = charts.margin_comparison_chart().to_dict()
    first, second = render.render_html(spec), render.render_html(spec)
    assert first == second
    assert "<svg" in first  # static drawing for pages without the Vega bundle
    assert 'typeof vega.View !== "function"' in first
    assert not re.search(r"(src|href)=\"https?://", first)
    assert "cdn" not in first.lower()


def test_spec_text_cannot_close_the_script_element() -> None:
    chart = alt.Chart(pd.DataFrame({"x": ["</script><b>"]})).mark_point().encode(x="x:N")
    html = render.render_html(chart.to_dict())
    script = html.split("<script", 1)[1]
    assert "</script><b>" not in script
    assert "<\\/script><b>" in script


def test_the_page_gets_the_spec_compiled_to_vega() -> None:
    spec = charts.closeness_chart().to_dict()
    html = render.render_html(spec)
    embedded = json.loads(html.split("var spec = ", 1)[1].split(";\n", 1)[0].replace("<\\/", "</"))
    assert embedded["$schema"].endswith("/vega/v6.json")
    assert embedded["description"] == spec["description"]
    (rows,) = spec["datasets"].values()
    values = next(d["values"] for d in embedded["data"] if "values" in d)
    assert sorted(map(json.dumps, values)) == sorted(json.dumps(r, sort_keys=True) for r in rows)
    assert {s["name"] for s in embedded["signals"]} >= {"year", "threshold"}
    # Vega's runtime draws it: no Vega-Lite compiler or vega-embed in the page.
    assert "new vega.View(vega.parse(spec)" in html and "vegaEmbed" not in html


def test_chart_ids_differ_between_charts() -> None:
    ids = {
        re.search(r'id="(cc-chart-[0-9a-f]+)"', render.render_html(c.to_dict())).group(1)
        for c in (charts.margin_comparison_chart(), charts.closeness_chart())
    }
    assert len(ids) == 2


def test_renderer_gives_html_for_the_book(
    monkeypatch: pytest.MonkeyPatch, closecalls_renderer: None
) -> None:
    monkeypatch.setenv(render.MODE_VARIABLE, "book")
    assert alt.renderers.active == render.RENDERER_NAME
    mimebundle = mimebundle_of(charts.margin_comparison_chart())
    assert set(mimebundle) == {"text/html", "text/plain"}
    assert 'class="cc-chart"' in mimebundle["text/html"]
    assert "Bar chart" in mimebundle["text/plain"]


def test_renderer_gives_a_png_in_jupyter(
    monkeypatch: pytest.MonkeyPatch, closecalls_renderer: None
) -> None:
    monkeypatch.delenv(render.MODE_VARIABLE, raising=False)
    mimebundle = mimebundle_of(charts.margin_comparison_chart())
    assert set(mimebundle) == {"image/png", "text/plain"}
    png = base64.b64decode(mimebundle["image/png"])
    assert png.startswith(b"\x89PNG\r\n")
    assert mimebundle == mimebundle_of(charts.margin_comparison_chart())  # same bytes every run


def test_the_renderer_fixture_restores_altairs_renderer() -> None:
    assert alt.renderers.active != render.RENDERER_NAME


def test_the_text_form_changes_when_the_chart_does(
    monkeypatch: pytest.MonkeyPatch, closecalls_renderer: None
) -> None:
    """The notebook check compares text/plain, not PNG bytes: a changed colour must change the text."""
    monkeypatch.delenv(render.MODE_VARIABLE, raising=False)
    chart = charts.margin_comparison_chart()
    recoloured = chart.copy(deep=True)
    recoloured.layer[0].mark = alt.MarkDef(type="bar", color="#2166ac")
    plain, other = (mimebundle_of(c)["text/plain"] for c in (chart, recoloured))
    assert plain != other
    assert plain.startswith(f"<Chart {render.spec_digest(chart.to_dict())}: Bar chart")


def test_container_width_is_fixed_for_static_drawings() -> None:
    spec = charts.margin_comparison_chart().to_dict()
    assert spec["width"] == "container"
    assert render.static_spec(spec)["width"] == render.STATIC_WIDTH
    fixed = {**spec, "width": 300}
    assert render.static_spec(fixed) is fixed
    svg = render.render_html(spec).split("<svg", 1)[1]
    assert 'width="' in svg.split(">", 1)[0]


def test_a_vl_convert_without_the_vega_lite_version_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import vl_convert as vlc

    monkeypatch.setattr(vlc, "get_vegalite_versions", lambda: ["5.8", "5.20"])
    with pytest.raises(RuntimeError, match=r"cannot render Vega-Lite 6\.\d+; available: 5.8, 5.20"):
        render.render_png({"mark": "point"})
