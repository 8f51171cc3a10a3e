"""What a device remembers about sync: its version vector, its name, and which group its store is."""

from __future__ import annotations

import platform
import socket

from fieldgroup.core import Store


def seen_vector(store: Store) -> dict[str, str]:
    """Device id -> newest stamp of that device this store holds everything up to."""
    return store.sync.seen_vector()


def save_seen_vector(store: Store, vector: dict[str, str]) -> None:
    store.sync.save_seen_vector(vector)


def merge_vectors(a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
    return {device: max(a.get(device, ""), b.get(device, "")) for device in a.keys() | b.keys()}


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
