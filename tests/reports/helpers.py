"""What the report tests share: the protected person's name and reading a PDF's text."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

PROTECTED = "Amara Protected-Person"


def pdf_text(path: Path) -> list[str]:
    """The text of each page, with runs of whitespace made single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]
