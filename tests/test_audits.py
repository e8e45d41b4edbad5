"""explainers.audits: published sample sizes, properties of the bounds, the simulation against exact laws."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainers import audits, contests

margins_ = st.floats(min_value=1e-4, max_value=1.0)
risk_limits = st.floats(min_value=1e-4, max_value=0.5)
shares = st.floats(min_value=0.51, max_value=0.99)
small = st.integers(min_value=0, max_value=5)


# --- published values -----------------------------------------------------------------------------
# The papers (Lindeman & Stark 2012; Lindeman, Stark & Yates 2012; Stark 2010) print the formulas; the
# numbers below are printed in the test suites and documentation of audit tools that implement them.
# Only the numbers are copied. Commits are those of the stored copies that were read.
RLACALC = "nealmcb/rlacalc src/rlacalc/__init__.py @27d49485, doctests of nmin and findAsn"


@pytest.mark.parametrize(
    ("mu", "alpha", "found", "expected", "where"),
    [
        (0.20, 0.10, {}, 24, f"{RLACALC}: nmin(margin=0.2) -> 24.0"),
        (0.10, 0.10, {}, 48, f"{RLACALC}: nmin(margin=0.1) -> 48.0"),
        (0.05, 0.10, {}, 96, f"{RLACALC}: nmin(margin=0.05) -> 96.0"),
        (0.002, 0.10, {}, 2393, f"{RLACALC}: nmin(margin=0.002) -> 2393.0"),
        (0.05, 0.10, {"o1": 1}, 123, f"{RLACALC}: nmin(margin=0.05, o1=1) -> 123.0"),
        (0.005, 0.10, {"o1": 1, "u1": 1}, 1067, f"{RLACALC}: nmin(margin=0.005, o1=1, u1=1)"),
        (0.05, 0.20, {}, 67, f"{RLACALC}: nmin(margin=0.05, alpha=0.2) -> 67.0"),
        (
            0.01,
            0.10,
            {},
            479,
            "nealmcb/rlacalc README.md: 'Sample size = 479 for margin 1%, risk 10%'",
        ),
        (0.01, 0.10, {"o1": 1}, 615, "nealmcb/rlacalc README.md: 'Sample size = 615 ... o1 1'"),
        (
            0.05,
            0.5,
            {"gamma": 1.2},
            34,
            "cdosco/colorado-rla AuditTest.java @4dc9f9fb, testOptimistic: assertEquals(34, ...)",
        ),
    ],
)
def test_published_comparison_sample_sizes(
    mu: float, alpha: float, found: dict, expected: int, where: str
) -> None:
    assert audits.comparison_sample_size(mu, alpha, **found) == expected, where


def test_published_kaplan_markov_p_values() -> None:
    # pbstark/StatNotes audit.ipynb @10ebc2f7, cell 2 (New Hampshire 2016: 354,040 v 337,589 of
    # 354,040 + 337,589 + 33,234 ballots; 200 ballots, one 1-vote overstatement) -> 0.21438135077031842.
    mu = (354_040 - 337_589) / (354_040 + 337_589 + 33_234)
    assert audits.kaplan_markov_p_value(mu, 200, o1=1) == pytest.approx(
        0.21438135077031842, rel=1e-12
    )
    # Stark (2010), Table 3, as tested in cdosco/colorado-rla AuditTest.java @4dc9f9fb,
    # testPValueApproximation: n = 500, mu = 0.02, gamma = 1.01 -> 0.007, 0.054, 0.698, 1.000.
    for found, expected in (({}, 0.007), ({"o1": 3}, 0.054), ({"o2": 1}, 0.698), ({"o2": 2}, 1.0)):
        p = audits.kaplan_markov_p_value(0.02, 500, gamma=1.01, **found)
        assert round(p, 3) == expected, found


@pytest.mark.parametrize(
    ("share", "alpha", "other", "expected", "where"),
    [
        (0.6, 0.1, 0.0, 119, "votingworks/arlo test_bravo.py @07458da4, true_asns['test1']: 119"),
        (0.75, 0.1, 1 / 9, 22, "arlo, true_asns['test2'] (600/200/100 of 900): 22"),
        (0.6, 0.1, 0.5, 238, "arlo, true_asns['test6'] (300/200/200 of 1000): 238"),
        (10 / 19, 0.1, 0.05, 1769, "arlo, test_small_third_candidate (10000/9000 of 20000): 1769"),
        (0.01 / 2 + 0.5, 0.1, 0.0, 46151, f"{RLACALC}: findAsn(margin=0.01) -> 46151.0"),
        (0.04 / 2 + 0.5, 0.1, 0.0, 2902, f"{RLACALC}: findAsn(margin=0.04) -> 2902.0"),
        (0.2 / 2 + 0.5, 0.1, 0.0, 119, f"{RLACALC}: findAsn(margin=0.2) -> 119.0"),
    ]
    + [
        # gwexploratoryaudits/r2b2 src/r2b2/tests/asn_tests.json @93539452: 10,000 ballots, two
        # candidates, winner 9000/8000/7000/6000/5500, alpha 0.1 and 0.05.
        (w / 10_000, alpha, 0.0, asn, f"r2b2 asn_tests.json: winner_ballots {w}, alpha {alpha}")
        for alpha, asns in ((0.1, (8, 14, 31, 119, 470)), (0.05, (9, 17, 39, 154, 608)))
        for w, asn in zip((9000, 8000, 7000, 6000, 5500), asns, strict=True)
    ],
)
def test_published_bravo_average_sample_numbers(
    share: float, alpha: float, other: float, expected: int, where: str
) -> None:
    assert audits.bravo_asn(share, alpha, other_share=other) == expected, where


@pytest.mark.parametrize(
    ("share", "max_draws", "percentiles"),
    [
        (0.70, 400, (12, 22, 38, 60, 131)),
        (0.65, 800, (23, 38, 66, 108, 236)),
        (0.60, 2000, (49, 84, 149, 244, 538)),
        (
            0.55,
            6000,
            (193, 332, 587, 974, None),
        ),  # the table's 99th, 2157, is simulated: exact 2155
    ],
)
def test_exact_stopping_law_reproduces_bravo_table_1(
    share: float, max_draws: int, percentiles: tuple
) -> None:
    """Lindeman, Stark & Yates (2012), Table 1 (risk limit 10%): 25th, 50th, 75th, 90th, 99th
    percentiles of the sample size, as transcribed in gwexploratoryaudits/brla_explore
    B2Audits/Scripts/BravoTableError.m @286dcb2a; r2b2 test_so_bravo.py @34ef9372 checks the same
    90th percentiles (60, 108, 244, 381, 974)."""
    cumulative = np.cumsum(audits.bravo_stopping_probabilities(share, 0.1, max_draws))
    found = [int(np.argmax(cumulative >= q)) + 1 for q in (0.25, 0.5, 0.75, 0.9, 0.99)]
    for got, printed in zip(found, percentiles, strict=True):
        if printed is not None:
            assert got == printed


# --- properties -----------------------------------------------------------------------------------


@given(mu=margins_, alpha=risk_limits, o1=small, o2=small, u1=small, u2=small)
def test_the_comparison_sample_size_is_enough_for_its_own_p_value(
    mu: float, alpha: float, o1: int, o2: int, u1: int, u2: int
) -> None:
    """The closed form uses ln(1 - x) <= -x, so its n always brings the P-value to the risk limit."""
    found = {"o1": o1, "o2": o2, "u1": u1, "u2": u2}
    n = audits.comparison_sample_size(mu, alpha, **found)
    assert audits.kaplan_markov_p_value(mu, n, **found) <= alpha * (1 + 1e-9)


@given(mu=margins_, alpha=risk_limits)
def test_with_no_discrepancies_the_size_is_two_gamma_log_one_over_alpha_over_mu(
    mu: float, alpha: float
) -> None:
    n = audits.comparison_sample_size(mu, alpha)
    exact = 2 * audits.GAMMA * math.log(1 / alpha) / mu
    assert n - 1 < exact * (1 + 1e-12) and exact <= n * (1 + 1e-12)


@given(mu=margins_, alpha=risk_limits, k=st.integers(min_value=1, max_value=5))
def test_overstatements_raise_the_sample_size_and_understatements_lower_it(
    mu: float, alpha: float, k: int
) -> None:
    base = audits.comparison_sample_size(mu, alpha)
    assert audits.comparison_sample_size(mu, alpha, o1=k) >= base
    assert audits.comparison_sample_size(mu, alpha, o2=k) >= audits.comparison_sample_size(
        mu, alpha, o1=k
    )
    assert audits.comparison_sample_size(mu, alpha, u1=k) <= max(base, k)  # the sample holds them


@given(mu=st.floats(min_value=1e-3, max_value=0.5), alpha=risk_limits)
def test_halving_the_margin_about_doubles_the_comparison_sample(mu: float, alpha: float) -> None:
    one, half = (
        audits.comparison_sample_size(mu, alpha),
        audits.comparison_sample_size(mu / 2, alpha),
    )
    assert 2 * one - 2 <= half <= 2 * one


@given(s=shares, alpha=risk_limits)
def test_a_wider_margin_or_a_larger_risk_limit_needs_no_more_ballots(
    s: float, alpha: float
) -> None:
    n = audits.bravo_asn(s, alpha)
    assert audits.bravo_asn(min(0.999, s + 0.005), alpha) <= n
    assert audits.bravo_asn(s, min(0.99, alpha * 1.5)) <= n


@given(s=shares, alpha=risk_limits, other=st.floats(min_value=0, max_value=0.5))
def test_ballots_for_others_cost_draws_in_proportion(s: float, alpha: float, other: float) -> None:
    plain = (math.log(1 / alpha) + math.log(2 * s) / 2) / (
        s * math.log(2 * s) + (1 - s) * math.log(2 * (1 - s))
    )
    assert audits.bravo_asn(s, alpha, other_share=other) == math.ceil(plain / (1 - other))


@given(s=shares, w=st.integers(0, 500), lose=st.integers(0, 500))
def test_bravo_risk_falls_with_a_winner_ballot_and_rises_with_a_loser_ballot(
    s: float, w: int, lose: int
) -> None:
    risk = audits.bravo_risk(s, w, lose)
    assert 0 < audits.bravo_risk(s, w + 1, lose) <= risk <= 1
    assert audits.bravo_risk(s, w, lose + 1) >= risk


def test_bravo_risk_is_one_over_the_likelihood_ratio() -> None:
    # T = 1.2^70 * 0.8^30 for s = 0.6, 70 winner and 30 loser ballots.
    assert audits.bravo_risk(0.6, 70, 30) == pytest.approx(1 / (1.2**70 * 0.8**30), rel=1e-12)
    assert audits.bravo_risk(0.6, 0, 0) == 1.0
    assert audits.bravo_risk(1.0, 3, 1) == 1.0  # one loser ballot refutes a unanimous report


@given(
    units=st.integers(1, 400),
    data=st.data(),
)
def test_precinct_detection_matches_the_counting_formula(units: int, data: st.DataObject) -> None:
    bad = data.draw(st.integers(0, units))
    sampled = data.draw(st.integers(0, units))
    # 1 - C(units - bad, sampled) / C(units, sampled): every sample misses all bad units, or not.
    expected = 1 - math.comb(units - bad, sampled) / math.comb(units, sampled)
    assert audits.precinct_sample_detection(units, bad, sampled) == pytest.approx(
        expected, abs=1e-12
    )


@given(
    units=st.integers(1, 400),
    data=st.data(),
    target=st.floats(0, 1.0, exclude_min=True) | st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99]),
)
def test_precinct_sample_size_is_the_smallest_that_reaches_the_target(
    units: int, data: st.DataObject, target: float
) -> None:
    """Exact: the chance of detection is 1 - C(units - bad, n) / C(units, n), as a fraction, against
    the target read as the decimal it prints as; ties reach it, and any target needs a unit."""
    bad = data.draw(st.integers(1, units))

    def detects(n: int) -> Fraction:
        return 1 - Fraction(math.comb(units - bad, n), math.comb(units, n))

    n = audits.precinct_sample_size(units, bad, target)
    assert n >= 1
    assert detects(n) >= Fraction(str(target))
    assert detects(n - 1) < Fraction(str(target))


# --- the simulation against exact laws ------------------------------------------------------------


def test_exact_stopping_law_is_a_probability_and_respects_the_risk_limit() -> None:
    right = audits.bravo_stopping_probabilities(0.6, 0.1, 3000)
    wrong = audits.bravo_stopping_probabilities(0.6, 0.1, 3000, true_winner_share=0.5)
    assert (right >= 0).all() and right.sum() == pytest.approx(
        1, abs=1e-6
    )  # 3,000 draws: almost all
    assert wrong.sum() <= 0.1  # Wald: P(ever stop | tie) <= alpha
    assert wrong.sum() > 0.05


def test_exact_stopping_law_agrees_with_brute_force_enumeration() -> None:
    # Every sequence of 12 draws, each winner with probability 0.7; s = 0.75, alpha = 0.2.
    s, alpha, p, n = 0.75, 0.2, 0.7, 12
    expected = np.zeros(n)
    for bits in range(2**n):
        draws = [(bits >> i) & 1 for i in range(n)]
        chance = p ** sum(draws) * (1 - p) ** (n - sum(draws))
        for i in range(n):
            w = sum(draws[: i + 1])
            if audits.bravo_risk(s, w, i + 1 - w) <= alpha:
                expected[i] += chance  # the first draw at which this sequence stops
                break
    exact = audits.bravo_stopping_probabilities(s, alpha, n, true_winner_share=p)
    assert exact == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("true_share", [0.6, 0.55, 0.5])
def test_simulation_matches_the_exact_law(true_share: float) -> None:
    """Kolmogorov-Smirnov distance between simulated and exact stopping times, seeded."""
    max_draws = 3000
    exact = audits.bravo_stopping_probabilities(0.6, 0.1, max_draws, true_winner_share=true_share)
    sim = audits.simulate_bravo(
        600, 400, 0.1, true_winner_share=true_share, trials=20_000, max_draws=max_draws, seed=7
    )
    n = np.arange(1, max_draws + 1)
    simulated = np.array([sim.chance_stopped_by(k) for k in n[::10]])
    # The 99.9% Kolmogorov-Smirnov bound for 20,000 trials is 1.95 / sqrt(20,000) = 0.0138.
    assert np.abs(simulated - np.cumsum(exact)[::10]).max() < 0.0138
    assert sim.full_count_rate == pytest.approx(1 - exact.sum(), abs=0.0138)


def test_simulated_mean_is_close_to_the_average_sample_number() -> None:
    sim = audits.simulate_bravo(60, 40, 0.1, trials=20_000, max_draws=100_000, seed=3)
    assert sim.full_count_rate == 0
    # Wald's approximation ignores the overshoot of the threshold, so it is a little high.
    assert 0.9 * audits.bravo_asn(0.6, 0.1) < sim.sample_sizes.mean() < audits.bravo_asn(0.6, 0.1)


def test_ballots_for_others_stretch_the_sample_by_one_over_the_relevant_share() -> None:
    plain = audits.simulate_bravo(60, 40, 0.1, trials=20_000, max_draws=100_000, seed=5)
    diluted = audits.simulate_bravo(
        60, 40, 0.1, other_votes=100, trials=20_000, max_draws=100_000, seed=5
    )
    assert diluted.sample_sizes.mean() == pytest.approx(2 * plain.sample_sizes.mean(), rel=0.03)


def test_the_simulation_is_reproducible_and_the_seed_matters() -> None:
    one = audits.simulate_bravo(55, 45, 0.1, trials=500, seed=11)
    assert np.array_equal(
        one.sample_sizes, audits.simulate_bravo(55, 45, 0.1, trials=500, seed=11).sample_sizes
    )
    assert not np.array_equal(
        one.sample_sizes, audits.simulate_bravo(55, 45, 0.1, trials=500, seed=12).sample_sizes
    )


def test_an_audit_that_runs_out_of_draws_is_a_full_count() -> None:
    sim = audits.simulate_bravo(
        5_500, 4_500, 0.1, true_winner_share=0.4, trials=1000, max_draws=5000, seed=2
    )
    assert sim.full_count.all()
    assert (sim.sample_sizes == 10_000).all()
    assert sim.quantile(0.5) == 10_000
    assert sim.chance_stopped_by(5000) == 0


def test_a_unanimous_report_stops_after_the_fewest_winner_draws() -> None:
    # s = 1: T doubles with each winner ballot; 2^4 = 16 >= 1/0.1 after 4 draws.
    sim = audits.simulate_bravo(10, 0, 0.1, trials=50, seed=0)
    assert (sim.sample_sizes == 4).all()


# --- contests ---------------------------------------------------------------------------------------


def test_audit_sizes_for_wisconsin_2016_use_its_certified_counts() -> None:
    wi = contests.contest(2016, "WI")
    sizes = audits.audit_sizes(wi, 0.1)
    assert sizes.ballots == wi.total_votes
    assert sizes.diluted_margin == wi.margin / wi.total_votes
    assert sizes.comparison == audits.comparison_sample_size(wi.margin / wi.total_votes, 0.1)
    share = wi.winner_votes / (wi.winner_votes + wi.runner_up_votes)
    other = 1 - (wi.winner_votes + wi.runner_up_votes) / wi.total_votes
    assert sizes.polling == audits.bravo_asn(share, 0.1, other_share=other)
    assert not sizes.polling_is_full_count


def test_a_ballot_polling_audit_of_florida_2000_is_a_full_count() -> None:
    fl = contests.contest(2000, "FL")
    sizes = audits.audit_sizes(fl, 0.1)
    assert sizes.polling_is_full_count and sizes.polling == fl.total_votes
    assert sizes.comparison < fl.total_votes / 100


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0, 1, -0.1, 1.5, float("nan")])
def test_a_risk_limit_outside_zero_one_is_refused(alpha: float) -> None:
    with pytest.raises(ValueError, match=r"risk_limit must be strictly between 0 and 1|NaN"):
        audits.comparison_sample_size(0.05, alpha)
    with pytest.raises(ValueError, match=r"risk_limit must be strictly between 0 and 1|NaN"):
        audits.bravo_asn(0.6, alpha)


@pytest.mark.parametrize("mu", [0, -0.01, 1.01])
def test_a_margin_outside_zero_one_is_refused(mu: float) -> None:
    with pytest.raises(ValueError, match="diluted_margin must be more than 0 and at most 1"):
        audits.comparison_sample_size(mu, 0.1)
    with pytest.raises(ValueError, match="diluted_margin must be more than 0 and at most 1"):
        audits.kaplan_markov_p_value(mu, 10)


@pytest.mark.parametrize("share", [0.5, 0.4, 1.01])
def test_a_share_that_is_not_a_win_is_refused(share: float) -> None:
    with pytest.raises(ValueError, match=r"winner_share must be more than 0\.5 and at most 1"):
        audits.bravo_asn(share, 0.1)
    with pytest.raises(ValueError, match=r"winner_share must be more than 0\.5 and at most 1"):
        audits.bravo_risk(share, 1, 1)


def test_other_bad_numbers_are_refused_with_their_names() -> None:
    with pytest.raises(TypeError, match="risk_limit must be a number"):
        audits.check_risk_limit("10%")
    with pytest.raises(TypeError, match=r"o1 \(one-vote overstatements\) must be a whole number"):
        audits.comparison_sample_size(0.05, 0.1, o1=0.5)
    with pytest.raises(ValueError, match=r"u2 \(two-vote understatements\) must be zero or more"):
        audits.comparison_sample_size(0.05, 0.1, u2=-1)
    with pytest.raises(
        ValueError, match=r"gamma \(the error inflation factor\) must be more than 1"
    ):
        audits.comparison_sample_size(0.05, 0.1, gamma=1.0)
    with pytest.raises(
        ValueError, match=r"discrepancies \(3\) cannot outnumber the ballots examined \(2\)"
    ):
        audits.kaplan_markov_p_value(0.05, 2, o1=3)
    with pytest.raises(ValueError, match="other_share must be at least 0 and less than 1"):
        audits.bravo_asn(0.6, 0.1, other_share=1.0)
    with pytest.raises(ValueError, match="winner_draws must be zero or more"):
        audits.bravo_risk(0.6, -1, 0)
    with pytest.raises(ValueError, match="q must be between 0 and 1"):
        audits.simulate_bravo(6, 4, 0.1, trials=5).quantile(1.5)


def test_bad_contests_and_simulation_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="a tie has no reported winner"):
        audits.diluted_margin(0, 100)
    with pytest.raises(
        ValueError, match=r"margin \(101\) cannot be larger than the ballots cast \(100\)"
    ):
        audits.diluted_margin(101, 100)
    with pytest.raises(
        ValueError, match=r"winner_votes \(40\) must be more than loser_votes \(60\)"
    ):
        audits.simulate_bravo(40, 60, 0.1)
    with pytest.raises(ValueError, match="winner_votes must be zero or more"):
        audits.simulate_bravo(-5, 3, 0.1)
    with pytest.raises(ValueError, match="trials must be at least 1, got 0"):
        audits.simulate_bravo(6, 4, 0.1, trials=0)
    with pytest.raises(ValueError, match="max_draws must be at least 1, got 0"):
        audits.simulate_bravo(6, 4, 0.1, max_draws=0)
    with pytest.raises(ValueError, match="true_winner_share must be between 0 and 1"):
        audits.simulate_bravo(6, 4, 0.1, true_winner_share=1.2)
    with pytest.raises(ValueError, match="true_winner_share must be between 0 and 1"):
        audits.bravo_stopping_probabilities(0.6, 0.1, 10, true_winner_share=-0.1)
    with pytest.raises(ValueError, match="max_draws must be at least 1, got 0"):
        audits.bravo_stopping_probabilities(0.6, 0.1, 0)


def test_bad_unit_counts_are_refused() -> None:
    with pytest.raises(ValueError, match=r"n_bad \(11\) cannot be more than n_units \(10\)"):
        audits.precinct_sample_detection(10, 11, 2)
    with pytest.raises(ValueError, match=r"n_sampled \(11\) cannot be more than n_units \(10\)"):
        audits.precinct_sample_detection(10, 1, 11)
    with pytest.raises(ValueError, match="n_units must be zero or more"):
        audits.precinct_sample_detection(-1, 0, 0)
    with pytest.raises(ValueError, match=r"n_bad \(11\) cannot be more than n_units \(10\)"):
        audits.precinct_sample_size(10, 11, 0.5)
    with pytest.raises(ValueError, match="n_bad must be at least 1"):
        audits.precinct_sample_size(10, 0, 0.5)
    with pytest.raises(ValueError, match="detection_probability must be more than 0 and at most 1"):
        audits.precinct_sample_size(10, 1, 0)
