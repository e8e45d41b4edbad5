"""explainers.charts, explainers.render, explainers.tables: specs, offline HTML, determinism."""

from __future__ import annotations

import base64
import json
import re

import altair as alt
import pandas as pd
import pytest

from explainers import charts, margins, render, tables


def spec_of(chart: alt.TopLevelMixin) -> dict:
    return chart.to_dict()


def dataset(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def test_comparison_chart_data_equal_the_margins() -> None:
    spec = spec_of(charts.margin_comparison_chart())
    rows = {(r["contest"], r["measure"]): r["value"] for r in dataset(spec)}
    for year, state in charts.FOCUS_CONTESTS:
        c = margins.contest(year, state)
        label = f"{c.state.title()} {year}"
        assert rows[(label, "Votes")] == c.margin
        assert rows[(label, "% of all votes cast")] == pytest.approx(c.margin_pct)
        assert rows[(label, "% of the two-party vote")] == pytest.approx(c.margin_pct_two_party)


def test_every_control_is_labelled_and_every_chart_described() -> None:
    for chart in (charts.margin_comparison_chart(), charts.closeness_chart()):
        spec = spec_of(chart)
        assert len(spec["description"]) > 40
        for param in spec["params"]:
            assert param["bind"]["name"].strip(), param


def test_closeness_chart_carries_every_contest() -> None:
    spec = spec_of(charts.closeness_chart())
    rows = pd.DataFrame(dataset(spec))
    table = margins.contest_margins()
    assert len(rows) == len(table)
    merged = rows.merge(table, on=["year", "state_po"], suffixes=("", "_py"))
    assert (merged["margin"] == merged["margin_py"]).all()
    assert merged[merged["focus"]][["year", "state_po"]].apply(tuple, axis=1).tolist() == sorted(
        charts.FOCUS_CONTESTS
    )


def test_rendered_html_is_deterministic_offline_and_has_a_fallback() -> None:
    spec = spec_of(charts.margin_comparison_chart())
    first, second = render.render_html(spec), render.render_html(spec)
    assert first == second
    assert "<svg" in first  # static drawing for Jupyter and pages without the Vega bundle
    assert 'typeof window.vegaEmbed !== "function"' in first
    assert not re.search(r"(src|href)=\"https?://", first)
    assert "cdn" not in first.lower()


def test_spec_text_cannot_close_the_script_element() -> None:
    chart = alt.Chart(pd.DataFrame({"x": ["</script><b>"]})).mark_point().encode(x="x:N")
    html = render.render_html(chart.to_dict())
    script = html.split("<script", 1)[1]
    assert "</script><b>" not in script
    assert "<\\/script><b>" in script


def mimebundle_of(chart: alt.TopLevelMixin) -> dict:
    bundle = chart._repr_mimebundle_()
    return bundle[0] if isinstance(bundle, tuple) else bundle


def test_renderer_gives_html_for_the_book(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(render.MODE_VARIABLE, "book")
    render.enable()
    assert alt.renderers.active == render.RENDERER_NAME
    mimebundle = mimebundle_of(charts.margin_comparison_chart())
    assert set(mimebundle) == {"text/html", "text/plain"}
    assert 'class="cc-chart"' in mimebundle["text/html"]
    assert "Bar chart" in mimebundle["text/plain"]


def test_renderer_gives_a_png_in_jupyter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(render.MODE_VARIABLE, raising=False)
    render.enable()
    mimebundle = mimebundle_of(charts.margin_comparison_chart())
    assert set(mimebundle) == {"image/png", "text/plain"}
    png = base64.b64decode(mimebundle["image/png"])
    assert png.startswith(b"\x89PNG\r\n")
    assert mimebundle == mimebundle_of(charts.margin_comparison_chart())  # same bytes every run


def test_chart_ids_differ_between_charts() -> None:
    ids = {
        re.search(r'id="(cc-chart-[0-9a-f]+)"', render.render_html(spec_of(c))).group(1)
        for c in (charts.margin_comparison_chart(), charts.closeness_chart())
    }
    assert len(ids) == 2


def test_tables_render_the_same_bytes_every_time() -> None:
    for make in (tables.margin_table, tables.reported_table):
        a, b = make(), make()
        assert a._repr_html_() == b._repr_html_()
        assert repr(a) == repr(b)
        assert "0x" not in repr(a)
    assert "10,704" in tables.margin_table()._repr_html_()
    assert "about 71,000" in tables.reported_table()._repr_html_()


def test_spec_json_roundtrips_exactly() -> None:
    spec = spec_of(charts.closeness_chart())
    html = render.render_html(spec)
    embedded = html.split("var spec = ", 1)[1].split(";\n", 1)[0].replace("<\\/", "</")
    assert json.loads(embedded) == json.loads(json.dumps(spec))


def test_closeness_chart_refuses_settings_outside_its_controls() -> None:
    with pytest.raises(ValueError, match="slider"):
        charts.closeness_chart(threshold_pct=7.5)
    with pytest.raises(ValueError, match="year 1999"):
        charts.closeness_chart(year=1999)


def test_comparison_description_is_computed_from_the_data() -> None:
    table = charts.comparison_table()
    table.loc[table["contest"] == "Michigan 2016", "value"] = 0.0
    spec = charts.margin_comparison_chart(table).to_dict()
    assert "Michigan 2016's bar is the shortest" in spec["description"]
