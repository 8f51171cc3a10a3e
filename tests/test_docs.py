"""docs/api.md's example runs as written and prints what the comments promise."""

import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"


def test_api_example_runs_as_written():
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "balanced 1.00"
    assert lines[1] == "['Share the incident protocol']"
    assert lines[2].startswith("due_date - The due date cannot be before the meeting")
    assert lines[3] == "2025-Q1 9.0 10.0 on_track"
