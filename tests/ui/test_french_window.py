"""The main window in French: navigation, menus and Qt's own buttons speak the coordinator's language."""

from datetime import date

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from fieldgroup.i18n import set_locale
from fieldgroup.reports import build_report
from fieldgroup.ui.qt_i18n import install_qt_translations


def test_main_window_in_french(qtbot, store, group):
    from fieldgroup.ui.main_window import MainWindow

    set_locale("fr_CD")
    install_qt_translations(QApplication.instance(), "fr_CD")
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        pages = [window.nav.item(row).text() for row in range(window.nav.count())]
        assert pages[:3] == ["Tableau de bord", "Réunions", "Actions"]
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == "&Fichier"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    finally:
        set_locale("en")
        install_qt_translations(QApplication.instance(), "en")


def test_spanish_colombia_report_has_spanish_months_and_decimal_comma(store, group, tmp_path):
    org = store.organisations.create(group_id=group.id, name="Minera Andina S.A.", pillar="company")
    gov = store.organisations.create(group_id=group.id, name="Ministerio de Minas", pillar="government")
    ngo = store.organisations.create(group_id=group.id, name="Asociación Campesina", pillar="civil_society")
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 3, 7), place="Bogotá")
    for organisation, count in ((org, 8), (gov, 5), (ngo, 2)):
        for n in range(count):
            person = store.people.create(organisation_id=organisation.id, name=f"{organisation.name} {n}")
            store.attendance.set(meeting.id, person.id)
    path = build_report("meeting", store, tmp_path / "co.pdf", meeting_id=meeting.id, locale="es_CO")
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "7 de marzo de 2025" in text
    assert "0,88" in text and "0.88" not in text  # the balance index of 8/5/2
