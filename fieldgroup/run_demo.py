"""`make run`: open the app on a demo store in the user data folder, creating it on first run."""

from __future__ import annotations

import sys

from fieldgroup.cli import main
from fieldgroup.paths import data_dir

DEMO_STORE = data_dir() / "demo.fgstore"

if __name__ == "__main__":
    if not DEMO_STORE.exists():
        DEMO_STORE.parent.mkdir(parents=True, exist_ok=True)
        code = main(["demo", "--store", str(DEMO_STORE), "--size", "realistic"])
        if code:
            sys.exit(code)
    sys.exit(main(["--store", str(DEMO_STORE)]))
