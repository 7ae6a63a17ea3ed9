"""Demo: Holbæk's integration council from its preset."""

from raad.councils.presets import PRESETS
from raad.councils.services import council_setup_from_preset


def load(state: dict) -> None:
    council, _created = council_setup_from_preset(preset=PRESETS["holbaek"])
    state["council"] = council
