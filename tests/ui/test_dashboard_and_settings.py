"""Dashboard summaries a click away from their pages, and the settings dialog."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from qt_helpers import press

from fieldgroup.ui import settings
from fieldgroup.ui.dialogs.settings_dialog import SettingsDialog
from fieldgroup.ui.pages.dashboard_page import DashboardPage


def buttons_of(box) -> dict[str, QPushButton]:
    return {getattr(b, "full_text", b.text()): b for b in box.findChildren(QPushButton)}


def test_dashboard_shows_next_meeting_overdue_items_and_indicators_behind(qtbot, ctx, store, group, pillars):
    company, government = pillars["company"][1], pillars["government"][1]
    past = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), place="Accra")
    for person in (company, government):
        store.attendance.set(past.id, person.id)
    store.meetings.create(group_id=group.id, kind="workshop", date=date(2025, 7, 2), place="Tarkwa")
    store.meetings.create(group_id=group.id, kind="pillar", pillar="company", date=date(2025, 4, 2))
    store.actions.create(meeting_id=past.id, title="Send the report", owner_person_id=company.id, due_date=date(2025, 4, 1))
    store.actions.create(group_id=group.id, title="Not yet due", due_date=date(2025, 9, 1))
    trained = store.indicators.create(group_id=group.id, name="Officers trained", baseline_value=0)
    store.targets.set(trained.id, "2025-Q1", 100)
    store.values.set(trained.id, "2025-Q1", 40)
    held = store.indicators.create(group_id=group.id, computed="meetings_held")
    store.targets.set(held.id, "2025-Q1", 5)  # one meeting held in Q1: 20 % of the target

    opened = []
    ctx.open_requested.connect(lambda page, record: opened.append((page, record)))
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: any("Meetings held" in t for t in buttons_of(page.indicator_box)))
    qtbot.waitUntil(lambda: any("Send the report" in t for t in buttons_of(page.overdue_box)))

    assert any("Workshop on" in t and "Tarkwa" in t for t in buttons_of(page.next_box))
    assert "1 action item is overdue." in [label.text() for label in page.overdue_box.findChildren(type(page.heading))]
    [overdue] = [b for t, b in buttons_of(page.overdue_box).items() if "Send the report" in t]
    assert "company person" in overdue.full_text and overdue.accessibleName() == overdue.full_text
    qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert opened[-1][0] == "actions" and store.actions.get(opened[-1][1]).title == "Send the report"

    assert [r.meeting.id for r in page.history.rows] == [past.id]  # the pillar meeting is left out
    assert "missing pillar" in page.history.accessibleDescription()
    qtbot.mouseClick(page.history, Qt.MouseButton.LeftButton, pos=page.history.rect().center())
    assert opened[-1] == ("meetings", past.id)
    assert any("Officers trained: behind in Q1 2025 (40%" in t for t in buttons_of(page.indicator_box))
    assert any("Meetings held: behind in Q1 2025 (20%" in t for t in buttons_of(page.indicator_box))


def test_dashboard_says_below_baseline_never_zero_percent(qtbot, ctx, store, group):
    """An indicator that fell under its baseline reads "below baseline" (a decrease indicator that rose
    "above baseline"), as on the indicators page and in the M&E report, not "0% of target"."""
    trained = store.indicators.create(group_id=group.id, name="Officers trained", baseline_value=50)
    store.targets.set(trained.id, "2025-Q1", 100)
    store.values.set(trained.id, "2025-Q1", 30)
    incidents = store.indicators.create(group_id=group.id, name="Incidents", baseline_value=10, direction="decrease")
    store.targets.set(incidents.id, "2025-Q1", 4)
    store.values.set(incidents.id, "2025-Q1", 12)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: any("Incidents" in t for t in buttons_of(page.indicator_box)))
    texts = list(buttons_of(page.indicator_box))
    assert "Officers trained: below baseline in Q1 2025" in texts
    assert "Incidents: above baseline in Q1 2025" in texts
    assert not any("0%" in t for t in texts)


def test_dashboard_offers_to_create_a_group_in_an_empty_store(qtbot, store):
    from fieldgroup.ui.context import AppContext

    page = DashboardPage(AppContext(store, None))
    qtbot.addWidget(page)
    assert "No working group yet" in page.heading.text()
    assert "Create a working group…" in buttons_of(page.next_box)


def test_settings_saves_threshold_to_group_and_choices_to_user_settings(qtbot, ctx, store, group):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    assert dialog.language.currentText() == "Français"
    dialog.threshold.setValue(0.8)
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert store.groups.get(group.id).balance_threshold == 0.8
    assert settings.value(settings.LANGUAGE) == "fr"
    assert settings.value(settings.PAPER_SIZE) == "Letter"
    assert settings.value(settings.DEFAULT_GROUP) == group.id


def test_threshold_change_changes_meeting_status(qtbot, ctx, store, group, pillars):
    from fieldgroup.ui.pages.meetings_page import MeetingsPage

    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1))
    extra = store.people.create(organisation_id=pillars["company"][0].id, name="second company person")
    for person in (pillars["company"][1], extra, pillars["government"][1], pillars["civil_society"][1]):
        store.attendance.set(meeting.id, person.id)  # 2/1/1: index 0.95
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 3)) == "✓ 0.95 balanced")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.threshold.setValue(0.99)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    # A hidden page only marks itself stale; it reloads when shown.
    assert page.model.data(page.model.index(0, 3)) == "✓ 0.95 balanced"
    page.show()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 3)) == "≈ 0.95 imbalanced")


def test_counts_in_the_gui_carry_the_languages_thousands_separator(qtbot, ctx, store, group):
    """1,234 in English, 1 234 in French: counts go through Babel like every other number (issue 15)."""
    from fieldgroup.i18n import set_locale

    with store.transaction():
        for n in range(1234):
            store.actions.create(group_id=group.id, title=f"Item {n}", due_date=date(2025, 1, 2))
    try:
        set_locale("fr")
        page = DashboardPage(ctx)
        qtbot.addWidget(page)
        page.show()
        texts = lambda: [label.text() for label in page.overdue_box.findChildren(type(page.heading))]  # noqa: E731
        qtbot.waitUntil(lambda: any("retard" in t and "1" in t for t in texts()))
        assert any(t.startswith("1\u202f234 ") for t in texts()), texts()
    finally:
        set_locale("en")


def test_a_full_dashboard_scrolls_on_a_small_screen_instead_of_squeezing_its_boxes(qtbot, ctx, store, group, pillars):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 1), place="Accra")
    for n in range(8):
        store.actions.create(meeting_id=meeting.id, title=f"Overdue item {n}", due_date=date(2025, 4, 1))
        indicator = store.indicators.create(group_id=group.id, name=f"Indicator {n}", baseline_value=0)
        store.targets.set(indicator.id, "2025-Q1", 100)
        store.values.set(indicator.id, "2025-Q1", 10)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1150, 650)  # what the page gets inside a 1366×768 window
    page.show()
    qtbot.waitUntil(lambda: any("Indicator" in t for t in buttons_of(page.indicator_box)))
    qtbot.waitUntil(lambda: any("Overdue item" in t for t in buttons_of(page.overdue_box)))
    for day in range(2, 12):
        store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 1, day), place="Accra")
    ctx.data_changed.emit("meetings")
    qtbot.waitUntil(lambda: len(page.history.rows) > 5)
    for box in (page.next_box, page.overdue_box, page.balance_box, page.indicator_box):
        shown = [w for w in box.findChildren(QWidget) if w.isVisible() and w.parent() is box]
        for widget in shown:  # nothing cut off at the box's edge …
            assert box.rect().contains(widget.geometry()), (box.title(), widget)
        for a, b in itertools.combinations(shown, 2):  # … and nothing drawn over something else
            assert not a.geometry().intersects(b.geometry()), (box.title(), a, b)
