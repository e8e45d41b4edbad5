"""explainers.audits at the edges of its inputs (issue 23, section 4): each gives a right answer or
an error that names the argument, never a crash from inside numpy, a NaN or a silent wrong value."""

from __future__ import annotations

import math
import re
import sys
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from explainers import audits

TINY_RISK = r"risk_limit must be at least 2\.2250738585072014e-308 \(the smallest normal float"

# Every function that takes a risk limit, called with an otherwise valid contest.
RISK_LIMIT_TAKERS = {
    "check_risk_limit": lambda alpha: audits.check_risk_limit(alpha),
    "comparison_sample_size": lambda alpha: audits.comparison_sample_size(0.05, alpha),
    "bravo_asn": lambda alpha: audits.bravo_asn(0.6, alpha),
    "bravo_stopping_probabilities": lambda alpha: audits.bravo_stopping_probabilities(
        0.6, alpha, 10
    ),
    "bravo_path": lambda alpha: audits.bravo_path(0.6, alpha, max_draws=10),
    "simulate_bravo": lambda alpha: audits.simulate_bravo(6, 4, alpha, trials=5),
}


def detection(units: int, bad: int, n: int) -> Fraction:
    """The exact chance that a sample of n holds a bad unit: one minus the chance of missing all.

    The sample misses every bad unit when each of the ``bad`` units falls outside it: the chance is
    the product over i < bad of (units - n - i) / (units - i), which is C(units - bad, n) / C(units,
    n) without the factorials of a million.
    """
    miss = Fraction(1)
    for i in range(bad):
        miss *= Fraction(max(units - n - i, 0), units - i)
    return 1 - miss


# --- an unopposed reported winner -----------------------------------------------------------------


def unanimous_draws(alpha: float) -> int:
    """Draws for the winner a unanimous report needs: the fewest k with 2^k * alpha >= 1, exactly."""
    k = 0
    while Fraction(alpha) * 2**k < 1:
        k += 1
    return k


@given(
    winner=st.integers(1, 60),
    other=st.integers(0, 30),
    true_share=st.floats(0, 1),
    alpha=st.sampled_from([0.3, 0.2, 0.1, 0.05, 0.01, 0.001]),
    seed=st.integers(0, 2**32 - 1),
)
def test_an_unopposed_winner_is_simulated_whatever_the_true_share(
    winner: int, other: int, true_share: float, alpha: float, seed: int
) -> None:
    """T = 2^w while every draw is for the winner, and 0 for good after one for the loser, so an
    audit stops after exactly k draws for the candidates or goes to a full count."""
    sim = audits.simulate_bravo(
        winner, 0, alpha, other_votes=other, true_winner_share=true_share, trials=200, seed=seed
    )
    k, ballots = unanimous_draws(alpha), winner + other
    stopped = ~sim.full_count
    assert (sim.sample_sizes[sim.full_count] == ballots).all()
    if other:
        assert (sim.sample_sizes[stopped] >= k).all() and (sim.sample_sizes <= ballots).all()
    else:
        assert (sim.sample_sizes[stopped] == k).all()
    if true_share == 0 or k > ballots:
        assert sim.full_count.all()
    if true_share == 1 and other == 0 and k <= ballots:
        assert stopped.all()


@pytest.mark.parametrize("true_share", [0.5, 0.8, 0.95])
def test_an_unopposed_winner_stops_when_the_first_draws_are_all_for_the_winner(
    true_share: float,
) -> None:
    """At 10%, 2^4 = 16 >= 10: the audit stops iff the first 4 draws are for the winner, chance
    true_share^4 (draws with replacement); the exact law and a seeded simulation both say so."""
    exact = audits.bravo_stopping_probabilities(1.0, 0.1, 12, true_winner_share=true_share)
    expected = np.zeros(12)
    expected[3] = true_share**4
    assert exact == pytest.approx(expected, abs=1e-15)
    trials = 20_000
    sim = audits.simulate_bravo(
        1_000, 0, 0.1, true_winner_share=true_share, trials=trials, max_draws=500, seed=4
    )
    # Six standard deviations of a binomial proportion: a false failure has odds below 1e-8.
    sd = math.sqrt(true_share**4 * (1 - true_share**4) / trials)
    assert abs((1 - sim.full_count_rate) - true_share**4) < 6 * sd
    assert (sim.sample_sizes[~sim.full_count] == 4).all()
    assert (sim.sample_sizes[sim.full_count] == 1_000).all()


# --- precinct_sample_size ---------------------------------------------------------------------------


@given(hundreds=st.integers(1, 10_000), target=st.sampled_from(["0.8", "0.5", "0.95", "0.99", "1"]))
def test_with_one_bad_unit_exact_ties_reach_the_target(hundreds: int, target: str) -> None:
    """One bad unit among N is in a sample of n with chance n / N exactly, so a target p that is a
    whole number of hundredths is reached by n = p N exactly (800 of 1,000 units, 800,000 of a
    million, for 0.8), not one unit more."""
    units = 100 * hundreds
    assert audits.precinct_sample_size(units, 1, float(target)) == Fraction(target) * units


