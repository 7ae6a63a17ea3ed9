"""OParl's public outputs for the leak test (raad/testing/public_outputs.py): the System object, the bodies and
every external list of the body, also as a client that updates its copy sees them (`modified_since`, with the
deleted objects). The lists embed every object they hold, so every other app's scenario (built with this one)
passes through them: no closed item, draft, comment or personal data of any app may appear."""

from __future__ import annotations

from raad.testing.public_outputs import PublicOutputs, register

LISTS = ("organization", "person", "membership", "meeting", "agendaitem", "paper", "consultation", "file", "location")


def build(cast) -> PublicOutputs:
    body = f"/oparl/body/{cast.council.municipality_id}/"
    public = ["/oparl/", "/oparl/body/", body, f"{body}legislativeterm/"]
    public += [f"{body}{name}/" for name in LISTS]
    public += [f"{body}{name}/?modified_since=2000-01-01T00:00:00" for name in ("person", "membership", "file")]
    assert len(public) == 16
    return PublicOutputs(
        public=public,
        secrets=[],  # every other app's secrets are checked against these outputs
        shown={"/oparl/": ["https://schema.oparl.org/1.1/"], "/oparl/body/": [cast.council.municipality.name]},
    )


register(app="api_oparl", build=build)
