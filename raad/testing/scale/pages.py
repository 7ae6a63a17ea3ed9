"""The pages the scale benchmark measures (benchmarks/scale_bench.py) and the query-count test pins at two sizes
(raad/secretariat/tests/test_scale_queries.py): each public page, each API endpoint (REST and OParl) and the main
workspace pages of the first generated council, and the logins and ids they need. `urls()` is pure Python; the
others need a configured Django and a database built by `generate_scale`."""

from __future__ import annotations

PACKET_ITEMS = 50


def urls(ids: dict) -> list[tuple[str, str, str]]:
    """(group, who, path): each public page, each API endpoint (REST and OParl), the main workspace pages."""
    c, m, mu, b = f"/raad/{ids['slug']}", ids["held_meeting"], ids["municipality"], ids["municipality_pk"]
    public = [
        "/", "/tilgaengelighed/", "/persondata/", "/soeg/?q=budget", f"/kommune/{mu}/", f"{c}/",
        f"{c}/medlemmer/", f"{c}/forretningsorden/", f"{c}/kontakt/", f"{c}/feeds/moeder.rss",
        f"{c}/feeds/hoeringssvar.atom", f"{c}/moeder/", f"{c}/moeder/kalender/", f"{c}/moeder/kalender.ics",
        f"{c}/moeder/{m}/", f"{c}/moeder/{m}/dagsorden.pdf", f"{c}/moeder/{m}/referat.pdf",
f"{c}/hoeringssvar/", f"{c}/hoeringssvar/{ids['statement']}/",
        f"{c}/skriv/", f"{c}/hjaelp/", f"{c}/arrangementer/", f"{c}/arrangementer/kalender/",
        f"{c}/arrangementer/arrangementer.ics", f"{c}/arrangementer/{ids['event']}/", f"{c}/foreninger/",
        f"{c}/frivillig/", f"{c}/presse/", f"{c}/abonnement/", "/aabne-data/", "/sitemap.xml",
        "/sitemap-meetings.xml", "/sitemap-statements.xml", "/robots.txt",
        # the search: a common word across the installation, narrowed to one council and kind, two words, page 3
        f"/soeg/?q=budget&raad={ids['slug']}&art=decision", "/soeg/?q=praktik+midler", "/soeg/?q=budget&side=3",
    ]  # fmt: skip
    a = f"/api/councils/{ids['slug']}"
    rest = [
        "/api/openapi.json", "/api/councils", f"{a}", f"{a}/members", f"{a}/meetings", f"{a}/meetings/{m}",
        f"{a}/agenda-items", f"{a}/statements", f"{a}/statements/{ids['statement']}", f"{a}/consultations",
        f"{a}/consultations/{ids['consultation']}", f"{a}/events", f"{a}/events/{ids['event']}", f"{a}/associations",
        f"{a}/topics", f"{a}/topics/{ids['topic']}", "/api/journal", "/api/cases",
    ]  # fmt: skip
    o = f"/oparl/body/{b}"
    oparl = [
        "/oparl/", "/oparl/body/", f"{o}/", f"{o}/organization/", f"{o}/person/", f"{o}/membership/", f"{o}/meeting/",
        f"{o}/agendaitem/", f"{o}/paper/", f"{o}/consultation/", f"{o}/file/", f"{o}/location/",
        f"{o}/legislativeterm/", f"/oparl/organization/council/{ids['council_pk']}/",
        f"/oparl/organization/council/{ids['council_pk']}/meeting/", f"/oparl/meeting/{m}/",
    ]  # fmt: skip
    w = f"/arbejdsrum/{ids['slug']}"
    secretariat = [
        "/arbejdsrum/", f"{w}/", f"{w}/moeder/", f"{w}/moeder/{ids['packet_meeting']}/", f"{w}/moeder/{m}/",
        f"{w}/hoeringer/", f"{w}/hoeringer/journal/", f"{w}/journal/", f"{w}/henvendelser/", f"{w}/emner/",
        f"{w}/arrangementer/", f"{w}/bemanding/", f"{w}/aktindsigt/",
    ]  # fmt: skip
    member = ["/arbejdsrum/", f"{w}/", f"{w}/moeder/", f"{w}/moeder/{ids['packet_meeting']}/"]
    return (
        [("public", "anonymous", u) for u in public]
        + [("REST API", "anonymous", u) for u in rest]
        + [("OParl", "anonymous", u) for u in oparl]
        + [("workspace", "secretariat", u) for u in secretariat]
        + [("workspace", "member", u) for u in member]
    )