@pytest.mark.parametrize(
    ("units", "bad", "target"),
    [(100_000, 1_000, 0.95), (10**6, 1, 0.8), (100, 5, 1e-13), (3_636, 10, 0.95), (10**6, 1, 1)],
)
def test_the_issue_cases_give_the_exact_smallest_sample(
    units: int, bad: int, target: float
) -> None:
    """The issue's calls (and the chapter's 3,636 wards with 10 bad) against exact counting."""
    n = audits.precinct_sample_size(units, bad, target)
    assert n >= 1
    assert detection(units, bad, n) >= Fraction(str(target)) > detection(units, bad, n - 1)


@given(units=st.integers(1, 10**6), data=st.data())
def test_any_positive_detection_probability_needs_a_unit(units: int, data: st.DataObject) -> None:
    bad = data.draw(st.integers(1, units))
    target = data.draw(st.floats(0, 1e-6, exclude_min=True))
    # One unit finds a bad one with chance bad / units >= 1e-6 here: exactly one unit is enough.
    expected = 1 if Fraction(bad, units) >= Fraction(str(target)) else None
    n = audits.precinct_sample_size(units, bad, target)
    assert n >= 1
    if expected is not None:
        assert n == expected


@given(units=st.integers(1, 5_000), data=st.data())
def test_certain_detection_needs_one_more_unit_than_the_good_ones(
    units: int, data: st.DataObject
) -> None:
    bad = data.draw(st.integers(1, units))
    assert audits.precinct_sample_size(units, bad, 1.0) == units - bad + 1
    assert audits.precinct_sample_size(units, bad, Fraction(1)) == units - bad + 1


def test_a_fraction_target_is_taken_exactly() -> None:
    # One bad unit of 3: a sample of n finds it with chance n / 3, so 2/3 needs exactly 2 units;
    # the float 2/3 prints as 0.6666666666666666, just below 2/3, which 2 units also reach.
    assert audits.precinct_sample_size(3, 1, Fraction(2, 3)) == 2
    assert audits.precinct_sample_size(3, 1, 2 / 3) == 2
    assert audits.precinct_sample_size(3, 1, Fraction(2, 3) + Fraction(1, 10**30)) == 3


# --- errors that name the argument ----------------------------------------------------------------


def test_no_units_at_all_is_refused() -> None:
    with pytest.raises(ValueError, match="n_units must be at least 1: an audit draws from units"):
        audits.precinct_sample_detection(0, 0, 0)
    with pytest.raises(ValueError, match="n_units must be at least 1"):
        audits.precinct_sample_size(0, 0, 0.5)


@given(units=st.integers(1, 400), data=st.data())
def test_precinct_detection_is_a_probability_for_every_valid_count(
    units: int, data: st.DataObject
) -> None:
    bad, sampled = data.draw(st.integers(0, units)), data.draw(st.integers(0, units))
    chance = audits.precinct_sample_detection(units, bad, sampled)
    assert 0 <= chance <= 1  # never NaN
    assert chance == pytest.approx(float(detection(units, bad, sampled)), abs=1e-12)


def test_counts_are_named_by_what_they_count() -> None:
    with pytest.raises(TypeError, match=r"n_units must be a whole number of units, got 10\.5"):
        audits.precinct_sample_detection(10.5, 1, 1)
    with pytest.raises(TypeError, match="n_bad must be a whole number of units"):
        audits.precinct_sample_size(10, 1.0, 0.5)
    with pytest.raises(TypeError, match="n_sampled must be a whole number of units"):
        audits.precinct_sample_detection(10, 1, "3")
    with pytest.raises(TypeError, match=r"trials must be a whole number of trials, got 1\.5"):
        audits.simulate_bravo(6, 4, 0.1, trials=1.5)
    with pytest.raises(TypeError, match="max_draws must be a whole number of draws"):
        audits.simulate_bravo(6, 4, 0.1, max_draws=2.5)
    with pytest.raises(TypeError, match="max_draws must be a whole number of draws"):
        audits.bravo_path(0.6, 0.1, max_draws=2.5)
    with pytest.raises(TypeError, match="winner_draws must be a whole number of draws"):
        audits.bravo_risk(0.6, 1.5, 0)
    with pytest.raises(TypeError, match=r"n must be a whole number of draws"):
        audits.simulate_bravo(6, 4, 0.1, trials=5).chance_stopped_by(1.5)
    with pytest.raises(
        TypeError, match=r"n \(ballots examined\) must be a whole number of ballots"
    ):
        audits.kaplan_markov_p_value(0.05, 1.5)
    with pytest.raises(
        TypeError, match=r"o2 \(two-vote overstatements\) must be a whole number of"
    ):
        audits.comparison_sample_size(0.05, 0.1, o2=0.5)
    with pytest.raises(TypeError, match="ballots must be a whole number of ballots"):
        audits.diluted_margin(1, 2.5)
    with pytest.raises(ValueError, match="n_sampled must be zero or more, got -1"):
        audits.precinct_sample_detection(10, 1, -1)


