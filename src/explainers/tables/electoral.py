"""The Electoral College chapter's tables: results pledged and cast, faithless electors, the House."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainers import bibliography, contests, contingent, data, electoral, faithless
from explainers.tables import Table

__all__ = ["faithless_table", "house_table", "results_table"]

#: What became of a faithless vote, as the table says it.
_OUTCOMES = {
    "counted": "counted",
    "abstained": "blank ballot",
    "invalidated_replaced": "voided; elector replaced",
    "invalidated_revoted": "ruled out of order; voted again as pledged",
}


def _surname(name: str) -> str:
    """``"Hillary Clinton"`` → ``"Clinton"``; ``"Joseph R. Biden Jr."`` → ``"Biden"``.

    Examples
    --------
    >>> _surname("Joseph R. Biden Jr."), _surname("Tim Kaine")
    ('Biden', 'Kaine')
    """
    words = [w for w in name.split() if w.rstrip(".") not in {"Jr", "Sr", "II", "III"}]
    return words[-1]


def results_table(years: Sequence[int] = (2000, 2016)) -> Table:
    """Popular vote, electors pledged in November and votes cast in December, for each year."""
    rows = []
    for year in years:
        votes = electoral.popular_vote(year)
        pledged = electoral.pledged_electoral_votes(year)
        cast = faithless.cast_electoral_votes(year)
        for candidate in pledged.index[:2]:
            rows.append(
                {
                    "Year": str(year),
                    "Candidate": contests.display_name(str(candidate)),
                    "Popular vote": f"{int(votes[candidate]):,}",
                    "Electors pledged": int(pledged[candidate]),
                    "Votes cast": int(cast[candidate]),
                }
            )
        others = int(cast.drop(pledged.index[:2], errors="ignore").sum())
        blank = data.TOTAL_ELECTORAL_VOTES - int(cast.sum())
        for label, n in (("others", others), ("blank ballot", blank)):
            if n:
                rows.append(
                    {
                        "Year": str(year),
                        "Candidate": label,
                        "Popular vote": "",
                        "Electors pledged": 0,
                        "Votes cast": n,
                    }
                )
    frame = pd.DataFrame(rows)
    return Table(
        frame=frame,
        caption=(
            "Popular vote (FEC), electors won in November and electoral votes cast in December "
            "(electoral.popular_vote, pledged_electoral_votes; faithless.cast_electoral_votes)."
        ),
        table_id="ec-results",
    )


def faithless_table(year: int = 2016) -> Table:
    """The electors of ``year`` who broke, or tried to break, their pledge, with their sources."""
    rows = data.faithless_electors()
    rows = rows[rows["year"] == year]

    def change(pledged: pd.Series, voted: pd.Series) -> list[str]:
        # "Clinton → Bernie Sanders"; the pledged name alone where the elector kept the pledge.
        return [
            _surname(p) if p == v else f"{_surname(p)} → {v}"
            for p, v in zip(pledged, voted, strict=True)
        ]

    frame = pd.DataFrame(
        {
            "State": rows["state_po"],
            "Elector": rows["elector"],
            "President: pledged → voted": change(rows["pledged_president"], rows["vote_president"]),
            "Vice-president": change(rows["pledged_vice_president"], rows["vote_vice_president"]),
            "What happened": rows["outcome"].map(_OUTCOMES),
            "Source": rows["source"].map(bibliography.labels),
        }
    )
    return Table(
        frame=frame.reset_index(drop=True),
        caption=(
            f"Electors of {year} who voted for someone other than their pledged candidate, or tried "
            "to. Sources by author and year, as listed on the References page; "
            "data/faithless_electors.csv holds their exact sentences."
        ),
        table_id=f"faithless-{year}",
        secondary=("Vice-president", "Source"),
    )


def house_table(years: Sequence[int] = (2000, 2016, 2020)) -> Table:
    """How the House would vote by state delegation, on party lines, for each count."""
    votes = [contingent.house_vote(y) for y in years]
    frame = pd.DataFrame(
        {
            "Year": [str(v.year) for v in votes],
            "Congress": [f"{v.congress}th" for v in votes],
            "Republican": [v.republican_states for v in votes],
            "Democratic": [v.democratic_states for v in votes],
            "No majority": [v.no_majority_states for v in votes],
        }
    )
    return Table(
        frame=frame,
        caption=(
            "State delegations in the House, by the party holding a majority of their members on "
            "the Congress's opening day (Republican, Democratic, or no majority); 26 of 50 are "
            "needed (contingent.house_vote, from Voteview member lists)."
        ),
        table_id="house-delegations",
        secondary=("Congress",),
    )
