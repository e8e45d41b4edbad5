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
is a DRE touchscreen (direct-recording electronic: the vote is recorded in the machine's memory; in
Wisconsin these machines print a paper trail), whatever else it uses; its **count** is "optical
scan" if it lists a tabulator, "hand count" otherwise. Every Wisconsin voter could vote on paper:
the DREs were the accessible option beside paper ballots.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from explainers import data

__all__ = ["EQUIPMENT_FILE", "equipment_models", "municipal_equipment", "ward_equipment"]

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
    file = data.DATA_DIR / EQUIPMENT_FILE if path is None else Path(path)
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
