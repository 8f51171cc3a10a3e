"""One atomic-write helper: readers see the old file or the whole new one, and no temporary file is left."""

import pytest

from fieldgroup.core.atomic import atomic_file, write_atomically


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "tracker.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_file(target) as stream:
        stream.write(b"half of the new")
        raise RuntimeError("the PDF could not be laid out")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["tracker.pdf"]


def test_a_finished_write_replaces_the_file_and_keeps_it_private(tmp_path):
    target = tmp_path / "accra.fgbundle"
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["accra.fgbundle"]
    assert target.stat().st_mode & 0o077 == 0
