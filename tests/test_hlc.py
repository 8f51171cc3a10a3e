"""The hybrid logical clock orders every change, whatever the wall clock does."""

from hypothesis import given
from hypothesis import strategies as st

from fieldgroup.core.hlc import HybridClock, Stamp


def test_stamps_increase_when_the_wall_clock_goes_back():
    wall = [1_000_000]
    clock = HybridClock("a" * 16, wall=lambda: wall[0])
    first = clock.now()
    wall[0] -= 3_600_000  # someone set the laptop an hour back
    second = clock.now()
    assert second > first


def test_two_stamps_in_the_same_millisecond_are_ordered():
    clock = HybridClock("b" * 16, wall=lambda: 42)
    stamps = [clock.now() for _ in range(1000)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 1000


def test_observing_a_remote_stamp_moves_past_it():
    remote = HybridClock("c" * 16, wall=lambda: 5_000).now()
    local = HybridClock("d" * 16, wall=lambda: 1_000)
    local.observe(remote)
    assert local.now() > remote


def test_clock_resumes_after_its_last_saved_stamp():
    clock = HybridClock("e" * 16, wall=lambda: 9_000)
    saved = clock.now()
    resumed = HybridClock("e" * 16, last=saved, wall=lambda: 1_000)
    assert resumed.now() > saved


@given(st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=200))
def test_stamps_strictly_increase_for_any_wall_clock(readings):
    it = iter(readings)
    clock = HybridClock("f" * 16, wall=lambda: next(it))
    stamps = [clock.now() for _ in readings]
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False))


@given(st.integers(0, 2**47), st.integers(0, 2**24 - 1))
def test_encoding_round_trips_and_sorts_like_the_tuple(ms, counter):
    stamp = Stamp(ms, counter, "0123456789abcdef")
    assert Stamp.decode(stamp.encode()) == stamp
    later = Stamp(ms, counter + 1, "0123456789abcdef") if counter < 2**24 - 1 else Stamp(ms + 1, 0, "0123456789abcdef")
    assert stamp.encode() < later.encode()
