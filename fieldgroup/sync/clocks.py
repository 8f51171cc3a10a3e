"""Clocks: changes stamped ahead of this laptop's clock are accepted per device once explained; this laptop's own clock far behind is named as its problem."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from fieldgroup.core import Store
from fieldgroup.core.hlc import stamp_device, stamp_ms
from fieldgroup.formatting import format_date, format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.sync.bundle import BundleError
from fieldgroup.sync.state import FUTURE_TOLERANCE_MS

ACCEPTED_KEY = "clock_ahead_accepted"
# No honest FieldGroup store holds a change made before this (2024-01-01): a clock saying so is wrong.
EARLIEST_PLAUSIBLE_MS = 1_704_067_200_000


@dataclass(frozen=True)
class AheadDevice:
    """A laptop whose clock was ahead when it stamped changes: which one, and the date it claimed."""

    device: str
    name: str | None
    newest: str  # its newest stamp in the bundle

    @property
    def date_label(self) -> str:
        return format_date(datetime.fromtimestamp(stamp_ms(self.newest) / 1000, tz=UTC).date())

    def as_dict(self) -> dict[str, str | None]:
        return {"device": self.device, "name": self.name, "date": self.date_label, "stamp": self.newest}


class ClockAheadError(BundleError):
    """Changes in the bundle are stamped far in the future by the laptops in `devices`."""

    needs_decision = True

    def __init__(self, message: str, devices: list[AheadDevice]):
        super().__init__(message)
        self.devices = devices


class ThisClockBehindError(BundleError):
    """This laptop's own clock is far behind: the fault is here, not in the bundle."""

    needs_decision = True


def accepted(store: Store) -> dict[str, str]:
    """Device -> newest future stamp of that device the user accepted on this laptop."""
    try:
        value = json.loads(store.local_setting(ACCEPTED_KEY) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def accept(store: Store, devices: list[AheadDevice]) -> None:
    """The user accepts these laptops' future stamps (up to what was shown to them)."""
    current = accepted(store)
    for ahead in devices:
        current[ahead.device] = max(current.get(ahead.device, ""), ahead.newest)
    store.set_local_setting(ACCEPTED_KEY, json.dumps(current, sort_keys=True))


def check_this_clock(store: Store) -> None:
    """Refuse to judge others while this laptop's clock is far behind (before 2024, or behind its own changes)."""
    wall = store.sync.wall_ms()
    own = store.sync.last_stamp()
    behind_own = stamp_device(own) == store.device_id and stamp_ms(own) - wall > FUTURE_TOLERANCE_MS
    if wall < EARLIEST_PLAUSIBLE_MS or behind_own:
        today = format_date(datetime.fromtimestamp(max(wall, 0) / 1000, tz=UTC).date())
        raise ThisClockBehindError(_(
            "This laptop's clock says {date}, which is wrong; set this laptop's date and time, then sync again.")
            .format(date=today))


def ahead_devices(store: Store, newest_by_device: dict[str, str], names: dict[str, str]) -> list[AheadDevice]:
    """Laptops whose stamps are more than a day ahead of this laptop's clock and not yet accepted here."""
    limit = store.sync.wall_ms() + FUTURE_TOLERANCE_MS
    ok = accepted(store)
    return [AheadDevice(device, names.get(device), stamp) for device, stamp in sorted(newest_by_device.items())
            if stamp_ms(stamp) > limit and stamp > ok.get(device, "")]


def check(store: Store, newest_by_device: dict[str, str], names: dict[str, str],
          accept_devices: set[str] | bool = False, *, remember: bool = True) -> list[str]:
    """Raise ClockAheadError unless every future-dated device is accepted; returns warnings for accepted ones.

    `newest_by_device` is the newest stamp of each device in the bundle (the manifest's vector, or the
    row stamps once validation reads them). `accept_devices` is True for all, or a set of device ids."""
    check_this_clock(store)
    ahead = ahead_devices(store, newest_by_device, names)
    if not ahead:
        return []
    refused = [a for a in ahead if not (accept_devices is True or (accept_devices and a.device in accept_devices))]
    if refused:
        raise ClockAheadError(" ".join(explain(a) for a in refused) + " " + _(
            "Accept them for that laptop only if its clock is right again now."), refused)
    if remember:  # not for a dry run: nothing is written then
        accept(store, ahead)
    return [explain(a) for a in ahead]


DAY_MS = 24 * 3600 * 1000


def how_far_ahead(store: Store, ahead: AheadDevice) -> str:
    """'about 3 days' (or years, past one): how far that laptop's stamps are ahead of this laptop's clock."""
    days = max(1, round((stamp_ms(ahead.newest) - store.sync.wall_ms()) / DAY_MS))
    if days >= 365:
        years = round(days / 365)
        return ngettext("about {count} year", "about {count} years", years).format(count=format_number(years))
    return ngettext("about {count} day", "about {count} days", days).format(count=format_number(days))


def question(store: Store, ahead: AheadDevice) -> str:
    """The question the Sync page asks about one laptop whose clock was ahead (accepting only that laptop)."""
    return _("Laptop “{laptop}” has a clock {how_far} ahead. Import its changes anyway?").format(
        laptop=ahead.name or ahead.device, how_far=how_far_ahead(store, ahead))


def explain(ahead: AheadDevice) -> str:
    return _("Changes made on {laptop} are dated {date}, ahead of this laptop's clock, so they would win over "
             "every later change.").format(laptop=ahead.name or ahead.device, date=ahead.date_label)
