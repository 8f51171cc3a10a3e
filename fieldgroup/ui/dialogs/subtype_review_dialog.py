"""After the members migration, once: say that balance figures changed, and review undecided sub-types."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store
from fieldgroup.core.choices import ORG_SUBTYPE, PILLAR, subtypes_of
from fieldgroup.core.members import finish_subtype_review, organisations_to_review, subtype_review_pending
from fieldgroup.i18n import _

NOTICE = "notice:home_governments_apart"


class SubtypeReviewDialog(QDialog):
    """The organisations whose free-text kind did not surely name a sub-type, each with its pillar's choices."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Review organisation sub-types"))
        self.resize(720, 460)
        intro = QLabel(_("FieldGroup now records who each organisation is within its pillar. These organisations' "
                         "kind did not say it for sure: choose a sub-type for each, or leave it undecided and set "
                         "it later in the organisation."), self)
        intro.setWordWrap(True)
        self.organisations = organisations_to_review(store)
        self.table = QTableWidget(len(self.organisations), 4, self)
        self.table.setHorizontalHeaderLabels([_("Organisation"), _("Pillar"), _("Kind"), _("Sub-type")])
        self.combos: list[QComboBox] = []
        for row, org in enumerate(self.organisations):
            for column, text in enumerate((org.name, PILLAR.label(org.pillar), org.kind or "")):
                self.table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox(self.table)
            combo.addItem(_("(not decided)"), None)
            for value in subtypes_of(org.pillar):
                combo.addItem(ORG_SUBTYPE.label(value), value)
            self.table.setCellWidget(row, 3, combo)
            self.combos.append(combo)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.store.transaction():
                for org, combo in zip(self.organisations, self.combos, strict=True):
                    if combo.currentData() is not None:
                        self.store.organisations.update(org.id, subtype=combo.currentData())
        except FieldGroupError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()


def show_once(store: Store, parent: QWidget | None = None) -> None:
    """The one-time notice about balance figures, then the sub-type review; each only once per laptop."""
    if store.read_only:
        return
    if store.local_setting(NOTICE) == "pending":
        store.set_local_setting(NOTICE, "done")
        QMessageBox.information(parent, _("Balance figures have changed"), _(
            "Home governments (embassies) are now shown apart from the host government: by default the balance "
            "counts the host government only, so some past balance figures are different. A group can count "
            "embassies again in Edit group."))
    if subtype_review_pending(store):
        SubtypeReviewDialog(store, parent).exec()
        finish_subtype_review(store)  # offered once; sub-types can still be set in each organisation
