"""One way to cache what the package computes from the data files: keyed on their version.

Reading and validating a table, or fitting 64 regressions, takes long enough that a chapter must
not repeat it for every number it prints; yet a reader who edits a data file in a Jupyter session,
or a test that writes a broken copy, must never be answered from a stale cache. So every cache in
the package is :func:`on_data`: its key is the arguments *and* the version of the data folder (each
file's path, modification time and size, :func:`data_version`), and a file passed as an argument is
keyed by its own version too. Other arguments must be hashable to be cached: a call with an
unhashable one (a list, say) goes to the function uncached, which accepts or refuses it. A table,
dict or list comes back as a fresh (shallow) copy, so a caller that changes it changes nothing else.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import pandas as pd

from explainers.validation import file_version

__all__ = ["data_version", "on_data"]

P = ParamSpec("P")
R = TypeVar("R")

#: How many versions of a result each function keeps (a test's copy of the data, and the real one).
MAXSIZE = 32


#: The data version of the outermost cached call running in this thread: the cached functions it
#: calls use it rather than list the data folder again (0.5 ms each time); one computation reads one
#: version of the data.
_calling = threading.local()


def data_version() -> tuple[tuple[Path, int, int], ...]:
    """Path, modification time and size of every file in the data folder, sources included.

    The folder is :data:`explainers.data.DATA_DIR`, read at each call (a test may point it at a
    copy).
    """
    from explainers import data  # the data layer's own loaders are cached with this module

    return tuple(file_version(p) for p in sorted(data.DATA_DIR.rglob("*")) if p.is_file())


def _key(signature: inspect.Signature, args: tuple, kwargs: dict) -> tuple:
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    key = []
    for name, value in bound.arguments.items():
        if isinstance(value, os.PathLike) or (name == "path" and isinstance(value, str)):
            value = file_version(Path(value))
        # The type too: True == 1 and hash(True) == hash(1), but a function may accept one and
        # refuse the other.
        key.append((name, type(value), value))
    return tuple(key)


def _fresh(result: R) -> R:
    """``result`` as a caller may change it, so that no caller changes what the next one gets.

    A table, dict or list is copied; so is a dataclass whose fields hold them, with those copied.
    """
    if isinstance(result, pd.DataFrame | pd.Series | dict | list):
        return result.copy()  # type: ignore[return-value]
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        changes = {
            f.name: _fresh(getattr(result, f.name))
            for f in dataclasses.fields(result)
            if f.init
            and isinstance(getattr(result, f.name), pd.DataFrame | pd.Series | dict | list)
        }
        return dataclasses.replace(result, **changes) if changes else result  # type: ignore[return-value]
    return result


def on_data(func: Callable[P, R]) -> Callable[P, R]:
    """``func``, its results cached for the current :func:`data_version` and its arguments.

    A path argument (any ``os.PathLike``, or a string given for a parameter named ``path``) is keyed
    by that file's version, so an edited file is read again. The data version is read once per
    outermost call: the cached functions ``func`` calls share it. pandas tables, dicts and lists are
    returned as (shallow) copies, and so are those a dataclass result holds.
    The wrapper has ``cache_clear()``, for benchmarks that time the uncached computation.

    >>> calls = []
    >>> @on_data
    ... def double(x: int) -> int:
    ...     calls.append(x)
    ...     return 2 * x
    >>> double(2), double(2), double(x=2), calls
    (4, 4, 4, [2])
    """
    signature = inspect.signature(func)
    results: OrderedDict[tuple, R] = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        outermost = getattr(_calling, "version", None) is None
        version = data_version() if outermost else _calling.version
        key = (version, _key(signature, args, kwargs))
        try:
            hash(key)
        except TypeError:  # an unhashable argument: never cached, ``func`` judges it
            return func(*args, **kwargs)
        with lock:
            hit = key in results
            if hit:
                results.move_to_end(key)
                result = results[key]
        if not hit:
            _calling.version = version
            try:
                result = func(*args, **kwargs)
            finally:
                if outermost:
                    _calling.version = None
            with lock:
                results[key] = result
                while len(results) > MAXSIZE:
                    results.popitem(last=False)
        return _fresh(result)

    wrapper.cache_clear = results.clear  # type: ignore[attr-defined]
    return wrapper
