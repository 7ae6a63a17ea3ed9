"""The api app's public outputs for the leak test: one module per part, imported here."""

from . import public_outputs_oparl, public_outputs_rest  # noqa: F401
