"""The SQLite schema of a store and its forward-only migrations (the DDL lives here, nowhere else).

Every step is frozen: its own SQL, or sqlite-utils' `transform_sql()` for what SQLite's ALTER TABLE
cannot do (see `transform`); never built from the live table list in schema.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from fieldgroup.core.store_migrate_incidents import migrate_incidents
from fieldgroup.core.store_migrate_members import migrate_members
from fieldgroup.core.store_search import migrate_to_4 as _migrate_to_4

# 'FGrp': marks a SQLite file as a FieldGroup store, so a foreign database is refused on sight.
APPLICATION_ID = 0x46477270

# Version 1 as released, written out: a later change to schema.py must never change what an old
# store is migrated to. Executed one statement at a time inside the migration's transaction
# (executescript would commit it halfway).
_V1_SQL = """
CREATE TABLE groups (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  country TEXT,
  region TEXT,
  parent_id TEXT,
  language TEXT,
  balance_threshold REAL,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (parent_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_groups_parent_id ON groups(parent_id);
CREATE INDEX idx_groups__ver ON groups(_ver);
CREATE TABLE organisations (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  name TEXT,
  pillar TEXT,
  kind TEXT,
  region TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_organisations_group_id ON organisations(group_id);
CREATE INDEX idx_organisations__ver ON organisations(_ver);
CREATE TABLE people (
  id TEXT PRIMARY KEY NOT NULL,
  organisation_id TEXT,
  name TEXT,
  role TEXT,
  gender TEXT,
  email TEXT,
  phone TEXT,
  protected INTEGER,
  focal_point INTEGER,
  notes TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_people_organisation_id ON people(organisation_id);
CREATE INDEX idx_people__ver ON people(_ver);
CREATE TABLE meetings (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  kind TEXT,
  date TEXT,
  title TEXT,
  place TEXT,
  region TEXT,
  pillar TEXT,
  agenda TEXT,
  minutes TEXT,
  decisions TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_meetings_group_id ON meetings(group_id);
CREATE INDEX idx_meetings__ver ON meetings(_ver);
CREATE TABLE attendance (
  id TEXT PRIMARY KEY NOT NULL,
  meeting_id TEXT,
  person_id TEXT,
  status TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (meeting_id) REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_attendance_meeting_id ON attendance(meeting_id);
CREATE INDEX idx_attendance_person_id ON attendance(person_id);
CREATE INDEX idx_attendance__ver ON attendance(_ver);
CREATE TABLE action_items (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  meeting_id TEXT,
  title TEXT,
  description TEXT,
  owner_person_id TEXT,
  owner_organisation_id TEXT,
  due_date TEXT,
  status TEXT,
  completed_on TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (meeting_id) REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (owner_person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (owner_organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_action_items_group_id ON action_items(group_id);
CREATE INDEX idx_action_items_meeting_id ON action_items(meeting_id);
CREATE INDEX idx_action_items_owner_person_id ON action_items(owner_person_id);
CREATE INDEX idx_action_items_owner_organisation_id ON action_items(owner_organisation_id);
CREATE INDEX idx_action_items__ver ON action_items(_ver);
CREATE TABLE indicators (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  code TEXT,
  name TEXT,
  description TEXT,
  unit TEXT,
  direction TEXT,
  period_kind TEXT,
  baseline_value REAL,
  baseline_date TEXT,
  computed TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_indicators_group_id ON indicators(group_id);
CREATE INDEX idx_indicators__ver ON indicators(_ver);
CREATE TABLE indicator_targets (
  id TEXT PRIMARY KEY NOT NULL,
  indicator_id TEXT,
  period TEXT,
  value REAL,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (indicator_id) REFERENCES indicators(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_indicator_targets_indicator_id ON indicator_targets(indicator_id);
CREATE INDEX idx_indicator_targets__ver ON indicator_targets(_ver);
CREATE TABLE indicator_values (
  id TEXT PRIMARY KEY NOT NULL,
  indicator_id TEXT,
  period TEXT,
  value REAL,
  note TEXT,
  evidence_meeting_id TEXT,
  evidence_action_id TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (indicator_id) REFERENCES indicators(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (evidence_meeting_id) REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (evidence_action_id) REFERENCES action_items(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_indicator_values_indicator_id ON indicator_values(indicator_id);
CREATE INDEX idx_indicator_values_evidence_meeting_id ON indicator_values(evidence_meeting_id);
CREATE INDEX idx_indicator_values_evidence_action_id ON indicator_values(evidence_action_id);
CREATE INDEX idx_indicator_values__ver ON indicator_values(_ver);
CREATE INDEX idx_action_items_due ON action_items(status, due_date);
CREATE INDEX idx_meetings_date ON meetings(group_id, date);
CREATE TABLE tombstones (tbl TEXT NOT NULL, id TEXT NOT NULL, stamp TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
CREATE TABLE local_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT);
CREATE TABLE import_history (id INTEGER PRIMARY KEY, bundle_id TEXT, file_name TEXT, sender_device TEXT, imported_at TEXT NOT NULL, counts TEXT, note TEXT);
CREATE TABLE peers (device TEXT PRIMARY KEY NOT NULL, name TEXT, vector TEXT, last_seen TEXT);
"""


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";\n") if statement.strip()]


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    for statement in _statements(_V1_SQL):
        conn.execute(statement)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    # Device-local: the losing side of concurrent edits, kept until the coordinator chooses.
    conn.execute(
        "CREATE TABLE conflicts (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, record_id TEXT NOT NULL,"
        " field TEXT NOT NULL, kept_value TEXT, kept_stamp TEXT, lost_value TEXT, lost_stamp TEXT,"
        " detected_at TEXT NOT NULL, resolved_at TEXT, resolution TEXT)"
    )
    conn.execute("CREATE INDEX idx_conflicts_record ON conflicts(tbl, record_id)")


def transform(conn: sqlite3.Connection, table: str, **changes: Any) -> None:
    """Rebuild `table` as sqlite-utils' transform() would (types, renames, drops, foreign keys), inside
    the migration's transaction: the SQL is asked for and run here, because transform() itself commits."""
    import sqlite_utils  # only a migration needs it; importing it costs ~130 ms of a start-up

    for statement in sqlite_utils.Database(conn).table(table).transform_sql(**changes):
        conn.execute(statement)


# ---- results framework and work plan (issue 17); self-contained so it can be renumbered ----

_RESULTS_STEP = """
CREATE TABLE group_profiles (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  vision TEXT,
  mission TEXT,
  reporting_org_ref TEXT,
  reporting_org_name TEXT,
  reporting_org_type TEXT,
  dhis2_org_unit TEXT,
  currency TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_group_profiles_group_id ON group_profiles(group_id);
CREATE INDEX idx_group_profiles__ver ON group_profiles(_ver);
CREATE TABLE objectives (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  code TEXT,
  title TEXT,
  description TEXT,
  horizon TEXT,
  start_date TEXT,
  end_date TEXT,
  successes TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_objectives_group_id ON objectives(group_id);
CREATE INDEX idx_objectives__ver ON objectives(_ver);
CREATE TABLE results (
  id TEXT PRIMARY KEY NOT NULL,
  objective_id TEXT,
  code TEXT,
  title TEXT,
  description TEXT,
  result_type TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (objective_id) REFERENCES objectives(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_results_objective_id ON results(objective_id);
CREATE INDEX idx_results__ver ON results(_ver);
CREATE TABLE indicators_v3 (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  code TEXT,
  name TEXT,
  description TEXT,
  unit TEXT,
  direction TEXT,
  period_kind TEXT,
  baseline_value REAL,
  baseline_date TEXT,
  computed TEXT,
  result_id TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (result_id) REFERENCES results(id) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO indicators_v3 (id, group_id, code, name, description, unit, direction, period_kind, baseline_value,
  baseline_date, computed, _stamps, _ver)
  SELECT id, group_id, code, name, description, unit, direction, period_kind, baseline_value, baseline_date,
  computed, _stamps, _ver FROM indicators;
DROP TABLE indicators;
ALTER TABLE indicators_v3 RENAME TO indicators;
CREATE INDEX idx_indicators_group_id ON indicators(group_id);
CREATE INDEX idx_indicators_result_id ON indicators(result_id);
CREATE INDEX idx_indicators__ver ON indicators(_ver);
CREATE TABLE indicator_values_v3 (
  id TEXT PRIMARY KEY NOT NULL,
  indicator_id TEXT,
  period TEXT,
  value REAL,
  note TEXT,
  evidence_meeting_id TEXT,
  evidence_action_id TEXT,
  verified INTEGER,
  verified_by TEXT,
  verified_on TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (indicator_id) REFERENCES indicators(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (evidence_meeting_id) REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (evidence_action_id) REFERENCES action_items(id) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO indicator_values_v3 (id, indicator_id, period, value, note, evidence_meeting_id, evidence_action_id,
  _stamps, _ver)
  SELECT id, indicator_id, period, value, note, evidence_meeting_id, evidence_action_id, _stamps, _ver
  FROM indicator_values;
DROP TABLE indicator_values;
ALTER TABLE indicator_values_v3 RENAME TO indicator_values;
CREATE INDEX idx_indicator_values_indicator_id ON indicator_values(indicator_id);
CREATE INDEX idx_indicator_values_evidence_meeting_id ON indicator_values(evidence_meeting_id);
CREATE INDEX idx_indicator_values_evidence_action_id ON indicator_values(evidence_action_id);
CREATE INDEX idx_indicator_values__ver ON indicator_values(_ver);
CREATE TABLE activities (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  objective_id TEXT,
  result_id TEXT,
  code TEXT,
  title TEXT,
  description TEXT,
  start_date TEXT,
  end_date TEXT,
  owner_person_id TEXT,
  owner_organisation_id TEXT,
  budget_amount REAL,
  currency TEXT,
  status TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (objective_id) REFERENCES objectives(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (result_id) REFERENCES results(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (owner_person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (owner_organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_activities_group_id ON activities(group_id);
CREATE INDEX idx_activities_objective_id ON activities(objective_id);
CREATE INDEX idx_activities_result_id ON activities(result_id);
CREATE INDEX idx_activities_owner_person_id ON activities(owner_person_id);
CREATE INDEX idx_activities_owner_organisation_id ON activities(owner_organisation_id);
CREATE INDEX idx_activities__ver ON activities(_ver);
CREATE TABLE activity_meetings (
  id TEXT PRIMARY KEY NOT NULL,
  activity_id TEXT,
  meeting_id TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (activity_id) REFERENCES activities(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (meeting_id) REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_activity_meetings_activity_id ON activity_meetings(activity_id);
CREATE INDEX idx_activity_meetings_meeting_id ON activity_meetings(meeting_id);
CREATE INDEX idx_activity_meetings__ver ON activity_meetings(_ver);
CREATE TABLE activity_actions (
  id TEXT PRIMARY KEY NOT NULL,
  activity_id TEXT,
  action_id TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (activity_id) REFERENCES activities(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (action_id) REFERENCES action_items(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_activity_actions_activity_id ON activity_actions(activity_id);
CREATE INDEX idx_activity_actions_action_id ON activity_actions(action_id);
CREATE INDEX idx_activity_actions__ver ON activity_actions(_ver);
CREATE TABLE funder_codes (
  id TEXT PRIMARY KEY NOT NULL,
  indicator_id TEXT,
  system TEXT,
  period TEXT,
  data_element TEXT,
  period_code TEXT,
  org_unit TEXT,
  category_option_combo TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (indicator_id) REFERENCES indicators(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_funder_codes_indicator_id ON funder_codes(indicator_id);
CREATE INDEX idx_funder_codes__ver ON funder_codes(_ver);
CREATE TABLE minute_sections (
  id TEXT PRIMARY KEY NOT NULL,
  meeting_id TEXT,
  position INTEGER,
  heading TEXT,
  body TEXT,
  audience TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (meeting_id) REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_minute_sections_meeting_id ON minute_sections(meeting_id);
CREATE INDEX idx_minute_sections__ver ON minute_sections(_ver)
"""


def _migrate_results_framework(conn: sqlite3.Connection) -> None:
    """New tables, and indicators / indicator_values rebuilt with their new columns in schema.py's order
    (SQLite's 12-step table change: the runner has foreign keys off while a step runs, then checks them)."""
    for statement in _RESULTS_STEP.split(";\n"):
        conn.execute(statement)


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    # Device-local: what is typed in an editor and not saved yet (core/store_drafts.py), restored
    # after a crash; inside the store so that it is as protected as the store itself.
    conn.execute(
        "CREATE TABLE drafts (key TEXT PRIMARY KEY NOT NULL, record_id TEXT, group_id TEXT,"
        " fields TEXT NOT NULL, saved_at TEXT NOT NULL)"
    )


def _migrate_to_5(conn: sqlite3.Connection) -> None:
    # Sync round two. A merge of duplicates travels as data (a grow-only set, never pruned): which
    # record was merged into which, stamped with the duplicate's tombstone, so that opposite merges
    # resolve to one survivor from the merges alone, whatever the order they arrive in.
    # (A rowid table: SQLite 3.40's integrity_check wrongly reports NULLs in this WITHOUT ROWID shape.)
    conn.execute("CREATE TABLE merges (tbl TEXT NOT NULL, duplicate TEXT NOT NULL, keep TEXT NOT NULL,"
                 " stamp TEXT NOT NULL, PRIMARY KEY (tbl, duplicate, stamp))")
    # 'field' for a value lost to a concurrent edit or delete; 'orphan' for a record kept although
    # its parent was deleted on another laptop (the parent was recreated under a new id).
    conn.execute("ALTER TABLE conflicts ADD COLUMN kind TEXT NOT NULL DEFAULT 'field'")
    # Device-local: what folder sync did with each colleague's file, by content hash (imported files
    # are skipped without decrypting; refused ones are set aside until they change).
    conn.execute(
        "CREATE TABLE folder_files (file_name TEXT PRIMARY KEY NOT NULL, sha256 TEXT NOT NULL,"
        " outcome TEXT NOT NULL, reason TEXT, device TEXT, at TEXT NOT NULL)"
    )


def _migrate_to_6(conn: sqlite3.Connection) -> None:
    # Protection: group keys, erasure fingerprints, "not this person". IF NOT EXISTS because a
    # store made before migration 1 was frozen created every table of the live list at once.
    record = "id TEXT PRIMARY KEY NOT NULL, {fields}, _stamps TEXT NOT NULL, _ver TEXT NOT NULL{tail}"
    tables = {
        "group_secrets": ("group_id TEXT, secret TEXT",
                          ", FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED"),
        "erasures": ("secret_id TEXT, pillar TEXT, fingerprints TEXT", ""),
        "name_dismissals": ("person_id TEXT, secret_id TEXT, fingerprint TEXT", ""),
        "protection_settings": ("group_id TEXT, share_contacts INTEGER",
                                ", FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED"),
    }
    for name, (fields, tail) in tables.items():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {name} ({record.format(fields=fields, tail=tail)})")
        conn.execute(f"CREATE INDEX IF NOT EXISTS idx_{name}__ver ON {name}(_ver)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_group_secrets_group_id ON group_secrets(group_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_protection_settings_group_id ON protection_settings(group_id)")


def _migrate_meeting_times(conn: sqlite3.Connection) -> None:
    # Issue 16: a meeting's start and end time ("HH:MM", synced fields). Self-contained: renumber freely.
    conn.execute("ALTER TABLE meetings ADD COLUMN start_time TEXT")
    conn.execute("ALTER TABLE meetings ADD COLUMN end_time TEXT")


# Step 4 (the full-text index and its triggers) lives beside its queries in store_search.py.
# Index i migrates a store from version i to version i + 1. Append only; never edit a released step.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2, _migrate_to_3, _migrate_to_4,
                                                        _migrate_to_5, _migrate_to_6, migrate_members,
                                                        _migrate_results_framework, _migrate_meeting_times,
                                                        migrate_incidents]
SCHEMA_VERSION = len(MIGRATIONS)