def logins(council):
    """A secretariat user (`bench-sekretariat`, with a confirmed authenticator) and a member (`bench-medlem`,
    linked to the forperson of the current term, who has accepted the duty of confidentiality), made through
    the services: the generator makes no logins (docs/scale.md). Returns (secretary, device, member)."""
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raad.core.models import User
    from raad.core.roles import Role
    from raad.core.services import user_create
    from raad.councils.models import StaffAssignment
    from raad.councils.services import staff_assign
    from raad.membership.models import Membership
    from raad.membership.services import confidentiality_acknowledge, person_link_user

    today = timezone.localdate()
    secretary = User.objects.filter(username="bench-sekretariat").first()
    if secretary is None:
        secretary = user_create(
            username="bench-sekretariat", email="bench-sekretariat@bench.invalid", first_name="Bente",
            last_name="Sekretær", password=None, by=None,
        )  # fmt: skip
    if not StaffAssignment.objects.filter(user=secretary, council=council).exists():
        staff_assign(council=council, user=secretary, role=Role.SECRETARIAT, starts_on=today, by=None)
    device = TOTPDevice.objects.filter(user=secretary, confirmed=True).first() or TOTPDevice.objects.create(
        user=secretary, confirmed=True, name="bench"
    )
    member = User.objects.filter(username=f"bench-medlem-{council.slug}").first()
    if member is None:
        chair = (
            Membership.objects.filter(
                seat__council=council, starts_on__lte=today, person__user__isnull=True, role=Membership.Role.CHAIR
            )
            .exclude(ends_on__lt=today)
            .select_related("person")
            .order_by("-starts_on")
            .first()
        )
        member = user_create(
            username=f"bench-medlem-{council.slug}", email=f"bench-medlem-{council.slug}@bench.invalid",
            first_name=chair.person.first_name, last_name=chair.person.last_name, password=None, by=None,
        )  # fmt: skip
        person_link_user(person=chair.person, user=member, by=None)
        confidentiality_acknowledge(person=chair.person, by=member)
    return secretary, device, member


def page_ids(council, packet_meeting=None) -> dict:
    """The ids `urls()` needs for `council`: the packet's meeting (default: its latest meeting), its latest held
    meeting with published minutes other than that one, its latest published statement, consultation, event and topic."""
    from raad.community.models import Event
    from raad.dialogue.models import Topic
    from raad.meetings.models import Meeting
    from raad.statements.models import Consultation, Statement

    packet_meeting = packet_meeting or Meeting.objects.filter(council=council).order_by("-starts_at").first()
    held = Meeting.objects.filter(council=council, status="held", minutes__status="approved")
    if packet_meeting is not None:
        held = held.exclude(pk=packet_meeting.pk)
    statement = (  # one that answers a consultation, as seven in ten do (the same page shape at every size)
        Statement.objects.filter(council=council, published_at__isnull=False, consultation__isnull=False)
        .order_by("-pk")
        .first()
    )
    consultation = (  # a public one: a published statement answers it
        Consultation.objects.filter(council=council, statements__published_at__isnull=False).order_by("-pk").first()
    )
    event = Event.objects.filter(council=council).order_by("-pk").first()
    topic = Topic.objects.filter(council=council).order_by("-pk").first()
    return {
        "slug": council.slug,
        "council_pk": council.pk,
        "municipality": council.municipality.code,
        "municipality_pk": council.municipality_id,
        "held_meeting": held.order_by("-starts_at").values_list("pk", flat=True).first(),
        "packet_meeting": packet_meeting.pk if packet_meeting else None,
        "statement": statement.pk if statement else None,
        "consultation": consultation.pk if consultation else None,
        "event": event.pk if event else None,
        "topic": topic.number if topic else None,
    }
