"""How ``make live`` runs Voilà for a classroom: its command line, and which idle kernels it ends.

Every student who opens a chapter gets a Python kernel of their own (about 100-200 MB, see
``scripts/bench_live.py``). Two settings keep a teacher's laptop responsive:

- **Pre-started kernels.** Voilà keeps ``pool`` kernels per chapter that have already run the
  chapter's cells, so a student's page is ready without waiting for Python to start; for the
  ``lesson`` (the chapter of the day) it keeps one per expected student. A used kernel is replaced
  in the background, so memory peaks at about (students + pool) kernels.
- **Culling.** A kernel with no activity for ``cull_minutes`` is shut down, even while its tab is
  still open (a forgotten tab would otherwise hold its memory until the server stops). The page
  then says that its session has ended and asks for a reload. :class:`ClassroomKernelManager`
  spares the pre-started kernels, which are idle by design: culling them would empty the pool.

The server listens on 127.0.0.1 unless ``lan`` is set: then anyone on the same network can open
the pages and run the panels (the panels run only the book's code, but each visitor costs a
kernel), so it is for a classroom's own network, not a public one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets.config import Config

from explainers.live import TEMPLATE

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
        If the port, the pool size or the cull time is out of range.
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
        # The pages need one front-end extension, the widget manager. JupyterLab's MyST and
        # Jupytext extensions would add about 1.5 MB of scripts to every page.
        "--VoilaConfiguration.extension_denylist=['jupyterlab-myst', 'jupyterlab-jupytext']",
        # Pages without panels are plain HTML; the Vega bundle is JavaScript.
        r"--VoilaConfiguration.file_allowlist=['.*\.(html|js)']",
        "--VoilaConfiguration.multi_kernel_manager_class="
        "explainers.live_server.ClassroomKernelManager",
        f"--MappingKernelManager.cull_idle_timeout={round(settings.cull_minutes * 60)}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=True",
    ]
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


def voila_config(settings: Settings) -> Config:
    """The settings the command line cannot carry (a nested mapping), as traitlets config."""
    return Config({"VoilaKernelManager": {"kernel_pools_config": kernel_pools(settings)}})


def jupyter_path(existing: str | None = None) -> str:
    """``JUPYTER_PATH`` with the folder that holds the ``closecalls`` Voilà template first."""
    share = str(TEMPLATE.parents[2])
    return os.pathsep.join([share, existing]) if existing else share


class ClassroomKernelManager(AsyncMappingKernelManager):
    """Voilà's kernel manager, culling idle kernels except those pre-started for the next student.

    Voilà builds its pooled manager as a subclass of this class, so ``_pools`` (Voilà 0.5's
    per-notebook list of pre-start tasks) is there at run time; without pools there is nothing to
    spare.
    """

    def waiting_kernels(self) -> set[str]:
        """Ids of the kernels pre-started and not yet given to a page."""
        waiting = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    waiting.add(task.result()["kernel_id"])
        return waiting

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Cull as Jupyter Server does, but never a kernel still waiting in the pool."""
        if kernel_id in self.waiting_kernels():
            return
        await super().cull_kernel_if_idle(kernel_id)
