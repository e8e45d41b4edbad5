"""explainers.charts.audits: the specs carry explainers.audits' values; the page uses its formulas."""

from __future__ import annotations

import pytest

from explainers import audits, book, contests, recounts
from explainers.charts import audits as charts


def datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def test_contest_points_are_the_contests_own_shares() -> None:
    points = charts.contest_points()
    for row, (year, state) in zip(points.itertuples(), book.FOCUS_CONTESTS, strict=True):
        c = contests.contest(year, state)
        assert row.mu == audits.diluted_margin(c.margin, c.total_votes)
        assert row.ballots == c.total_votes
        size = audits.audit_sizes(c, 0.1)
        assert min(audits.bravo_asn(row.s, 0.1, other_share=row.o), row.ballots) == size.polling


def test_the_page_formulas_are_the_python_formulas() -> None:
    """The Vega expressions, evaluated in Python with Vega's function names, give the same numbers."""
    import math

    env = {"ceil": math.ceil, "log": math.log, "exp": math.exp}
    for alpha in (0.01, 0.05, 0.1, 0.25):
        for m in (0.0001, 0.003, 0.01, 0.2):
            s = (1 + m) / 2
            comparison = eval(charts.COMPARISON_EXPR.format(alpha=alpha, m=m), env)
            polling = eval(charts.POLLING_EXPR.format(alpha=alpha, s=s, o=0), env)
            assert comparison == audits.comparison_sample_size(m, alpha)
            assert polling == audits.bravo_asn(s, alpha)


def test_walk_table_holds_the_seeded_paths() -> None:
    table = charts.audit_walk_table()
    assert len(table) == len(charts.TRUE_SHARES) * charts.WALK["runs"]
    row = table[(table["true_share"] == 55) & (table["run"] == 3)].iloc[0]
    path = audits.bravo_path(0.6, 0.1, true_winner_share=0.55, seed=3)
    assert row["draws"] == "".join("1" if w else "0" for _, w, _ in path)


def test_ward_chart_counts_every_unit() -> None:
    (rows,) = datasets(charts.ward_change_chart().to_dict())
    assert sum(r["units"] for r in rows) == recounts.ward_change_summary().units


def test_every_audit_chart_is_described_and_its_controls_labelled() -> None:
    for chart in (
        charts.sample_size_chart(),
        charts.audit_walk_chart(),
        charts.ward_change_chart(),
    ):
        spec = chart.to_dict()
        assert len(spec["description"]) > 40
        assert spec["width"] == "container"
        for param in spec.get("params", []):
            assert param["bind"]["name"].strip(), param


def test_starting_values_outside_the_sliders_are_refused() -> None:
    with pytest.raises(ValueError, match="risk_limit_pct must be between 1 and 25, got 30"):
        charts.sample_size_chart(risk_limit_pct=30)
    with pytest.raises(ValueError, match=r"margin_pct must be between 0\.01 and 20\.0, got 0"):
        charts.sample_size_chart(margin_pct=0)
