"""Bad input gives one clear sentence and never leaves a half-written PDF behind."""

from __future__ import annotations

import os

import pytest

from fieldgroup.core.errors import FieldGroupError, NotFoundError
from fieldgroup.reports import build_report
from fieldgroup.reports.errors import NothingToReportError, ReportOptionError, ReportOutputError
from tests.reports.helpers import pdf_text


def one_sentence(error: Exception) -> bool:
    text = str(error)
    return text.endswith(".") and "\n" not in text and "Traceback" not in text


def test_unknown_meeting(store, sample, tmp_path):
    with pytest.raises(NotFoundError) as caught:
        build_report("meeting", store, tmp_path / "m.pdf", meeting_id="no-such-meeting")
    assert one_sentence(caught.value) and "no-such-meeting" in str(caught.value)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []


@pytest.mark.parametrize("kind", ("actions", "indicators", "participation"))
def test_empty_group_is_refused(kind, store, group, tmp_path):
    with pytest.raises(NothingToReportError) as caught:
        build_report(kind, store, tmp_path / "x.pdf")
    assert one_sentence(caught.value) and "Ghana ICWG" in str(caught.value)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*")) == []


def test_indicator_without_values_gives_a_no_data_page(store, group, tmp_path):
    store.indicators.create(group_id=group.id, name="Número de quejas atendidas", unit="number")
    text = " ".join(pdf_text(build_report("indicators", store, tmp_path / "i.pdf")))
    assert "No indicator has an actual value yet." in text
    assert "Número de quejas atendidas — — no data" in text and "No data yet." in text


def test_bad_options(store, sample, tmp_path):
    with pytest.raises(ReportOptionError):
        build_report("indicators", store, tmp_path / "i.pdf", period="last quarter")
    with pytest.raises(ReportOptionError):
        build_report("actions", store, tmp_path / "a.pdf", group_id="nope")
    with pytest.raises(ReportOptionError):
        build_report("actions", store, tmp_path / "a.pdf", paper="A3")
    with pytest.raises(ReportOptionError):
        build_report("budget", store, tmp_path / "a.pdf")
    with pytest.raises(ReportOptionError):
        build_report("meeting", store, tmp_path / "a.pdf")


def test_several_groups_need_a_choice(store, sample, tmp_path):
    other = store.groups.create(name="Nigeria ICWG")
    with pytest.raises(ReportOptionError) as caught:
        build_report("actions", store, tmp_path / "a.pdf")
    assert one_sentence(caught.value)
    with pytest.raises(NothingToReportError):
        build_report("actions", store, tmp_path / "a.pdf", group_id=other.id)
    assert build_report("actions", store, tmp_path / "a.pdf", group_id=sample.group.id).exists()


def test_missing_folder_and_folder_in_the_way(store, sample, tmp_path):
    with pytest.raises(ReportOutputError) as caught:
        build_report("actions", store, tmp_path / "no" / "such" / "a.pdf")
    assert one_sentence(caught.value)
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(ReportOutputError):
        build_report("actions", store, tmp_path / "taken.pdf")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ReportOutputError):
        build_report("actions", store, tmp_path / "file" / "a.pdf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder(store, sample, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReportOutputError) as caught:
            build_report("actions", store, folder / "a.pdf")
        assert one_sentence(caught.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("stop_when", ["Laying out page 1…", "Saving the PDF…"])
def test_cancelled_build_leaves_nothing_and_keeps_the_old_file(stop_when, store, sample, tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"previous version")

    class Cancelled(Exception):
        pass

    def progress(done, total, text):
        if text == stop_when:  # while laying out pages, or after them but before the rename
            raise Cancelled()

    with pytest.raises(Cancelled):
        build_report("actions", store, target, progress=progress)
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["a.pdf"]
    assert list(tmp_path.glob(".*")) == []  # no temporary file left


def test_progress_is_reported(store, sample, tmp_path):
    seen = []
    build_report("indicators", store, tmp_path / "i.pdf", progress=lambda d, t, text: seen.append((d, t)))
    assert seen[-1] == (3, 3) and all(d <= t for d, t in seen)


def test_errors_are_fieldgroup_errors():
    assert issubclass(ReportOutputError, FieldGroupError) and issubclass(NothingToReportError, FieldGroupError)
