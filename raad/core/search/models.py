"""The search index (raad.core.search): one row per public document, filled only from the apps' registered
sources (see docs/search.md). The full-text part lives beside it, per database: a generated `tsvector` column
with a GIN index on PostgreSQL, the FTS5 table `core_search_fts` on SQLite (migration 0009_search_index)."""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    kind = models.CharField(max_length=40)
    group = models.CharField(max_length=80)  # what a source re-reads together (e.g. one meeting)
    key = models.CharField(max_length=80)
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)  # the Danish path; other languages via translate_url
    language = models.CharField(max_length=10, default="da")
    council = models.CharField(max_length=100, blank=True)  # the council's slug
    council_name = models.CharField(max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    purpose_keys = models.CharField(max_length=200, blank=True)  # the keys of its purposes, space-separated

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_document_unique")]
        indexes = [
            models.Index(fields=["kind", "group"], name="search_document_group"),
            models.Index(fields=["council", "year"], name="search_document_facets"),
            models.Index(fields=["date"], name="search_document_date"),  # the newest first (search/postgres.py)
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} {self.title}"


class SearchPurpose(models.Model):
    """A purpose of the kommissorium a document serves, with its label (the purpose filter; the document also
    carries the keys in `purpose_keys`, which the search reads and PostgreSQL indexes)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="purposes")
    key = models.CharField(max_length=40)
    label = models.CharField(max_length=400)

    class Meta:
        indexes = [models.Index(fields=["key", "document"], name="search_purpose_key")]

    def __str__(self) -> str:
        return self.label
