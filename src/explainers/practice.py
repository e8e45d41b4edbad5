"""Practice questions that check the reader's answer: in the page, and in Jupyter.

A chapter's practice questions (:func:`questions`) each have an answer the package computes from
``data/`` when the book is built, never a typed number. On the website a question is a small form
(:meth:`Question._repr_html_`): the page's script (``_static/closecalls-practice.js``) checks the
answer the reader types with the same rules as :func:`check`, says whether it is right, and points
to the section that explains it; the worked answer stays folded until asked for. In Jupyter,
:func:`panel` gives the same check as a widget.

The rules, here and in the page: spaces and thousands separators are ignored (``22,748``,
``22 748``); a leading ``+`` or minus sign is kept; a number may end with ``%`` where the answer is
a percentage (the sign may also be left out) and with the answer's unit word (``537 votes``); a
number is right when it lies within the question's tolerance of the answer (half a unit of the
last digit the question asks for). A choice question is right when the reader picks its answer.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ipywidgets as w

__all__ = [
    "Question",
    "Verdict",
    "check",
    "panel",
    "parse_number",
    "question",
    "questions",
    "register",
]


@dataclass(frozen=True)
class Question:
    """One practice question.

    ``kind`` is ``"number"`` (``answer`` a float; ``tolerance`` how far off is still right;
    ``percent`` whether it is a percentage; ``units`` the unit words a reader may add) or
    ``"choice"`` (``answer`` the right one of ``choices``). ``section`` and ``anchor`` name the
    section that explains it, for the hint; ``worked`` is the folded worked answer.
    """

    key: str
    prompt: str
    kind: str
    answer: float | str
    section: str
    anchor: str
    worked: str
    tolerance: float = 0.0
    percent: bool = False
    units: tuple[str, ...] = ()
    choices: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", self.key):
            raise ValueError(f"key must be lower-case words joined by hyphens, got {self.key!r}")
        if self.kind == "number":
            if isinstance(self.answer, bool) or not isinstance(self.answer, int | float):
                raise TypeError(f"a number question's answer must be a number, got {self.answer!r}")
            if not math.isfinite(self.answer) or not math.isfinite(self.tolerance):
                raise ValueError(f"answer and tolerance must be finite numbers ({self.key})")
            if self.tolerance < 0:
                raise ValueError(f"tolerance must be zero or more, got {self.tolerance!r}")
        elif self.kind == "choice":
            if self.answer not in self.choices:
                raise ValueError(f"answer {self.answer!r} is not one of the choices {self.choices}")
        else:
            raise ValueError(f"kind must be 'number' or 'choice', got {self.kind!r}")

    def _repr_html_(self) -> str:
        """The question as the page's form: the page's script checks it (see the module)."""
        key = html.escape(self.key)
        data = {
            "kind": self.kind,
            "answer": self.answer,
            "tolerance": self.tolerance,
            "percent": self.percent,
            "units": list(self.units),
            "section": self.section,
            "anchor": self.anchor,
        }
        attrs = html.escape(json.dumps(data, sort_keys=True), quote=True)
        if self.kind == "number":
            example = "e.g. 12.5%" if self.percent else "e.g. 1,234"
            field_html = (
                f'<label for="cc-q-{key}-input">Your answer</label> '
                f'<input id="cc-q-{key}-input" name="answer" type="text" inputmode="decimal" '
                f'autocomplete="off" placeholder="{example}" aria-describedby="cc-q-{key}-result">'
            )
        else:
            options = "".join(
                f'<label><input type="radio" name="answer" value="{html.escape(c, quote=True)}"> '
                f"{html.escape(c)}</label>"
                for c in self.choices
            )
            field_html = f"<fieldset><legend>Your answer</legend>{options}</fieldset>"
        return (
            f'<form class="cc-practice" id="cc-q-{key}" data-question="{attrs}" '
            f'aria-labelledby="cc-q-{key}-prompt">'
            f'<p class="cc-practice-prompt" id="cc-q-{key}-prompt"><strong>Check yourself.</strong> '
            f"{html.escape(self.prompt)}</p>"
            f'<div class="cc-practice-field">{field_html} '
            f'<button type="submit">Check</button></div>'
            f'<p class="cc-practice-result" id="cc-q-{key}-result" role="status" '
            f'aria-live="polite"></p>'
            f'<button type="button" class="cc-practice-show" aria-expanded="false" '
            f'aria-controls="cc-q-{key}-answer">Show the answer</button>'
            f'<p class="cc-practice-answer" id="cc-q-{key}-answer" hidden>'
            f"{html.escape(self.worked)}</p></form>"
        )

    def __repr__(self) -> str:
        return f"<Question {self.key}: {self.prompt}>"


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`check`: ``right`` is ``None`` when the text is not an answer at all."""

    right: bool | None
    message: str


_MINUS = "\u2212"

#: Unit words a reader may write after any number, besides the question's own.
_UNIT_WORDS = ("votes", "voters", "ballots", "ballot cards", "cards", "electors", "people")

