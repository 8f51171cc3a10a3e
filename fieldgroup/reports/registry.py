"""The registry of report kinds: each document the app and the CLI can print, and what it needs.

A new document (results, incidents) adds itself with `register()`; the CLI, the export dialog and
the machine print check (tests/reports/test_print_check.py) all read the kinds from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportKind:
    """One printable document: `module` in fieldgroup.reports has build(context, **options) -> (title, story)."""

    name: str  # the CLI's word for it: "meeting", "actions", ...
    module: str  # imported only when the document is made (reportlab is heavy)
    file_stem: str  # the start of its default file name, e.g. "handout"
    needs_meeting: bool = False
    uses_period: bool = False
    uses_subgroups: bool = False  # can take in the group's regional and thematic groups ("with sub-groups")


_KINDS: dict[str, ReportKind] = {}


def register(kind: ReportKind) -> ReportKind:
    """Add (or replace) a report kind; returns it."""
    _KINDS[kind.name] = kind
    return kind


def report_kinds() -> tuple[ReportKind, ...]:
    """Every registered kind, in registration order."""
    return tuple(_KINDS.values())


def kind_named(name: str) -> ReportKind | None:
    return _KINDS.get(name)


for _kind in (
    ReportKind("meeting", "meeting_handout", "handout", needs_meeting=True),
    ReportKind("actions", "action_tracker", "action-tracker", uses_subgroups=True),
    ReportKind("indicators", "me_progress", "me-progress", uses_period=True),
    ReportKind("participation", "participation", "participation", uses_subgroups=True),
    # The results framework (issue 17).
    ReportKind("annual", "annual_report", "annual-report"),
    ReportKind("results", "results_report", "results", uses_period=True),
    ReportKind("summary", "public_summary", "public-summary", needs_meeting=True),
    ReportKind("alerts", "alert_sheet", "alert-sheet"),  # incidents, core team only (issue 19)
):
    register(_kind)
