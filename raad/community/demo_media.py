"""Demo: local media. A media list of invented outlets, a press release the forperson approved and the secretariat
sent, one draft waiting for approval, and three pieces of coverage in the log (invented outlets, invented
headlines). Idempotent: does nothing if the council has a press release."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from raad.community.models import PressRelease
from raad.community.services import media as services
from raad.core import mail
from raad.councils.demo import DemoContext
from raad.councils.models import Purpose
from raad.dialogue.models import Topic
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force

OUTLETS = [
    ("Isefjordsposten (opdigtet)", "redaktion@isefjordsposten.invalid"),
    ("Radio Vestsjælland Lokal (opdigtet)", "nyheder@radio-lokal.invalid"),
    ("Holbæk Netavis (opdigtet)", "tips@netavis.invalid"),
]


def load(context: DemoContext) -> None:
    council, calendar = context.council, context.calendar
    D = calendar.date  # noqa: N806 (a date as written, moved with the story)
    if PressRelease.objects.filter(council=council).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    chair = next(
        (m.person.user for m in memberships_in_force(council) if m.role == Membership.Role.CHAIR and m.person.user_id),
        None,
    )
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}
    topic = Topic.objects.filter(council=council, number=1).first()
    with mail.suppressed():
        for name, email in OUTLETS:
            services.outlet_add(council=council, name=name, email=email, by=secretary)
        sent = services.press_release_draft(
            council=council,
            title="Integrationsrådet inviterer til dialogaften om fritidsjob",
            body="Integrationsrådet i Holbæk inviterer unge, forældre, foreninger og virksomheder til en aften om, "
            "hvordan flere unge får et første fritidsjob.\n\nDer bliver tolket til arabisk. Alle er velkomne.",
            purposes=[purposes[n] for n in (1, 2) if n in purposes],
            internal_note="Forpersonen stiller op til interview.",
            by=secretary,
        )
        if chair is not None:
            services.press_release_approve(release=sent, by=chair)
            services.press_release_send(release=sent, by=secretary)
        services.press_release_draft(
            council=council,
            title="Rådet søger foreninger til integrationens dag",
            body="Udkast: Integrationsrådet søger foreninger, der vil være med til integrationens dag.",
            purposes=[purposes[n] for n in (3,) if n in purposes],
            by=secretary,
        )
    coverage = [
        ("Isefjordsposten (opdigtet)", D(2026, 5, 12), "Unge vil have en fod inden for (opdigtet overskrift)", (1, 2)),
        ("Radio Vestsjælland Lokal (opdigtet)", D(2026, 9, 3), "Råd vil give familier fast bolig (opdigtet)", (1,)),
        ("Holbæk Netavis (opdigtet)", D(2026, 11, 10), "Foreninger åbner dørene (opdigtet overskrift)", (3,)),
    ]
    for outlet, day, headline, numbers in coverage:
        services.coverage_record(
            council=council,
            outlet=outlet,
            published_on=min(day, calendar.today),
            headline=headline,
            topic=topic if 1 in numbers else None,
            purposes=[purposes[n] for n in numbers if n in purposes],
            by=secretary,
        )
    context.notes.append("Medier: 3 opdigtede medier, 1 pressemeddelelse sendt, 1 kladde, 3 medieomtaler.")
