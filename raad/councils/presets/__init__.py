"""Councils the software can set up from their founding documents."""

from raad.councils.presets import holbaek

PRESETS = {"holbaek": holbaek.PRESET}
