"""The municipality landing page for the leak test (raad/testing/public_outputs.py): Holbæk's page lists its
councils (the kommissorium's introduction, with the CPR number the councils scenario writes into it, masked);
a municipality without any council has no page, and its name is shown nowhere."""

from __future__ import annotations

from raad.councils.models import Municipality
from raad.testing.public_outputs import PublicOutputs, register


def build(cast) -> PublicOutputs:
    Municipality.objects.create(name="Skjultby Kommune", code="0999")
    code = cast.council.municipality.code
    return PublicOutputs(
        public=[f"/kommune/{code}/"],
        hidden=["/kommune/0999/"],
        secrets=["Skjultby Kommune"],
        shown={f"/kommune/{code}/": ["Integrationsrådet i Holbæk Kommune"]},
    )


register(app="councils_municipality", build=build)
