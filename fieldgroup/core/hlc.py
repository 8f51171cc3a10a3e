"""Hybrid logical clock: stamps that totally order every change on every device."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# A stamp is a fixed-width text so that SQLite and Python compare stamps by plain string order:
# 12 hex digits of wall time in ms, 6 hex digits of counter, then the 16-hex-digit device id.
_MS_DIGITS = 12
_COUNTER_DIGITS = 6
MAX_COUNTER = 16**_COUNTER_DIGITS - 1


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    """(wall time ms, counter, device id), ordered in that priority."""

    ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.ms:0{_MS_DIGITS}x}{self.counter:0{_COUNTER_DIGITS}x}{self.device}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        ms = int(text[:_MS_DIGITS], 16)
        counter = int(text[_MS_DIGITS : _MS_DIGITS + _COUNTER_DIGITS], 16)
        return cls(ms, counter, text[_MS_DIGITS + _COUNTER_DIGITS :])


def stamp_device(text: str) -> str:
    """The device id inside an encoded stamp."""
    return text[_MS_DIGITS + _COUNTER_DIGITS :]


def stamp_ms(text: str) -> int:
    """The wall time (ms since the epoch) inside an encoded stamp."""
    return int(text[:_MS_DIGITS], 16)


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues strictly increasing stamps for one device, even when the wall clock goes back."""

    def __init__(self, device: str, last: str | None = None, wall: Callable[[], int] = wall_clock_ms):
        self.device = device
        self.wall = wall
        decoded = Stamp.decode(last) if last else None
        self._ms = decoded.ms if decoded else 0
        self._counter = decoded.counter if decoded else 0

    def now(self) -> str:
        """A new stamp, greater than every stamp issued or observed before."""
        wall = self.wall()
        if wall > self._ms:
            self._ms, self._counter = wall, 0
        else:
            self._advance_counter()
        return Stamp(self._ms, self._counter, self.device).encode()

    def observe(self, remote: str) -> None:
        """Move past a stamp received from another device, so later local changes sort after it."""
        other = Stamp.decode(remote)
        if (other.ms, other.counter) > (self._ms, self._counter):
            self._ms, self._counter = other.ms, other.counter

    def last(self) -> str:
        """The newest stamp issued or observed, for persisting between sessions."""
        return Stamp(self._ms, self._counter, self.device).encode()

    def _advance_counter(self) -> None:
        if self._counter >= MAX_COUNTER:
            # 16 million stamps in one millisecond cannot happen honestly; borrow the next millisecond.
            self._ms, self._counter = self._ms + 1, 0
        else:
            self._counter += 1
