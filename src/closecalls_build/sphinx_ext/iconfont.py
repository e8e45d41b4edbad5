r"""The theme's icon font, cut down to the icons the site shows.

The theme draws its icons (menu, search, download, colour mode, the arrows) with FontAwesome's
"solid" web font: 156 KB compressed for the 1,400 icons of FontAwesome 6, of which the site shows
about twenty. Every first visit downloads it: half of what a page without charts weighs. At the
end of a build (:mod:`closecalls_build.sphinx_ext`) the site's copy is replaced by a subset holding only
the glyphs the site can show:

- the icons its pages and scripts name by class (``<i class="fa-solid fa-bars">``), looked up in the
  theme's stylesheet, where each class gives its character (``.fa-bars:before{content:"\f0c9"}``);
- every character the stylesheets draw themselves (``--pst-icon-admonition-note: "\f304"``,
  ``content: "\f105"``) outside that catalogue of icon classes.

The subset is made by fontTools from the theme's own file, so a build never cuts an already cut
font. A test checks that every icon class a built page uses has its glyph in the subset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

__all__ = ["cut", "icon_catalogue", "icon_classes", "own_characters", "required_characters"]

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ICON_SELECTOR = re.compile(r"\.(fa-[a-z0-9-]+)::?before")
_STRING = re.compile(r"(?:content|--[\w-]+)\s*:\s*\"((?:[^\"\\]|\\.)*)\"")
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)")
_CLASS = re.compile(r"\bfa-[a-z0-9-]+\b")


def _characters(css_string: str) -> set[int]:
    r"""The characters of a CSS string (escapes decoded), as code points.

    >>> sorted(hex(c) for c in _characters(r"\f0c9"))
    ['0xf0c9']
    """
    text = _ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], css_string)
    return {ord(c) for c in text}


def _is_catalogue(selectors: str) -> bool:
    parts = [s.strip() for s in selectors.split(",")]
    return all(_ICON_SELECTOR.fullmatch(p) for p in parts)


def icon_catalogue(css: str) -> dict[str, set[int]]:
    r"""Each icon class of a FontAwesome stylesheet and the characters it draws.

    >>> icon_catalogue(r'.fa-bars:before,.fa-navicon:before{content:"\f0c9"}')
    {'fa-bars': {61641}, 'fa-navicon': {61641}}
    """
    found: dict[str, set[int]] = {}
    for selectors, body in _RULE.findall(css):
        if not _is_catalogue(selectors):
            continue
        points = set().union(*(_characters(s) for s in _STRING.findall(body)))
        for name in _ICON_SELECTOR.findall(selectors):
            found.setdefault(name, set()).update(points)
    return found


def own_characters(css: str) -> set[int]:
    r"""The characters a stylesheet draws itself, outside FontAwesome's catalogue of icon classes.

    >>> sorted(own_characters(r':root{--pst-icon-note:"\f304"}.fa-bars:before{content:"\f0c9"}'))
    [62212]
    """
    points: set[int] = set()
    for selectors, body in _RULE.findall(css):
        if not _is_catalogue(selectors):
            for string in _STRING.findall(body):
                points |= _characters(string)
    return points


def icon_classes(texts: Iterable[str]) -> set[str]:
    """Every ``fa-...`` class name the pages and scripts ``texts`` mention."""
    return set().union(*(_CLASS.findall(t) for t in texts))


def required_characters(site: Path) -> set[int]:
    """The characters the built ``site`` can show in the icon font: named icons and the CSS's own."""
    stylesheets = [p.read_text("utf-8", "replace") for p in site.rglob("*.css")]
    catalogue: dict[str, set[int]] = {}
    for css in stylesheets:
        for name, points in icon_catalogue(css).items():
            catalogue.setdefault(name, set()).update(points)
    pages = [p.read_text("utf-8", "replace") for p in site.rglob("*.html")]
    scripts = [p.read_text("utf-8", "replace") for p in (site / "_static").rglob("*.js")]
    named = icon_classes(pages + scripts)
    points = set().union(*(catalogue.get(name, set()) for name in named))
    return points | set().union(*(own_characters(css) for css in stylesheets))


def cut(original: Path, characters: set[int], target: Path) -> None:
    """Write to ``target`` the WOFF2 font ``original`` with only the glyphs of ``characters``.

    Raises
    ------
    ValueError
        If none of ``characters`` is in the font (the result would draw no icon at all).
    """
    cmap = TTFont(original).getBestCmap()
    if not characters & set(cmap):
        raise ValueError(f"{original.name} has none of the {len(characters)} characters asked for")
    options = subset.Options()
    options.flavor = "woff2"
    font = subset.load_font(str(original), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
