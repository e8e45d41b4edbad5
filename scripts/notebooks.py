"""Make each chapter's notebook from its MyST Markdown source (``make notebooks``), or check them.

``python scripts/notebooks.py`` writes ``book/NAME.ipynb`` for every chapter source ``book/NAME.md``
(see :mod:`closecalls_build.notebooks`); commit both. ``--check`` builds them again in memory and fails,
naming the cells, if a stored notebook differs from what its source and the package give today.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat

from closecalls_build import notebooks
from explainers import paths

ROOT, BOOK, BIBLIOGRAPHY = paths.ROOT, paths.BOOK, paths.BIBLIOGRAPHY


def chapters(names: list[str]) -> list[Path]:
    """The chapter sources named (``margins`` or ``book/margins.md``), or all of them."""
    if names:
        return [BOOK / f"{Path(n).stem}.md" for n in names]
    return notebooks.executed_pages(BOOK)


def main() -> int:
    """Write or check the notebooks; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("chapters", nargs="*", help="chapter names (default: every chapter)")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    failed = False
    sources = chapters(args.chapters)
    print(f"{'checking' if args.check else 'making'} {len(sources)} notebooks ...", flush=True)
    built = notebooks.build_all(sources, BIBLIOGRAPHY)
    for source, fresh in built.items():
        target = source.with_suffix(".ipynb")
        if isinstance(fresh, Exception):
            print(f"  {fresh}")
            failed = True
            continue
        if not args.check:
            nbformat.write(fresh, target)
            print(f"  wrote {target.relative_to(ROOT)}")
            continue
        if not target.exists():
            print(f"  {target.name} is missing: run `make notebooks` and commit it")
            failed = True
            continue
        problems = notebooks.compare(nbformat.read(target, as_version=4), fresh)
        for problem in problems:
            print(f"  {problem}")
        if problems:
            print(f"  {target.name} is out of date with {source.name}: run `make notebooks`")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
