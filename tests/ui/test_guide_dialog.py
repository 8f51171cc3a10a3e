"""F1 shows the user guide in the app's language, says when it falls back to English, and follows its links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from fieldgroup.i18n import set_locale
from fieldgroup.ui.dialogs import guide_dialog
from fieldgroup.ui.dialogs.guide_dialog import GuideDialog, guide_file

DOCS = Path(__file__).resolve().parents[2] / "docs"
ROOT = DOCS.parent


def first_heading(path: Path) -> str:
    return re.search(r"^## (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)


def open_guide(qtbot, locale: str) -> GuideDialog:
    set_locale(locale)
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("locale, language", [
    ("fr", "fr"), ("fr_CD", "fr"), ("es", "es"), ("es_CO", "es"), ("pt", "pt"), ("id_ID", "id"), ("my", "my"),
    ("my_MM", "my"),
])
def test_the_guide_opens_in_the_apps_language(qtbot, locale, language):
    translated = DOCS / f"user-guide.{language}.md"
    dialog = open_guide(qtbot, locale)
    assert dialog.path == translated
    assert first_heading(translated) in dialog.browser.toPlainText()
    assert "Your first meeting" not in dialog.browser.toPlainText()
    assert dialog.note.isHidden()


def test_english_shows_the_english_guide_without_a_note(qtbot):
    dialog = open_guide(qtbot, "en_GH")
    assert dialog.path == DOCS / "user-guide.md" and "Your first meeting" in dialog.browser.toPlainText()
    assert dialog.note.isHidden()


def test_a_language_without_a_guide_falls_back_to_english_and_says_so(qtbot, tmp_path, monkeypatch):
    # An installed copy whose docs folder has only the English guide, run in Burmese.
    (tmp_path / "docs").mkdir()
    shutil.copy(DOCS / "user-guide.md", tmp_path / "docs")
    monkeypatch.setattr(guide_dialog, "install_dir", lambda: tmp_path)
    dialog = open_guide(qtbot, "my_MM")
    assert "Your first meeting" in dialog.browser.toPlainText()
    assert not dialog.note.isHidden()
    assert "မြန်မာ" in dialog.note.text() and "English" not in dialog.note.text()  # said in Burmese


def test_an_unknown_language_gets_the_english_guide_with_the_note(qtbot):
    assert guide_file("de_DE", DOCS) == (DOCS / "user-guide.md", False)
    dialog = open_guide(qtbot, "de")
    assert "Your first meeting" in dialog.browser.toPlainText() and not dialog.note.isHidden()
    assert "not translated" in dialog.note.text()


def test_a_contents_link_scrolls_to_its_chapter_in_a_translated_guide(qtbot):
    dialog = open_guide(qtbot, "fr")
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    dialog.browser.anchorClicked.emit(QUrl("#backups"))
    assert bar.value() > 0
    top = dialog.browser.cursorForPosition(dialog.browser.viewport().rect().topLeft()).block().text()
    assert top == "Sauvegardes"


def test_the_installer_ships_every_translated_guide():
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    namespace = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build_installer.spec")}
    data_part = spec.split("\nhiddenimports")[0]  # the data list, before PyInstaller's own work
    data_part = "\n".join(line for line in data_part.splitlines() if not line.startswith("from PyInstaller"))
    exec(data_part, namespace)  # without PyInstaller installed too (make test-latest)
    shipped = {Path(source).name for source, target in namespace["datas"] if target == "docs"}
    assert {p.name for p in DOCS.glob("user-guide*.md")} <= shipped
    assert {"user-guide.md", "user-guide.fr.md", "user-guide.my.md"} <= shipped
