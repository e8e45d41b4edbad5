"""How many ballots a post-election audit must examine, and what a sample can detect.

A **risk-limiting audit** (RLA) checks a reported outcome against the paper ballots, examining
ballots until the evidence that the outcome is right is strong enough; if the outcome is wrong, the
chance that the audit stops before a full hand count is at most the **risk limit**. This module
computes the sizes and risks of the two classic designs, and of the older fixed-percentage audit:

- a **ballot-level comparison audit** compares sampled paper ballots with how the voting system
  recorded them (Stark's "super-simple" Kaplan-Markov method): :func:`comparison_sample_size`,
  :func:`kaplan_markov_p_value`;
- a **ballot-polling audit** only reads sampled ballots (BRAVO): :func:`bravo_asn`,
  :func:`bravo_risk`, and whole audits simulated with :func:`simulate_bravo` or computed exactly
  with :func:`bravo_stopping_probabilities`;
- a **fixed-percentage audit** hand counts a random set of precincts or wards and can only catch
  errors in the units it draws: :func:`precinct_sample_detection`, :func:`precinct_sample_size`.

The **diluted margin** is the margin in votes divided by all ballots cast in the contest
(:func:`diluted_margin`); ballots for other candidates dilute the evidence each sampled ballot gives.

Closed forms come from the papers named in each function's References and are tested against the
values printed there. Every function checks its inputs and names the one that is wrong.
"""

from __future__ import annotations

import math
import numbers
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
from scipy import stats

from explainers.margins import check_count

if TYPE_CHECKING:
    from explainers.contests import ContestMargin

__all__ = [
    "GAMMA",
    "MIN_BRAVO_LEAD",
    "MIN_RISK_LIMIT",
    "AuditSizes",
    "BravoSimulation",
    "audit_sizes",
    "bravo_asn",
    "bravo_path",
    "bravo_risk",
    "bravo_stopping_probabilities",
    "check_risk_limit",
    "comparison_sample_size",
    "diluted_margin",
    "kaplan_markov_p_value",
    "precinct_sample_detection",
    "precinct_sample_size",
    "simulate_bravo",
]

#: The error inflation factor used in the worked examples of Lindeman & Stark (2012).
GAMMA = 1.03905

# Tolerance when comparing a product of likelihood ratios with 1/risk_limit on the log scale, so
# that a statistic exactly equal to the threshold stops the audit, as BRAVO's ``T >= 1/alpha`` says.
_LOG_TOLERANCE = 1e-12

#: The smallest risk limit accepted: the smallest normal float (about 2.2e-308). Below it
#: ``1 / risk_limit`` overflows to infinity, and so would ``ln(1 / risk_limit)``.
MIN_RISK_LIMIT = sys.float_info.min

#: How far above 0.5 a winner's share must be for :func:`bravo_asn`. Its denominator,
#: ``s ln 2s + (1 - s) ln 2(1 - s)``, is about ``2 (s - 0.5)^2`` but is the difference of two terms
#: of about ``±(s - 0.5)``; in double precision its relative error stays below about 2e-7 down to
#: ``s - 0.5 = 1e-9`` (an average of some 10^18 ballots) and grows quickly below, to 100% by
#: ``s - 0.5 = 1e-16``, where it rounds to zero (tested against its exact power series).
MIN_BRAVO_LEAD = 1e-9


def _real(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what} must be a number, got {value!r}")
    number = float(value)
    if math.isnan(number):
        raise ValueError(f"{what} must be a number, got NaN")
    return number


def _at_least_one(value: int, what: str) -> int:
    if value < 1:
        raise ValueError(f"{what} must be at least 1, got {value:,}")
    return value


def check_risk_limit(risk_limit: object) -> float:
    """Return ``risk_limit`` as a float if it lies strictly between 0 and 1; raise otherwise.

    A risk limit below :data:`MIN_RISK_LIMIT` (the smallest normal float, about 2.2e-308) is refused
    too: ``1 / risk_limit`` would overflow to infinity in the formulas that use it.

    Examples
    --------
    >>> check_risk_limit(0.1)
    0.1
    """
    alpha = _real(risk_limit, "risk_limit")
    if not 0 < alpha < 1:
        raise ValueError(
            f"risk_limit must be strictly between 0 and 1 (e.g. 0.1 for 10%), got {risk_limit!r}"
        )
    if alpha < MIN_RISK_LIMIT:
        raise ValueError(
            f"risk_limit must be at least {MIN_RISK_LIMIT!r} (the smallest normal float; "
            f"1/risk_limit overflows below it), got {risk_limit!r}"
        )
    return alpha


