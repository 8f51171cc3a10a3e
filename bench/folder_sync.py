"""Folder sync at group scale: 50 laptops' bundles in one folder, and the peak memory of a stress import.

    python -m bench.folder_sync [--laptops 50] [--size realistic] [--smoke] [--skip-memory]

Each laptop is a copy of the same demo store (a copy takes a new device id when opened, exactly as a
colleague's laptop that joined from it) that made one change of its own and wrote its full bundle into
the shared folder. One more laptop then runs `sync-folder` twice: the first time everything is new
(50 bundles merged, its own bundle written), the second time nothing is (every file is skipped by its
hash without being read as a bundle). The stress import runs in a child process so that its peak
resident memory (VmHWM) is its own. Targets (issue 20): nothing new < 1 s, everything new < 30 s,
stress import < 300 MB."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.stores import CACHE, cached_store

TARGETS = {"nothing_new_s": 1.0, "everything_new_s": 30.0, "stress_import_peak_mb": 300.0}


def laptop_copy(base: Path, target: Path) -> Path:
    for old in target.parent.glob(target.name + "*"):
        old.unlink()
    shutil.copyfile(base, target)
    return target


def make_folder(base: Path, work: Path, laptops: int) -> Path:
    """The shared folder with one full bundle from each of `laptops` laptops, each with its own change."""
    from fieldgroup.core import open_store
    from fieldgroup.sync.exporter import export_bundle
    from fieldgroup.sync.folder import mailbox_for

    folder = work / "shared"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for n in range(laptops):
        path = laptop_copy(base, work / "laptop.fgstore")
        with open_store(path) as store:  # each laptop changed something the others have not seen
            group = store.groups.list()[0]
            store.groups.update(group.id, region=f"Region of laptop {n}")
            meeting = store.meetings.list()[n % max(1, store.meetings.count())]
            store.meetings.update(meeting.id, place=f"Hall {n}")
            mailbox = mailbox_for(store, folder)
            mailbox.mkdir(parents=True, exist_ok=True)
            export_bundle(store, mailbox / f"{store.device_id}.fgbundle")
        print(f"  laptop {n + 1}/{laptops} wrote its bundle", flush=True)
    return folder


def time_sync(base: Path, work: Path, folder: Path) -> dict[str, float]:
    from fieldgroup.core import open_store
    from fieldgroup.sync.folder import sync_folder

    path = laptop_copy(base, work / "syncing.fgstore")
    shutil.rmtree(work / "backups", ignore_errors=True)
    with open_store(path) as store:
        start = time.perf_counter()
        first = sync_folder(store, folder)
        middle = time.perf_counter()
        second = sync_folder(store, folder)
        end = time.perf_counter()
    assert len(first.imported) + len(first.up_to_date) >= 1 and not first.refused, first.as_dict()
    assert not second.imported, "a second sync found something new"
    return {"everything_new_s": round(middle - start, 2), "nothing_new_s": round(end - middle, 3),
            "imported": len(first.imported), "skipped_second_time": len(second.up_to_date)}


CHILD = """
import sys, time
from pathlib import Path
from fieldgroup.core import create_store
from fieldgroup.sync.importer import import_bundle
store = create_store(Path(sys.argv[2]))
start = time.perf_counter()
report = import_bundle(store, Path(sys.argv[1]))
seconds = time.perf_counter() - start
store.close()
peak = 0
for line in open('/proc/self/status'):
    if line.startswith('VmHWM:'):
        peak = int(line.split()[1])
print('RESULT', peak, round(seconds, 2), report.counts.new)
"""


def stress_import_memory(work: Path, size: str) -> dict[str, float]:
    from fieldgroup.core import open_store
    from fieldgroup.sync.exporter import export_bundle

    source = cached_store(size)
    bundle = work / f"{size}.fgbundle"
    with open_store(source) as store:
        export_bundle(store, bundle)
    target = work / "stress-import.fgstore"
    for old in work.glob("stress-import.fgstore*"):
        old.unlink()
    shutil.rmtree(work / "backups", ignore_errors=True)
    out = subprocess.run([sys.executable, "-c", CHILD, str(bundle), str(target)], capture_output=True, text=True,
                         check=True, timeout=1800)
    _tag, peak_kib, seconds, rows = next(line for line in out.stdout.splitlines() if line.startswith("RESULT")).split()
    return {"stress_import_peak_mb": round(int(peak_kib) / 1024, 1), "stress_import_s": float(seconds),
            "stress_rows": int(rows), "stress_bundle_mb": round(bundle.stat().st_size / 2**20, 1)}


def demo_store(size: str, work: Path) -> Path:
    """The demo store of that size (cached in bench/cache/ like the others)."""
    if size in ("stress", "small"):
        return cached_store(size)
    from fieldgroup.core.demo import generate_demo

    path = CACHE / f"{size}-folder-sync.fgstore"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        generate_demo(path, size=size, seed=1)
        from fieldgroup.core import open_store

        open_store(path).close()
    return path


def figures(*, smoke: bool, laptops: int = 50, size: str = "realistic", memory: bool = True) -> dict:
    """The folder-sync figures (also part of `make bench`; `--smoke` for the harness check)."""
    laptops, size = (3, "small") if smoke else (laptops, size)
    work = CACHE / "work-folder-sync"
    work.mkdir(parents=True, exist_ok=True)
    base = demo_store(size, work)
    print(f"Making {laptops} laptops' bundles from {base.name}…", flush=True)
    folder = make_folder(base, work, laptops)
    result: dict = {"laptops": laptops, "size": size}
    result |= time_sync(base, work, folder)
    if memory:
        result |= stress_import_memory(work, "small" if smoke else "stress")
    result["targets"] = TARGETS
    result["met"] = {k: result[k] <= v for k, v in TARGETS.items() if k in result}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--size", default="realistic")
    parser.add_argument("--smoke", action="store_true", help="3 laptops on the small store: checks the harness")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    result = figures(smoke=args.smoke, laptops=args.laptops, size=args.size, memory=not args.skip_memory)
    print(json.dumps(result, indent=2))
    (CACHE / ("folder-sync-smoke.json" if args.smoke else "folder-sync.json")).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
