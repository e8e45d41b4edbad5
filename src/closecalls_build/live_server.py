"""How ``make live`` runs Voilà for a classroom: its command line, and which idle kernels it ends.

Every student who opens a chapter gets a Python kernel of their own (about 125 MB measured by
``make bench-live``). Two settings keep a teacher's laptop responsive:

- **Pre-started kernels.** Voilà keeps ``pool`` kernels per chapter that have already run the
  chapter's cells, so a student's page is ready without waiting for Python to start; for the
  ``lesson`` (the chapter of the day) it keeps one per expected student. A used kernel is replaced
  in the background, so memory peaks at about (students + pool) kernels.
- **Culling.** A kernel with no activity for ``cull_minutes`` is shut down, even while its tab is
  still open (a forgotten tab would otherwise hold its memory until the server stops). The page
  then says that its session has ended and asks for a reload. Voilà spares the pre-started
  kernels, which are idle by design; :class:`ClassroomKernelManager` makes sure a student's kernel
  counts its idle time from when the student got it, not from when it was started.

The server listens on 127.0.0.1 unless ``lan`` is set: then any computer on the same network can
reach it, so ``scripts/live.py`` also sets a random ``token`` that each page's address must carry
(the teacher shares the printed address). A visitor can only move the panels: Voilà refuses to run
code a page sends (it forwards no ``execute_request`` to kernels), but each page costs a kernel's
memory, so the option is for a classroom's own network, not a public one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets.config import Config

from closecalls_build.live import TEMPLATE

__all__ = [
    "ClassroomKernelManager",
    "Settings",
    "jupyter_path",
    "kernel_pools",
    "voila_argv",
    "voila_config",
]

LOOPBACK = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"  # only with the explicit, documented LAN option


@dataclass(frozen=True)
class Settings:
    """What a teacher may choose when starting the live server.

    Raises
    ------
    ValueError
        If the port, the pool size, the cull time or the number of students is out of range, if
        students are given without a lesson, or if the lesson is not a live chapter in ``folder``.
    """

    folder: Path
    port: int = 8866
    lan: bool = False
    pool: int = 1
    cull_minutes: float = 20.0
    #: The chapter of the day (its notebook's name without ``.ipynb``), and how many kernels to
    #: keep started for it, one per student expected at once.
    lesson: str | None = None
    students: int = 0
    #: A secret every page's address must carry (``?token=...``; the browser then keeps it in a
    #: cookie). Empty: no token, the default on 127.0.0.1, where only this computer connects.
    token: str = ""

    def __post_init__(self) -> None:
        if not 1024 <= self.port <= 65535:
            raise ValueError(f"port must be between 1024 and 65535, got {self.port}")
        if not 0 <= self.pool <= 20:
            raise ValueError(f"pool must be between 0 and 20 kernels per chapter, got {self.pool}")
        if not 1 <= self.cull_minutes <= 24 * 60:
            raise ValueError(f"cull_minutes must be between 1 and 1440, got {self.cull_minutes}")
        if not 0 <= self.students <= 60:
            raise ValueError(f"students must be between 0 and 60, got {self.students}")
        if self.students and not self.lesson:
            raise ValueError("students needs a lesson: the chapter to start their kernels for")
        if self.lesson and not (self.folder / f"{self.lesson}.ipynb").exists():
            raise ValueError(f"lesson {self.lesson!r} is not a live chapter in {self.folder}")

    @property
    def ip(self) -> str:
        """The address the server listens on."""
        return ALL_INTERFACES if self.lan else LOOPBACK


def voila_argv(settings: Settings) -> list[str]:
    """Voilà's command line for these settings.

    Examples
    --------
    >>> argv = voila_argv(Settings(Path("live")))
    >>> "--Voila.ip=127.0.0.1" in argv, "--Voila.port_retries=0" in argv
    (True, True)
    """
    argv = [
        str(settings.folder),
        # 0.5.x ignores --ip=; the trait must be named in full.
        f"--Voila.ip={settings.ip}",
        f"--Voila.port={settings.port}",
        # Fail on a busy port rather than move to another one than the address printed.
        "--Voila.port_retries=0",
        "--Voila.open_browser=False",
        "--VoilaConfiguration.template=closecalls",
        "--VoilaConfiguration.theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.multi_kernel_manager_class="
        "closecalls_build.live_server.ClassroomKernelManager",
        f"--MappingKernelManager.cull_idle_timeout={round(settings.cull_minutes * 60)}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=True",
    ]
    # Voilà asks for no token unless given one; with one, a page opens only with ?token=.
    argv.append(f"--Voila.token={settings.token}")
    if settings.pool > 0 or settings.students > 0:
        argv += ["--VoilaConfiguration.preheat_kernel=True", f"--pool_size={settings.pool}"]
    return argv


def kernel_pools(settings: Settings) -> dict[str, dict[str, int]]:
    """How many kernels Voilà keeps started for each chapter: ``pool``, more for the lesson.

    Examples
    --------
    >>> kernel_pools(Settings(Path("live"), pool=1))
    {'default': {'pool_size': 1}}
    """
    pools = {"default": {"pool_size": settings.pool}}
    if settings.lesson:
        pools[f"{settings.lesson}.ipynb"] = {"pool_size": max(settings.pool, settings.students)}
    return pools


#: Of the JupyterLab extensions installed beside Voilà the pages need only the widget manager;
#: MyST's and Jupytext's alone would add about 1.5 MB of scripts to every page. (An allowlist
#: naming only the widget manager left the widgets undrawn in Voilà 0.5.13.)
UNUSED_EXTENSIONS = [
    "jupyterlab-myst",
    "jupyterlab-jupytext",
    "jupyterlab_pygments",
    "@voila-dashboards/jupyterlab-preview",
]

#: The files Voilà may serve from the live folder: the pages without panels, the Vega bundle.
SERVED_FILES = [r".*\.(html|js)"]


def voila_config(settings: Settings) -> Config:
    """The settings that are lists or mappings, as traitlets config.

    The command line's syntax for them is deprecated.
    """
    return Config(
        {
            "VoilaConfiguration": {
                "extension_denylist": UNUSED_EXTENSIONS,
                "file_allowlist": SERVED_FILES,
            },
            "VoilaKernelManager": {"kernel_pools_config": kernel_pools(settings)},
        }
    )


def jupyter_path(existing: str | None = None) -> str:
    """``JUPYTER_PATH`` with the folder that holds the ``closecalls`` Voilà template first."""
    share = str(TEMPLATE.parents[2])
    return os.pathsep.join([share, existing]) if existing else share


class ClassroomKernelManager(AsyncMappingKernelManager):
    """Voilà's kernel manager, with a pre-started kernel's idle time counted from when it is used.

    Voilà already spares the kernels waiting in its pools from culling, but their idle clock keeps
    running: a kernel pre-started half an hour before class would, once given to a student, look
    idle for longer than the cull timeout, and the next cull pass (every minute) could shut it down
    before the student's page connects. Each pass therefore first marks the waiting kernels as
    active. Voilà builds its pooled manager as a subclass of this class, so its ``_pools`` (Voilà
    0.5's per-notebook list of pre-start tasks) is there at run time.
    """

    def waiting_kernels(self) -> set[str]:
        """Ids of the kernels pre-started and not yet given to a page."""
        waiting = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    waiting.add(task.result()["kernel_id"])
        return waiting

    async def cull_kernels(self) -> None:
        """Mark the waiting kernels active, then cull as Jupyter Server does."""
        now = utcnow()
        for kernel_id in self.waiting_kernels():
            if kernel_id in self._kernels:
                self._kernels[kernel_id].last_activity = now
        await super().cull_kernels()
