"""schema.org structured data as JSON-LD (`<script type="application/ld+json">`), for pages where a reader's
search engine or calendar benefits (events). `script(data)` escapes what could end the script element, like
Django's `json_script`; the browser never runs it (it is data, so the content security policy allows it)."""

from __future__ import annotations

import json
import re
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_DANISH_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<code>\d{4})\s+(?P<town>.+)$")


def script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


def postal_address(address: str) -> dict[str, str]:
    """`Klosterstræde 13, 4300 Holbæk` as a schema.org PostalAddress (street, postal code, town); an address
    in another shape as its street line."""
    found = _DANISH_ADDRESS.match(address.strip())
    if found is None:
        return {"@type": "PostalAddress", "streetAddress": address.strip(), "addressCountry": "DK"}
    return {
        "@type": "PostalAddress",
        "streetAddress": found["street"],
        "postalCode": found["code"],
        "addressLocality": found["town"],
        "addressCountry": "DK",
    }
