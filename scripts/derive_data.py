"""Rewrite the derived tables of ``data/`` from the publishers' files in ``data/sources/``.

Run after replacing a source file; then update the checksums in ``data/README.md`` and run
``make test`` (``tests/test_derive.py`` checks that the committed CSVs equal a fresh derivation).
"""

from __future__ import annotations

from explainers import data, derive, fec2024

#: Each derived CSV of data/ and the function of explainers.derive that makes it.
DERIVED = {
    "wi_2016_recount_by_county.csv": derive.wi_recount_by_county_from_wec,
    "wi_2016_recount_by_line.csv": derive.wi_recount_by_line_from_wec,
    "wi_2016_recount_by_ward.csv": derive.wi_recount_by_ward_from_wec,
    "wi_2016_county_context.csv": derive.wi_county_context_from_medsl,
    "house_delegations.csv": derive.house_delegations_from_voteview,
    "fec_2024_president_by_state.csv": fec2024.returns_2024_from_fec,
    "fec_2024_electoral_votes.csv": fec2024.electoral_votes_2024_from_fec,
}


def main() -> None:
    """Write every derived CSV."""
    for name, make in DERIVED.items():
        target = data.DATA_DIR / name
        make().to_csv(target, index=False, lineterminator="\n")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