@pytest.mark.parametrize("gamma", [math.inf, -math.inf, 1.0, 0.5, -2])
def test_an_infinite_or_small_gamma_is_refused(gamma: float) -> None:
    message = r"gamma \(the error inflation factor\) must be more than 1 and finite, got"
    with pytest.raises(ValueError, match=message):
        audits.kaplan_markov_p_value(0.05, 96, gamma=gamma)
    with pytest.raises(ValueError, match=message):
        audits.comparison_sample_size(0.05, 0.1, gamma=gamma)


def test_a_nan_gamma_is_refused() -> None:
    with pytest.raises(ValueError, match="gamma must be a number, got NaN"):
        audits.kaplan_markov_p_value(0.05, 96, gamma=math.nan)


@pytest.mark.parametrize(("mu", "gamma"), [(5e-324, audits.GAMMA), (0.05, 1e308)])
def test_a_sample_size_too_large_for_a_float_is_refused(mu: float, gamma: float) -> None:
    with pytest.raises(
        ValueError,
        match=re.escape(f"the sample size for diluted_margin {mu!r} and gamma {gamma!r} is too"),
    ):
        audits.comparison_sample_size(mu, 0.1, gamma=gamma)


NO_DRAWS = {
    "bravo_path": lambda: audits.bravo_path(0.6, 0.1, max_draws=0),
    "bravo_stopping_probabilities": lambda: audits.bravo_stopping_probabilities(0.6, 0.1, 0),
    "simulate_bravo": lambda: audits.simulate_bravo(6, 4, 0.1, max_draws=0),
}


@pytest.mark.parametrize("name", sorted(NO_DRAWS))
def test_no_draws_is_refused_by_every_bravo_function(name: str) -> None:
    with pytest.raises(ValueError, match="max_draws must be at least 1, got 0"):
        NO_DRAWS[name]()


@pytest.mark.parametrize("name", sorted(RISK_LIMIT_TAKERS))
@given(alpha=st.floats(0, sys.float_info.min, exclude_min=True, exclude_max=True))
def test_a_subnormal_risk_limit_is_refused_everywhere(name: str, alpha: float) -> None:
    with pytest.raises(ValueError, match=TINY_RISK):
        RISK_LIMIT_TAKERS[name](alpha)


@pytest.mark.parametrize("alpha", [1e-320, 5e-324])
def test_the_issue_risk_limit_is_refused(alpha: float) -> None:
    assert sys.float_info.min == audits.MIN_RISK_LIMIT
    for call in RISK_LIMIT_TAKERS.values():
        with pytest.raises(ValueError, match=rf"{TINY_RISK}.*got {re.escape(repr(alpha))}"):
            call(alpha)


@given(alpha=st.floats(sys.float_info.min, 1e-4), s=st.floats(0.501, 1.0))
def test_the_smallest_risk_limits_give_finite_sizes(alpha: float, s: float) -> None:
    """At and just above the floor every size is a whole number that meets its definition."""
    n = audits.comparison_sample_size(0.05, alpha)
    assert n >= 2 * audits.GAMMA * math.log(1 / alpha) / 0.05 * (1 - 1e-12)
    assert audits.kaplan_markov_p_value(0.05, n) <= alpha * (1 + 1e-9)
    assert audits.bravo_asn(s, alpha) >= 1
    assert audits.bravo_stopping_probabilities(s, alpha, 5).sum() <= 1


# --- bravo_asn next to a tie --------------------------------------------------------------------------


@given(lead=st.floats(0, audits.MIN_BRAVO_LEAD, exclude_min=True, exclude_max=True))
def test_a_winner_share_next_to_a_tie_is_refused(lead: float) -> None:
    share = 0.5 + lead
    assume(share > 0.5 and share - 0.5 < audits.MIN_BRAVO_LEAD)
    with pytest.raises(ValueError, match=r"winner_share must be at least 0\.5 \+ 1e-09 for an"):
        audits.bravo_asn(share, 0.1)


def test_the_issue_share_is_refused_not_divided_by_zero() -> None:
    with pytest.raises(
        ValueError, match=r"winner_share must be at least 0\.5 \+ 1e-09.*got 0\.5000"
    ):
        audits.bravo_asn(0.5 + 1e-16, 0.1)


@given(lead=st.floats(audits.MIN_BRAVO_LEAD, 1e-2), alpha=st.floats(1e-4, 0.5))
def test_above_the_floor_the_average_sample_number_is_accurate(lead: float, alpha: float) -> None:
    """Against the drift's exact power series: with x = 2s - 1,
    s ln 2s + (1 - s) ln 2(1 - s) = sum over k >= 1 of x^(2k) / (2k (2k - 1)), computed in fractions
    (eight terms: the rest is below x^18 <= 1e-36 of it)."""
    share = 0.5 + lead
    assume(share - 0.5 >= audits.MIN_BRAVO_LEAD)
    x = Fraction(2 * share) - 1
    drift = sum(x ** (2 * k) / (2 * k * (2 * k - 1)) for k in range(1, 9))
    expected = (math.log(1 / alpha) + math.log(2 * share) / 2) / float(drift)
    assert abs(audits.bravo_asn(share, alpha) - expected) <= 1e-6 * expected + 1
