"""An English statement page marks the council's Danish text (not translated) with lang="da"; a Danish page
does not, and a title that has an English version is not marked."""

from django.urls import reverse

from .test_public import SLUG, archive  # noqa: F401  (the fixture)


def test_english_statement_page_marks_the_danish_text(client, archive):  # noqa: F811
    old = archive["old"]
    url = reverse("statements:public_detail", args=[SLUG, old.pk])
    english = client.get("/en" + url).content.decode()
    assert '<h1 lang="da">Udtalelse om foreningslivet</h1>' in english  # no English title
    assert '<p lang="da">Rådet anbefaler støtte til foreninger.</p>' in english
    danish = client.get(url).content.decode()
    assert "<h1>Udtalelse om foreningslivet</h1>" in danish
    assert '<p lang="da">' not in danish
