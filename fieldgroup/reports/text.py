"""Free text as printed: minutes and decisions keep their paragraphs and "- " bullet lists."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from fieldgroup.reports.fonts import markup
from fieldgroup.reports.styles import para

_BULLET = re.compile(r"^\s*(?:[-*•]|\u2013)\s+")


def rich_text(text: str | None, empty: str) -> list[Flowable]:
    """Paragraphs separated by blank lines; lines starting with "- ", "* " or "• " become bullets.

    `text` must already have passed the protection rule; `empty` is printed when there is no text."""
    if not (text or "").strip():
        return [para(empty, "note")]
    flowables: list[Flowable] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            flowables.append(para("<br/>".join(markup(line) for line in lines), is_markup=True))
            lines.clear()

    for raw in (text or "").splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
        elif _BULLET.match(line):
            flush()
            flowables.append(para(markup(_BULLET.sub("", line, count=1)), "bullet", is_markup=True, bulletText="•"))
        else:
            lines.append(line.strip())
    flush()
    return flowables
