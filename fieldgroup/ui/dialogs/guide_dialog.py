"""The user guide inside the app (F1), in the current language when it is translated, else in English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from fieldgroup.i18n import _, current_locale, language_name
from fieldgroup.paths import install_dir


def guide_file(locale: str, docs: Path | None = None) -> tuple[Path, bool]:
    """The guide for `locale` (docs/user-guide.fr.md, …) and whether it is in that language."""
    docs = docs or install_dir() / "docs"
    language = locale.split("_")[0]
    for candidate in (f"user-guide.{locale}.md", f"user-guide.{language}.md"):
        if (docs / candidate).exists():
            return docs / candidate, True
    return docs / "user-guide.md", language == "en"


class GuideDialog(QDialog):
    """A non-modal window beside the app: the guide with its pictures and working links."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("User guide"))
        self.resize(900, 680)
        path, translated = guide_file(current_locale())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(not translated)
        self.note.setText(_("The guide is not translated into {language} yet; here it is in English.").format(
            language=language_name(current_locale().split("_")[0])))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
