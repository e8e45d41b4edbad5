"""explainers.documents: each primary document is linked from its chapter, with what to look for."""

from __future__ import annotations

import html
import re

import pytest
from conftest import ROOT

from explainers import bibliography, documents, editorial

NOTE_CALL = re.compile(r'^documents\.note\("([a-z0-9]+)"\)$', re.M)


def test_each_document_is_noted_once_in_its_own_chapter() -> None:
    placed: dict[str, str] = {}
    for source in sorted((ROOT / "book").glob("*.md")):
        for key in NOTE_CALL.findall(source.read_text(encoding="utf-8")):
            assert key not in placed, f"{key} is noted in {placed[key]} and {source.stem}"
            placed[key] = source.stem
    assert placed == {key: chapter for key, chapter, _ in editorial.PRIMARY_DOCUMENTS}


@pytest.mark.parametrize("key", [key for key, _, _ in editorial.PRIMARY_DOCUMENTS])
def test_a_note_links_the_bibliography_address_and_says_what_to_look_for(key: str) -> None:
    entry = bibliography.entries()[key]
    look_for = next(text for k, _, text in editorial.PRIMARY_DOCUMENTS if k == key)
    box = documents.note(key)._repr_html_()
    assert f'href="{html.escape(entry.fields["url"], quote=True)}"' in box
    assert html.escape(bibliography.title(entry)) in box and html.escape(look_for) in box
    assert (
        f'aria-label="Primary document: {html.escape(bibliography.title(entry), quote=True)}"'
        in box
    )


def test_a_chapter_lists_only_its_own_documents() -> None:
    electoral = [doc.key for doc in documents.documents("electoral")]
    assert electoral == [k for k, c, _ in editorial.PRIMARY_DOCUMENTS if c == "electoral"]
    assert documents.documents("glossary") == []


def test_an_unknown_document_is_refused_by_name() -> None:
    with pytest.raises(KeyError, match=r"key must be one of the primary documents \(bushvgore2000"):
        documents.note("nosuchdocument")


def test_a_document_without_an_address_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(editorial, "PRIMARY_DOCUMENTS", (("gasos2020audit", "real_audits", "x"),))
    with pytest.raises(KeyError, match=r"'gasos2020audit' is not in the bibliography with an addr"):
        documents.documents()
