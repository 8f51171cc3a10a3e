"""Screenshots of the Sync page, empty and after a sync with conflicts, for a look at layout and clipping.

    QT_QPA_PLATFORM=offscreen python tools/sync_page_screenshots.py [LOCALE] [WIDTH] [HEIGHT] [OUT_DIR]
    (FIELDGROUP_PSEUDO=1 stretches every string to check that longer translations still fit.)"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "ui"))

import page_harness  # noqa: E402

from fieldgroup.core import create_store  # noqa: E402
from fieldgroup.i18n import set_locale  # noqa: E402
from fieldgroup.sync.folder import sync_folder  # noqa: E402
from fieldgroup.ui.context import AppContext  # noqa: E402
from fieldgroup.ui.pages.sync_page import CONFLICTS, HISTORY, PASSPHRASE, SUMMARY, SyncPage  # noqa: E402


def sync_and_wait(page: SyncPage, folder: Path) -> None:
    loop = QEventLoop()
    page.work_finished.connect(loop.quit)
    page.sync_with(folder)
    loop.exec()
    page.work_finished.disconnect(loop.quit)


def main(locale: str = "en", width: int = 1366, height: int = 768, out: Path = Path("/tmp")) -> None:
    app = QApplication.instance() or QApplication([])
    set_locale(locale)
    tmp = Path(tempfile.mkdtemp())
    accra, tarkwa = create_store(tmp / "accra.fgstore"), create_store(tmp / "tarkwa.fgstore")
    for store, name in ((accra, "ACCRA-DELL-7490"), (tarkwa, "Tarkwa office ThinkPad")):
        with store.transaction():
            store.records.set_local("device_name", name)
    page_harness.seed_demo(accra)
    stick = tmp / "stick"
    stick.mkdir()
    page = SyncPage(AppContext(tarkwa))
    page.resize(width, height)
    page.show()
    app.processEvents()
    tag = f"sync-{locale}-{width}"
    page.grab().save(str(out / f"{tag}-empty.png"))
    sync_folder(accra, stick)
    sync_and_wait(page, stick)
    # Four conflicts: a person's role, a meeting's place, an action's status, and an edit to a deleted action.
    meeting, actions, person = tarkwa.meetings.list()[0], tarkwa.actions.list(), tarkwa.people.list()[0]
    accra.meetings.update(meeting.id, place="Prestea")
    tarkwa.meetings.update(meeting.id, place="Bogoso")
    accra.actions.update(actions[0].id, status="done")
    tarkwa.actions.update(actions[0].id, status="dropped")
    tarkwa.actions.delete(actions[1].id)
    accra.actions.update(actions[1].id, title="Invite police commanders to the regional meeting in Tarkwa")
    accra.people.update(person.id, role="Head of community relations")
    tarkwa.people.update(person.id, role="Focal point, Western Region")
    sync_folder(accra, stick)
    sync_and_wait(page, stick)
    for tab, name in ((SUMMARY, "after"), (CONFLICTS, "conflicts"), (HISTORY, "history"), (PASSPHRASE, "passphrase")):
        page.tabs.setCurrentIndex(tab)
        app.processEvents()
        page.grab().save(str(out / f"{tag}-{name}.png"))
    print(f"saved {out}/{tag}-*.png")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0] if args else "en", int(args[1]) if len(args) > 1 else 1366, int(args[2]) if len(args) > 2 else 768,
         Path(args[3]) if len(args) > 3 else Path("/tmp"))
