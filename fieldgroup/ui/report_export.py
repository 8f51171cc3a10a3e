"""Export PDF and Print handout: ask, build the PDF in the background, then offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from fieldgroup.core import open_store
from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.export_pdf_dialog import TITLES, ExportChoice, ExportPdfDialog
from fieldgroup.ui.ops import Progress, run_op


def export_pdf(parent: QWidget, ctx: AppContext, kind: str, meeting_id: str | None = None, *,
               subgroups: bool | None = None):
    """Ask for the options (`subgroups`: the page's "With sub-groups" state, None for the box's default),
    then build the report off the GUI thread. Returns the task's signals, or None."""
    dialog = ExportPdfDialog(ctx.store, ctx.group_id, kind, meeting_id, parent, subgroups=subgroups)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return build_in_background(parent, ctx, dialog.choice())


def build_in_background(parent: QWidget, ctx: AppContext, choice: ExportChoice):
    store_path, group_id = ctx.store.path, ctx.group_id

    def work(progress: Progress) -> Path:
        from fieldgroup.reports import build_report  # reportlab loads on the first PDF, not at start-up

        def report(done: int, total: int, text: str) -> None:
            progress.report(done, total, text)

        # A reading connection of its own: the window keeps using its connection meanwhile.
        with open_store(store_path, read_only=True) as store:
            return build_report(choice.kind, store, choice.out_path, group_id=group_id, meeting_id=choice.meeting_id,
                                paper=choice.paper, include_protected=choice.include_protected, period=choice.period,
                                include_subgroups=choice.include_subgroups, this_group_only=choice.this_group_only,
                                progress=report)

    return run_op(parent, str(TITLES[choice.kind]), work, on_done=lambda path: offer_to_open(parent, path))


def offer_to_open(parent: QWidget, path: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, _("PDF saved"),
                      _("The PDF was saved as {path}.").format(path=path), parent=parent)
    open_button = box.addButton(_("&Open it"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
