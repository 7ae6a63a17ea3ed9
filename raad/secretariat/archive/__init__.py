"""Access to documents (aktindsigt, R28) and the yearly archive export (R34): one ZIP of PDF/A files, the
uploaded originals, JSON and CSV data and a manifest with checksums, written member by member (docs/archive-export.md).

`collect` gathers what belongs to a case or a council-year (selectors), `formats` gives the rows' shapes,
`render` makes the PDF/A documents, `writer` writes the streaming ZIP, `build` puts them together and
`services` records each export in the audit journal. Nothing here changes or deletes a row of the case.
"""
