"""Every demo store holds a results framework (3 objectives, 8 results, 12 activities) in its language."""

from datetime import date

import pytest

from fieldgroup.core import open_store
from fieldgroup.core.demo import generate_demo
from fieldgroup.core.demo_results import results_text_for
from fieldgroup.core.demo_text import DEMO_LANGUAGES
from fieldgroup.core.results_framework import framework

TODAY = date(2025, 6, 15)


@pytest.mark.parametrize("locale", DEMO_LANGUAGES)
def test_small_demo_has_the_framework_in_its_language(tmp_path, locale):
    path = tmp_path / f"{locale}.fgstore"
    counts = generate_demo(path, size="small", locale=locale, today=TODAY)
    assert (counts["objectives"], counts["results"], counts["activities"]) == (3, 8, 12)
    text = results_text_for(locale)
    with open_store(path, today=lambda: TODAY) as store:
        national = next(g for g in store.groups.list() if g.parent_id is None)
        tree = framework(store, national.id)
        assert [n.objective.horizon for n in tree.objectives] == ["short", "medium", "long"]
        assert {n.objective.title for n in tree.objectives} == {t for t, _ in text.objectives}
        assert sum(len(r.indicators) for n in tree.objectives for r in n.results) >= 3
        assert {a.title for a in tree.activities} == set(text.activities)
        assert tree.profile.vision == text.vision and tree.profile.reporting_org_ref
        # The newest held meetings' minutes have a section for each audience; the public one mentions someone.
        sections = store.minute_sections.list()
        assert {s.audience for s in sections} == {"internal", "members", "public"}
        assert all("@{person:" in s.body for s in sections if s.audience == "public")
        assert {s.heading for s in sections} == {h for _a, h, _b in text.minutes}
        assert store.problems() == []


def test_realistic_demo_work_plan_has_every_state(tmp_path):
    path = tmp_path / "r.fgstore"
    generate_demo(path, size="realistic", today=TODAY)
    with open_store(path, today=lambda: TODAY) as store:
        activities = store.activities.list()
        assert {"done", "in_progress", "planned"} <= {a.status for a in activities}
        assert any(store.activities.meeting_ids(a.id) for a in activities)
        linked = [i for i in store.indicators.list() if i.result_id]
        assert len(linked) >= 12 and store.funder_codes.count() >= 8
