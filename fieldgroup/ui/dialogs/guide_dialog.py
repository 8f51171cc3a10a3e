"""The user guide inside the app (F1), in the current language when it is translated, else in English."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from fieldgroup.i18n import _, current_locale, language_name
from fieldgroup.paths import install_dir

HEADING = re.compile(r"^#{1,6} +(.+?) *$", re.M)


def guide_file(locale: str, docs: Path | None = None) -> tuple[Path, bool]:
    """The guide for `locale` (docs/user-guide.fr.md, …) and whether it is in that language."""
    docs = docs or install_dir() / "docs"
    language = locale.split("_")[0]
    for candidate in (f"user-guide.{locale}.md", f"user-guide.{language}.md"):
        if (docs / candidate).exists():
            return docs / candidate, True
    return docs / "user-guide.md", language == "en"


def heading_anchors(english: Path) -> list[str]:
    """The link targets of the English guide's headings ("## Pillar balance" → "pillar-balance"), in order.

    A translation keeps the English targets and its headings in the same order, so a link finds its
    heading by position in every language."""
    text = re.sub(r"^```.*?^```", "", english.read_text(encoding="utf-8"), flags=re.M | re.S)
    return [re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-") for title in HEADING.findall(text)]


class GuideDialog(QDialog):
    """A non-modal window beside the app: the guide with its pictures and working links."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("User guide"))
        self.resize(900, 680)
        self.path, translated = guide_file(current_locale())
        self.anchors = heading_anchors(self.path.parent / "user-guide.md")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(not translated)
        self.note.setText(_("The guide is not translated into {language} yet; here it is in English.").format(
            language=language_name(current_locale().split("_")[0])))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # Qt's markdown has no heading anchors: links are followed below
        self.browser.anchorClicked.connect(self.follow)
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setMarkdown(self.path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def follow(self, url: QUrl) -> None:
        """A "#section" link scrolls to that heading; any other link opens in the system's browser."""
        if url.scheme() or url.path():
            QDesktopServices.openUrl(url)
        elif url.fragment() in self.anchors:
            self.scroll_to_heading(self.anchors.index(url.fragment()))

    def scroll_to_heading(self, number: int) -> None:
        """Put the guide's heading `number` (0 is the title) at the top of the window."""
        document, block, seen = self.browser.document(), self.browser.document().begin(), -1
        while block.isValid():
            seen += block.blockFormat().headingLevel() > 0
            if seen == number:
                top = document.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return
            block = block.next()
