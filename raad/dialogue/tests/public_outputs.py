"""The dialogue app's public outputs for the leak test (raad/testing/public_outputs.py), one module per part."""

from raad.dialogue.tests import public_outputs_inquiries  # noqa: F401  (registers "dialogue_inquiries")
