"""Load the book's data tables from ``data/``, validated against a schema.

Every number the book prints starts in one of the CSV files under ``data/``. This module is the only
place that reads them. Each loader checks the file against a :mod:`pandera` schema (column names, types,
allowed values, no negative counts) and against the rules that tie rows together (51 units in every
presidential year, electoral votes summing to 538, candidate votes summing to the reported total, ...).
A file that breaks a rule raises :class:`DataValidationError` naming the file, the line and the column,
so an edited or truncated file can never turn into a silently wrong number in the book.

The provenance of every file (publisher, DOI, where the copy came from, known errors) is in
``data/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from explainers import paths
from explainers.caching import on_data
from explainers.states import STATE_CODES, STATES
from explainers.validation import (
    DataValidationError,
    check_rows,
    non_negative_int,
    read_csv,
    read_sections,
    validate,
    where,
)

__all__ = [
    "CO_2024_DISCREPANCY_REASONS",
    "CO_2024_RLA_ROUNDS",
    "CO_2024_RLA_STATUSES",
    "DATA_DIR",
    "FL_2000_CANDIDATES",
    "FL_2000_REPORTERS",
    "FL_2000_REVIEWS",
    "FL_COUNTIES",
    "PRESIDENTIAL_YEARS",
    "RECOUNT_RULES",
    "RECOUNT_RULE_STATES",
    "RETURN_COLUMNS",
    "RETURN_YEARS",
    "TOTAL_ELECTORAL_VOTES",
    "DataValidationError",
    "GeorgiaAudit",
    "cited_figures",
    "co_2024_rla_contests",
    "co_2024_rla_discrepancies",
    "co_2024_rla_tabulation",
    "corrections",
    "district_electors",
    "electoral_votes",
    "electoral_votes_2024",
    "fl_2000_ballot_reviews",
    "fl_2000_count",
    "fl_2000_counties",
    "ga_2020_audit",
    "ga_2020_counties",
    "official_totals",
    "president_returns",
    "recount_events_2016",
    "recount_rules_2016",
    "recount_shifts",
    "reported_counts",
    "returns_2024",
    "state_returns",
    "wi_county_context",
    "wi_recount_by_county",
    "wi_recount_by_line",
    "wi_recount_by_ward",
]


#: Folder holding the CSV files. ``CLOSECALLS_DATA`` overrides it; by default it is the repository's
#: ``data/`` folder, which an editable install (``pip install -e .``) finds beside ``src/``.
DATA_DIR: Path = paths.data_dir()

#: Presidential election years covered by the MIT Election Lab's state returns.
PRESIDENTIAL_YEARS: tuple[int, ...] = tuple(range(1976, 2021, 4))

#: Every presidential year the book has state returns for: the MIT file's, then 2024 from the FEC.
RETURN_YEARS: tuple[int, ...] = (*PRESIDENTIAL_YEARS, 2024)

#: Total electoral votes since 1964 (435 representatives + 100 senators + 3 for DC).
TOTAL_ELECTORAL_VOTES = 538


def _path(filename: str, path: Path | str | None) -> Path:
    return Path(path) if path is not None else DATA_DIR / filename


# --------------------------------------------------------------------------------------------------
# MIT Election Lab state returns, 1976-2020
# --------------------------------------------------------------------------------------------------

_PRESIDENT_FILE = "mit_president_1976_2020.csv"

_PRESIDENT_SCHEMA = pa.DataFrameSchema(
    {
        "year": pa.Column(int, pa.Check.isin(PRESIDENTIAL_YEARS), coerce=True),
        "state": pa.Column(str, pa.Check.str_matches(r"^[A-Z][A-Z ]+$")),
        "state_po": pa.Column(str, pa.Check.isin(sorted(STATE_CODES))),
        "state_fips": pa.Column(int, pa.Check.in_range(1, 56), coerce=True),
        "state_cen": pa.Column(int, coerce=True),
        "state_ic": pa.Column(int, coerce=True),
        "office": pa.Column(str, pa.Check.eq("US PRESIDENT")),
        "candidate": pa.Column(str, nullable=True),
        "party_detailed": pa.Column(str, nullable=True),
        "writein": pa.Column(str, pa.Check.isin(["TRUE", "FALSE"]), nullable=True),
        "candidatevotes": non_negative_int(),
        "totalvotes": pa.Column(int, pa.Check.gt(0), coerce=True),
        "version": pa.Column(int, coerce=True),
        "notes": pa.Column(str, nullable=True),
        "party_simplified": pa.Column(
            str, pa.Check.isin(["DEMOCRAT", "REPUBLICAN", "LIBERTARIAN", "OTHER"])
        ),
    },
    strict=True,
    ordered=True,
)


@on_data
def corrections(path: Path | str | None = None) -> pd.DataFrame:
    """The documented cell corrections applied to the MIT state file (``data/corrections.csv``).

    Each row names one cell of the MIT file (year, state, candidate, column), the erroneous value it
    holds and the value to use. ``column`` is ``candidatevotes`` (a count) or ``candidate`` (a name
    spelled differently from the candidate's other rows).
    """
    file = _path("corrections.csv", path)
    schema = pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.isin(PRESIDENTIAL_YEARS), coerce=True),
            "state_po": pa.Column(str, pa.Check.isin(sorted(STATE_CODES))),
            "candidate": pa.Column(str),
            "column": pa.Column(str, pa.Check.isin(["candidatevotes", "candidate"])),
            "source_value": pa.Column(str),
            "corrected_value": pa.Column(str),
            "reason": pa.Column(str),
            "source": pa.Column(str),
        },
        strict=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    counts = frame["column"] == "candidatevotes"
    not_counts = counts & ~(
        frame["source_value"].str.fullmatch(r"\d+") & frame["corrected_value"].str.fullmatch(r"\d+")
    )
    check_rows(
        frame,
        file.name,
        "a candidatevotes correction holds whole numbers",
        not_counts,
        lambda r: f"{r.source_value!r} -> {r.corrected_value!r}",
    )
    return frame


def _apply_corrections(frame: pd.DataFrame, fixes: pd.DataFrame, name: str) -> pd.DataFrame:
    frame = frame.copy()
    for fix in fixes.itertuples(index=False):
        hit = (
            (frame["year"] == fix.year)
            & (frame["state_po"] == fix.state_po)
            & (frame["candidate"] == fix.candidate)
        )
        if hit.sum() != 1:
            raise DataValidationError(
                f"{name}: correction for {fix.candidate} ({fix.state_po} {fix.year}) matches "
                f"{int(hit.sum())} rows instead of 1. The file has changed; review "
                "data/corrections.csv."
            )
        is_count = fix.column == "candidatevotes"
        wrong = int(fix.source_value) if is_count else fix.source_value
        right = int(fix.corrected_value) if is_count else fix.corrected_value
        current = frame.loc[hit, fix.column].iloc[0]
        if current != wrong:
            shown = f"{wrong:,}" if is_count else repr(wrong)
            raise DataValidationError(
                f"{name}, {where(frame.index[hit][0])}, column '{fix.column}': expected the known "
                f"error {shown} for {fix.candidate} ({fix.state_po} {fix.year}) but found "
                f"{current!r}. The file has changed; review data/corrections.csv."
            )
        frame.loc[hit, fix.column] = right
    return frame


@on_data
def _president_returns(path: Path) -> pd.DataFrame:
    """Load and check the MIT file at ``path`` (cached on its version and the data folder's)."""
    name = path.name
    frame = validate(_PRESIDENT_SCHEMA, read_csv(path), name)
    frame["writein"] = frame["writein"].map({"TRUE": True, "FALSE": False}).astype("boolean")
    frame = _apply_corrections(frame, corrections(), name)

    check_rows(
        frame,
        name,
        "state is the name of state_po in capitals",
        frame["state"] != frame["state_po"].map(STATES).str.upper(),
        lambda r: f"{r.state_po} is named {r.state!r}",
    )
    by_contest = frame.groupby(["year", "state_po"])
    check_rows(
        frame,
        name,
        "one totalvotes value per state and year",
        by_contest["totalvotes"].transform("nunique") != 1,
        lambda r: f"{r.state_po} {r.year} has several totalvotes values",
    )
    sums = by_contest["candidatevotes"].transform("sum")
    check_rows(
        frame,
        name,
        "candidate votes add up to totalvotes",
        (sums != frame["totalvotes"]) & ~frame.duplicated(["year", "state_po"]),
        lambda r: (
            f"{r.state_po} {r.year}: totalvotes {r.totalvotes:,} but candidate rows sum to "
            f"{sums[r.name]:,}"
        ),
    )
    units = frame.groupby("year")["state_po"].nunique()
    short = units[units != len(STATE_CODES)]
    if not short.empty or set(units.index) != set(PRESIDENTIAL_YEARS):
        detail = (
            ", ".join(f"{y}: {n}" for y, n in short.items()) or "a presidential year is missing"
        )
        raise DataValidationError(
            f"{name} breaks the rule '51 units (50 states and DC) in every presidential year': {detail}"
        )
    _check_leaders_everywhere(frame, name)
    return frame


def _check_leaders_everywhere(frame: pd.DataFrame, name: str) -> None:
    """Each year's two national leaders have a row in every state, under the same name.

    A candidate spelled differently in one state (the MIT file has "MITT, ROMNEY" in Washington
    2012) would otherwise count as someone else there, and margins would silently be wrong.
    """
    named = frame[frame["candidate"].notna()]
    for year, rows in named.groupby("year"):
        leaders = rows.groupby("candidate")["candidatevotes"].sum().nlargest(2).index
        for leader in leaders:
            missing = sorted(STATE_CODES - set(rows.loc[rows["candidate"] == leader, "state_po"]))
            if missing:
                raise DataValidationError(
                    f"{name} breaks the rule 'each year's two leading candidates appear in every "
                    f"state under one name': {leader} has no row in {', '.join(missing)} in {year}. "
                    "If the name is spelled differently there, add a row to data/corrections.csv."
                )


def president_returns(path: Path | str | None = None) -> pd.DataFrame:
    """State-level presidential returns, 1976-2020, one row per state, year and ballot line.

    Source: MIT Election Data and Science Lab, *U.S. President 1976-2020* (doi:10.7910/DVN/42MVDX),
    which transcribes the Clerk of the House's *Statistics of the Presidential and Congressional
    Election*. The known errors listed in ``data/corrections.csv`` (two mistyped counts, one
    misspelled name) are corrected; a copy whose cells no longer hold those errors is refused, so a
    corrected upstream file gets noticed.

    Parameters
    ----------
    path
        Another copy of the file to read instead of ``data/mit_president_1976_2020.csv``.

    Returns
    -------
    pandas.DataFrame
        The file's columns, with ``year``, ``candidatevotes`` and ``totalvotes`` as integers and
        ``writein`` as a nullable boolean. A fresh copy: changing it changes nothing else.

    Raises
    ------
    DataValidationError
        If the file is missing, malformed, or breaks a schema or consistency rule.
    """
    return _president_returns(_path(_PRESIDENT_FILE, path))


#: The columns every year's state returns share (:func:`state_returns`).
RETURN_COLUMNS = (
    "year",
    "state",
    "state_po",
    "candidate",
    "party_simplified",
    "writein",
    "candidatevotes",
    "totalvotes",
)

#: The FEC's column headings of 2024 that name the two leading candidates, as the MIT file names
#: them in 2016 and 2020, and the parties of the candidates the MIT file would simplify.
_FEC_CANDIDATES = {"TRUMP": "TRUMP, DONALD J.", "HARRIS": "HARRIS, KAMALA D."}
_FEC_PARTIES = {"TRUMP": "REPUBLICAN", "HARRIS": "DEMOCRAT", "OLIVER": "LIBERTARIAN"}
#: FEC ballot lines that are not a candidate: they count in the total, not as anyone's votes.
_FEC_NOT_CANDIDATES = ("NONE OF THESE CANDIDATES", "WRITE-IN VOTES (SCATTERED)")


@on_data
def returns_2024(path: Path | str | None = None) -> pd.DataFrame:
    """State-level presidential returns of 2024, in the columns of :data:`RETURN_COLUMNS`.

    Derived from the FEC's *Official 2024 Presidential General Election Results*, compiled from the
    state election offices (:mod:`explainers.fec2024`; ``data/fec_2024_president_by_state.csv``).
    Trump and Harris are named as the MIT file names them; every other candidate by the FEC's
    column heading (a surname); Nevada's "None of these candidates" and the scattered write-ins have
    no candidate, as the MIT file's blank and scattering lines have none. ``writein`` is true where
    the FEC marks the votes as a write-in candidate's (in italics), and on the scattered write-ins.

    Raises
    ------
    DataValidationError
        If the file is missing or malformed, a state lacks its total, or its lines do not add up
        to it.
    """
    file = _path("fec_2024_president_by_state.csv", path)
    schema = pa.DataFrameSchema(
        {
            "state_po": pa.Column(str, pa.Check.isin(sorted(STATE_CODES))),
            "line": pa.Column(str, pa.Check.str_matches(r"^[A-Z][A-Z ()-]+$")),
            "votes": non_negative_int(),
            "writein": pa.Column(str, pa.Check.isin(["true", "false"])),
        },
        strict=True,
        ordered=True,
        unique=["state_po", "line"],
    )
    frame = validate(schema, read_csv(file), file.name)
    is_total = frame["line"] == "TOTAL VOTES"
    totals = frame[is_total].set_index("state_po")["votes"]
    if set(totals.index) != STATE_CODES:
        missing = ", ".join(sorted(STATE_CODES - set(totals.index)))
        raise DataValidationError(f"{file.name}: no TOTAL VOTES row for {missing}")
    lines = frame[~is_total].copy()
    sums = lines.groupby("state_po")["votes"].transform("sum")
    check_rows(
        lines,
        file.name,
        "each state's lines add up to its TOTAL VOTES",
        (sums != lines["state_po"].map(totals)) & ~lines.duplicated("state_po"),
        lambda r: f"{r.state_po}: lines {sums[r.name]:,}, total {totals[r.state_po]:,}",
    )
    named = ~lines["line"].isin(_FEC_NOT_CANDIDATES)
    return pd.DataFrame(
        {
            "year": 2024,
            "state": lines["state_po"].map(STATES).str.upper(),
            "state_po": lines["state_po"],
            "candidate": lines["line"]
            .map(lambda line: _FEC_CANDIDATES.get(line, line))
            .where(named),
            "party_simplified": lines["line"].map(_FEC_PARTIES).fillna("OTHER"),
            "writein": (lines["writein"] == "true").astype("boolean"),
            "candidatevotes": lines["votes"],
            "totalvotes": lines["state_po"].map(totals),
        }
    ).reset_index(drop=True)


@on_data
def state_returns() -> pd.DataFrame:
    """Every state's presidential returns, 1976-2024, in the columns of :data:`RETURN_COLUMNS`.

    The MIT Election Lab's file (:func:`president_returns`, 1976-2020) and the FEC's 2024 results
    (:func:`returns_2024`), one row per state, year and ballot line.
    """
    earlier = president_returns()[list(RETURN_COLUMNS)]
    return pd.concat([earlier, returns_2024()], ignore_index=True)


# --------------------------------------------------------------------------------------------------
# Electoral votes
# --------------------------------------------------------------------------------------------------


@on_data
def _electoral_votes(path: Path) -> pd.DataFrame:
    """Load and check the electoral-vote file at ``path`` (cached on its version)."""
    name = path.name
    year_columns = [str(y) for y in PRESIDENTIAL_YEARS]
    schema = pa.DataFrameSchema(
        {"state": pa.Column(str, unique=True)}
        | {y: pa.Column(int, pa.Check.in_range(3, 55), coerce=True) for y in year_columns},
        strict=True,
        ordered=True,
    )
    wide = validate(schema, read_csv(path), name)
    codes = {state_name: code for code, state_name in STATES.items()}
    unknown = ~wide["state"].isin(codes)
    check_rows(
        wide,
        name,
        "each state is named as in explainers.states",
        unknown,
        lambda r: f"unknown '{r.state}'",
    )
    if len(wide) != len(STATE_CODES):
        raise DataValidationError(f"{name}: {len(wide)} rows; expected 51 (50 states and DC).")
    for year in year_columns:
        total = int(wide[year].sum())
        if total != TOTAL_ELECTORAL_VOTES:
            raise DataValidationError(
                f"{name}, column '{year}': electoral votes sum to {total}, not {TOTAL_ELECTORAL_VOTES}."
            )
    long = wide.melt(id_vars="state", var_name="year", value_name="electoral_votes")
    long["year"] = long["year"].astype(int)
    long["state_po"] = long["state"].map(codes)
    return long[["year", "state_po", "electoral_votes"]].sort_values(["year", "state_po"])


def electoral_votes(path: Path | str | None = None) -> pd.DataFrame:
    """Electoral votes apportioned to each state and DC, 1976-2024 (long form).

    ``path`` replaces ``data/electoral_votes_1976_2020.csv`` only; 2024's come from
    :func:`electoral_votes_2024` and its own file.

    Source: the census apportionments (1970 census for 1976-80 through 2010 census for 2012-20), as
    tabulated in ``data/electoral_votes_1976_2020.csv``, and for 2024 (2020 census) the FEC's
    compilation of the certificates of vote (:func:`electoral_votes_2024`); every year is checked
    to sum to 538.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``state_po``, ``electoral_votes``.
    """
    earlier = _electoral_votes(_path("electoral_votes_1976_2020.csv", path))
    later = electoral_votes_2024()[["state_po", "electoral_votes"]].assign(year=2024)
    return pd.concat([earlier, later[earlier.columns]], ignore_index=True)


@on_data
def electoral_votes_2024(path: Path | str | None = None) -> pd.DataFrame:
    """Each state's 2024 electoral votes, and the votes its electors cast for Trump and for Harris.

    Derived from page 1 of the FEC's *Official 2024 Presidential General Election Results*
    (:mod:`explainers.fec2024`), whose electoral votes come from the states' certificates of vote
    held by the National Archives.

    Returns
    -------
    pandas.DataFrame
        Columns ``state_po``, ``electoral_votes``, ``trump``, ``harris``; one row per state and DC.
    """
    file = _path("fec_2024_electoral_votes.csv", path)
    schema = pa.DataFrameSchema(
        {
            "state_po": pa.Column(str, pa.Check.isin(sorted(STATE_CODES)), unique=True),
            "electoral_votes": pa.Column(int, pa.Check.in_range(3, 55), coerce=True),
            "trump": non_negative_int(),
            "harris": non_negative_int(),
        },
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "the votes cast add up to the state's electoral votes",
        frame["trump"] + frame["harris"] != frame["electoral_votes"],
        lambda r: f"{r.state_po}: {r.trump} + {r.harris} != {r.electoral_votes}",
    )
    if len(frame) != len(STATE_CODES) or frame["electoral_votes"].sum() != TOTAL_ELECTORAL_VOTES:
        raise DataValidationError(
            f"{file.name}: {len(frame)} rows and {int(frame['electoral_votes'].sum())} electoral "
            f"votes; expected 51 rows (50 states and DC) and {TOTAL_ELECTORAL_VOTES}."
        )
    return frame


@on_data
def district_electors(path: Path | str | None = None) -> pd.DataFrame:
    """Electors won by someone other than the statewide winner (Maine and Nebraska districts).

    Maine (since 1972) and Nebraska (since 1992) give one elector to the winner of each
    congressional district. The table lists only the electors that went to a candidate other than
    the statewide winner, with the Clerk of the House's report as source.
    """
    file = _path("district_electors.csv", path)
    schema = pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.isin(RETURN_YEARS), coerce=True),
            "state_po": pa.Column(str, pa.Check.isin(["ME", "NE"])),
            "candidate": pa.Column(str),
            "electoral_votes": pa.Column(int, pa.Check.in_range(1, 3), coerce=True),
            "note": pa.Column(str),
            "source": pa.Column(str),
        },
        strict=True,
    )
    return validate(schema, read_csv(file), file.name)


