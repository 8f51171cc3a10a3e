"""A date typed as text (the language's short format or ISO) with a calendar pop-up, saying when it is not a date.

QDateEdit edits one section at a time: typing "2027-01-15" over a selected date kept the old year.
Here the whole text is read at once, so what is typed is what is saved."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from fieldgroup.core.errors import ValidationError
from fieldgroup.i18n import _, current_locale

_TO_LATIN = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def short_format() -> str:
    """The language's short date format with a four-digit year (two-digit years are ambiguous in old minutes)."""
    fmt = QLocale(current_locale()).dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def parse_date(text: str, short_years: bool = True) -> date | None:
    """`text` as a date: ISO (2027-01-15) or the language's short format, in Latin or Myanmar digits;
    with `short_years`, "15/01/27" too (not while typing: "15/01/20" is on its way to 2027)."""
    text = text.strip().translate(_TO_LATIN)
    iso = _ISO.match(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    fmt = _unpadded(short_format())
    parsed = QLocale.c().toDate(text, fmt)
    if not parsed.isValid() and short_years:  # "15/01/27": a two-digit year is this century's
        parsed = QLocale.c().toDate(text, fmt.replace("yyyy", "yy"))
        if parsed.isValid() and parsed.year() < 2000:
            parsed = parsed.addYears(100)
    if not parsed.isValid():
        return None
    return date(parsed.year(), parsed.month(), parsed.day())


def _unpadded(fmt: str) -> str:
    """The format read with or without leading zeros: people type "5/1/2027" as often as "05/01/2027"."""
    return re.sub(r"(?<!M)MM(?!M)", "M", re.sub(r"(?<!d)dd(?!d)", "d", fmt))


def show_date(day: date) -> str:
    return QLocale(current_locale()).toString(QDate(day.year, day.month, day.day), short_format())


class DateField(QWidget):
    """Same calls as a QDateEdit (`date()`, `setDate()`, `dateChanged`); `problem()` says why the text is
    not a date, `invalid` carries that sentence when typing ends on one, and `check(field)` raises it."""

    dateChanged = Signal(QDate)  # noqa: N815 (QDateEdit's name)
    invalid = Signal(str)  # "" once the text is a date again

    def __init__(self, parent: QWidget | None = None, day: date | None = None):
        super().__init__(parent)
        self._date = day or date.today()
        self.edit = QLineEdit(self)
        example = show_date(date(2027, 1, 15))
        self.edit.setPlaceholderText(example)
        self.edit.setToolTip(_("Type a date like {example} or 2027-01-15, or pick one from the calendar.")
                             .format(example=example))
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setAccessibleName(_("Calendar"))
        self.button.setToolTip(_("Pick the date from a calendar"))
        self.button.clicked.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.setText(show_date(self._date))

    # ---- QDateEdit's calls ----

    def date(self) -> QDate:
        """The last valid date typed or picked."""
        return QDate(self._date.year, self._date.month, self._date.day)

    def setDate(self, day: QDate) -> None:  # noqa: N802 (QDateEdit's name)
        self._set(date(day.year(), day.month(), day.day()))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    # ---- typing ----

    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str:
        """Why the typed text is not a date, or ""."""
        text = self.edit.text().strip()
        if not text:
            return _("Type a date, like {example}.").format(example=show_date(date(2027, 1, 15)))
        if parse_date(text, short_years=False) is None:  # "15/01/27" becomes 15/01/2027 when typing ends
            return _("“{text}” is not a date: type it like {example} or 2027-01-15.").format(
                text=text, example=show_date(date(2027, 1, 15)))
        return ""

    def check(self, field: str) -> date:
        """The date typed, or a ValidationError naming `field` (shown beside it by the editor)."""
        message = self.problem()
        if message:
            raise ValidationError(field, message)
        return self._date

    def iso_text(self) -> str:
        """The date as stored when the text is one; what was typed otherwise (kept in a draft as typed)."""
        return self._date.isoformat() if not self.problem() else self.edit.text()

    def _typed(self, text: str) -> None:
        day = parse_date(text, short_years=False)
        if day is not None and day != self._date:
            self._date = day
            self.dateChanged.emit(self.date())
        self._mark(bool(self.problem()) and len(text.strip()) >= 6)

    def _finished(self) -> None:
        short = parse_date(self.edit.text())
        if short is not None and parse_date(self.edit.text(), short_years=False) is None:
            self._set(short)  # "15/01/27" is taken once typing ends, and written out as 15/01/2027
        message = self.problem()
        self._mark(bool(message))
        if not message:
            self.edit.setText(show_date(self._date))  # "2027-1-5" reads back as the language writes it
        self.invalid.emit(message)

    def _mark(self, bad: bool) -> None:
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #B00020; }" if bad else "")

    def _set(self, day: date) -> None:
        changed = day != self._date
        self._date = day
        self.edit.setText(show_date(day))
        self._mark(False)
        if changed:
            self.dateChanged.emit(self.date())

    def set_text(self, text: str) -> None:
        """Show `text` as if typed (a restored draft may hold a date that was not finished)."""
        self.edit.setText(text)
        self._typed(text)

    # ---- the calendar ----

    def show_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setLocale(QLocale(current_locale()))
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        self.calendar.setSelectedDate(self.date())
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setDate(day)
        self.invalid.emit("")
        self.edit.setFocus()
