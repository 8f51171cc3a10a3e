"""`fieldgroup report`: writes the PDF, exit 1 with one sentence on refusal, exit 2 on wrong usage."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from fieldgroup.cli import main
from tests.reports.helpers import PROTECTED, pdf_text


@pytest.fixture
def saved(store, sample):
    """The sample store, closed so the command line can open it."""
    path, meeting_id = store.path, sample.meeting.id
    store.close()
    return path, meeting_id


def test_meeting_handout(saved, tmp_path, capsys):
    path, meeting_id = saved
    out = tmp_path / "handout.pdf"
    assert main(["report", "meeting", "--store", str(path), "--out", str(out), "--meeting", meeting_id,
                 "--paper", "letter"]) == 0
    assert str(out) in capsys.readouterr().out
    text = " ".join(pdf_text(out))
    assert "Matters arising" in text and PROTECTED not in text


def test_include_protected_and_locale(saved, tmp_path):
    path, _meeting_id = saved
    out = tmp_path / "actions.pdf"
    assert main(["report", "actions", "--store", str(path), "--out", str(out), "--include-protected",
                 "--locale", "es"]) == 0
    pages = pdf_text(out)
    assert PROTECTED in " ".join(pages)
    assert re.search(r"Generado el \d+ de [a-z]+ de \d{4}", pages[0])  # Spanish labels, Spanish date (real date)
    assert all("Interno: contiene nombres protegidos" in page for page in pages)


def test_refusals_exit_1_with_one_sentence(saved, tmp_path, capsys):
    path, _meeting_id = saved
    assert main(["report", "meeting", "--store", str(path), "--out", str(tmp_path / "m.pdf"), "--meeting", "nope"]) == 1
    message = capsys.readouterr().err.strip()
    assert message.startswith("fieldgroup: ") and message.endswith(".") and "\n" not in message
    assert main(["report", "actions", "--store", str(path), "--out", str(tmp_path / "no" / "a.pdf")]) == 1
    assert main(["report", "actions", "--store", str(tmp_path / "missing.fgstore"), "--out", str(tmp_path / "a.pdf")]) == 1
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("argv", [
    ["report", "meeting", "--out", "x.pdf"],  # no --meeting (store checked later)
    ["report", "budget", "--out", "x.pdf"],
    ["report", "actions", "--out", "x.pdf", "--paper", "a3"],
])
def test_wrong_usage_exits_2(argv, tmp_path):
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--store", str(tmp_path / "never-opened.fgstore")])
    assert caught.value.code == 2


def test_importing_reports_does_not_load_reportlab():
    code = "import fieldgroup.reports, fieldgroup.cli, sys; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_default_file_name_and_no_silent_overwrite(saved, tmp_path, monkeypatch, capsys):
    path, meeting_id = saved
    monkeypatch.chdir(tmp_path)
    assert main(["report", "meeting", "--store", str(path), "--meeting", meeting_id, "--locale", "fr"]) == 0
    written = tmp_path / "handout-Ghana-ICWG-2025-06-10-fr.pdf"
    assert written.exists()
    before = written.read_bytes()
    assert main(["report", "meeting", "--store", str(path), "--meeting", meeting_id, "--locale", "fr"]) == 1
    assert "--force" in capsys.readouterr().err and written.read_bytes() == before
    assert main(["report", "meeting", "--store", str(path), "--meeting", meeting_id, "--locale", "fr", "--force"]) == 0


def test_with_subgroups_flag_for_the_participation_report(store, sample, tmp_path, capsys):
    from tests.reports.test_documents import _western_region

    _western_region(store, sample)
    path, group = store.path, sample.group.id
    store.close()
    out = tmp_path / "p.pdf"
    assert main(["report", "participation", "--store", str(path), "--group", group, "--out", str(out),
                 "--with-subgroups"]) == 0
    assert "Tarkwa Miners Union" in " ".join(pdf_text(out))
    assert main(["report", "participation", "--store", str(path), "--group", group, "--out", str(out),
                 "--force"]) == 0
    assert "Tarkwa Miners Union" not in " ".join(pdf_text(out))
    capsys.readouterr()
    assert main(["report", "indicators", "--store", str(path), "--group", group, "--out", str(tmp_path / "i.pdf"),
                 "--with-subgroups"]) == 1
    assert "participation" in capsys.readouterr().err