def _check_margin(value: object) -> float:
    margin = _real(value, "diluted_margin")
    if not 0 < margin <= 1:
        raise ValueError(
            "diluted_margin must be more than 0 and at most 1 (a fraction of the ballots cast, "
            f"e.g. 0.05 for 5%), got {value!r}"
        )
    return margin


def _check_share(value: object, what: str) -> float:
    share = _real(value, what)
    if not 0.5 < share <= 1:
        raise ValueError(
            f"{what} must be more than 0.5 and at most 1 (the reported winner's share of the two "
            f"candidates' votes), got {value!r}"
        )
    return share


def _true_share(value: object, reported: float) -> float:
    """The winner's true share of the two candidates' votes: ``reported`` when ``None``, else in [0, 1]."""
    if value is None:
        return reported
    share = _real(value, "true_winner_share")
    if not 0 <= share <= 1:
        raise ValueError(f"true_winner_share must be between 0 and 1, got {value!r}")
    return share


def _check_gamma(value: object) -> float:
    """``gamma`` if it is a finite number more than 1: at infinity every P-value would be 1."""
    gamma = _real(value, "gamma")
    if not 1 < gamma < math.inf:
        raise ValueError(
            f"gamma (the error inflation factor) must be more than 1 and finite, got {value!r}"
        )
    return gamma


def diluted_margin(margin: int, ballots: int) -> float:
    """The margin in votes as a fraction of all ballots cast in the contest.

    Raises
    ------
    ValueError
        If the margin is zero (a tie cannot be confirmed by a sample) or larger than ``ballots``.

    Examples
    --------
    >>> diluted_margin(537, 5_963_110)  # Florida 2000
    9.005368004279646e-05
    """
    margin = check_count(margin, "margin")
    ballots = check_count(ballots, "ballots", "ballots")
    if margin == 0:
        raise ValueError("margin must be at least 1 vote: a tie has no reported winner to confirm")
    if margin > ballots:
        raise ValueError(
            f"margin ({margin:,}) cannot be larger than the ballots cast ({ballots:,})"
        )
    return margin / ballots


def _discrepancy_log_weight(gamma: float, o1: int, o2: int, u1: int, u2: int) -> float:
    """``o1 ln(1 - 1/(2γ)) + o2 ln(1 - 1/γ) + u1 ln(1 + 1/(2γ)) + u2 ln(1 + 1/γ)``."""
    return (
        o1 * math.log1p(-1 / (2 * gamma))
        + o2 * math.log1p(-1 / gamma)
        + u1 * math.log1p(1 / (2 * gamma))
        + u2 * math.log1p(1 / gamma)
    )


def _discrepancies(o1: object, o2: object, u1: object, u2: object) -> tuple[int, int, int, int]:
    return (
        check_count(o1, "o1 (one-vote overstatements)", "ballots"),
        check_count(o2, "o2 (two-vote overstatements)", "ballots"),
        check_count(u1, "u1 (one-vote understatements)", "ballots"),
        check_count(u2, "u2 (two-vote understatements)", "ballots"),
    )