# --------------------------------------------------------------------------------------------------
# Official totals and dated reported counts
# --------------------------------------------------------------------------------------------------


@on_data
def official_totals(path: Path | str | None = None) -> pd.DataFrame:
    """Official national totals from the FEC, used where the MIT sums differ slightly."""
    file = _path("official_totals.csv", path)
    schema = pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.isin(PRESIDENTIAL_YEARS), coerce=True),
            "scope": pa.Column(str, pa.Check.eq("national")),
            "candidate": pa.Column(str),
            "votes": non_negative_int(),
            "source": pa.Column(str),
        },
        strict=True,
        unique=["year", "scope", "candidate"],
    )
    return validate(schema, read_csv(file), file.name)


@on_data
def reported_counts(path: Path | str | None = None) -> pd.DataFrame:
    """Counts and leads as reported on a given date in November 2016, each with its source and quote.

    These are not official results: they show how the numbers in the news changed during the
    canvass. ``approximate`` is true where the report rounded ("about 22,000 votes").
    """
    file = _path("reported_counts_nov2016.csv", path)
    schema = pa.DataFrameSchema(
        {
            "date": pa.Column("datetime64[ns]", coerce=True),
            "scope": pa.Column(str),
            "measure": pa.Column(
                str, pa.Check.isin(["clinton_votes", "trump_votes", "trump_lead"])
            ),
            "value": non_negative_int(),
            "approximate": pa.Column(str, pa.Check.isin(["true", "false"])),
            "source": pa.Column(str),
            "quote": pa.Column(str),
        },
        strict=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    frame["approximate"] = frame["approximate"] == "true"
    return frame


# --------------------------------------------------------------------------------------------------
# Wisconsin 2016: original canvass and December recount, by county
# --------------------------------------------------------------------------------------------------

_WI_CANDIDATES = ("total", "trump", "clinton", "johnson", "stein")


@on_data
def wi_recount_by_county(path: Path | str | None = None) -> pd.DataFrame:
    """Wisconsin 2016 presidential votes by county, at the original canvass and after the recount.

    Derived from the Wisconsin Elections Commission's ward-by-ward canvass and recount files (see
    ``data/README.md``). Every ``*_change`` column is checked to equal recount minus canvass, and the
    margin columns to equal Trump minus Clinton.
    """
    file = _path("wi_2016_recount_by_county.csv", path)
    columns: dict[str, pa.Column] = {"county": pa.Column(str, unique=True)}
    for stage in ("canvass", "recount"):
        columns |= {f"{c}_{stage}": non_negative_int() for c in _WI_CANDIDATES}
    columns |= {f"{c}_change": pa.Column(int, coerce=True) for c in _WI_CANDIDATES}
    for stage in ("canvass", "recount"):
        columns[f"margin_trump_minus_clinton_{stage}"] = pa.Column(int, coerce=True)
    columns["margin_change"] = pa.Column(int, coerce=True)
    frame = validate(pa.DataFrameSchema(columns, strict=True), read_csv(file), file.name)

    name = file.name
    if len(frame) != 72:
        raise DataValidationError(f"{name}: {len(frame)} counties; Wisconsin has 72.")
    for c in _WI_CANDIDATES:
        bad = frame[f"{c}_change"] != frame[f"{c}_recount"] - frame[f"{c}_canvass"]
        check_rows(frame, name, f"{c}_change = {c}_recount - {c}_canvass", bad, lambda r: r.county)
    for stage in ("canvass", "recount"):
        bad = frame[f"margin_trump_minus_clinton_{stage}"] != (
            frame[f"trump_{stage}"] - frame[f"clinton_{stage}"]
        )
        check_rows(frame, name, f"margin at {stage} = trump - clinton", bad, lambda r: r.county)
    return frame


@on_data
def wi_recount_by_line(path: Path | str | None = None) -> pd.DataFrame:
    """Wisconsin 2016 statewide presidential votes on every ballot line, canvass and recount.

    Derived from the "Office Totals:" rows of the Wisconsin Elections Commission's two ward reports
    (see ``data/README.md``). The first row is ``Total Votes Cast``; the other rows are the ballot
    lines (candidates and "SCATTERING"), which must add up to it at both stages, and every
    ``change`` must equal recount minus canvass.
    """
    file = _path("wi_2016_recount_by_line.csv", path)
    schema = pa.DataFrameSchema(
        {
            "line": pa.Column(str, unique=True),
            "canvass": non_negative_int(),
            "recount": non_negative_int(),
            "change": pa.Column(int, coerce=True),
        },
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    name = file.name
    if frame["line"].iloc[0] != "Total Votes Cast":
        raise DataValidationError(f"{name}, line 2: the first row must be 'Total Votes Cast'.")
    check_rows(
        frame,
        name,
        "change = recount - canvass",
        frame["change"] != frame["recount"] - frame["canvass"],
        lambda r: r.line,
    )
    for stage in ("canvass", "recount"):
        lines, total = int(frame[stage].iloc[1:].sum()), int(frame[stage].iloc[0])
        if lines != total:
            raise DataValidationError(
                f"{name}, column '{stage}': the ballot lines add up to {lines:,}, "
                f"not to the {total:,} Total Votes Cast."
            )
    return frame


@on_data
def wi_recount_by_ward(path: Path | str | None = None) -> pd.DataFrame:
    """Wisconsin 2016 presidential votes in each reporting unit, at the canvass and after the recount.

    Derived from the Wisconsin Elections Commission's two ward-by-ward reports (see
    ``data/README.md``): 3,636 reporting units (a ward, or wards reported together), each with its
    total votes and Trump's and Clinton's votes at both stages. A unit's candidates cannot have more
    votes than its total, and each (county, reporting unit) appears once.
    """
    file = _path("wi_2016_recount_by_ward.csv", path)
    columns: dict[str, pa.Column] = {"county": pa.Column(str), "reporting_unit": pa.Column(str)}
    for stage in ("canvass", "recount"):
        columns |= {f"{c}_{stage}": non_negative_int() for c in ("total", "trump", "clinton")}
    schema = pa.DataFrameSchema(
        columns, strict=True, ordered=True, unique=["county", "reporting_unit"]
    )
    frame = validate(schema, read_csv(file), file.name)
    for stage in ("canvass", "recount"):
        bad = frame[f"trump_{stage}"] + frame[f"clinton_{stage}"] > frame[f"total_{stage}"]
        check_rows(
            frame,
            file.name,
            f"trump_{stage} + clinton_{stage} <= total_{stage}",
            bad,
            lambda r: f"{r.county}, {r.reporting_unit}",
        )
    return frame


@on_data
def wi_county_context(path: Path | str | None = None) -> pd.DataFrame:
    """Wisconsin's 72 counties: 2016 and 2012 presidential votes and four demographic measures.

    Derived from the MIT Election Data and Science Lab's ``election-context-2018.csv`` (see
    ``data/README.md``). The 2016 votes are the Commission's original canvass (before the recount);
    ``white_pct`` (non-Hispanic white), ``lesscollege_pct`` (without a bachelor's degree) and
    ``median_hh_inc`` (dollars) are 2012-2016 American Community Survey estimates, ``rural_pct`` is
    from the 2010 census. Percentages must lie in [0, 100] and income must be positive.
    """
    file = _path("wi_2016_county_context.csv", path)
    votes = ("trump16", "clinton16", "otherpres16", "romney12", "obama12", "otherpres12")
    columns: dict[str, pa.Column] = {
        "county": pa.Column(str, unique=True),
        "fips": pa.Column(str, pa.Check.str_matches(r"^55\d{3}$")),
    }
    columns |= {c: non_negative_int() for c in votes}
    columns |= {
        c: pa.Column(float, pa.Check.in_range(0, 100), coerce=True)
        for c in ("white_pct", "lesscollege_pct")
    }
    columns["median_hh_inc"] = pa.Column(float, pa.Check.gt(0), coerce=True)
    columns["rural_pct"] = pa.Column(float, pa.Check.in_range(0, 100), coerce=True)
    schema = pa.DataFrameSchema(columns, strict=True, ordered=True)
    frame = validate(schema, read_csv(file), file.name)
    if len(frame) != 72:
        raise DataValidationError(f"{file.name}: {len(frame)} counties; Wisconsin has 72.")
    return frame


#: The candidates' columns of the Florida 2000 county file, in its order (its spelling, upper case).
FL_2000_CANDIDATES: tuple[str, ...] = (
    "GORE",
    "BUSH",
    "BUCHANAN",
    "NADER",
    "BROWNE",
    "HAGELIN",
    "HARRIS",
    "MCREYNOLDS",
    "MOOREHEAD",
    "PHILLIPS",
)

#: Florida has 67 counties.
FL_COUNTIES = 67


@on_data
def fl_2000_counties(path: Path | str | None = None) -> pd.DataFrame:
    """Florida's 67 counties in the 2000 presidential election: an early, unofficial count.

    A byte-for-byte copy of the ``Florida`` table of the R package carData (from Adams and Fastnow,
    2000), which is *not* the certified result: its statewide totals put Bush 975 votes ahead of Gore,
    where the certified margin is 537 (``data/README.md`` reconciles the two). The book uses it for
    what it is good for, comparing counties with one another.

    Returns
    -------
    pandas.DataFrame
        ``county`` (the name with spaces: ``PALM BEACH``, where the file writes ``PALM.BEACH``), one
        column per candidate in lower case (``gore``, ``bush``, ``buchanan``, ...), and ``total``,
        which must equal the sum of the candidates' columns, row by row.
    """
    file = _path("fl_2000_county_unofficial.csv", path)
    columns: dict[str, pa.Column] = {"rownames": pa.Column(str, unique=True)}
    columns |= {c: non_negative_int() for c in (*FL_2000_CANDIDATES, "Total")}
    schema = pa.DataFrameSchema(columns, strict=True, ordered=True)
    frame = validate(schema, read_csv(file), file.name)
    if len(frame) != FL_COUNTIES:
        raise DataValidationError(f"{file.name}: {len(frame)} counties; Florida has {FL_COUNTIES}.")
    summed = frame[list(FL_2000_CANDIDATES)].sum(axis=1)
    check_rows(
        frame,
        file.name,
        "Total is the sum of the candidates' votes",
        summed != frame["Total"],
        lambda r: f"{r.rownames}: Total {r.Total:,}, candidates {summed[r.name]:,}",
    )
    frame = frame.rename(columns={"rownames": "county", "Total": "total"})
    frame.columns = [c.lower() if c in FL_2000_CANDIDATES else c for c in frame.columns]
    frame["county"] = frame["county"].str.replace(".", " ", regex=False)
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Cited facts: figures the prose takes from a named source, and the recount record
# --------------------------------------------------------------------------------------------------

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _written_value(written: str) -> float | None:
    """The number a figure written as in a source stands for: ``$1 million``, ``2,725``, ``0.05%``.

    Returns None for text that is not one of these forms.

    Examples
    --------
    >>> _written_value("$1 million"), _written_value("2,725"), _written_value("three")
    (1000000.0, 2725.0, 3.0)
    """
    text = written.strip().lower()
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    text = text.removeprefix("$").removesuffix("%").removesuffix(" percent")
    scale = 1.0
    if text.endswith(" million"):
        text, scale = text.removesuffix(" million"), 1e6
    try:
        return float(text.replace(",", "")) * scale
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


#: The last two columns of every file of cited facts: a bibliography key, and the exact sentence.
_SOURCED = {
    "source": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9]+$")),
    "quote": pa.Column(str),
}


@on_data
def cited_figures(path: Path | str | None = None) -> pd.DataFrame:
    """Figures the book quotes from outside sources, each with its source and the exact sentence.

    ``written`` is the figure as the source prints it (``$2,005,603``, ``2%``, ``three``) and as the
    book prints it; it must appear word for word in ``quote`` and stand for ``value``, so a figure
    can be edited in one place only by editing the quotation that supports it. Keys are unique
    snake_case names; the prose reads them with :func:`explainers.facts.cited`.
    """
    file = _path("cited_figures.csv", path)
    schema = pa.DataFrameSchema(
        {
            "key": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
            "value": pa.Column(float, pa.Check.ge(0), coerce=True),
            "written": pa.Column(str),
            **_SOURCED,
        },
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "written appears in quote",
        frame.apply(lambda r: _one_line(r.written) not in _one_line(r.quote), axis=1),
        lambda r: f"{r.key}: {r.written!r} is not in the quotation",
    )
    check_rows(
        frame,
        file.name,
        "written stands for value",
        frame.apply(lambda r: _written_value(r.written) != r.value, axis=1),
        lambda r: f"{r.key}: {r.written!r} does not stand for {r.value:,.12g}",
    )
    return frame


#: The states whose 2016 recount rules the book compares, and the three kinds of rule.
RECOUNT_RULE_STATES = ("FL", "MI", "PA", "WI")
RECOUNT_RULES = ("automatic", "request", "cost")

#: How a rule's threshold may be written in its quotation, besides "0.5%" or "0.5 percent".
_THRESHOLD_WORDS = {0.5: "one-half of a percent", 0.25: ".25 percent"}


def _threshold_quoted(threshold: float, unit: str, quote: str) -> bool:
    if unit == "votes":
        forms = [f"{threshold:,.0f}"]
    else:
        forms = [f"{threshold:g}%", f"{threshold:g} percent"]
        forms += [_THRESHOLD_WORDS[threshold]] if threshold in _THRESHOLD_WORDS else []
    return any(f in quote for f in forms)


@on_data
def recount_rules_2016(path: Path | str | None = None) -> pd.DataFrame:
    """Each state's recount rules in force in November 2016, each quoted from its source.

    For each state: what triggers a recount, who may ask for one and who pays, each stated in a
    short summary and supported by a quotation.

    ``threshold`` (with ``threshold_unit``: ``percent`` of the votes cast, or ``votes``) is given
    only where the rule has one, and must appear in the quotation. Every state has exactly one row
    for each rule.
    """
    file = _path("recount_rules_2016.csv", path)
    schema = pa.DataFrameSchema(
        {
            "state_po": pa.Column(str, pa.Check.isin(RECOUNT_RULE_STATES)),
            "rule": pa.Column(str, pa.Check.isin(RECOUNT_RULES)),
            "summary": pa.Column(str),
            "threshold": pa.Column(float, pa.Check.gt(0), coerce=True, nullable=True),
            "threshold_unit": pa.Column(str, pa.Check.isin(["percent", "votes"]), nullable=True),
            **_SOURCED,
        },
        strict=True,
        ordered=True,
        unique=["state_po", "rule"],
    )
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "threshold and threshold_unit are given together",
        frame["threshold"].isna() != frame["threshold_unit"].isna(),
        lambda r: f"{r.state_po} {r.rule}",
    )
    check_rows(
        frame,
        file.name,
        "the threshold appears in the quotation",
        frame.apply(
            lambda r: (
                pd.notna(r.threshold)
                and not _threshold_quoted(r.threshold, r.threshold_unit, r.quote)
            ),
            axis=1,
        ),
        lambda r: f"{r.state_po} {r.rule}: {r.threshold:g} {r.threshold_unit}",
    )
    missing = [
        f"{s} {r}"
        for s in RECOUNT_RULE_STATES
        for r in RECOUNT_RULES
        if not ((frame["state_po"] == s) & (frame["rule"] == r)).any()
    ]
    if missing:
        raise DataValidationError(f"{file.name}: no row for {', '.join(missing)}.")
    return frame


