"""The public meeting summary prints public sections only and no one's name (en, fr, my: strings before layout)."""

from __future__ import annotations

import re

import pytest

from fieldgroup.core.results_public import REPRESENTATIVE
from fieldgroup.i18n import _, set_locale
from fieldgroup.reports import build_report, public_summary
from fieldgroup.reports import layout as layout_module
from fieldgroup.reports import text as text_module

NAMES = {"company": "Kofi Mensah", "government": "Abena Owusu", "civil_society": "ဒေါ်အေးအေး Thant"}


@pytest.fixture
def recorded(monkeypatch):
    seen: list[str] = []
    for module in (public_summary, layout_module, text_module):
        for name in ("para", "heading"):
            if hasattr(module, name):
                original = getattr(module, name)

                def wrapper(text=None, *args, _original=original, **kwargs):
                    if isinstance(text, str):
                        seen.append(re.sub(r"<[^>]+>", "", text))  # the words, without font markup
                    return _original(text, *args, **kwargs)

                monkeypatch.setattr(module, name, wrapper)
    return seen


@pytest.fixture
def meeting(store, group):
    people = {}
    for pillar, name in NAMES.items():
        org = store.organisations.create(group_id=group.id, name=f"{pillar} org", pillar=pillar)
        people[pillar] = store.people.create(organisation_id=org.id, name=name, protected=pillar == "civil_society")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date="2025-03-07", place="Accra",
                                    title="Plenary with Kofi Mensah")
    for person in people.values():
        store.attendance.set(meeting.id, person.id)
    cs = people["civil_society"].id
    store.minute_sections.create(meeting_id=meeting.id, audience="internal", heading="Security incident",
                                 body="Threats against ဒေါ်အေးအေး Thant were discussed.")
    store.minute_sections.create(meeting_id=meeting.id, audience="members", body="Members only: budget talks.")
    store.minute_sections.create(meeting_id=meeting.id, audience="public", heading="Voluntary Principles",
                                 body=f"@{{person:{cs}}} presented the community's view.\n"
                                      "- Abena Owusu and KOFI MENSAH agreed on a joint visit.")
    return meeting


@pytest.mark.parametrize("locale", ["en", "fr", "my"])
def test_public_summary_has_no_name_and_no_internal_section(store, meeting, tmp_path, recorded, locale):
    set_locale(locale)
    try:
        path = build_report("summary", store, tmp_path / "summary.pdf", meeting_id=meeting.id)
        representative = str(REPRESENTATIVE["civil_society"])
        public_heading = _("Public summary of the meeting of {date}")
    finally:
        set_locale("en")
    assert path.stat().st_size > 1000
    printed = "\n".join(recorded)
    for name in NAMES.values():
        assert name.lower() not in printed.lower()
    assert "ဒေါ်အေးအေး" not in printed and "Thant" not in printed
    assert "Security incident" not in printed and "Members only" not in printed
    assert "Voluntary Principles" in printed
    assert f"{representative} presented the community's view." in printed
    assert public_heading.split("{")[0].strip() in printed
    if locale == "my":
        assert "၃" in printed and "3" not in printed.replace("2025", "")


def test_sections_are_kept_in_order_and_go_with_their_meeting(store, meeting):
    sections = store.minute_sections.of_meeting(meeting.id)
    assert [s.audience for s in sections] == ["internal", "members", "public"]
    assert [s.position for s in sections] == [1, 2, 3]
    store.meetings.delete(meeting.id)
    assert store.minute_sections.count() == 0


def test_cli_summary_needs_a_meeting_and_writes_one(store, meeting, tmp_path, capsys):
    from fieldgroup.cli import main

    path = store.path
    store.close()
    with pytest.raises(SystemExit) as usage:
        main(["report", "summary", "--store", str(path), "--out", str(tmp_path / "s.pdf")])
    assert usage.value.code == 2
    assert main(["report", "summary", "--store", str(path), "--out", str(tmp_path / "s.pdf"),
                 "--meeting", meeting.id]) == 0


def test_names_typed_as_text_go_through_the_print_safety_net(store, group, meeting):
    """A surname alone, a Burmese name with a particle and an e-mail address: protected or not, none is printed."""
    from fieldgroup.core.results_public import PublicText

    org = store.organisations.create(group_id=group.id, name="Forum", pillar="civil_society")
    store.people.create(organisation_id=org.id, name="Zawadi Kilonzo", email="z.kilonzo@example.org", protected=True)
    store.people.create(organisation_id=org.id, name="ဒေါ်အေးချို", protected=True)
    public = PublicText(store)
    typed = "Kilonzo spoke; အေးချိုက ဆွေးနွေးသည်; write to z.kilonzo@example.org; Mensah agreed."
    printed = public(typed)
    for secret in ("Kilonzo", "kilonzo", "အေးချို", "Mensah"):
        assert secret not in printed, printed
    assert printed.count(str(REPRESENTATIVE["civil_society"])) == 3
    assert printed.endswith(f"{REPRESENTATIVE['company']} agreed.")
    assert "က ဆွေးနွေးသည်" in printed  # the particle stays, only the name goes
