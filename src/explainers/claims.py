"""Checking a claim with data: which Wisconsin municipalities voted on which equipment in 2016.

In November 2016 it was reported that Clinton did worse in Wisconsin counties that used electronic
voting machines than in counties that used paper ballots. To test that claim, the first step is to
know what each municipality used. The Wisconsin Elections Commission's list of voting equipment by
municipality (September 2016, ``data/sources/wec_2016_voting_equipment_by_municipality.xlsx``) names,
for each of its 1,853 municipalities, the tabulator that counts the paper ballots (or none: the
ballots are counted by hand) and the accessible voting equipment for voters with disabilities.
``data/equipment_models.csv`` gives each named product's type as Verified Voting's November 2016
database classifies it (optical scan, DRE touchscreen, ballot-marking device, hand-counted paper).

The classification used by the book: a municipality **has a DRE** if any of its accessible devices
is a DRE touchscreen (direct-recording electronic: the vote is recorded in the machine's memory;
Verified Voting's export lists a voter-verified paper record for each of the three models),
whatever else it uses; its **count** is "optical scan" if it lists a tabulator, "hand count"
otherwise. Every municipality on the list counts paper ballots; the DREs appear only as accessible
equipment beside them.

The analysis then asks the claim's question at two units of analysis, and ``dre`` means a
different thing at each. A **county** is a DRE county (``dre`` in :func:`county_table`) when most
of its ballots (at the original canvass) were cast in municipalities with a DRE; its 2016 and 2012
votes and demographics come from ``data/wi_2016_county_context.csv``. A **municipality** is a DRE
municipality (``dre`` in :func:`municipality_table`) when it has a DRE; the data hold no demographics for
municipalities, so its controls are its county's values (for a municipality in several counties,
its main county's). :func:`naive_comparison` compares the groups' average Clinton share;
:func:`fit` estimates the same difference by least squares with the controls a reader picks
(heteroskedasticity-robust standard errors for counties, standard errors clustered by county for
municipalities); :func:`recount_by_equipment` asks whether the recount of the paper moved votes
differently where DREs were present.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pandas as pd
import statsmodels.formula.api as smf

from explainers import data, recounts
from explainers.caching import on_data

__all__ = [
    "CONTROLS",
    "EQUIPMENT_FILE",
    "LEVELS",
    "RECOUNT_GROUPS",
    "Control",
    "Estimate",
    "JoinSummary",
    "county_table",
    "equipment_count",
    "equipment_models",
    "fit",
    "group_profile",
    "join_summary",
    "largest_unit_change",
    "mixed_counties",
    "municipal_equipment",
    "municipality_table",
    "naive_comparison",
    "recount_by_equipment",
    "regress",
    "specifications",
    "ward_equipment",
]

#: The Commission's list, copied unchanged (see ``data/README.md``).
EQUIPMENT_FILE = "sources/wec_2016_voting_equipment_by_municipality.xlsx"

_COUNTY = re.compile(r"^(?P<name>.+) COUNTY - (?P<code>\d{2})$")
_MUNICIPALITY = re.compile(r"^(?P<name>.+?) *- (?P<code>\d{5})$")


def equipment_models(path: Path | str | None = None) -> pd.DataFrame:
    """Each product name of the Commission's list, with its type in Verified Voting's database."""
    return data.equipment_models(path)


def _devices(cell: object) -> list[str]:
    """The products listed in one cell: ``"A; B"`` is two, an empty cell or ``None`` is none."""
    text = "" if pd.isna(cell) else str(cell).strip()
    return [part.strip() for part in text.split(";") if part.strip()]


def municipal_equipment(path: Path | str | None = None) -> pd.DataFrame:
    """One row per municipality of the Commission's list, with its equipment classified.

    Returns
    -------
    pandas.DataFrame
        ``county, county_code, municipality, municipality_code, multi_county, tabulator,
        accessible, count, has_dre``: a municipality that lies in several counties is listed once,
        under its main county, with `` - MAIN`` after its name (``multi_county`` is then true and
        the suffix is removed); ``tabulator`` and ``accessible`` are the product names (``; ``-
        separated when several), ``count`` is ``"optical scan"`` or ``"hand count"``, ``has_dre``
        whether any accessible device is a DRE touchscreen.

    Raises
    ------
    DataValidationError
        If a county or municipality cell does not have the list's ``NAME - CODE`` form, or a
        product is not in ``data/equipment_models.csv``.
    """
    if path is None:
        return _municipal_equipment()
    return _read_equipment(Path(path))


@on_data
def _municipal_equipment() -> pd.DataFrame:
    return _read_equipment(data.DATA_DIR / EQUIPMENT_FILE)


def _read_equipment(file: Path) -> pd.DataFrame:
    """Read and classify the Commission's list (see :func:`municipal_equipment`)."""
    sheet = pd.read_excel(file, dtype=str)
    if sheet.shape[1] != 4:
        raise data.DataValidationError(f"{file.name}: expected 4 columns, found {sheet.shape[1]}")
    sheet.columns = ["county", "municipality", "tabulator", "accessible"]
    models = equipment_models()
    known = {
        role: dict(zip(rows["wec_equipment"], rows["equipment_type"], strict=True))
        for role, rows in models.groupby("role")
    }
    rows = []
    for line, r in enumerate(sheet.itertuples(index=False), start=2):
        county, muni = (
            _COUNTY.match(str(r.county).strip()),
            _MUNICIPALITY.match(str(r.municipality).strip()),
        )
        if not county or not muni:
            raise data.DataValidationError(
                f"{file.name}, line {line}: county {r.county!r} or municipality "
                f"{r.municipality!r} is not of the form 'NAME - CODE'"
            )
        tabulators = [t for t in _devices(r.tabulator) if t != "None"]
        accessible = _devices(r.accessible)
        unknown = [t for t in tabulators if t not in known["tabulator"]] + [
            a for a in accessible if a not in known["accessible"]
        ]
        if unknown:
            raise data.DataValidationError(
                f"{file.name}, line {line}: {unknown} not in equipment_models.csv"
            )
        rows.append(
            {
                "county": county["name"],
                "county_code": county["code"],
                "municipality": muni["name"].removesuffix(" - MAIN"),
                "municipality_code": muni["code"],
                "multi_county": muni["name"].endswith(" - MAIN"),
                "tabulator": "; ".join(tabulators),
                "accessible": "; ".join(accessible),
                "count": "optical scan" if tabulators else "hand count",
                "has_dre": any(known["accessible"][a] == "DRE-Touchscreen" for a in accessible),
            }
        )
    return pd.DataFrame(rows)


