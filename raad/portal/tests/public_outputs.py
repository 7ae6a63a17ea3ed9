"""The portal's public outputs for the leak test (raad/testing/public_outputs.py), one module per slice."""

from raad.portal.tests import public_outputs_search  # noqa: F401  (registers "portal_search")
