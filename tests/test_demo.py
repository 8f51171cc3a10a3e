"""The demo generator: a believable, deterministic working group in the chosen language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from fieldgroup.cli import main
from fieldgroup.core import FieldGroupError, open_store
from fieldgroup.core.demo import generate_demo
from fieldgroup.core.demo_text import DEMO_LANGUAGES, text_for
from fieldgroup.core.demo_thematic import THEMATIC_TEXT, WORKSHOPS_DAYS_AGO
from fieldgroup.core.indicators import COMPUTED
from fieldgroup.core.schema import ACTION_STATUSES, ATTENDANCE_STATUSES, MEETING_KINDS, PILLARS

TODAY = date(2025, 6, 15)
THEMATIC_MEETINGS = len(WORKSHOPS_DAYS_AGO)


def build(path, size="small", seed=1, locale="en"):
    generate_demo(path, size=size, seed=seed, locale=locale, today=TODAY)
    return open_store(path, today=lambda: TODAY)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    store = build(tmp_path_factory.mktemp("demo") / "small.fgstore")
    yield store
    store.close()


@pytest.fixture(scope="module")
def realistic(tmp_path_factory):
    store = build(tmp_path_factory.mktemp("demo") / "realistic.fgstore", size="realistic")
    yield store
    store.close()


def test_same_seed_gives_the_same_store_and_another_seed_does_not(tmp_path, small):
    with build(tmp_path / "again.fgstore") as again:
        assert again.digest() == small.digest()
    with build(tmp_path / "other.fgstore", seed=2) as other:
        assert other.digest() != small.digest()


def test_small_demo_is_small_and_sound(small):
    counts = small.counts()
    # The sizes promised, plus the thematic group (one group, its workshops and one action item).
    assert counts["groups"] == 3 + 1 and counts["organisations"] == 10 and counts["people"] == 30
    assert counts["meetings"] == 12 + THEMATIC_MEETINGS and counts["action_items"] == 40 + 1
    assert small.problems() == []


def test_realistic_demo_has_the_promised_sizes_and_is_sound(realistic):
    counts = realistic.counts()
    assert (counts["organisations"], counts["people"], counts["meetings"], counts["action_items"]) == (
        60, 250, 120 + THEMATIC_MEETINGS, 1500 + 1)
    assert counts["indicators"] == 20 and counts["tombstones"] == 0
    assert realistic.problems() == []


def test_a_national_group_and_two_regional_sub_groups(small):
    groups = small.groups.list()
    national = [g for g in groups if g.parent_id is None]
    assert len(national) == 1 and national[0].name == text_for("en").national_group
    regional = [g for g in groups if g.parent_id == national[0].id and g.kind == "regional"]
    assert len(regional) == 2 and all(g.region for g in regional)


@pytest.mark.parametrize("locale", DEMO_LANGUAGES)
def test_a_thematic_group_under_the_national_one_in_every_language(tmp_path, locale):
    """Members from the national directory meet in the thematic group's workshops; its name is in the
    demo's language (issue 18)."""
    with build(tmp_path / "demo.fgstore", locale=locale) as store:
        [national] = [g for g in store.groups.list() if g.parent_id is None]
        [thematic] = [g for g in store.groups.list() if g.kind == "thematic"]
        assert thematic.parent_id == national.id and thematic.name == THEMATIC_TEXT[locale][0]
        members = {m.organisation_id for m in store.memberships.of_group(thematic.id)}
        assert len(members) >= 3 and {store.organisations.get(o).group_id for o in members} == {national.id}
        meetings = store.meetings.list(group_id=thematic.id)
        assert len(meetings) == THEMATIC_MEETINGS and all(m.date < TODAY for m in meetings)
        present = [a for a in store.attendance.list(meeting_id=tuple(m.id for m in meetings)) if a.status == "present"]
        assert present and all(store.people.get(a.person_id).organisation_id in members for a in present)
        assert store.actions.count(group_id=thematic.id) == 1 and store.problems() == []


