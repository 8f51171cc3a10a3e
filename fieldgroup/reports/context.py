"""What every document needs while it is built: the store, the group, today, paper and the protection rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldgroup.core.entities import Group
from fieldgroup.reports.protect import Protector

ProgressCallback = Callable[[int, int, str], Any]


@dataclass
class ReportContext:
    """One document being made. `progress(done, total, text)` may raise to cancel the build."""

    store: Any
    group: Group
    today: date
    paper: str
    protector: Protector
    progress: ProgressCallback | None = None
    include_subgroups: bool = False  # the group's regional and thematic groups too (kinds that use them)
    this_group_only: bool = False  # computed indicators without their sub-groups (the M&E report)

    @property
    def include_protected(self) -> bool:
        return self.protector.include_protected

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.progress is not None:
            self.progress(done, total, text)
