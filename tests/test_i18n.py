"""Choosing the language: locale names, the system default, catalogs that fail, pseudo-locale, Qt's buttons."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from fieldgroup import i18n
from fieldgroup.core import open_store
from fieldgroup.core.errors import NotAStoreError
from fieldgroup.core.schema import PILLAR_LABELS
from fieldgroup.i18n import N_, _, ngettext, normalise_locale, pgettext, set_locale, system_locale

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english_afterwards(monkeypatch):
    monkeypatch.delenv("FIELDGROUP_PSEUDO", raising=False)
    yield
    i18n.set_translations_dir(None)
    set_locale("en")


@pytest.mark.parametrize("given, expected", [
    ("fr", "fr"), ("fr-cd", "fr_CD"), ("fr_CD", "fr_CD"), ("es_CO.UTF-8", "es_CO"), ("es-PE", "es_PE"),
    ("pt_mz", "pt_MZ"), ("id_ID", "id_ID"), ("my_MM", "my_MM"), ("en_GH", "en_GH"), ("EN-ng", "en_NG"),
    ("pseudo", "pseudo"),
])
def test_normalise_locale_accepts_supported_languages_in_any_spelling(given, expected):
    assert normalise_locale(given) == expected


@pytest.mark.parametrize("given", ["de", "de_DE", "xx", "", "C", "c", "POSIX", "C.UTF-8", "zz_ZZ", "français"])
def test_normalise_locale_refuses_others_naming_the_supported_ones(given):
    with pytest.raises(ValueError) as info:
        normalise_locale(given)
    assert "en, fr, es, pt, id, my" in str(info.value)


def test_unsupported_locale_on_the_command_line_exits_2_with_one_sentence(capsys, tmp_path):
    from fieldgroup.cli import main

    with pytest.raises(SystemExit) as info:
        main(["--locale", "de", "info", "--store", str(tmp_path / "x.fgstore")])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "'de' is not a supported language" in err and "my" in err


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "fr_CD.UTF-8"}, "fr_CD"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_ALL": "C", "LANG": "es_CO.UTF-8"}, "es_CO"),
    ({"LANGUAGE": "de:id"}, "id"),
    ({}, "en"),
])
def test_system_locale_is_used_when_supported_else_english(monkeypatch, env, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    monkeypatch.setattr(i18n.sys, "platform", "linux")
    assert system_locale() == expected


def test_core_error_reaches_the_user_in_french(tmp_path):
    set_locale("fr_CD")
    with pytest.raises(NotAStoreError) as info:
        open_store(tmp_path / "nowhere.fgstore")
    assert "Il n'y a pas de base" in str(info.value)
    assert str(tmp_path / "nowhere.fgstore") in str(info.value)


@pytest.mark.parametrize("locale, n, expected", [
    ("fr", 0, "enregistrement\u00a0;"), ("fr", 1, "enregistrement\u00a0;"), ("fr", 2, "enregistrements"),
    ("es", 0, "registros"), ("es", 1, "registro;"), ("pt", 1, "registo;"), ("pt", 5, "registos"),
    ("id", 1, "{n} catatan"), ("id", 7, "{n} catatan"), ("my", 3, "မှတ်တမ်း {n} ခု"),
])
def test_plural_forms_follow_each_language(locale, n, expected):
    set_locale(locale)
    text = ngettext("This group still holds {n} record; delete or move it first.",
                    "This group still holds {n} records; delete or move them first.", n)
    assert expected in text


def test_lazy_labels_follow_the_active_language():
    label = PILLAR_LABELS["civil_society"]
    assert str(label) == "Civil society"
    set_locale("es_CO")
    assert str(label) == "Sociedad civil"
    assert f"{label}" == "Sociedad civil"
    assert N_("{field} is required.").format(field="Nombre") == "Nombre: campo obligatorio."
    set_locale("id")
    assert str(label) == "Masyarakat sipil"


def test_context_keeps_qt_strings_apart():
    set_locale("id")
    assert pgettext("QPlatformTheme", "Save") == "Simpan"
    assert pgettext("QPlatformTheme", "Cancel") == "Batal"
    assert _("Cancel") == "Batal"


def test_missing_catalog_falls_back_to_english_and_logs(tmp_path, caplog):
    i18n.set_translations_dir(tmp_path)
    with caplog.at_level(logging.WARNING, logger="fieldgroup.i18n"):
        set_locale("fr")
    assert _("{field} is required.") == "{field} is required."
    assert i18n.current_locale() == "fr"  # dates and numbers still follow the chosen locale
    assert "No usable catalog for fr" in caplog.text


def test_damaged_catalog_falls_back_to_english_and_logs(tmp_path, caplog):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "fieldgroup.mo").write_bytes(b"\xde\x12\x04\x95 this is not a catalog")
    i18n.set_translations_dir(tmp_path)
    with caplog.at_level(logging.WARNING, logger="fieldgroup.i18n"):
        set_locale("fr_CD")
    assert _("Name") == "Name"
    assert "No usable catalog for fr_CD" in caplog.text


def _write_catalog(folder: Path, translation: str, mo: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale="fr")
    catalog.add("Name", translation)
    with open(folder / ("fieldgroup.mo" if mo else "fieldgroup.po"), "wb") as handle:
        (write_mo if mo else write_po)(handle, catalog)


def test_a_po_newer_than_its_mo_is_compiled_in_memory(tmp_path):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    _write_catalog(folder, "Nom (ancien)", mo=True)
    _write_catalog(folder, "Nom", mo=False)
    i18n.set_translations_dir(tmp_path)
    set_locale("fr")
    assert _("Name") == "Nom"


def test_installed_catalogs_load_for_every_language():
    for language, expected in (("fr", "Pilier"), ("es", "Pilar"), ("pt", "Pilar"), ("id", "Pilar"), ("my", "မဏ္ဍိုင်")):
        set_locale(language)
        assert _("Pillar") == expected


def test_pseudo_locale_stretches_and_brackets_keeping_placeholders():
    set_locale("pseudo")
    assert i18n.current_locale() == "en" and i18n.is_pseudo()
    source = "{path} is not a FieldGroup store; choose a file made by FieldGroup."
    text = _(source)
    assert text.startswith("[[") and text.endswith("]]")
    assert "{path}" in text and text != source
    assert len(text) >= 1.4 * len(source)
    assert text.format(path="/tmp/x").count("/tmp/x") == 1
    assert _("OK").startswith("[[")


def test_pseudo_over_a_real_language_via_environment(monkeypatch):
    monkeypatch.setenv("FIELDGROUP_PSEUDO", "1")
    set_locale("fr")
    assert _("Pillar").startswith("[[Píl")


def test_pseudo_keeps_markup_and_mnemonics_usable():
    text = i18n.pseudo("<b>{n}</b> items &amp; more")
    assert "<b>{n}</b>" in text and "&amp;" in text


def test_language_names_are_written_in_their_own_language():
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("my") == "မြန်မာ"
    assert i18n.language_name("id_ID") == "Bahasa Indonesia"
    assert set(i18n.LANGUAGE_NAMES) >= set(i18n.SUPPORTED_LANGUAGES)


# --- Qt side -----------------------------------------------------------------------------------------

@pytest.fixture
def qt_app(qapp):
    from fieldgroup.ui.qt_i18n import install_qt_translations

    yield qapp
    set_locale("en")
    install_qt_translations(qapp, "en")


def _message_box_buttons(qtbot) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    return [button.text() for button in box.buttons()]


@pytest.mark.parametrize("locale, save, cancel, translator", [
    ("fr_CD", "Enregistrer", "Annuler", "QTranslator"),          # Qt's own qtbase_fr.qm
    ("es_CO", "Guardar", "Cancelar", "QTranslator"),             # qtbase_es.qm
    ("id_ID", "Simpan", "Batal", "CatalogTranslator"),           # no qtbase_id: our catalog
    ("my_MM", "သိမ်းရန်", "ပယ်ဖျက်ရန်", "CatalogTranslator"),
    ("pt_MZ", "Guardar", "Cancelar", "CatalogTranslator"),       # not Brazilian 'Salvar'
    ("en", "Save", "Cancel", None),
])
def test_qt_standard_buttons_are_translated(qt_app, qtbot, locale, save, cancel, translator):
    from fieldgroup.ui.qt_i18n import install_qt_translations

    set_locale(locale)
    installed = install_qt_translations(qt_app, locale)
    assert [type(t).__name__ for t in installed] == ([translator] if translator else [])
    assert sorted(_message_box_buttons(qtbot)) == sorted([save, cancel])


def test_qt_buttons_under_the_pseudo_locale(qt_app, qtbot):
    from fieldgroup.ui.qt_i18n import install_qt_translations

    set_locale("pseudo")
    install_qt_translations(qt_app, "pseudo")
    assert all(text.startswith("[[") for text in _message_box_buttons(qtbot))


def test_date_pickers_follow_the_locale(qt_app):
    from PySide6.QtCore import QDate, QLocale

    from fieldgroup.ui.qt_i18n import install_qt_translations

    set_locale("fr_CD")
    install_qt_translations(qt_app, "fr_CD")
    assert QLocale().monthName(3) == "mars"
    assert QLocale().toString(QDate(2025, 3, 7), "d MMMM yyyy") == "7 mars 2025"


def test_layout_direction_comes_from_cldr():
    from PySide6.QtCore import Qt

    from fieldgroup.ui.qt_i18n import layout_direction

    assert layout_direction("ar") == Qt.LayoutDirection.RightToLeft
    assert layout_direction("he_IL") == Qt.LayoutDirection.RightToLeft
    assert layout_direction("my_MM") == Qt.LayoutDirection.LeftToRight


def test_bundled_fonts_register_and_burmese_gets_padauk(qt_app):
    from fieldgroup.ui.qt_i18n import register_fonts

    assert {"Noto Sans", "Padauk"} <= set(register_fonts("my_MM"))
    assert qt_app.font().families()[0] == "Padauk"
    register_fonts("fr")
    assert qt_app.font().families()[:2] == ["Noto Sans", "Padauk"]


def test_fonts_dir_without_fonts_does_not_crash(qt_app, tmp_path, monkeypatch):
    from fieldgroup.ui import qt_i18n

    monkeypatch.setattr(qt_i18n, "_registered", [])
    monkeypatch.setattr(qt_i18n, "fonts_dir", lambda: tmp_path)
    shutil.copy(ROOT / "resources" / "fonts" / "LICENSE-Padauk.txt", tmp_path / "broken.ttf")
    assert qt_i18n.register_fonts("en") == []