_UNIT = re.compile(r"^(?P<municipality>(?:CITY|TOWN|VILLAGE) OF .+?) WARDS? ", re.IGNORECASE)


def ward_equipment() -> pd.DataFrame:
    """Each Wisconsin reporting unit of 2016 with its municipality's equipment.

    A reporting unit (``"TOWN OF ADAMS Wards 1-3"``, in ``data/wi_2016_recount_by_ward.csv``)
    belongs to the municipality its name starts with. It is matched to the equipment list, in this
    order: by county and municipality (``"county"``); to the municipality of that name that lies in
    several counties, listed once under its main county (``"main county"``); to the only
    municipality of that name in the whole list (``"unique name"``, a village reaching into a
    second county). A unit whose municipality has no entry of its name stays unmatched
    (``"none"``).

    Returns
    -------
    pandas.DataFrame
        The ward table's columns, then ``municipality``, ``match`` (``"county"``, ``"main
        county"``, ``"unique name"`` or ``"none"``) and the equipment columns of
        :func:`municipal_equipment` (empty where ``match`` is ``"none"``).
    """
    return _ward_equipment()


@on_data
def _ward_equipment() -> pd.DataFrame:
    wards = data.wi_recount_by_ward()
    names = wards["reporting_unit"].str.extract(_UNIT)["municipality"].str.upper()
    wards = wards.assign(municipality=names)
    equipment = municipal_equipment()
    columns = ["tabulator", "accessible", "count", "has_dre", "municipality_code"]
    by_county = equipment.set_index(["county", "municipality"])[columns]
    multi = equipment[equipment["multi_county"]].set_index("municipality")[columns]
    once = equipment["municipality"].map(equipment["municipality"].value_counts()) == 1
    unique = equipment[once].set_index("municipality")[columns]
    rows = []
    for unit in wards.itertuples(index=False):
        key = (unit.county, unit.municipality)
        if key in by_county.index:
            rows.append(("county", *by_county.loc[key]))
        elif unit.municipality in multi.index:
            rows.append(("main county", *multi.loc[unit.municipality]))
        elif unit.municipality in unique.index:
            rows.append(("unique name", *unique.loc[unit.municipality]))
        else:
            rows.append(("none", "", "", "", pd.NA, ""))
    matched = pd.DataFrame(rows, columns=["match", *columns], index=wards.index)
    return pd.concat([wards, matched], axis=1)


