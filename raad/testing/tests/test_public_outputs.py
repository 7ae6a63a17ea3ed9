"""The leak test: the scenarios of every app that registers its public outputs (raad/testing/public_outputs.py),
built together; every public URL fetched anonymously; no secret of any app in any decoded body."""

import pytest

from raad.testing.public_outputs import body_text, registered


@pytest.fixture
def outputs(cast, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The API's registrations (`api…`) enumerate what the other apps published, so they are built last.
    builders = sorted(registered().items(), key=lambda item: item[0].startswith("api"))
    with django_capture_on_commit_callbacks(execute=True):  # what services do after commit (the search index)
        return {app: build(cast) for app, build in builders}


# Machine-readable outputs outside the language prefixes: asked for in another language by Accept-Language.
LANGUAGE_NEUTRAL = ("/api/", "/oparl/")


def test_every_app_with_public_output_is_registered():
    assert list(registered()) == [
        "api_oparl",
        "api_rest",
        "community_associations",
        "community_events",
        "community_media",
        "community_volunteering",
        "councils",
        "councils_municipality",
        "dialogue_inquiries",
        "dialogue_topics",
        "finance",
        "meetings",
        "portal_feeds",
        "portal_search",
        "portal_subscriptions",
        "secretariat",
        "statements",
    ]


def test_no_public_output_of_any_app_contains_a_secret(client, outputs):
    secrets = [(app, secret) for app, out in outputs.items() for secret in out.secrets]
    fetched = 0
    for app, out in outputs.items():
        for url in out.public:
            response = client.get(url)
            assert response.status_code == 200, (app, url)
            text = body_text(response)
            assert text.strip(), (app, url)
            for owner, secret in secrets:
                assert secret not in text, (app, url, owner, secret)
            for shown in out.shown.get(url, []):
                assert shown in text, (app, url, shown)
            fetched += 1
        for url in out.hidden:
            response = client.get(url)
            assert response.status_code == 404, (app, url)
            text = body_text(response)
            assert not [s for _, s in secrets if s in text], (app, url)
            fetched += 1
    assert {app: (len(out.public), len(out.hidden)) for app, out in outputs.items()} == {
        "api_oparl": (22, 1),
        "api_rest": (28, 4),  # more meetings: api_oparl's item closed after its agenda went out; the annual report's
        "community_associations": (12, 1),
        "community_events": (25, 4),
        "community_media": (5, 2),
        "community_volunteering": (3, 0),
        "councils": (4, 0),
        "councils_municipality": (1, 1),
        "dialogue_inquiries": (8, 1),
        "dialogue_topics": (4, 1),
        "finance": (0, 0),
        "meetings": (20, 2),
        "portal_feeds": (25, 1),
        "portal_search": (25, 0),
        "portal_subscriptions": (2, 2),
        "secretariat": (4, 3),
        "statements": (10, 4),
    }
    assert fetched == 225  # each public and hidden output above, fetched once
    assert all(url in out.public for out in outputs.values() for url in out.shown)


def test_no_public_output_contains_a_secret_in_any_language_of_the_site(client, outputs, settings):
    """The same outputs asked for in every other language of the site (English, and the community languages
    shown in Danish or in their own language): a translation or a fallback never lets a secret through."""
    secrets = [secret for out in outputs.values() for secret in out.secrets]
    others = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    prefixed = tuple(f"/{code}/" for code in others)
    neutral = ("/sitemap", "/robots.txt")  # outside i18n_patterns and the same in every language
    fetched = 0
    for app, out in outputs.items():
        for url in out.public:
            if url.startswith(prefixed + neutral):  # registered in a language already, or has none
                continue
            for code in others:
                if url.startswith(LANGUAGE_NEUTRAL):
                    response = client.get(url, HTTP_ACCEPT_LANGUAGE=code)
                else:
                    response = client.get(f"/{code}{url}")
                assert response.status_code == 200, (app, code, url)
                text = body_text(response)
                assert not [secret for secret in secrets if secret in text], (app, code, url)
                fetched += 1
    assert others == ["en", "ar", "uk"]
    # every app's Danish outputs in each other language: 61 pages (some apps register English ones already),
    # the API documentation page, and 49 answers of the REST API and OParl asked for with Accept-Language
    assert fetched == (61 + 1 + 49) * len(others)
