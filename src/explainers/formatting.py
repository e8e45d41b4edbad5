"""How the book writes numbers in its prose: ``{eval}`count(fl.margin)``` prints ``537``.

A chapter's text names the value it prints with an inline expression (the ``{eval}`` role), which
myst-nb evaluates when it builds the site and JupyterLab (with jupyterlab-myst) shows from the
notebook. The expressions may only call functions and read attributes, never compute (the build's
``nb_eval_name_regex`` refuses operators), so every number in the text is one hop from the package
function that made it; these helpers only write it down.
"""

from __future__ import annotations

import numbers

import pandas as pd

from explainers.canvass import round_to

__all__ = ["count", "date", "dollars", "interval", "pct", "points", "rounded", "signed", "times"]


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what} must be a number, got {value!r}")
    return float(value)


def count(value: int) -> str:
    """A whole number with thousands separators: ``2,912,790``.

    Examples
    --------
    >>> count(2912790)
    '2,912,790'
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"count takes a whole number, got {value!r}")
    return f"{int(value):,}"


def dollars(value: int) -> str:
    """A whole number of dollars: ``$1,494,086``.

    Examples
    --------
    >>> dollars(1494086)
    '$1,494,086'
    """
    return "$" + count(value)


def signed(value: int) -> str:
    """A whole number with its sign: ``+131``, ``-3,238``.

    Examples
    --------
    >>> signed(131), signed(-3238)
    ('+131', '-3,238')
    """
    return ("+" if value > 0 else "") + count(value)


def pct(value: float, digits: int = 3) -> str:
    """A percentage: ``0.009%``.

    Examples
    --------
    >>> pct(0.0090053), pct(47.81, 1)
    ('0.009%', '47.8%')
    """
    return f"{_number(value, 'pct'):.{digits}f}%"


def times(value: float, digits: int = 0) -> str:
    """A ratio written for "about N times": ``20`` or ``42.3``.

    Examples
    --------
    >>> times(19.93), times(42.26, 1)
    ('20', '42.3')
    """
    return f"{_number(value, 'times'):,.{digits}f}"


def rounded(value: int, step: int = 1000) -> str:
    """A whole number rounded to ``step`` (see :func:`explainers.canvass.round_to`): ``27,000``.

    Examples
    --------
    >>> rounded(26708)
    '27,000'
    """
    return count(round_to(value, step))


def date(value: pd.Timestamp) -> str:
    """A date as the prose writes it, on every platform (``%-d`` works only with glibc).

    Examples
    --------
    >>> date(pd.Timestamp("2016-11-03"))
    '3 November 2016'
    """
    value = pd.Timestamp(value)
    return f"{value.day} {value:%B %Y}"


def points(value: float, digits: int = 1) -> str:
    """A difference in percentage points, in words: ``8.8 points lower``, ``0.4 points higher``.

    Examples
    --------
    >>> points(-8.774), points(0.38), points(0.01)
    ('8.8 points lower', '0.4 points higher', 'no different (0.0 points)')
    """
    value = _number(value, "points")
    size = f"{abs(value):.{digits}f}"
    if float(size) == 0:
        return f"no different ({size} points)"
    return f"{size} points {'lower' if value < 0 else 'higher'}"


def interval(low: float, high: float, digits: int = 1) -> str:
    """A confidence interval in points, signed: ``from −13.6 to −4.0 points``.

    Examples
    --------
    >>> interval(-13.598, -3.95), interval(-1.1, 0.33)
    ('from −13.6 to −4.0 points', 'from −1.1 to +0.3 points')
    """
    ends = [f"{_number(v, 'interval'):+.{digits}f}".replace("-", "\u2212") for v in (low, high)]
    return f"from {ends[0]} to {ends[1]} points"
