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
from dataclasses import dataclass
from pathlib import Path

from textstat.textstat import textstatistics

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

_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\s*(?P<info>[^`]*?)\s*$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[^{}\s]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^\s*:[\w-]+:(\s.*)?$")
_CELL = re.compile(r"^\+\+\+(?P<metadata>.*)$")  # a block break, with any metadata
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(\s+#+)?\s*$")
_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)]|:)\s+(?P<text>.*)$")
_THEMATIC_BREAK = re.compile(r"^([-*_])(\s*\1){2,}\s*$")
_TARGET = re.compile(r"^\([^()\s]+\)=\s*$")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s+\S+.*$")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:\s*")
_INLINE = re.compile(
    r"\{(?P<role>[A-Za-z][\w:+.-]*)\}(?P<rtick>`+)(?!`)(?P<rcontent>.*?)(?<!`)(?P=rtick)(?!`)"
    r"|(?<!`)(?P<ctick>`+)(?!`)(?P<ccontent>.+?)(?<!`)(?P=ctick)(?!`)",
    re.DOTALL,
)
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]*)>$", re.DOTALL)
_STASHED = re.compile("\ue000(\\d+)\ue001")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]]+\]")
_SUBSTITUTION = re.compile(r"\{\{.*?\}\}")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_+|_+(?!\w)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A dot before a letter in inline code (``explainers.formatting``, ``.ipynb``) or between digits in the
# text (``0.1%``) ends no sentence, but textstat's splitter would take it for a full stop: it becomes
# a one-dot leader (U+2024), which looks the same. Abbreviations (``U.S.``, ``v.``) are left alone:
# textstat does not count the pieces of two words or fewer they make.
_CODE_DOT = re.compile(r"\.(?=\w)")
_DIGIT_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_CLOSERS = "\"'”’)]*_ "


@dataclass
class _Fence:
    char: str
    length: int
    raw: bool  # a body that is not Markdown
    header: bool = True  # options (``:class: tip``, or a YAML block) may still follow
    yaml: bool = False  # inside the directive's ``---`` options block

    def closed_by(self, line: str) -> bool:
        stripped = line.strip()
        return len(stripped) >= self.length and stripped == self.char * len(stripped)


class _Units:
    """The paragraphs, headings and list items of the prose, in order, each on one line."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.lines: list[str] = []

    def start(self, text: str) -> None:
        self.flush()
        self.lines = [text]

    def add(self, text: str) -> None:
        self.lines.append(text)

    def flush(self) -> None:
        text = _inline(" ".join(self.lines)) if self.lines else ""
        if text:
            self.done.append(_sentence(text))
        self.lines = []


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


def _without_front_matter(source: str) -> list[str]:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        for end, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return lines[end + 1 :]
    return lines


def _without_comments(line: str, in_comment: bool) -> tuple[str | None, bool]:
    """``line`` without its HTML comments (None if it was all comment), and whether one is open."""
    had_comment = in_comment or "<!--" in line
    if in_comment:
        end = line.find("-->")
        if end < 0:
            return None, True
        line = line[end + 3 :]
    line = re.sub(r"<!--.*?-->", "", line)
    start = line.find("<!--")
    if start >= 0:
        line, in_comment = line[:start], True
    else:
        in_comment = False
    if had_comment and not line.strip():
        return None, in_comment
    return line, in_comment


def prose(source: str) -> str:
    r"""The text a student reads in a chapter, from its MyST Markdown notebook source.

    Kept, one block a line: paragraphs, headings and list items, block quotes, and the text of
    admonitions, exercises and solutions, with admonition titles as headings. Each block ends a
    sentence: a heading or a list item is read on its own, so one that does not end with ``.``,
    ``!`` or ``?`` gets a full stop (in place of a final ``;``, ``:`` or ``,``, which textstat does
    not take for the end of a sentence), and so does the line that introduces a list.

    Dropped: the YAML front matter; code cells and every other fenced block of code, mathematics or
    raw content; the ``+++`` cell markers, and a Markdown cell whose marker tags it ``remove-cell``
    (up to the next marker or code cell); directive options (``:class: tip``); HTML and MyST
    (``%``) comments; ``$$`` and ``\begin`` math blocks; table rows (lines starting with ``|``);
    targets (``(label)=``); images.

    Inline: ``{eval}`` becomes :data:`NUMBER`; ``{cite}`` disappears (the page prints it in
    parentheses, which a reader skips); ``{term}``, ``{ref}``, ``{doc}`` and links keep the text
    they show, ``{doc}`` without one becomes "chapter", ``{ref}`` "section" and ``{numref}``
    "Figure ten"; emphasis markers and backticks go, the text of inline code stays. A dot inside
    inline code or a number (``explainers.formatting``, ``0.1%``) becomes a one-dot leader (U+2024), so
    that it does not end a sentence.

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
    units = _Units()
    stack: list[_Fence] = []
    removing = False  # inside a Markdown cell tagged remove-cell
    in_comment = False
    in_math = ""  # "$$" or "\\begin" while inside a math block
    for line in _without_front_matter(source):
        top = stack[-1] if stack else None
        if top is not None and top.raw:
            if top.closed_by(line):
                stack.pop()
            continue
        cleaned, in_comment = _without_comments(line, in_comment)
        if cleaned is None:
            continue
        line, stripped = cleaned, cleaned.strip()
        if in_math:
            if (in_math == "$$" and "$$" in stripped) or (
                in_math == "\\begin" and stripped.startswith("\\end{")
            ):
                in_math = ""
            continue
        if top is not None and top.header:
            if top.yaml:
                top.yaml = stripped != "---"
                continue
            if stripped == "---":
                top.yaml = True
                continue
            if _OPTION.match(line):
                continue
            top.header = False
        if top is not None and top.closed_by(line):
            stack.pop()
            units.flush()
            continue
        if top is None and (cell := _CELL.match(line)):
            units.flush()
            removing = _cell_removed(cell["metadata"])
            continue
        if fence := _FENCE.match(line):
            units.flush()
            directive = _DIRECTIVE.match(fence["info"])
            name = directive["name"].lower() if directive else ""
            if top is None and name == "code-cell":
                removing = False
            stack.append(
                _Fence(
                    fence["fence"][0], len(fence["fence"]), not directive or name in _RAW_DIRECTIVES
                )
            )
            if directive and not removing and name in _TITLED_DIRECTIVES and directive["argument"]:
                units.start(directive["argument"])
                units.flush()
            continue
        if removing:
            continue
        _markdown_line(stripped, units)
        if stripped.startswith("$$") and not (len(stripped) > 2 and stripped.endswith("$$")):
            in_math = "$$"
        elif stripped.startswith("\\begin{"):
            in_math = "\\begin"
    units.flush()
    return "\n".join(units.done)


