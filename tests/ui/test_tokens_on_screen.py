"""Mentions in every converted free-text field show as names on screen (the placeholder when presenting),
never as raw `@{…}` tokens; dialogs edit them in mention boxes and keep them on save (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QTextEdit

from fieldgroup.core import typed_names
from fieldgroup.core.mentions import mention, placeholder
from fieldgroup.ui.widgets import presentation
from tests.protect.tokens_everywhere import RAW, tokened_store
from tests.ui.page_harness import settle

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None):
    parent = QModelIndex() if parent is None else parent
    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(max(1, columns)):
            index = model.index(row, column, parent)
            yield from (v for v in (model.data(index, role) for role in ROLES) if isinstance(v, str))
            if column == 0 and not flat and model.rowCount(index):
                yield from _model_texts(model, index)


def _shown(widget) -> list[str]:
    """Every text a page shows: its models' cells and tooltips, its labels, its read-only text boxes."""
    texts = [t for model in widget.findChildren(QAbstractItemModel) for t in _model_texts(model)]
    texts += [label.text() for label in widget.findChildren(QLabel)]
    texts += [QTextEdit.toPlainText(box) for box in widget.findChildren(QTextEdit)]  # as drawn, not as stored
    texts += [line.text() for line in widget.findChildren(QLineEdit)]
    return texts


@pytest.fixture
def tokened(tmp_path):
    from fieldgroup.ui.widgets import screen_text

    store, person = tokened_store(tmp_path / "demo.fgstore")
    screen_text.screen().use(store)  # what the app's context does; dialogs here are opened without one
    yield store, person
    screen_text.screen().use(None)
    store.close()


@pytest.fixture
def presenting():
    yield lambda on: presentation.state().set(on)
    presentation.state().set(False)


@pytest.mark.parametrize("on", [False, True])
def test_no_page_shows_a_raw_token_whatever_row_is_chosen(qtbot, tokened, presenting, on):
    from fieldgroup.core import keys
    from fieldgroup.sync import core_team
    from fieldgroup.ui.main_window import PAGES, MainWindow

    store, person = tokened
    presenting(on)
    core_team.hold(store, keys.Passphrase("copper-island-meadow-falcon-ninety"))  # the Incidents page too
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, list[str]] = {}
    for spec in PAGES:
        page = window.show_page(spec.key)
        settle(qtbot)
        texts = _shown(page)
        for view in page.findChildren(QAbstractItemView):  # each list's first row: its detail pane too
            model = view.model()
            if model is not None and model.rowCount() and view.isVisibleTo(page):
                view.setCurrentIndex(model.index(0, 0))
                settle(qtbot)
                texts += _shown(page)
        seen[spec.key] = texts
    incidents = set(seen["incidents"] + _shown(window.show_page("dashboard").alerts_panel))
    core_team.release(store)
    assert seen["incidents"], "the Incidents page showed nothing"
    leaks = {key: [t[:90] for t in texts if RAW in t][:3] for key, texts in seen.items()}
    assert not any(leaks.values()), leaks
    everything = "\n".join(t for texts in seen.values() for t in texts)
    if on:  # (incidents: their own page's business, test_incidents_presenting_hides_names below)
        named = {key: [t[:90] for t in texts if person.name in t and t not in incidents][:3] for key, texts in seen.items()}
        assert not any(named.values()), named
    else:
        assert person.name in everything  # the mention shows as the name
    assert placeholder("company") in everything  # the neutral token: the placeholder, always


def _texts_of(dialog) -> list[str]:
    """What a dialog shows: its boxes as drawn, its labels, the choices of its lists and combo boxes."""
    return _shown(dialog) + [combo.itemText(i) for combo in dialog.findChildren(QComboBox) for i in range(combo.count())]


