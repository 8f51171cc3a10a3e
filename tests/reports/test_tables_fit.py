"""Tables that fit whatever the content: long names, unbroken words, Burmese without spaces."""

from __future__ import annotations

from datetime import date

import pytest

from fieldgroup.i18n import set_locale
from fieldgroup.reports import build_report
from fieldgroup.reports.styles import fit_widths, header_row, para
from tests.reports.print_check import check_pdf


@pytest.fixture
def hostile(store, group):
    """A store written to break tables: a word longer than the page, Burmese organisation names."""
    company = store.organisations.create(group_id=group.id, pillar="company",
                                         name="Internationalisierungsorganisationsgesellschaftskonsortium")
    network = store.organisations.create(group_id=group.id, pillar="civil_society",
                                         name="အရပ်ဘက်လူ့အဖွဲ့အစည်းများကွန်ရက်မြန်မာနိုင်ငံလုံးဆိုင်ရာတက်ရောက်သူညွှန်းကိန်း")
    owner = store.people.create(organisation_id=company.id, name="Wolfgang Hyperlongsurnamewithoutanybreak")
    member = store.people.create(organisation_id=network.id, name="ဒေါ်အေးအေးမြင့်", gender="female")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 6, 10),
                                    agenda="တက်ရောက်သူစာရင်းနှင့်ညွှန်းကိန်းအကဲဖြတ်ခြင်း\nSecond item")
    store.attendance.set(meeting.id, owner.id, "present")
    store.attendance.set(meeting.id, member.id, "present")
    store.actions.create(group_id=group.id, meeting_id=meeting.id, title="Unbreakable" * 12, owner_person_id=owner.id,
                         due_date=date(2025, 6, 12))
    return meeting


@pytest.mark.parametrize("language", ["fr", "my"])
def test_hostile_content_prints_clean(store, hostile, tmp_path, language):
    for kind in ("meeting", "actions", "participation"):
        pdf = build_report(kind, store, tmp_path / f"{kind}.pdf", meeting_id=hostile.id, locale=language)
        assert check_pdf(pdf, words=language != "my") == []  # headers kept whole, no cluster torn


def test_headers_keep_their_longest_word_when_the_body_cannot_fit():
    set_locale("fr")
    rows = [header_row(["Action", "Responsable", "Échéance", "Jours de retard", "Statut"]),
            [para("Unbreakable" * 12), para("x"), para("12 juin 2025"), para("3"), para("en retard")]]
    widths = fit_widths(rows, 480)
    assert abs(sum(widths) - 480) < 0.01
    from reportlab.pdfbase.pdfmetrics import stringWidth
    assert widths[2] >= stringWidth("Échéance", "NotoSans-Bold", 7.5) + 12


def test_burmese_lines_do_not_change_with_the_last_bit_of_the_width():
    set_locale("my")
    from fieldgroup.reports.styles import text_width

    text = para("တက်ရောက်မှု", "column")
    exact = text_width("တက်ရောက်မှု", 7.5, True) + 0.5  # the width fit_widths gives a column of it
    _w, first = text.wrap(exact, 100)
    _w, second = text.wrap(exact - 1e-9, 100)  # a table measures with one, then draws with the other
    assert first == second


def test_short_columns_never_take_the_room_a_long_word_needs():
    """French participation table: granting the short columns their whole width left "Type de réunion"
    narrower than "infranationale", printed "Réunion inf|ranationale". When every column's longest word
    fits, no column gets less than its longest word."""
    from fieldgroup.reports.styles import _measure, cell

    set_locale("fr")
    rows = [header_row(["Date", "Type de réunion", "Présents", "Entreprises", "Gouvernement", "Société civile",
                        "Indice", "Statut", "Part des femmes"]),
            [cell("12\u00a0nov.\u00a02025"), cell("Réunion infranationale"), cell("9"), cell("4"), cell("0"),
             cell("5"), cell("0,63"), cell("réunion de pilier déséquilibrée"), cell("57 %")],
            [cell("5\u00a0nov.\u00a02025"), cell("Plénière"), cell("15"), cell("9"), cell("0"), cell("3"),
             cell("0,51"), cell("pilier absent"), cell("100 % des présentes")]]
    total = 504.57
    narrowest = [max(_measure(row[c])[0] for row in rows) + 12.5 for c in range(9)]
    assert sum(narrowest) <= total  # every longest word can be kept whole ...
    widths = fit_widths(rows, total)
    assert abs(sum(widths) - total) < 0.01
    assert all(w >= n - 0.01 for w, n in zip(widths, narrowest, strict=True)), (widths, narrowest)  # ... and is
