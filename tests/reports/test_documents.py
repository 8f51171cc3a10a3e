"""The four documents say what a reader needs: headings, counts, balance, accents, and no protected names."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fieldgroup.reports import build_report
from tests.reports.helpers import PROTECTED, pdf_text

KINDS = ("meeting", "actions", "indicators", "participation")


def make(kind, store, sample, tmp_path, **options):
    meeting_id = sample.meeting.id if kind == "meeting" else None
    path = build_report(kind, store, tmp_path / f"{kind}.pdf", meeting_id=meeting_id, **options)
    return path, pdf_text(path)


def test_meeting_handout_content(store, sample, tmp_path):
    _path, pages = make("meeting", store, sample, tmp_path)
    text = " ".join(pages)
    for heading in ("Agenda", "Attendance", "Minutes", "Decisions", "New action items", "Matters arising"):
        assert heading in text
    assert "Plénière de juin — sécurité et droits humains" in text
    assert "Meeting type Plenary" in text and "Tuesday, June 10, 2025" in text and "Bogotá, Salón Núñez" in text
    assert "1. Bienvenue et présentations" in text and "4. Divers" in text
    # 2 companies, 1 government, 2 civil society (one protected), 1 observer present; absent person listed
    assert "Companies: 2" in text and "Government: 1" in text and "Civil society: 2" in text and "Observers: 1" in text
    assert "Balance: balanced (index 0.96)" in text
    assert "6 people present" in text
    assert "Women's share: 60% of 5 people whose gender is recorded" in text
    assert "Pierre Lefèvre" in text and "absent" in text
    # minutes keep accents and bullets; decisions as a list
    assert "Réunion tenue à Bogotá avec la señora Núñez." in text
    assert "• Point sécurité : la compañía informa sobre el acuerdo de año nuevo" in text
    assert "• Crear una comisión de año nuevo" in text
    # new items and matters arising (the overdue one, 45 days late on 2025-06-15; the done one is not carried over)
    assert "Réviser le protocole de sécurité" in text
    assert "Envoyer le rapport à la Défensoría" in text and "45" in text and "overdue" in text
    assert "Closed item" not in text


def test_handout_shows_embassies_beside_the_host_government(store, sample, tmp_path):
    """Home governments (embassies) stand apart from the host government, as on the dashboard: their
    count is printed beside the balance, which leaves them out (issue 18)."""
    embassy = store.organisations.create(group_id=sample.group.id, name="Embassy of Norway", pillar="government",
                                         subtype="home_government")
    for name in ("Kari Nordmann", "Ola Nordmann"):
        store.attendance.set(sample.meeting.id, store.people.create(organisation_id=embassy.id, name=name).id)
    _path, pages = make("meeting", store, sample, tmp_path)
    text = " ".join(pages)
    assert "Home government / embassy: 2 present, not counted in the balance" in text
    assert "Government: 1" in text and "Balance: balanced (index 0.96)" in text


@pytest.mark.parametrize("kind", KINDS)
def test_protected_name_absent_by_default(kind, store, sample, tmp_path):
    _path, pages = make(kind, store, sample, tmp_path)
    text = " ".join(pages).casefold()
    assert "amara" not in text and "protected-person" not in text
    assert "internal" not in text
    if kind in ("meeting", "actions"):
        assert "Protected participant (Civil society)".casefold() in text


def test_protected_placeholders_in_handout(store, sample, tmp_path):
    _path, pages = make("meeting", store, sample, tmp_path)
    text = " ".join(pages)
    assert "Rapport de Protected participant (Civil society)" in text  # agenda
    assert "• Protected participant (Civil society) a décrit les menaces reçues" in text  # minutes
    assert "Contact Protected participant (Civil society) before the visit." in text  # description, lower case
    assert "Red de Defensoras" not in text  # the protected person's organisation would identify her


@pytest.mark.parametrize("kind", ("meeting", "actions"))
def test_include_protected_names_marks_every_page(kind, store, sample, tmp_path):
    _path, pages = make(kind, store, sample, tmp_path, include_protected=True)
    text = " ".join(pages)
    assert PROTECTED in text
    assert "Protected participant" not in text
    assert all("Internal — contains protected names" in page for page in pages)


def test_action_tracker_groups_and_counts(store, sample, tmp_path):
    _path, pages = make("actions", store, sample, tmp_path)
    text = " ".join(pages)
    assert "1 item is overdue." in text
    assert re.search(r"Total 4 1", text)  # four open items, one overdue
    assert text.index("Companies Action") < text.index("Government Action") < text.index("Civil society Action")
    assert "Ministère des Mines — 1 open, 1 overdue" in text
    assert "Envoyer le rapport à la Défensoría Hélène Dubois May 1, 2025 45" in text
    assert "Organisation not shown — 2 open" in text
    assert "Closed item" not in text


def test_me_progress(store, sample, tmp_path):
    _path, pages = make("indicators", store, sample, tmp_path)
    text = " ".join(pages)
    # Today is June 15: Q2 is still being filled in, so the report shows the last complete quarter.
    assert "Period: Q1 2025." in text
    assert "1.1 Plaintes résolues à temps 35% — target 40%, baseline 20% 75% behind" in text
    assert "2.1 Compañías con política de derechos humanos — — baseline 2 — no data" in text
    assert "Trends" in text and "Q1 2025" in text


def test_me_progress_chosen_period(store, sample, tmp_path):
    _path, pages = make("indicators", store, sample, tmp_path, period="2025-Q1")
    text = " ".join(pages)
    assert "Period: Q1 2025." in text
    assert "1.1 Plaintes résolues à temps 35% — target 40%, baseline 20% 75% behind" in text
    text = " ".join(make("indicators", store, sample, tmp_path, period="2025-Q2")[1])
    assert "1.1 Plaintes résolues à temps 58% — target 60%, baseline 20% 95% on track" in text


def test_participation(store, sample, tmp_path):
    _path, pages = make("participation", store, sample, tmp_path)
    text = " ".join(pages)
    assert "4 meetings from January 20, 2025 to June 10, 2025." in text
    for heading in ("Balance index per meeting", "Women's share per meeting", "Shares by quarter",
                    "Organisations that stopped attending", "Balance per meeting"):
        assert heading in text
    assert "Société Aurifère du Nord Companies Jan 20, 2025 3" in text
    assert "Jun 10, 2025 Plenary 6 2 1 2 0.96 balanced 60%" in text


def _western_region(store, sample):
    """A regional group under the national one whose union came once (Jan 25) and never again."""
    from datetime import date

    west = store.groups.create(name="Western Region ICWG", parent_id=sample.group.id, kind="regional", region="Western")
    union = store.organisations.create(group_id=west.id, name="Tarkwa Miners Union", pillar="civil_society")
    kwame = store.people.create(organisation_id=union.id, name="Kwame Asante", gender="male")
    regional = store.meetings.create(group_id=west.id, kind="subnational", date=date(2025, 1, 25), region="Western",
                                     place="Tarkwa")
    store.attendance.set(regional.id, kwame.id)
    return west


def test_participation_takes_in_sub_groups_only_when_asked(store, sample, tmp_path):
    """The group itself by default; with sub-groups its regional groups' meetings and members too, with
    the meetings per region (as the dashboard's "with sub-groups")."""
    _western_region(store, sample)
    text = " ".join(make("participation", store, sample, tmp_path, group_id=sample.group.id)[1])
    assert "4 meetings from January 20, 2025 to June 10, 2025." in text
    assert "Tarkwa" not in text and "Western" not in text
    text = " ".join(make("participation", store, sample, tmp_path, group_id=sample.group.id,
                         include_subgroups=True)[1])
    assert "5 meetings from January 20, 2025 to June 10, 2025." in text
    assert "Including the sub-groups: Western Region ICWG." in text
    assert "By region" in text and "Western 1 1" in text
    assert "Tarkwa Miners Union Civil society Jan 25, 2025 3" in text  # stopped attending, across the tree
    assert "Western Region ICWG Jan 25, 2025 Sub-national meeting 1" in text  # under its group's row


def test_only_the_tracker_and_participation_report_take_sub_groups(store, sample, tmp_path):
    from fieldgroup.reports.errors import ReportOptionError

    with pytest.raises(ReportOptionError, match="actions, participation"):
        make("indicators", store, sample, tmp_path, include_subgroups=True)


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_embedded_and_pages_numbered(kind, store, sample, tmp_path):
    path, pages = make(kind, store, sample, tmp_path)
    reader = PdfReader(str(path))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts and not any("Helvetica" in name for name in fonts)
    for font in fonts.values():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert "Generated June 15, 2025" in pages[0] and "Ghana ICWG" in pages[0]
