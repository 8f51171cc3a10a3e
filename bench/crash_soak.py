"""Crash soak: kill a continuously saving writer with SIGKILL at random points, N times, and check the store.

Usage: python bench/crash_soak.py [--runs 200] [--seed 1000] [--keep DIR]
Every run: start tests/crash_writer.py, let it report a random number of saves, SIGKILL it, reopen
the store (taking over the dead writer's lock), check that every save it reported is there, and run
`fieldgroup check`. Exit 1 on the first run that loses anything."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from crash_writer import Reported, problems_after_crash, run_once  # noqa: E402

from fieldgroup.cli import main as cli  # noqa: E402
from fieldgroup.core import create_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="folder to keep the store in (default: a temporary one)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="crash-soak-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "soak.fgstore"
    path.unlink(missing_ok=True)
    with create_store(path) as store:
        group = store.groups.create(name="Soak group", country="GH")
        store.organisations.create(group_id=group.id, name="Ministry", pillar="government")
    reported, saves, started = Reported(), 0, time.perf_counter()
    for run in range(args.runs):
        saves += run_once(path, seed=args.seed + run, reported=reported)
        problems = problems_after_crash(path, reported)
        if problems or cli(["check", "--store", str(path)]) != 0:
            print(f"run {run}: {problems or 'fieldgroup check failed'}", file=sys.stderr)
            return 1
        if (run + 1) % 20 == 0:
            print(f"{run + 1} kills, {saves} reported saves, all present", file=sys.stderr)
    seconds = time.perf_counter() - started
    kept = sum(len(ids) for ids in reported.saved.values())
    print(f"{args.runs} kills in {seconds:.1f} s: {saves} reported saves read before the kills, "
          f"{kept} records reported saved, all present; fieldgroup check passed after every kill.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