def test_every_kind_status_and_pillar_is_there(small, realistic):
    for store in (small, realistic):
        assert {m.kind for m in store.meetings.list()} == set(MEETING_KINDS)
        assert {a.status for a in store.actions.list()} == set(ACTION_STATUSES)
        assert {o.pillar for o in store.organisations.list()} == set(PILLARS)
        assert {a.status for a in store.attendance.list()} == set(ATTENDANCE_STATUSES)


def test_some_people_are_protected_and_some_are_focal_points(realistic):
    people = realistic.people.list()
    protected = [p for p in people if p.protected]
    assert 0.03 <= len(protected) / len(people) <= 0.05
    assert any(p.focal_point for p in people)
    assert any(p.gender is None for p in people), "some genders are not recorded"
    attended = {a.person_id for a in realistic.attendance.list(status="present")}
    assert attended & {p.id for p in protected}, "protected people take part in meetings"


def test_no_protected_name_appears_in_free_text(realistic):
    names = {p.name for p in realistic.people.list(protected=True)}
    texts = [m.agenda or "" for m in realistic.meetings.list()] + [m.minutes or "" for m in realistic.meetings.list()]
    texts += [a.title for a in realistic.actions.list()]
    assert not [t for t in texts for name in names if name in t]


def test_meetings_span_two_years_with_some_upcoming(realistic):
    meetings = realistic.meetings.list()
    upcoming = [m for m in meetings if m.date > TODAY]
    assert 1 <= len(upcoming) <= 2 and all(m.minutes is None for m in upcoming)
    assert all(m.agenda for m in meetings)
    oldest = min(m.date for m in meetings)
    assert 600 <= (TODAY - oldest).days <= 740
    held = [m for m in meetings if m.date < TODAY]
    assert sum(bool(m.minutes and m.decisions) for m in held) >= len(held) - 2
    assert all(realistic.attendance.count(meeting_id=m.id) for m in held)
    assert not any(realistic.attendance.count(meeting_id=m.id) for m in upcoming)


def test_minutes_have_paragraphs_and_bullets(small):
    minutes = [m.minutes for m in small.meetings.list() if m.minutes]
    assert minutes and all("\n\n" in text and re.search(r"^- ", text, re.M) for text in minutes)


def test_attendance_is_uneven_like_real_meetings(realistic):
    statuses = [realistic.meetings.balance(m.id).status for m in realistic.meetings.list() if m.date < TODAY]
    assert {"balanced", "imbalanced", "missing_pillar"} <= set(statuses)
    plenaries = [m for m in realistic.meetings.list(kind="plenary") if m.date < TODAY]
    counts = [realistic.meetings.balance(m.id).counts for m in plenaries]
    companies = sum(c.get("company", 0) for c in counts)
    assert companies > sum(c.get("government", 0) for c in counts), "companies crowd the plenaries"


def test_action_items_are_overdue_late_or_on_time(realistic):
    items = realistic.actions.list()
    overdue = realistic.actions.overdue()
    assert len(overdue) >= 0.1 * len(items)
    done = [a for a in items if a.status == "done" and a.due_date]
    assert any(a.completed_on <= a.due_date for a in done) and any(a.completed_on > a.due_date for a in done)
    assert all(a.completed_on <= TODAY for a in done)
    dates = {m.id: m.date for m in realistic.meetings.list()}
    assert all(a.due_date >= dates[a.meeting_id] for a in items if a.meeting_id and a.due_date)
    assert any(a.owner_person_id and not a.owner_organisation_id for a in items)
    assert any(a.owner_organisation_id and not a.owner_person_id for a in items)
    assert any(a.owner_organisation_id and a.owner_person_id for a in items)


