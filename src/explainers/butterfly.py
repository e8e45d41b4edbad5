"""Pat Buchanan's vote in Palm Beach County, 2000, against what Florida's other counties predict.

Palm Beach County's ballot of November 2000 listed the presidential candidates in two columns on
facing pages, with the punch holes in a line between them (the "butterfly ballot"). Pat Buchanan
received 3,407 votes there in the county file the book uses (``data/fl_2000_county_unofficial.csv``,
an early, unofficial count), more than in any other Florida county. Was that more than the county's
size and politics would lead one to expect?

The method: across the *other* 66 counties, fit a straight line relating the logarithm of Buchanan's
vote to the logarithm of another measure of the county (Bush's vote, or all votes cast, with the
candidates' shares as further controls in some models); logarithms, because counties range from a few
thousand votes to more than half a million, and their spread around the line grows with their size.
The line, at Palm Beach's values, predicts his vote there, with a 95% *prediction* interval: the range
within which one county's vote should fall if Palm Beach were like the others. Back from the log
scale, the line's value is a typical county's vote (the median of the prediction, not its mean; the
mean is a little higher), and the interval's ends are exact. The excess is the count minus the
prediction, with the interval that goes with it.

What the data cannot show: the excess is a number of votes, not a list of voters. That those votes
were meant for Gore is an inference from the ballot's layout and other evidence (published studies
the chapter cites), not something a county total can tell.

Examples
--------
>>> palm_beach = fit("bush")
>>> palm_beach.actual, round(palm_beach.predicted)
(3407, 592)
>>> round(palm_beach.excess_low) > 537
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

from explainers import data
from explainers.caching import on_data

__all__ = [
    "COUNTY",
    "LEVEL",
    "MODELS",
    "CountyFit",
    "Model",
    "all_counties",
    "fit",
    "model_comparison",
]

#: The county the chapter asks about, as ``data.fl_2000_counties()`` names it.
COUNTY = "PALM BEACH"

#: The coverage of the prediction intervals.
LEVEL = 0.95

#: The minor candidates other than Buchanan (every one on Florida's ballot).
_MINOR = ("nader", "browne", "hagelin", "harris", "mcreynolds", "moorehead", "phillips")


@dataclass(frozen=True)
class Model:
    """A regression of log(Buchanan's votes) on ``predictors``, columns of :func:`_design`."""

    key: str
    label: str
    predictors: tuple[str, ...]


#: The models the chapter compares, from the simplest (Bush's vote alone) to the most controlled.
MODELS: dict[str, Model] = {
    m.key: m
    for m in (
        Model("bush", "Bush's vote (log)", ("log_bush",)),
        Model("total", "All votes cast (log)", ("log_total",)),
        Model(
            "total_bush_share",
            "All votes (log) and Bush's share",
            ("log_total", "bush_share"),
        ),
        Model(
            "total_shares",
            "All votes (log), Bush's and the other minor candidates' shares",
            ("log_total", "bush_share", "minor_share"),
        ),
    )
}


@dataclass(frozen=True)
class CountyFit:
    """One county's Buchanan vote against the line fitted to all the other counties.

    ``predicted`` is the line's value back from the log scale: the median of the prediction, not its
    mean. ``low`` and ``high`` are its prediction interval at ``level``; ``excess`` is ``actual -
    predicted``, ``excess_low`` and ``excess_high`` are ``actual - high`` and ``actual - low``.
    ``outside`` says whether the actual vote falls outside the interval. ``r_squared`` is the fit's
    on the log scale, over the ``counties`` it was fitted to.
    """

    county: str
    model: str
    actual: int
    predicted: float
    low: float
    high: float
    level: float
    r_squared: float
    counties: int

    @property
    def excess(self) -> float:
        """Votes above the prediction (negative: below)."""
        return self.actual - self.predicted

    @property
    def excess_low(self) -> float:
        """The smallest excess the prediction interval allows."""
        return self.actual - self.high

    @property
    def excess_high(self) -> float:
        """The largest excess the prediction interval allows."""
        return self.actual - self.low

    @property
    def outside(self) -> bool:
        """Whether the county's vote lies outside its prediction interval."""
        return not self.low <= self.actual <= self.high


def _design() -> pd.DataFrame:
    """Every county with the columns the models use, indexed by county name.

    Raises
    ------
    ValueError
        If a county has no vote for Buchanan or for Bush: a logarithm needs a count above zero.
    """
    counties = data.fl_2000_counties().set_index("county")
    for column in ("buchanan", "bush"):
        empty = counties.index[counties[column] == 0]
        if len(empty):
            raise ValueError(
                f"the models take the logarithm of each county's {column} votes, and "
                f"{', '.join(empty)} has none: the file cannot be used as it is"
            )
    return pd.DataFrame(
        {
            "buchanan": counties["buchanan"],
            "log_buchanan": np.log(counties["buchanan"]),
            "log_bush": np.log(counties["bush"]),
            "log_total": np.log(counties["total"]),
            "bush_share": counties["bush"] / counties["total"],
            "minor_share": counties[list(_MINOR)].sum(axis=1) / counties["total"],
        }
    )


def _check(model: str, county: str, level: float) -> None:
    """Refuse an unknown model or county, or a level that is not a probability below 0.9999."""
    if not isinstance(model, str) or model not in MODELS:
        raise ValueError(f"model must be one of {sorted(MODELS)}, not {model!r}")
    counties = data.fl_2000_counties()["county"]
    if not isinstance(county, str) or county not in set(counties):
        raise ValueError(
            f"county must be one of Florida's {len(counties)} counties as the data name them "
            f"(e.g. {COUNTY!r}), not {county!r}"
        )
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level < 0.9999:
        raise ValueError(f"level must be a number strictly between 0 and 0.9999, not {level!r}")


@on_data
def fit(model: str = "bush", county: str = COUNTY, level: float = LEVEL) -> CountyFit:
    """``county``'s Buchanan vote against ``model`` fitted to the other 66 counties.

    Raises
    ------
    ValueError
        For an unknown ``model`` or ``county``, or a ``level`` outside (0, 1).
    """
    _check(model, county, level)
    design = _design()
    predictors = list(MODELS[model].predictors)
    others = design.drop(index=county)
    result = sm.OLS(others["log_buchanan"], sm.add_constant(others[predictors])).fit()
    row = sm.add_constant(design.loc[[county], predictors], has_constant="add")
    frame = result.get_prediction(row).summary_frame(alpha=1 - level)
    mean, low, high = np.exp(frame[["mean", "obs_ci_lower", "obs_ci_upper"]].to_numpy()[0])
    return CountyFit(
        county=county,
        model=model,
        actual=int(design.loc[county, "buchanan"]),
        predicted=float(mean),
        low=float(low),
        high=float(high),
        level=level,
        r_squared=float(result.rsquared),
        counties=int(result.nobs),
    )


def model_comparison(county: str = COUNTY, level: float = LEVEL) -> pd.DataFrame:
    """``county`` under every model of :data:`MODELS`: prediction, interval and excess, one row each."""
    rows = []
    for key, model in MODELS.items():
        f = fit(key, county, level)
        rows.append(
            {
                "model": key,
                "label": model.label,
                "predicted": f.predicted,
                "low": f.low,
                "high": f.high,
                "actual": f.actual,
                "excess": f.excess,
                "excess_low": f.excess_low,
                "excess_high": f.excess_high,
                "r_squared": f.r_squared,
            }
        )
    return pd.DataFrame(rows)


@on_data
def all_counties(model: str = "bush", level: float = LEVEL) -> pd.DataFrame:
    """Every county against the line fitted to the other 66, to see how unusual Palm Beach is.

    One row per county (``county``, ``actual``, ``predicted``, ``low``, ``high``, ``excess``,
    ``ratio`` = actual / predicted, ``outside``), in the file's order. With 67 counties and 95%
    intervals, about three would fall outside by chance alone; how far outside is what tells. Each
    county is fitted against all the others, Palm Beach included, which widens the others'
    intervals a little.
    """
    rows = []
    for county in data.fl_2000_counties()["county"]:
        f = fit(model, county, level)
        rows.append(
            {
                "county": county,
                "actual": f.actual,
                "predicted": f.predicted,
                "low": f.low,
                "high": f.high,
                "excess": f.excess,
                "ratio": f.actual / f.predicted,
                "outside": f.outside,
            }
        )
    return pd.DataFrame(rows)
