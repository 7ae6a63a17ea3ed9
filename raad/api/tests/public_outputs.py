"""The api app's public outputs for the leak test: one module per slice, imported here."""

from . import public_outputs_oparl  # noqa: F401