def equipment_count(kind: str) -> int:
    """How many municipalities count by ``"optical scan"`` or ``"hand count"``, or list a ``"DRE"``.

    Raises
    ------
    ValueError
        For another kind.
    """
    table = municipal_equipment()
    if kind == "DRE":
        return int(table["has_dre"].sum())
    if kind not in ("optical scan", "hand count"):
        raise ValueError(f"unknown kind {kind!r}; choose 'optical scan', 'hand count' or 'DRE'")
    return int((table["count"] == kind).sum())


@dataclass(frozen=True)
class JoinSummary:
    """How the reporting units were matched to the equipment list (see :func:`ward_equipment`)."""

    by_county: int
    main_county: int
    unique_name: int
    unmatched: int
    unmatched_places: int
    unmatched_ballots: int
    unmatched_pct: float


def join_summary() -> JoinSummary:
    """Units matched each way, and the units, places and ballots (original canvass) left out."""
    units = ward_equipment()
    counts = units["match"].value_counts()
    missed = units[units["match"] == "none"]
    return JoinSummary(
        by_county=int(counts.get("county", 0)),
        main_county=int(counts.get("main county", 0)),
        unique_name=int(counts.get("unique name", 0)),
        unmatched=len(missed),
        unmatched_places=int(missed[["county", "municipality"]].drop_duplicates().shape[0]),
        unmatched_ballots=int(missed["total_canvass"].sum()),
        unmatched_pct=float(100 * missed["total_canvass"].sum() / units["total_canvass"].sum()),
    )


# --------------------------------------------------------------------------------------------------
# The units of analysis: counties and municipalities, with their outcome, equipment and controls
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Control:
    """A control a reader can add: the column it uses and how the book names it."""

    column: str
    label: str
    measure: str


#: The controls, in the order the book lists them. At the municipality level each is the county's.
CONTROLS: dict[str, Control] = {
    "vote2012": Control("obama12_pct", "2012 vote", "Obama's share of the 2012 vote (%)"),
    "race": Control("white_pct", "race", "non-Hispanic white share of residents (%)"),
    "education": Control(
        "lesscollege_pct", "education", "share of residents without a bachelor's degree (%)"
    ),
    "income": Control("income_k", "income", "median household income ($1,000)"),
    "rural": Control("rural_pct", "urban or rural", "rural share of residents (%)"),
}

#: The units of analysis.
LEVELS = ("county", "municipality")

_CONTROL_COLUMNS = [c.column for c in CONTROLS.values()]


def _county_controls() -> pd.DataFrame:
    """Each county's controls, by county name: 2012 vote share, the four demographic measures."""
    context = data.wi_county_context()
    votes12 = context[["obama12", "romney12", "otherpres12"]].sum(axis=1)
    return pd.DataFrame(
        {
            "county": context["county"],
            "obama12_pct": 100 * context["obama12"] / votes12,
            "white_pct": context["white_pct"],
            "lesscollege_pct": context["lesscollege_pct"],
            "income_k": context["median_hh_inc"] / 1000,
            "rural_pct": context["rural_pct"],
        }
    ).set_index("county")


