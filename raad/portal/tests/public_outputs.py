"""The portal's public outputs for the leak test (raad/testing/public_outputs.py), one module per part."""

from raad.portal.tests import (
    public_outputs_feeds,  # noqa: F401  (registers "portal_feeds")
    public_outputs_search,  # noqa: F401  (registers "portal_search")
    public_outputs_subscriptions,  # noqa: F401  (registers "portal_subscriptions")
)
