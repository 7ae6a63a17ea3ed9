from django.db import migrations, models

# PostgreSQL: the search vector also carries lexemes no text can produce (the parser never keeps "§" in a word):
# the document's chunk "§<id // 20000>", its kind "§k…", council "§c…", year "§y…" and purposes "§p…". A search
# scans the chunks from the newest down, each with the query AND its chunk AND the filters, so PostgreSQL
# intersects the posting lists inside the GIN index and reads only matching rows, and the LIMIT stops the loop
# once enough are found: a common word costs about one chunk (raad/core/search/postgres.py, CHUNK;
# docs/search.md). A generation expression cannot be altered in PostgreSQL 15: the column is made anew.
CHUNKED = """ALTER TABLE core_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
     || setweight(to_tsvector('danish'::regconfig, coalesce(body, '')), 'B')
     || array_to_tsvector(
          ARRAY['§' || (id / 20000)::text, '§k' || kind, '§c' || council, '§y' || coalesce(year::text, '')]
          || string_to_array('§p' || replace(purpose_keys, ' ', ' §p'), ' '))) STORED"""
UNCHUNKED = """ALTER TABLE core_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
     || setweight(to_tsvector('danish'::regconfig, coalesce(body, '')), 'B')) STORED"""
DROP = ["DROP INDEX IF EXISTS core_searchdocument_vector", "ALTER TABLE core_searchdocument DROP COLUMN vector"]
INDEX = "CREATE INDEX core_searchdocument_vector ON core_searchdocument USING gin (vector)"
# The keys of the documents already indexed (a reindex writes them too).
FILL = """UPDATE core_searchdocument SET purpose_keys = coalesce(
     (SELECT {agg} FROM core_searchpurpose AS p WHERE p.document_id = core_searchdocument.id), '')"""
AGGREGATE = {"postgresql": "string_agg(p.key, ' ')", "sqlite": "group_concat(p.key, ' ')"}


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


def _fill(apps, schema_editor):
    schema_editor.execute(FILL.format(agg=AGGREGATE[schema_editor.connection.vendor]))


class Migration(migrations.Migration):
    dependencies = [("core", "0009_search_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="purpose_keys",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.RunPython(_fill, migrations.RunPython.noop),
        migrations.RunPython(_run([*DROP, CHUNKED, INDEX]), _run([*DROP, UNCHUNKED, INDEX])),
    ]
