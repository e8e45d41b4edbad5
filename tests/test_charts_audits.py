"""explainers.charts.audits and tables.audits: the specs and tables carry explainers' values."""

from __future__ import annotations

import pandas as pd
import pytest

from explainers import audits, contests, editorial, recounts
from explainers.charts import audits as charts
from explainers.tables import audits as tables


def datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def test_contest_points_are_the_contests_own_shares() -> None:
    points = charts.contest_points()
    for row, (year, state) in zip(points.itertuples(), editorial.FOCUS_CONTESTS, strict=True):
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


def test_audit_size_table_is_audit_sizes() -> None:
    frame = tables.audit_size_table(0.1).frame.set_index("Contest")
    for year, state in editorial.FOCUS_CONTESTS:
        size = audits.audit_sizes(contests.contest(year, state), 0.1)
        assert frame.loc[size.contest, "Comparison"] == size.comparison
        assert frame.loc[size.contest, "Hand count"] == size.ballots
    assert frame.loc["Florida 2000", "Ballot polling (avg.)"] == "full count"


def test_ward_table_lists_the_largest_changes_first() -> None:
    frame = tables.ward_table(5).frame
    assert list(frame["Change in Trump's lead"].abs()) == sorted(
        frame["Change in Trump's lead"].abs(), reverse=True
    )
    assert frame.iloc[0]["Reporting unit"] == "CITY OF MILWAUKEE Ward 34"
    assert isinstance(frame, pd.DataFrame) and len(frame) == 5


def test_recount_rules_table_says_which_2016_margins_triggered_a_recount() -> None:
    frame = tables.recount_rules_table().frame.set_index("State")
    assert list(frame.index) == ["Florida", "Michigan", "Pennsylvania", "Wisconsin"]
    assert frame.loc["Michigan", "2016 margin"] == contests.contest(2016, "MI").margin
    assert set(frame["Automatic in 2016?"]) == {"no"}
    rules = recounts.recount_rules()
    assert (
        frame.loc["Wisconsin", "Who may ask"]
        == rules.loc[(rules["state_po"] == "WI") & (rules["rule"] == "request"), "summary"].item()
    )


def test_recount_events_table_lists_every_event_in_order() -> None:
    frame = tables.recount_events_table().frame
    assert len(frame) == len(recounts.recount_events())
    assert frame.iloc[0]["Date"] == "25 Nov 2016"


def test_recount_shift_chart_holds_each_recount_and_each_contest_margin() -> None:
    table = charts.recount_shift_table()
    kinds = table.groupby("kind")["votes"].count()
    assert kinds[charts.SHIFT_KINDS[2]] == len(editorial.FOCUS_CONTESTS)
    assert kinds[charts.SHIFT_KINDS[0]] + kinds[charts.SHIFT_KINDS[1]] == len(
        recounts.recount_shifts()
    )
    wi = table.set_index("label").loc["WI 2016 margin", "votes"]
    assert wi == contests.contest(2016, "WI").margin
    assert list(table["votes"]) == sorted(table["votes"])


def test_every_audit_chart_is_described_and_its_controls_labelled() -> None:
    for chart in (
        charts.sample_size_chart(),
        charts.audit_walk_chart(),
        charts.ward_change_chart(),
        charts.recount_shift_chart(),
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
