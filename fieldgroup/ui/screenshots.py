"""`make screenshots`: render every page on a demo store at 1366×768 into docs/screenshots/."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from fieldgroup.core import Store, create_store, open_store  # noqa: E402
from fieldgroup.i18n import current_locale  # noqa: E402
from fieldgroup.paths import install_dir  # noqa: E402

SIZE = (1366, 768)
TODAY = date(2025, 6, 15)


def small_demo(store: Store, group_name: str = "Ghana ICWG") -> None:
    """A small but lively store built through the public API (until the demo generator is on main)."""
    rng = random.Random(7)
    with store.transaction():
        group = store.groups.create(name=group_name, country="GH")
        region = store.groups.create(name="Western Region working group", country="GH", region="Western",
                                     parent_id=group.id)
        people: dict[str, list] = {}
        orgs = {
            "company": ["Gold Fields Ghana", "AngloGold Ashanti", "Newmont Ghana"],
            "government": ["Ministry of Lands", "Ghana Police Service", "Minerals Commission"],
            "civil_society": ["WACAM", "Centre for Public Interest Law", "Tarkwa Community Forum"],
            "observer": ["Embassy of Switzerland"],
        }
        first = ["Ama", "Kwame", "Akosua", "Kofi", "Abena", "Yaw", "Efua", "Kojo", "Adwoa", "Kwabena", "Esi", "Nana"]
        last = ["Mensah", "Owusu", "Boateng", "Asante", "Osei", "Addo", "Darko", "Appiah"]
        for pillar, names in orgs.items():
            for name in names:
                org = store.organisations.create(group_id=group.id, name=name, pillar=pillar)
                for _n in range(3):
                    gender = rng.choice(("female", "male", None))
                    person = store.people.create(organisation_id=org.id, name=f"{rng.choice(first)} {rng.choice(last)}",
                                                 gender=gender, protected=pillar == "civil_society" and rng.random() < 0.2)
                    people.setdefault(pillar, []).append(person)
        places = [("Accra", "Greater Accra"), ("Tarkwa", "Western"), ("Obuasi", "Ashanti"), ("Takoradi", "Western")]
        topics = ["Security and human rights training", "Grievance mechanisms", "Artisanal mining dialogue",
                  "Voluntary Principles annual report", "Community policing"]
        meetings = []
        for number in range(12):
            day = TODAY - timedelta(days=300 - number * 27)
            place, region_name = places[number % len(places)]
            kind = ("plenary", "subnational", "pillar", "workshop")[number % 4]
            meeting = store.meetings.create(
                group_id=group.id, kind=kind, date=day, title=topics[number % len(topics)], place=place,
                region=region_name, pillar="civil_society" if kind == "pillar" else None,
                agenda="Welcome and introductions\nMatters arising\n" + topics[number % len(topics)] + "\nAny other business",
                minutes="The chair opened the meeting and reviewed the action items.",
                decisions="The group agreed to meet again next quarter.")
            meetings.append(meeting)
            for pillar, crowd in people.items():
                size = rng.randint(0 if number % 5 == 3 and pillar == "government" else 1, 4)
                for person in rng.sample(crowd, min(size, len(crowd))):
                    store.attendance.set(meeting.id, person.id, rng.choice(("present", "present", "present", "excused")))
        store.meetings.create(group_id=group.id, kind="plenary", date=TODAY + timedelta(days=12), title="Annual plenary",
                              place="Accra", region="Greater Accra")
        store.meetings.create(group_id=region.id, kind="subnational", date=TODAY + timedelta(days=20), place="Tarkwa")
        tasks = ["Share the training report", "Draft the grievance procedure", "Invite the district police commander",
                 "Collect attendance sheets", "Translate the minutes", "Follow up on the community complaint"]
        everyone = [p for crowd in people.values() for p in crowd]
        for meeting in meetings:
            for task in rng.sample(tasks, 2):
                due = meeting.date + timedelta(days=rng.randint(14, 90))
                status = rng.choice(("open", "in_progress", "done", "open"))
                store.actions.create(meeting_id=meeting.id, title=task, owner_person_id=rng.choice(everyone).id,
                                     due_date=due, status=status)
        held = store.indicators.create(group_id=group.id, code="M1", computed="meetings_held")
        balance = store.indicators.create(group_id=group.id, code="M2", computed="average_balance")
        trained = store.indicators.create(group_id=group.id, code="O1", name="Police officers trained", baseline_value=0)
        for quarter, target in (("2024-Q3", 2), ("2024-Q4", 3), ("2025-Q1", 3), ("2025-Q2", 4)):
            store.targets.set(held.id, quarter, target)
            store.targets.set(balance.id, quarter, 0.95)
            store.targets.set(trained.id, quarter, 50 * int(quarter[-1]))
        store.values.set(trained.id, "2025-Q1", 40, note="Two sessions in Tarkwa")


def demo_store(path: Path, long_names: bool = False) -> Store:
    """The demo generator's realistic store once it is on main; until then (and for the long-names
    check) a small one built here."""
    try:
        from fieldgroup.core.demo import generate_demo  # type: ignore[import-not-found]
    except ImportError:
        generate_demo = None
    if generate_demo is not None and not long_names:
        generate_demo(path, size="realistic", seed=7, today=TODAY)
        return open_store(path, today=lambda: TODAY)
    store = create_store(path, today=lambda: TODAY)
    name = ("Groupe de travail national sur les entreprises, la sécurité et les droits humains — "
            "République démocratique du Congo") if long_names else "Ghana ICWG"
    small_demo(store, name)
    return store


def settle() -> None:
    """Let background work (the dashboard's indicator check) finish and the widgets repaint."""
    from PySide6.QtCore import QThreadPool

    from fieldgroup.ui.ops import running_ops

    QThreadPool.globalInstance().waitForDone(30_000)
    while running_ops():
        QApplication.processEvents()
    QApplication.processEvents()


def grab(widget: QWidget, target: Path) -> Path:
    settle()
    widget.grab().save(str(target))
    return target


def render_window(store: Store, out: Path, prefix: str) -> list[Path]:
    from fieldgroup.ui.main_window import PAGES, MainWindow

    window = MainWindow(store)
    # The demo lives in a temporary folder; show a stable, typical path so the pictures do not change.
    window.store_label.setText(window.store_label.text().replace(str(store.path.parent), "~/FieldGroup"))
    window.resize(*SIZE)
    window.show()
    shots = []
    from fieldgroup.ui.pages.placeholder_page import PlaceholderPage

    for spec in PAGES:
        page = window.show_page(spec.key)
        if isinstance(page, PlaceholderPage):
            continue  # a page still to come: nothing worth showing
        settle()
        if spec.key == "meetings" and page.model.rows:
            # Show a meeting that was held (with attendance), not an empty upcoming one.
            held = [r for r in page.model.rows
                    if r.balance.present and r.meeting.kind != "pillar" and r.meeting.minutes]
            page.open_record((held or page.model.rows)[0].meeting.id)
        shots.append(grab(window, out / f"{prefix}{spec.key}.png"))
    if "meetings" in window.pages and window.pages["meetings"].model.rows:
        page = window.show_page("meetings")
        editor = page.editor
        for tab, name in ((1, "attendance"), (2, "minutes"), (3, "actions")):
            editor.tabs.setCurrentIndex(tab)
            shots.append(grab(window, out / f"{prefix}meeting-{name}.png"))
        editor.tabs.setCurrentIndex(0)
    from fieldgroup.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx, window)
    dialog.show()
    shots.append(grab(dialog, out / f"{prefix}settings.png"))
    dialog.close()
    window.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=install_dir() / "docs" / "screenshots")
    parser.add_argument("--extra", action="store_true", help="also render an empty store and long names (for checking)")
    parser.add_argument("--pseudo", action="store_true",
                        help="pseudo-translate every message 40%% longer, as French or Indonesian often are")
    parser.add_argument("--size", default="1366x768", help="window size in logical pixels, e.g. 1280x720")
    parser.add_argument("--locale", help="render in this language (e.g. fr, my); the default is the computer's")
    args = parser.parse_args(argv)
    if args.locale:
        from fieldgroup.i18n import normalise_locale, set_locale

        set_locale(normalise_locale(args.locale))
    global SIZE
    SIZE = tuple(int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    if args.pseudo:
        from fieldgroup.i18n import PSEUDO, set_locale

        set_locale(PSEUDO)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        # Screenshots never read or write the real user's settings.
        QCoreApplication.setOrganizationName("FieldGroupScreenshots")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        from fieldgroup.ui.qt_i18n import install_qt_translations, register_fonts

        install_qt_translations(app, current_locale())
        register_fonts()
        shots = render_window(demo_store(Path(folder) / "demo.fgstore"), args.out, "")
        if args.extra:
            shots += render_window(create_store(Path(folder) / "empty.fgstore", today=lambda: TODAY), args.out, "empty-")
            shots += render_window(demo_store(Path(folder) / "long.fgstore", long_names=True), args.out, "long-")
    for shot in shots:
        print(shot)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
