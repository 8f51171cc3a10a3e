"""Paper size, page numbering across pages, and dates and numbers in the report's language."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from fieldgroup.i18n import set_locale
from fieldgroup.reports import build_report
from fieldgroup.reports.layout import default_paper
from tests.reports.helpers import pdf_text

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def page_size(path):
    box = PdfReader(str(path)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.mark.parametrize(("paper", "size"), [("a4", A4_POINTS), ("letter", LETTER_POINTS), ("Letter", LETTER_POINTS)])
def test_paper_option(paper, size, store, sample, tmp_path):
    path = build_report("actions", store, tmp_path / "a.pdf", paper=paper)
    assert page_size(path) == size


def test_paper_default_follows_locale_territory(store, sample, tmp_path):
    set_locale("es_CO")
    assert page_size(build_report("actions", store, tmp_path / "co.pdf")) == LETTER_POINTS
    set_locale("fr_CD")
    assert page_size(build_report("actions", store, tmp_path / "cd.pdf")) == A4_POINTS


@pytest.mark.parametrize(("locale", "country", "paper"), [
    ("en_US", None, "letter"), ("es_CO", None, "letter"), ("es_MX", None, "letter"), ("en_PH", "GH", "letter"),
    ("fr_CD", None, "a4"), ("en_GH", "US", "a4"), ("id_ID", None, "a4"), ("my_MM", None, "a4"),
    ("en", "GH", "a4"), ("es", "CO", "letter"), ("en", None, "a4"), ("pt", "", "a4"),
])
def test_default_paper_rule(locale, country, paper):
    assert default_paper(locale, country) == paper


def test_french_dates_and_decimal_comma(store, sample, tmp_path):
    set_locale("fr")
    text = " ".join(pdf_text(build_report("meeting", store, tmp_path / "fr.pdf", meeting_id=sample.meeting.id)))
    assert "mardi 10 juin 2025" in text  # the meeting date
    assert "15 juin 2025" in text  # generation date in the footer
    assert "0,96" in text and "0.96" not in text  # balance index
    assert "60 %" in text or "60\u00a0%" in text  # French percent spacing, never split across lines


def test_locale_argument_is_restored_afterwards(store, sample, tmp_path):
    from fieldgroup.i18n import current_locale

    text = " ".join(pdf_text(build_report("participation", store, tmp_path / "es.pdf", locale="es")))
    assert "10 de junio de 2025" in text
    assert current_locale() == "en"


def test_long_table_repeats_header_on_every_page(store, sample, tmp_path):
    with store.transaction():
        for n in range(140):
            store.actions.create(group_id=sample.group.id, title=f"Tâche numéro {n:03d} à suivre",
                                 owner_organisation_id=store.organisations.list(pillar="government")[0].id)
    pages = pdf_text(build_report("actions", store, tmp_path / "long.pdf"))
    assert len(pages) >= 3
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert all("Action Owner Due Days overdue Status" in page for page in pages[1:])
    assert "Tâche numéro 139 à suivre" in " ".join(pages)