@on_data
def _county_table() -> pd.DataFrame:
    units = ward_equipment()
    matched = units[units["match"] != "none"]
    dre_ballots = matched["total_canvass"].where(matched["has_dre"].astype(bool), 0)
    by_county = (
        matched.assign(dre_ballots=dre_ballots)
        .groupby("county")[["total_canvass", "dre_ballots"]]
        .sum()
    )
    votes = data.wi_recount_by_county().set_index("county")
    table = pd.DataFrame(
        {
            "ballots": votes["total_canvass"],
            "clinton": votes["clinton_canvass"],
            "clinton_pct": 100 * votes["clinton_canvass"] / votes["total_canvass"],
            "dre_share": by_county["dre_ballots"] / by_county["total_canvass"],
        }
    )
    table["dre"] = table["dre_share"] > 0.5
    table = table.join(_county_controls(), validate="one_to_one")
    table["change_pct"] = table["clinton_pct"] - table["obama12_pct"]
    return table.reset_index()


def county_table() -> pd.DataFrame:
    """Wisconsin's 72 counties: Clinton's 2016 share, how much of the vote was in DRE places, controls.

    Returns
    -------
    pandas.DataFrame
        ``county, ballots, clinton`` (the Commission's original canvass), ``clinton_pct`` (Clinton's
        share of all presidential votes, %), ``dre_share`` (the share of the county's ballots cast
        in municipalities with a DRE, among its matched reporting units), ``dre`` (``dre_share``
        above one half), the control columns of :data:`CONTROLS` and ``change_pct`` (Clinton's
        2016 share minus Obama's 2012 share, in points).
    """
    return _county_table()


_KIND = re.compile(r"^(CITY|TOWN|VILLAGE) OF ")


@on_data
def _municipality_table() -> pd.DataFrame:
    units = ward_equipment()
    matched = units[units["match"] != "none"]
    main_county = municipal_equipment().set_index("municipality_code")["county"]
    table = matched.groupby("municipality_code").agg(
        municipality=("municipality", "first"),
        ballots=("total_canvass", "sum"),
        clinton=("clinton_canvass", "sum"),
        dre=("has_dre", "first"),
        count=("count", "first"),
    )
    table = table[table["ballots"] > 0]
    table["dre"] = table["dre"].astype(bool)
    table["kind"] = table["municipality"].str.extract(_KIND, expand=False).str.lower()
    table["county"] = main_county.reindex(table.index)
    table["clinton_pct"] = 100 * table["clinton"] / table["ballots"]
    table = table.join(_county_controls(), on="county")
    return table.reset_index()


def municipality_table() -> pd.DataFrame:
    """Wisconsin's municipalities with votes in 2016: Clinton's share, DRE or not, county controls.

    The reporting units matched to the equipment list (see :func:`ward_equipment`) are added up by
    municipality (a municipality in several counties is one row); one with no ballots is left out.

    Returns
    -------
    pandas.DataFrame
        ``municipality_code, municipality, ballots, clinton`` (original canvass), ``dre``,
        ``count`` (``"optical scan"`` or ``"hand count"``), ``kind`` (``city``, ``town`` or
        ``village``), ``county`` (the main county), ``clinton_pct`` and the control columns of
        :data:`CONTROLS` (the county's values).
    """
    return _municipality_table()


def mixed_counties() -> int:
    """How many counties had DREs in some of their municipalities' reporting units but not all."""
    share = county_table()["dre_share"]
    return int(((share > 0) & (share < 1)).sum())


def group_profile() -> pd.DataFrame:
    """The average county of each group (``dre`` True first): its controls and 2016 share."""
    table = county_table()
    columns = [*_CONTROL_COLUMNS, "clinton_pct"]
    return table.groupby("dre")[columns].mean().sort_index(ascending=False)


def _table(level: str) -> pd.DataFrame:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    return county_table() if level == "county" else municipality_table()