#: A number as a reader writes it: digits grouped by thousands (a comma, a space, a no-break or a
#: thin space) or not grouped, an optional decimal part, an optional sign.
_NUMBER = re.compile(
    r"[+-]?(([1-9][0-9]{0,2}([, \t\u00a0\u2009][0-9]{3})+|[0-9]+)(\.[0-9]*)?|\.[0-9]+)"
)
_SEPARATOR = re.compile(r"[, \t\u00a0\u2009]")


def parse_number(text: str, *, percent: bool = False, units: tuple[str, ...] = ()) -> float | None:
    """The number a reader wrote, or ``None`` if the text is not one (see the module's rules).

    Examples
    --------
    >>> parse_number("22,748"), parse_number(" 22 748 votes ", units=("votes",))
    (22748.0, 22748.0)
    >>> parse_number("0.76%", percent=True), parse_number("0.76", percent=True)
    (0.76, 0.76)
    >>> parse_number("0.76%"), parse_number("many"), parse_number("1,2,3.4.5"), parse_number("0,009")
    (None, None, None, None)
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {text!r}")
    value = text.strip().lower().replace(_MINUS, "-")
    for unit in sorted((*units, *_UNIT_WORDS), key=len, reverse=True):
        if value.endswith(unit.lower()) and value[: -len(unit)].rstrip()[-1:].isdigit():
            value = value[: -len(unit)].rstrip()
            break
    for word in ("per cent", "percent"):
        if value.endswith(word):
            value = value[: -len(word)].rstrip() + "%"
    if value.endswith("%"):
        if not percent:
            return None
        value = value[:-1].rstrip()
    # ASCII digits only, as in the page (Python's \d would also take other scripts' digits), and
    # thousands separators only where they group thousands: "0,009" is not 9.
    if not _NUMBER.fullmatch(value):
        return None
    return float(_SEPARATOR.sub("", value))


def check(question: Question, text: str) -> Verdict:
    """Whether ``text`` answers ``question``, and what to tell the reader.

    Examples
    --------
    >>> q = Question("demo", "Half of 537, rounded down, plus one?", "number", 269, "Margins",
    ...              "margins", "537 // 2 + 1 = 269.", units=("votes",))
    >>> check(q, "269 votes").right, check(q, "268").right, check(q, "lots").right
    (True, False, None)
    """
    if question.kind == "choice":
        if text not in question.choices:
            return Verdict(None, "Pick one of the answers.")
        right = text == question.answer
    else:
        number = parse_number(text, percent=question.percent, units=question.units)
        if number is None:
            example = "12.5%" if question.percent else "1,234"
            return Verdict(None, f"Write a number, for example {example}.")
        right = abs(number - float(question.answer)) <= question.tolerance + 1e-9
    if right:
        return Verdict(True, "Right.")
    return Verdict(False, f"Not quite. Hint: see the section “{question.section}”.")


#: Each chapter's questions, built on demand by the function registered for it.
_CHAPTERS: dict[str, Callable[[], list[Question]]] = {}


def register(
    chapter: str,
) -> Callable[[Callable[[], list[Question]]], Callable[[], list[Question]]]:
    """Decorator: the function that builds ``chapter``'s questions (from the package, at build time)."""

    def wrap(build: Callable[[], list[Question]]) -> Callable[[], list[Question]]:
        _CHAPTERS[chapter] = build
        return build

    return wrap


def questions(chapter: str) -> list[Question]:
    """The practice questions of ``chapter`` (its page name, e.g. ``"margins"``).

    Raises
    ------
    ValueError
        For a chapter without questions.
    """
    from explainers import practice_questions  # noqa: F401  (registers the chapters' questions)

    if chapter not in _CHAPTERS:
        raise ValueError(f"chapter must be one of {sorted(_CHAPTERS)}, got {chapter!r}")
    return _CHAPTERS[chapter]()


def question(chapter: str, key: str) -> Question:
    """One of ``chapter``'s questions, by its key.

    Raises
    ------
    ValueError
        For an unknown chapter, or a key that is not one of the chapter's questions.
    """
    found = {q.key: q for q in questions(chapter)}
    if key not in found:
        raise ValueError(f"key must be one of {sorted(found)} for {chapter!r}, got {key!r}")
    return found[key]


def panel(chapter: str) -> w.VBox:
    """The chapter's questions as a Jupyter panel: a text box or menu, a button and the verdict."""
    import ipywidgets as w

    from explainers.widgets import STYLE

    rows = []
    for question in questions(chapter):
        if question.kind == "choice":
            field_widget = w.Dropdown(
                options=["", *question.choices], description="Answer", style=STYLE
            )
        else:
            field_widget = w.Text(description="Answer", placeholder="e.g. 1,234", style=STYLE)
        button = w.Button(description="Check")
        result = w.HTML()

        def on_click(_: object, q: Question = question, f=field_widget, r=result) -> None:
            r.value = html.escape(check(q, f.value).message)

        button.on_click(on_click)
        rows.append(w.VBox([w.HTML(f"<b>{html.escape(question.prompt)}</b>"), field_widget,
                            button, result]))  # fmt: skip
    return w.VBox(rows)
