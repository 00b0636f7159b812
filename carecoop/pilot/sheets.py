"""Read a table a person made in a spreadsheet (CSV or XLSX) as rows of text with line numbers."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from carecoop.errors import UserError
from carecoop.i18n import _

#: Far more than any workshop has; a bigger sheet is a wrong file, not a list of people.
MAX_ROWS = 5000


@dataclass(frozen=True)
class SheetRow:
    """One row below the header: its line (or spreadsheet row) number and its cells by column."""

    line: int
    cells: dict[str, str]


def read_sheet(path: Path) -> tuple[list[str], list[SheetRow]]:
    """The header (as written) and the non-empty rows of a .csv or .xlsx file."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(_(
            "{path}: use a .csv or .xlsx file (this one is '{value}')."
        ).format(path=path, value=suffix or _("no suffix")))
    try:
        raw = _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)
    except OSError as error:
        raise UserError(_(
            "Cannot read {path}: {value}"
        ).format(path=path, value=error.strerror or error)) from None
    numbered = [(number, row) for number, row in raw if any(cell.strip() for cell in row)]
    if not numbered:
        raise UserError(_(
            "{path}: the file is empty. Put a header row first, like: name,group,sex,consent"
        ).format(path=path))
    if len(numbered) > MAX_ROWS + 1:
        raise UserError(_(
            "{path}: more than {max_rows} rows; is this the right file?"
        ).format(path=path, max_rows=MAX_ROWS))
    (_first, header), body = numbered[0], numbered[1:]
    header = [cell.strip() for cell in header]
    rows = [
        SheetRow(number, {header[i]: cell.strip() for i, cell in enumerate(row) if i < len(header)})
        for number, row in body
    ]
    return header, rows


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets on Windows often save CSV in the old Western code page.
        text = path.read_text(encoding="cp1252", errors="replace")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text.splitlines(), dialect)
    return [(reader.line_num, row) for row in reader]


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError) as error:
        raise UserError(_(
            "{path}: not a readable .xlsx file ({error})."
        ).format(path=path, error=error)) from None
    try:
        sheet = book.worksheets[0]
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 50:
                break
            rows.append((number, [_cell_text(value) for value in values]))
        return rows
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
