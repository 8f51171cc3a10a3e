"""Disabled buttons say why: the tooltip of a greyed-out button tells what to do first."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from fieldgroup.i18n import _


def no_group() -> str:
    return _("Create a working group first (File ▸ New group…).")


def enable(button: QAbstractButton, why_not: str | None) -> None:
    """Enable `button` when `why_not` is None; else grey it out with `why_not` as its tooltip."""
    if button.property("usual_tip") is None:
        button.setProperty("usual_tip", button.toolTip())
    button.setEnabled(why_not is None)
    button.setToolTip(why_not or button.property("usual_tip"))


def unless(condition: bool, why_not: str) -> str | None:
    """`why_not` when the condition fails, None when it holds."""
    return None if condition else why_not