def _check_date_order(frame: pd.DataFrame, name: str, rule: str) -> None:
    """Raise, under ``rule``, if a row's ``date`` comes before an earlier row's."""
    check_rows(
        frame,
        name,
        rule,
        frame["date"] < frame["date"].cummax(),
        lambda r: f"{r.date:%Y-%m-%d} comes after a later date",
    )


@on_data
def recount_events_2016(path: Path | str | None = None) -> pd.DataFrame:
    """The 2016 recount requests in Wisconsin, Michigan and Pennsylvania, event by event.

    Each row is one dated event with its source and the sentence that reports it. Dates lie between
    the election (8 November 2016) and the end of January 2017, in order.
    """
    file = _path("recount_events_2016.csv", path)
    schema = pa.DataFrameSchema(
        {
            "date": pa.Column(
                "datetime64[ns]",
                pa.Check.in_range(pd.Timestamp("2016-11-08"), pd.Timestamp("2017-01-31")),
                coerce=True,
            ),
            "state_po": pa.Column(str, pa.Check.isin(["MI", "PA", "WI"])),
            "event": pa.Column(str),
            **_SOURCED,
        },
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    _check_date_order(frame, file.name, "events are in date order")
    return frame


@on_data
def recount_shifts(path: Path | str | None = None) -> pd.DataFrame:
    """How far single statewide recounts moved the margin between the top two candidates.

    One row per recount: the shift in votes as its source gives it, whether the recount reversed
    the outcome, and the quotation; the shift must appear in the quotation.
    """
    file = _path("recount_shifts.csv", path)
    schema = pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(2000, 2030), coerce=True),
            "state_po": pa.Column(str, pa.Check.isin(sorted(STATE_CODES))),
            "office": pa.Column(str),
            "shift": non_negative_int(),
            "reversed": pa.Column(str, pa.Check.isin(["true", "false"])),
            **_SOURCED,
        },
        strict=True,
        ordered=True,
        unique=["year", "state_po", "office"],
    )
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "the shift appears in the quotation",
        frame.apply(lambda r: f"{r['shift']:,}" not in r.quote, axis=1),
        lambda r: f"{r.year} {r.state_po}: {r['shift']:,}",
    )
    frame["reversed"] = frame["reversed"] == "true"
    return frame


