"""Derive tables in ``data/`` from the publishers' original files in ``data/sources/``.

Where a table is not a plain copy of a published file, the code that made it lives here, so that the
derivation can be re-run and checked (``tests/test_derive.py`` re-derives each table and compares it
with the committed CSV; ``scripts/derive_data.py`` rewrites the CSVs).

- ``wi_2016_recount_by_county.csv`` comes from the Wisconsin Elections Commission's ward-by-ward
  reports of the original canvass and of the December 2016 recount (``data/sources/wec_*.xlsx``).
- ``wi_2016_recount_by_line.csv`` comes from the "Office Totals:" rows of the same two reports:
  every ballot line (each candidate, registered write-ins and "scattering") at the canvass and after
  the recount.
- ``wi_2016_recount_by_ward.csv`` comes from the ward rows of the same two reports: every reporting
  unit's total votes, Trump's and Clinton's votes at the canvass and after the recount.
- ``wi_2016_county_context.csv`` comes from the MIT Election Data and Science Lab's county table
  ``election-context-2018.csv`` (``data/sources/medsl_election_context_2018.csv``): its 72
  Wisconsin rows, the 2016 and 2012 presidential votes and four demographic columns, as written there.
- ``house_delegations.csv`` comes from Voteview's member lists of the 107th, 115th and 117th
  Congresses (``data/sources/voteview_h*_members.csv``): each state's members on opening day.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from explainers import data

__all__ = [
    "LATER_ARRIVALS",
    "MEDSL_CONTEXT",
    "OPENING_VACANCIES",
    "VOTEVIEW_MEMBERS",
    "WEC_CANVASS",
    "WEC_RECOUNT",
    "house_delegations_from_voteview",
    "wi_county_context_from_medsl",
    "wi_recount_by_county_from_wec",
    "wi_recount_by_line_from_wec",
    "wi_recount_by_ward_from_wec",
]

#: WEC "Ward by Ward Original Canvass Results - President (Under Recount)".
WEC_CANVASS = "sources/wec_2016_president_ward_canvass.xlsx"
#: WEC "Ward by Ward Recount Canvass Results - President".
WEC_RECOUNT = "sources/wec_2016_president_ward_recount.xlsx"

_SHEET = "Ward by Ward Report"
_NAME_ROW = 10  # candidate names ("Donald J. Trump\nMichael R. Pence") on this 0-based row
_TOTAL_COLUMN = 2  # "Total Votes Cast"
_CANDIDATES = {
    "trump": "Donald J. Trump",
    "clinton": "Hillary Clinton",
    "johnson": "Gary Johnson",
    "stein": "Jill Stein",
}


def _line_names(sheet: pd.DataFrame) -> dict[str, int]:
    """Ballot line -> column, from row 11 (the text before the first line break of each cell)."""
    return {
        str(value).split("\n", 1)[0].strip(): column
        for column, value in sheet.iloc[_NAME_ROW].items()
        if isinstance(value, str)
    }


def _office_totals(path: Path) -> pd.Series:
    """The "Office Totals:" row of one WEC ward report: total votes and each ballot line's votes."""
    sheet = pd.read_excel(path, sheet_name=_SHEET, header=None)
    rows = sheet[sheet[0].astype(str).str.strip() == "Office Totals:"]
    if len(rows) != 1:
        raise data.DataValidationError(
            f"{path.name}: expected one 'Office Totals:' row, found {len(rows)}"
        )
    row = rows.iloc[0]
    lines = {"Total Votes Cast": _TOTAL_COLUMN} | _line_names(sheet)
    return pd.Series({line: int(row[column]) for line, column in lines.items()}, name="votes")


