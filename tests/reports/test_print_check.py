"""The machine print check: every report kind × language × paper from the realistic demo stores, looked at
by tests/reports/print_check.py (overlapping text, text outside 10 mm, .notdef glyphs, dotted circles and, in
Latin scripts, words cut across two lines)."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from fieldgroup.core import open_store
from fieldgroup.core.demo import generate_demo
from fieldgroup.reports import build_report
from fieldgroup.reports.registry import kind_named, report_kinds
from tests.reports.print_check import Vocabulary, check_pdf, source_strings, unembedded_fonts

LANGUAGES = ("en", "fr", "es", "pt", "id", "my")
PAPERS = ("a4", "letter")
# Mid-quarter, so "the last complete period" and "the current one" differ.
DEMO_TODAY = date(2025, 11, 20)
ROOT = Path(__file__).resolve().parents[2]


def _demo_digest() -> str:
    """Changes whenever the demo generator or the schema does, so a cached store is never stale."""
    digest = hashlib.sha256(str(DEMO_TODAY).encode())
    core = ROOT / "fieldgroup" / "core"
    for source in sorted([*core.glob("demo*.py"), *(core / "demo_text").glob("*.py"), *core.glob("store*.py"),
                          core / "schema.py"]):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def demo_stores(request, tmp_path_factory) -> dict[str, Path]:
    """One realistic demo store per language, built once and kept in pytest's cache between sessions."""
    try:
        folder = Path(request.config.cache.mkdir("print-check-demo")) / _demo_digest()
    except AttributeError:  # -p no:cacheprovider
        folder = tmp_path_factory.mktemp("print-check-demo")
    folder.mkdir(parents=True, exist_ok=True)
    stores = {}
    for language in LANGUAGES:
        path = folder / f"demo-{language}.fgstore"
        if not path.exists():
            # Built beside the final name and renamed: two test workers may build the same store at once.
            scratch = tmp_path_factory.mktemp(f"demo-{language}") / path.name
            generate_demo(scratch, size="realistic", locale=language, today=DEMO_TODAY)
            os.replace(scratch, path)
            for suffix in ("-wal", "-shm"):
                scratch.with_name(scratch.name + suffix).unlink(missing_ok=True)
        stores[language] = path
    return stores


def _main_group(store) -> str:
    """The demo's big working group (the store also holds small ones)."""
    return max(store.groups.list(), key=lambda g: (len(store.meetings.list(group_id=g.id)), g.id)).id


def _handout_meeting(store, group_id: str) -> str:
    """The group's newest meeting that has happened: the handout a coordinator prints most."""
    held = [m for m in store.meetings.list(group_id=group_id) if m.date <= DEMO_TODAY]
    return max(held, key=lambda m: (m.date, m.id)).id


def render(demo_stores: dict[str, Path], kind: str, language: str, paper: str, out: Path, **options) -> Path:
    with open_store(demo_stores[language], read_only=True, today=lambda: DEMO_TODAY) as store:
        group = _main_group(store)
        meeting = _handout_meeting(store, group) if kind_named(kind).needs_meeting else None
        return build_report(kind, store, out, group_id=group, meeting_id=meeting, locale=language, paper=paper,
                            **options)


DOCUMENTS = [(kind.name, language, paper) for kind in report_kinds() for language in LANGUAGES for paper in PAPERS]


@pytest.mark.parametrize(("kind", "language", "paper"), DOCUMENTS)
def test_every_document_prints_clean(demo_stores, tmp_path, kind, language, paper):
    with source_strings() as built_from:
        pdf = render(demo_stores, kind, language, paper, tmp_path / f"{kind}-{language}-{paper}.pdf")
    # Burmese text extracts scrambled (shaped glyphs), so words are not compared there; glyphs are.
    latin = language != "my"
    problems = check_pdf(pdf, words=latin, vocabulary=Vocabulary(built_from) if latin else None)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(map(str, problems[:30]))
    assert not unembedded_fonts(pdf)


@pytest.mark.parametrize("language", ["pt", "fr", "my"])
def test_tracker_with_sub_groups_prints_clean(demo_stores, tmp_path, language):
    """The tracker with its regional groups (a summary row and a section per group), on A4, the narrower paper,
    in the languages with the longest words and in Burmese (a long document: three languages keep it quick)."""
    with source_strings() as built_from:
        pdf = render(demo_stores, "actions", language, "a4", tmp_path / f"actions-sub-{language}.pdf",
                     include_subgroups=True)
    latin = language != "my"
    problems = check_pdf(pdf, words=latin, vocabulary=Vocabulary(built_from) if latin else None)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(map(str, problems[:30]))