#: Who reported a figure of the Florida 2000 count: the state (its officials or courts) or the press.
FL_2000_REPORTERS = ("state", "press")

#: The two reviews of Florida's rejected ballots: the media consortium's (NORC, November 2001) and
#: the Miami Herald, Knight Ridder and USA Today's (April 2001).
FL_2000_REVIEWS = ("norc", "herald")


def _quotes_figure(value: int, quote: str) -> bool:
    """Whether ``quote`` states ``value`` as a whole figure, in digits or as a small number's word.

    ``1,784`` counts, but not inside ``11,784`` or ``1,7845``; ``three`` counts for 3.

    Examples
    --------
    >>> _quotes_figure(537, "by 537 votes"), _quotes_figure(53, "by 537 votes")
    (True, False)
    >>> _quotes_figure(3, "would have won by three votes")
    True
    """
    digits = rf"(?<![\d,.]){re.escape(f'{value:,}')}(?![\d]|,\d)"
    words = [w for w, n in _NUMBER_WORDS.items() if n == value]
    return bool(re.search(digits, quote)) or any(
        re.search(rf"\b{w}\b", quote, re.IGNORECASE) for w in words
    )


@on_data
def fl_2000_count(path: Path | str | None = None) -> pd.DataFrame:
    """Bush's lead in Florida, 2000, as it was reported from the first count to the courts.

    One row per reported figure: the date, the stage of the count, who reported it (``reporter``:
    the state or the press; ``reported_by`` says who exactly), Bush's lead in votes, the source and
    the quotation, in which the lead must appear as the book writes it (``1,784``). Figures of the
    same stage from different reporters disagree; the file keeps both.
    """
    file = _path("fl_2000_count.csv", path)
    schema = pa.DataFrameSchema(
        {
            "date": pa.Column("datetime64[ns]", coerce=True),
            "stage": pa.Column(str),
            "reporter": pa.Column(str, pa.Check.isin(FL_2000_REPORTERS)),
            "reported_by": pa.Column(str),
            "bush_lead": non_negative_int(),
            **_SOURCED,
        },
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "the lead appears in the quotation",
        frame.apply(lambda r: not _quotes_figure(r.bush_lead, r.quote), axis=1),
        lambda r: f"{r.stage} ({r.reported_by}): {r.bush_lead:,}",
    )
    _check_date_order(frame, file.name, "the rows are in date order")
    return frame


