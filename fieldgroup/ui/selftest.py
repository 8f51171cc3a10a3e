"""The Qt half of `fieldgroup self-test`: fonts load into Qt, the main window opens offscreen and closes."""

from __future__ import annotations

import os
from pathlib import Path

from fieldgroup.core import Store
from fieldgroup.paths import fonts_dir, resources_dir


def check_window(store: Store) -> list[str]:
    """Open the main window on `store` without a screen, let it paint, close it; a list of problems."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QThreadPool, QTimer, QTranslator
    from PySide6.QtGui import QFontDatabase, QIcon
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(["fieldgroup"])
    problems = []
    for font in sorted(fonts_dir().glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(font)) < 0:
            problems.append(f"Qt cannot load the font {font.name}")
    icon = QIcon(str(resources_dir() / "fieldgroup.png"))
    if icon.isNull():
        problems.append("the app icon is missing")
    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not QTranslator().load("qtbase_fr", str(qt_translations)):
        problems.append(f"Qt's own translations are missing from {qt_translations.name}")
    try:
        from fieldgroup.ui.main_window import MainWindow  # the real window, once the GUI is in
    except ImportError:
        window = QMainWindow()
    else:
        window = MainWindow(store)
    window.setWindowIcon(icon)
    window.show()
    shown = []

    def look_and_quit() -> None:  # after one turn of the event loop the window is laid out and painted
        shown.append(window.isVisible() and window.width() > 0)
        window.close()
        app.quit()

    QTimer.singleShot(0, look_and_quit)
    app.exec()
    # Pages read the store in background threads; they must finish before the caller closes the
    # store and removes its temporary folder (a race seen once in CI).
    QThreadPool.globalInstance().waitForDone(30_000)
    if shown != [True]:
        problems.append("the main window did not open")
    return problems