def test_record_dialogs_show_names_in_their_free_text_boxes(qtbot, tokened):
    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog
    from fieldgroup.ui.dialogs.activity_dialog import ActivityDialog
    from fieldgroup.ui.dialogs.group_dialog import GroupDialog
    from fieldgroup.ui.dialogs.group_profile_dialog import GroupProfileDialog
    from fieldgroup.ui.dialogs.indicator_dialog import IndicatorDialog
    from fieldgroup.ui.dialogs.link_indicator_dialog import LinkIndicatorDialog
    from fieldgroup.ui.dialogs.objective_dialog import ObjectiveDialog
    from fieldgroup.ui.dialogs.organisation_dialog import OrganisationDialog
    from fieldgroup.ui.dialogs.person_dialog import PersonDialog
    from fieldgroup.ui.dialogs.result_dialog import ResultDialog

    store, person = tokened
    group = next(g for g in store.groups.list() if g.parent_id is None)
    objective = store.objectives.list(group_id=group.id)[0]
    result = store.results.list(objective_id=objective.id)[0]
    dialogs = [
        PersonDialog(store, group.id, store.people.find(person.id)),
        OrganisationDialog(store, group.id, next(o for o in store.organisations.list(group_id=group.id) if o.region)),
        GroupDialog(store, group),
        GroupProfileDialog(store, group.id),
        IndicatorDialog(store, group.id, next(i for i in store.indicators.list(group_id=group.id) if not i.computed)),
        ObjectiveDialog(store, group.id, objective),
        ResultDialog(store, group.id, result),
        ActivityDialog(store, group.id, store.activities.list(group_id=group.id)[0]),
        ActionItemDialog(store, group.id, store.actions.list(group_id=group.id)[0]),
        LinkIndicatorDialog(store, group.id, result),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        texts = _texts_of(dialog)
        assert not [t for t in texts if RAW in t], type(dialog).__name__
        assert any(person.name in t for t in texts), type(dialog).__name__


def test_saving_a_person_unchanged_keeps_the_mention_in_the_role(qtbot, tokened):
    from fieldgroup.ui.dialogs.person_dialog import PersonDialog

    store, person = tokened
    other = next(p for p in store.people.list() if not p.protected)
    role = f"Deputy to {mention(person.id)}"
    store.people.update(other.id, role=role, email=mention(person.id))
    dialog = PersonDialog(store, store.groups.list()[0].id, store.people.find(other.id))
    qtbot.addWidget(dialog)
    assert QTextEdit.toPlainText(dialog.role) == f"Deputy to {person.name}"
    dialog.save()
    saved = store.people.find(other.id)
    assert saved.role == role and saved.email == mention(person.id)


def test_a_dialog_open_during_a_sync_keeps_the_names_the_sync_turned_into_mentions(qtbot, tokened):
    """The pass before a bundle converts a typed name while the dialog is open; saving does not undo it."""
    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog

    store, person = tokened
    item = store.actions.list()[0]
    store.actions.update(item.id, title="Call the chair", description=f"{person.name} will brief.")
    dialog = ActionItemDialog(store, item.group_id, store.actions.find(item.id))
    qtbot.addWidget(dialog)
    typed_names.run(store)  # what exporting a bundle does first
    assert store.actions.find(item.id).description == f"{mention(person.id)} will brief."
    dialog.title.setText("Call the chair today")  # an edit elsewhere in the dialog
    dialog.save()
    saved = store.actions.find(item.id)
    assert saved.title == "Call the chair today"
    assert saved.description == f"{mention(person.id)} will brief."


def test_a_period_note_open_during_a_sync_keeps_its_mention(qtbot, tokened):
    from fieldgroup.ui.dialogs.period_value_dialog import PeriodValueDialog

    store, person = tokened
    indicator = next(i for i in store.indicators.list() if not i.computed)
    store.values.set(indicator.id, "2025-Q1", 3, note=f"Counted by {person.name}.")
    dialog = PeriodValueDialog(store, indicator, "2025-Q1")
    qtbot.addWidget(dialog)
    typed_names.run(store)
    dialog.save()
    assert store.values.of_indicator(indicator.id)["2025-Q1"].note == f"Counted by {mention(person.id)}."


def test_a_conflict_card_shows_mentions_as_names_in_every_converted_field(tokened):
    from datetime import datetime

    from fieldgroup.sync.review import Conflict
    from fieldgroup.ui.widgets.conflict_list import value_text

    _store, person = tokened
    for table, names in typed_names.fields().items():
        for field in names:
            conflict = Conflict(1, table, "x", field, f"Ask {mention(person.id)}", "a", datetime(2025, 1, 1),
                                "@{erased:company} said so", "b", datetime(2025, 1, 2), False)
            assert value_text(conflict, conflict.kept_value) == f"Ask {person.name}", (table, field)
            assert value_text(conflict, conflict.lost_value) == f"{placeholder('company')} said so", (table, field)


def test_incidents_presenting_hides_names(qtbot, tokened, presenting):
    from fieldgroup.core import keys
    from fieldgroup.sync import core_team
    from fieldgroup.ui.main_window import MainWindow

    store, person = tokened
    presenting(True)
    core_team.hold(store, keys.Passphrase("copper-island-meadow-falcon-ninety"))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    texts = []
    for key in ("dashboard", "incidents"):
        page = window.show_page(key)
        settle(qtbot)
        texts += _shown(page)
    core_team.release(store)
    assert not [t for t in texts if person.name in t]


@pytest.mark.parametrize("on", [False, True])
def test_find_anything_shows_a_mention_as_the_name_and_the_placeholder_when_presenting(qtbot, window, store, group,
                                                                                     pillars, presenting, on):
    from datetime import date

    person = store.people.create(organisation_id=pillars["civil_society"][0].id, name="Zawadi Kilonzo", protected=True)
    # (The title is shown whole; a snippet is a few words around the match, and drops a mention it cuts.)
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 1), title=f"Visit to {mention(person.id)}",
                          minutes=f"{mention(person.id)} presented the vetting procedure.")
    presenting(on)
    window.find_anything("vetting")
    dialog = window.search_dialog
    qtbot.waitUntil(lambda: len(dialog.hits) == 1)
    shown = dialog.results.itemWidget(dialog.results.item(0)).text()
    assert RAW not in shown
    assert ("Zawadi Kilonzo" in shown) != on and (placeholder("civil_society") in shown) == on
