"""Fixtures for protection tests: the sync tests' laptops, reused."""

from tests.sync.conftest import fast_dir, laptops  # noqa: F401
