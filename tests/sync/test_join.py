"""One join_from_bundle() for the command line and the first-run window (issue 11)."""

from __future__ import annotations

import pytest

from fieldgroup.core import FieldGroupError, create_store
from fieldgroup.sync.exporter import export_bundle
from fieldgroup.sync.join import join_from_bundle


@pytest.fixture(scope="module")
def locked(tmp_path_factory):
    """One encrypted bundle for the module: scrypt makes each encryption take about a second."""
    folder = tmp_path_factory.mktemp("accra")
    with create_store(folder / "accra.fgstore") as accra:
        accra.groups.create(name="Ghana ICWG")
        path = export_bundle(accra, folder / "locked.fgbundle", "our group sentence").path
        return path, accra.digest()


def test_join_asks_for_the_passphrase_only_when_the_bundle_is_locked(locked, fast_dir):
    asked = []
    store, report = join_from_bundle(fast_dir / "new.fgstore", locked[0],
                                     ask_passphrase=lambda: asked.append(1) or "our group sentence")
    with store:
        assert asked == [1] and report.counts.new == 1 and store.digest() == locked[1]


@pytest.mark.parametrize("answer", [None, "wrong sentence"])
def test_a_cancelled_or_refused_join_leaves_nothing_behind(locked, fast_dir, answer):
    target = fast_dir / "new.fgstore"
    with pytest.raises(FieldGroupError):
        join_from_bundle(target, locked[0], ask_passphrase=lambda: answer)
    assert list(fast_dir.iterdir()) == []
