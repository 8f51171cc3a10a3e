"""The handout's matters arising (one selection, shared with the meeting editor) and protected rows."""

from __future__ import annotations

from datetime import date

from fieldgroup.core.matters_arising import MATTERS_ARISING_LIMIT, matters_arising
from fieldgroup.reports import build_report
from tests.reports.helpers import PROTECTED, pdf_text


def test_matters_arising_are_the_items_due_since_the_previous_meeting(store, sample):
    arising = matters_arising(store, sample.meeting)
    assert arising.since.date == date(2025, 4, 28)
    # Due May 1 (after the April meeting, before June 10) and still open; the July item is not due
    # yet, the closed one is done, and the meeting's own new items are listed elsewhere.
    assert [a.title for a in arising.items] == ["Envoyer le rapport à la Défensoría"] and arising.more == 0


def test_matters_arising_newest_first_and_capped(store, sample, tmp_path):
    for day in range(1, 17):
        store.actions.create(group_id=sample.group.id, title=f"Item due May {day}", due_date=date(2025, 5, day))
    arising = matters_arising(store, sample.meeting)
    assert len(arising.items) == MATTERS_ARISING_LIMIT and arising.more == 17 - MATTERS_ARISING_LIMIT
    assert arising.items[0].title == "Item due May 16"  # the newest due first
    text = " ".join(pdf_text(build_report("meeting", store, tmp_path / "h.pdf", meeting_id=sample.meeting.id)))
    assert f"…and {17 - MATTERS_ARISING_LIMIT} more — see the action tracker." in text
    assert "Item due May 1 " not in text


def test_protected_rows_come_last_in_their_pillar_without_organisation(store, sample, tmp_path):
    text = " ".join(pdf_text(build_report("meeting", store, tmp_path / "h.pdf", meeting_id=sample.meeting.id)))
    assert PROTECTED not in text
    block = text[text.index("Civil society — 2 present"):]
    assert block.index("José Núñez") < block.index("Protected participant (Civil society) present")
    assert "Red de Defensoras" not in text  # the organisation could point to the person


def test_women_present_agree_where_the_language_needs_it(store, sample, tmp_path, monkeypatch):
    """Women's attendance is asked for with its own context, so French can print "présente".
    (The French, Spanish and Portuguese forms are in translations/pending/print.json until merged.)"""
    from fieldgroup.reports import labels

    feminine = {"present": "présente", "excused": "excusée", "absent": "absente"}
    monkeypatch.setattr(labels, "pgettext", lambda context, message: feminine[message]
                        if context == "attendance of a woman" else message)
    monkeypatch.setattr(labels, "translate_or_none", lambda context, message: feminine.get(message))
    text = " ".join(pdf_text(build_report("meeting", store, tmp_path / "h.pdf", meeting_id=sample.meeting.id)))
    assert "Hélène Dubois Ministère des Mines présente" in text
    assert "José Núñez Asociación Campesina del Cauca present" in text


def test_women_present_fall_back_to_the_plain_word_not_english(store, sample, tmp_path):
    text = " ".join(pdf_text(build_report("meeting", store, tmp_path / "h.pdf", meeting_id=sample.meeting.id,
                                          locale="pt")))
    assert "Ministère des Mines presente" in text  # not "present" while the feminine form is pending
