"""When a member withdraws an apology, the substitute invited in their place is told by e-mail (in their own
language) that they are no longer summoned; an apology sent again invites the substitute again (R19)."""

from __future__ import annotations

from raad.core.models import OutgoingMail
from raad.core.services import user_set_language
from raad.meetings import services

from .conftest import at


def test_withdrawal_tells_the_substitute_and_a_new_apology_invites_again(cast, meeting):
    services.apology_send(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 1, 10))
    services.apology_withdraw(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 2, 10))
    services.apology_send(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 3, 10))
    services.apology_withdraw(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 4, 10))
    mails = list(OutgoingMail.objects.filter(to="sara@test.invalid").order_by("pk"))
    assert [m.subject for m in mails] == [
        "Du er indkaldt som stedfortræder 10. december 2026",
        "Du er ikke længere indkaldt som stedfortræder 10. december 2026",
        "Du er indkaldt som stedfortræder 10. december 2026",
        "Du er ikke længere indkaldt som stedfortræder 10. december 2026",
    ]
    assert "Ahmad Rahimi har trukket sit afbud til mødet i Integrationsrådet" in mails[1].body
    assert "ikke længere indkaldt som stedfortræder" in mails[1].body
    assert len({m.key for m in mails}) == 4


def test_the_withdrawal_mail_is_in_the_substitutes_language(cast, meeting):
    sara = cast.users["stedfortraeder"]
    user_set_language(user=sara, language="en", by=sara)
    services.apology_send(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 1, 10))
    services.apology_withdraw(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 2, 10))
    mail = OutgoingMail.objects.get(key__startswith="substitute-withdrawn:")
    assert (mail.language, mail.to) == ("en", "sara@test.invalid")
    assert mail.subject == "You are no longer invited as substitute on 10 December 2026"
    assert "You are therefore no longer invited as substitute." in mail.body


def test_a_withdrawal_without_a_substitute_sends_nothing(cast, meeting):
    lars = cast.vice_chair  # no personal substitute
    services.apology_send(meeting=meeting, membership=lars, by=None, now=at(2026, 12, 1, 10))
    services.apology_withdraw(meeting=meeting, membership=lars, by=None, now=at(2026, 12, 2, 10))
    assert not OutgoingMail.objects.exists()
