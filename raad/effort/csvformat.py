"""The indicator CSV format (docs/effort.md): read and checked in full before anything is written.

Pure: no database. `parse_values_csv` returns the rows or raises `RuleViolation` naming the line of every
problem found (up to `MAX_PROBLEMS`), so the import writes all rows or none."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation

REQUIRED = ("indicator", "goal_area", "measure_da", "unit", "year", "value", "source")
OPTIONAL = ("change_since_2012", "scope")
SCOPES = ("municipality", "national")
MAX_BYTES = 1_000_000
MAX_PROBLEMS = 10
CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}$")
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class ValueRow:
    line: int
    code: str
    goal_area: str
    name: str
    unit: str
    scope: str
    year: int
    value: Decimal
    source: str


def _number(text: str) -> Decimal | None:
    text = text.strip().replace("\u2212", "-")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # a Danish decimal comma ("12,5") in a quoted field
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) >= Decimal("1e10"):
        return None
    return number.quantize(Decimal("0.0001")) if number.as_tuple().exponent < -4 else number  # type: ignore[operator]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RuleViolation(
            _("Linje %(line)s: filen er ikke UTF-8. Gem den som CSV (UTF-8) og prøv igen.") % {"line": line}
        ) from None


def parse_values_csv(data: bytes, *, scope: str | None) -> list[ValueRow]:
    """Every row of an indicator CSV; `scope` applies to rows when the file has no `scope` column."""
    if len(data) > MAX_BYTES:
        raise RuleViolation(_("Filen er for stor (højst %(kb)s kB).") % {"kb": MAX_BYTES // 1000})
    text = _decode(data)
    if not text.strip():
        raise RuleViolation(_("Linje 1: filen er tom."))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except csv.Error:
        raise RuleViolation(_("Linje 1: kolonneoverskrifterne kan ikke læses.")) from None
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    doubled = sorted({name for name in header if header.count(name) > 1})
    if missing or unknown or doubled:
        parts = []
        if missing:
            parts.append(_("mangler %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            parts.append(_("ukendte kolonner %(names)s") % {"names": ", ".join(unknown) or '""'})
        if doubled:
            parts.append(_("dobbelte kolonner %(names)s") % {"names": ", ".join(doubled)})
        raise RuleViolation(
            _("Linje 1: kolonneoverskrifterne passer ikke til formatet (%(problems)s). Forventet: %(expected)s.")
            % {"problems": "; ".join(parts), "expected": ",".join(REQUIRED)}
        )
    if "scope" not in header and scope not in SCOPES:
        raise RuleViolation(_("Vælg, om tallene gælder kommunen eller hele landet."))

    rows: list[ValueRow] = []
    problems: list[str] = []
    seen: dict[tuple[str, str, int], int] = {}
    meta: dict[str, tuple[int, str, str]] = {}
    try:
        for fields in reader:
            line = reader.line_num
            if not any(field.strip() for field in fields):
                continue
            if len(fields) != len(header):
                problems.append(
                    _("Linje %(line)s: %(found)s felter, men overskriften har %(expected)s.")
                    % {"line": line, "found": len(fields), "expected": len(header)}
                )
                continue
            cell = {name: value.strip() for name, value in zip(header, fields, strict=True)}
            row_problems = []
            empty = [name for name in REQUIRED if not cell[name] and name != "unit"]
            if empty:
                row_problems.append(_("tomt felt %(names)s") % {"names": ", ".join(empty)})
            code = cell["indicator"]
            if code and not CODE.match(code):
                row_problems.append(_("indikatornummeret %(code)s kan ikke bruges") % {"code": code})
            row_scope = cell.get("scope", scope) or ""
            if row_scope not in SCOPES:
                row_problems.append(
                    _("ukendt område %(scope)s (brug municipality eller national)") % {"scope": row_scope or '""'}
                )
            year = int(cell["year"]) if cell["year"].isdigit() else None
            if cell["year"] and (year is None or not MIN_YEAR <= year <= MAX_YEAR):
                row_problems.append(_("året %(year)s er ikke et årstal") % {"year": cell["year"]})
            value = _number(cell["value"]) if cell["value"] else None
            if cell["value"] and value is None:
                row_problems.append(_("værdien %(value)s er ikke et tal") % {"value": cell["value"]})
            for name, limit in (("measure_da", 500), ("source", 500), ("goal_area", 120), ("unit", 40)):
                if len(cell[name]) > limit:
                    row_problems.append(_("%(name)s er længere end %(limit)s tegn") % {"name": name, "limit": limit})
            if cell.get("change_since_2012") and _number(cell["change_since_2012"]) is None:
                row_problems.append(
                    _("change_since_2012 %(value)s er ikke et tal") % {"value": cell["change_since_2012"]}
                )
            if not row_problems and year is not None and value is not None:
                key = (code, row_scope, year)
                if key in seen:
                    row_problems.append(
                        _("indikator %(code)s, %(scope)s, %(year)s står også på linje %(other)s")
                        % {"code": code, "scope": row_scope, "year": year, "other": seen[key]}
                    )
                else:
                    seen[key] = line
                first = meta.setdefault(code, (line, cell["measure_da"], cell["unit"]))
                if (first[1], first[2]) != (cell["measure_da"], cell["unit"]):
                    row_problems.append(
                        _("indikator %(code)s har et andet navn eller en anden enhed end på linje %(other)s")
                        % {"code": code, "other": first[0]}
                    )
            if row_problems:
                problems.append(
                    _("Linje %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(row_problems)}
                )
            else:
                assert year is not None and value is not None
                rows.append(
                    ValueRow(
                        line=line,
                        code=code,
                        goal_area=cell["goal_area"],
                        name=cell["measure_da"],
                        unit=cell["unit"],
                        scope=row_scope,
                        year=year,
                        value=value,
                        source=cell["source"],
                    )
                )
            if len(problems) >= MAX_PROBLEMS:
                break
    except csv.Error:
        problems.append(_("Linje %(line)s: CSV-formatet kan ikke læses.") % {"line": reader.line_num})
    if problems:
        raise RuleViolation(problems)
    if not rows:
        raise RuleViolation(_("Linje 2: filen har ingen rækker med tal."))
    return rows
