"""Does an address lie in the municipality? One interface, a built-in postcode table behind it.

`ResidenceResolver` is the interface. `PostcodeTableResolver` decides from a table of postcodes: a
postcode wholly inside the municipality is a clear yes, one shared with a neighbour municipality is
flagged for the secretariat to confirm, anything else is a clear no. An online address service (DAWA /
Datafordeleren) can be plugged in later as another class with the same `resolve` method, chosen with
`resolver_for(municipality_code)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Residence(StrEnum):
    INSIDE = "inside"
    OUTSIDE = "outside"
    NEEDS_CONFIRMATION = "needs_confirmation"


@dataclass(frozen=True)
class ResidenceResult:
    status: Residence
    postcode: str
    place: str = ""
    note: str = ""

    @property
    def resides(self) -> bool:
        """True only for a clear yes. A shared postcode is not enough until the secretariat confirms it."""
        return self.status is Residence.INSIDE

    @property
    def needs_confirmation(self) -> bool:
        return self.status is Residence.NEEDS_CONFIRMATION


class ResidenceResolver(Protocol):
    def resolve(self, *, street_address: str, postcode: str, city: str = "") -> ResidenceResult: ...


@dataclass(frozen=True)
class PostcodeTable:
    municipality_code: str
    municipality_name: str
    inside: dict[str, str]
    shared: dict[str, str]  # postcode -> place; the neighbour municipality is named in the note


HOLBAEK = PostcodeTable(
    municipality_code="0316",
    municipality_name="Holbæk Kommune",
    inside={
        "4300": "Holbæk",
        "4340": "Tølløse",
        "4350": "Ugerløse",
        "4360": "Kirke Eskilstrup",
        "4370": "Store Merløse",
        "4390": "Vipperød",
        "4420": "Regstrup",
        "4440": "Mørkøv",
        "4450": "Jyderup",
        "4460": "Snertinge",
        "4520": "Svinninge",
        "4532": "Gislinge",
    },
    shared={
        "4330": "Hvalsø",  # mostly Lejre Kommune
        "4490": "Jerslev Sjælland",  # mostly Kalundborg Kommune
        "4470": "Svebølle",  # mostly Kalundborg Kommune
        "4534": "Hørve",  # mostly Odsherred Kommune
    },
)

TABLES = {HOLBAEK.municipality_code: HOLBAEK}

_POSTCODE = re.compile(r"^\d{4}$")


class PostcodeTableResolver:
    """Decides from the built-in postcode table; no network."""

    def __init__(self, table: PostcodeTable):
        self.table = table

    def resolve(self, *, street_address: str = "", postcode: str, city: str = "") -> ResidenceResult:
        postcode = (postcode or "").strip()
        if not _POSTCODE.match(postcode):
            return ResidenceResult(Residence.OUTSIDE, postcode, note="invalid_postcode")
        if postcode in self.table.inside:
            return ResidenceResult(Residence.INSIDE, postcode, self.table.inside[postcode])
        if postcode in self.table.shared:
            return ResidenceResult(
                Residence.NEEDS_CONFIRMATION, postcode, self.table.shared[postcode], note="shared_postcode"
            )
        return ResidenceResult(Residence.OUTSIDE, postcode, city)


def resolver_for(municipality_code: str) -> ResidenceResolver:
    """The resolver for a municipality. The one place to switch to an online address service."""
    table = TABLES.get(municipality_code)
    if table is None:
        raise LookupError(f"No postcode table for municipality {municipality_code}")
    return PostcodeTableResolver(table)
