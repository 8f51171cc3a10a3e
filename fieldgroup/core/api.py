"""The public Python API: open a store and create, change, delete and list every kind of record."""

from __future__ import annotations

import importlib
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fieldgroup.core import indicators as indicator_maths
from fieldgroup.core import keys, periods, store_db, store_maintenance, store_queries
from fieldgroup.core.balance import balance_pillar
from fieldgroup.core.entities import Organisation, Person
from fieldgroup.core.errors import FieldGroupError, OlderStoreError
from fieldgroup.core.hlc import wall_clock_ms
from fieldgroup.core.indicators import ActionFacts, MeetingFacts, PeriodProgress
from fieldgroup.core.members import Memberships, Roles, subgroup_ids
from fieldgroup.core.repositories import (
    ActionItems,
    AttendanceRecords,
    Groups,
    Indicators,
    Meetings,
    Organisations,
    People,
    Targets,
    Values,
    merge_organisations,
    merge_people,
)
from fieldgroup.core.results import (
    Activities,
    ActivityActions,
    ActivityMeetings,
    FunderCodes,
    GroupProfiles,
    MinuteSections,
    Objectives,
    Results,
)
from fieldgroup.core.store import RecordStore, backup_to
from fieldgroup.core.store_db import is_encrypted_store  # noqa: F401 — part of the public API
from fieldgroup.core.store_schema import SCHEMA_VERSION
from fieldgroup.i18n import _

# Device-local settings the store itself keeps; nothing outside it may overwrite them.
_RESERVED_SETTINGS = frozenset({"device_id", "home", "previous_device_id", "clock"})


