"""The benchmark harness still runs end to end (on a tiny store) and reports every DESIGN §9 figure.

No timing is asserted: the speed figures come from `make bench` on the stress store."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.table import FIGURES  # noqa: E402


def test_smoke_run_reports_every_figure(tmp_path):
    out = tmp_path / "results.json"
    env = dict(os.environ, BENCH_CACHE=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "bench.run", "--smoke", "--rounds", "1", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["figures"]) == set(FIGURES)
    for key, figure in result["figures"].items():
        # A re-import of nothing new and a stall on a tiny store may round to zero.
        assert figure["ours"] > 0 or (key in ("reimport", "stall_max", "stall_p95") and figure["ours"] == 0), key
        assert figure["pass"] in (True, False)
    typed = result["figures"]["filter_p95"]["typed"].split(" / ")
    assert result["figures"]["filter_p95"]["samples"] == 2 * sum(len(query) for query in typed)  # typed, erased
    assert result["figures"]["filter_p95"]["rows"] == 40 + 1  # the small store's action items, all of them (+ the thematic group's)
    for label, *_rest in FIGURES.values():
        assert f"| {label} |" in done.stdout
    assert "| mark 100 done |" in done.stdout  # every stall scenario has its own line
