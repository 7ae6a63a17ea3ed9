"""The search page's public outputs for the leak test (raad/testing/public_outputs.py): searches for what the
other apps' scenarios publish, and for word forms of what they keep secret (closed items, drafts, comments,
inquiries: "hemmelige" is a form of "HEMMELIGT"). The index is kept by the apps' services on commit, which
the leak test runs (its `outputs` fixture), so every scenario of every app is in it or, if not public, not."""

from __future__ import annotations

from urllib.parse import urlencode

from raad.testing.public_outputs import PublicOutputs, register

FOUND = {  # what the other scenarios publish → a text the results page shows
    "praktikpladser": "Beskæftigelse for nyankomne",  # meetings: the open item's decision and minutes
    "foreninger": "Udtalelse om foreningslivet",  # statements: the published statement's text
    "utrygge": "Tryghed i boligområdet",  # dialogue: a published topic's description
    "kom med": "Åben sprogcafé",  # community: a published event's description
    "møderne var åbne": "Årsberetning 20",  # secretariat: the published annual report's comments (its title)
}
PROBES = ["hemmelige", "kladder", "udkastet", "kommentaren", "henvendelsen", "lukkede", "tilmeldte"]


def build(cast) -> PublicOutputs:
    public, shown = [], {}
    for prefix in ("", "/en"):
        for words, title in FOUND.items():
            url = f"{prefix}/soeg/?{urlencode({'q': words})}"
            public.append(url)
            shown[url] = [title]
        public += [f"{prefix}/soeg/?{urlencode({'q': words})}" for words in PROBES]
    public.append("/soeg/?" + urlencode({"q": "rådet", "art": "decision"}))
    return PublicOutputs(public=public, secrets=[], shown=shown)


register(app="portal_search", build=build)
