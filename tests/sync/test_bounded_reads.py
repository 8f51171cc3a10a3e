"""Bundles that would take unbounded memory or time are refused structurally: under an address-space limit."""

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import zlib
from dataclasses import asdict

import pytest

from fieldgroup.sync import bundle
from fieldgroup.sync.exporter import export_bundle
from tests.sync.conftest import seed_group

LIMIT = 1 << 30  # 1 GiB of address space for the whole importing process
RUNNER = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from fieldgroup.core import FieldGroupError, open_store
    from fieldgroup.sync.importer import import_bundle
    with open_store(sys.argv[1]) as store:
        for path in sys.argv[2:]:
            try:
                report = import_bundle(store, path)
                print("imported", report.counts.new)
            except FieldGroupError as exc:
                print("refused", str(exc))
""")


def bomb(expanded_mib: int) -> bytes:
    """A zlib stream of `expanded_mib` MiB of spaces made of one repeated block (cheap to build)."""
    z = zlib.compressobj(9)
    first = z.compress(b" " * (1 << 20)) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(b" " * (1 << 20)) + z.flush(zlib.Z_FULL_FLUSH)
    return first + block * (expanded_mib - 1) + z.flush()


def raw_bundle(manifest: bundle.Manifest, compressed: bytes) -> bytes:
    manifest.payload_sha256 = hashlib.sha256(compressed).hexdigest()
    manifest.payload_bytes = len(compressed)
    head = json.dumps(asdict(manifest), sort_keys=True).encode()
    body = bundle.MAGIC + len(head).to_bytes(4, "big") + head + compressed
    return body + hashlib.sha256(body).digest()


def run_limited(store_path, *files):
    result = subprocess.run([sys.executable, "-c", RUNNER.format(limit=LIMIT), str(store_path), *map(str, files)],
                            capture_output=True, text=True, timeout=120)  # a guard against a hang, not a measure
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def honest(laptops, fast_dir):
    accra, tarkwa, _ = laptops
    seed_group(accra.store)
    path = fast_dir / "honest.fgbundle"
    export_bundle(accra.store, path)
    tarkwa.store.close()
    return path, tarkwa.store.path


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits, FIFOs and /dev/zero are POSIX")
def test_zip_bombs_files_too_large_dev_zero_and_a_fifo_are_refused_within_the_limit(honest, fast_dir):
    path, store_path = honest
    manifest, _ = bundle.read_manifest(path.read_bytes())
    claims_small = fast_dir / "claims-small.fgbundle"  # says 5 kB, unpacks to 2 GiB
    claims_small.write_bytes(raw_bundle(manifest, bomb(2048)))
    manifest.payload_plain_bytes = 0  # a bundle that claims nothing is held to the hard ceiling
    claims_nothing = fast_dir / "claims-nothing.fgbundle"
    claims_nothing.write_bytes(raw_bundle(manifest, bomb(2048)))
    manifest.payload_plain_bytes = 3 << 30
    claims_huge = fast_dir / "claims-huge.fgbundle"
    claims_huge.write_bytes(raw_bundle(manifest, bomb(4)))
    sparse = fast_dir / "sparse.fgbundle"
    with open(sparse, "wb") as handle:
        handle.write(bundle.MAGIC)
        handle.truncate(2 << 30)  # 2 GiB that take no room on disk
    junk = fast_dir / "junk.fgbundle"  # 200 MB that is not a bundle: refused from its first bytes
    with open(junk, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(200 << 20)
    fifo = fast_dir / "pipe.fgbundle"
    os.mkfifo(fifo)
    lines = run_limited(store_path, claims_small, claims_nothing, claims_huge, sparse, "/dev/zero", fifo, fast_dir,
                        junk, path)
    assert [line.split(" ")[0] for line in lines] == ["refused"] * 8 + ["imported"], lines
    assert all("far more data" in line for line in lines[:3])
    assert "far larger" in lines[3] and "not an ordinary file" in lines[4] and "not an ordinary file" in lines[5]
    assert "folder" in lines[6] and "not a FieldGroup bundle" in lines[7]