def _markdown_line(stripped: str, units: _Units) -> None:
    """Add one line of Markdown, stripped of its indentation, to ``units``."""
    stripped = re.sub(r"^(>\s?)+", "", stripped).strip()  # block quotes
    if (
        not stripped
        or stripped.startswith(("|", "$$", "\\begin{"))  # table rows, math
        or _TARGET.match(stripped)
    ):
        units.flush()
    elif stripped.startswith("%") or _LINK_DEFINITION.match(stripped):
        pass  # MyST comments, link definitions
    elif re.fullmatch(r"=+", stripped) or (re.fullmatch(r"-{2,}", stripped) and units.lines):
        units.flush()  # the underline of a setext heading
    elif _THEMATIC_BREAK.match(stripped):
        units.flush()
    elif heading := _HEADING.match(stripped):
        units.start(heading["text"])
        units.flush()
    elif item := _ITEM.match(stripped):
        units.start(item["text"])
    elif footnote := _FOOTNOTE_DEFINITION.match(stripped):
        units.start(stripped[footnote.end() :])
    else:
        units.add(stripped)


def _inline(text: str) -> str:
    """The visible text of one paragraph's inline Markdown."""
    text = text.replace("\ue000", "").replace("\ue001", "")
    code: list[str] = []

    def stash(shown: str) -> str:
        code.append(_CODE_DOT.sub("\u2024", shown))
        return f"\ue000{len(code) - 1}\ue001"

    def replace(match: re.Match[str]) -> str:
        if match["role"] is None:
            return stash(match["ccontent"].strip())
        role, content = match["role"].lower(), match["rcontent"]
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
            return re.sub(r"\s*\(.*\)\s*$", "", content, flags=re.DOTALL)
        if role in _CODE_ROLES or role.startswith("py:"):
            return stash(shown)
        return shown

    text = _INLINE.sub(replace, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m["text"], text)
    text = _FOOTNOTE_REFERENCE.sub("", text)
    text = _SUBSTITUTION.sub(NUMBER, text)
    text = _TAG.sub("", text)
    text = text.replace("*", "").replace("~~", "")
    text = _EMPHASIS_UNDERSCORE.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _STASHED.sub(lambda m: code[int(m[1])], text)
    text = text.replace("`", "")  # backticks of a role or code span left unclosed
    text = _DIGIT_DOT.sub("\u2024", text)
    text = re.sub(r"\(\s*\)", "", text)  # parentheses emptied by a citation
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:!?)\]])(?=\s|$)", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    return text.strip()