# --------------------------------------------------------------------------------------------------
# The comparisons: naive, then with controls
# --------------------------------------------------------------------------------------------------


def naive_comparison(level: str) -> pd.DataFrame:
    """Clinton's share where DREs were present and where they were not, with no controls.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``dre`` (``True`` first): ``units``, ``ballots``, ``mean_clinton_pct`` (the
        average of the units' shares, each unit counting once, as in :func:`fit`),
        ``pooled_clinton_pct`` (all the group's Clinton votes over all its ballots) and, for
        counties, ``mean_change_pct`` (the average change since 2012, in points).

    Raises
    ------
    ValueError
        For a level not in :data:`LEVELS`.
    """
    table = _table(level)
    groups = table.groupby("dre")
    out = pd.DataFrame(
        {
            "units": groups.size(),
            "ballots": groups["ballots"].sum(),
            "mean_clinton_pct": groups["clinton_pct"].mean(),
            "pooled_clinton_pct": 100 * groups["clinton"].sum() / groups["ballots"].sum(),
        }
    )
    if level == "county":
        out["mean_change_pct"] = groups["change_pct"].mean()
    return out.sort_index(ascending=False)


@dataclass(frozen=True)
class Estimate:
    """The estimated difference in Clinton's share (points) where DREs were present, and its 95% CI.

    ``controls`` are keys of :data:`CONTROLS`; ``within_county`` means municipalities are compared
    only with others of their county (a county fixed effect); ``clusters`` is the number of
    counties the standard error is clustered by (``None`` at the county level).
    """

    level: str
    controls: tuple[str, ...]
    within_county: bool
    estimate: float
    std_error: float
    low: float
    high: float
    units: int
    clusters: int | None


