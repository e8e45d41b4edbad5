"""closecalls_build.sphinx_ext.iconfont: the theme's icon font cut to the icons the site shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SITE
from fontTools.ttLib import TTFont

from closecalls_build import sphinx_ext
from closecalls_build.chromium import offline_page
from closecalls_build.sphinx_ext import iconfont

# The theme's stylesheet writes each icon as ".fa-NAME:before{content:"\fXXXX"}" (FontAwesome 6).
CSS = (
    r'.fa-bars:before,.fa-navicon:before{content:"\f0c9"}'
    r'.fa-magnifying-glass:before{content:"\f002"}'
    r':root{--pst-icon-admonition-note:"\f304"}'
    r'a.x:after{content:"\f105"}'
)


def test_the_catalogue_and_the_stylesheets_own_characters_are_told_apart() -> None:
    assert iconfont.icon_catalogue(CSS) == {
        "fa-bars": {0xF0C9},
        "fa-navicon": {0xF0C9},
        "fa-magnifying-glass": {0xF002},
    }
    assert iconfont.own_characters(CSS) == {0xF304, 0xF105}


def test_only_the_icons_a_site_names_are_required(tmp_path: Path) -> None:
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "theme.css").write_text(CSS)
    (tmp_path / "_static" / "theme.js").write_text(
        'button.innerHTML = "<i class=\\"fa-solid fa-bars\\">"'
    )
    (tmp_path / "index.html").write_text('<i class="fa-solid fa-magnifying-glass"></i>')
    assert iconfont.required_characters(tmp_path) == {0xF0C9, 0xF002, 0xF304, 0xF105}


def test_the_cut_font_draws_what_was_asked_and_little_else(tmp_path: Path) -> None:
    original = sphinx_ext.theme_icon_font()
    target = tmp_path / "cut.woff2"
    iconfont.cut(original, {0xF0C9, 0xF002}, target)
    kept = set(TTFont(target).getBestCmap())
    assert {0xF0C9, 0xF002} <= kept and len(kept) < 10
    assert target.stat().st_size < original.stat().st_size / 10


def test_a_cut_that_would_keep_no_icon_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"fa-solid-900\.woff2 has none of the 1 characters asked"):
        iconfont.cut(sphinx_ext.theme_icon_font(), {0x41_0000 - 1}, tmp_path / "x.woff2")


@pytest.mark.site
def test_every_icon_the_built_site_names_is_in_its_font() -> None:
    font = SITE / "_static" / sphinx_ext.ICON_FONT
    kept = set(TTFont(font).getBestCmap())
    css = (SITE / "_static" / "styles" / "pydata-sphinx-theme.css").read_text()
    catalogue = iconfont.icon_catalogue(css)
    pages = [p.read_text() for p in SITE.rglob("*.html")]
    named = [n for n in iconfont.icon_classes(pages) if n in catalogue]
    # The header's icons at least: menu, search, download, full screen, colour mode.
    assert {"fa-bars", "fa-magnifying-glass", "fa-download", "fa-expand"} <= set(named)
    assert [n for n in named if not catalogue[n] <= kept] == []
    # The theme's script inserts one icon at run time (the search dialog's close button): the cut
    # finds it by reading the scripts.
    assert catalogue["fa-xmark"] <= kept
    assert font.stat().st_size < 20_000


#: Every character a page draws in a FontAwesome font, through ::before and ::after.
DRAWN_IN_ICON_FONT = """() => {
  const drawn = new Set();
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (!/Font Awesome 6 Free/.test(style.fontFamily) || style.fontWeight !== '900') continue;
      if (!style.content || style.content === 'none' || style.content === 'normal') continue;
      for (const c of style.content.slice(1, -1)) drawn.add(c.codePointAt(0));
    }
  }
  return [...drawn];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("page", ["book/margins.html", "book/references.html"])
def test_every_icon_a_page_draws_is_in_the_cut_font(
    browser: object, site_url: str, page: str
) -> None:
    kept = set(TTFont(SITE / "_static" / sphinx_ext.ICON_FONT).getBestCmap())
    with offline_page(browser, site_url) as v:
        drawn = set(v.open(page).page.evaluate(DRAWN_IN_ICON_FONT))
    assert v.external == [] and v.failed == []
    # The header's menu, search, download and colour-mode icons at least.
    assert {0xF0C9, 0xF002, 0xF019, 0xF185} <= drawn
    assert sorted(hex(c) for c in drawn - kept) == []
