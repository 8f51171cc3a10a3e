"""Plain reportlab baseline: the meeting handout and M&E report's content laid out without app code.

DESIGN §9 target: our documents take at most 1.5x this script. It reads the same records through the
public API (reading data is allowed), then uses reportlab directly: same fonts, tables, paragraphs,
charts, bars and "Page X of Y", but no gettext, Babel, protection rule or shared layout helpers.

    python bench/plain_reportlab.py --store S --meeting ID [--repeat 5] [--compare]

`--compare` also times fieldgroup.reports.build_report on the same input and prints the ratio."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fieldgroup.core import open_store  # noqa: E402  (reading the data only)
from fieldgroup.paths import fonts_dir  # noqa: E402

W = A4[0] - 32 * mm
GREY = colors.Color(0.88, 0.88, 0.88)


def register() -> None:
    for name, file in (("NS", "NotoSans-Regular"), ("NS-B", "NotoSans-Bold"), ("NS-I", "NotoSans-Italic")):
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / f"{file}.ttf")))
    addMapping("NS", 0, 0, "NS")
    addMapping("NS", 1, 0, "NS-B")
    addMapping("NS", 0, 1, "NS-I")
    addMapping("NS", 1, 1, "NS-B")


BODY = ParagraphStyle("b", fontName="NS", fontSize=9.5, leading=13, spaceAfter=4, bulletFontName="NS")
H1 = ParagraphStyle("h1", BODY, fontName="NS-B", fontSize=16, leading=20)
H2 = ParagraphStyle("h2", BODY, fontName="NS-B", fontSize=12, leading=15, spaceBefore=10)
CELL = ParagraphStyle("c", BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
BULLET = ParagraphStyle("l", BODY, leftIndent=14, bulletIndent=4)


def p(text, style=BODY, **kw):
    return Paragraph(escape(text or ""), style, **kw)


def grid(rows, widths):
    t = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "NS"), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), GREY),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey)]))
    return t


class Bar(Flowable):
    """Stacked pillar bar or progress bar: filled rectangles and a caption."""

    def __init__(self, parts, width, caption=""):
        super().__init__()
        self.parts, self.width, self.height, self.caption = parts, width, 12, caption

    def draw(self):
        x, total = 0, sum(self.parts) or 1
        for i, part in enumerate(self.parts):
            self.canv.setFillGray(0.3 + 0.2 * i)
            self.canv.rect(x, 0, (self.width - 30) * part / total, 10, stroke=1, fill=1)
            x += (self.width - 30) * part / total
        self.canv.setFillGray(0)
        self.canv.setFont("NS", 7.5)
        self.canv.drawString(self.width - 28, 2, self.caption)


class Numbered(Canvas):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.pages = []

    def showPage(self):  # noqa: N802
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for n, state in enumerate(self.pages, 1):
            self.__dict__.update(state)
            self.setFont("NS", 8.5)
            self.drawRightString(A4[0] - 16 * mm, 10 * mm, f"Page {n} of {len(self.pages)}")
            Canvas.showPage(self)
        Canvas.save(self)


def header(group):
    def on_page(canvas, doc):
        canvas.setFont("NS-B", 8.5)
        canvas.drawString(16 * mm, A4[1] - 14 * mm, group)
        canvas.line(16 * mm, A4[1] - 16 * mm, A4[0] - 16 * mm, A4[1] - 16 * mm)
    return on_page


def text_blocks(text):
    out, lines = [], []
    for line in (text or "").splitlines():
        if line.startswith("- "):
            out.append(p(line[2:], BULLET, bulletText="•"))
        elif line.strip():
            lines.append(escape(line))
        elif lines:
            out.append(Paragraph("<br/>".join(lines), BODY))
            lines = []
    if lines:
        out.append(Paragraph("<br/>".join(lines), BODY))
    return out


def action_table(store, items, people):
    rows = [[p(h, CELL) for h in ("Action", "Owner", "Due", "Days overdue", "Status")]]
    today = store.today()
    for a in items:
        owner = people.get(a.owner_person_id)
        late = (today - a.due_date).days if a.is_overdue(today) else ""
        rows.append([Paragraph(escape(a.title) + "<br/>" + escape(a.description or ""), CELL),
                     p(owner.name if owner else "", CELL), str(a.due_date or ""), str(late), a.status])
    return grid(rows, [W * x for x in (0.36, 0.24, 0.12, 0.12, 0.16)])


def handout(store, meeting_id, out):
    m = store.meetings.get(meeting_id)
    group = store.groups.get(m.group_id)
    story = [p(m.title, H1), grid([["Group", group.name], ["Meeting type", m.kind], ["Date", str(m.date)],
                                   ["Place", m.place or ""]], [W * 0.22, W * 0.78]), p("Agenda", H2)]
    story += [p(item, BULLET, bulletText=f"{n}.") for n, item in enumerate(m.agenda_items, 1)]
    b = store.meetings.balance(m.id)
    story += [p("Attendance", H2), Bar([b.counts.get(k, 0) for k in ("company", "government", "civil_society")], W),
              p(f"Balance: {b.status} (index {b.index:.2f})"), p(f"{b.present} people present"),
              p(f"Women's share: {b.women_share or 0:.0%}")]
    rows = [[p("Name", CELL), p("Organisation", CELL), p("Attendance", CELL)]]
    rows += [[p(a.name, CELL), p(a.organisation, CELL), a.status] for a in store.attendance.of_meeting(m.id)]
    story += [grid(rows, [W * 0.42, W * 0.40, W * 0.18]), p("Minutes", H2), *text_blocks(m.minutes),
              p("Decisions", H2), *text_blocks(m.decisions)]
    orgs = [o.id for o in store.organisations.list(group_id=group.id)]
    people = {x.id: x for x in store.people.list(organisation_id=tuple(orgs))}
    story += [p("New action items", H2), action_table(store, store.actions.list(meeting_id=m.id), people)]
    earlier = {x.id for x in store.meetings.list(group_id=group.id) if x.date < m.date}
    carried = [a for a in store.actions.open(group.id) if a.meeting_id in earlier][:40]
    story += [p("Matters arising", H2), action_table(store, carried, people)]
    build(out, story, group.name)


def trend(rows):
    d = Drawing(W / 2 - 12, 62)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 30, 14, W / 2 - 48, 42
    chart.data = [[r.actual for r in rows], [r.target for r in rows]]
    step = max(1, len(rows) // 6)
    chart.categoryAxis.categoryNames = [r.period if i % step == 0 else "" for i, r in enumerate(rows)]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.maximumTicks = 4
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = "NS", 6.5
    chart.lines[0].symbol = makeMarker("FilledSquare", size=3.5)
    chart.lines[1].strokeDashArray = (3, 2)
    chart.lines[1].symbol = makeMarker("Circle", size=3.5)
    for n, series in enumerate(chart.data):
        if sum(v is not None for v in series) < 2:
            chart.lines[n].strokeColor = None  # reportlab cannot draw a one-point line
    d.initialFontName = "NS"
    d.add(chart)
    return d


def me_report(store, group_id, out):
    group = store.groups.get(group_id)
    indicators = store.indicators.list(group_id=group.id)
    progress = {i.id: store.indicator_progress(i.id) for i in indicators}
    period = max((r.period for rows in progress.values() for r in rows if r.actual is not None), default=None)
    rows = [[p(h, CELL) for h in ("Indicator", "Baseline", "Target", "Actual", "Progress", "Status")]]
    for ind in indicators:
        row = next((r for r in progress[ind.id] if r.period == period), None)
        share = row.progress if row else None
        rows.append([p(f"{ind.code} {ind.name}", CELL), str(ind.baseline_value), str(row.target if row else ""),
                     str(row.actual if row else ""),
                     Bar([min(share or 0, 1), 1 - min(share or 0, 1)], W * 0.17, f"{share or 0:.0%}"),
                     row.status if row else "no data"])
    story = [p("M&E progress", H1), p(f"Period: {period}."), grid(rows, [W * x for x in (.34, .11, .11, .11, .19, .14)]),
             Spacer(1, 4), p("Trends", H2)]
    cells = [[p(f"{i.code} {i.name}", CELL), trend(progress[i.id])] for i in indicators]
    pairs = [cells[n:n + 2] + [[]] * (2 - len(cells[n:n + 2])) for n in range(0, len(cells), 2)]
    story.append(Table(pairs, colWidths=[W / 2, W / 2], hAlign="LEFT", style=[("FONTNAME", (0, 0), (-1, -1), "NS")]))
    build(out, story, group.name)


def build(out, story, group_name):
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=30 * mm,
                            bottomMargin=22 * mm, initialFontName="NS")
    doc.build(story, onFirstPage=header(group_name), onLaterPages=header(group_name), canvasmaker=Numbered)


def cpu_seconds(fn):
    """CPU time of one run: on a shared machine wall time mostly measures the neighbours."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--meeting", required=True)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="also time fieldgroup.reports and print ratios")
    args = parser.parse_args()
    register()
    store = open_store(args.store)
    group_id = store.meetings.get(args.meeting).group_id
    plain = {
        "meeting": lambda: handout(store, args.meeting, args.out / "plain-meeting.pdf"),
        "indicators": lambda: me_report(store, group_id, args.out / "plain-indicators.pdf"),
    }
    ours = {}
    if args.compare:
        from fieldgroup.reports import build_report

        for kind in plain:
            ours[kind] = lambda kind=kind: build_report(
                kind, store, args.out / f"ours-{kind}.pdf", group_id=group_id,
                meeting_id=args.meeting if kind == "meeting" else None, paper="a4")
            ours[kind]()  # warm up: fonts are registered once per process in both
    for kind, fn in plain.items():
        fn()
        runs = [(cpu_seconds(fn), cpu_seconds(ours[kind]) if kind in ours else 0.0) for _ in range(args.repeat)]
        base = statistics.median(r[0] for r in runs)
        line = f"{kind}: plain {base:.3f} s CPU"
        if kind in ours:
            mine = statistics.median(r[1] for r in runs)
            line += f", ours {mine:.3f} s CPU, ratio {mine / base:.2f} (target <= 1.5)"
        print(line + f" (median of {args.repeat}, interleaved)")


if __name__ == "__main__":
    main()
