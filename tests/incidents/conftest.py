"""Incident tests share the sync tests' laptops."""

from tests.sync.conftest import fast_dir, laptops  # noqa: F401 - fixtures
