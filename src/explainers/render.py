"""An Altair renderer that works offline, in the built book and in Jupyter alike.

Altair's default renderer writes HTML that fetches Vega from a CDN and gives every chart a random
element id, so it breaks in a classroom without internet and makes every notebook run differ (which
the notebook check would report). This renderer has two modes.

**In Jupyter** (the default) a chart is a PNG drawn by ``vl-convert`` at run time, with no network.
JupyterLab shows a PNG even in a notebook that is not trusted (as a freshly opened one is not), while
it strips SVG and scripts from untrusted HTML; the controls that go further in Jupyter are the
ipywidgets panels of :mod:`explainers.widgets`.

**In the book** (``CLOSECALLS_RENDER=book``, which :mod:`closecalls_build.sphinx_ext` sets before the
notebooks are executed for the site) a chart is

- a ``<div>`` holding a static SVG drawing, shown where scripts do not run, and
- a small script that, where the page has loaded the Vega runtime (the book does, from its own
  ``_static`` folder), replaces the drawing with the live Vega view, so that controls bound to
  parameters recompute in the reader's browser. Where the page has also loaded the book's
  ``closecalls-links.js``, the controls' settings are kept in the page's address and read back from
  it (``window.ccViewLinks``). The spec in the page is already compiled to Vega,
  so the page needs neither Vega-Lite's compiler nor vega-embed: the script builds the
  ``vega.View`` itself, which also renders the controls (``form.vega-bindings``).

The element id is a hash of the spec and the JSON is written with sorted keys, so the same chart
gives the same bytes on every run. The view and its spec are kept on the element
(``el.vegaResult.view``, ``el.vegaResult.spec``) so that browser tests and the benchmark can read
the view's data and signals.

**Stale outputs show.** A chart's ``text/plain`` form, stored beside the PNG in a notebook, carries a
digest of its Vega-Lite spec (:func:`spec_digest`). The notebook check of ``make test`` compares
``text/plain`` outputs but not PNG bytes, so a chart whose code changed (a colour, a width, a value)
and whose stored output did not fails ``make test``.

Charts as wide as their column (``width: "container"``) are drawn :data:`STATIC_WIDTH` pixels wide
in the static SVG and the PNG, which have no column to measure.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from typing import Any

import altair as alt
import vl_convert as vlc

__all__ = [
    "MODE_VARIABLE",
    "RENDERER_NAME",
    "STATIC_WIDTH",
    "enable",
    "render_html",
    "render_png",
    "renderer",
    "spec_digest",
    "static_spec",
]

#: Name under which the renderer is registered with Altair.
RENDERER_NAME = "closecalls"

#: Environment variable selecting the output: ``book`` for the site's HTML, anything else for Jupyter.
MODE_VARIABLE = "CLOSECALLS_RENDER"

#: Pixel density of the PNG drawn for Jupyter (2 would be sharper and twice the notebook's size).
PNG_SCALE = 1.5

#: Width in pixels of a ``width: "container"`` chart where there is no container to measure.
STATIC_WIDTH = 460

_SCRIPT = """<script type="text/javascript">
(function () {{
  var el = document.getElementById("{chart_id}");
  var spec = {spec};
  function draw() {{
    var vega = window.vega;
    if (!vega || typeof vega.View !== "function") {{ return; }}
    try {{
      var view = new vega.View(vega.parse(spec), {{renderer: "svg", container: el, hover: true}});
      el.vegaResult = {{view: view, spec: spec}};
      view.runAsync()
        .then(function () {{
          // The page's links keep the controls' settings (_static/closecalls-links.js).
          if (window.ccViewLinks) {{ window.ccViewLinks.attach(el, view, spec); }}
          return view.runAsync();
        }})
        .then(function () {{ el.dataset.ready = "true"; }})
        .catch(function (error) {{ console.error(error); }});
    }} catch (error) {{ console.error(error); }}
  }}
  if (document.readyState === "loading") {{
    document.addEventListener("DOMContentLoaded", draw);
  }} else {{
    draw();
  }}
}})();
</script>"""


def _vegalite_version() -> str:
    """The Vega-Lite version Altair writes specs for, in vl-convert's ``"6.1"`` form."""
    major, minor, *_ = alt.SCHEMA_VERSION.lstrip("v").split(".")
    available = vlc.get_vegalite_versions()
    wanted = f"{major}.{minor}"
    if wanted in available:
        return wanted
    same_major = [v for v in available if v.split(".")[0] == major]
    if not same_major:
        raise RuntimeError(
            f"vl-convert {vlc.__version__ if hasattr(vlc, '__version__') else ''} cannot render "
            f"Vega-Lite {wanted}; available: {', '.join(available)}"
        )
    return same_major[-1]


def _canonical_json(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def spec_digest(spec: dict[str, Any]) -> str:
    """First 16 hex digits of the SHA-256 of the spec's canonical JSON: changes when the chart does.

    Examples
    --------
    >>> spec_digest({"mark": "bar"}) == spec_digest({"mark": "bar"}) != spec_digest({"mark": "line"})
    True
    """
    return hashlib.sha256(_canonical_json(spec).encode()).hexdigest()[:16]


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with ``width: "container"`` replaced by :data:`STATIC_WIDTH`, for SVG and PNG."""
    if spec.get("width") == "container":
        return {**spec, "width": STATIC_WIDTH}
    return spec


def render_html(spec: dict[str, Any]) -> str:
    """HTML for one chart: a static SVG fallback plus the script that makes it live.

    The page receives the chart compiled to Vega here, at build time: the reader's browser only
    runs it. (Compiling in the page would also print Vega-Lite's compiler notes to the console,
    e.g. that a chart whose height follows its bars cannot also fit the column's height.)
    """
    chart_id = "cc-chart-" + spec_digest(spec)[:12]
    spec_json = _canonical_json(vlc.vegalite_to_vega(spec, vl_version=_vegalite_version()))
    svg = vlc.vegalite_to_svg(static_spec(spec), vl_version=_vegalite_version())
    description = html.escape(str(spec.get("description", "Chart")), quote=True)
    # "</" inside a string would close the <script> element early.
    safe_json = spec_json.replace("</", "<\\/").replace("<!--", "<\\!--")
    return (
        f'<div class="cc-chart" id="{chart_id}" role="figure" aria-label="{description}">'
        f"{svg}</div>\n" + _SCRIPT.format(chart_id=chart_id, spec=safe_json)
    )


def render_png(spec: dict[str, Any]) -> str:
    """The chart drawn as a PNG, base64-encoded as notebooks store images."""
    png = vlc.vegalite_to_png(static_spec(spec), vl_version=_vegalite_version(), scale=PNG_SCALE)
    return base64.b64encode(png).decode("ascii")


def renderer(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    """Altair renderer: HTML for the book, a PNG in Jupyter, and as text the digest and description."""
    text = f"<Chart {spec_digest(spec)}: {spec.get('description', 'no description')}>"
    if os.environ.get(MODE_VARIABLE) == "book":
        return {"text/html": render_html(spec), "text/plain": text}
    return {"image/png": render_png(spec), "text/plain": text}


def enable() -> None:
    """Register this renderer with Altair and make it the active one."""
    alt.renderers.register(RENDERER_NAME, renderer)
    alt.renderers.enable(RENDERER_NAME)
