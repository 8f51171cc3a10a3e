"""No variant of a protected name reaches a default PDF, in any of the six languages.

Checked on the strings handed to layout (extracted Burmese PDF text is scrambled), and on the
PDF's extracted text for the Latin-script languages."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.platypus import Paragraph

from fieldgroup.core.mentions import mention
from fieldgroup.core.name_match import fold
from fieldgroup.reports.api import build_report
from tests.protect.cases import CASES
from tests.reports.helpers import pdf_text


@pytest.fixture
def captured(monkeypatch):
    """Every string given to a Paragraph while a document is built."""
    seen: list[str] = []
    original = Paragraph.__init__

    def spy(self, text, *args, **kwargs):
        seen.append(str(text))
        original(self, text, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", spy)
    return seen


def _leaks(text: str, phrases: list[str]) -> list[str]:
    folded = " ".join(fold(text).split())
    return [p for p in phrases if " ".join(fold(p).split()) in folded]


@pytest.mark.parametrize("lang", list(CASES))
def test_no_variant_of_a_protected_name_is_printed(store, lang, captured, tmp_path):
    person, found, _clean = CASES[lang]
    group = store.groups.create(name="Working group", country="GH")
    org = store.organisations.create(group_id=group.id, name="Defenders' Network", pillar=person.pillar)
    saved = store.people.create(organisation_id=org.id, name=person.name, email=person.email, protected=True)
    texts = [text for text, _phrase in found]
    body = "\n".join(texts)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), title=texts[0],
                                    agenda=body, minutes=body + "\n" + mention(saved.id), decisions=body)
    store.attendance.set(meeting.id, saved.id)
    for text in texts:
        store.actions.create(meeting_id=meeting.id, title=text[:200], description=body, owner_person_id=saved.id,
                             due_date=date(2025, 4, 1))
    phrases = [phrase for _text, phrase in found]
    for kind in ("meeting", "actions"):
        captured.clear()
        out = build_report(kind, store, tmp_path / f"{kind}.pdf", meeting_id=meeting.id)
        assert not _leaks("\n".join(captured), phrases), kind
        assert "Protected participant" in "\n".join(captured)
        if not lang.startswith("my"):
            assert not _leaks("\n".join(pdf_text(out)), phrases), kind


def test_an_internal_copy_still_prints_names_when_asked(store, tmp_path, captured):
    person, _found, _ = CASES["en"]
    group = store.groups.create(name="Working group")
    org = store.organisations.create(group_id=group.id, name="Network", pillar="civil_society")
    saved = store.people.create(organisation_id=org.id, name=person.name, protected=True)
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes=f"{mention(saved.id)} will brief.")
    build_report("meeting", store, tmp_path / "internal.pdf", meeting_id=meeting.id, include_protected=True)
    assert any("Zawadi Kilonzo will brief." in text for text in captured)


def test_a_mention_prints_by_the_persons_status_at_print_time(store, tmp_path, captured):
    group = store.groups.create(name="Working group")
    org = store.organisations.create(group_id=group.id, name="Network", pillar="company")
    saved = store.people.create(organisation_id=org.id, name="Kwame Asante")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1),
                                    minutes=f"{mention(saved.id)} opened the meeting.")
    build_report("meeting", store, tmp_path / "a.pdf", meeting_id=meeting.id)
    assert any("Kwame Asante opened the meeting." in text for text in captured)
    store.people.update(saved.id, protected=True)
    captured.clear()
    build_report("meeting", store, tmp_path / "b.pdf", meeting_id=meeting.id)
    joined = "\n".join(captured)
    assert "Asante" not in joined and "Protected participant (Companies) opened the meeting." in joined