def wi_recount_by_line_from_wec(
    canvass: Path | str | None = None, recount: Path | str | None = None
) -> pd.DataFrame:
    """Statewide votes on every ballot line at the canvass and after the recount (WEC reports).

    Returns
    -------
    pandas.DataFrame
        ``line, canvass, recount, change``: the first row is ``Total Votes Cast``, then the
        ballot lines in the canvass report's order.
    """
    before = _office_totals(Path(canvass or data.DATA_DIR / WEC_CANVASS))
    after = _office_totals(Path(recount or data.DATA_DIR / WEC_RECOUNT))
    if set(before.index) != set(after.index):
        raise data.DataValidationError(
            "the canvass and recount reports list different ballot lines: "
            f"{sorted(set(before.index) ^ set(after.index))}"
        )
    table = pd.DataFrame({"canvass": before, "recount": after[before.index]})
    table["change"] = table["recount"] - table["canvass"]
    return table.rename_axis("line").reset_index()


def _county_totals(path: Path) -> pd.DataFrame:
    """The "County Totals:" rows of one WEC ward report: county, total and four candidates."""
    sheet = pd.read_excel(path, sheet_name=_SHEET, header=None)
    names = _line_names(sheet)
    missing = set(_CANDIDATES.values()) - set(names)
    if missing:
        raise data.DataValidationError(f"{path.name}: no column for {sorted(missing)} on row 11")
    county = sheet[0].ffill().astype(str).str.strip()
    totals = sheet[sheet[1].astype(str).str.strip() == "County Totals:"]
    frame = pd.DataFrame({"county": county[totals.index], "total": totals[_TOTAL_COLUMN]})
    for key, name in _CANDIDATES.items():
        frame[key] = totals[names[name]]
    frame[["total", *_CANDIDATES]] = frame[["total", *_CANDIDATES]].astype(int)
    return frame.reset_index(drop=True)


def wi_recount_by_county_from_wec(
    canvass: Path | str | None = None, recount: Path | str | None = None
) -> pd.DataFrame:
    """Build the county table of ``wi_2016_recount_by_county.csv`` from the two WEC ward reports.

    For each report: read the sheet without a header, take the candidate names from row 11 (the text
    before the first line break), carry each county name down its wards, and keep the
    "County Totals:" rows. The two reports are then joined county by county (one to one), and the
    changes (recount minus canvass) and Trump-minus-Clinton margins are computed.
    """
    parts = []
    for stage, path in (
        ("canvass", canvass or data.DATA_DIR / WEC_CANVASS),
        ("recount", recount or data.DATA_DIR / WEC_RECOUNT),
    ):
        part = _county_totals(Path(path)).set_index("county")
        parts.append(part.add_suffix(f"_{stage}"))
    table = parts[0].join(parts[1], how="left", validate="one_to_one")  # in WEC's order
    if table.isna().any().any() or len(parts[1]) != len(parts[0]):
        raise data.DataValidationError("the canvass and recount reports list different counties")
    keys = ["total", *_CANDIDATES]
    for key in keys:
        table[f"{key}_change"] = table[f"{key}_recount"] - table[f"{key}_canvass"]
    for stage in ("canvass", "recount"):
        table[f"margin_trump_minus_clinton_{stage}"] = (
            table[f"trump_{stage}"] - table[f"clinton_{stage}"]
        )
    table["margin_change"] = (
        table["margin_trump_minus_clinton_recount"] - table["margin_trump_minus_clinton_canvass"]
    )
    columns = [f"{k}_{s}" for s in ("canvass", "recount", "change") for k in keys]
    columns += [f"margin_trump_minus_clinton_{s}" for s in ("canvass", "recount")] + [
        "margin_change"
    ]
    return table[columns].reset_index()


#: MIT Election Data and Science Lab, ``election-context-2018.csv`` (county votes and demographics).
MEDSL_CONTEXT = "sources/medsl_election_context_2018.csv"

#: The columns kept, as MEDSL names them: the 2016 and 2012 presidential votes, then the four
#: demographic measures the Claims chapter controls for (2012-2016 ACS, rural share from 2010).
CONTEXT_COLUMNS = (
    "trump16",
    "clinton16",
    "otherpres16",
    "romney12",
    "obama12",
    "otherpres12",
    "white_pct",
    "lesscollege_pct",
    "median_hh_inc",
    "rural_pct",
)


