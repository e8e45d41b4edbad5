"""Arithmetic on one margin: how far apart two counts are, and what it takes to reverse that.

A *margin* is the winner's votes minus the runner-up's. From it follow the numbers the book
compares across contests: the margin as a share of a total, the fewest voters who would have had to
switch sides (or the fewest votes that would have had to be added) to reverse it, and what a given
number of switches leaves. These functions take plain integers and know nothing about data files;
:mod:`explainers.contests` applies them to every state contest, so a table column and the scalar a
reader computes by hand come from the same line of code.

Counts must be whole numbers of zero or more (Python or NumPy integers, not floats or bools);
anything else raises with a message naming the argument.
"""

from __future__ import annotations

import numbers

__all__ = [
    "check_count",
    "margin_after_switching",
    "margin_between",
    "percent_of",
    "switches_to_overtake",
    "switches_to_tie",
    "two_party_factor",
    "voters_to_switch",
    "votes_to_add",
]


def check_count(value: object, what: str, unit: str = "votes") -> int:
    """Return ``value`` as an ``int`` if it is a whole number of zero or more; raise otherwise.

    ``unit`` names what is counted in the message (votes by default; ballots, draws, trials or units
    in :mod:`explainers.audits`).

    Raises
    ------
    TypeError
        If ``value`` is not an integer (floats, strings and bools are refused).
    ValueError
        If ``value`` is negative.

    Examples
    --------
    >>> check_count(537, "margin")
    537
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{what} must be a whole number of {unit}, got {value!r}")
    if value < 0:
        raise ValueError(f"{what} must be zero or more, got {int(value):,}")
    return int(value)


def margin_between(winner_votes: int, runner_up_votes: int) -> int:
    """Return ``winner_votes - runner_up_votes``, refusing negative counts and a reversed order.

    Examples
    --------
    >>> margin_between(2_912_790, 2_912_253)
    537
    """
    winner_votes = check_count(winner_votes, "winner_votes")
    runner_up_votes = check_count(runner_up_votes, "runner_up_votes")
    if runner_up_votes > winner_votes:
        raise ValueError(
            f"runner_up_votes ({runner_up_votes:,}) exceed winner_votes ({winner_votes:,}): "
            "pass the larger count first"
        )
    return winner_votes - runner_up_votes


def percent_of(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole`` (a margin as a share of the votes cast, say).

    Raises
    ------
    ValueError
        If ``whole`` is zero or ``part`` exceeds it.

    Examples
    --------
    >>> round(percent_of(537, 5_963_110), 4)
    0.009
    """
    part, whole = check_count(part, "part"), check_count(whole, "whole")
    if whole == 0:
        raise ValueError("whole must be more than zero")
    if part > whole:
        raise ValueError(f"part ({part:,}) exceeds whole ({whole:,})")
    return 100 * part / whole


def two_party_factor(total_votes: int, two_party_votes: int) -> float:
    """How many times larger a margin looks as a share of the two-party vote than of all votes.

    A margin *m* is ``100 m / total`` percent of all votes and ``100 m / two_party`` percent of the
    top two's votes; the second is the first times ``total / two_party``, which is
    ``1 / (1 - s)`` for a share *s* of the votes going to other candidates. It does not depend on
    the margin, so it compares states fairly where the gap between the two percentages does not.

    Raises
    ------
    ValueError
        If ``two_party_votes`` is zero or more than ``total_votes``.

    Examples
    --------
    >>> two_party_factor(100, 80)
    1.25
    """
    total = check_count(total_votes, "total_votes")
    two_party = check_count(two_party_votes, "two_party_votes")
    if not 0 < two_party <= total:
        raise ValueError(
            f"two_party_votes must be above 0 and at most total_votes ({total:,}), got {two_party:,}"
        )
    return total / two_party


def voters_to_switch(margin: int) -> int:
    """Fewest voters who, moving from the winner to the runner-up, would reverse a ``margin``.

    Each switched voter takes one vote from the winner and gives one to the runner-up, so the
    margin shrinks by two; to put the runner-up strictly ahead takes ``margin // 2 + 1`` voters.
    (Half the margin, rounded down, only produces a tie when the margin is even.)

    Examples
    --------
    >>> voters_to_switch(537)
    269
    >>> voters_to_switch(0)
    1
    """
    return check_count(margin, "margin") // 2 + 1


def switches_to_tie(margin: int) -> int | None:
    """Voters who would have to switch to produce an exact tie, or ``None`` for an odd margin.

    Every switch changes the margin by two, so an odd margin can never become a tie.

    Examples
    --------
    >>> switches_to_tie(1000), switches_to_tie(537)
    (500, None)
    """
    margin = check_count(margin, "margin")
    return None if margin % 2 else margin // 2


def margin_after_switching(margin: int, switched: int) -> int:
    """The winner's margin after ``switched`` voters moved to the runner-up (negative: reversed).

    Raises
    ------
    ValueError
        If ``switched`` is negative.

    Examples
    --------
    >>> margin_after_switching(537, 268), margin_after_switching(537, 269)
    (1, -1)
    """
    return check_count(margin, "margin") - 2 * check_count(switched, "switched")


def switches_to_overtake(winner_votes: int, challenger_votes: int, other_votes: int = 0) -> int:
    """Fewest voters switching from the winner to a challenger that put the challenger first.

    Usually :func:`voters_to_switch` of the margin. But when a third candidate (``other_votes``) is
    ahead of the challenger, the challenger must also pass that candidate, whose total the switches
    do not change.

    Raises
    ------
    ValueError
        If a count is negative, ``winner_votes`` is not the largest of the three, or even
        switching every one of the winner's voters would not put the challenger first.

    Examples
    --------
    >>> switches_to_overtake(10, 4, 0), switches_to_overtake(10, 4, 9)
    (4, 6)
    """
    winner_votes = check_count(winner_votes, "winner_votes")
    challenger_votes = check_count(challenger_votes, "challenger_votes")
    other_votes = check_count(other_votes, "other_votes")
    if challenger_votes > winner_votes or other_votes > winner_votes:
        raise ValueError("winner_votes must be the largest count")
    needed = max(
        voters_to_switch(winner_votes - challenger_votes), other_votes - challenger_votes + 1
    )
    if needed > winner_votes:
        raise ValueError(
            f"switching all {winner_votes:,} of the winner's voters leaves the challenger "
            f"({challenger_votes + winner_votes:,}) short of the other candidate ({other_votes:,})"
        )
    return needed


def votes_to_add(margin: int) -> int:
    """Fewest new votes for the runner-up alone that would reverse a ``margin`` (``margin + 1``).

    Examples
    --------
    >>> votes_to_add(537)
    538
    """
    return check_count(margin, "margin") + 1
