"""Crash-test helper: a writer process that saves continuously through the API, and the checks after killing it.

Run as `python crash_writer.py STORE SEED`: it prints one line per committed save, flushed, so that
whoever kills it knows exactly which changes the app had reported as saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fieldgroup.core import open_store
from fieldgroup.core.errors import StoreBusyError

HERE = Path(__file__).resolve()


def write_forever(path: Path, seed: int) -> None:
    from fieldgroup.core import backups

    rng = random.Random(seed)
    store = open_store(path)
    say = print
    group = store.groups.list()[0]
    org = store.organisations.list()[0]
    counter = store.meetings.create(group_id=group.id, kind="plenary", date="2025-01-01", title="rev 0")
    say(f"saved meetings {counter.id}", flush=True)
    mine: list[str] = []
    rev = 0
    while True:
        roll = rng.random()
        if roll < 0.35:
            person = store.people.create(organisation_id=org.id, name=f"Person {rng.random():.6f}")
            mine.append(person.id)
            say(f"saved people {person.id}", flush=True)
        elif roll < 0.55:
            with store.transaction():  # one save of several records: all or nothing
                meeting = store.meetings.create(group_id=group.id, kind="workshop", date="2025-02-03", minutes="m" * rng.randint(0, 5000))
                action = store.actions.create(group_id=group.id, meeting_id=meeting.id, title="Follow up", status="open")
            say(f"saved meetings {meeting.id}", flush=True)
            say(f"saved action_items {action.id}", flush=True)
        elif roll < 0.85:
            rev += 1
            store.meetings.update(counter.id, title=f"rev {rev}")
            say(f"rev {counter.id} {rev}", flush=True)
        elif roll < 0.98 and mine:
            victim = mine.pop(rng.randrange(len(mine)))
            say(f"deleting people {victim}", flush=True)  # killed after this line: either outcome is right
            store.people.delete(victim)
            say(f"deleted people {victim}", flush=True)
        elif roll >= 0.98:
            target = backups.backup_now(store, "manual")
            say(f"backup {target}", flush=True)


@dataclass
class Reported:
    """What the killed writer said it had saved."""

    saved: dict[str, set[str]] = field(default_factory=dict)
    deleted: dict[str, set[str]] = field(default_factory=dict)
    revs: dict[str, int] = field(default_factory=dict)
    deleting: set[str] = field(default_factory=set)
    backups: list[Path] = field(default_factory=list)

    def read(self, line: str) -> None:
        parts = line.split()
        if not parts or len(parts) < 2:
            return
        if parts[0] == "saved":
            self.saved.setdefault(parts[1], set()).add(parts[2])
        elif parts[0] == "deleting":
            self.deleting.add(parts[2])
        elif parts[0] == "deleted":
            self.deleting.discard(parts[2])
            self.saved.setdefault(parts[1], set()).discard(parts[2])
            self.deleted.setdefault(parts[1], set()).add(parts[2])
        elif parts[0] == "rev":
            self.revs[parts[1]] = int(parts[2])
        elif parts[0] == "backup":
            self.backups.append(Path(parts[1]))


def run_once(path: Path, seed: int, reported: Reported) -> int:
    """Start a writer, let it report a random number of saves, SIGKILL it; returns how many it reported."""
    rng = random.Random(seed)
    wanted = rng.choice([0, 1, 2, 5, 10, 20, 40])
    proc = subprocess.Popen([sys.executable, str(HERE), str(path), str(seed)], stdout=subprocess.PIPE, text=True)
    seen = 0
    try:
        while seen < wanted:
            line = proc.stdout.readline()
            if not line:
                break
            reported.read(line)
            seen += 1
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        # Lines written after our last read and before the kill were reported as saved too.
        for line in proc.stdout:
            reported.read(line)
        proc.wait()
    return seen


def problems_after_crash(path: Path, reported: Reported) -> list[str]:
    """Everything reported saved is there, nothing reported deleted is back, and the file is sound."""
    from fieldgroup.core.store_backup import is_sound

    found = []
    try:
        store = open_store(path)
    except StoreBusyError:
        return ["the lock of the killed writer was not taken over"]
    with store:
        found += store.problems()
        for table, ids in reported.saved.items():
            missing = [i for i in ids - reported.deleting if not store.records.exists(table, i)]
            found += [f"{table} {i} was reported saved but is missing" for i in missing]
        for table, ids in reported.deleted.items():
            found += [f"{table} {i} came back after being deleted" for i in ids if store.records.exists(table, i)]
        for meeting_id, rev in reported.revs.items():
            title = store.meetings.get(meeting_id).title
            if int(title.split()[1]) < rev:
                found.append(f"meeting {meeting_id} is at '{title}' but rev {rev} was reported saved")
    found += [f"backup {b.name} is not sound" for b in reported.backups if not is_sound(b)]
    return found


if __name__ == "__main__":
    write_forever(Path(sys.argv[1]), int(sys.argv[2]))
