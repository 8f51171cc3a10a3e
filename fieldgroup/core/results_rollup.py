"""Roll-up of computed indicators: a national group's figures include its sub-groups (core.members.subgroup_ids)."""

from __future__ import annotations

from fieldgroup.i18n import N_

# How each built-in computed indicator adds up over a group and its sub-groups (shown in the app and docs).
# Every one pools the underlying meetings, attendance and action items of the groups, then computes once:
# an average of averages would weigh a two-person regional meeting like a forty-person plenary.
ROLLUP = {
    "meetings_held": N_("Sum: every meeting held by the group and its sub-groups."),
    "subnational_meetings": N_("Sum: the sub-national meetings of the group and of its sub-groups."),
    "average_balance": N_("Average over all meetings of the group and its sub-groups, each meeting counting once "
                          "(pillar meetings left out)."),
    "all_pillars_pct": N_("Share of all meetings of the group and its sub-groups (pillar meetings left out)."),
    "women_share_pct": N_("Women present at all meetings of the group and its sub-groups, over everyone present "
                          "whose gender is recorded."),
    "actions_on_time_pct": N_("Share of all action items of the group and its sub-groups due in the period."),
    "overdue_at_end": N_("Sum: overdue action items of the group and its sub-groups."),
    "organisations_participating": N_("Organisations that took part in any meeting of the group or its sub-groups, "
                                      "each counted once."),
}

