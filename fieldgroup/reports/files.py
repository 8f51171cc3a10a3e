"""Default PDF file names: the document, the group or meeting, the date and the language, never just `handout.pdf`."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from fieldgroup.reports.registry import kind_named

_UNSAFE = re.compile(r"[^\w]+", re.UNICODE)


def slug(text: str, limit: int = 40) -> str:
    """`text` as a piece of a file name every system accepts: letters and digits joined by hyphens."""
    folded = unicodedata.normalize("NFKC", text or "").strip()
    piece = _UNSAFE.sub("-", folded).strip("-_")
    return piece[:limit].rstrip("-") or "group"


def default_file_name(kind: str, store: Any, *, group_id: str | None = None, meeting_id: str | None = None,
                      period: str | None = None, language: str = "en", today: date | None = None) -> str:
    """e.g. 'handout-Ghana-ICWG-2025-06-10-fr.pdf', 'action-tracker-Ghana-ICWG-2025-06-15-en.pdf',
    'me-progress-Ghana-ICWG-2025-Q3-pt.pdf'."""
    report = kind_named(kind)
    stem = report.file_stem if report else slug(kind)
    if meeting_id:
        meeting = store.meetings.get(meeting_id)
        group = store.groups.get(meeting.group_id)
        when = meeting.date.isoformat()
    else:
        groups = store.groups.list()
        group = store.groups.get(group_id) if group_id else (groups[0] if len(groups) == 1 else None)
        when = period or (today or store.today()).isoformat()
    parts = [stem, slug(group.name) if group else "", when, language.replace("_", "-")]
    return "-".join(p for p in parts if p) + ".pdf"
