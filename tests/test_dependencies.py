"""The two packages' declared dependencies against what their modules import, both ways.

``pyproject.toml`` declares what the content package, ``explainers``, needs (``dependencies``) and
what the build package, ``closecalls_build``, needs besides (the ``build`` extra). Every import of a
third-party module in either package must be declared for it, and every declared distribution must
be imported (or named below with the reason it is needed without an import), so the list cannot
drift from the code again. The content package never imports the build package.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import pkgutil
import re
import sys
import tomllib
from pathlib import Path

import pytest

import closecalls_build
import explainers
from explainers import paths

PYPROJECT = tomllib.loads((paths.ROOT / "pyproject.toml").read_text("utf-8"))
OWN = {"explainers", "closecalls_build"}

#: Declared distributions that no module imports, each with what needs it.
NOT_IMPORTED = {
    "openpyxl": "pandas reads the WEC's .xlsx reports with it (explainers.derive, explainers.claims)",
    "brotli": "fontTools writes the cut icon font as WOFF2 with it",
    "ipykernel": "the kernel nbclient runs the chapters on (closecalls_build.notebooks)",
    "voila": "`make live` runs it (scripts/live.py) as closecalls_build.live_server configures it",
}


def canonical(name: str) -> str:
    """A distribution's name as PyPI compares names (``PyYAML`` and ``pyyaml`` are one)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {canonical(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0]) for r in requirements}


BASE = declared(PYPROJECT["project"]["dependencies"])
BUILD = declared(PYPROJECT["project"]["optional-dependencies"]["build"])


def imported_modules(package: str) -> dict[str, set[str]]:
    """Modules imported anywhere in ``src/PACKAGE`` (functions included), with their importers."""
    found: dict[str, set[str]] = {}
    for path in (paths.ROOT / "src" / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] not in sys.stdlib_module_names | {"__future__"}:
                    found.setdefault(name, set()).add(path.relative_to(paths.ROOT).as_posix())
    return found


def distributions(package: str) -> dict[str, set[str]]:
    """The distributions whose modules ``package`` imports, with the files that import them."""
    providers = importlib.metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for module, files in imported_modules(package).items():
        top = module.split(".")[0]
        if top in OWN:
            continue
        assert top in providers, f"{module} (imported by {sorted(files)}) is not installed"
        dists = {canonical(d) for d in providers[top]}
        if len(dists) > 1:  # a namespace package: sphinxcontrib.bibtex is sphinxcontrib-bibtex
            dists &= {canonical(".".join(module.split(".")[:2]))}
        for dist in dists:
            found.setdefault(dist, set()).update(files)
    return found


def test_the_content_package_never_imports_the_build_package() -> None:
    importers = imported_modules("explainers").get("closecalls_build", set())
    assert importers == set(), f"explainers modules importing closecalls_build: {importers}"


@pytest.mark.parametrize(
    ("package", "allowed"), [("explainers", BASE), ("closecalls_build", BASE | BUILD)]
)
def test_every_import_is_declared(package: str, allowed: set[str]) -> None:
    undeclared = {d: sorted(f) for d, f in distributions(package).items() if d not in allowed}
    assert undeclared == {}, f"imported by {package} but not declared in pyproject.toml"


@pytest.mark.parametrize(
    ("package", "requirements"), [("explainers", BASE), ("closecalls_build", BUILD)]
)
def test_every_declared_dependency_is_needed(package: str, requirements: set[str]) -> None:
    used = set(distributions(package)) | set(NOT_IMPORTED)
    assert requirements - used == set(), f"declared for {package} but never imported"


def test_the_content_dependencies_are_not_repeated_in_the_build_extra() -> None:
    assert not BASE & BUILD


def test_the_dependency_check_sees_an_undeclared_import(tmp_path: Path, monkeypatch) -> None:
    # The check reads the source: a module importing something undeclared is caught.
    package = tmp_path / "src" / "explainers"
    package.mkdir(parents=True)
    (package / "m.py").write_text("def f():\n    import yaml\n    from sphinx import addnodes\n")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    assert set(distributions("explainers")) - BASE == {"pyyaml", "sphinx"}


@pytest.mark.parametrize("package", [explainers, closecalls_build], ids=lambda p: p.__name__)
def test_every_module_imports(package) -> None:
    names = [m.name for m in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
    assert len(names) >= 10
    for name in names:
        importlib.import_module(name)


@pytest.mark.parametrize("package", [explainers, closecalls_build], ids=lambda p: p.__name__)
def test_the_package_docstring_lists_every_module(package) -> None:
    modules = {
        m.name
        for m in pkgutil.iter_modules(package.__path__, f"{package.__name__}.")
        if not m.name.rsplit(".", 1)[1].startswith("_")
    }
    missing = {m for m in modules if f":mod:`{m}`" not in package.__doc__}
    assert missing == set()
