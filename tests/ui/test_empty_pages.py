"""Empty pages say what to do first (issue 16): People, Organisations, Actions and Indicators."""

from __future__ import annotations

import page_harness
from PySide6.QtWidgets import QLabel


def _hint(page, view) -> str:
    label = view.viewport().findChild(QLabel, "empty_hint")
    return label.text() if label is not None and label.isVisible() else ""


def test_each_empty_page_says_how_to_begin(qtbot, window, store, group):
    people = window.show_page("people")
    page_harness.settle(qtbot)
    assert "Organisations tab ▸ New organisation…" in _hint(people, people.people_view)
    people.tabs.setCurrentIndex(1)
    assert "New organisation…" in _hint(people, people.org_view)
    actions = window.show_page("actions")
    page_harness.settle(qtbot)
    qtbot.waitUntil(lambda: "New action item…" in _hint(actions, actions.view))
    indicators = window.show_page("indicators")
    page_harness.settle(qtbot)
    qtbot.waitUntil(lambda: "New indicator…" in _hint(indicators, indicators.view))


def test_the_hint_follows_what_there_is(qtbot, window, store, group):
    org = store.organisations.create(group_id=group.id, name="Mining Co", pillar="company")
    people = window.show_page("people")
    page_harness.settle(qtbot)
    assert "press New person…" in _hint(people, people.people_view)
    store.people.create(organisation_id=org.id, name="Ama Owusu")
    window.ctx.changed("people")
    page_harness.settle(qtbot)
    assert _hint(people, people.people_view) == ""
    people.search.setText("Zz")
    assert _hint(people, people.people_view) == "No one matches “Zz”."
    store.actions.create(group_id=group.id, title="Share the map", status="done")
    actions = window.show_page("actions")
    page_harness.settle(qtbot)
    qtbot.waitUntil(lambda: "Clear filters" in _hint(actions, actions.view))  # open items only: the done one is hidden
