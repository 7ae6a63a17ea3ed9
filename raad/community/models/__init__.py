"""The council in the community (kommissorium: purposes 3 and 4, "Økonomi"): events, associations,
volunteering and local media. One module per sub-domain; import models from here."""

from raad.community.models.associations import Association
from raad.community.models.event_registrations import EventPhoto, EventRegistration
from raad.community.models.events import Event
from raad.community.models.media import MediaCoverage, MediaOutlet, PressRelease, PressReleaseDispatch
from raad.community.models.volunteering import (
    VolunteeringContribution,
    VolunteeringGoal,
    VolunteeringStrategy,
    VolunteerOpportunity,
)

__all__ = [
    "Association",
    "Event",
    "EventPhoto",
    "EventRegistration",
    "MediaCoverage",
    "MediaOutlet",
    "PressRelease",
    "PressReleaseDispatch",
    "VolunteerOpportunity",
    "VolunteeringContribution",
    "VolunteeringGoal",
    "VolunteeringStrategy",
]