def comparison_sample_size(
    diluted_margin: float,
    risk_limit: float,
    *,
    o1: int = 0,
    o2: int = 0,
    u1: int = 0,
    u2: int = 0,
    gamma: float = GAMMA,
) -> int:
    """Ballots a ballot-level comparison audit examines before it can stop (Kaplan-Markov bound).

    The "super-simple" rule of Stark (2010) as given by Lindeman & Stark (2012, eq. for the initial
    sample size)::

        n = ceil( -2γ [ln α + o1 ln(1 - 1/(2γ)) + o2 ln(1 - 1/γ)
                        + u1 ln(1 + 1/(2γ)) + u2 ln(1 + 1/γ)] / μ )

    where μ is the diluted margin, α the risk limit, and o1, o2, u1, u2 the one- and two-vote
    overstatements and understatements expected (or found) in the sample. With no discrepancies it
    is ``ceil(2γ ln(1/α) / μ)``. The result is never below the number of discrepancies, since they
    are ballots of the sample.

    Parameters
    ----------
    diluted_margin
        Margin in votes divided by the ballots cast (in (0, 1]); see :func:`diluted_margin`.
    risk_limit
        The largest chance the audit may confirm a wrong outcome (in (0, 1)).
    o1, o2, u1, u2
        Counts of discrepancies, whole numbers of zero or more.
    gamma
        Error inflation factor, more than 1 (the papers' examples use 1.03905).

    Returns
    -------
    int
        The sample size.

    Raises
    ------
    TypeError, ValueError
        On a margin outside (0, 1], a risk limit outside (0, 1) or below :data:`MIN_RISK_LIMIT`,
        a negative or fractional discrepancy count, ``gamma <= 1`` or an infinite ``gamma``, or a
        margin so small (or ``gamma`` so large) that the size overflows a float.

    References
    ----------
    Lindeman, M. and Stark, P. B. (2012). A Gentle Introduction to Risk-Limiting Audits. IEEE
    Security & Privacy 10(5). Stark, P. B. (2010). Super-Simple Simultaneous Single-Ballot
    Risk-Limiting Audits. EVT/WOTE '10.

    Examples
    --------
    >>> [comparison_sample_size(m, 0.10) for m in (0.20, 0.10, 0.05)]
    [24, 48, 96]
    """
    mu = _check_margin(diluted_margin)
    alpha = check_risk_limit(risk_limit)
    gamma = _check_gamma(gamma)
    o1, o2, u1, u2 = _discrepancies(o1, o2, u1, u2)
    size = -2 * gamma * (math.log(alpha) + _discrepancy_log_weight(gamma, o1, o2, u1, u2)) / mu
    if not math.isfinite(size):
        raise ValueError(
            f"the sample size for diluted_margin {mu!r} and gamma {gamma!r} is too large to "
            "compute (it overflows a float): the margin is too small or gamma too large"
        )
    return max(math.ceil(size), o1 + o2 + u1 + u2)


def kaplan_markov_p_value(
    diluted_margin: float,
    n: int,
    *,
    o1: int = 0,
    o2: int = 0,
    u1: int = 0,
    u2: int = 0,
    gamma: float = GAMMA,
) -> float:
    """The Kaplan-Markov P-value of a comparison audit after ``n`` ballots with these discrepancies.

    ``P = (1 - μ/(2γ))^n / [(1 - 1/(2γ))^o1 (1 - 1/γ)^o2 (1 + 1/(2γ))^u1 (1 + 1/γ)^u2]``, capped at 1
    (Lindeman & Stark 2012). The audit may stop once ``P`` is at most the risk limit.

    Raises
    ------
    TypeError, ValueError
        On a margin outside (0, 1], a negative or fractional count, more discrepancies than
        ballots examined, or ``gamma`` not more than 1 or infinite (every P-value would be 1).

    Examples
    --------
    >>> round(kaplan_markov_p_value(0.05, 96), 4)
    0.0965
    """
    mu = _check_margin(diluted_margin)
    n = check_count(n, "n (ballots examined)", "ballots")
    gamma = _check_gamma(gamma)
    o1, o2, u1, u2 = _discrepancies(o1, o2, u1, u2)
    if o1 + o2 + u1 + u2 > n:
        raise ValueError(
            f"the discrepancies ({o1 + o2 + u1 + u2}) cannot outnumber the ballots examined ({n})"
        )
    log_p = n * math.log1p(-mu / (2 * gamma)) - _discrepancy_log_weight(gamma, o1, o2, u1, u2)
    return min(1.0, math.exp(log_p))


def _bravo_steps(winner_share: float) -> tuple[float, float]:
    """``(ln 2s, ln 2(1 - s))``: how ``ln T`` moves on a ballot for the winner, or the loser."""
    return math.log(2 * winner_share), (
        math.log(2 * (1 - winner_share)) if winner_share < 1 else -math.inf
    )


