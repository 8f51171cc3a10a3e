"""Read model of a group's results framework: objectives → results → indicators, with the work plan beside."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fieldgroup.core.entities import Indicator
from fieldgroup.core.results_entities import Activity, GroupProfile, Objective, Result


@dataclass(frozen=True, slots=True)
class ResultNode:
    result: Result
    indicators: list[Indicator] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ObjectiveNode:
    objective: Objective
    results: list[ResultNode] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)  # under the objective, not under one result


@dataclass(frozen=True, slots=True)
class Framework:
    """One group's framework; indicators measuring no result and activities under nothing are kept apart."""

    group_id: str
    profile: GroupProfile | None
    objectives: list[ObjectiveNode]
    unlinked_indicators: list[Indicator]
    unplanned_activities: list[Activity]

    @property
    def activities(self) -> list[Activity]:
        """Every activity of the work plan, by start date."""
        found = list(self.unplanned_activities)
        for node in self.objectives:
            found += node.activities
            for result in node.results:
                found += result.activities
        return sorted(found, key=lambda a: (a.start_date or date.max, a.code or "", a.title))


def framework(store: Any, group_id: str) -> Framework:
    """The group's objectives with their results, each result's indicators and activities (one pass each)."""
    objectives = store.objectives.list(group_id=group_id)
    results = store.results.list(objective_id=[o.id for o in objectives])
    indicators = store.indicators.list(group_id=group_id)
    activities = store.activities.list(group_id=group_id)
    by_result: dict[str | None, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        by_result[indicator.result_id].append(indicator)
    acts: dict[tuple[str | None, str | None], list[Activity]] = defaultdict(list)
    for activity in activities:
        acts[activity.objective_id, activity.result_id].append(activity)
    nodes = []
    for objective in objectives:
        result_nodes = [ResultNode(r, by_result[r.id], acts[objective.id, r.id])
                        for r in results if r.objective_id == objective.id]
        nodes.append(ObjectiveNode(objective, result_nodes, acts[objective.id, None]))
    placed = {o.id for o in objectives}
    unplanned = [a for a in activities if a.objective_id not in placed]
    return Framework(group_id, store.profiles.of_group(group_id), nodes, by_result[None], unplanned)


@dataclass(frozen=True, slots=True)
class WorkPlanProgress:
    """How far the work plan has come: activities per status, how many are late, budget planned."""

    by_status: dict[str, int]
    late: int
    total: int
    budget: dict[str, float]  # currency -> amount planned

    @property
    def done_share(self) -> float | None:
        counted = self.total - self.by_status.get("cancelled", 0)
        return self.by_status.get("done", 0) / counted if counted else None


def workplan_progress(activities: list[Activity], today: date) -> WorkPlanProgress:
    statuses = Counter(a.status for a in activities)
    budget: dict[str, float] = defaultdict(float)
    for activity in activities:
        if activity.budget_amount is not None:
            budget[activity.currency or ""] += activity.budget_amount
    return WorkPlanProgress(dict(statuses), sum(a.is_late(today) for a in activities), len(activities), dict(budget))
