"""Shared fixtures: a fresh store per test, with a clock the test controls."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Test-only: a cheap key derivation for stores and bundles (the real cost lives in bench/).
os.environ["FIELDGROUP_TEST_FAST_KDF"] = "1"

from fieldgroup.core import create_store  # noqa: E402


class FakeWall:
    """A wall clock in ms that a test can move forward or back."""

    def __init__(self, ms: int = 1_750_000_000_000):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def wall() -> FakeWall:
    return FakeWall()


@pytest.fixture
def store(tmp_path, wall):
    s = create_store(tmp_path / "test.fgstore", wall=wall, today=lambda: date(2025, 6, 15))
    yield s
    s.close()


@pytest.fixture
def group(store):
    return store.groups.create(name="Ghana ICWG", country="GH")


@pytest.fixture
def pillars(store, group):
    """One organisation and one person per pillar: {'company': (org, person), ...}."""
    result = {}
    for pillar, gender in (("company", "male"), ("government", "female"), ("civil_society", "female"), ("observer", None)):
        org = store.organisations.create(group_id=group.id, name=f"{pillar} org", pillar=pillar)
        person = store.people.create(organisation_id=org.id, name=f"{pillar} person", gender=gender)
        result[pillar] = (org, person)
    return result


@pytest.fixture(autouse=True)
def english_unless_a_test_says_otherwise():
    """The language is process-wide (the command line sets it); no test may leave another language behind."""
    from fieldgroup.i18n import set_locale

    set_locale("en")
    yield
    set_locale("en")


@pytest.fixture(autouse=True)
def locked_between_tests():
    """Passphrases unlocked in one test (kept in memory for the run) must not open another test's files."""
    from fieldgroup.core import keys

    keys.forget_all()
    yield
    keys.forget_all()


class FakeKeyring:
    """An in-memory credential store standing in for the OS one (tests must never touch the real one)."""

    priority = 1

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}
        self.refuse = False

    def get_password(self, service: str, account: str) -> str | None:
        if self.refuse:
            raise RuntimeError("locked")
        return self.secrets.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        if self.refuse:
            raise RuntimeError("locked")
        self.secrets[(service, account)] = password

    def delete_password(self, service: str, account: str) -> None:
        self.secrets.pop((service, account), None)


@pytest.fixture(autouse=True)
def fake_keyring(monkeypatch):
    """Every test gets an empty in-memory credential store in place of the laptop's."""
    from fieldgroup import keychain

    ring = FakeKeyring()

    class Module:
        @staticmethod
        def get_keyring():
            return ring

        get_password = staticmethod(ring.get_password)
        set_password = staticmethod(ring.set_password)
        delete_password = staticmethod(ring.delete_password)

    monkeypatch.setattr(keychain, "_keyring", lambda: Module)
    return ring


# Every other Hypothesis test: derandomized on CI (the same examples each run), random elsewhere.
if os.environ.get("CI"):
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci-derandomized", derandomize=True)
    _hypothesis_settings.load_profile("ci-derandomized")