@on_data
def fl_2000_ballot_reviews(path: Path | str | None = None) -> pd.DataFrame:
    """Who would have led Florida in 2000 had the rejected ballots been counted, by each rule.

    One row per scenario of the two reviews of the ballots the machines rejected
    (:data:`FL_2000_REVIEWS`): which ballots would have been counted, by which standard, who would
    have led (``Bush`` or ``Gore``) and by how many votes, with the source and the quotation, in
    which the margin must appear as the book writes it.
    """
    file = _path("fl_2000_ballot_reviews.csv", path)
    schema = pa.DataFrameSchema(
        {
            "review": pa.Column(str, pa.Check.isin(FL_2000_REVIEWS)),
            "published": pa.Column("datetime64[ns]", coerce=True),
            "ballots": pa.Column(str),
            "standard": pa.Column(str),
            "leader": pa.Column(str, pa.Check.isin(["Bush", "Gore"])),
            "margin": pa.Column(int, pa.Check.gt(0), coerce=True),
            **_SOURCED,
        },
        strict=True,
        ordered=True,
        unique=["review", "ballots", "standard"],
    )
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "the margin appears in the quotation",
        frame.apply(lambda r: not _quotes_figure(r.margin, r.quote), axis=1),
        lambda r: f"{r.ballots}, {r.standard}: {r.margin:,}",
    )
    return frame


