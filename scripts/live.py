"""``make live``: serve the book's chapters as live Voilà apps from this computer (Ctrl-C stops).

Builds the live pages from the built site (``_build/html``) and the chapter notebooks into
``_build/live`` (see :mod:`closecalls_build.live`), then runs Voilà in this process with the settings of
:mod:`closecalls_build.live_server`.

    python scripts/live.py [--port 8866] [--lan] [--pool 1] [--cull-minutes 20]
                           [--lesson CHAPTER --students N] [--out FOLDER]
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import sys
from pathlib import Path

from closecalls_build import live
from closecalls_build.live_server import Settings, jupyter_path, voila_argv, voila_config
from closecalls_build.pages import toc_pages
from explainers import paths

ROOT = paths.ROOT


def lan_addresses() -> list[str]:
    """The addresses of this computer on the local network, as best the standard library can tell."""
    found = set()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            # No packet is sent: connecting a UDP socket only picks the outgoing interface.
            probe.connect(("192.0.2.1", 9))
            found.add(probe.getsockname()[0])
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127."))


def main(argv: list[str] | None = None) -> int:
    """Build the live pages, print where to open them, and run Voilà until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument(
        "--lan",
        action="store_true",
        help="listen on every network interface, so that other computers on this network can "
        "connect (anyone who can reach this computer can then use the pages)",
    )
    parser.add_argument("--pool", type=int, default=1, help="pre-started kernels per chapter")
    parser.add_argument(
        "--cull-minutes", type=float, default=20.0, help="end a page's kernel after this idle time"
    )
    parser.add_argument("--lesson", help="the chapter of the day, e.g. margins")
    parser.add_argument(
        "--students", type=int, default=0, help="kernels to keep started for the lesson"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "_build" / "live", help="folder for the live pages"
    )
    args = parser.parse_args(argv)
    out = args.out.resolve()
    try:
        written = live.build(
            ROOT / "_build" / "html", ROOT / "book", out, toc_pages(ROOT / "_toc.yml")
        )
        # On the network, a page opens only with this secret in its address.
        token = secrets.token_urlsafe(6) if args.lan else ""
        settings = Settings(
            out,
            args.port,
            args.lan,
            args.pool,
            args.cull_minutes,
            args.lesson,
            args.students,
            token,
        )
    except (ValueError, FileNotFoundError) as error:
        print(f"make live: {error}", file=sys.stderr)
        return 2
    start = next(iter(written.values()))
    kind = "render" if start.suffix == ".ipynb" else "files"
    path = f"/voila/{kind}/{start.name}" + (f"?token={settings.token}" if settings.token else "")
    print(f"Live pages written to {out}: {', '.join(p.name for p in written.values())}")
    print(f"Open http://127.0.0.1:{settings.port}{path} on this computer.")
    if settings.lan:
        hosts = lan_addresses() or ["<this computer's address>"]
        print("WARNING: --lan listens on every network interface: any computer that can reach this")
        print("one can connect. Pages open only with the token in the address below; share it with")
        print("the class only. Each open page starts a Python kernel that runs the book's panels")
        print("and costs memory. Use it on a classroom's own network, never on a public one.")
        for host in hosts:
            print(f"Students open http://{host}:{settings.port}{path}")
    print("Press Ctrl-C to stop the server.", flush=True)
    os.environ["JUPYTER_PATH"] = jupyter_path(os.environ.get("JUPYTER_PATH"))
    # Ctrl-C must stop the server even when this was started from a shell that ignores SIGINT in
    # background jobs (Python then leaves it ignored); SIGTERM works either way.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from voila.app import Voila

    Voila.launch_instance(argv=voila_argv(settings), config=voila_config(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
