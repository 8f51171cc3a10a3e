"""Date fields that follow the chosen language, and conversion between Python and Qt dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QWidget

from fieldgroup.i18n import current_locale


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(parent: QWidget | None = None, day: date | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, in the locale's short format with a four-digit year."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    fmt = QLocale(current_locale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    edit.setLocale(QLocale(current_locale()))  # two-digit years are ambiguous in minutes kept for years
    edit.setDisplayFormat(fmt)
    edit.setDate(to_qdate(day or date.today()))
    return edit
