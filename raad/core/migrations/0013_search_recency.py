from django.db import migrations, models

# PostgreSQL: a search reads the newest documents first, chunk by chunk (raad/core/search/postgres.py). The chunk
# was "§<id // 20000>", so "newest" meant "most recently indexed": after a rebuild, which indexes kind by kind, a
# capped search ranked only among the kinds indexed last (docs/benchmarks.md). The chunk is now the document's
# date in quarters ("§<days since 1900-01-01 // 91>"; no date: the oldest chunk), and the scan finds the newest
# quarter through an index on the date. A generation expression cannot be altered in PostgreSQL 15: the column is
# made anew, as in 0010_search_chunks.
VECTOR = """ALTER TABLE core_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
     || setweight(to_tsvector('danish'::regconfig, coalesce(body, '')), 'B')
     || array_to_tsvector(
          ARRAY['§' || ({chunk})::text, '§k' || kind, '§c' || council, '§y' || coalesce(year::text, '')]
          || string_to_array('§p' || replace(purpose_keys, ' ', ' §p'), ' '))) STORED"""
BY_DATE = "(coalesce(date, DATE '1900-01-01') - DATE '1900-01-01') / 91"
BY_ID = "id / 20000"
DROP = ["DROP INDEX IF EXISTS core_searchdocument_vector", "ALTER TABLE core_searchdocument DROP COLUMN vector"]
INDEX = "CREATE INDEX core_searchdocument_vector ON core_searchdocument USING gin (vector)"


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0012_search_uncompressed")]

    operations = [
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["date"], name="search_document_date"),
        ),
        migrations.RunPython(
            _run([*DROP, VECTOR.format(chunk=BY_DATE), INDEX]), _run([*DROP, VECTOR.format(chunk=BY_ID), INDEX])
        ),
    ]
