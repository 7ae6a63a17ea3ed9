"""The leak test: the scenarios of every app that registers its public outputs (raad/testing/public_outputs.py),
built together; every public URL fetched anonymously; no secret of any app in any decoded body."""

import pytest

from raad.testing.public_outputs import body_text, registered


@pytest.fixture
def outputs(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return {app: build(cast) for app, build in registered().items()}


def test_every_app_with_public_output_is_registered():
    assert list(registered()) == ["councils", "dialogue_inquiries", "dialogue_topics", "meetings", "statements"]


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
        "councils": (4, 0),
        "dialogue_inquiries": (8, 1),
        "dialogue_topics": (4, 1),
        "meetings": (20, 2),
        "statements": (10, 4),
    }
    assert fetched == 54
    assert all(url in out.public for out in outputs.values() for url in out.shown)