#: The rounds of Colorado's 2024 audit whose contest files the book holds.
CO_2024_RLA_ROUNDS = (1, 3)

#: What Colorado's audit software says of each contest after a round (``random_audit_status``).
CO_2024_RLA_STATUSES = ("in_progress", "risk_limit_achieved", "ended", "not_auditable")

_CO_COUNTS = (
    "winners_allowed",
    "ballot_card_count",
    "contest_ballot_card_count",
    "min_margin",
    "audited_sample_count",
    "two_vote_over_count",
    "one_vote_over_count",
    "one_vote_under_count",
    "two_vote_under_count",
    "disagreement_count",
    "other_count",
    "overstatements",
    "optimistic_samples_to_audit",
    "estimated_samples_to_audit",
)


@on_data
def co_2024_rla_contests(round_number: int = 3, path: Path | str | None = None) -> pd.DataFrame:
    """Colorado's 2024 risk-limiting audit, contest by contest, after round 1 or round 3.

    Byte-for-byte copies of the Colorado Secretary of State's ColoradoRLA exports
    (``data/co_2024_rla_round1_contest.csv`` and ``..._round3_contest.csv``; provenance in
    ``data/README.md``). One row per contest (725): the ballot cards in the counties that hold it,
    its smallest margin, the risk limit and gamma, the ballots audited so far, the four kinds of
    discrepancy found, the samples the state's software estimated, and the contest's status.

    Raises
    ------
    ValueError
        For a ``round_number`` the book does not hold (see :data:`CO_2024_RLA_ROUNDS`).
    """
    if isinstance(round_number, bool) or round_number not in CO_2024_RLA_ROUNDS:
        raise ValueError(f"round_number must be one of {CO_2024_RLA_ROUNDS}, not {round_number!r}")
    file = _path(f"co_2024_rla_round{round_number}_contest.csv", path)
    columns: dict[str, pa.Column] = {
        "contest_name": pa.Column(str, unique=True),
        "audit_reason": pa.Column(
            str,
            pa.Check.isin(["state_wide_contest", "county_wide_contest", "opportunistic_benefits"]),
        ),
        "random_audit_status": pa.Column(str, pa.Check.isin(CO_2024_RLA_STATUSES)),
        "winners": pa.Column(str, nullable=True),
        "risk_limit": pa.Column(float, [pa.Check.gt(0), pa.Check.lt(1)], coerce=True),
        "gamma": pa.Column(float, pa.Check.gt(1), coerce=True),
    }
    columns |= {c: non_negative_int() for c in _CO_COUNTS}
    order = [
        "contest_name",
        "audit_reason",
        "random_audit_status",
        "winners_allowed",
        "ballot_card_count",
        "contest_ballot_card_count",
        "winners",
        "min_margin",
        "risk_limit",
        "audited_sample_count",
        "two_vote_over_count",
        "one_vote_over_count",
        "one_vote_under_count",
        "two_vote_under_count",
        "disagreement_count",
        "other_count",
        "gamma",
        "overstatements",
        "optimistic_samples_to_audit",
        "estimated_samples_to_audit",
    ]
    schema = pa.DataFrameSchema({c: columns[c] for c in order}, strict=True, ordered=True)
    frame = validate(schema, read_csv(file), file.name)
    check_rows(
        frame,
        file.name,
        "the margin is at most the ballot cards",
        frame["min_margin"] > frame["ballot_card_count"],
        lambda r: f"{r.contest_name}: margin {r.min_margin:,} > {r.ballot_card_count:,} cards",
    )
    return frame


#: The reasons Colorado's 2024 discrepancy report gives, in its own words.
CO_2024_DISCREPANCY_REASONS = (
    "Wrong Ballot",
    "Audit Board Error",
    "Adjudication Error",
    "Voting System Limitation",
    "Voter Mistake",
)

_CO_DISCREPANCY_TITLE = '"November 2024 General Election Discrepancy Report",,,,,,'


@on_data
def co_2024_rla_discrepancies(path: Path | str | None = None) -> pd.DataFrame:
    """Every discrepancy Colorado's audit boards recorded in the 2024 audit, with the reason given.

    A byte-for-byte copy of the Secretary of State's report (``data/co_2024_rla_discrepancies.csv``):
    a title line, a header, one row per discrepancy (the county, the contest, the ballot card's
    imprinted ID, the choice the voting system recorded and the one the audit board read, the
    contest's audit reason, and the reason the board gave), and an ``End of worksheet`` line, which
    is checked and dropped. A ballot card with several contests in discrepancy has a row for each.
    Every row has a reason. The report writes "none" two ways, both kept as it has them: ``N/A``
    (most rows' audit reason, and a choice a side did not record) and an empty cell (NA; the audit
    reason on 17 rows, a few choices). Choices keep the report's quotation marks.
    """
    file = _path("co_2024_rla_discrepancies.csv", path)
    if file.exists():
        with file.open(encoding="utf-8-sig") as handle:
            title = handle.readline().rstrip("\r\n")
        if title != _CO_DISCREPANCY_TITLE:
            raise DataValidationError(
                f"{file.name}, line 1: expected the report's title {_CO_DISCREPANCY_TITLE!r}, "
                f"found {title!r}"
            )
    frame = read_csv(file, skip_lines=1)
    last = frame.iloc[-1]
    if last["county_name"] != "End of worksheet" or last.drop("county_name").notna().any():
        raise DataValidationError(
            f"{file.name}, {where(frame.index[-1])}: expected the report's closing "
            "'End of worksheet' line; the file may be truncated"
        )
    if len(frame) == 1:
        raise DataValidationError(f"{file.name}: the report lists no discrepancy")
    frame = frame.iloc[:-1].rename(columns={"Discrepancy Reason": "reason"})
    text = pa.Column(str)
    schema = pa.DataFrameSchema(
        {
            "county_name": text,
            "contest_name": text,
            "imprinted_id": pa.Column(str, pa.Check.str_matches(r"^[0-9A-Z]+(-[0-9A-Z]+)+$")),
            "choice_per_voting_computer": pa.Column(str, nullable=True),
            "audit_board_selection": pa.Column(str, nullable=True),
            "audit_reason": pa.Column(str, nullable=True),
            "reason": pa.Column(str, pa.Check.isin(CO_2024_DISCREPANCY_REASONS)),
        },
        strict=True,
        ordered=True,
    )
    return validate(schema, frame, file.name)


