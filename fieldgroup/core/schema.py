"""The synced record types: their fields, value kinds and links, declared once for store, API and sync."""

from __future__ import annotations

from dataclasses import dataclass

from fieldgroup.core.choices import (
    ACTION_STATUS,
    ATTENDANCE,
    DIRECTION,
    DIVERSITY,
    GENDER,
    GROUP_KIND,
    GROUP_ROLE,
    INCIDENT_KIND,
    INCIDENT_SEVERITY,
    INCIDENT_STATUS,
    MEETING_KIND,
    MEMBERSHIP_STATUS,
    ORG_SUBTYPE,
    PERIOD_KIND,
    PILLAR,
    UNIT,
)
from fieldgroup.core.results_choices import (
    ACTIVITY_STATUSES,
    AUDIENCES,
    FUNDER_SYSTEMS,
    HORIZONS,
    RESULT_TYPES,
)
from fieldgroup.i18n import N_

# The stored choices, their words, colours and marks live in core/choices.py; these are their values.
PILLARS = PILLAR.values
BALANCE_PILLARS = ("company", "government", "civil_society")
GENDERS = GENDER.values
MEETING_KINDS = MEETING_KIND.values
ATTENDANCE_STATUSES = ATTENDANCE.values
ACTION_STATUSES = ACTION_STATUS.values
UNITS = UNIT.values
DIRECTIONS = DIRECTION.values
PERIOD_KINDS = PERIOD_KIND.values
PILLAR_LABELS = PILLAR.labels()


@dataclass(frozen=True, slots=True)
class Field:
    """One synced column: `kind` is text, int, real, bool, date (ISO text in SQLite) or time ("HH:MM" text)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] | None = None
    references: str | None = None
    max_length: int = 200


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One synced record type: a table whose rows carry per-field stamps and leave tombstones."""

    name: str
    label: str
    fields: tuple[Field, ...]
    # Records that stand for a pair get a deterministic uuid5 id from these fields.
    pair: tuple[str, ...] | None = None
    # Who may hold these rows: None is everyone in the group; CORE_TEAM travels only in the core-team bundle.
    audience: str | None = None

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


