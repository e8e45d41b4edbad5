"""``make pdf``: each page of the built book as a PDF, printed by Debian's chromium, offline.

For teachers who hand out paper. Each page of ``_toc.yml`` is opened from ``_build/html`` as a
file and printed with ``chromium --headless --print-to-pdf``, which uses the book's print
stylesheet (no sidebars, no code, no solutions; charts as drawn). Chromium gets a few seconds of
virtual time for the charts' scripts to draw, and a host resolver that resolves no name, so nothing
can be fetched from the network. The PDFs land in ``_build/pdf``.

    python scripts/pdf.py [--edition teacher] [PAGE ...]

The teacher's edition (``--edition teacher``, ``make pdf EDITION=teacher``) opens each page with
``?edition=teacher``: the same handout with the exercises' solutions printed, under a banner that
marks it as the teacher's copy. It lands in ``_build/pdf/teacher``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from closecalls_build import chromium as chromium_flags
from closecalls_build.pages import toc_pages
from explainers import paths

ROOT, SITE = paths.ROOT, paths.SITE
OUT = paths.BUILD / "pdf"
#: The editions: the student handout (no solutions) and the teacher's copy (with them).
EDITIONS = ("student", "teacher")
FLAGS = [
    *chromium_flags.ARGS,
    # Every host name fails to resolve: a page that tried to load anything from outside would
    # print without it rather than wait for a network that is not there.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-pdf-header-footer",
    # Time for the charts' scripts to turn each static drawing into a live view before printing.
    "--virtual-time-budget=20000",
]


def print_page(chromium: str, page: Path, pdf: Path, edition: str = "student") -> None:
    """Print one built page to ``pdf``, in the student or the teacher's edition.

    Raises
    ------
    RuntimeError
        If chromium fails or writes no PDF.
    """
    pdf.unlink(missing_ok=True)
    url = page.as_uri() + ("?edition=teacher" if edition == "teacher" else "")
    command = [chromium, *FLAGS, f"--print-to-pdf={pdf}", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    if result.returncode != 0 or not pdf.exists() or pdf.read_bytes()[:5] != b"%PDF-":
        raise RuntimeError(f"chromium could not print {page}:\n{result.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    """Print the pages named (default: every page of the book)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="page names, e.g. margins (default: all)")
    parser.add_argument("--edition", default="student", help="student (default) or teacher")
    args = parser.parse_args(argv)
    if args.edition not in EDITIONS:
        print(f"make pdf: no such edition: {args.edition} (editions: {', '.join(EDITIONS)})")
        return 2
    names = toc_pages(ROOT / "_toc.yml")
    unknown = sorted(set(args.pages) - set(names))
    if unknown:
        print(f"make pdf: no such page: {', '.join(unknown)} (pages: {', '.join(names)})")
        return 2
    chromium = shutil.which("chromium")
    if chromium is None:
        print(
            "make pdf: chromium is not installed: run 'make chromium' (or apt-get install chromium)"
        )
        return 2
    out = OUT / "teacher" if args.edition == "teacher" else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name in args.pages or names:
        page = SITE / "book" / f"{name}.html"
        if not page.exists():
            print(f"make pdf: {page} is missing: run 'make book' first")
            return 2
        pdf = out / f"{name}.pdf"
        print_page(chromium, page, pdf, args.edition)
        print(f"{pdf.relative_to(ROOT)} ({pdf.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