def test_indicators_manual_and_computed_with_and_without_data(small, realistic):
    for store in (small, realistic):
        indicators = store.indicators.list()
        assert {i.computed for i in indicators if i.computed} == set(COMPUTED)
        manual = [i for i in indicators if not i.computed]
        with_values = [i for i in manual if store.values.count(indicator_id=i.id)]
        assert with_values and len(with_values) < len(manual), "some indicators have no data yet"
        assert all(store.targets.count(indicator_id=i.id) for i in indicators)
    manual = [i for i in realistic.indicators.list() if not i.computed]
    assert {i.unit for i in manual} == {"number", "percent", "yes_no"}
    assert {i.direction for i in manual} == {"increase", "decrease"}
    assert all(i.baseline_value is not None for i in manual)
    values = realistic.values.list()
    assert any(v.note for v in values) and any(v.evidence_meeting_id for v in values)
    statuses = {p.status for i in realistic.indicators.list() for p in realistic.indicator_progress(i.id)}
    assert {"met", "behind", "no_data"} <= statuses


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("fr_CD", ("Adoption de l'ordre du jour", "réunion")),
        ("es_CO", ("Aprobación del orden del día", "reunión")),
        ("pt", ("Aprovação da agenda", "reunião")),
        ("id", ("Pengesahan agenda", "rapat")),
        ("my", ("အစည်းအဝေး",)),
    ],
)
def test_demo_is_written_in_the_chosen_language(tmp_path, locale, words):
    with build(tmp_path / "demo.fgstore", locale=locale) as store:
        meetings = [m for m in store.meetings.list() if m.minutes]
        text = "\n".join(f"{m.agenda}\n{m.minutes}\n{m.decisions}" for m in meetings)
        for word in words:
            assert word in text
        if locale[:2] in ("fr", "es", "pt"):
            assert re.search(r"[éèêáíóúñãçà]", text), "accented letters of the language"
        assert "The meeting" not in text and "Adoption of the agenda" not in text
        assert store.problems() == []


def test_every_language_has_complete_text():
    for language in DEMO_LANGUAGES:
        text = text_for(language)
        assert text.language == language
        assert set(text.agenda) == set(MEETING_KINDS) and set(text.titles) == set(MEETING_KINDS)
        assert set(text.computed) == set(COMPUTED)
        assert set(text.organisations) == set(PILLARS) == set(text.regional_organisations)
        assert text.indicators[2].reported is False
    assert text_for("de").language == "en" and text_for("es-PE").language == "es"


def test_cli_demo_refuses_an_existing_file(tmp_path, capsys):
    existing = tmp_path / "taken.fgstore"
    existing.write_bytes(b"keep me")
    assert main(["demo", "--store", str(existing), "--size", "small"]) == 1
    assert existing.read_bytes() == b"keep me"
    assert "already exists" in capsys.readouterr().err


def test_cli_demo_creates_a_sound_store(tmp_path, capsys):
    path = tmp_path / "new.fgstore"
    assert main(["demo", "--store", str(path), "--size", "small", "--seed", "3"]) == 0
    with open_store(path) as store:
        assert store.counts()["meetings"] == 12 + THEMATIC_MEETINGS and store.problems() == []


def test_job_titles_agree_with_the_persons_gender(tmp_path):
    text = text_for("fr")
    pairs = [r.split("|") for roles in (*text.roles.values(), text.protected_roles) for r in roles if "|" in r]
    masculine, feminine = {m for m, _f in pairs}, {f for _m, f in pairs}
    with build(tmp_path / "fr.fgstore", size="small", locale="fr") as store:
        people = store.people.list()
        assert not [p for p in people if p.gender == "female" and p.role in masculine]
        assert not [p for p in people if p.gender == "male" and p.role in feminine]
        assert all("|" not in (p.role or "") for p in people)


def test_api_never_overwrites_an_existing_file(tmp_path):
    existing = tmp_path / "mine.fgstore"
    existing.write_bytes(b"precious")
    with pytest.raises(FieldGroupError):
        generate_demo(existing, size="small")
    assert existing.read_bytes() == b"precious"
