"""Pure rules of the secretariat app: the annual report's sections and its life (R23)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The annual report's sections, in the order the report shows them. Keys are stored (comments, frozen figures).
SECTIONS: tuple[tuple[str, object], ...] = (
    ("purposes", _("Kommissoriets formål")),
    ("meetings", _("Møder og fremmøde")),
    ("statements", _("Udtalelser og hvad der skete med dem")),
    ("topics", _("Emner rejst af borgere og hvad der blev gjort")),
    ("dialogue", _("Dialog")),
    ("events", _("Arrangementer og deltagere")),
    ("media", _("Omtale i medierne")),
    ("volunteering", _("Frivillighed")),
    ("budget", _("Budget og forbrug")),
    ("membership", _("Ændringer i medlemskredsen")),
)
SECTION_KEYS = tuple(key for key, _title in SECTIONS)


def percent(part: int, whole: int) -> int:
    """A whole per cent, rounded half up; 0 of nothing is 0."""
    if whole <= 0:
        return 0
    return (200 * part + whole) // (2 * whole)
