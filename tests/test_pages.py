"""explainers.pages: the table of contents' order, and each chapter's outline from its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from explainers import pages


def test_the_real_table_of_contents_starts_at_the_landing_page() -> None:
    names = pages.toc_pages(ROOT / "_toc.yml")
    assert names[0] == "intro"
    assert {"margins", "audits", "electoral", "claims", "references"} <= set(names)
    assert len(names) == len(set(names))


def test_chapters_and_parts_are_both_read(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: book/a\n")
    assert pages.toc_pages(toc) == ["intro", "a"]
    toc.write_text(
        "format: jb-book\nroot: book/intro\nparts:\n"
        "  - caption: One\n    chapters:\n      - file: book/a\n      - file: book/b\n"
        "  - caption: Two\n    chapters:\n      - file: book/c\n"
    )
    assert pages.toc_pages(toc) == ["intro", "a", "b", "c"]


def test_a_file_without_root_is_refused(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text("chapters: []\n")
    with pytest.raises(ValueError, match="has no 'root' entry: is it a Jupyter Book"):
        pages.toc_pages(toc)


CHAPTER = """---
kernelspec:
  name: python3
---

```{code-cell} ipython3
# a comment is not the title
```

# The title

```{admonition} Learning objectives
:class: tip
After this chapter you will be able to

1. do one thing,
   over two lines;
2. do another.
```

```{exercise}
:label: a
One.
```

```{exercise}
:label: b
Two.
```
"""


def test_a_chapter_outline_comes_from_its_source(tmp_path: Path) -> None:
    source = tmp_path / "chap.md"
    source.write_text(CHAPTER)
    assert pages.outline(source) == pages.ChapterOutline(
        name="chap",
        title="The title",
        objectives=("do one thing, over two lines;", "do another."),
        exercises=2,
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"# The title": "The title"}, "chap.md: no '# ' title"),
        ({"Learning objectives": "Goals"}, "chap.md: no 'Learning objectives' admonition"),
        (
            {"1. do one": "do one", "2. do another": "do another"},
            "chap.md: the 'Learning objectives' admonition has no numbered item",
        ),
    ],
)
def test_a_chapter_without_an_outline_is_named(
    tmp_path: Path, changes: dict[str, str], message: str
) -> None:
    text = CHAPTER
    for old, new in changes.items():
        text = text.replace(old, new)
    source = tmp_path / "chap.md"
    source.write_text(text)
    with pytest.raises(ValueError, match=message):
        pages.outline(source)


@pytest.mark.parametrize("name", ["margins", "audits", "electoral", "claims"])
def test_every_chapter_states_objectives_and_at_least_four_exercises(name: str) -> None:
    found = pages.outline(ROOT / "book" / f"{name}.md")
    assert len(found.objectives) >= 3
    assert found.exercises >= 4