@pytest.mark.parametrize("kind", [kind.name for kind in report_kinds()])
def test_internal_copies_print_clean(demo_stores, tmp_path, kind):
    """The internal copy adds a boxed banner above the header: it must stay inside the printable area too."""
    pdf = render(demo_stores, kind, "en", "letter", tmp_path / f"{kind}-internal.pdf", include_protected=True)
    problems = check_pdf(pdf)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(map(str, problems[:30]))


def _canvas_pdf(path: Path, draw) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    from fieldgroup.reports.fonts import register_fonts

    register_fonts()
    canvas = Canvas(str(path), initialFontName="NotoSans")
    draw(canvas)
    canvas.save()
    return path


def test_the_check_sees_text_over_text(tmp_path):
    def draw(canvas):
        canvas.setFont("NotoSans", 9)
        canvas.drawString(100, 700, "17 de out. de 2025")  # a date running over the next column
        canvas.drawString(160, 700, "Dias de atraso")
        canvas.drawString(100, 650, "Kerning")  # one word alone: nothing wrong
    problems = check_pdf(_canvas_pdf(tmp_path / "overlap.pdf", draw))
    assert [p.kind for p in problems] == ["overlap"]
    assert "Dias de atraso" in problems[0].detail


def test_the_check_sees_missing_glyphs_dotted_circles_and_the_page_edge(tmp_path):
    def draw(canvas):
        canvas.setFont("NotoSans", 9)
        canvas.drawString(100, 700, "Page \u1041 of \u1042")  # Myanmar digits: Noto Sans has none
        canvas.drawString(100, 650, "\u25cc")
        canvas.drawString(12, 400, "Internal")  # 4 mm from the edge
    kinds = sorted(p.kind for p in check_pdf(_canvas_pdf(tmp_path / "bad.pdf", draw)))
    assert kinds == ["dotted-circle", "notdef", "outside"]


def test_the_check_sees_unembedded_helvetica(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(tmp_path / "helvetica.pdf"))
    canvas.drawString(100, 700, "Helvetica, never embedded")
    canvas.save()
    assert unembedded_fonts(tmp_path / "helvetica.pdf") == {"Helvetica"}


def test_the_check_sees_a_word_cut_across_two_lines(tmp_path):
    """"Réunion inf|ranationale" is a cut; a wrap at a space, after a hyphen or between two words is not."""
    def draw(canvas):
        canvas.setFont("NotoSans", 9)
        for y, first, second in ((700, "Réunion inf", "ranationale"), (650, "Réunion", "infranationale"),
                                 (600, "Gouverne-", "ment"), (550, "17 de out. de 202", "5"),
                                 (500, "Sub-national", "meeting")):
            canvas.drawString(100, y, first)
            canvas.drawString(100, y - 11, second)
    source = Vocabulary(["Réunion infranationale", "Gouvernement", "17 de out. de 2025", "Sub-national meeting",
                         "<b>Réunion</b> &amp; more"])
    problems = check_pdf(_canvas_pdf(tmp_path / "cut.pdf", draw), vocabulary=source)
    assert [(p.kind, p.detail) for p in problems] == [("cut-word", "inf|ranationale"), ("cut-word", "202|5")]


def _share_before_the_fix(narrowest, natural, total):
    """fit_widths' sharing as it was before 98a9dcb: a short column took its whole width even when that left
    a longer column below its longest word (French participation: "Réunion inf|ranationale")."""
    widths = list(narrowest)
    budget, open_columns = total, list(range(len(natural)))
    for column in sorted(open_columns, key=lambda c: natural[c]):
        if natural[column] > budget / len(open_columns):
            break
        widths[column] = natural[column]
        budget -= natural[column]
        open_columns.remove(column)
    if open_columns:
        spare = budget - sum(narrowest[c] for c in open_columns)
        wants = {c: natural[c] - narrowest[c] for c in open_columns}
        for column in open_columns:
            widths[column] = narrowest[column] + spare * wants[column] / (sum(wants.values()) or 1)
    return widths


def test_the_check_fails_on_last_sessions_column_width_bug(demo_stores, tmp_path, monkeypatch):
    from fieldgroup.reports import styles

    monkeypatch.setattr(styles, "_share", _share_before_the_fix)
    with source_strings() as built_from:
        pdf = render(demo_stores, "participation", "fr", "a4", tmp_path / "participation-fr-a4.pdf")
    cuts = [p.detail for p in check_pdf(pdf, vocabulary=Vocabulary(built_from)) if p.kind == "cut-word"]
    assert "inf|ranationale" in cuts