class _BuiltOnFirstUse:
    """A part of the store made, and its module imported, when first used: `store.incidents` and
    `store.sync` (and their entities) cost a start that opens neither nothing (~10 ms of imports)."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, store: Store | None, owner: type | None = None) -> Any:
        if store is None:
            return self
        part = getattr(importlib.import_module(self.module), self.name)(store)
        store.__dict__[self.attribute] = part  # from now on an ordinary attribute
        return part


class Store:
    """An open FieldGroup store. Use `open_store` or `create_store`; close it (or use `with`) when done.

    The one door to the data: records through the repositories (`store.people` …), read models in
    `fieldgroup.core.read_models`, sync through `store.sync`. `conn` and `records` are internal to
    fieldgroup.core (tests/test_layers.py keeps everything else off them)."""

    incidents = _BuiltOnFirstUse("fieldgroup.core.incidents", "IncidentRegister")  # core-team data (issue 19)
    sync = _BuiltOnFirstUse("fieldgroup.core.sync_access", "SyncAccess")

    def __init__(self, records: RecordStore, today: Callable[[], date] = date.today):
        self.records = records
        self.conn = records.conn
        self.notices: list[str] = []  # sentences for the person who opened the store (shown once)
        self.today = today
        self.groups = Groups(self)
        self.organisations = Organisations(self)
        self.people = People(self)
        self.meetings = Meetings(self)
        self.attendance = AttendanceRecords(self)
        self.actions = ActionItems(self)
        self.indicators = Indicators(self)
        self.targets = Targets(self)
        self.values = Values(self)
        self.memberships = Memberships(self)
        self.roles = Roles(self)
        # The results framework and work plan (core/results.py).
        self.profiles = GroupProfiles(self)
        self.objectives = Objectives(self)
        self.results = Results(self)
        self.activities = Activities(self)
        self.activity_meetings = ActivityMeetings(self)
        self.activity_actions = ActivityActions(self)
        self.funder_codes = FunderCodes(self)
        self.minute_sections = MinuteSections(self)

    # ---- the file ----

    @property
    def path(self) -> Path:
        return self.records.path

    @property
    def device_id(self) -> str:
        return self.records.device_id

    @property
    def read_only(self) -> bool:
        return self.records.read_only

    @property
    def in_transaction(self) -> bool:
        return self.records._depth > 0

    @property
    def encrypted(self) -> bool:
        """True when the file is encrypted with the group passphrase (SQLCipher)."""
        return self.records.key is not None

    @property
    def passphrase(self) -> keys.Passphrase | None:
        """The group passphrase that opened this store (memory only; it also encrypts bundles)."""
        return keys.passphrase_for_salt(self.records.key.salt) if self.records.key else None

    def encrypt(self, passphrase: keys.Passphrase) -> Path:
        """Encrypt this open plain store in place with the group passphrase; returns the encrypted backup made first."""
        from fieldgroup.core import store_crypt

        problem = keys.weakness(passphrase.reveal())
        if problem:
            raise keys.PassphraseError(problem)
        backup = self.records.reopen_around(lambda: store_crypt.encrypt_in_place(self.path, passphrase, locked=True))
        self.conn = self.records.conn
        return backup

    def change_passphrase(self, new: keys.Passphrase) -> None:
        """Re-key this encrypted store: from now on only `new` opens it (old bundles still need the old one)."""
        from fieldgroup.core import store_crypt

        if self.records.key is None:
            raise FieldGroupError(_("This store is not encrypted yet; encrypt it with a passphrase first."))
        problem = keys.weakness(new.reveal())
        if problem:
            raise keys.PassphraseError(problem)
        self.records.key = store_crypt.change_passphrase(self.conn, self.records.key, new, self.path)

    def close(self) -> None:
        self.records.close()

    def reopen(self, *, read_only: bool = False) -> Store:
        """Another connection to the same file, with the same clock source and today (background work)."""
        return open_store(self.path, wall=self.records.clock.wall, today=self.today, read_only=read_only)

    def catch_up_clock(self) -> None:
        """Move this connection's clock past every stamp another connection to the file has saved."""
        saved = self.records.get_local("clock")
        if saved:
            self.records.clock.observe(saved)

    # ---- device-local settings (never synced, never stamped) ----

    def local_setting(self, key: str, default: str | None = None) -> str | None:
        return self.records.get_local(key, default)

    def set_local_setting(self, key: str, value: str | None) -> None:
        """Save a setting of this laptop (in its own transaction unless inside one already)."""
        if key in _RESERVED_SETTINGS:
            raise ValueError(f"{key} is kept by the store itself")
        with self.transaction():
            self.records.set_local(key, value)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group many changes into one all-or-nothing save (and one disk flush)."""
        with self.records.transaction():
            yield

    def backup(self, target: Path | str) -> Path:
        """A consistent copy of the store, through the SQLite backup API."""
        target = Path(target)
        if target.exists() and target.resolve() == self.path.resolve():
            raise FieldGroupError(_("The backup cannot overwrite the store itself; choose another file name."))
        if not target.parent.is_dir():
            raise FieldGroupError(_("The folder {folder} does not exist; choose another place for the backup.")
                                  .format(folder=target.parent))
        try:
            written = backup_to(self.conn, target, self.records.key)
        except (sqlite3.Error, *store_db.database_errors()) as exc:  # SQLite could not create or fill the file there
            raise FieldGroupError(
                _("Could not write the backup to {path} ({reason}); choose a folder you can write to.")
                .format(path=target, reason=exc)
            ) from exc
        except OSError as exc:
            raise FieldGroupError(
                _("Could not write the backup to {path} ({reason}); choose a folder you can write to.")
                .format(path=target, reason=exc.strerror or exc)
            ) from exc
        from fieldgroup.core import backups, erasure_backups

        if written.resolve().parent != backups.backup_folder(self.path).resolve():
            erasure_backups.remember_copy(self, written)  # an erasure must reach this copy too (a stick, say)
        return written

    def counts(self) -> dict[str, int]:
        return store_maintenance.record_counts(self.conn)

    def digest(self, core_team: bool = False) -> str:
        """What every laptop of the group should agree on; core_team: the incidents the core team agrees on."""
        return store_maintenance.digest(self.conn, core_team)

    def problems(self) -> list[str]:
        return store_maintenance.problems(self.conn)

    @property
    def schema_version(self) -> int:
        return store_maintenance.schema_version(self.conn)

    # ---- merging duplicates ----

    def merge_people(self, keep_id: str, duplicate_id: str) -> Person:
        return merge_people(self, keep_id, duplicate_id)

    def merge_organisations(self, keep_id: str, duplicate_id: str) -> Organisation:
        return merge_organisations(self, keep_id, duplicate_id)

    # ---- indicators ----

    def indicator_progress(self, indicator_id: str, *, this_group_only: bool = False) -> list[PeriodProgress]:
        """Target, actual, progress and status for every period with a target or an actual value.

        For a computed indicator the actual values come from the store itself, for every period
        that has a target or lies between the first meeting and today; they include the group's
        sub-groups unless `this_group_only` (core/results_rollup.py says how each one adds up)."""
        indicator = self.indicators.get(indicator_id)
        targets = {t.period: t.value for t in self.targets.list(indicator_id=indicator_id)}
        if indicator.computed:
            actuals = self.computed_values(indicator.group_id, indicator.computed, indicator.period_kind, targets,
                                           this_group_only=this_group_only)
        else:
            actuals = {v.period: v.value for v in self.values.list(indicator_id=indicator_id)}
        return indicator_maths.progress_by_period(indicator.baseline_value, indicator.direction, targets, actuals)

    def computed_values(
        self, group_id: str, key: str, period_kind: str, extra_periods: dict[str, float] | None = None,
        *, this_group_only: bool = False,
    ) -> dict[str, float]:
        """Values of a built-in computed indicator per period, from the meetings and actions of the group
        and its sub-groups (only the group's own with `this_group_only`)."""
        scope = subgroup_ids(self, group_id, not this_group_only)
        meetings = [fact for g in scope for fact in self.meeting_facts(g)]
        actions = [fact for g in scope for fact in self.action_facts(g)]
        if not meetings and not extra_periods:
            return {}
        first = min((m.date for m in meetings), default=self.today())
        span = periods.periods_between(periods.period_of(first, period_kind), periods.period_of(self.today(), period_kind))
        result = {}
        today = self.today()
        for period in sorted(set(span) | set(extra_periods or {})):
            if periods.bounds(period)[0] > today:
                continue  # a period that has not started has no value yet, not a zero
            value = indicator_maths.compute(key, period, meetings, actions)
            if value is not None:
                result[period] = value
        return result

    def meeting_facts(self, group_id: str) -> list[MeetingFacts]:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        women: dict[str, int] = defaultdict(int)
        recorded: dict[str, int] = defaultdict(int)
        orgs: dict[str, set[str]] = defaultdict(set)
        include = self.groups.includes_home_governments(group_id)
        for meeting_id, _day, _kind, pillar, gender, org_id, subtype in store_queries.group_attendance_facts(
                self.conn, group_id):
            counts[meeting_id][balance_pillar(pillar, subtype, include)] += 1
            orgs[meeting_id].add(org_id)
            if gender:
                recorded[meeting_id] += 1
                women[meeting_id] += gender == "female"
        return [
            MeetingFacts(m.date, m.kind, dict(counts[m.id]), women[m.id], recorded[m.id], frozenset(orgs[m.id]))
            for m in self.meetings.list(group_id=group_id)
            if m.date <= self.today()  # a meeting that has not happened yet counts nowhere
        ]

    def action_facts(self, group_id: str) -> list[ActionFacts]:
        def day(text: str | None) -> date | None:
            return date.fromisoformat(text) if text else None

        return [ActionFacts(day(d), s, day(c)) for d, s, c in store_queries.group_action_facts(self.conn, group_id)]


def open_store(path: Path | str, *, wall: Callable[[], int] = wall_clock_ms, today: Callable[[], date] = date.today,
               read_only: bool = False, passphrase: keys.Passphrase | None = None) -> Store:
    """Open an existing store; refuses (NotAStoreError, NewerStoreError) anything else, untouched.

    read_only=True opens a reading connection (a command that only looks, a PDF built in the
    background) that takes no lock, never migrates and never changes a byte of the file; a store
    of an older schema is refused (OlderStoreError): the app must open it first.
    An encrypted store opens with `passphrase` or with one already unlocked in this run
    (keys.unlock); else LockedStoreError/WrongPassphraseError."""
    store = Store(RecordStore.open(path, create=False, wall=wall, read_only=read_only, passphrase=passphrase), today)
    if read_only and store.schema_version < SCHEMA_VERSION:
        store.close()
        raise OlderStoreError(_("{path} was made by an older version of FieldGroup; open it in the FieldGroup app "
                                "once to update it, then try again.").format(path=store.path))
    if not read_only:
        try:
            _retire_stored_passphrase(store)
        except BaseException:
            store.close()
            raise
    return store


def _retire_stored_passphrase(store: Store) -> None:
    """First open after the upgrade: the passphrase an older version kept in plain text in the store
    (and so in every backup) is removed, and the store and its backups here are encrypted with it."""
    from fieldgroup.core import store_crypt

    legacy = store_crypt.stored_passphrase(store.conn)
    if legacy is None:
        return
    passphrase = keys.Passphrase(legacy)
    keys.unlock(passphrase)
    if store.encrypted:
        with store.transaction():
            store_crypt.drop_stored_passphrase(store.conn)
    else:
        # Not Store.encrypt(): the group's existing passphrase is kept even if shorter than today's minimum.
        store.records.reopen_around(lambda: store_crypt.encrypt_in_place(store.path, passphrase, locked=True))
        store.conn = store.records.conn
    store.notices.append(_(
        "The group passphrase was kept in plain text inside this store and its backups; FieldGroup removed it "
        "and encrypted the store and its backups on this laptop, but copies elsewhere (USB sticks, colleagues' "
        "backups, bundles written before today) still hold it, so change the group passphrase if any of them "
        "may be lost."))


def create_store(path: Path | str, *, wall: Callable[[], int] = wall_clock_ms, today: Callable[[], date] = date.today,
                 passphrase: keys.Passphrase | None = None) -> Store:
    """Create a new, empty store at `path` (which must not exist yet) and open it; encrypted with `passphrase`."""
    path = Path(path)
    if path.exists():
        raise FieldGroupError(_("{path} already exists; choose a new file name for the new store.").format(path=path))
    return Store(RecordStore.open(path, create=True, wall=wall, passphrase=passphrase), today)


def encrypt_store(path: Path | str, passphrase: keys.Passphrase) -> Path:
    """Encrypt a closed plain store in place (and its plain backups); returns the encrypted backup made first."""
    from fieldgroup.core import store_crypt

    problem = keys.weakness(passphrase.reveal())
    if problem:
        raise keys.PassphraseError(problem)
    return store_crypt.encrypt_in_place(Path(path), passphrase)
