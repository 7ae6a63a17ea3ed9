from django import template

from raad.core import i18n
from raad.core.audit import verb_label
from raad.core.i18n import localized

register = template.Library()


@register.filter
def loc(obj, field: str) -> str:
    """{{ purpose|loc:"title" }}: the field in the page's language, Danish as fallback."""
    return localized(obj, field)


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


@register.simple_tag(takes_context=True)
def council_lang(context, obj=None, field: str = "") -> str:
    """` lang="da"` on an element whose text is in the council's language and not translated (a decision,
    an item's title, a statement's text), when the page or PDF is in another language; else nothing.
    `<p{% council_lang %}>{{ decision.text }}</p>`; for a field with an English twin (`title`/`title_en`),
    `{% council_lang statement "title" %}` marks it only where the twin is empty (WCAG 3.1.2)."""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    language = i18n.council_language(context.get("council"))
    page = (get_language() or language).split("-")[0]
    if page == language:
        return ""
    if obj is not None and field and (getattr(obj, f"{field}_{page}", "") or "").strip():
        return ""  # translated: the text is in the page's language
    return format_html(' lang="{}"', language)
