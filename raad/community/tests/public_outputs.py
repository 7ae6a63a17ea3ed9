"""The community app's public outputs for the leak test (raad/testing/public_outputs.py), one module per part."""

from raad.community.tests import public_outputs_events  # noqa: F401  (registers "community_events")
