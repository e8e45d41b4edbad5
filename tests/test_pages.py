"""closecalls_build.pages: the table of contents' order, and each chapter's outline from its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from closecalls_build import pages


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


def test_nested_sections_follow_their_page(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text(
        "format: jb-book\nroot: book/intro\nparts:\n"
        "  - caption: Chapters\n    chapters:\n"
        "      - file: book/a\n        sections:\n          - file: book/a1\n"
        "            sections:\n              - file: book/a1x\n"
        "      - file: book/b\n"
        "  - caption: Back\n    chapters:\n      - file: book/c\n"
    )
    assert pages.toc_pages(toc) == ["intro", "a", "a1", "a1x", "b", "c"]
    assert pages.toc_parts(toc) == {"Chapters": ["a", "a1", "a1x", "b"], "Back": ["c"]}
    assert pages.chapters(toc) == ("a", "a1", "a1x", "b")


def test_the_chapters_are_the_part_so_captioned(tmp_path: Path) -> None:
    # _toc.yml's part "Chapters".
    assert pages.chapters() == (
        "margins",
        "florida",
        "audits",
        "real_audits",
        "electoral",
        "claims",
    )
    toc = tmp_path / "_toc.yml"
    toc.write_text(
        "format: jb-book\nroot: book/intro\nparts:\n  - caption: Pages\n    chapters: []\n"
    )
    with pytest.raises(ValueError, match=r"has no part captioned 'Chapters': \['Pages'\]"):
        pages.chapters(toc)


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


#: Sections a lesson does not need to name: every chapter has them, and the guide says where they go.
ROUTINE = {"Summary", "Exercises", "The live panel", "The live panels"}


def lessons(text: str) -> list[dict[str, list[str]]]:
    """The teacher's guide's lessons: for each, the sections it names per chapter ([] for all)."""
    block = text.split("## A sequence of lessons", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"^\d+\. (.*?)(?=^\d+\. |\n\n)", block, re.MULTILINE | re.DOTALL)
    found = []
    for item in items:
        plain = " ".join(item.split())
        parts = re.split(r"\{doc\}`(?:[^`<]*<)?(\w+)>?`", plain)[1:]
        named = {}
        for chapter, after in zip(parts[::2], parts[1::2], strict=True):
            named[chapter] = re.findall(r"(?<!\*)\*([^*]+)\*(?!\*)", after)
        found.append(named)
    return found


def test_the_lessons_cover_every_section_of_every_chapter_once() -> None:
    plan = lessons((ROOT / "book" / "teachers.md").read_text())
    assert len(plan) >= len(pages.chapters())
    covered: dict[str, list[str]] = {name: [] for name in pages.chapters()}
    for lesson in plan:
        for chapter, names in lesson.items():
            heads = pages.headings(ROOT / "book" / f"{chapter}.md")
            sections = [t for level, t in heads if level == 2 and t not in ROUTINE]
            subsections = {t for level, t in heads if level == 3}
            unknown = [n for n in names if n not in sections and n not in subsections]
            assert unknown == [], f"{chapter}: no such section {unknown}"
            covered[chapter] += [n for n in names if n in sections] if names else sections
    for chapter, names in covered.items():
        heads = pages.headings(ROOT / "book" / f"{chapter}.md")
        expected = [t for level, t in heads if level == 2 and t not in ROUTINE]
        assert sorted(names) == sorted(expected), chapter


def test_lessons_are_read_from_italics_after_each_chapter_link() -> None:
    guide = (
        "## A sequence of lessons\n\nIntro.\n\n"
        "1. **Bold.** {doc}`Margins <margins>`: *A margin, measured three\n   ways*; *Exercises*. Then\n"
        "   {doc}`claims`, the whole chapter.\n"
        "2. **Two.** {doc}`audits`: *Watch an audit*.\n\nAfter.\n\n## Next\n"
    )
    assert lessons(guide) == [
        {"margins": ["A margin, measured three ways", "Exercises"], "claims": []},
        {"audits": ["Watch an audit"]},
    ]


def test_a_part_without_a_caption_is_named(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text(
        "format: jb-book\nroot: book/intro\nparts:\n  - chapters:\n      - file: book/a\n"
    )
    with pytest.raises(ValueError, match=r"_toc\.yml: a part has no 'caption'"):
        pages.toc_parts(toc)