def bravo_asn(winner_share: float, risk_limit: float, *, other_share: float = 0.0) -> int:
    """Average sample number of a two-candidate BRAVO ballot-polling audit, when the report is right.

    Wald's approximation as printed by Lindeman, Stark & Yates (2012)::

        ASN ≈ (ln(1/α) + z_w / 2) / (p_w z_w + p_l z_l),  z_w = ln 2s,  z_l = ln 2(1 - s)

    rounded up, where s is the winner's share of the two candidates' votes and p_w, p_l the
    winner's and loser's shares of all ballots (``other_share`` of the ballots are for neither).

    Parameters
    ----------
    winner_share
        The reported winner's share of the two candidates' votes, in (0.5, 1], and at least
        ``0.5 + MIN_BRAVO_LEAD`` (1e-9): closer to a tie, the denominator, about ``2 (s - 0.5)^2``,
        is lost in floating-point rounding (it is exactly 0 at ``0.5 + 1e-16``), and the average
        would be more than 10^18 ballots anyway.
    risk_limit
        In (0, 1), at least :data:`MIN_RISK_LIMIT`.
    other_share
        Fraction of all ballots for neither candidate, in [0, 1); those ballots cost a draw each
        and give no evidence.

    Raises
    ------
    TypeError, ValueError
        On a share outside (0.5, 1] or within ``MIN_BRAVO_LEAD`` of 0.5, a risk limit outside
        (0, 1) or below :data:`MIN_RISK_LIMIT`, or ``other_share`` outside [0, 1).

    References
    ----------
    Lindeman, M., Stark, P. B. and Yates, V. (2012). BRAVO: Ballot-polling Risk-limiting Audits to
    Verify Outcomes. EVT/WOTE '12.

    Examples
    --------
    >>> bravo_asn(0.60, 0.10)
    119
    """
    s = _check_share(winner_share, "winner_share")
    if s - 0.5 < MIN_BRAVO_LEAD:  # exact: s and 0.5 are within a factor of 2 (Sterbenz)
        raise ValueError(
            f"winner_share must be at least 0.5 + {MIN_BRAVO_LEAD!r} for an average sample "
            f"number, got {winner_share!r}: closer to a tie, the evidence a ballot gives on "
            "average, about 2(s - 0.5)^2, is lost in floating-point rounding"
        )
    alpha = check_risk_limit(risk_limit)
    other = _real(other_share, "other_share")
    if not 0 <= other < 1:
        raise ValueError(f"other_share must be at least 0 and less than 1, got {other_share!r}")
    z_w, z_l = _bravo_steps(s)
    p_w, p_l = s * (1 - other), (1 - s) * (1 - other)
    drift = p_w * z_w + (p_l * z_l if p_l else 0.0)
    return math.ceil((math.log(1 / alpha) + z_w / 2) / drift)


def bravo_risk(winner_share: float, winner_draws: int, loser_draws: int) -> float:
    """BRAVO's risk measure ``min(1, 1/T)`` after a sample, ``T = (2s)^w (2(1 - s))^l``.

    ``T`` is the likelihood ratio of the reported share ``s`` against a tie; the audit stops once
    ``1/T`` is at most the risk limit. Ballots for other candidates do not change ``T``.

    Raises
    ------
    TypeError, ValueError
        On a share outside (0.5, 1] or a negative or fractional number of draws.

    Examples
    --------
    >>> round(bravo_risk(0.6, 60, 40), 4)
    0.1335
    """
    s = _check_share(winner_share, "winner_share")
    w = check_count(winner_draws, "winner_draws", "draws")
    lose = check_count(loser_draws, "loser_draws", "draws")
    z_w, z_l = _bravo_steps(s)
    if lose and z_l == -math.inf:
        return 1.0
    log_t = w * z_w + (lose * z_l if lose else 0.0)
    return 1.0 if log_t <= 0 else math.exp(-log_t)


def _winners_needed(n: np.ndarray, z_w: float, z_l: float, log_target: float) -> np.ndarray:
    """Fewest winner ballots among ``n`` relevant draws for which ``ln T`` reaches the target."""
    if z_l == -math.inf:
        return np.where(n * z_w >= log_target - _LOG_TOLERANCE, n, n + 1)
    return np.ceil((log_target - _LOG_TOLERANCE - n * z_l) / (z_w - z_l)).astype(np.int64)


