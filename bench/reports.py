"""Figure 4: the meeting handout and the M&E report by `build_report` vs bench/plain_reportlab.py.

Both sides run in this process on the same open store, fonts registered beforehand (a warm-up run
each), writing to files in the work folder; the figure is wall seconds per document."""

from __future__ import annotations

import shutil
import time
from pathlib import Path


class ReportBench:
    def __init__(self, store_path: Path, work: Path):
        from bench import plain_reportlab
        from fieldgroup.core import open_store

        self.plain = plain_reportlab
        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        copy = work / "reports.fgstore"
        for old in work.glob("reports.fgstore*"):
            old.unlink()
        shutil.copyfile(store_path, copy)
        self.store = open_store(copy)
        groups = self.store.groups.list()
        # The biggest of each: the group with the most meetings for the handout, the one with the
        # most indicators (90 × 40 periods in the stress demo) for the M&E report.
        self.group = max(groups, key=lambda g: self.store.meetings.count(group_id=g.id))
        self.me_group = max(groups, key=lambda g: self.store.indicators.count(group_id=g.id))
        self.meeting = self._handout_meeting()
        plain_reportlab.register()
        for kind in ("meeting", "indicators"):  # warm up: fonts and modules load once per process, both sides
            self.ours(kind)
            self.baseline(kind)

    def _handout_meeting(self):
        """The handout printed most often: the group's latest plenary that has taken place."""
        today = self.store.today()
        past = [m for m in self.store.meetings.list(group_id=self.group.id) if m.date <= today]
        plenaries = [m for m in past if m.kind == "plenary"] or past
        return max(plenaries, key=lambda m: m.date)

    def ours(self, kind: str) -> dict[str, float]:
        from fieldgroup.reports import build_report

        start = time.perf_counter()
        group = self.group if kind == "meeting" else self.me_group
        build_report(kind, self.store, self.work / f"ours-{kind}.pdf", group_id=group.id,
                     meeting_id=self.meeting.id if kind == "meeting" else None, paper="a4", locale="en")
        return {"seconds": time.perf_counter() - start}

    def baseline(self, kind: str) -> dict[str, float]:
        start = time.perf_counter()
        if kind == "meeting":
            self.plain.handout(self.store, self.meeting.id, self.work / "plain-meeting.pdf")
        else:
            self.plain.me_report(self.store, self.me_group.id, self.work / "plain-indicators.pdf")
        return {"seconds": time.perf_counter() - start}

    def close(self) -> None:
        self.store.close()
