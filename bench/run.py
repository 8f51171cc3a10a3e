"""`make bench` / `make bench-smoke`: every DESIGN §9 comparison side by side, medians, table, results.json.

    python -m bench.run [--smoke] [--rounds N] [--out bench/results.json]

Each round runs every comparison once per side, alternating which side goes first, so a busy
neighbour on a shared machine slows both sides alike; the table shows medians over the rounds."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stores import CACHE, ROOT, cached_store
from bench.table import FIGURES, machine, render, summarise

PY = sys.executable


def child_env(home: Path) -> dict[str, str]:
    """Offscreen Qt and a throw-away home, so no saved window state or language changes the run."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode (see compile_sources)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("LANGUAGE", None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    return env


def spawn_window(module: str, *args: str) -> dict[str, float]:
    """Whole process: wall seconds from spawn to the child's FIRST_PAINT, and its peak RSS in MiB."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=CACHE))  # every run starts like the first one
    start = time.time()
    try:
        done = subprocess.run([PY, "-m", module, *args], cwd=ROOT, env=child_env(home), capture_output=True,
                              text=True, timeout=600)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    marks = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if done.returncode != 0 or "FIRST_PAINT" not in marks:
        raise RuntimeError(f"{module} failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    return {"start_s": float(marks["FIRST_PAINT"]) - start, "ready_s": float(marks["READY"]) - start,
            "peak_mib": int(marks["PEAK_RSS_KIB"]) / 1024}


def tracker(store: Path, rounds: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=CACHE))
    try:
        done = subprocess.run([PY, "-m", "bench.tracker_child", str(store), str(rounds)], cwd=ROOT,
                              env=child_env(home), capture_output=True, text=True, timeout=1200)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(f"tracker child failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def stalls(store: Path) -> dict:
    """bench/stalls.py in a child of its own (it builds the whole main window and writes to a copy)."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=CACHE))
    out = home / "stalls.json"
    try:
        done = subprocess.run([PY, "-m", "bench.stalls", str(store), "--out", str(out)], cwd=ROOT, env=child_env(home),
                              capture_output=True, text=True, timeout=1200)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"stalls child failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def alternate(round_no: int, ours, baseline) -> tuple[dict, dict]:
    if round_no % 2:
        base = baseline()
        return ours(), base
    mine = ours()
    return mine, baseline()


def compile_sources() -> None:
    """Bytecode for every module, as an installed app has it (pip and the installer compile it).
    Without this, a shell with PYTHONDONTWRITEBYTECODE=1 makes every start compile FieldGroup's
    sources again: measured 20–25 ms for `fieldgroup.core` alone, paid by ours and not the baseline."""
    import compileall

    for folder in (ROOT / "fieldgroup", ROOT / "bench"):
        compileall.compile_dir(folder, quiet=1, force=False)


def run(size: str, rounds: int) -> dict:
    from bench.bundles import ImportBench
    from bench.reports import ReportBench

    started = time.time()
    compile_sources()
    store = cached_store(size)
    from fieldgroup.core import open_store

    # Opened once untimed: the weekly integrity check and any lock left by an interrupted run are
    # dealt with here, so every timed start is an everyday start.
    open_store(store).close()
    work = CACHE / f"work-{size}"
    print(f"Store {store.name}; preparing (bundle export, baseline rows, report warm-up)…", flush=True)
    imports = ImportBench(store, work)
    reports = ReportBench(store, work)  # on its own copy: the store lock allows one writer per file
    runs: dict[str, dict[str, list[dict]]] = {k: {"ours": [], "baseline": []}
                                              for k in ("window", "import", "meeting", "indicators")}
    for n in range(rounds):
        pairs = {
            "window": (lambda: spawn_window("bench.app_window", str(store)), lambda: spawn_window("bench.bare_window")),
            "import": (imports.ours, imports.baseline),
            "meeting": (lambda: reports.ours("meeting"), lambda: reports.baseline("meeting")),
            "indicators": (lambda: reports.ours("indicators"), lambda: reports.baseline("indicators")),
        }
        for key, (ours, baseline) in pairs.items():
            mine, base = alternate(n, ours, baseline)
            runs[key]["ours"].append(mine)
            runs[key]["baseline"].append(base)
        print(f"  round {n + 1}/{rounds} done", flush=True)
    reports.close()
    typing = tracker(store, rounds)
    stall_figures = stalls(store)
    from bench import folder_sync

    sync_figures = folder_sync.figures(smoke=size == "small")
    return {"size": size, "store": store.name, "rounds": rounds, "rows_imported": imports.row_count,
            "handout_meeting": reports.meeting.title, "me_group": reports.me_group.name, "runs": runs, "tracker": typing,
            "figures": summarise(runs, typing, stall_figures), "stalls": stall_figures, "folder_sync": sync_figures, "machine": machine(), "seconds": round(time.time() - started, 1),
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny store, two rounds: checks the harness, not speed")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    size = "small" if args.smoke else "stress"
    rounds = args.rounds or (2 if args.smoke else 7)
    result = run(size, rounds)
    out = args.out or (CACHE / "smoke-results.json" if args.smoke else Path(__file__).with_name("results.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(render(result))
    print("Folder sync (issue 20): " + json.dumps({k: v for k, v in result["folder_sync"].items() if k != "targets"}))
    print(f"\nWrote {out} ({result['seconds']} s, {platform.node()})")
    missing = [f for f in FIGURES if f not in result["figures"]]
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