def bravo_stopping_probabilities(
    winner_share: float,
    risk_limit: float,
    max_draws: int,
    *,
    true_winner_share: float | None = None,
) -> np.ndarray:
    """Exact chance that a two-candidate BRAVO audit stops at each draw ``1 .. max_draws``.

    Ballots are drawn with replacement; each is for the reported winner with probability
    ``true_winner_share`` (the reported share when omitted). ``ln T`` moves on a lattice, so the
    chance of every path not yet stopped is carried forward exactly (dynamic programming over the
    number of winner ballots drawn). Element ``i`` is the chance of stopping at draw ``i + 1``; one
    minus the sum is the chance of reaching ``max_draws`` without stopping. Cost grows as
    ``max_draws`` squared: meant for checking :func:`simulate_bravo` and for small contests.

    Raises
    ------
    TypeError, ValueError
        On a share outside its range, a risk limit outside (0, 1) or below
        :data:`MIN_RISK_LIMIT`, or ``max_draws < 1``.

    Examples
    --------
    >>> p = bravo_stopping_probabilities(0.6, 0.1, 2000, true_winner_share=0.5)
    >>> bool(p.sum() <= 0.1)
    True
    """
    s = _check_share(winner_share, "winner_share")
    alpha = check_risk_limit(risk_limit)
    max_draws = _at_least_one(check_count(max_draws, "max_draws", "draws"), "max_draws")
    p = _true_share(true_winner_share, s)
    z_w, z_l = _bravo_steps(s)
    needed = _winners_needed(np.arange(1, max_draws + 1), z_w, z_l, math.log(1 / alpha))
    alive = np.zeros(max_draws + 1)
    alive[0] = 1.0
    stopped = np.zeros(max_draws)
    for i in range(max_draws):
        n = i + 1
        alive[1 : n + 1] = alive[1 : n + 1] * (1 - p) + alive[0:n] * p
        alive[0] *= 1 - p
        k = needed[i]
        if k <= n:
            stopped[i] = alive[k : n + 1].sum()
            alive[k : n + 1] = 0.0
    return stopped


def bravo_path(
    winner_share: float,
    risk_limit: float,
    *,
    true_winner_share: float | None = None,
    max_draws: int = 400,
    seed: int = 0,
) -> list[tuple[int, bool, float]]:
    """One BRAVO audit of a two-candidate contest, ballot by ballot: ``(draw, for_winner, risk)``.

    Ballots are drawn with replacement, each for the reported winner with probability
    ``true_winner_share`` (the reported share when omitted); ``risk`` is :func:`bravo_risk` after
    that draw. The path ends at the first draw whose risk is at most ``risk_limit``, or after
    ``max_draws`` draws (in a real audit, the count would go on, to a full hand count if needed).

    Raises
    ------
    TypeError, ValueError
        As :func:`bravo_stopping_probabilities`: on a share outside its range, a risk limit outside
        (0, 1) or below :data:`MIN_RISK_LIMIT`, or ``max_draws < 1`` (a path has a draw at least).

    Examples
    --------
    >>> path = bravo_path(0.6, 0.1, seed=1)
    >>> path[-1][2] <= 0.1 or len(path) == 400
    True
    """
    s = _check_share(winner_share, "winner_share")
    alpha = check_risk_limit(risk_limit)
    p = _true_share(true_winner_share, s)
    max_draws = _at_least_one(check_count(max_draws, "max_draws", "draws"), "max_draws")
    draws = np.random.default_rng(seed).random(max_draws) < p
    path, wins = [], 0
    for i, for_winner in enumerate(draws.tolist(), start=1):
        wins += for_winner
        risk = bravo_risk(s, wins, i - wins)
        path.append((i, for_winner, risk))
        if risk <= alpha:
            break
    return path


