"""PDF documents built with reportlab from the public API (reportlab itself is imported only when printing)."""

from fieldgroup.reports.api import (
    REPORT_KINDS,
    build_action_tracker,
    build_me_progress,
    build_meeting_handout,
    build_participation,
    build_report,
)

__all__ = [
    "REPORT_KINDS",
    "build_action_tracker",
    "build_me_progress",
    "build_meeting_handout",
    "build_participation",
    "build_report",
]
