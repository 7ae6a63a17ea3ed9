"""The community app's public outputs for the leak test (raad/testing/public_outputs.py), one module per part."""

from raad.community.tests import (
    public_outputs_associations,  # noqa: F401  (registers "community_associations")
    public_outputs_events,  # noqa: F401  (registers "community_events")
)
from raad.testing.public_outputs import register

from .public_outputs_media import build as build_media
from .public_outputs_volunteering import build as build_volunteering

register(app="community_volunteering", build=build_volunteering)
register(app="community_media", build=build_media)
