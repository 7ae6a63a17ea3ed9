"""The feeds and finding aids for the leak test (raad/testing/public_outputs.py): every council's RSS and Atom
feeds (meetings, statements, events, topics) in Danish and English, `/sitemap.xml` with its sections and `/robots.txt`. They add
no content of their own: they carry what the other apps' scenarios published, built in the same database, next
to those scenarios' closed items, drafts, comments and registrants, whose secrets must not reach a feed or the
sitemap either. An unknown feed kind answers 404."""

from __future__ import annotations

from raad.testing.public_outputs import PublicOutputs, register

KINDS = ("moeder", "hoeringssvar", "arrangementer", "emner")
SITEMAP_SECTIONS = ("site", "councils", "meetings", "statements", "events", "topics", "associations")


def build(cast) -> PublicOutputs:
    slug = cast.council.slug
    public = [
        f"{prefix}/raad/{slug}/feeds/{kind}.{fmt}"
        for prefix in ("", "/en")
        for kind in KINDS
        for fmt in ("rss", "atom")
    ]
    public += ["/sitemap.xml", *(f"/sitemap-{section}.xml" for section in SITEMAP_SECTIONS), "/robots.txt"]
    return PublicOutputs(
        public=public,
        hidden=[f"/raad/{slug}/feeds/kladder.rss"],
        secrets=[],
        shown={
            f"/raad/{slug}/feeds/moeder.rss": ["Dagsorden: Ordinært møde", "Referat: Ordinært møde"],
            f"/en/raad/{slug}/feeds/moeder.atom": ["Agenda: Ordinary meeting", "Minutes: Ordinary meeting"],
            f"/raad/{slug}/feeds/hoeringssvar.rss": ["Udtalelse om foreningslivet"],
            f"/raad/{slug}/feeds/arrangementer.atom": ["Åben sprogcafé", "Fællesspisning"],
            f"/raad/{slug}/feeds/emner.rss": ["Tryghed i boligområdet"],
            "/sitemap.xml": ["https://raad.test/sitemap-councils.xml", "https://raad.test/sitemap-statements.xml"],
            "/sitemap-councils.xml": [f"https://raad.test/raad/{slug}/moeder/", f"https://raad.test/en/raad/{slug}/"],
            "/robots.txt": ["Disallow: /arbejdsrum/", "Sitemap: https://raad.test/sitemap.xml"],
        },
    )


register(app="portal_feeds", build=build)
