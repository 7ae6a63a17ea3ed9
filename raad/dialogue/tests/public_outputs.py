"""The dialogue app's public outputs for the leak test (raad/testing/public_outputs.py), one module per part."""

from raad.dialogue.tests import public_outputs_inquiries  # noqa: F401  (registers "dialogue_inquiries")
from raad.testing.public_outputs import register

from .public_outputs_topics import build as build_topics

register(app="dialogue_topics", build=build_topics)
