from django.db import migrations

# PostgreSQL compresses the widest values of a row longer than about 2 kB (a paragraph's text and its vector
# often are), and ts_rank then decompresses every vector it ranks: two thirds of the ranking's time at a
# million paragraphs. Rows up to a page's size are kept as they are (toast_tuple_target, the largest allowed),
# and every row is written again so the setting applies to the documents already indexed (the generated vector
# is computed anew). raad/core/search/postgres.py; docs/search.md "At scale".
UNCOMPRESSED = [
    "ALTER TABLE core_searchdocument SET (toast_tuple_target = 8160)",
    "UPDATE core_searchdocument SET title = title",
]
DEFAULT = ["ALTER TABLE core_searchdocument RESET (toast_tuple_target)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0011_desk_feed_token")]

    operations = [migrations.RunPython(_run(UNCOMPRESSED), _run(DEFAULT))]
