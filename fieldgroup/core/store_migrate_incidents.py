"""Frozen migration step (issue 19): the core-team tables of the incident register.

Self-contained so it can be renumbered at merge: its own SQL, written out, never built from the live
table definitions."""

from __future__ import annotations

import sqlite3

_SQL = """
CREATE TABLE incidents (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  date TEXT,
  region TEXT,
  kind TEXT,
  severity TEXT,
  status TEXT,
  title TEXT,
  description TEXT,
  reported_on TEXT,
  referred_on TEXT,
  resolved_on TEXT,
  closed_on TEXT,
  outcome TEXT,
  outcome_published INTEGER,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_incidents_group_id ON incidents(group_id);
CREATE INDEX idx_incidents__ver ON incidents(_ver);
CREATE TABLE incident_organisations (
  id TEXT PRIMARY KEY NOT NULL,
  incident_id TEXT,
  organisation_id TEXT,
  role TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (incident_id) REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_incident_organisations_incident_id ON incident_organisations(incident_id);
CREATE INDEX idx_incident_organisations_organisation_id ON incident_organisations(organisation_id);
CREATE INDEX idx_incident_organisations__ver ON incident_organisations(_ver);
CREATE TABLE response_steps (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT,
  position INTEGER,
  what TEXT,
  contact_organisation_id TEXT,
  contact_person_id TEXT,
  within_days INTEGER,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (contact_organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (contact_person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_response_steps_group_id ON response_steps(group_id);
CREATE INDEX idx_response_steps__ver ON response_steps(_ver);
CREATE TABLE incident_steps (
  id TEXT PRIMARY KEY NOT NULL,
  incident_id TEXT,
  position INTEGER,
  what TEXT,
  contact_organisation_id TEXT,
  contact_person_id TEXT,
  owner_person_id TEXT,
  due_date TEXT,
  completed_on TEXT,
  note TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (incident_id) REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (contact_organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (contact_person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (owner_person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_incident_steps_incident_id ON incident_steps(incident_id);
CREATE INDEX idx_incident_steps__ver ON incident_steps(_ver);
"""


def migrate_incidents(conn: sqlite3.Connection) -> None:
    """Create the four core-team tables (empty: nothing existing becomes an incident)."""
    for statement in [s.strip() for s in _SQL.split(";\n") if s.strip()]:
        conn.execute(statement)
