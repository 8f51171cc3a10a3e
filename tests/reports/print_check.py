"""A machine that looks at a PDF: overlapping text, text outside the printable area, .notdef glyphs, dotted circles,
and (given the strings the document was built from) words cut across two lines without a hyphen.

Usable from tests and by hand: `python -m tests.reports.print_check FILE.pdf ...` prints what it finds."""

from __future__ import annotations

import bisect
import html
import io
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from fontTools.ttLib import TTFont
from pypdf import PdfReader

PRINTABLE_MARGIN = 10 * 72 / 25.4  # 10 mm: what office printers can reach
OVERLAP_TOLERANCE = 0.6  # points; kerning pulls neighbouring glyphs together by less than this
DOTTED_CIRCLE = "\u25cc"
# Shaped scripts whose marks sit on top of their base glyph on purpose: a run of them is one word.
_SHAPED_FONT = re.compile(r"Padauk|Myanmar", re.I)


@dataclass(frozen=True)
class Problem:
    """One thing wrong on one page of one file."""

    kind: str  # "overlap", "outside", "notdef", "dotted-circle", "cut-word"
    page: int  # 1-based
    detail: str

    def __str__(self) -> str:
        return f"p{self.page} {self.kind}: {self.detail}"


@dataclass
class _Run:
    """Glyphs drawn one after another on one line: a word or a whole cell's line."""

    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    def box(self) -> tuple[float, float, float, float]:
        ink = [c for c in self.chars if c["text"].strip()] or self.chars
        return (min(c["x0"] for c in ink), min(c["top"] for c in ink),
                max(c["x1"] for c in ink), max(c["bottom"] for c in ink))


def _same_line(a: dict, b: dict) -> bool:
    height = min(a["bottom"] - a["top"], b["bottom"] - b["top"]) or 1.0
    return abs(a["bottom"] - b["bottom"]) < 0.35 * height


def _continues(run: _Run, char: dict) -> bool:
    """Does `char` carry on the run drawn just before it (next glyph of the same string)?"""
    last = run.chars[-1]
    if not _same_line(last, char) or abs(last["size"] - char["size"]) > 0.1:
        return False
    gap = char["x0"] - last["x1"]
    if _SHAPED_FONT.search(char["fontname"]) or _SHAPED_FONT.search(last["fontname"]):
        # Shaped marks are positioned back over their base: anywhere inside the run so far.
        return run.box()[0] - OVERLAP_TOLERANCE <= char["x0"] and gap < 0.6 * char["size"]
    return -OVERLAP_TOLERANCE <= gap < 0.6 * char["size"]


def _runs(chars: Iterable[dict]) -> list[_Run]:
    runs: list[_Run] = []
    for char in chars:
        if runs and _continues(runs[-1], char):
            runs[-1].chars.append(char)
        else:
            runs.append(_Run([char]))
    return [r for r in runs if r.text.strip()]


def _overlaps(runs: list[_Run], page: int) -> list[Problem]:
    problems = []
    boxes = sorted(((r.box(), r) for r in runs), key=lambda item: item[0][0])
    for i, (a, run_a) in enumerate(boxes):
        for b, run_b in boxes[i + 1:]:
            if b[0] >= a[2] - OVERLAP_TOLERANCE:
                break
            x_overlap = min(a[2], b[2]) - max(a[0], b[0])
            y_overlap = min(a[3], b[3]) - max(a[1], b[1])
            height = min(a[3] - a[1], b[3] - b[1])
            if x_overlap > OVERLAP_TOLERANCE and y_overlap > 0.5 * height:
                problems.append(Problem("overlap", page, f"{run_a.text.strip()!r} and {run_b.text.strip()!r}"))
    return problems


def _outside(chars: Iterable[dict], width: float, height: float, page: int) -> list[Problem]:
    bad = [c for c in chars if c["text"].strip() and (
        c["x0"] < PRINTABLE_MARGIN - 0.01 or c["x1"] > width - PRINTABLE_MARGIN + 0.01
        or c["top"] < PRINTABLE_MARGIN - 0.01 or c["bottom"] > height - PRINTABLE_MARGIN + 0.01)]
    if not bad:
        return []
    text = "".join(c["text"] for c in bad[:40])
    return [Problem("outside", page, f"{len(bad)} glyphs within 10 mm of the edge, e.g. {text!r}")]


_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+")  # letters and digits: "202|5" is a cut too


class Vocabulary:
    """The words of the strings a document was built from (markup stripped, case folded), to tell a word
    cut across two lines ("inf|ranationale") from two words wrapped at the space between them."""

    def __init__(self, texts: Iterable[str]):
        words: set[str] = set()
        for text in texts:
            plain = html.unescape(_TAG.sub(" ", text)).replace("\u00ad", "")
            words.update(w.casefold() for w in _WORD.findall(plain))
        self.words = words
        self._sorted = sorted(words)

    def __contains__(self, word: str) -> bool:
        return word.casefold() in self.words

    def starts_a_word(self, piece: str) -> bool:
        """Is `piece` a word or the start of one (a word cut over three lines has a middle piece)?"""
        piece = piece.casefold()
        at = bisect.bisect_left(self._sorted, piece)
        return at < len(self._sorted) and self._sorted[at].startswith(piece)


