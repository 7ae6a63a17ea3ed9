"""The dialogue app's public outputs for the leak test (raad/testing/public_outputs.py)."""

from raad.testing.public_outputs import register

from .public_outputs_topics import build as build_topics

register(app="dialogue_topics", build=build_topics)
