"""What the report tests share: the protected person's name and reading a PDF's text."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

PROTECTED = "Amara Protected-Person"


def pdf_text(path: Path) -> list[str]:
    """The text of each page, with runs of whitespace made single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def record_strings(monkeypatch, modules) -> list[str]:
    """Every string handed to the PDF builders of `modules` (para, cell, header_row, heading), before shaping
    and layout: how the Burmese tests read what a document says (its extracted text is scrambled)."""
    seen: list[str] = []

    def recording(module, name):
        original = getattr(module, name)

        def wrapper(text=None, *args, **kwargs):
            if isinstance(text, str):
                seen.append(text)
            elif isinstance(text, (list, tuple)):
                seen.extend(t for t in text if isinstance(t, str))
            return original(text, *args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    for module in modules:
        for name in ("para", "cell", "header_row", "heading"):
            if hasattr(module, name):
                recording(module, name)
    return seen
