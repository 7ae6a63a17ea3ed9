"""Browser helpers for Playwright tests against pytest-django's live_server."""

from __future__ import annotations

from raad.testing import totp_code


def login(page, live_server, username: str, password: str | None = None, *, next_url: str = "") -> None:
    """Log in through the real login form; type the one-time code when the code page appears.

    `password` defaults to the demo password. Afterwards the page shows where the login led
    (the workspace dashboard, or `next_url`). Fails if the login did not succeed.
    """
    from django.contrib.auth import get_user_model

    if password is None:
        from raad.membership.demo import DEMO_PASSWORD

        password = DEMO_PASSWORD
    url = f"{live_server.url}/konto/log-ind/"
    if next_url:
        url += f"?next={next_url}"
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form:has(input[name=username]) button[type=submit]")
    if page.locator("input[name=token]").count():
        user = get_user_model().objects.get(username=username)
        page.fill("input[name=token]", totp_code(user))
        with page.expect_navigation():
            page.click("form:has(input[name=token]) button[type=submit]")
    if "/log-ind/" in page.url:
        raise AssertionError(f"login as {username!r} failed; still on {page.url}:\n{page.inner_text('main')}")


def submit(page, button) -> None:
    """Click a form's submit button and wait for the answer page to load.

    A bare `click()` returns once the click is sent, so a check right after it may read the old page (or the
    database before the request ran). Use it for a form post whose result the test checks next.
    """
    with page.expect_navigation():
        button.click()
