"""Pillar balance of a meeting (DESIGN §6): the balance index, its status and women's share."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from fieldgroup.core.choices import BALANCE_STATUS
from fieldgroup.core.schema import BALANCE_PILLARS

DEFAULT_THRESHOLD = 0.90

BALANCED = "balanced"
IMBALANCED = "imbalanced"
MISSING_PILLAR = "missing_pillar"
# A pillar meeting gathers one pillar on purpose (the guide recommends them): it has its own status,
# never "missing pillar", and is left out of every balance average.
PILLAR_MEETING = "pillar_meeting"

STATUS_LABELS = BALANCE_STATUS.labels()  # words, colours and marks: core/choices.py

# Home governments (embassies) are counted apart from the host government, beside the pillars.
HOME_GOVERNMENT = "home_government"


def balance_pillar(pillar: str, subtype: str | None, include_home_governments: bool = False) -> str:
    """The pillar an attendee's organisation counts in: a home government (embassy) is not the host
    government, so by default it stands apart (HOME_GOVERNMENT, like observers outside the balance)
    unless the group's setting includes home governments in the government pillar (issue 18)."""
    if pillar == "government" and subtype == HOME_GOVERNMENT and not include_home_governments:
        return HOME_GOVERNMENT
    return pillar


def counts_in_balance(kind: str | None) -> bool:
    """Does a meeting of this kind count in balance averages? Every kind but the pillar meeting."""
    return kind != "pillar"


def balance_index(counts: dict[str, int]) -> float:
    """Normalised Shannon entropy over the three pillars: 1.0 is equal thirds, 0.0 nobody or one pillar."""
    n = sum(counts.get(p, 0) for p in BALANCE_PILLARS)
    if n == 0:
        return 0.0
    entropy = 0.0
    for pillar in BALANCE_PILLARS:
        share = counts.get(pillar, 0) / n
        if share > 0:
            entropy -= share * math.log(share)
    return entropy / math.log(3)


def balance_status(counts: dict[str, int], threshold: float = DEFAULT_THRESHOLD, kind: str | None = None) -> str:
    if not counts_in_balance(kind):
        return PILLAR_MEETING
    if any(counts.get(p, 0) == 0 for p in BALANCE_PILLARS):
        return MISSING_PILLAR
    return BALANCED if balance_index(counts) >= threshold else IMBALANCED


@dataclass(frozen=True, slots=True)
class Balance:
    """Who was present at one meeting, by pillar, and what that means for balance."""

    counts: dict[str, int] = field(default_factory=dict)
    index: float = 0.0
    status: str = MISSING_PILLAR
    women: int = 0
    gender_recorded: int = 0
    present: int = 0

    @property
    def women_share(self) -> float | None:
        """Women among those present whose gender is recorded; None when nobody's gender is recorded."""
        return self.women / self.gender_recorded if self.gender_recorded else None

    @property
    def missing_pillars(self) -> tuple[str, ...]:
        if self.status == PILLAR_MEETING:
            return ()
        return tuple(p for p in BALANCE_PILLARS if self.counts.get(p, 0) == 0)

    @property
    def in_averages(self) -> bool:
        """Counted in balance averages: people from a balance pillar came, and not to a pillar meeting."""
        return self.status != PILLAR_MEETING and any(self.counts.get(p, 0) for p in BALANCE_PILLARS)


def average_index(balances: Iterable[Balance]) -> float | None:
    """The mean balance index of the meetings that count (see Balance.in_averages); None without any."""
    counted = [b.index for b in balances if b.in_averages]
    return sum(counted) / len(counted) if counted else None


def balance_of(present: Iterable[tuple[str, str | None]], threshold: float = DEFAULT_THRESHOLD,
               kind: str | None = None) -> Balance:
    """Balance from (pillar, gender) of each person present; observers are counted but never balance.
    `kind` is the meeting's kind: a pillar meeting gets the status "pillar meeting"."""
    counts: dict[str, int] = {}
    women = recorded = total = 0
    for pillar, gender in present:
        counts[pillar] = counts.get(pillar, 0) + 1
        total += 1
        if gender:
            recorded += 1
            women += gender == "female"
    return Balance(
        counts=counts,
        index=balance_index(counts),
        status=balance_status(counts, threshold, kind),
        women=women,
        gender_recorded=recorded,
        present=total,
    )
