"""explainers.caching.on_data: results kept per data version and arguments, handed out as copies."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from explainers import caching


@pytest.fixture
def versions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the data folder's listings; each listing returns a new version (as if files changed)."""
    listed: list[int] = []

    def version() -> tuple:
        listed.append(len(listed))
        return ((Path("v"), len(listed), 0),)

    monkeypatch.setattr(caching, "data_version", version)
    return listed


def test_a_new_data_version_computes_again(versions: list[int]) -> None:
    calls = []

    @caching.on_data
    def square(x: int) -> int:
        calls.append(x)
        return x * x

    assert square(3) == square(3) == 9
    assert calls == [3, 3]  # every call saw a new version of the data


def test_a_computation_reads_the_data_version_once(versions: list[int]) -> None:
    @caching.on_data
    def inner(x: int) -> int:
        return x + 1

    @caching.on_data
    def outer(x: int) -> int:
        return inner(x) + inner(x + 1) + inner(x + 2)

    assert outer(1) == 2 + 3 + 4
    assert len(versions) == 1  # the cached functions outer calls share its version
    assert inner(1) == 2
    assert len(versions) == 2  # and a call of its own lists the folder again


def test_a_failed_computation_leaves_no_version_behind(versions: list[int]) -> None:
    @caching.on_data
    def broken() -> int:
        raise ValueError("bad data")

    @caching.on_data
    def fine() -> int:
        return 1

    with pytest.raises(ValueError, match="bad data"):
        broken()
    fine()
    assert len(versions) == 2  # the second call read the folder itself


def test_tables_dicts_and_lists_come_back_as_copies() -> None:
    calls = []

    @caching.on_data
    def things(kind: str) -> object:
        calls.append(kind)
        return {"table": pd.DataFrame({"a": [1]}), "dict": {"a": 1}, "list": [1]}[kind]

    table = things("table")
    table.loc[0, "a"] = 99
    things("dict")["a"] = 99
    things("list")[0] = 99
    assert things("table").loc[0, "a"] == 1
    assert things("dict") == {"a": 1} and things("list") == [1]
    assert calls == ["table", "dict", "list"]  # the second calls were served from the cache
    things.cache_clear()  # type: ignore[attr-defined]
    things("list")
    assert calls[-1] == "list"


def test_a_dataclass_result_comes_back_with_its_tables_and_dicts_copied() -> None:
    @dataclasses.dataclass(frozen=True)
    class Result:
        name: str
        table: pd.DataFrame
        counts: dict[str, int]

    calls = []

    @caching.on_data
    def result() -> Result:
        calls.append(1)
        return Result("a", pd.DataFrame({"a": [1]}), {"a": 1})

    first = result()
    first.table.loc[0, "a"] = 99
    first.counts["a"] = 99
    again = result()
    assert again.table.loc[0, "a"] == 1 and again.counts == {"a": 1}
    assert again.name == "a" and calls == [1]
    assert again is not first


def test_an_unhashable_argument_is_passed_through_uncached() -> None:
    calls = []

    @caching.on_data
    def first(items: object) -> object:
        calls.append(items)
        if not isinstance(items, tuple):
            raise ValueError(f"items must be a tuple, not {items!r}")
        return items[0]

    with pytest.raises(ValueError, match=r"items must be a tuple, not \[1, 2\]"):
        first([1, 2])
    assert first((1, 2)) == first((1, 2)) == 1
    assert calls == [[1, 2], (1, 2)]


def test_a_bool_is_not_served_the_result_for_the_equal_int() -> None:
    @caching.on_data
    def pick(n: object) -> int:
        if isinstance(n, bool):
            raise ValueError(f"n must be a whole number, not {n!r}")
        return int(n) * 10

    assert pick(1) == 10
    with pytest.raises(ValueError, match="n must be a whole number, not True"):
        pick(True)
