"""The 50 states and the District of Columbia: postal codes, names, and reading either.

Every chapter names states, and readers type them in either form ("WI", "Wisconsin"). This module
holds the one list of the 51 units that choose presidential electors, so that no loader has to read
an election file just to learn a state's name; :mod:`explainers.data` checks that each data file
spells every state as this list does.
"""

from __future__ import annotations

__all__ = ["STATES", "STATE_CODES", "resolve_state", "state_name"]

#: Postal code -> name, for the 50 states and DC.
STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}

#: The 51 postal codes.
STATE_CODES: frozenset[str] = frozenset(STATES)

_BY_NAME = {name.upper(): code for code, name in STATES.items()}


def resolve_state(state: str) -> str:
    """Return the postal code for ``state`` given as a code or a name, in any letter case.

    Raises
    ------
    TypeError
        If ``state`` is not a string.
    ValueError
        If ``state`` is not one of the 50 states or DC.

    Examples
    --------
    >>> resolve_state("Wisconsin"), resolve_state(" pa ")
    ('WI', 'PA')
    """
    if not isinstance(state, str):
        raise TypeError(f"state must be a string, got {state!r}")
    key = state.strip().upper()
    if key in STATE_CODES:
        return key
    if key in _BY_NAME:
        return _BY_NAME[key]
    raise ValueError(
        f"unknown state {state!r}: give a postal code (e.g. 'WI') or a name (e.g. 'Wisconsin') "
        "of one of the 50 states or DC"
    )


def state_name(state: str) -> str:
    """The name of ``state`` (a code or a name), as people write it.

    Examples
    --------
    >>> state_name("dc")
    'District of Columbia'
    """
    return STATES[resolve_state(state)]
