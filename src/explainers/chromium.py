"""How this project starts Debian's chromium: the browser tests, ``make bench`` and ``make bench-live``.

Playwright drives Debian's package (``/usr/bin/chromium``), never a browser of its own download,
which needs the open internet. The flags suit a machine with no network: without the
background-networking ones, chromium tries Google's services at every start and is refused.
"""

from __future__ import annotations

import shutil

__all__ = ["ARGS", "EXECUTABLE"]

#: Debian's chromium.
EXECUTABLE = shutil.which("chromium") or "/usr/bin/chromium"

#: Headless, as root in a container, with nothing that reaches out to the network.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
