"""The text shown after a sync or an import: per colleague laptop what came in, and what was left out."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.sync.exporter import converted_sentence
from fieldgroup.sync.importer import ImportReport
from fieldgroup.ui.sync_jobs import FolderOutcome


def _laptop(names: dict[str, str], device: str, fallback: str | None = None) -> str:
    return names.get(device) or fallback or device


def counts_sentence(report: ImportReport) -> str:
    c = report.counts
    conflicts = ngettext("{count} conflict", "{count} conflicts", c.conflicts).format(count=format_number(c.conflicts))
    return _("{new} new, {updated} updated, {deleted} deleted, {conflicts}").format(
        new=format_number(c.new), updated=format_number(c.updated), deleted=format_number(c.deleted),
        conflicts=conflicts)


def report_lines(report: ImportReport, names: dict[str, str]) -> list[str]:
    laptop = escape(_laptop(names, report.sender_device, report.sender_name))
    lines = [_("From <b>{laptop}</b>: {counts}.").format(laptop=laptop, counts=escape(counts_sentence(report)))]
    lines += [_("Warning: {text}").format(text=escape(w)) for w in report.warnings]
    if report.converted:
        lines.append(escape(report.converted_sentence() or ""))
    return lines


def folder_summary(outcome: FolderOutcome, names: dict[str, str]) -> str:
    """Rich text for a QTextBrowser; every value is escaped."""
    result = outcome.result
    lines = [_("<b>Synced with {folder}</b>").format(folder=escape(str(result.folder)))]
    for report in result.imported:
        lines += report_lines(report, names)
    for name in result.up_to_date:
        lines.append(_("Nothing new from {laptop}.").format(laptop=escape(_laptop(names, Path(name).stem))))
    if not result.imported and not result.up_to_date and not result.refused and not result.not_ready:
        lines.append(_("No colleague's bundle is in this folder yet; theirs will be imported when they have synced here."))
    if result.not_ready:
        lines.append(ngettext("{count} file is still arriving (from {laptops}); sync again in a moment.",
                              "{count} files are still arriving (from {laptops}); sync again in a moment.",
                              len(result.not_ready)).format(
            count=format_number(len(result.not_ready)),
            laptops=escape(", ".join(_laptop(names, Path(n).stem) for n in result.not_ready))))
    for name, sentence in result.refused.items():
        lines.append(_("Not imported: {file} from {laptop}. {sentence}").format(
            file=escape(name), laptop=escape(_laptop(names, Path(name).stem)), sentence=escape(sentence)))
    if result.exported is not None and result.exported.converted:
        lines.append(escape(converted_sentence(result.exported.converted)))
    if result.exported is not None:
        lines.append(_("<b>This laptop's changes were written to the folder and checked; the stick can be removed.</b>")
                     if not result.exported.encrypted else
                     _("<b>This laptop's changes were written to the folder, encrypted, and checked; "
                       "the stick can be removed.</b>"))
    return "<p>" + "</p><p>".join(lines) + "</p>"


def import_summary(report: ImportReport, names: dict[str, str]) -> str:
    lines = [_("<b>Imported {file}</b>").format(file=escape(report.file_name))]
    if report.already_had:
        lines.append(escape(report.summary()))
    else:
        lines += report_lines(report, names)
    return "<p>" + "</p><p>".join(lines) + "</p>"
