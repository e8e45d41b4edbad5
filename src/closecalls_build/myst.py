r"""Reading a page's MyST Markdown with one parser: markdown-it-py and the MyST plugins.

The build code asks a few questions of the pages' sources and of ``data/README.md``: their
headings (and on which line each starts), the directives they hold (``{exercise}``, the
``Learning objectives`` admonition) and the items of a numbered list. A regular expression per
question gets the corner cases wrong in different ways (a ``# comment`` in a code cell read as a
title, a heading inside a fence); markdown-it-py, the parser MyST itself is built on, with the
plugins MyST uses, answers them all from one tree of tokens.

Examples
--------
>>> source = "(sec-a)=\n# Title\n\n```{code-cell} ipython3\n# a comment\n```\n\n## Part two ##\n"
>>> [(h.level, h.text, h.line) for h in headings(source)]
[(1, 'Title', 1), (2, 'Part two', 7)]
>>> [d.argument for d in directives("```{admonition} Note\nBody\n```\n", "admonition")]
['Note']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

__all__ = ["Directive", "Heading", "directives", "headings", "numbered_items", "tokens"]


@cache
def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .use(front_matter_plugin)
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(colon_fence_plugin)
        .use(dollarmath_plugin)
        .use(footnote_plugin)
        .use(deflist_plugin)
    )


def tokens(text: str) -> list[Token]:
    """The block tokens of ``text`` as MyST reads it (a directive's body is not parsed)."""
    return _parser().parse(text)


@dataclass(frozen=True)
class Heading:
    """A heading: its level (1 for ``#``), its text as written, and its first line (0-based)."""

    level: int
    text: str
    line: int


def headings(text: str) -> list[Heading]:
    """The headings of ``text`` in order, outside code cells, directives and other fences."""
    stream = tokens(text)
    return [
        Heading(int(token.tag[1]), stream[i + 1].content.strip(), token.map[0] if token.map else 0)
        for i, token in enumerate(stream)
        if token.type == "heading_open" and token.level == 0
    ]


@dataclass(frozen=True)
class Directive:
    """A fenced directive: its name, argument (the rest of the first line) and body."""

    name: str
    argument: str
    body: str
    line: int


_DIRECTIVE = re.compile(r"^\{(?P<name>[^{}\s]+)\}\s*(?P<argument>.*)$")


def directives(text: str, name: str | None = None) -> list[Directive]:
    """The top-level directives of ``text`` (all, or those called ``name``), in order.

    A directive is a fence (backticks or colons) whose info string is ``{name} argument``.
    """
    found = []
    for token in tokens(text):
        if token.type not in ("fence", "colon_fence") or token.level != 0:
            continue
        match = _DIRECTIVE.match(token.info.strip())
        if match and name in (None, match["name"]):
            line = token.map[0] if token.map else 0
            found.append(Directive(match["name"], match["argument"].strip(), token.content, line))
    return found


def numbered_items(text: str) -> list[str]:
    r"""The items of the first numbered list of ``text``, each on one line.

    Directive options at the start of a body (``:class: tip``) are not part of the list.

    >>> numbered_items(":class: tip\n1. Read the\n   margin.\n2. Compare.\n\n- not this\n")
    ['Read the margin.', 'Compare.']
    """
    stream = tokens(text)
    items: list[str] = []
    depth = None
    for token in stream:
        if token.type == "ordered_list_open" and depth is None:
            depth = token.level
        elif token.type == "ordered_list_close" and token.level == depth:
            break
        elif depth is not None and token.type == "list_item_open" and token.level == depth + 1:
            items.append("")
        elif depth is not None and token.type == "inline" and items:
            items[-1] = " ".join(f"{items[-1]} {token.content}".split())
    return items