@contextmanager
def source_strings() -> Iterator[list[str]]:
    """Collects the text of every Paragraph made meanwhile (every cell, heading and body text of a report),
    the strings a Vocabulary is built from."""
    from reportlab.platypus.paragraph import Paragraph

    seen: list[str] = []
    original = Paragraph.__init__

    def recording(self, text, *args, **kwargs):
        if isinstance(text, str):
            seen.append(text)
        original(self, text, *args, **kwargs)

    Paragraph.__init__ = recording
    try:
        yield seen
    finally:
        Paragraph.__init__ = original


def _alnum_before(chars: list[dict], end: int) -> str:
    start = end
    while start > 0 and chars[start - 1]["text"].isalnum() and _same_line(chars[start - 1], chars[end]):
        start -= 1
    return "".join(c["text"] for c in chars[start:end + 1])


def _alnum_after(chars: list[dict], begin: int) -> str:
    stop = begin
    while stop + 1 < len(chars) and chars[stop + 1]["text"].isalnum() and _same_line(chars[stop + 1], chars[begin]):
        stop += 1
    return "".join(c["text"] for c in chars[begin:stop + 1])


def _next_line(a: dict, b: dict) -> bool:
    """Is `b`, drawn right after `a`, the start of the line below (same paragraph or cell)?"""
    drop = b["top"] - a["top"]
    return 0.5 * a["size"] < drop < 2.5 * a["size"] and b["x0"] < a["x0"]


def _cut_words(chars: list[dict], vocabulary: Vocabulary, page: int) -> list[Problem]:
    """Lines that end inside a word: the last letters (or digits) of a line and the first lower-case letters
    (or digits) of the next make a word of the source, and the two pieces are not both words of it. A
    hyphen, a space or punctuation at the end of the line is an ordinary break and is never looked at."""
    problems = []
    for i in range(len(chars) - 1):
        a, b = chars[i], chars[i + 1]
        if not (a["text"].isalnum() and (b["text"].islower() or b["text"].isdigit()) and _next_line(a, b)):
            continue
        head, tail = _alnum_before(chars, i), _alnum_after(chars, i + 1)
        if head in vocabulary and tail in vocabulary:
            continue  # two words of the source, wrapped where a space was dropped
        if vocabulary.starts_a_word(head + tail):
            problems.append(Problem("cut-word", page, f"{head}|{tail}"))
    return problems


def _to_unicode(stream: bytes) -> dict[int, str]:
    """Code -> text from a ToUnicode CMap (the bfchar and bfrange forms reportlab writes)."""
    mapping: dict[int, str] = {}
    text = stream.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = int(start, 16)
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                mapping[code] = chr(base + offset)
    return mapping


def missing_glyph_text(path: Path | str) -> dict[str, set[str]]:
    """For each embedded font (by PDF name), the characters drawn with its .notdef glyph.

    reportlab draws a character its font lacks as code 0 (text U+0000), and a glyph HarfBuzz could
    not find (shaped text) as a code whose glyph is a copy of the font's glyph 0."""
    missing: dict[str, set[str]] = {}
    reader = PdfReader(str(path))
    seen: set[str] = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "")).lstrip("/")
            if name in seen:
                continue
            seen.add(name)
            notdef = {"\x00"}
            descriptor = font.get("/FontDescriptor")
            file2 = descriptor.get_object().get("/FontFile2") if descriptor else None
            unicode_ref = font.get("/ToUnicode")
            if file2 is not None and unicode_ref is not None:
                notdef |= _notdef_codes(file2.get_object().get_data(), _to_unicode(unicode_ref.get_object().get_data()))
            missing[name] = notdef
    return missing


def _notdef_codes(font_file: bytes, codes: dict[int, str]) -> set[str]:
    font = TTFont(io.BytesIO(font_file))
    glyf = font["glyf"]
    blank = glyf[".notdef"].compile(glyf)
    found = set()
    for code, glyph in (font.getBestCmap() or {}).items():
        if code and code in codes and (glyph == ".notdef" or (blank and glyf[glyph].compile(glyf) == blank)):
            found.add(codes[code])
    return found


def unembedded_fonts(path: Path | str) -> set[str]:
    """Fonts the PDF names without embedding them (Helvetica and the other standard 14)."""
    names = set()
    for page in PdfReader(str(path)).pages:
        for ref in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type1" and "/FontDescriptor" not in font:
                names.add(str(font.get("/BaseFont", "")).lstrip("/"))
    return names


def check_pdf(path: Path | str, *, words: bool = True, vocabulary: Vocabulary | None = None) -> list[Problem]:
    """Every problem found in the PDF at `path`. `words=False` skips the overlap check (use it where
    the extracted text is scrambled, as in Burmese; glyphs are still checked). With the `vocabulary` of
    the strings the document was built from, words cut across two lines are looked for too (Latin scripts)."""
    problems: list[Problem] = []
    notdef = missing_glyph_text(path)
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            chars = page.chars
            problems += _outside(chars, float(page.width), float(page.height), number)
            if words:
                problems += _overlaps(_runs(chars), number)
            if vocabulary is not None:
                problems += _cut_words(chars, vocabulary, number)
            boxes = [c for c in chars if c["text"] in notdef.get(c["fontname"], ())]
            if boxes:
                problems.append(Problem("notdef", number, f"{len(boxes)} glyphs missing from their font: "
                                        + repr("".join(sorted({c['text'] for c in boxes})))))
            circles = sum(DOTTED_CIRCLE in c["text"] for c in chars)
            if circles:
                problems.append(Problem("dotted-circle", number, f"{circles} dotted circles (broken clusters)"))
    return problems


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        problems = check_pdf(name)
        for problem in problems:
            print(f"{name}: {problem}")
        status |= bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
