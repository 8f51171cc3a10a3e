"""`python -m bench.encrypted`: the encrypted store beside the plain one (start-up, full import, tracker typing, handout).

Issue 12's target: encrypted ≤ 1.3× plain on each. Both sides run the same FieldGroup code on the same
stress store; the encrypted one is that store encrypted in place (SQLCipher 4 defaults, the real KDF —
not the test suite's cheap one), opened with the passphrase from a file as a script would. The import
side also pays for decrypting the age bundle (scrypt 2^16), which is part of what encryption costs."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench.run import alternate, compile_sources, spawn_window, tracker
from bench.stores import CACHE, cached_store
from bench.table import percentile

PASSPHRASE = "bench-lantern-river-maple-stone"  # the bench store's data is invented


def encrypted_copy(plain: Path) -> tuple[Path, Path]:
    """The cached encrypted twin of `plain` and the passphrase file that opens it."""
    from fieldgroup.core import encrypt_store, keys

    secret = CACHE / "bench-passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    target = CACHE / f"encrypted-{plain.name}"
    if not target.exists():
        for old in CACHE.glob("encrypted-*"):
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
        building = CACHE / "building-encrypted.fgstore"
        shutil.copyfile(plain, building)
        encrypt_store(building, keys.Passphrase(PASSPHRASE))
        shutil.move(building, target)
        shutil.rmtree(CACHE / "backups", ignore_errors=True)  # the encryption's own safety copy
    return target, secret


class Import:
    """A full bundle of `source` imported into an empty store of the same kind (plain or encrypted)."""

    def __init__(self, source: Path, work: Path, passphrase):  # noqa: ANN001 — keys.Passphrase | None
        from fieldgroup.core import create_store, open_store
        from fieldgroup.sync.exporter import export_bundle

        self.work, self.passphrase = work, passphrase
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        self.bundle = work / "full.fgbundle"
        with open_store(source, passphrase=passphrase) as store:
            export_bundle(store, self.bundle, passphrase)
        self.template = work / "empty.fgstore"
        create_store(self.template, passphrase=passphrase).close()

    def run(self) -> dict[str, float]:
        from fieldgroup.core import open_store
        from fieldgroup.sync.importer import import_bundle

        target = self.work / "target.fgstore"
        for old in self.work.glob("target.fgstore*"):
            old.unlink()
        shutil.rmtree(self.work / "backups", ignore_errors=True)
        shutil.copyfile(self.template, target)
        start = time.perf_counter()
        with open_store(target, passphrase=self.passphrase) as store:
            import_bundle(store, self.bundle, self.passphrase)
        return {"seconds": time.perf_counter() - start}


def run(size: str, rounds: int) -> dict:
    from bench.reports import ReportBench
    from fieldgroup.core import keys, open_store

    compile_sources()
    plain = cached_store(size)
    open_store(plain).close()
    encrypted, secret = encrypted_copy(plain)
    passphrase = keys.Passphrase(PASSPHRASE)
    open_store(encrypted, passphrase=passphrase).close()  # the weekly check and any stale lock, untimed
    work = CACHE / f"enc-work-{size}"
    imports = {"plain": Import(plain, work / "plain", None), "encrypted": Import(encrypted, work / "enc", passphrase)}
    reports = {"plain": ReportBench(plain, work / "plain-reports"),
               "encrypted": ReportBench(encrypted, work / "enc-reports")}

    def window(path: Path, env_secret: bool) -> dict:
        if env_secret:
            os.environ["FIELDGROUP_PASSPHRASE_FILE"] = str(secret)
        try:
            return spawn_window("bench.app_window", str(path))
        finally:
            os.environ.pop("FIELDGROUP_PASSPHRASE_FILE", None)

    runs: dict[str, dict[str, list[float]]] = {k: {"plain": [], "encrypted": []} for k in ("start", "import", "handout")}
    for n in range(rounds):
        pairs = {
            "start": (lambda: window(encrypted, True)["start_s"], lambda: window(plain, False)["start_s"]),
            "import": (lambda: imports["encrypted"].run()["seconds"], lambda: imports["plain"].run()["seconds"]),
            "handout": (lambda: reports["encrypted"].ours("meeting")["seconds"],
                        lambda: reports["plain"].ours("meeting")["seconds"]),
        }
        for key, (enc, pln) in pairs.items():
            mine, base = alternate(n, enc, pln)
            runs[key]["encrypted"].append(mine)
            runs[key]["plain"].append(base)
        print(f"  round {n + 1}/{rounds} done", flush=True)
    for bench in reports.values():
        bench.close()
    # Typing works on rows in memory, so both sides do the same work; what differs between two runs is
    # the machine's load. Run plain, encrypted, encrypted, plain (ABBA) and pool the keystrokes, so a
    # neighbour's burst lands on both sides alike (one run after the other measured 1.39x on pure noise).
    typing: dict[str, dict] = {"plain": {"samples_ms": []}, "encrypted": {"samples_ms": []}}
    for side in ("plain", "encrypted", "encrypted", "plain"):
        if side == "encrypted":
            os.environ["FIELDGROUP_PASSPHRASE_FILE"] = str(secret)
        try:
            typing[side]["samples_ms"] += tracker(encrypted if side == "encrypted" else plain, rounds)["samples_ms"]
        finally:
            os.environ.pop("FIELDGROUP_PASSPHRASE_FILE", None)
    figures = {key: {side: statistics.median(values) for side, values in sides.items()} for key, sides in runs.items()}
    for key, share in (("typing_p50", 0.5), ("typing_p95", 0.95)):
        figures[key] = {side: percentile(typing[side]["samples_ms"], share) / 1000 for side in typing}
    for figure in figures.values():
        figure["ratio"] = figure["encrypted"] / figure["plain"]
        figure["pass"] = figure["ratio"] <= 1.3
    return {"size": size, "rounds": rounds, "figures": figures, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


LABELS = {"start": "Start to interactive main window", "import": "Full-bundle import into an empty store",
          "typing_p50": "Tracker filter, per keystroke, p50", "typing_p95": "Tracker filter, per keystroke, p95",
          "handout": "Meeting handout PDF"}


def render(result: dict) -> str:
    lines = ["| figure | plain | encrypted | ratio | target | result |", "| --- | --- | --- | --- | --- | --- |"]
    for key, label in LABELS.items():
        f = result["figures"][key]
        lines.append(f"| {label} | {f['plain'] * 1000:.1f} ms | {f['encrypted'] * 1000:.1f} ms | {f['ratio']:.2f}× | "
                     f"≤ 1.3× | {'pass' if f['pass'] else 'FAIL'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny store: checks the harness, not speed")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = run("small" if args.smoke else "stress", args.rounds or (2 if args.smoke else 5))
    out = args.out or CACHE / ("enc-smoke-results.json" if args.smoke else "encrypted-results.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(render(result))
    print(f"\nWrote {out}")
    sys.exit(0)


if __name__ == "__main__":
    main()
