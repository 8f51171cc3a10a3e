"""First run, with no store yet: start a new group, open a store, restore a backup, or join colleagues."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldgroup import keychain
from fieldgroup.core import keys
from fieldgroup.i18n import SUPPORTED_LANGUAGES, _
from fieldgroup.ui.widgets.country_combo import country_combo
from fieldgroup.ui.widgets.passphrase_box import PassphraseField

CHOICES = ("new", "open", "restore", "join")


@dataclass(frozen=True)
class WelcomeChoice:
    """What the coordinator chose: `kind` is one of CHOICES; `path` is the file picked for the last three."""

    kind: str
    name: str = ""
    country: str = ""
    language: str = "en"
    path: Path | None = None
    passphrase: str = ""  # a new group's passphrase: the store is encrypted from its first byte
    remember: bool = False  # keep it in the system's password store


class WelcomeDialog(QDialog):
    """Asks what to do when there is no store yet. After exec() == Accepted, `choice` says what and with what.

    The dialog only asks; the caller creates the store, opens it, restores the backup
    (`backups.restore_backup(choice.path, default_store_path())`) or imports the bundle."""

    def __init__(self, parent: QWidget | None = None, language: str = "en", start_folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Welcome to FieldGroup"))
        self.start_folder = start_folder or Path.home()
        self.choice: WelcomeChoice | None = None
        self.options = QButtonGroup(self)
        labels = (_("&Start a new working group"), _("&Open a store I already have"),
                  _("&Restore from a backup"), _("&Join colleagues with a bundle they gave me on a USB stick"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("There is no FieldGroup record on this laptop yet. What would you like to do?"), self))
        self.radios: dict[str, QRadioButton] = {}
        for kind, label in zip(CHOICES, labels, strict=True):
            radio = QRadioButton(label, self)
            self.options.addButton(radio)
            self.radios[kind] = radio
            layout.addWidget(radio)
            if kind == "new":
                layout.addWidget(self._new_group_form(language))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.radios["new"].setChecked(True)
        self.options.buttonToggled.connect(lambda *_args: self._update())
        self._update()

    def _new_group_form(self, language: str) -> QWidget:
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        self.name_edit = QLineEdit(self.form)
        self.name_edit.setAccessibleName(_("Name of the working group"))
        self.country_combo = country_combo(self.form)  # every CLDR country, searchable (ui/widgets)
        self.country_combo.setAccessibleName(_("Country"))
        self.language_combo = QComboBox(self.form)
        self.language_combo.setAccessibleName(_("Language"))
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem(Locale.parse(code).get_display_name(code).capitalize(), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language.split("_")[0])))
        form.addRow(_("&Name:"), self.name_edit)
        form.addRow(_("&Country:"), self.country_combo)
        form.addRow(_("&Language:"), self.language_combo)
        form.addRow(self._passphrase_part())
        return self.form

    def _passphrase_part(self) -> QWidget:
        """The new group's passphrase: why, a generated one that can be shown, replaced or printed once."""
        part = QWidget(self.form)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        why = QLabel(_("The record names people at risk, so FieldGroup encrypts it, its backups and its bundles with "
                       "a group passphrase. Without the passphrase nobody can read them — not a thief, not FieldGroup, "
                       "and not you if it is forgotten, so write it down and keep it safe."), part)
        why.setWordWrap(True)
        layout.addWidget(why)
        self.passphrase_field = PassphraseField(part, new=True, accessible_name=_("Group passphrase"))
        self.passphrase_field.setText(keys.generate())
        layout.addWidget(self.passphrase_field)
        row = QHBoxLayout()
        self.new_words_button = QPushButton(_("New &words"), part)
        self.new_words_button.clicked.connect(lambda: self.passphrase_field.setText(keys.generate()))
        row.addWidget(self.new_words_button)
        self.print_button = QPushButton(_("&Print it once…"), part)
        self.print_button.clicked.connect(self._print_once)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.remember_box = QCheckBox(_("Remember it on this laptop"), part)
        self.remember_box.setEnabled(keychain.available())
        if not keychain.available():
            self.remember_box.setToolTip(_("This laptop has no password store FieldGroup can use; it will ask at each start."))
        layout.addWidget(self.remember_box)
        return part

    def _print_once(self) -> None:
        if self.print_passphrase(self.passphrase_field.text()):
            self.print_button.setEnabled(False)  # one paper copy; more copies are more risk

    def print_passphrase(self, passphrase: str) -> bool:
        """Print the passphrase on its own page; a test replaces this to avoid the print dialog."""
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        document = QTextDocument()
        document.setPlainText(_("FieldGroup group passphrase:") + "\n\n" + passphrase)
        document.print_(printer)
        return True

    def _kind(self) -> str:
        return next(kind for kind, radio in self.radios.items() if radio.isChecked())

    def _update(self) -> None:
        self.form.setEnabled(self._kind() == "new")
        self.error.clear()

    def _accept(self) -> None:
        kind = self._kind()
        if kind == "new":
            name = self.name_edit.text().strip()
            if not name:
                self.error.setText(_("Type the name of the working group, for example “Ghana ICWG”."))
                self.name_edit.setFocus()
                return
            passphrase = self.passphrase_field.text()
            problem = keys.weakness(passphrase)
            if problem:
                self.error.setText(problem)
                self.passphrase_field.edit.setFocus()
                return
            self.choice = WelcomeChoice("new", name, self.country_combo.currentData(), self.language_combo.currentData(),
                                        passphrase=passphrase, remember=self.remember_box.isChecked())
        else:
            path = self.pick_file(kind)
            if path is None:
                return
            self.choice = WelcomeChoice(kind, path=path)
        self.accept()

    def pick_file(self, kind: str) -> Path | None:
        """The file for open/restore/join; a test replaces this to avoid a native file dialog."""
        titles = {"open": _("Open store"), "restore": _("Choose a backup"), "join": _("Choose the bundle")}
        filters = {"open": _("FieldGroup stores (*.fgstore);;All files (*)"),
                   "restore": _("FieldGroup backups (*.fgstore *.bak);;All files (*)"),
                   "join": _("FieldGroup bundles (*.fgbundle);;All files (*)")}
        path, _filter = QFileDialog.getOpenFileName(self, titles[kind], str(self.start_folder), filters[kind])
        return Path(path) if path else None
