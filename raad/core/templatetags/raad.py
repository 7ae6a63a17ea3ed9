from django import template
from django.utils.functional import LazyObject
from django.utils.safestring import SafeData, mark_safe

from raad.core import i18n
from raad.core.audit import readable_changes, verb_label
from raad.core.redaction import mask_cpr
from raad.core.translations import localized, localized_text

register = template.Library()


@register.filter
def loc(obj, field: str) -> str:
    """{{ purpose|loc:"title" }}: the field in the page's language, Danish as fallback, with every CPR number
    masked on the way out (R30: one that reached the database by an import or raw SQL is never shown).
    Registered content (raad.core.translations) reads its translation, or the easy-read Danish the reader chose."""
    if isinstance(obj, LazyObject):  # the page's council: read the object itself
        obj.__class__  # noqa: B018 - evaluates the lazy object
        obj = obj._wrapped
    return masked(localized(obj, field))


@register.filter
def language_in_page(code: str) -> str:
    """The name of a language in the page's language ("Arabisk" on a Danish page, "Arabic" on an English one),
    for the secretariat reading which language an inquiry or a registration was written in."""
    from django.utils.translation import get_language_info

    try:
        return str(get_language_info(code)["name_translated"]).capitalize()
    except KeyError:
        return code


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
def audit_changes(entry) -> list:
    """{% for change in entry|audit_changes %}: the fields' labels and readable values (core.audit)."""
    return readable_changes(entry)


@register.filter
def described_widget(bound_field):
    """Render a form field's widget with aria-describedby pointing at its hint and error messages
    (the ids includes/field.html gives them), so screen readers read them with the field."""
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    ids.extend(f"{bound_field.auto_id}_error{n}" for n in range(1, len(bound_field.errors) + 1))
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    widget = bound_field.field.widget
    if getattr(widget, "input_type", "") in ("checkbox", "radio") and not getattr(
        widget, "allow_multiple_selected", False
    ):
        # DKFDS draws the box on the label that follows an input with its class (the input itself is transparent);
        # without the class a single checkbox had no visible box at all.
        attrs["class"] = f"form-{widget.input_type}"
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


@register.filter
def error_summary(form) -> list[tuple[str, str]]:
    """{% for href, text in form|error_summary %}: every error message of the form for the alert at its top, as
    (link to the field or "", text); blank messages left out, so an alert never shows an empty list."""
    if form is None or not getattr(form, "errors", None):
        return []
    items = []
    for name, messages in form.errors.items():
        field = form.fields.get(name) if name != "__all__" else None
        for message in messages:
            if not str(message).strip():
                continue
            if field is None:
                items.append(("", str(message)))
            else:
                items.append((f"#{form[name].id_for_label}", f"{field.label}: {message}"))
    return items


@register.filter
def non_blank(messages) -> list:
    """The messages that say something: a rule's alert lists only these, and is left out when none is left."""
    return [m for m in messages or [] if str(m).strip()]


@register.simple_tag(takes_context=True)
def council_lang(context, obj=None, field: str = "") -> str:
    """` lang="da"` on an element whose text is in the council's language and not translated (a decision,
    an item's title, a statement's text), when the page or PDF is in another language; else nothing.
    `<p{% council_lang %}>{{ decision.text }}</p>`; for a translatable field (raad.core.translations),
    `{% council_lang statement "title" %}` marks it only where no translation into the page's language is
    shown (WCAG 3.1.2)."""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    language = i18n.council_language(context.get("council"))
    page = (get_language() or language).split("-")[0]
    if page == language:
        return ""
    if obj is not None and field and localized_text(obj, field).language.split("-")[0] == page:
        return ""  # translated: the text is in the page's language
    return format_html(' lang="{}"', language)


@register.filter
def translation_state(shown) -> dict:
    """{{ shown|translation_state }} for `core/includes/fallback_notice.html`: `shown` is one
    `translations.Localized` or a list of them. `fallback` is "all" when every non-empty text is shown in
    Danish instead of the page's language, "some" when some are, else ""; `draft` when one is an unreviewed
    translation."""
    items = [shown] if hasattr(shown, "is_fallback") else list(shown or [])
    fallbacks = [item for item in items if item.is_fallback]
    translated = [item for item in items if not item.is_fallback and str(item).strip()]
    fallback = "all" if fallbacks and not translated else ("some" if fallbacks else "")
    return {"fallback": fallback, "draft": any(item.is_draft for item in items)}


@register.simple_tag
def text_lang(obj, field: str) -> str:
    """` lang="da" dir="ltr"` on the element of a content text shown in Danish on a page in another language
    (WCAG 3.1.2), using the same lookup as the page (`translations.localized_text`); else nothing.
    `<p{% text_lang terms "limits" %}>{{ terms|loc:"limits" }}</p>`"""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    if obj is None:
        return ""
    shown = localized_text(obj, field)
    page = (get_language() or "da").split("-")[0]
    if shown.language.split("-")[0] == page:
        return ""
    return format_html(' lang="{}" dir="{}"', shown.language, i18n.language_direction(shown.language))


# Query parameters that only say where a visitor came from: left out of a page's canonical URL.
TRACKING_PARAMETERS = ("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "ref")


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's own absolute URL (SITE_URL, never the request's host) for `<link rel="canonical">`: the
    path in its language and the query parameters that choose what it shows (`side`, `aar` …), without
    tracking parameters (utm_…, fbclid …)."""
    from django.http import QueryDict

    from raad.core.links import absolute_url

    request = context.get("request")
    if request is None:
        return ""
    query = QueryDict(mutable=True)
    for key, values in sorted(request.GET.lists()):
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS:
            query.setlist(key, values)
    return absolute_url(request.path) + (f"?{query.urlencode()}" if query else "")
