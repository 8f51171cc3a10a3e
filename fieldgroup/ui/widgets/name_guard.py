"""The guard under a text box: protected names typed as plain text are offered as mentions in one click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from fieldgroup.core import mentions
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.widgets.mention_edit import MentionEdit


class NameGuard(QWidget):
    """Hidden until `edit` holds a protected (or erased) person's name outside a mention.

    `edit` is a MentionEdit, or anything that speaks like one (`directory`, `refresh_directory`,
    `toPlainText`, `setPlainText`, `textChanged`): the agenda guards all its items at once."""

    def __init__(self, edit: MentionEdit, dismiss: Callable[[str, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = edit
        self._dismiss = dismiss
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.convert_button = QPushButton(_("Turn into mentions"), self)
        self.convert_button.setToolTip(_("Replace each name by a mention, printed as the name or as "
                                         "\"Protected participant\" according to the person's status"))
        self.not_this_button = QPushButton(_("Not this person"), self)
        self.not_this_button.setToolTip(_("These words are someone else: stop asking, on every laptop"))
        self.convert_button.clicked.connect(self.convert)
        self.not_this_button.clicked.connect(self.not_this_person)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.convert_button)
        layout.addWidget(self.not_this_button)
        self.setVisible(False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("NameGuard { background: #fff4ce; }")
        edit.textChanged.connect(self.check)

    def spans(self) -> list:
        return self.edit.directory().find_names(self.edit.toPlainText())

    def check(self) -> None:
        found = self.spans()
        if found:
            # The names themselves are not repeated here: the bar may be on a projected screen.
            self.message.setText(ngettext("{n} protected name is typed as plain text.",
                                          "{n} protected names are typed as plain text.", len(found)).format(n=format_number(len(found))))
        self.setVisible(bool(found))

    def convert(self) -> None:
        """Names become mentions as one edit Ctrl+Z takes back: in a text box, the box's own undo (the
        typing goes on there, so it gets the focus back); in the agenda, a change of the meeting's
        details (Edit ▸ Undo). The same conversion as the pass before export: a name two protected
        people share becomes the placeholder, never a guess."""
        text = self.edit.toPlainText()
        converted = mentions.convert_all(text, mentions.conversions(self.edit.directory(), text))
        if isinstance(self.edit, MentionEdit):
            self.edit.replace_text(converted)
            self.edit.setFocus()
        else:
            self.edit.setPlainText(converted)

    def not_this_person(self) -> None:
        for span in self.spans():
            if span.person_id in self.edit.directory().by_id:
                self._dismiss(span.person_id, span.text)
        self.edit.refresh_directory()
        self.check()


def guard_for(edit: MentionEdit, store, parent: QWidget | None = None) -> NameGuard:
    """A guard whose "Not this person" is recorded in `store` (as data that syncs)."""
    from fieldgroup.core.erasure import dismiss

    return NameGuard(edit, lambda person_id, phrase: dismiss(store, person_id, phrase), parent)
