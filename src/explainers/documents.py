"""The primary documents a chapter rests on: each linked from its chapter, with what to look for.

A teacher shows the class the document itself (a court's opinion, the certificates of vote, a
state's audit report), not only the book's account of it. The list is
:data:`explainers.editorial.PRIMARY_DOCUMENTS`; the titles and addresses come from the book's
bibliography, so a document is named and linked the same way in the chapter, in the teacher's guide
and on the References page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from explainers import bibliography, editorial

__all__ = ["PrimaryDocument", "document", "documents", "note"]


@dataclass(frozen=True)
class PrimaryDocument:
    """One document: its bibliography key, title and address, its chapter, what to look for."""

    key: str
    title: str
    url: str
    chapter: str
    look_for: str

    def _repr_html_(self) -> str:
        """A short box for the chapter's text: the document, linked, and what to look for in it.

        HTML rather than Markdown, so that it reads the same in the book, in JupyterLab and in the
        live mode; on paper the address is printed after the title (see ``_static/closecalls.css``).
        """
        # Each box has its own name: a page with several must not repeat one landmark's label.
        label = html.escape(f"Primary document: {self.title}", quote=True)
        return (
            f'<aside class="cc-document" aria-label="{label}">'
            '<p class="cc-document-label">Primary document</p>'
            f'<p><a href="{html.escape(self.url, quote=True)}">{html.escape(self.title)}</a>. '
            f"<strong>Look for:</strong> {html.escape(self.look_for)}</p></aside>"
        )


def documents(chapter: str | None = None) -> list[PrimaryDocument]:
    """The primary documents, in the editorial order, of one chapter or (``None``) of all.

    Raises
    ------
    KeyError
        If a document's key is not in the bibliography, or its entry has no address.
    """
    known = bibliography.entries()
    found = []
    for key, page, look_for in editorial.PRIMARY_DOCUMENTS:
        if chapter is not None and page != chapter:
            continue
        if key not in known or "url" not in known[key].fields:
            raise KeyError(f"primary document {key!r} is not in the bibliography with an address")
        entry = known[key]
        found.append(
            PrimaryDocument(key, bibliography.title(entry), entry.fields["url"], page, look_for)
        )
    return found


def document(key: str) -> PrimaryDocument:
    """The primary document whose bibliography key is ``key``.

    Raises
    ------
    KeyError
        If ``key`` is not one of :data:`explainers.editorial.PRIMARY_DOCUMENTS`.
    """
    for doc in documents():
        if doc.key == key:
            return doc
    keys = ", ".join(k for k, _, _ in editorial.PRIMARY_DOCUMENTS)
    raise KeyError(f"key must be one of the primary documents ({keys}), got {key!r}")


def note(key: str) -> PrimaryDocument:
    """The document ``key``, shown in a notebook or page as a box with its link and what to look for.

    Raises
    ------
    KeyError
        If ``key`` is not one of :data:`explainers.editorial.PRIMARY_DOCUMENTS`.
    """
    return document(key)