@on_data
def co_2024_rla_tabulation(path: Path | str | None = None) -> pd.DataFrame:
    """The votes of each choice in each contest of Colorado's 2024 audit, as its software tallied them.

    A byte-for-byte copy of the state's export (``data/co_2024_rla_tabulation.csv``): one row per
    contest and choice, the votes whole and zero or more, each pair once.
    """
    file = _path("co_2024_rla_tabulation.csv", path)
    schema = pa.DataFrameSchema(
        {
            "contest_name": pa.Column(str),
            "choice": pa.Column(str),
            "votes": non_negative_int(),
        },
        strict=True,
        ordered=True,
        unique=["contest_name", "choice"],
    )
    return validate(schema, read_csv(file), file.name)


# --------------------------------------------------------------------------------------------------
# Georgia 2020: the statewide audit (a full hand count) of the presidential contest
# --------------------------------------------------------------------------------------------------

_GA_CHOICES = (
    "Donald J. Trump",
    "Joseph R. Biden",
    "Jo Jorgensen",
    "Invalid Write-In",
    "Valid Write-iin",  # sic: the report's own spelling
    "Blank/Undervote",
    "Overvote",
)


@dataclass(frozen=True)
class GeorgiaAudit:
    """Georgia's 2020 audit report, as exported from its audit software (Arlo), section by section.

    ``tabulated`` is the machine count the audit checked, ``audited`` the hand count's totals (both
    by choice, in the report's words: :data:`_GA_CHOICES`); ``batches`` the hand-tallied votes of
    each batch of ballots. :func:`ga_2020_audit` is cached; it gives each caller its own copies of
    the dicts and the table.
    """

    contest: str
    ballots_cast: int
    tabulated: dict[str, int]
    audit_type: str
    math_type: str
    risk_limit: float
    sample_size: int
    risk_limit_met: bool
    start: pd.Timestamp
    end: pd.Timestamp
    audited: dict[str, int]
    batches: pd.DataFrame


def _ga_votes(text: str, file: str, where_: str) -> dict[str, int]:
    """``"Donald J. Trump: 2461468; ..."`` as a dict: each of the report's choices once, whole."""
    votes: dict[str, int] = {}
    for part in text.split("; "):
        found = re.fullmatch(r"(.+): (\d+)", part)
        if found is None:
            raise DataValidationError(f"{file}, {where_}: cannot read {part!r} as 'choice: votes'")
        if found.group(1) in votes:
            raise DataValidationError(f"{file}, {where_}: {found.group(1)!r} is listed twice")
        votes[found.group(1)] = int(found.group(2))
    return votes


def _ga_row(
    sections: dict[str, pd.DataFrame], name: str, schema: pa.DataFrameSchema, file: str
) -> pd.Series:
    """The one row of section ``name``, checked against ``schema`` (errors name line and column)."""
    frame = sections.get(name)
    if frame is None or len(frame) != 1:
        raise DataValidationError(
            f"{file}: expected a section {name!r} with one row, "
            f"found {'none' if frame is None else f'{len(frame)} rows'}"
        )
    return validate(schema, frame, file).iloc[0]


_GA_SECTIONS = {
    "CONTESTS": pa.DataFrameSchema(
        {
            "Contest Name": pa.Column(str),
            "Targeted?": pa.Column(str),
            "Number of Winners": pa.Column(int, pa.Check.eq(1), coerce=True),
            "Votes Allowed": pa.Column(int, pa.Check.eq(1), coerce=True),
            "Total Ballots Cast": pa.Column(int, pa.Check.gt(0), coerce=True),
            "Tabulated Votes": pa.Column(str),
        },
        strict=True,
        ordered=True,
    ),
    "AUDIT SETTINGS": pa.DataFrameSchema(
        {
            "Audit Name": pa.Column(str),
            "Audit Type": pa.Column(str),
            "Audit Math Type": pa.Column(str),
            "Risk Limit": pa.Column(str, pa.Check.str_matches(r"^[1-9]\d?%$")),
            "Random Seed": pa.Column(str),
            "Online Data Entry?": pa.Column(str, pa.Check.isin(["Yes", "No"])),
        },
        strict=True,
        ordered=True,
    ),
    "ROUNDS": pa.DataFrameSchema(
        {
            "Round Number": pa.Column(int, pa.Check.eq(1), coerce=True),
            "Contest Name": pa.Column(str),
            "Targeted?": pa.Column(str),
            "Sample Size": pa.Column(int, pa.Check.gt(0), coerce=True),
            "Risk Limit Met?": pa.Column(str, pa.Check.isin(["Yes", "No"])),
            "P-Value": pa.Column(float, pa.Check.in_range(0, 1), coerce=True),
            "Start Time": pa.Column("datetime64[ns]", coerce=True),
            "End Time": pa.Column("datetime64[ns]", coerce=True),
            "Audited Votes": pa.Column(str),
        },
        strict=True,
        ordered=True,
    ),
}


@on_data
def ga_2020_audit(path: Path | str | None = None) -> GeorgiaAudit:
    """Georgia's audit of the 2020 presidential contest: the settings, the totals and every batch.

    Reads the byte-for-byte copy of the state's audit report (``data/ga_2020_audit_report.csv``),
    a file of CSV sections, and checks each section against its schema, then what ties them
    together: one contest and one round, for that contest; a risk limit of a whole percentage below
    100; the round ending after it began; the machine count and the hand count each giving every
    one of the report's choices once; the round examining every ballot cast; and the batches'
    hand-tallied votes adding up to the round's totals, choice by choice.

    Raises
    ------
    DataValidationError
        On any of those rules, naming the file, and the line and column where a schema fails.
    """
    file = _path("ga_2020_audit_report.csv", path)
    sections = read_sections(file)
    contest, settings, rounds = (
        _ga_row(sections, name, schema, file.name) for name, schema in _GA_SECTIONS.items()
    )
    if rounds["Contest Name"] != contest["Contest Name"]:
        raise DataValidationError(
            f"{file.name}: the round audits {rounds['Contest Name']!r}, "
            f"not the contest {contest['Contest Name']!r}"
        )
    if rounds["End Time"] < rounds["Start Time"]:
        raise DataValidationError(f"{file.name}: the round ends before it starts")
    batches = sections.get("BATCH RESULTS")
    if batches is None:
        raise DataValidationError(f"{file.name}: no 'BATCH RESULTS' section")
    schema = pa.DataFrameSchema(
        {
            "Jurisdiction Name": pa.Column(str, pa.Check.str_matches(r"^[A-Z][A-Z ]+$")),
            "Batch Name": pa.Column(str),
            "Batch Type": pa.Column(str),
        }
        | {choice: non_negative_int() for choice in _GA_CHOICES},
        strict=True,
        ordered=True,
        unique=["Jurisdiction Name", "Batch Name", "Batch Type"],
    )
    batches = validate(schema, batches, file.name).rename(
        columns={"Jurisdiction Name": "county", "Batch Name": "batch", "Batch Type": "batch_type"}
    )
    tabulated = _ga_votes(contest["Tabulated Votes"], file.name, "CONTESTS")
    audited = _ga_votes(rounds["Audited Votes"], file.name, "ROUNDS")
    for section, votes in (("CONTESTS", tabulated), ("ROUNDS", audited)):
        if sorted(votes) != sorted(_GA_CHOICES):
            raise DataValidationError(
                f"{file.name}, {section}: the choices are {sorted(votes)}, "
                f"expected {sorted(_GA_CHOICES)}"
            )
    audit = GeorgiaAudit(
        contest=contest["Contest Name"],
        ballots_cast=int(contest["Total Ballots Cast"]),
        tabulated=tabulated,
        audit_type=settings["Audit Type"],
        math_type=settings["Audit Math Type"],
        risk_limit=int(settings["Risk Limit"].removesuffix("%")) / 100,
        sample_size=int(rounds["Sample Size"]),
        risk_limit_met=rounds["Risk Limit Met?"] == "Yes",
        start=pd.Timestamp(rounds["Start Time"]),
        end=pd.Timestamp(rounds["End Time"]),
        audited=audited,
        batches=batches,
    )
    if audit.sample_size != audit.ballots_cast:
        raise DataValidationError(
            f"{file.name}: the round examined {audit.sample_size:,} ballots, not every one of the "
            f"{audit.ballots_cast:,} cast; the book reads this report as a full hand count"
        )
    for choice in _GA_CHOICES:
        total = int(batches[choice].sum())
        if total != audit.audited[choice]:
            raise DataValidationError(
                f"{file.name}: the batches give {choice} {total:,} votes, "
                f"the round's totals {audit.audited[choice]:,}"
            )
    return audit