def _check_controls(controls: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(controls)
    unknown = [c for c in chosen if c not in CONTROLS]
    if unknown:
        raise ValueError(f"unknown control {unknown[0]!r}; choose from {', '.join(CONTROLS)}")
    return tuple(c for c in CONTROLS if c in chosen)  # the book's order, each once


def regress(
    table: pd.DataFrame,
    controls: Iterable[str] = (),
    *,
    cluster: str | None = None,
    within: str | None = None,
) -> tuple[float, float, float, float]:
    """Least squares of ``clinton_pct`` on ``dre`` and the control columns: the ``dre`` coefficient.

    ``table`` has ``clinton_pct``, a boolean ``dre`` and the named columns; ``within`` names a column
    whose values get their own intercept (a fixed effect); ``cluster`` a column to cluster the
    standard error by (else HC3 heteroskedasticity-robust). Returns the estimate, its standard
    error and the 95% confidence interval's ends.
    """
    terms = ["dre", *controls, *([f"C({within})"] if within else [])]
    frame = table.assign(dre=table["dre"].astype(int))
    model = smf.ols("clinton_pct ~ " + " + ".join(terms), data=frame)
    if cluster is None:
        result = model.fit(cov_type="HC3")
    else:
        groups = frame[cluster].astype("category").cat.codes
        result = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
    low, high = result.conf_int(alpha=0.05).loc["dre"]
    return float(result.params["dre"]), float(result.bse["dre"]), float(low), float(high)


def fit(level: str, controls: Iterable[str] = (), within_county: bool = False) -> Estimate:
    """Regress Clinton's 2016 share (%) on DRE presence and the chosen controls, unit by unit.

    Ordinary least squares, each county or municipality counting once (:func:`regress`). With no
    controls the estimate is the difference between the groups' averages in
    :func:`naive_comparison`. Counties: heteroskedasticity-robust (HC3) standard errors.
    Municipalities: standard errors clustered by county, because the controls are county values
    and municipalities of one county are alike.

    Raises
    ------
    ValueError
        For an unknown level or control; for ``within_county`` at the county level (each county is
        one unit); for ``within_county`` with controls (a county's values do not vary within it).
    """
    chosen = _check_controls(controls)
    table = _table(level)
    if within_county and level == "county":
        raise ValueError(
            "cannot compare within counties at the county level: each county is one unit"
        )
    if within_county and chosen:
        raise ValueError(
            "the controls are county values, the same for every municipality of a county: "
            "comparing within counties already holds them fixed"
        )
    by_county = "county" if level == "municipality" else None
    estimate, std_error, low, high = regress(
        table,
        [CONTROLS[c].column for c in chosen],
        cluster=by_county,
        within="county" if within_county else None,
    )
    return Estimate(
        level=level,
        controls=chosen,
        within_county=within_county,
        estimate=estimate,
        std_error=std_error,
        low=low,
        high=high,
        units=len(table),
        clusters=None if by_county is None else int(table["county"].nunique()),
    )


@on_data
def _specifications() -> pd.DataFrame:
    rows = []
    for level in LEVELS:
        for k in range(len(CONTROLS) + 1):
            for chosen in combinations(CONTROLS, k):
                e = fit(level, chosen)
                rows.append(
                    {"level": level}
                    | {c: c in chosen for c in CONTROLS}
                    | {
                        "controls": len(chosen),
                        "estimate": e.estimate,
                        "low": e.low,
                        "high": e.high,
                        "units": e.units,
                    }
                )
    return pd.DataFrame(rows)


def specifications() -> pd.DataFrame:
    """:func:`fit` at both levels for every set of controls (2 x 32 rows), for the page's controls.

    Returns
    -------
    pandas.DataFrame
        ``level``, one boolean column per key of :data:`CONTROLS`, ``controls`` (how many),
        ``estimate``, ``low``, ``high`` (points) and ``units``.
    """
    return _specifications()


# --------------------------------------------------------------------------------------------------
# The physical check: the recount of the paper
# --------------------------------------------------------------------------------------------------


#: The groups of reporting units the recount is compared across.
RECOUNT_GROUPS = ("DRE present", "no DRE", "not matched")


def _units_by_group() -> pd.DataFrame:
    """Each reporting unit's recount changes (:func:`explainers.recounts.ward_changes`) and group."""
    changes = recounts.ward_changes()
    has_dre = ward_equipment()["has_dre"]  # same rows, same order: both read the ward table
    group = has_dre.map({True: RECOUNT_GROUPS[0], False: RECOUNT_GROUPS[1]})
    return changes.assign(group=group.fillna(RECOUNT_GROUPS[2]))


def recount_by_equipment() -> pd.DataFrame:
    """What the December 2016 recount changed, in reporting units with and without a DRE.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``group`` (:data:`RECOUNT_GROUPS`): ``units``, ``ballots`` (original canvass),
        ``units_changed`` (units where the recount changed the total or either leading candidate's
        count), ``trump_change``, ``clinton_change`` and ``clinton_net`` (Clinton's change minus
        Trump's: negative when the recount widened Trump's lead), and ``net_per_100k``
        (``clinton_net`` per 100,000 ballots).
    """
    units = _units_by_group()
    changed = units[["total_change", "trump_change", "clinton_change"]].ne(0).any(axis=1)
    groups = units.assign(changed=changed).groupby("group")
    out = pd.DataFrame(
        {
            "units": groups.size(),
            "ballots": groups["total_canvass"].sum(),
            "units_changed": groups["changed"].sum(),
            "trump_change": groups["trump_change"].sum(),
            "clinton_change": groups["clinton_change"].sum(),
        }
    )
    out["clinton_net"] = out["clinton_change"] - out["trump_change"]
    out["net_per_100k"] = 1e5 * out["clinton_net"] / out["ballots"]
    return out.reindex(list(RECOUNT_GROUPS))


def largest_unit_change(group: str) -> int:
    """The largest change in Trump's lead, in votes either way, in one reporting unit of a group.

    ``group`` is one of :data:`RECOUNT_GROUPS`.

    Raises
    ------
    ValueError
        For another group.
    """
    if group not in RECOUNT_GROUPS:
        raise ValueError(f"unknown group {group!r}; choose one of {', '.join(RECOUNT_GROUPS)}")
    units = _units_by_group()
    return int(units.loc[units["group"] == group, "margin_change"].abs().max())
