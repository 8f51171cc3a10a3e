"""build_report(): make one PDF document from a store, written completely or not at all."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldgroup.core.atomic import atomic_file
from fieldgroup.i18n import _, current_locale, set_locale
from fieldgroup.reports.context import ProgressCallback, ReportContext
from fieldgroup.reports.errors import ReportOptionError, ReportOutputError
from fieldgroup.reports.registry import kind_named, report_kinds

REPORT_KINDS = tuple(kind.name for kind in report_kinds())  # see registry.report_kinds()
STEPS = 3


@contextlib.contextmanager
def _locale(locale: str | None) -> Iterator[None]:
    # The locale is process-wide; a report in another language switches it only while it is built.
    if not locale or locale == current_locale():
        yield
        return
    previous = current_locale()
    set_locale(locale)
    try:
        yield
    finally:
        set_locale(previous)


def _choose_group(store: Any, group_id: str | None, meeting_id: str | None) -> Any:
    if meeting_id:
        return store.groups.get(store.meetings.get(meeting_id).group_id)
    if group_id:
        group = store.groups.find(group_id)
        if group is None:
            raise ReportOptionError(_("There is no group with id {id} in this store; check the group id.").format(id=group_id))
        return group
    groups = store.groups.list()
    if not groups:
        raise ReportOptionError(_("This store has no group yet; create a group before printing a report."))
    if len(groups) > 1:
        raise ReportOptionError(_("This store holds {n} groups; choose the group to report on.").format(n=len(groups)))
    return groups[0]


def _check_target(out_path: Path) -> None:
    if out_path.is_dir():
        raise ReportOutputError(_("{path} is a folder; give a file name for the PDF.").format(path=out_path))
    if not out_path.parent.is_dir():
        raise ReportOutputError(
            _("The folder {folder} does not exist; choose an existing folder for the PDF.").format(folder=out_path.parent))


@contextlib.contextmanager
def _atomic_file(out_path: Path) -> Iterator[Any]:
    """A temporary file beside `out_path`, renamed over it only when the block finishes without error."""
    try:
        with atomic_file(out_path) as stream:
            yield stream
    except OSError as exc:
        raise ReportOutputError(
            _("Could not write {path} ({reason}); choose a folder you can write to.")
            .format(path=out_path, reason=exc.strerror or exc)) from exc


def build_report(
    kind: str,
    store: Any,
    out_path: Path | str,
    *,
    group_id: str | None = None,
    meeting_id: str | None = None,
    period: str | None = None,
    locale: str | None = None,
    paper: str | None = None,
    include_protected: bool = False,
    progress: ProgressCallback | None = None,
    year: int | None = None,
    include_subgroups: bool = False,
    this_group_only: bool = False,
) -> Path:
    """Write the `kind` document ("meeting", "actions", "indicators", "participation") to `out_path`.

    Qt-free and safe to run in a background task with its own store connection (pass locale=None
    there: a different `locale` switches the process-wide language while the PDF is built). `progress(done,
    total, text)` is called between steps and may raise to cancel; nothing is left behind then.
    `include_subgroups` takes in the group's regional and thematic groups (kinds with uses_subgroups);
    `this_group_only` leaves them out of the M&E report's computed indicators, which roll them up otherwise.
    Raises a FieldGroupError subclass (one sentence) when the report cannot be made."""
    chosen_kind = kind_named(kind)
    if chosen_kind is None:
        names = ", ".join(k.name for k in report_kinds())
        raise ReportOptionError(_("Unknown report '{kind}'; choose one of: {kinds}.").format(kind=kind, kinds=names))
    if chosen_kind.needs_meeting and not meeting_id:
        raise ReportOptionError(_("Choose the meeting to print the handout for."))
    if include_subgroups and not chosen_kind.uses_subgroups:
        names = ", ".join(k.name for k in report_kinds() if k.uses_subgroups)
        raise ReportOptionError(_("Only these reports can include sub-groups: {kinds}.").format(kinds=names))
    if paper is not None and paper.lower() not in ("a4", "letter"):
        raise ReportOptionError(_("Paper must be A4 or Letter."))
    out_path = Path(out_path)
    _check_target(out_path)
    with _locale(locale):
        from fieldgroup.reports import layout  # reportlab loads here, not when the app starts
        from fieldgroup.reports.protect import Protector

        group = _choose_group(store, group_id, meeting_id)
        chosen_paper = paper.lower() if paper else layout.default_paper(current_locale(), group.country)
        context = ReportContext(store, group, store.today(), chosen_paper, Protector.from_store(store, include_protected),
                                progress, include_subgroups, this_group_only)
        context.report(0, STEPS, _("Reading the records…"))
        document = importlib.import_module(f"fieldgroup.reports.{chosen_kind.module}")
        title, story = document.build(context, meeting_id=meeting_id, period=period, year=year)
        context.report(1, STEPS, _("Laying out the pages…"))
        mark = getattr(document, "INTERNAL_MARK", None)  # a document that is internal whatever the options
        info = layout.PageInfo(group.name, title, _format_today(context), include_protected or mark is not None,
                               mark() if mark else None)
        with _atomic_file(out_path) as stream:
            layout.build_pdf(stream, story, info, chosen_paper,
                             on_page=lambda n: context.report(1, STEPS, _("Laying out page {n}…").format(n=n)))
            context.report(2, STEPS, _("Saving the PDF…"))
    context.report(STEPS, STEPS, "")
    return out_path


def _format_today(context: ReportContext) -> str:
    from fieldgroup.formatting import format_date

    return format_date(context.today, "long")


def build_meeting_handout(store: Any, out_path: Path | str, meeting_id: str, **options: Any) -> Path:
    """The handout of one meeting (for the "Print handout" button)."""
    return build_report("meeting", store, out_path, meeting_id=meeting_id, **options)


def build_action_tracker(store: Any, out_path: Path | str, **options: Any) -> Path:
    return build_report("actions", store, out_path, **options)


def build_me_progress(store: Any, out_path: Path | str, **options: Any) -> Path:
    return build_report("indicators", store, out_path, **options)


def build_participation(store: Any, out_path: Path | str, **options: Any) -> Path:
    return build_report("participation", store, out_path, **options)


__all__ = ["REPORT_KINDS", "build_report", "build_meeting_handout", "build_action_tracker",
           "build_me_progress", "build_participation"]
