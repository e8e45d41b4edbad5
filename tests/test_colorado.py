"""Colorado's 2024 risk-limiting audit reproduced with the package's own audit mathematics.

The state's audit software (ColoradoRLA) reports, for each of 725 contests, the ballot cards, the
smallest margin, the risk limit and gamma, and the samples it estimated; after round 3, the
discrepancies found and each contest's status. These tests run the package's functions over every
contest of the files, not a sample of rows.
"""

from __future__ import annotations

import pytest
from conftest import edit_line

from explainers import audits, data
from explainers.data import DataValidationError


def with_margin(round_number: int):
    contests = data.co_2024_rla_contests(round_number)
    return contests[contests["min_margin"] > 0]


def discrepancies(row) -> dict[str, int]:
    return {
        "o1": row.one_vote_over_count,
        "o2": row.two_vote_over_count,
        "u1": row.one_vote_under_count,
        "u2": row.two_vote_under_count,
    }


@pytest.mark.parametrize("round_number", data.CO_2024_RLA_ROUNDS)
def test_every_sample_size_equals_the_states_estimate(round_number: int) -> None:
    # ColoradoRLA's optimistic_samples_to_audit: the initial sample in round 1 (no discrepancies
    # yet), and the size with the discrepancies found by round 3.
    contests = with_margin(round_number)
    assert len(contests) == 613
    wrong = [
        (row.contest_name, size, row.optimistic_samples_to_audit)
        for row in contests.itertuples()
        if (
            size := audits.comparison_sample_size(
                row.min_margin / row.ballot_card_count,
                row.risk_limit,
                gamma=row.gamma,
                **discrepancies(row),
            )
        )
        != row.optimistic_samples_to_audit
    ]
    assert wrong == []


def test_the_risk_measure_reaches_the_states_verdict_for_every_contest() -> None:
    # Round 3: 64 contests "risk_limit_achieved"; every other audited contest not (yet).
    contests = with_margin(3)
    verdicts = {
        row.contest_name: audits.kaplan_markov_p_value(
            row.min_margin / row.ballot_card_count,
            row.audited_sample_count,
            gamma=row.gamma,
            **discrepancies(row),
        )
        <= row.risk_limit
        for row in contests.itertuples()
    }
    achieved = contests["random_audit_status"] == "risk_limit_achieved"
    state = dict(zip(contests["contest_name"], achieved, strict=True))
    assert verdicts == state
    assert sum(verdicts.values()) == 64
    assert (contests[["two_vote_over_count", "one_vote_over_count"]].sum(axis=1) > 0).sum() > 0


def test_an_unknown_round_is_refused_by_name() -> None:
    for round_number in (2, 0, True, "3"):
        with pytest.raises(ValueError, match=r"round_number must be one of \(1, 3\), not"):
            data.co_2024_rla_contests(round_number)  # type: ignore[arg-type]


def test_a_margin_larger_than_the_ballot_cards_is_refused(data_copy) -> None:
    path = data_copy("co_2024_rla_round3_contest.csv")
    lines = path.read_text().splitlines(keepends=True)
    line = next(
        i for i, text in enumerate(lines, start=1) if text.startswith("Presidential Electors")
    )
    edit_line(path, line, ",350348,", ",9350348,")
    with pytest.raises(
        DataValidationError,
        match=r"(?s)the margin is at most the ballot cards.*Presidential Electors",
    ):
        data.co_2024_rla_contests(3, path)


def test_an_unknown_status_or_a_negative_count_is_refused(data_copy) -> None:
    path = data_copy("co_2024_rla_round1_contest.csv")
    edit_line(path, 2, ",in_progress,", ",finished,")
    with pytest.raises(DataValidationError, match=r"line 2, column 'random_audit_status'"):
        data.co_2024_rla_contests(1, path)
    path.write_text(
        path.read_text().replace(",finished,", ",in_progress,", 1).replace(",37549,", ",-37549,", 1)
    )
    with pytest.raises(DataValidationError, match=r"column 'min_margin'"):
        data.co_2024_rla_contests(1, path)
