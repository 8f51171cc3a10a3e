"""Turns the raw runs into the §9 figures (medians, ratios, pass/fail) and prints them as a Markdown table."""

from __future__ import annotations

import os
import platform
import statistics

# key: (label, unit, target, kind) — kind "ratio": ours/baseline <= target; "ms": ours <= target ms.
FIGURES = {
    "start": ("Start to interactive main window vs bare PySide6 window with a table view", "s", 2.5, "ratio"),
    "import": ("Full-bundle import into an empty store vs plain executemany, one transaction", "s", 3.0, "ratio"),
    "reimport": ("Importing the same bundle again vs the first import", "s", 0.1, "ratio"),
    "handout": ("Meeting handout PDF vs plain reportlab script", "s", 1.5, "ratio"),
    "me_report": ("M&E report PDF vs plain reportlab script", "s", 1.5, "ratio"),
    "filter_p50": ("Tracker filter, per keystroke, p50", "ms", 50.0, "ms"),
    "filter_p95": ("Tracker filter, per keystroke, p95", "ms", 50.0, "ms"),
    "memory": ("Peak memory with the store open vs bare PySide6 window", "MiB", 3.0, "ratio"),
    "stall_max": ("GUI-thread stall, worst max over the scenarios (bench/stalls.py)", "ms", 100.0, "ms"),
    "stall_p95": ("GUI-thread stall, worst p95 over the scenarios", "ms", 30.0, "ms"),
}


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _spread(runs: list[dict], key: str) -> list[float]:
    values = [r[key] for r in runs]
    return [min(values), max(values)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summarise(runs: dict, typing: dict, stalls: dict | None = None) -> dict:
    w, i = runs["window"], runs["import"]
    pairs = {  # figure: (ours runs, ours key, baseline runs, baseline key)
        "start": (w["ours"], "start_s", w["baseline"], "start_s"),
        "import": (i["ours"], "import_s", i["baseline"], "import_s"),
        "reimport": (i["ours"], "reimport_s", i["ours"], "import_s"),
        "handout": (runs["meeting"]["ours"], "seconds", runs["meeting"]["baseline"], "seconds"),
        "me_report": (runs["indicators"]["ours"], "seconds", runs["indicators"]["baseline"], "seconds"),
        "memory": (w["ours"], "peak_mib", w["baseline"], "peak_mib"),
    }
    figures = {}
    for key, (mine, mine_key, base, base_key) in pairs.items():
        ours, baseline = _median(mine, mine_key), _median(base, base_key)
        ratio = ours / baseline if baseline else float("inf")
        figures[key] = {"ours": ours, "baseline": baseline, "ratio": ratio, "target": FIGURES[key][2],
                        "pass": ratio <= FIGURES[key][2], "ours_range": _spread(mine, mine_key),
                        "baseline_range": _spread(base, base_key)}
    samples = typing["samples_ms"]
    for key, share in (("filter_p50", 0.5), ("filter_p95", 0.95)):
        value = percentile(samples, share)
        figures[key] = {"ours": value, "baseline": None, "ratio": None, "target": 50.0, "pass": value <= 50.0,
                        "samples": len(samples), "rows": typing["rows"], "typed": typing["typed"]}
    figures["start"]["ready_s"] = _median(w["ours"], "ready_s")
    if stalls:
        scenarios = stalls["scenarios"]
        for key, field in (("stall_max", "max_ms"), ("stall_p95", "p95_ms")):
            worst = max(scenarios, key=lambda name: scenarios[name][field])
            value, target = scenarios[worst][field], FIGURES[key][2]
            figures[key] = {"ours": value, "baseline": None, "ratio": None, "target": target, "pass": value <= target,
                            "worst": worst, "over": sorted(n for n, r in scenarios.items() if r[field] > target)}
    return figures


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.1f} ms"


def render(result: dict) -> str:
    lines = ["| figure | ours | baseline | ratio | target | result |", "| --- | --- | --- | --- | --- | --- |"]
    for key, (label, unit, target, kind) in FIGURES.items():
        f = result["figures"].get(key)
        if f is None:
            lines.append(f"| {label} | — | — | — | — | MISSING |")
            continue
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] is not None else "—"
        goal = f"≤ {target:g}×" if kind == "ratio" else f"≤ {target:g} ms"
        base = _number(f["baseline"], unit) if kind == "ratio" else "human perception"
        lines.append(f"| {label} | {_number(f['ours'], unit)} | {base} | {ratio} | {goal} | "
                     f"{'pass' if f['pass'] else 'FAIL'} |")
    stalls = (result.get("stalls") or {}).get("scenarios")
    if stalls:
        lines += ["", "| GUI-thread stall scenario | max | p95 | target max ≤ 100 ms, p95 ≤ 30 ms |", "| --- | --- | --- | --- |"]
        lines += [f"| {name} | {r['max_ms']:.0f} ms | {r['p95_ms']:.0f} ms | {'pass' if r['pass'] else 'FAIL'} |"
                  for name, r in stalls.items()]
    m = result["machine"]
    lines.append("")
    lines.append(f"Medians of {result['rounds']} alternating rounds on the {result['size']} store ({result['when']}); "
                 f"tracker: {result['figures']['filter_p95']['samples']} keystrokes typing and erasing "
                 f"“{result['figures']['filter_p95']['typed']}” over {result['figures']['filter_p95']['rows']:,} items.")
    lines.append(f"Machine: {m['cpu']}, {m['nproc']} cores, {m['ram_gib']} GiB RAM, load {m['load']}; "
                 f"Python {m['python']}, PySide6 {m['pyside6']} (Qt {m['qt']}), reportlab {m['reportlab']}, "
                 f"SQLite {m['sqlite']}.")
    noisy = [f"{key} ours {_range(f['ours_range'])}, baseline {_range(f['baseline_range'])}"
             for key, f in result["figures"].items() if "ours_range" in f and FIGURES[key][1] == "s"]
    lines.append("Spread (min–max over the rounds): " + "; ".join(noisy) + ".")
    return "\n".join(lines)


def _range(pair: list[float]) -> str:
    return f"{pair[0] * 1000:.0f}–{pair[1] * 1000:.0f} ms"


def machine() -> dict:
    import sqlite3

    import reportlab

    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    ram = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), 0)
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        pyside, qt = PySide6.__version__, qVersion()
    except ImportError:
        pyside = qt = "missing"
    return {"cpu": cpu, "nproc": os.cpu_count(), "ram_gib": round(ram / 1024 / 1024), "python": platform.python_version(),
            "pyside6": pyside, "qt": qt, "reportlab": reportlab.Version, "sqlite": sqlite3.sqlite_version,
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()), "system": platform.platform()}


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return ""
