"""What a device remembers about sync: its version vector, its name, and which group its store is."""

from __future__ import annotations

import platform
import socket
from datetime import UTC, datetime
from typing import Any

from fieldgroup.core import Store
from fieldgroup.core.hlc import stamp_ms


def seen_vector(store: Store) -> dict[str, str]:
    """Device id -> newest stamp of that device this store holds everything up to."""
    return store.sync.seen_vector()


def save_seen_vector(store: Store, vector: dict[str, str]) -> None:
    store.sync.save_seen_vector(vector)


# Stamps further ahead of this laptop's clock than this are never observed (DESIGN §5, clocks).
FUTURE_TOLERANCE_MS = 24 * 3600 * 1000
# A laptop name longer than this in a manifest is cut: names are for people, not for filling disks.
MAX_NAME = 80


def received_vector(seen_before: dict[str, str], vector: dict[str, str], base: dict[str, str] | None,
                    present: set[str], sender: str) -> dict[str, str]:
    """The seen vector after a bundle: advanced per device only as far as the bundle really covered.

    A for-device bundle (`base` is the vector it was made against) covers a device only when this
    laptop already had everything up to `base` from it; a device whose stamps the payload does not
    hold (other than the sender) is not taken on trust, so a crafted vector cannot grow ours."""
    result = dict(seen_before)
    for device, stamp in vector.items():
        if device not in present and device != sender:
            continue
        if base is not None and seen_before.get(device, "") < base.get(device, ""):
            continue  # the bundle assumed something from this device that we do not have
        if stamp > result.get(device, ""):
            result[device] = stamp
    return result


def observe_received(store: Store, vector: dict[str, str]) -> None:
    """Move this laptop's clock past what it received, but never towards a clock that was ahead."""
    limit = store.sync.wall_ms() + FUTURE_TOLERANCE_MS
    for stamp in vector.values():
        if stamp_ms(stamp) <= limit:
            store.sync.observe(stamp)


def covers(have: dict[str, str], other: dict[str, str]) -> bool:
    """True when `have` already includes everything `other` describes."""
    return all(have.get(device, "") >= stamp for device, stamp in other.items())


def device_name(store: Store) -> str:
    """A name people recognise for this laptop, shown to colleagues in conflict reviews."""
    return store.local_setting("device_name") or socket.gethostname() or platform.node() or store.device_id


def sync_group(store: Store) -> tuple[str | None, str | None]:
    """(id, name) of the working group this store syncs: the first top-level group created in it."""
    groups = store.sync.top_level_groups()
    if not groups:
        return None, None
    chosen = store.local_setting("sync_group")
    for group_id, name, _created in groups:
        if group_id == chosen:
            return group_id, name
    group_id, name, _created = min(groups, key=lambda g: (g[2], g[0]))
    return group_id, name


def remember_peer(store: Store, manifest: Any, seen: dict[str, str]) -> None:
    """Save what the sender says it has (only for devices this laptop knows), for bundles made for it."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    name = (manifest.sender_name or "")[:MAX_NAME] or None
    vector = {d: s for d, s in manifest.vector.items() if d in seen or d == manifest.sender_device}
    store.sync.save_peer(manifest.sender_device, name, vector, now)
