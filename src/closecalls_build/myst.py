r"""Reading a page's MyST Markdown with one parser: markdown-it-py and the MyST plugins.

The build code asks a few questions of the pages' sources and of ``data/README.md``: their
headings (and on which line each starts), the directives they hold (``{exercise}``, the
``Learning objectives`` admonition) and their content after the options, the items of a numbered
list, and (for :mod:`closecalls_build.readability`) the text a reader sees. A regular expression
per question gets the corner cases wrong in different ways (a ``# comment`` in a code cell read as a
title, a heading inside a fence); markdown-it-py, the parser MyST itself is built on, with the
plugins MyST uses, answers them all from one tree of tokens.

The plugins are MyST's syntax and the extensions a page may use: front matter, ``+++`` cell breaks,
``(label)=`` targets and ``%`` comments, roles, colon fences, ``$`` and ``$$`` mathematics and
amsmath environments (``\begin{align}``), footnotes, definition lists and ``{{ substitutions }}``.
A directive's body is not parsed: :func:`directive` reads a fence token as a :class:`Directive`,
whose :attr:`~Directive.content` (the body after its options) can be given to :func:`tokens` again.

Examples
--------
>>> source = "(sec-a)=\n# Title\n\n```{code-cell} ipython3\n# a comment\n```\n\n## Part two ##\n"
>>> [(h.level, h.text, h.line) for h in headings(source)]
[(1, 'Title', 1), (2, 'Part two', 7)]
>>> [d.argument for d in directives("```{admonition} Note\nBody\n```\n", "admonition")]
['Note']
>>> [t.type for t in inline("A *word* and {eval}`x`")]
['text', 'em_open', 'text', 'em_close', 'text', 'myst_role']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.substitution import substitution_plugin

__all__ = [
    "Directive",
    "Heading",
    "directive",
    "directives",
    "headings",
    "inline",
    "numbered_items",
    "tokens",
]


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
        .use(amsmath_plugin)
        .use(footnote_plugin)
        .use(deflist_plugin)
        .use(substitution_plugin)
    )


def tokens(text: str) -> list[Token]:
    """The block tokens of ``text`` as MyST reads it (a directive's body is not parsed)."""
    return _parser().parse(text)


def inline(text: str) -> list[Token]:
    """The inline tokens of ``text`` read as one paragraph's content (a directive's title, say)."""
    return _parser().parseInline(text)[0].children or []


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
    """A fenced directive: its name, argument (the rest of the first line), body and first line.

    The body is everything between the fences, the options included.
    """

    name: str
    argument: str
    body: str
    line: int

    @property
    def content(self) -> str:
        r"""The body after its options, as MyST splits them: what the directive holds.

        The options are a YAML block between ``---`` lines at the start of the body, or the lines
        at its start written ``:key: value``; a blank line after them (or at the start of a body
        without options) is not content either.

        Examples
        --------
        >>> Directive("note", "", ":class: tip\n:name: a\n\nBody\n", 0).content
        'Body\n'
        >>> Directive("figure", "a.png", "---\nname: fig\n---\nCaption\n", 0).content
        'Caption\n'
        >>> Directive("note", "", "Body\n\n:not: an option\n", 0).content
        'Body\n\n:not: an option\n'
        """
        lines = self.body.splitlines(keepends=True)
        start = 0
        if self.body.startswith("---"):
            ends = (i for i, line in enumerate(lines[1:], 1) if line.startswith("---"))
            start = next(ends, len(lines) - 1) + 1
        else:
            while start < len(lines) and _OPTION.match(lines[start]):
                start += 1
        if start < len(lines) and not lines[start].strip():
            start += 1
        return "".join(lines[start:])


_DIRECTIVE = re.compile(r"^\{(?P<name>[^{}\s]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^\s*:[\w-]+:(\s|$)")


def directive(token: Token) -> Directive | None:
    """The directive a fence token (backticks or colons) opens, or None if it is no directive.

    A directive is a fence whose info string is ``{name} argument``; any other fence is code.
    """
    if token.type not in ("fence", "colon_fence"):
        return None
    match = _DIRECTIVE.match(token.info.strip())
    if match is None:
        return None
    line = token.map[0] if token.map else 0
    return Directive(match["name"], match["argument"].strip(), token.content, line)


def directives(text: str, name: str | None = None) -> list[Directive]:
    """The top-level directives of ``text`` (all, or those called ``name``), in order.

    A directive is a fence (backticks or colons) whose info string is ``{name} argument``.
    """
    found = (directive(token) for token in tokens(text) if token.level == 0)
    return [d for d in found if d is not None and name in (None, d.name)]


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