@dataclass(frozen=True)
class BravoSimulation:
    """Whole BRAVO audits simulated by :func:`simulate_bravo`.

    Attributes
    ----------
    sample_sizes
        Ballots examined in each trial: the draws until the audit stopped, or ``ballots`` when it
        went on to a full hand count.
    full_count
        True for the trials that reached ``max_draws`` without stopping (a full hand count).
    ballots
        Ballots cast in the contest.
    """

    sample_sizes: np.ndarray
    full_count: np.ndarray
    ballots: int

    def chance_stopped_by(self, n: int) -> float:
        """Fraction of trials that stopped after at most ``n`` draws, without a full count."""
        n = check_count(n, "n", "draws")
        return float(np.mean(~self.full_count & (self.sample_sizes <= n)))

    @property
    def full_count_rate(self) -> float:
        """Fraction of trials that went on to a full hand count."""
        return float(np.mean(self.full_count))

    def quantile(self, q: float) -> int:
        """The ``q`` quantile of the ballots examined (full counts count as all ``ballots``)."""
        q = _real(q, "q")
        if not 0 <= q <= 1:
            raise ValueError(f"q must be between 0 and 1, got {q!r}")
        return int(np.quantile(self.sample_sizes, q, method="higher"))


def simulate_bravo(
    winner_votes: int,
    loser_votes: int,
    risk_limit: float,
    *,
    other_votes: int = 0,
    true_winner_share: float | None = None,
    trials: int = 10_000,
    max_draws: int | None = None,
    seed: int = 0,
) -> BravoSimulation:
    """Simulate ``trials`` whole BRAVO audits of a contest, drawing ballots with replacement.

    The audit's test uses the reported shares; the ballots drawn follow ``true_winner_share`` (the
    winner's true share of the two candidates' votes; the reported one when omitted), and ballots
    for other candidates keep their reported share of the ballots. An audit that has not stopped
    after ``max_draws`` draws (default: as many draws as ballots) goes to a full hand count.

    When the reported winner is unopposed (``loser_votes`` is 0) the report is unanimous, and one
    ballot for the loser (drawn with chance ``1 - true_winner_share``) makes ``T`` zero for good:
    that audit can never stop, and goes to a full hand count.

    The audits still running are advanced together, and by many draws at once: ``ln T`` rises by at
    most ``ln 2s`` a draw, so an audit ``d`` below the threshold cannot stop within the next
    ``ceil(d / ln 2s) - 1`` draws for the candidates; those draws are taken as one binomial count.
    Ballots for other candidates drawn along the way are added at the end, as one negative-binomial
    count per audit. The result is exact in distribution; :func:`bravo_stopping_probabilities`
    checks it in the tests.

    Parameters
    ----------
    winner_votes, loser_votes, other_votes
        Reported votes for the winner, the runner-up, and all other ballots.
    risk_limit
        In (0, 1).
    true_winner_share
        In [0, 1]; below 0.5 the reported outcome is wrong.
    trials, max_draws, seed
        Number of audits, the draws after which an audit becomes a full count, and the seed.

    Raises
    ------
    TypeError, ValueError
        On negative or fractional votes, a reported winner who does not lead, a risk limit outside
        (0, 1) or below :data:`MIN_RISK_LIMIT`, ``true_winner_share`` outside [0, 1], or ``trials``
        or ``max_draws`` below 1.

    Examples
    --------
    >>> sim = simulate_bravo(60, 40, 0.1, trials=2000, max_draws=10_000, seed=1)
    >>> 100 < float(sim.sample_sizes.mean()) < 140
    True
    """
    w = check_count(winner_votes, "winner_votes")
    lose = check_count(loser_votes, "loser_votes")
    other = check_count(other_votes, "other_votes")
    if w <= lose:
        raise ValueError(
            f"winner_votes ({w:,}) must be more than loser_votes ({lose:,}): "
            "an audit confirms a reported winner"
        )
    alpha = check_risk_limit(risk_limit)
    trials = _at_least_one(check_count(trials, "trials", "trials"), "trials")
    ballots = w + lose + other
    if max_draws is None:
        max_draws = ballots
    else:
        max_draws = _at_least_one(check_count(max_draws, "max_draws", "draws"), "max_draws")
    s = w / (w + lose)
    p = _true_share(true_winner_share, s)
    relevant = (w + lose) / ballots
    z_w, z_l = _bravo_steps(s)
    target = math.log(1 / alpha) - _LOG_TOLERANCE
    rng = np.random.default_rng(seed)

    # The state of the audits still running: their index, ln T, and draws for the two candidates.
    index = np.arange(trials)
    log_t = np.zeros(trials)
    relevant_draws = np.zeros(trials, dtype=np.int64)
    stopped_at = np.full(trials, -1, dtype=np.int64)
    while index.size:
        block = np.maximum(1, np.ceil((target - log_t) / z_w)).astype(np.int64)
        wins = rng.binomial(block, p)
        log_t = log_t + wins * z_w
        if z_l == -math.inf:
            log_t[wins < block] = -math.inf
        else:
            log_t += (block - wins) * z_l
        relevant_draws += block
        stop = log_t >= target
        stopped_at[index[stop]] = relevant_draws[stop]
        # An audit whose T is zero (a loser ballot against a unanimous report) can never stop: it
        # is a full count, as it would be after max_draws draws, and is advanced no further.
        keep = ~stop & (relevant_draws < max_draws) & (log_t > -math.inf)
        index, log_t, relevant_draws = index[keep], log_t[keep], relevant_draws[keep]
    # Ballots for other candidates change nothing but the count: those drawn before the audit's
    # last draw for a candidate are one negative-binomial count per audit.
    stopped = stopped_at >= 0
    sizes = np.full(trials, ballots, dtype=np.int64)
    draws = stopped_at[stopped]
    if other:
        draws = draws + rng.negative_binomial(draws, relevant)
    within = draws <= max_draws
    sizes[np.flatnonzero(stopped)[within]] = draws[within]
    full = sizes == ballots
    full[np.flatnonzero(stopped)[within]] = False
    return BravoSimulation(sample_sizes=sizes, full_count=full, ballots=ballots)


