"""The community app's public outputs for the leak test (raad/testing/public_outputs.py), one module per part."""

from raad.community.tests import public_outputs_associations  # noqa: F401  (registers "community_associations")
