"""Folder sync through real Syncthing: two instances on loopback share one folder between two laptops.

Skipped when Debian's `syncthing` is not installed (.ci/run installs it). Discovery, relays, NAT,
STUN, usage reporting and upgrades are off; every wait has a deadline and teardown kills both."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from fieldgroup.sync.folder import MAILBOX, sync_folder
from tests.sync.conftest import seed_group

SYNCTHING = shutil.which("syncthing")
pytestmark = pytest.mark.skipif(SYNCTHING is None, reason="syncthing is not installed (apt-get install syncthing)")
FOLDER_ID = "fieldgroup"
WAIT_S = 45  # per transfer; a hang fails the test instead of stalling the suite

CONFIG = """<configuration version="36">
  <folder id="{folder_id}" label="FieldGroup" path="{path}" type="sendreceive" rescanIntervalS="3600"
          fsWatcherEnabled="false" ignorePerms="true">
    <device id="{me}"></device>
    <device id="{other}"></device>
    <minDiskFree unit="%">0</minDiskFree>
  </folder>
  <device id="{me}" name="{name}" compression="metadata"><address>dynamic</address></device>
  <device id="{other}" name="{other_name}" compression="metadata"><address>tcp://127.0.0.1:{other_port}</address></device>
  <gui enabled="true" tls="false"><address>127.0.0.1:{gui_port}</address><apikey>{key}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <stunKeepaliveStartS>0</stunKeepaliveStartS>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Instance:
    """One Syncthing with its generated keys (a fixed device id) and the shared folder of one laptop."""

    def __init__(self, root: Path, name: str):
        self.name, self.home, self.folder = name, root / f"st-{name}", root / f"folder-{name}"
        self.folder.mkdir(parents=True)
        (self.folder / ".stfolder").mkdir()
        out = subprocess.run([SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder",
                              "--skip-port-probing"], capture_output=True, text=True, timeout=60, check=True)
        self.device = next(line.split()[-1] for line in (out.stdout + out.stderr).splitlines() if "Device ID:" in line)
        self.port, self.gui_port, self.key = free_port(), free_port(), f"fieldgroup-test-{name}"
        self.process: subprocess.Popen | None = None

    def configure(self, other: Instance) -> None:
        (self.home / "config.xml").write_text(CONFIG.format(
            folder_id=FOLDER_ID, path=self.folder, me=self.device, other=other.device, name=self.name,
            other_name=other.name, other_port=other.port, gui_port=self.gui_port, key=self.key, port=self.port))

    def start(self) -> None:
        env = os.environ | {"STNOUPGRADE": "1", "STNORESTART": "1", "STNODEFAULTFOLDER": "1", "HOME": str(self.home)}
        self.process = subprocess.Popen([SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart",
                                         "--no-upgrade", f"--logfile={self.home / 'log.txt'}"],
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def rest(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}", method=method,
                                         headers={"X-API-Key": self.key})
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback only)
            body = response.read()
        return json.loads(body) if body.strip() else None

    def wait_up(self) -> None:
        until(lambda: self._ping(), f"syncthing {self.name} did not start")

    def _ping(self) -> bool:
        try:
            return self.rest("/rest/system/ping") == {"ping": "pong"}
        except OSError:
            return False

    def scan(self) -> None:
        self.rest(f"/rest/db/scan?folder={FOLDER_ID}", method="POST")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def until(condition, message: str, seconds: float = WAIT_S) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)  # polling another process, not timing our code
    raise AssertionError(message)


def sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@pytest.fixture
def syncthing_pair(tmp_path):
    a, b = Instance(tmp_path, "accra"), Instance(tmp_path, "tarkwa")
    a.configure(b)
    b.configure(a)
    try:
        a.start()
        b.start()
        a.wait_up()
        b.wait_up()
        until(lambda: a.rest("/rest/system/connections")["connections"].get(b.device, {}).get("connected"),
              "the two syncthing instances did not connect")
        yield a, b
    finally:
        a.stop()
        b.stop()


def publish(store, instance: Instance, other: Instance) -> None:
    """Sync this laptop with its folder, then wait until Syncthing has carried its bundle across."""
    result = sync_folder(store, instance.folder)
    mine = result.exported.path
    theirs = other.folder / mine.relative_to(instance.folder)
    instance.scan()
    until(lambda: sha(theirs) == sha(mine), f"{mine.name} did not reach {other.name}")


def test_two_laptops_sync_through_syncthing_while_its_own_files_come_and_go(laptops, syncthing_pair):
    accra, tarkwa, _ = laptops
    a, b = syncthing_pair
    seed_group(accra.store)
    publish(accra.store, a, b)
    publish(tarkwa.store, b, a)  # tarkwa joins from the bundle Syncthing brought
    assert tarkwa.store.digest() == accra.store.digest()
    # Both work at the same time; Syncthing's temporary and conflict files appear beside the bundles.
    group = accra.store.groups.list()[0]
    accra.store.groups.update(group.id, region="Western")
    tarkwa.store.people.create(organisation_id=tarkwa.store.organisations.list()[0].id, name="Esi Arthur")
    mailbox = a.folder / MAILBOX / group.id
    conflict = mailbox / f"{accra.store.device_id}.sync-conflict-20250615-120000-ABCDEFG.fgbundle"
    conflict.write_bytes(b"an older copy Syncthing kept")
    (mailbox / f".syncthing.{tarkwa.store.device_id}.fgbundle.tmp").write_bytes(b"half a bundle")
    publish(accra.store, a, b)
    until(lambda: (b.folder / conflict.relative_to(a.folder)).exists(), "the conflict copy did not travel")
    publish(tarkwa.store, b, a)
    conflict.unlink()  # the user tidies up: the copy goes again
    publish(accra.store, a, b)
    result = sync_folder(tarkwa.store, b.folder)
    assert not result.refused and not result.not_ready
    assert accra.store.digest() == tarkwa.store.digest()
    assert {p.name for p in tarkwa.store.people.list()} >= {"Esi Arthur"}
    assert tarkwa.store.groups.get(group.id).region == "Western"
