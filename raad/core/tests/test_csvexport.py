"""Every cell a spreadsheet would read as a formula is written as text."""

import pytest

from raad.core.csvexport import csv_response, safe_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("https://evil.invalid")', '\'=HYPERLINK("https://evil.invalid")'),
        ("+45 12 34 56 78", "'+45 12 34 56 78"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Ahmad Rahimi", "Ahmad Rahimi"),
        ("a=b", "a=b"),
        (None, ""),
        (7, "7"),
    ],
)
def test_safe_cell(value, written):
    assert safe_cell(value) == written


def test_csv_response_writes_every_cell_safely():
    response = csv_response(filename="x.csv", header=["navn"], rows=[["=1+1"], ["Sara"]])
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.content.decode().splitlines() == ["navn", "'=1+1", "Sara"]
