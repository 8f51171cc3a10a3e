"""Read a sign-in sheet as Excel or an office suite saved it: CSV in any common encoding or line end, or .xlsx."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.safe_read import read_bounded
from fieldgroup.i18n import _

MAX_FILE_BYTES = 20 << 20  # a sign-in list of 100,000 people is a few MB
MAX_UNPACKED_BYTES = 100 << 20  # an .xlsx is a zip: what it unpacks to is bounded before opening
MAX_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 20
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_BREAKS = re.compile(r"[\t\r\n]+")


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A decoded sheet: its header, its data rows with the row numbers a spreadsheet shows, and how it was read."""

    header: list[str]
    rows: list[list[str]]
    delimiter: str
    encoding: str
    row_numbers: list[int] = field(default_factory=list)  # parallel to rows; the header is at header_row
    header_row: int = 1

    def number_of(self, index: int) -> int:
        return self.row_numbers[index] if self.row_numbers else index + self.header_row + 1


def clean_cell(value: str) -> str:
    """Tabs and line breaks become a space, other control characters go, spaces are collapsed."""
    text = _CONTROL.sub("", _BREAKS.sub(" ", unicodedata.normalize("NFC", value)))
    return " ".join(text.split())


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding that read it: a BOM, UTF-16 by its zero bytes, UTF-8, else a detector
    restricted to the Western code pages spreadsheets save in (cp1252, Latin-1, …)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _decoded(data, encoding)
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 > len(sample):  # UTF-16 without BOM: every other byte zero
        even_zeros = sample[0::2].count(0)
        return _decoded(data, "utf-16-be" if even_zeros > sample[1::2].count(0) else "utf-16-le")
    if sample.count(0) * 100 > len(sample):  # a stray NUL in a name is stripped later; many mean binary
        raise _not_text()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"]).best()
    if best is None:  # no Western code page reads it as text: a photo, a zip, a PDF
        raise _not_text()
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("latin-1")
    controls = len(_CONTROL.findall(text[:20_000]))
    if controls * 100 > min(len(text), 20_000):
        raise _not_text()
    return text, best.encoding


def _not_text() -> FieldGroupError:
    return FieldGroupError(_("The file is not a text file or a workbook; save it as CSV or .xlsx and try again."))


def _decoded(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        raise FieldGroupError(_("The file is damaged or not a text file; save it again as CSV UTF-8 and try again.")) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter used by most lines among comma, semicolon, tab and bar."""
    sample = "\n".join(text.splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def read_csv(data: bytes) -> CsvTable:
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    # newline="": the csv module itself splits on \r\n, \n and a lone \r (old Mac Excel), and keeps
    # line breaks inside quoted cells; blank lines come out as [] so numbering matches the sheet.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    try:
        records = list(_bounded(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    except csv.Error:
        raise FieldGroupError(_("The file could not be read as a table; save it again as CSV and try again.")) from None
    return _table(records, delimiter, encoding)


def read_xlsx(data: bytes) -> CsvTable:
    """The first sheet of an Excel workbook, read streaming (read_only), its unpacked size checked first."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FieldGroupError(_("This workbook unpacks to far more data than a sign-in list; "
                                        "save the sheet as CSV and try again."))
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.active or book.worksheets[0]
            records = list(_bounded([_text(v) for v in row[:MAX_COLUMNS]]
                                    for row in sheet.iter_rows(min_row=1, values_only=True)))
        finally:
            book.close()
    except FieldGroupError:
        raise
    except Exception:  # noqa: BLE001 — a damaged workbook raises anything from zipfile to lxml
        raise FieldGroupError(_("This workbook could not be read; open it in a spreadsheet, save it again "
                                "(or as CSV) and try again.")) from None
    return _table(records, "", "xlsx")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)


def _bounded(records):
    for count, record in enumerate(records, start=1):
        if count > MAX_ROWS:
            raise FieldGroupError(_("The file has more than {n} rows; split it and import the parts one by one.")
                                  .format(n=MAX_ROWS))
        yield record


def read_sheet(path: Path | str) -> CsvTable:
    """A CSV or .xlsx file, refused in one sentence when it is not an ordinary file of sane size."""
    data = read_bounded(path, MAX_FILE_BYTES)
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    return read_csv(data)


def _table(records: list[list[str]], delimiter: str, encoding: str) -> CsvTable:
    """Find the header (below any title lines) and keep each row's spreadsheet number."""
    numbered = [(n, record) for n, record in enumerate(records, start=1) if any(c.strip() for c in record)]
    if not numbered:
        raise FieldGroupError(_("The file is empty; choose a sign-in list with a header line and at least one person."))
    header_at = _header_index(numbered)
    header_row, header = numbered[header_at]
    rest = numbered[header_at + 1 :]
    return CsvTable([clean_cell(c) for c in header], [r for _n, r in rest], delimiter, encoding,
                    [n for n, _r in rest], header_row)


def _header_index(numbered: list[tuple[int, list[str]]]) -> int:
    """The first row naming a known column (a name or organisation heading); else the first row with
    several filled cells; else the first row. A title above the header has one filled cell."""
    from fieldgroup.core.csv_import import guess_mapping  # the heading words live with the mapping

    candidates = numbered[:HEADER_SEARCH_ROWS]
    for index, (_n, record) in enumerate(candidates):
        mapping = guess_mapping([clean_cell(c) for c in record])
        if mapping["name"] is not None or mapping["organisation"] is not None:
            return index
    for index, (_n, record) in enumerate(candidates):
        if sum(1 for c in record if c.strip()) >= 2:
            return index
    return 0
