r"""How hard the chapters are to read: the Flesch–Kincaid grade of each chapter's prose.

The book is written for upper-secondary students (US grades 11–12) and first-year college students,
so its prose should stay within their reach. This module measures it the way an editor would read
it: :func:`prose` takes a chapter's MyST Markdown notebook source and keeps only what a student
reads on the page (paragraphs, headings, list items, notes, exercises and their solutions), and
:func:`measure` scores that text with `textstat <https://pypi.org/project/textstat/>`_ in English.
The figures are estimates from word, sentence and syllable counts; they show which chapters and
which sentences are hardest, not whether a student will understand them.

Examples
--------
>>> text = prose("# Margins\n\nFlorida's margin was {eval}`count(fl.margin)` votes {cite}`fec2001`.")
>>> text
"Margins.\nFlorida's margin was ten votes."
>>> measure(text).words, measure(text).sentences
(6, 1)
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token
from textstat.textstat import textstatistics

from closecalls_build import myst

__all__ = ["NUMBER", "TARGET_GRADE", "Readability", "chapter", "measure", "prose"]

TARGET_GRADE = 12.0
"""The highest Flesch–Kincaid grade a chapter should have.

The readers are upper-secondary students (US grades 11–12) and first-year college students. A
Flesch–Kincaid grade is the US school grade whose students can be expected to understand a text, so
12 is the top of the secondary range: a chapter at or below it is within reach of the oldest
secondary students and below the level of the college students, while grade-11 students read it with
the teacher the book is written to support (the teacher's guide states this target and each
chapter's measured grade). A lower
target would pay for its shorter sentences with the subject's own long words, which the formula
cannot tell from hard ones: the state names (*Pennsylvania* counts five syllables), *electoral*,
*certified*, *confidence interval*. The grade is an estimate, so a chapter a few tenths above the
target needs a look at its longest sentences rather than a rewrite.
"""

NUMBER = "ten"
"""The word that stands for each number the page prints (the ``{eval}`` role).

The text holds expressions, not the numbers (``{eval}`count(fl.margin)``` prints ``537``); running
the chapter to get them would tie this measurement to the data and the build. A number such as
``22,748`` counts as one word of one syllable for textstat (it finds no syllables in digits), and so
does *ten*: one short word, one syllable in the CMU Pronouncing Dictionary. A placeholder in digits
would score the same but, with a decimal point (``0.009%``), would break the sentence in two. The few
expressions that print words (a date, a state's name, ``8.8 points lower``) are counted as one word
too, which makes those sentences look a little shorter than they are.
"""

# textstat's own object rather than its module-level one, so that setting the language here changes
# nothing for any other user of textstat in the same process.
_TEXTSTAT = textstatistics()
_TEXTSTAT.set_lang("en_US")

# The grade bands of US schools, by the highest Flesch–Kincaid grade in each.
_BANDS = (
    (5.0, "elementary school (grades 1–5)"),
    (8.0, "middle school (grades 6–8)"),
    (12.0, "high school (grades 9–12)"),
    (16.0, "college"),
)


@dataclass(frozen=True)
class Readability:
    """Counts and readability scores of a text, as textstat computes them in English.

    Attributes
    ----------
    words
        Words, once punctuation is removed (``22,748`` is one word).
    sentences
        Sentences: textstat splits the text at ``.``, ``!`` and ``?`` and does not count pieces of
        two words or fewer (``U.S.`` or ``v.`` in a case name make no sentence of their own).
    flesch_kincaid_grade
        ``0.39 × words per sentence + 11.8 × syllables per word − 15.59``: a US school grade.
    flesch_reading_ease
        ``206.835 − 1.015 × words per sentence − 84.6 × syllables per word``: higher is easier;
        50 to 60 is "fairly difficult", 30 to 50 "difficult" (Flesch, 1948).
    """

    words: int
    sentences: int
    flesch_kincaid_grade: float
    flesch_reading_ease: float

    @property
    def words_per_sentence(self) -> float:
        """The average sentence length, in words."""
        return self.words / max(self.sentences, 1)

    @property
    def grade_band(self) -> str:
        """The stage of US schooling the Flesch–Kincaid grade falls in.

        Examples
        --------
        >>> Readability(100, 5, 12.0, 45.0).grade_band
        'high school (grades 9–12)'
        >>> Readability(100, 5, 12.1, 45.0).grade_band
        'college'
        """
        for highest, band in _BANDS:
            if self.flesch_kincaid_grade <= highest:
                return band
        return "graduate school"

    @property
    def meets_target(self) -> bool:
        """Whether the Flesch–Kincaid grade is at most :data:`TARGET_GRADE`."""
        return self.flesch_kincaid_grade <= TARGET_GRADE


def measure(text: str) -> Readability:
    """The word and sentence counts and readability scores of ``text``, in English.

    Raises
    ------
    ValueError
        If ``text`` has no words (it is empty, or punctuation only).

    Examples
    --------
    >>> easy = measure("The cat sat on the mat. The dog ran.")
    >>> easy.words, easy.sentences
    (9, 2)
    >>> easy.flesch_kincaid_grade < measure(
    ...     "Constitutional considerations notwithstanding, the legislature's deliberations "
    ...     "necessitated extraordinarily complicated administrative arrangements."
    ... ).flesch_kincaid_grade
    True
    """
    words = _TEXTSTAT.lexicon_count(text)
    if words == 0:
        raise ValueError(
            f"no words to measure in {text[:40]!r}: the text is empty or holds only punctuation"
        )
    return Readability(
        words=words,
        sentences=_TEXTSTAT.sentence_count(text),
        flesch_kincaid_grade=_TEXTSTAT.flesch_kincaid_grade(text),
        flesch_reading_ease=_TEXTSTAT.flesch_reading_ease(text),
    )


def chapter(path: Path) -> Readability:
    """The readability of the chapter whose MyST Markdown source is ``path`` (see :func:`prose`)."""
    return measure(prose(Path(path).read_text("utf-8")))


# --- From MyST Markdown to prose ------------------------------------------------------------------

# Directives whose body is code, mathematics, a list of files or a table in another syntax: nothing
# in them is read as prose. Any other directive (admonition, note, exercise, solution, dropdown,
# figure...) holds Markdown that students read.
_RAW_DIRECTIVES = frozenset(
    {
        "code-cell",
        "raw-cell",
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "include",
        "math",
        "raw",
        "eval-rst",
        "toctree",
        "tableofcontents",
        "bibliography",
        "list-table",
        "csv-table",
        "mermaid",
        "graphviz",
    }
)
# Directives whose argument is a title shown on the page (a solution's argument is a label).
_TITLED_DIRECTIVES = frozenset(
    {"admonition", "exercise", "dropdown", "topic", "sidebar", "margin", "card", "tab-item"}
)
# Roles whose content is shown as code.
_CODE_ROLES = frozenset({"code", "samp", "kbd", "file", "command", "program", "envvar"})
# Inline tokens read as one word, like an {eval} role: ``$x$`` mathematics and ``{{ substitution }}``.
_VALUES = frozenset({"math_inline", "substitution_inline"})

_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]*)>$", re.DOTALL)  # {ref}`text <target>`
_EXPANSION = re.compile(r"\s*\(.*\)\s*$", re.DOTALL)  # the "(expansion)" of {abbr}`RLA (...)`
# A dot before a letter in inline code (``explainers.formatting``, ``.ipynb``) or between digits in the
# text (``0.1%``) ends no sentence, but textstat's splitter would take it for a full stop: it becomes
# a one-dot leader (U+2024), which looks the same. Abbreviations (``U.S.``, ``v.``) are left alone:
# textstat does not count the pieces of two words or fewer they make.
_CODE_DOT = re.compile(r"\.(?=\w)")
_DIGIT_DOT = re.compile(r"(?<=\d)\.(?=\d)")
# The spaces and parentheses a dropped citation leaves: "votes {cite}`x`." and "({cite}`x`)".
_EMPTY_PARENTHESES = re.compile(r"\(\s*\)")
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?)\]])(?=\s|$)")
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_CLOSERS = "\"'”’)]*_ "


def _sentence(text: str) -> str:
    """``text`` ending as a sentence: with a full stop unless it ends with ``.``, ``!`` or ``?``.

    A heading, a list item or the line that introduces a list is read on its own; textstat does not
    end a sentence at a semicolon, colon or comma, so such a mark at the end becomes a full stop.

    Examples
    --------
    >>> _sentence("Summary"), _sentence("in votes;"), _sentence('He said "no."')
    ('Summary.', 'in votes.', 'He said "no."')
    """
    if text.rstrip(_CLOSERS).endswith((".", "!", "?")):
        return text
    return (text[:-1] if text.endswith((";", ":", ",")) else text) + "."


def _cell_removed(metadata: str) -> bool:
    """Whether a ``+++`` marker's metadata tags the Markdown cell after it ``remove-cell``."""
    try:
        tags = json.loads(metadata.strip() or "{}").get("tags", [])
    except (ValueError, AttributeError):
        return False
    return isinstance(tags, list) and "remove-cell" in tags


def prose(source: str) -> str:
    r"""The text a student reads in a chapter, from its MyST Markdown notebook source.

    The source is read by the MyST parser (:mod:`closecalls_build.myst`) and the text is taken from
    its tokens. Kept, one block a line: paragraphs, headings and list items, block quotes,
    definition lists and footnotes (the parser gathers footnotes at the end), the text of HTML
    blocks without their tags, and the text of admonitions, exercises and solutions, with admonition
    titles as headings: a directive's body is parsed again once its options (``:class: tip``, or a
    ``---`` YAML block) are set aside. Each block ends a sentence: a heading or a list item is read on
    its own, so one that does not end with ``.``, ``!`` or ``?`` gets a full stop (in place of a
    final ``;``, ``:`` or ``,``, which textstat does not take for the end of a sentence), and so does
    the paragraph that introduces a list.

    Dropped: the YAML front matter; code cells and every other fenced or indented block of code,
    mathematics or raw content (``code-cell``, ``math``, ``bibliography`` and the other directives
    whose body is not Markdown, and fences that are no directive); the ``+++`` cell markers, and a
    Markdown cell whose marker tags it ``remove-cell`` (up to the next marker or code cell); HTML
    and MyST (``%``) comments; ``$$`` math blocks and amsmath environments (``\begin{align}``);
    tables; targets (``(label)=``); images.

    Inline: ``{eval}`` becomes :data:`NUMBER`, and so do ``{math}``, ``$`` mathematics and
    ``{{ substitutions }}``; ``{cite}`` disappears (the page prints it in parentheses, which a reader
    skips); ``{term}``, ``{ref}``, ``{doc}`` and links keep the text they show, ``{doc}`` without one
    becomes "chapter", ``{ref}`` "section" and ``{numref}`` "Figure ten"; emphasis markers, HTML tags
    and footnote references go, the text of inline code stays; a backtick left in the text (a code
    span never closed) goes too. A dot inside inline code or a number (``explainers.formatting``,
    ``0.1%``) becomes a one-dot leader (U+2024), so that it does not end a sentence.

    Examples
    --------
    >>> print(prose('''
    ... ## Switching voters
    ...
    ... - A voter who **switches** narrows the margin by two
    ... - `margins.votes_to_add` counts votes, see {numref}`fig-margins`
    ... '''))
    Switching voters.
    A voter who switches narrows the margin by two.
    margins․votes_to_add counts votes, see Figure ten.
    """
    units: list[str] = []
    _blocks(myst.tokens(source), units, notebook=True)
    return "\n".join(units)


def _blocks(stream: Sequence[Token], units: list[str], *, notebook: bool = False) -> None:
    """Add the text of each block of ``stream`` that a student reads to ``units``, in order.

    ``notebook`` is true for a notebook's own tokens, where ``+++`` markers and code cells separate
    the cells (a remove-cell tag counts there); a directive's body is read with it false.
    """
    removing = False  # inside a Markdown cell tagged remove-cell
    in_table = False
    for token in stream:
        if notebook and token.type == "myst_block_break":
            removing = _cell_removed(token.content)
            continue
        directive = myst.directive(token)
        name = directive.name.lower() if directive else ""
        if notebook and name == "code-cell":
            removing = False
        if removing or name in _RAW_DIRECTIVES:
            continue
        if directive is not None:
            if name in _TITLED_DIRECTIVES:
                _add(units, _text(myst.inline(directive.argument)))
            _blocks(myst.tokens(directive.content), units)
        elif token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        elif token.type == "inline" and not in_table:  # a paragraph, heading or definition term
            _add(units, _text(token.children or []))
        elif token.type == "html_block" and not token.content.lstrip().startswith("<!--"):
            _add(units, _text(myst.inline(token.content)))  # its tags are inline HTML there
        elif token.type == "substitution_block":
            _add(units, NUMBER)


def _add(units: list[str], text: str) -> None:
    """Add ``text``, unless it is empty, to ``units`` as a sentence of its own."""
    if text:
        units.append(_sentence(text))


def _text(children: Sequence[Token]) -> str:
    """The visible text of one block's inline tokens, on one line."""
    shown: list[str] = []
    for token in children:
        if token.type == "text":
            shown.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            shown.append(" ")
        elif token.type == "code_inline":
            shown.append(_CODE_DOT.sub("\u2024", token.content.strip()))
        elif token.type == "myst_role":
            shown.append(_role(token.meta["name"].lower(), token.content))
        elif token.type in _VALUES:
            shown.append(NUMBER)
        # Nothing else shows words: the markers of emphasis and links, images, inline HTML tags
        # and comments, footnote references.
    text = "".join(shown).replace("`", "")
    text = _DIGIT_DOT.sub("\u2024", text)
    text = " ".join(_EMPTY_PARENTHESES.sub("", text).split())
    text = _SPACE_BEFORE.sub(r"\1", text)
    return _SPACE_AFTER.sub(r"\1", text).strip()


def _role(role: str, content: str) -> str:
    """The text a ``{role}`content``` shows on the page (``role`` in lower case)."""
    explicit = _EXPLICIT.match(content)
    shown = explicit["text"] if explicit else content
    if role in ("eval", "math"):
        return NUMBER
    if role.startswith(("cite", "footcite")):
        return ""
    if role == "numref":
        if explicit:
            return shown.replace("%s", NUMBER).replace("{number}", NUMBER)
        return f"Figure {NUMBER}"
    if role == "doc" and not explicit:
        return "chapter"
    if role == "ref" and not explicit:
        return "section"
    if role == "abbr":
        return _EXPANSION.sub("", content)
    if role in _CODE_ROLES or role.startswith("py:"):
        return _CODE_DOT.sub("\u2024", shown)
    return shown