def wi_county_context_from_medsl(path: Path | str | None = None) -> pd.DataFrame:
    """Build ``wi_2016_county_context.csv``: MEDSL's 72 Wisconsin rows, the columns the book uses.

    Every cell is kept as MEDSL wrote it (read as text); the county name is written in capitals as
    the Wisconsin Elections Commission writes it (``"Fond du Lac"`` becomes ``"FOND DU LAC"``) so
    that the table joins the Commission's reports.
    """
    file = Path(path) if path is not None else data.DATA_DIR / MEDSL_CONTEXT
    table = pd.read_csv(file, dtype=str, keep_default_na=False)
    missing = {"state", "county", "fips", *CONTEXT_COLUMNS} - set(table.columns)
    if missing:
        raise data.DataValidationError(f"{file.name}: no column {sorted(missing)}")
    wisconsin = table[table["state"] == "Wisconsin"]
    if len(wisconsin) != 72:
        raise data.DataValidationError(
            f"{file.name}: {len(wisconsin)} Wisconsin rows; Wisconsin has 72 counties."
        )
    out = wisconsin[["county", "fips", *CONTEXT_COLUMNS]].copy()
    out["county"] = out["county"].str.upper()
    return out.reset_index(drop=True)


_WARD_COLUMNS = {"total": _TOTAL_COLUMN, "trump": "Donald J. Trump", "clinton": "Hillary Clinton"}


def _ward_rows(path: Path) -> pd.DataFrame:
    """Every reporting unit of one WEC ward report: county, unit, total, Trump and Clinton."""
    sheet = pd.read_excel(path, sheet_name=_SHEET, header=None)
    names = _line_names(sheet)
    body = sheet.iloc[_NAME_ROW + 1 :]
    county = body[0].ffill().astype(str).str.strip()
    unit = body[1].astype(str).str.strip()
    keep = ~unit.isin(["County Totals:", "nan"]) & (
        body[0].astype(str).str.strip() != "Office Totals:"
    )
    frame = pd.DataFrame({"county": county[keep], "reporting_unit": unit[keep]})
    for key, column in _WARD_COLUMNS.items():
        frame[key] = body.loc[keep, column if isinstance(column, int) else names[column]].astype(
            int
        )
    return frame.reset_index(drop=True)


def wi_recount_by_ward_from_wec(
    canvass: Path | str | None = None, recount: Path | str | None = None
) -> pd.DataFrame:
    """Build ``wi_2016_recount_by_ward.csv``: each reporting unit at the canvass and after the recount.

    Rows are the reporting units (a ward or a group of wards reported together) of the two WEC ward
    reports, joined one to one on county and reporting unit (a unit's name alone repeats across
    counties), in the canvass report's order.

    Raises
    ------
    explainers.validation.DataValidationError
        If the two reports do not list the same reporting units.
    """
    keys = ["county", "reporting_unit"]
    before = _ward_rows(Path(canvass or data.DATA_DIR / WEC_CANVASS))
    after = _ward_rows(Path(recount or data.DATA_DIR / WEC_RECOUNT))
    only_one = set(before[keys].itertuples(index=False)) ^ set(after[keys].itertuples(index=False))
    if only_one or len(before) != len(after):
        example = tuple(sorted(only_one)[0]) if only_one else "(a repeated unit)"
        raise data.DataValidationError(
            f"{len(only_one)} reporting units are in only one of the two reports, e.g. {example}"
        )
    table = before.merge(
        after, on=keys, how="left", suffixes=("_canvass", "_recount"), validate="one_to_one"
    )
    columns = [f"{k}_{stage}" for stage in ("canvass", "recount") for k in _WARD_COLUMNS]
    return table[keys + columns]


# --------------------------------------------------------------------------------------------------
# House delegations on the opening day of a Congress, from Voteview's member lists
# --------------------------------------------------------------------------------------------------

#: Voteview member list of each Congress (``data/sources/voteview_hNNN_members.csv``).
VOTEVIEW_MEMBERS = {c: f"sources/voteview_h{c}_members.csv" for c in (107, 115, 117)}

#: Opening day of each Congress.
OPENING_DAY = {107: "2001-01-03", 115: "2017-01-03", 117: "2021-01-03"}

