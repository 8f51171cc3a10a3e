"""Anything the app writes to CSV/XLSX cannot run as a formula when a colleague opens it."""

import csv
import io

from fieldgroup.core.cells import neutralise, neutralise_row


def test_formula_starts_are_neutralised_and_other_values_pass():
    hostile = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "＝1+1"]
    assert [neutralise(v) for v in hostile] == ["'" + v for v in hostile]
    assert neutralise_row(["Kofi Mensah", 3, -2.5, None, ""]) == ["Kofi Mensah", 3, -2.5, None, ""]


def test_a_written_csv_reads_back_as_text():
    out = io.StringIO()
    csv.writer(out).writerow(neutralise_row(["=1+1", "Ama"]))
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+1", "Ama"]