def _check_units(n_units: object, n_bad: object) -> tuple[int, int]:
    units = check_count(n_units, "n_units", "units")
    bad = check_count(n_bad, "n_bad", "units")
    if units == 0:
        raise ValueError("n_units must be at least 1: an audit draws from units that exist, got 0")
    if bad > units:
        raise ValueError(f"n_bad ({bad:,}) cannot be more than n_units ({units:,})")
    return units, bad


def precinct_sample_detection(n_units: int, n_bad: int, n_sampled: int) -> float:
    """Chance that a simple random sample of units includes at least one of the bad ones.

    A fixed-percentage audit hand counts ``n_sampled`` of ``n_units`` precincts or wards drawn at
    random without replacement; if ``n_bad`` of them were miscounted, it sees at least one with
    probability ``1 - H(0)``, where ``H`` is the hypergeometric law (scipy.stats.hypergeom).

    Raises
    ------
    TypeError, ValueError
        On negative or fractional counts, no units at all (``n_units`` of 0), more bad units than
        units, or a sample larger than the number of units.

    Examples
    --------
    >>> round(precinct_sample_detection(100, 5, 10), 4)
    0.4162
    """
    units, bad = _check_units(n_units, n_bad)
    sampled = check_count(n_sampled, "n_sampled", "units")
    if sampled > units:
        raise ValueError(f"n_sampled ({sampled:,}) cannot be more than n_units ({units:,})")
    return float(stats.hypergeom(units, bad, sampled).sf(0))


def _misses_all_at_most(units: int, bad: int, sampled: int, miss: Fraction) -> bool:
    """Whether a sample of ``sampled`` units misses every bad unit with chance at most ``miss``.

    The chance is ``C(units - bad, sampled) / C(units, sampled)``, which equals
    ``C(units - sampled, bad) / C(units, bad)`` (both are ``(N-b)! (N-n)! / (N! (N-b-n)!)``); the
    form with the smaller lower index keeps the integers small. Compared exactly, in integers.
    """
    if sampled > units - bad:
        return True  # too few good units to fill the sample: it holds a bad one for sure
    if sampled <= bad:
        misses, total = math.comb(units - bad, sampled), math.comb(units, sampled)
    else:
        misses, total = math.comb(units - sampled, bad), math.comb(units, bad)
    return misses * miss.denominator <= miss.numerator * total


