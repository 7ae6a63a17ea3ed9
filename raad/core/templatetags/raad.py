from django import template
from django.utils.safestring import SafeData, mark_safe

from raad.core import i18n
from raad.core.audit import verb_label
from raad.core.i18n import localized
from raad.core.redaction import mask_cpr

register = template.Library()


@register.filter
def loc(obj, field: str) -> str:
    """{{ purpose|loc:"title" }}: the field in the page's language, Danish as fallback, with every CPR number
    masked on the way out (R30: one that reached the database by an import or raw SQL is never shown)."""
    return masked(localized(obj, field))


@register.filter
def masked(text):
    """{{ council.contact_address|masked }}: the text with every CPR number masked (R30), for a free-text field
    shown without `loc`. Text already marked safe stays safe (only digits are replaced)."""
    if not isinstance(text, str) or not text:
        return text
    result = mask_cpr(text)
    return mark_safe(result) if isinstance(text, SafeData) else result  # noqa: S308 - digits only replaced


@register.filter
def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


@register.filter
def audit_verb(verb: str) -> str:
    """{{ entry.verb|audit_verb }}: the human name of an audit verb."""
    return verb_label(verb)


@register.filter
def described_widget(bound_field):
    """Render a form field's widget with aria-describedby pointing at its hint and error messages
    (the ids includes/field.html gives them), so screen readers read them with the field."""
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    ids.extend(f"{bound_field.auto_id}_error{n}" for n in range(1, len(bound_field.errors) + 1))
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    return bound_field.as_widget(attrs=attrs)


@register.filter(expects_localtime=True)
def date_local(value, name: str) -> str:
    """{{ meeting.starts_at|date_local:"WEEKDAY_DATETIME_FORMAT" }}: Råd's named date formats per language
    (raad/formats/<language>/formats.py), e.g. "torsdag 10. december 2026, kl. 17.00"."""
    return i18n.date_local(value, name)


@register.filter
def dict_items(value) -> list:
    """{% for key, value in entry.changes|dict_items %}: a dict's pairs. `changes.items` in a template would
    look up a key named "items" first (an audit entry of closed items read has one) and break the loop."""
    return list(value.items()) if isinstance(value, dict) else []
