"""The council in the community (kommissorium: purposes 3 and 4, "Økonomi"): events, associations,
volunteering and local media. One module per sub-domain; import models from here."""

from raad.community.models.associations import Association
from raad.community.models.event_registrations import EventPhoto, EventRegistration
from raad.community.models.events import Event

__all__ = ["Association", "Event", "EventPhoto", "EventRegistration"]
