"""`make run`: open the app on an encrypted demo store in the user data folder, creating it on first run.

The demo's data is invented, so its passphrase is no secret: it is printed in the terminal and given
to the app in memory, so the app opens without a prompt (and shows how an encrypted store works)."""

from __future__ import annotations

import sys

from fieldgroup.cli import main
from fieldgroup.core import keys
from fieldgroup.paths import data_dir
from fieldgroup.private_files import private_dir

DEMO_STORE = data_dir() / "demo.fgstore"
DEMO_PASSPHRASE = "demo-mango-river-lamp-stone"


def prepare_demo() -> None:
    """Create the encrypted demo store (or encrypt one made by an older version) and unlock it for this run."""
    passphrase = keys.Passphrase(DEMO_PASSPHRASE)
    keys.unlock(passphrase)
    if not DEMO_STORE.exists():
        from fieldgroup.core.demo import generate_demo

        private_dir(DEMO_STORE.parent)
        counts = generate_demo(DEMO_STORE, size="realistic", passphrase=passphrase)
        print(f"Created {DEMO_STORE}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    else:
        from fieldgroup.core import encrypt_store, is_encrypted_store

        if not is_encrypted_store(DEMO_STORE):
            encrypt_store(DEMO_STORE, passphrase)
    print(f"Demo store {DEMO_STORE} is encrypted with the demo passphrase: {DEMO_PASSPHRASE}")
    print("(The demo's people are invented, so its passphrase is no secret; a real group's passphrase never is shown.)")


if __name__ == "__main__":
    prepare_demo()
    sys.exit(main(["--store", str(DEMO_STORE)]))