#: Members who took their seat after opening day (special elections; one contested seat), by
#: Bioguide id, as listed in Ballotpedia's tables of special elections (see ``data/README.md``).
LATER_ARRIVALS: dict[int, frozenset[str]] = {
    107: frozenset(),  # the 107th list marks them itself: ``occupancy`` 2, a seat's second holder
    115: frozenset(
        {
            "L000589", "G000585", "H001078", "E000298", "J000303", "G000584", "M001206",
            "B001306", "S001205", "W000826", "L000588", "N000190", "C001115", "C001114",
            "H001082",
        }
    ),
    117: frozenset(
        {
            "P000619", "C001128", "C001127", "Y000067", "C001125", "L000595", "F000475",
            "F000474", "S001218", "R000579", "S001219", "B001313", "C001126", "E000071",
            "F000473", "T000478",
        }
    ),
}  # fmt: skip

#: Rows that are not an opening-day member: Julian Dixon (CA-32) died before the 107th began;
#: Virgil Goode (VA-5) has a second row for his time as a Republican later in the 107th.
_DROP = {107: {("bioguide_id", "D000373"), ("icpsr", "89767")}, 115: set(), 117: set()}

#: Seats empty on opening day.
OPENING_VACANCIES = {107: {("CA", "32")}, 115: set(), 117: {("LA", "5"), ("NY", "22")}}

_NOT_STATES = {"AS", "DC", "GU", "MP", "PR", "VI"}
_PARTY_CODES = {200: "republicans", 100: "democrats"}


def house_delegations_from_voteview(data_dir: Path | None = None) -> pd.DataFrame:
    """The table of ``data/house_delegations.csv``, derived from Voteview's member lists.

    Keeps the House members of the 50 states, leaves out :data:`LATER_ARRIVALS` and the rows of
    ``_DROP``, counts each member under their party code (200 Republican, 100 Democrat, others), and
    adds :data:`OPENING_VACANCIES`.

    Raises
    ------
    DataValidationError
        If a seat is held by no one or by two members, a vacancy has a member, a listed later
        arrival is missing from the list, or the seats do not add up to 435.
    """
    root = data.DATA_DIR if data_dir is None else Path(data_dir)
    frames = []
    for congress, name in VOTEVIEW_MEMBERS.items():
        members = pd.read_csv(root / name, dtype={"bioguide_id": str, "icpsr": str})
        members = members[
            (members["chamber"] == "House") & ~members["state_abbrev"].isin(_NOT_STATES)
        ]
        later = members["bioguide_id"].isin(LATER_ARRIVALS[congress])
        if congress == 107:
            later |= members["occupancy"] == 2
        missing = LATER_ARRIVALS[congress] - set(members.loc[later, "bioguide_id"])
        drop = later.copy()
        for column, value in _DROP[congress]:
            drop |= members[column] == value
        kept = members[~drop]
        seats = list(zip(kept["state_abbrev"], kept["district_code"].astype(str), strict=True))
        doubled = sorted({s for s in seats if seats.count(s) > 1})
        filled = set(seats) & OPENING_VACANCIES[congress]
        if missing or doubled or filled or len(seats) + len(OPENING_VACANCIES[congress]) != 435:
            raise data.DataValidationError(
                f"{name}: later arrivals not found {sorted(missing)}, seats held twice {doubled}, "
                f"vacancies with a member {sorted(filled)}, {len(seats)} members"
            )
        party = kept["party_code"].map(_PARTY_CODES).fillna("others")
        counts = pd.crosstab(kept["state_abbrev"], party).reindex(
            columns=["republicans", "democrats", "others"], fill_value=0
        )
        vacancies = pd.Series([s for s, _ in OPENING_VACANCIES[congress]], dtype=str)
        counts["vacancies"] = vacancies.value_counts().reindex(counts.index, fill_value=0)
        counts = counts.rename_axis("state_po").reset_index()
        counts.insert(0, "date", OPENING_DAY[congress])
        counts.insert(0, "congress", congress)
        counts["source"] = "voteview"
        frames.append(counts)
    return pd.concat(frames, ignore_index=True).sort_values(["congress", "state_po"])
