"""Why a report could not be made: each error is one sentence the coordinator can act on."""

from __future__ import annotations

from fieldgroup.core.errors import FieldGroupError


class ReportError(FieldGroupError):
    """A report was refused or could not be written."""


class NothingToReportError(ReportError):
    """The group has nothing the chosen document could show (no meetings, no indicators, ...)."""


class ReportOutputError(ReportError):
    """The PDF cannot be written where asked (missing or read-only folder, a folder in the way)."""


class ReportOptionError(ReportError):
    """An option does not fit the store (unknown group, several groups and none chosen, a bad period)."""
