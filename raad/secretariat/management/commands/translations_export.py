"""`manage.py translations_export --council holbaek --language ar > ar.po`: a council's content in one language
as a gettext PO file for a professional translator (docs/translations.md)."""

from django.core.management.base import BaseCommand, CommandError

from raad.core import translation_desk
from raad.councils.models import Council


class Command(BaseCommand):
    help = "Write a council's translatable content in one language as a PO file (standard output or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--council", required=True, help="the council's slug, e.g. holbaek")
        parser.add_argument("--language", required=True, help="e.g. en, ar, uk, or da-x-easy for easy-read Danish")
        parser.add_argument("--output", help="a file to write instead of standard output")

    def handle(self, *args, council, language, output=None, **options):
        found = Council.objects.filter(slug=council).first()
        if found is None:
            raise CommandError(f"No council with the slug {council!r}.")
        if language not in translation_desk.council_languages(found):
            choices = ", ".join(translation_desk.council_languages(found))
            raise CommandError(f"{found} is not translated into {language!r}; its languages: {choices}.")
        content = translation_desk.po_export(council=found, language=language)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(content)
        else:
            self.stdout.write(content, ending="")