@on_data
def ga_2020_counties(path: Path | str | None = None) -> pd.DataFrame:
    """Georgia 2020, per county: the official results against the audit's hand count.

    A byte-for-byte copy of the comparison made by C. Jerdonek's repository
    (``data/ga_2020_ballots_cast_by_county.csv``, provenance in ``data/README.md``): for each of
    the 159 counties and ``ALL``, the votes for the three candidates (``TBJ``), undervotes,
    overvotes, other votes and ballots cast in the official results (``Ofc-``) and in the audit
    (``RLA-``), and their differences (``Δ-``). Each difference must equal audit minus official,
    and the counties must add up to ``ALL``.
    """
    file = _path("ga_2020_ballots_cast_by_county.csv", path)
    kinds = ("TBJ", "Und", "Ovr", "Oth", "BC")
    counts = [f"Ofc-{k}" for k in kinds] + [f"RLA-{k}" for k in (*kinds, "InvW", "ValW")]
    schema = pa.DataFrameSchema(
        {"County": pa.Column(str, unique=True)}
        | {c: non_negative_int() for c in counts}
        | {f"Δ-{k}": pa.Column(int, coerce=True) for k in kinds},
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    for kind in kinds:
        check_rows(
            frame,
            file.name,
            f"Δ-{kind} is RLA-{kind} minus Ofc-{kind}",
            frame[f"Δ-{kind}"] != frame[f"RLA-{kind}"] - frame[f"Ofc-{kind}"],
            lambda r, k=kind: f"{r.County}: Δ-{k} {r[f'Δ-{k}']}",
        )
    total = frame["County"] == "ALL"
    if total.sum() != 1 or len(frame) != 160:
        raise DataValidationError(
            f"{file.name}: expected 159 counties and one 'ALL' row, found {len(frame)} rows"
        )
    sums = frame.loc[~total, counts].sum()
    wrong = [c for c in counts if sums[c] != frame.loc[total, c].iloc[0]]
    if wrong:
        raise DataValidationError(f"{file.name}: the counties do not add up to 'ALL' in {wrong}")
    return frame


# --------------------------------------------------------------------------------------------------
# Faithless electors and the House delegations of a contingent election
# --------------------------------------------------------------------------------------------------

#: What happened to an elector's departing vote (``data/faithless_electors.csv``).
FAITHLESS_OUTCOMES = ("counted", "abstained", "invalidated_replaced", "invalidated_revoted")


@on_data
def faithless_electors(path: Path | str | None = None) -> pd.DataFrame:
    """Electors since 1948 whose December vote departed from their pledge, or who tried to.

    One row per elector, with the name each actually wrote for president and vice-president
    (the pledged name where the elector kept the pledge for that office; ``(blank ballot)`` for
    an abstention), what became of the vote (:data:`FAITHLESS_OUTCOMES`), and the sources
    (``key1;key2``) with their exact sentences (segments ``[key] ...`` joined by ``||``).
    """
    file = _path("faithless_electors.csv", path)
    schema = pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(1948, 2020), coerce=True),
            "state_po": pa.Column(str, pa.Check.isin(sorted(STATE_CODES))),
            "elector": pa.Column(str),
            "pledged_president": pa.Column(str),
            "pledged_vice_president": pa.Column(str),
            "vote_president": pa.Column(str),
            "vote_vice_president": pa.Column(str),
            "outcome": pa.Column(str, pa.Check.isin(FAITHLESS_OUTCOMES)),
            "source": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9]+(;[a-z0-9]+)*$")),
            "quote": pa.Column(str),
        },
        strict=True,
        ordered=True,
    )
    frame = validate(schema, read_csv(file), file.name)
    kept = (frame["vote_president"] == frame["pledged_president"]) & (
        frame["vote_vice_president"] == frame["pledged_vice_president"]
    )
    check_rows(
        frame,
        file.name,
        "each elector departed from the pledge for at least one office",
        kept,
        lambda r: f"{r.elector} ({r.year}, {r.state_po}) voted as pledged for both offices",
    )
    unquoted = frame.apply(
        lambda r: (
            len(r.source.split(";")) > 1
            and not all(f"[{key}]" in r.quote for key in r.source.split(";"))
        ),
        axis=1,
    )
    check_rows(
        frame,
        file.name,
        "with several sources, the quote has a [key] segment for each",
        unquoted,
        lambda r: f"{r.elector} ({r.year}): a source has no [key] segment in the quote",
    )
    return frame


@on_data
def house_delegations(path: Path | str | None = None) -> pd.DataFrame:
    """Party make-up of each state's House delegation on the opening day of a Congress.

    Derived from Voteview's member lists (see ``data/README.md``): members who arrived later by
    special election are left out. The 50 states only (DC has no vote in the House's choice);
    every Congress's members and vacancies add up to 435.
    """
    file = _path("house_delegations.csv", path)
    count = pa.Column(int, pa.Check.ge(0), coerce=True)
    schema = pa.DataFrameSchema(
        {
            "congress": pa.Column(int, pa.Check.ge(1), coerce=True),
            "date": pa.Column("datetime64[ns]", coerce=True),
            "state_po": pa.Column(str, pa.Check.isin(sorted(set(STATE_CODES) - {"DC"}))),
            "republicans": count,
            "democrats": count,
            "others": count,
            "vacancies": count,
            "source": _SOURCED["source"],
        },
        strict=True,
        ordered=True,
        unique=["congress", "state_po"],
    )
    frame = validate(schema, read_csv(file), file.name)
    for congress, rows in frame.groupby("congress"):
        seats = int(rows[["republicans", "democrats", "others", "vacancies"]].sum().sum())
        if len(rows) != 50 or seats != 435:
            raise DataValidationError(
                f"{file.name}, Congress {congress}: {len(rows)} states and {seats} seats; "
                "expected 50 states and 435 seats."
            )
    return frame


# --------------------------------------------------------------------------------------------------
# Voting equipment: the type of each product named in the Wisconsin list
# --------------------------------------------------------------------------------------------------

#: Product types as Verified Voting's database names them.
EQUIPMENT_TYPES = (
    "DRE-Touchscreen",
    "Optical Scan",
    "Ballot Marking Device or System",
    "Hand Counted Paper Ballots",
)


@on_data
def equipment_models(path: Path | str | None = None) -> pd.DataFrame:
    """Each product named in the Wisconsin equipment list, with its type (Verified Voting, 2016).

    ``role`` is ``tabulator`` (counts the ballots) or ``accessible`` (the equipment for voters with
    disabilities); a name may appear once per role.
    """
    file = _path("equipment_models.csv", path)
    schema = pa.DataFrameSchema(
        {
            "wec_equipment": pa.Column(str),
            "role": pa.Column(str, pa.Check.isin(["tabulator", "accessible"])),
            "verified_voting_model": pa.Column(str),
            "equipment_type": pa.Column(str, pa.Check.isin(EQUIPMENT_TYPES)),
            "source": _SOURCED["source"],
        },
        strict=True,
        ordered=True,
        unique=["wec_equipment", "role"],
    )
    return validate(schema, read_csv(file), file.name)
