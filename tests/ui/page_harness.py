"""Put one page in a QMainWindow over a store, for tests, screenshots and a quick manual look.

Manual look: `python tests/ui/page_harness.py actions|people|indicators [STORE]` (a small demo store if none).
Tests import the fixtures `ctx` and `show_page` from here (kept out of a conftest so branches merge cleanly)."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from fieldgroup.core import Store, create_store, open_store
from fieldgroup.ui.context import AppContext


def page_class(key: str) -> type:
    if key == "actions":
        from fieldgroup.ui.pages.actions_page import ActionsPage
        return ActionsPage
    if key == "people":
        from fieldgroup.ui.pages.people_page import PeoplePage
        return PeoplePage
    from fieldgroup.ui.pages.indicators_page import IndicatorsPage
    return IndicatorsPage


def seed_demo(store: Store) -> str:
    """A small, readable group: organisations per pillar, people (one protected), meetings, actions, indicators."""
    today = store.today()
    group = store.groups.create(name="Ghana ICWG", country="GH")
    orgs = {
        "company": ["Gold Fields Ghana", "Newmont Africa", "AngloGold Ashanti"],
        "government": ["Ministry of Lands", "Ghana Police Service", "Minerals Commission"],
        "civil_society": ["WACAM", "Centre for Public Interest Law", "Third World Network"],
        "observer": ["Embassy of the Netherlands"],
    }
    names = iter(["Ama Mensah", "Kofi Boateng", "Efua Owusu", "Yaw Darko", "Akosua Asante", "Kwame Nkrumah Jr",
                  "Abena Adjei", "Kojo Appiah", "Esi Quaye", "Nana Addo", "Adwoa Badu", "Kwesi Arthur",
                  "Afia Sarpong", "Yaa Asantewaa", "Femi Adeyemi", "Mariam Sule", "Ibrahim Musa", "Joyce Aryee",
                  "Samuel Ofori", "Grace Amponsah"])
    people = []
    for pillar, org_names in orgs.items():
        for org_name in org_names:
            org = store.organisations.create(group_id=group.id, name=org_name, pillar=pillar)
            for k in range(2 if pillar != "observer" else 1):
                name = next(names, None)
                if name:
                    gender = "female" if len(people) % 2 == 0 else "male"
                    people.append(store.people.create(organisation_id=org.id, name=name, gender=gender,
                                                      role="Focal point" if k == 0 else "Officer",
                                                      focal_point=k == 0, protected=name == "Esi Quaye"))
    meetings = []
    for k, (kind, place) in enumerate((("plenary", "Accra"), ("subnational", "Tarkwa"), ("plenary", "Accra"),
                                       ("workshop", "Obuasi"), ("pillar", "Accra"))):
        day = today - timedelta(days=40 * (5 - k))
        meeting = store.meetings.create(group_id=group.id, kind=kind, date=day, place=place,
                                        title=f"{kind.title()} meeting, {place}")
        meetings.append(meeting)
        for person in people[k: k + 9]:
            store.attendance.set(meeting.id, person.id, "present")
    titles = ["Share the grievance mechanism review", "Invite police commanders to the regional meeting",
              "Draft the security incident reporting template", "Translate the Voluntary Principles summary",
              "Circulate the minutes", "Map community consultation points", "Prepare the annual M&E report",
              "Follow up on the artisanal mining dialogue", "Set up the women's caucus", "Update the member list"]
    statuses = ["open", "in_progress", "open", "done", "open", "dropped", "open", "in_progress", "done", "open"]
    for k, title in enumerate(titles):
        meeting = meetings[k % len(meetings)]
        due = meeting.date + timedelta(days=30 + 10 * k)
        store.actions.create(group_id=group.id, meeting_id=meeting.id, title=title, status=statuses[k],
                             owner_person_id=people[(k * 3) % len(people)].id, due_date=due)
    ind = store.indicators.create(group_id=group.id, code="O1.1", name="Company members with a grievance mechanism",
                                  unit="number", direction="increase", period_kind="quarter", baseline_value=2,
                                  baseline_date=date(2024, 1, 1))
    for period, target, actual in (("2024-Q3", 3, 3), ("2024-Q4", 4, 4), ("2025-Q1", 5, 4), ("2025-Q2", 6, None)):
        store.targets.set(ind.id, period, target)
        if actual is not None:
            store.values.set(ind.id, period, actual, note="From member survey", evidence_meeting_id=meetings[-1].id)
    store.indicators.create(group_id=group.id, code="C1", computed="meetings_held", period_kind="quarter")
    store.indicators.create(group_id=group.id, code="C2", computed="women_share_pct", period_kind="quarter")
    yes = store.indicators.create(group_id=group.id, code="O2.1", name="National action plan adopted",
                                  unit="yes_no", direction="increase", period_kind="year", baseline_value=0)
    store.targets.set(yes.id, "2025", 1)
    return group.id


def make_window(page_key: str, store: Store, group_id: str | None) -> tuple[QMainWindow, object, AppContext]:
    ctx = AppContext(store, group_id)
    window = QMainWindow()
    page = page_class(page_key)(ctx)
    window.setCentralWidget(page)
    window.resize(1366, 768)
    return window, page, ctx


@pytest.fixture
def ctx(store, group):
    return AppContext(store, group.id)


@pytest.fixture
def show_page(qtbot):
    """show_page(PageClass, ctx) -> the page, shown at 1366×720 and closed after the test."""

    def make(page_class, context):
        page = page_class(context)
        qtbot.addWidget(page)
        page.resize(1366, 720)
        page.show()
        settle(qtbot)
        return page

    return make


def settle(qtbot) -> None:
    """Wait until every background read or write has reported back to the GUI thread (twice: a
    result may start the next read, as the list's selection starts the detail's)."""
    from fieldgroup.ui.ops import running_ops

    for _round in range(3):
        qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)
        qtbot.wait(1)


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv)
    key = sys.argv[1] if len(sys.argv) > 1 else "actions"
    if len(sys.argv) > 2:
        st = open_store(sys.argv[2])
        gid = st.groups.list()[0].id
    else:
        path = Path("/tmp/fieldgroup-harness.fgstore")
        path.unlink(missing_ok=True)
        st = create_store(path)
        gid = seed_demo(st)
    win, _page, _ctx = make_window(key, st, gid)
    win.show()
    sys.exit(app.exec())
