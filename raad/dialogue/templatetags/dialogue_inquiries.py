from django import template

from raad.core import translations
from raad.core.redaction import mask_cpr

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """{{ referral|translated:"opening_hours" }}: translated content (core.translations) in the active language,
    Danish as fallback, CPR numbers masked on the way out (R30)."""
    return mask_cpr(translations.localized(obj, field))
