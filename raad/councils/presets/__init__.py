"""Councils the software can set up from their founding documents."""

from raad.councils.presets import holbaek, holbaek_elderly, holbaek_handicap

PRESETS = {
    "holbaek": holbaek.PRESET,
    "holbaek-handicap": holbaek_handicap.PRESET,
    "holbaek-aeldre": holbaek_elderly.PRESET,
}