LONG_TEXT = 200_000
CORE_TEAM = "core_team"

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("groups", N_("group"), (
            Field("name", N_("Name"), required=True),
            Field("country", N_("Country")),
            Field("region", N_("Region")),
            Field("parent_id", N_("Parent group"), references="groups", max_length=36),
            Field("language", N_("Language"), max_length=20),
            Field("balance_threshold", N_("Balance threshold"), kind="real"),
            Field("kind", N_("Kind of group"), choices=GROUP_KIND.values),
            Field("include_home_governments", N_("Count home governments in the balance"), kind="bool"),
        )),
        TableSpec("organisations", N_("organisation"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("name", N_("Name"), required=True),
            Field("pillar", N_("Pillar"), required=True, choices=PILLARS),
            Field("kind", N_("Kind")),
            Field("region", N_("Region")),
            Field("subtype", N_("Sub-type"), choices=ORG_SUBTYPE.values),
        )),
        TableSpec("people", N_("person"), (
            Field("organisation_id", N_("Organisation"), required=True, references="organisations", max_length=36),
            Field("name", N_("Name"), required=True),
            Field("role", N_("Role")),
            Field("gender", N_("Gender"), choices=GENDERS),
            Field("email", N_("Email")),
            Field("phone", N_("Phone")),
            Field("protected", N_("Protected"), kind="bool"),
            Field("focal_point", GROUP_ROLE["focal_point"].label, kind="bool"),
            Field("notes", N_("Notes"), max_length=LONG_TEXT),
            # Optional diversity tags (choices.DIVERSITY): reported only as totals, never per person.
            Field("indigenous", DIVERSITY["indigenous"].label, kind="bool"),
            Field("youth", DIVERSITY["youth"].label, kind="bool"),
            Field("disability", DIVERSITY["disability"].label, kind="bool"),
            Field("affected_community", DIVERSITY["affected_community"].label, kind="bool"),
        )),
        TableSpec("memberships", N_("membership"), (
            Field("organisation_id", N_("Organisation"), required=True, references="organisations", max_length=36),
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("status", N_("Membership"), required=True, choices=MEMBERSHIP_STATUS.values),
            Field("start_date", N_("From"), kind="date"),
            Field("end_date", N_("Until"), kind="date"),
        ), pair=("organisation_id", "group_id")),
        TableSpec("roles", N_("role"), (
            Field("person_id", N_("Person"), required=True, references="people", max_length=36),
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            # The organisation the person spoke for then: focal-point history stays with it if they move.
            Field("organisation_id", N_("Organisation"), required=True, references="organisations", max_length=36),
            Field("role", N_("Role in the group"), required=True, choices=GROUP_ROLE.values),
            Field("start_date", N_("From"), kind="date"),
            Field("end_date", N_("Until"), kind="date"),
        )),
        TableSpec("meetings", N_("meeting"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("kind", N_("Type"), required=True, choices=MEETING_KINDS),
            Field("date", N_("Date"), kind="date", required=True),
            Field("title", N_("Title")),
            Field("place", N_("Place")),
            Field("region", N_("Region")),
            Field("pillar", N_("Pillar"), choices=PILLARS),
            Field("agenda", N_("Agenda"), max_length=LONG_TEXT),
            Field("minutes", N_("Minutes"), max_length=LONG_TEXT),
            Field("decisions", N_("Decisions"), max_length=LONG_TEXT),
            Field("start_time", N_("Start time"), kind="time", max_length=5),
            Field("end_time", N_("End time"), kind="time", max_length=5),
        )),
        TableSpec("attendance", N_("attendance"), (
            Field("meeting_id", N_("Meeting"), required=True, references="meetings", max_length=36),
            Field("person_id", N_("Person"), required=True, references="people", max_length=36),
            Field("status", N_("Attendance"), required=True, choices=ATTENDANCE_STATUSES),
        ), pair=("meeting_id", "person_id")),
        TableSpec("action_items", N_("action item"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("meeting_id", N_("Meeting"), references="meetings", max_length=36),
            Field("title", N_("Title"), required=True, max_length=500),
            Field("description", N_("Description"), max_length=LONG_TEXT),
            Field("owner_person_id", N_("Owner"), references="people", max_length=36),
            Field("owner_organisation_id", N_("Owner organisation"), references="organisations", max_length=36),
            Field("due_date", N_("Due date"), kind="date"),
            Field("status", N_("Status"), required=True, choices=ACTION_STATUSES),
            Field("completed_on", N_("Completed on"), kind="date"),
        )),
        # The results framework (issue 17): objectives hold results that indicators measure.
        TableSpec("group_profiles", N_("group profile"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("vision", N_("Vision"), max_length=LONG_TEXT),
            Field("mission", N_("Mission"), max_length=LONG_TEXT),
            Field("reporting_org_ref", N_("Reporting organisation identifier"), max_length=100),
            Field("reporting_org_name", N_("Reporting organisation"), max_length=500),
            Field("reporting_org_type", N_("Reporting organisation type"), max_length=10),
            Field("dhis2_org_unit", N_("DHIS2 organisation unit"), max_length=100),
            Field("currency", N_("Currency"), max_length=3),
        ), pair=("group_id",)),
        TableSpec("objectives", N_("objective"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("code", N_("Code"), max_length=40),
            Field("title", N_("Title"), required=True, max_length=500),
            Field("description", N_("Description"), max_length=LONG_TEXT),
            Field("horizon", N_("Time horizon"), required=True, choices=HORIZONS),
            Field("start_date", N_("Start"), kind="date"),
            Field("end_date", N_("End"), kind="date"),
            Field("successes", N_("Successes"), max_length=LONG_TEXT),
        )),
        TableSpec("results", N_("result"), (
            Field("objective_id", N_("Objective"), required=True, references="objectives", max_length=36),
            Field("code", N_("Code"), max_length=40),
            Field("title", N_("Title"), required=True, max_length=500),
            Field("description", N_("Description"), max_length=LONG_TEXT),
            Field("result_type", N_("Result type"), required=True, choices=RESULT_TYPES),
        )),
        TableSpec("indicators", N_("indicator"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("code", N_("Code"), max_length=40),
            Field("name", N_("Name"), required=True, max_length=500),
            Field("description", N_("Description"), max_length=LONG_TEXT),
            Field("unit", N_("Unit"), required=True, choices=UNITS),
            Field("direction", N_("Direction"), required=True, choices=DIRECTIONS),
            Field("period_kind", N_("Period"), required=True, choices=PERIOD_KINDS),
            Field("baseline_value", N_("Baseline"), kind="real"),
            Field("baseline_date", N_("Baseline date"), kind="date"),
            Field("computed", N_("Computed from"), max_length=60),
            Field("result_id", N_("Result"), references="results", max_length=36),
        )),
        TableSpec("indicator_targets", N_("target"), (
            Field("indicator_id", N_("Indicator"), required=True, references="indicators", max_length=36),
            Field("period", N_("Period"), required=True, max_length=10),
            Field("value", N_("Target"), kind="real", required=True),
        ), pair=("indicator_id", "period")),
        TableSpec("indicator_values", N_("actual value"), (
            Field("indicator_id", N_("Indicator"), required=True, references="indicators", max_length=36),
            Field("period", N_("Period"), required=True, max_length=10),
            Field("value", N_("Actual"), kind="real", required=True),
            Field("note", N_("Note"), max_length=LONG_TEXT),
            Field("evidence_meeting_id", N_("Evidence meeting"), references="meetings", max_length=36),
            Field("evidence_action_id", N_("Evidence action item"), references="action_items", max_length=36),
            Field("verified", N_("Verified"), kind="bool"),
            Field("verified_by", N_("Verified by")),
            Field("verified_on", N_("Verified on"), kind="date"),
        ), pair=("indicator_id", "period")),
        # Protection (issue 13). A random key per group, made once and carried inside the encrypted
        # bundles, for the keyed fingerprints below; never derived from the passphrase.
        TableSpec("group_secrets", N_("group key"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("secret", N_("Key"), required=True, max_length=64),
        )),
        # What is left of an erased person (the id is theirs): keyed fingerprints of the parts of
        # their name, never the name, so that text arriving later can still be scrubbed.
        TableSpec("erasures", N_("erasure"), (
            Field("secret_id", N_("Key"), required=True, max_length=36),
            Field("pillar", N_("Pillar"), choices=PILLARS),
            Field("fingerprints", N_("Fingerprints"), required=True, max_length=20_000),
        )),
        # "Not this person": a phrase the guard must stop offering for a protected person, kept as a fingerprint.
        TableSpec("name_dismissals", N_("dismissed match"), (
            Field("person_id", N_("Person"), required=True, max_length=36),
            Field("secret_id", N_("Key"), required=True, max_length=36),
            Field("fingerprint", N_("Fingerprint"), required=True, max_length=64),
        )),
        # Group settings about protection: "share protected contacts" is off until the group ticks it.
        TableSpec("protection_settings", N_("protection settings"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("share_contacts", N_("Share protected contacts"), kind="bool"),
        ), pair=("group_id",)),
        # The work plan: activities under a result or an objective, and what carries them out.
        TableSpec("activities", N_("activity"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("objective_id", N_("Objective"), references="objectives", max_length=36),
            Field("result_id", N_("Result"), references="results", max_length=36),
            Field("code", N_("Code"), max_length=40),
            Field("title", N_("Title"), required=True, max_length=500),
            Field("description", N_("Description"), max_length=LONG_TEXT),
            Field("start_date", N_("Start"), kind="date"),
            Field("end_date", N_("End"), kind="date"),
            Field("owner_person_id", N_("Owner"), references="people", max_length=36),
            Field("owner_organisation_id", N_("Owner organisation"), references="organisations", max_length=36),
            Field("budget_amount", N_("Budget"), kind="real"),
            Field("currency", N_("Currency"), max_length=3),
            Field("status", N_("Status"), required=True, choices=ACTIVITY_STATUSES),
        )),
        TableSpec("activity_meetings", N_("meeting of an activity"), (
            Field("activity_id", N_("Activity"), required=True, references="activities", max_length=36),
            Field("meeting_id", N_("Meeting"), required=True, references="meetings", max_length=36),
        ), pair=("activity_id", "meeting_id")),
        TableSpec("activity_actions", N_("action item of an activity"), (
            Field("activity_id", N_("Activity"), required=True, references="activities", max_length=36),
            Field("action_id", N_("Action item"), required=True, references="action_items", max_length=36),
        ), pair=("activity_id", "action_id")),
        # Minutes kept as sections, each for an audience: the public summary prints only public ones.
        TableSpec("minute_sections", N_("section of the minutes"), (
            Field("meeting_id", N_("Meeting"), required=True, references="meetings", max_length=36),
            Field("position", N_("Position"), kind="int"),
            Field("heading", N_("Heading"), max_length=500),
            Field("body", N_("Text"), max_length=LONG_TEXT),
            Field("audience", N_("Audience"), required=True, choices=AUDIENCES),
        )),
        # Our indicator and period -> a funder's codes (DHIS2 data element, period, org unit).
        TableSpec("funder_codes", N_("funder code"), (
            Field("indicator_id", N_("Indicator"), required=True, references="indicators", max_length=36),
            Field("system", N_("Reporting system"), required=True, choices=FUNDER_SYSTEMS),
            Field("period", N_("Period"), max_length=10),
            Field("data_element", N_("Data element"), required=True, max_length=100),
            Field("period_code", N_("Funder period"), max_length=20),
            Field("org_unit", N_("Organisation unit"), max_length=100),
            Field("category_option_combo", N_("Category option combination"), max_length=100),
        )),
        # Incidents (issue 19): people appear only as mentions in the text fields, never as a name field.
        TableSpec("incidents", N_("incident"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("date", N_("Date"), kind="date", required=True),
            Field("region", N_("Region")),
            Field("kind", N_("Kind"), required=True, choices=INCIDENT_KIND.values),
            Field("severity", N_("Severity"), required=True, choices=INCIDENT_SEVERITY.values),
            Field("status", N_("Status"), required=True, choices=INCIDENT_STATUS.values),
            Field("title", N_("Title"), required=True, max_length=500),
            Field("description", N_("Description"), max_length=LONG_TEXT),
            Field("reported_on", N_("Reported on"), kind="date"),
            Field("referred_on", N_("Referred on"), kind="date"),
            Field("resolved_on", N_("Resolved on"), kind="date"),
            Field("closed_on", N_("Closed on"), kind="date"),
            Field("outcome", N_("Outcome of the incident"), max_length=LONG_TEXT),
            Field("outcome_published", N_("Outcome published"), kind="bool"),
        ), audience=CORE_TEAM),
        TableSpec("incident_organisations", N_("organisation involved"), (
            Field("incident_id", N_("Incident"), required=True, references="incidents", max_length=36),
            Field("organisation_id", N_("Organisation"), required=True, references="organisations", max_length=36),
            Field("role", N_("Role")),
        ), pair=("incident_id", "organisation_id"), audience=CORE_TEAM),
        TableSpec("response_steps", N_("protocol step"), (
            Field("group_id", N_("Group"), required=True, references="groups", max_length=36),
            Field("position", N_("Order"), kind="int", required=True),
            Field("what", N_("What to do"), required=True, max_length=500),
            Field("contact_organisation_id", N_("Contact organisation"), references="organisations", max_length=36),
            Field("contact_person_id", N_("Contact person"), references="people", max_length=36),
            Field("within_days", N_("Within (days)"), kind="int", required=True),
        ), audience=CORE_TEAM),
        TableSpec("incident_steps", N_("incident step"), (
            Field("incident_id", N_("Incident"), required=True, references="incidents", max_length=36),
            Field("position", N_("Order"), kind="int", required=True),
            Field("what", N_("What to do"), required=True, max_length=500),
            Field("contact_organisation_id", N_("Contact organisation"), references="organisations", max_length=36),
            Field("contact_person_id", N_("Contact person"), references="people", max_length=36),
            Field("owner_person_id", N_("Owner"), references="people", max_length=36),
            Field("due_date", N_("Due date"), kind="date"),
            Field("completed_on", N_("Completed on"), kind="date"),
            Field("note", N_("Note"), max_length=LONG_TEXT),
        ), audience=CORE_TEAM),
    )
}

# Fields whose text is made by the app, not typed: never scrubbed, never matched.
MACHINE_TEXT = frozenset({("group_secrets", "secret"), ("erasures", "fingerprints"), ("erasures", "secret_id"),
                          ("name_dismissals", "person_id"), ("name_dismissals", "secret_id"),
                          ("name_dismissals", "fingerprint")})

# Tables only core-team laptops hold: never in the ordinary bundle, digest or public outputs.
CORE_TEAM_TABLES = frozenset(name for name, spec in TABLES.items() if spec.audience == CORE_TEAM)

# Parents before children: the order to create rows in, and the reverse to delete them.
TABLE_ORDER = tuple(TABLES)