def precinct_sample_size(n_units: int, n_bad: int, detection_probability: float) -> int:
    """Fewest units to sample so that at least one of ``n_bad`` bad units is drawn with this chance.

    The smallest ``n`` with ``1 - C(n_units - n_bad, n) / C(n_units, n) >= detection_probability``
    (:func:`precinct_sample_detection`, but computed exactly). The chance of detection only grows
    with ``n``, so the search doubles ``n`` until the target is reached and then bisects the last
    step: a few dozen exact comparisons even for a million units.

    Exact ties reach the target. The probability is read as the decimal it prints as
    (``Fraction(str(p))``: 0.8 is 4/5, not the binary float just above 0.8; a ``Fraction`` or an
    ``int`` is taken as it is), and the comparison is made in integers, so a sample whose chance of
    detection is exactly 4/5 reaches a target of 0.8 however many units there are. Any positive
    target needs at least one unit; a target of 1 needs ``n_units - n_bad + 1``. (At such a tie
    :func:`precinct_sample_detection`, scipy's floating-point value, may fall a hair short:
    0.79999999999755 for 800,000 of a million units with one bad.)

    Raises
    ------
    TypeError, ValueError
        On counts as in :func:`precinct_sample_detection`, ``n_bad`` of 0 (nothing to find), or a
        probability outside (0, 1].

    Examples
    --------
    >>> precinct_sample_size(100, 5, 0.95)
    45
    >>> precinct_sample_size(1_000, 1, 0.8), precinct_sample_size(10**6, 1, 0.8)
    (800, 800000)
    """
    units, bad = _check_units(n_units, n_bad)
    target = _real(detection_probability, "detection_probability")
    if bad == 0:
        raise ValueError(
            "n_bad must be at least 1: a sample cannot find bad units that do not exist"
        )
    if not 0 < target <= 1:
        raise ValueError(
            f"detection_probability must be more than 0 and at most 1, got {detection_probability!r}"
        )
    if isinstance(detection_probability, numbers.Rational):
        exact = Fraction(detection_probability)
    else:
        exact = Fraction(str(target))
    miss = 1 - exact  # the largest chance of missing every bad unit that is allowed
    if miss == 0:
        return units - bad + 1  # certainty: only a sample too large to be all good units
    # The chance q(n) of missing every bad unit falls with n: q(0) = 1 > miss, and
    # q(units - bad + 1) = 0 <= miss. Keep q(low) > miss and q(high) <= miss.
    low, high, step = 0, units - bad + 1, 1
    while low + step < high and not _misses_all_at_most(units, bad, low + step, miss):
        low, step = low + step, 2 * step
    high = min(high, low + step)
    while high - low > 1:
        middle = (low + high) // 2
        if _misses_all_at_most(units, bad, middle, miss):
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True)
class AuditSizes:
    """Ballots each method examines for one contest at one risk limit (:func:`audit_sizes`).

    Attributes
    ----------
    contest
        The contest's name, e.g. ``"Wisconsin 2016"``.
    ballots
        Votes cast for president in the state: what a full hand count examines.
    diluted_margin
        ``margin / ballots``.
    risk_limit
        The risk limit the sizes are for.
    comparison
        :func:`comparison_sample_size` with no discrepancies.
    polling
        :func:`bravo_asn` with the contest's share of other ballots, or ``ballots`` if that is
        more (a ballot-polling audit that long is a full hand count).
    polling_is_full_count
        True when the ballot-polling estimate reached ``ballots``.
    """

    contest: str
    ballots: int
    diluted_margin: float
    risk_limit: float
    comparison: int
    polling: int
    polling_is_full_count: bool


def audit_sizes(contest: ContestMargin, risk_limit: float) -> AuditSizes:
    """The ballots a full hand count, a comparison audit and a ballot-polling audit each examine.

    Uses the contest's top two candidates as winner and loser and every other vote as "other".

    Examples
    --------
    >>> from explainers import contests
    >>> audit_sizes(contests.contest(2016, "WI"), 0.1).comparison
    627
    """
    alpha = check_risk_limit(risk_limit)
    mu = diluted_margin(contest.margin, contest.total_votes)
    share = contest.winner_votes / (contest.winner_votes + contest.runner_up_votes)
    other = 1 - (contest.winner_votes + contest.runner_up_votes) / contest.total_votes
    polling = bravo_asn(share, alpha, other_share=other)
    return AuditSizes(
        contest=contest.name,
        ballots=contest.total_votes,
        diluted_margin=mu,
        risk_limit=alpha,
        comparison=min(comparison_sample_size(mu, alpha), contest.total_votes),
        polling=min(polling, contest.total_votes),
        polling_is_full_count=polling >= contest.total_votes,
    )
