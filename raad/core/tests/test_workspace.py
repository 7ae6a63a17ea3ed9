"""The workspace kernel: one council loader (404, 403, remembered for the chrome), one breadcrumb builder,
and a chrome that never queries for a default council on a page that has its council."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from raad.core import workspace
from raad.core.context_processors import site

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_lookups(monkeypatch):
    """Every lookup of the default council, recorded."""
    calls: list[int] = []
    original = workspace._default

    def counting():
        calls.append(1)
        return original()

    monkeypatch.setattr(workspace, "_default", counting)
    return calls


def _request(user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def test_loader_remembers_the_council_for_the_chrome(holbaek):
    request = _request()
    assert workspace.council_for(request, holbaek.slug) == holbaek
    assert request.council == holbaek


def test_loader_answers_404_for_an_unknown_council(holbaek):
    with pytest.raises(Http404, match="Rådet findes ikke"):
        workspace.council_for(_request(), "findes-ikke")


def test_loader_answers_403_without_the_permission(holbaek):
    with pytest.raises(PermissionDenied):
        workspace.council_for(_request(), holbaek.slug, "meetings.manage")


def test_crumbs_lead_from_the_workspace_through_the_council_and_section(holbaek):
    section = ("Møder", "/arbejdsrum/integrationsraadet/moeder/")
    assert [label for label, _url in workspace.workspace_crumbs(holbaek, ("Et møde", None), section=section)] == [
        "Arbejdsrum",
        "Integrationsrådet i Holbæk Kommune",
        "Møder",
        "Et møde",
    ]
    # Without more, the section is the page itself: the last crumb has no link.
    assert workspace.workspace_crumbs(holbaek, section=section)[-1] == ("Møder", None)


def test_context_processor_runs_no_query(holbaek, default_lookups):
    with CaptureQueriesContext(connection) as queries:
        context = site(_request())
    assert len(queries) == 0 and default_lookups == []
    assert context["site_council"].slug == holbaek.slug  # looked up only now, when a template shows it
    assert default_lookups == [1]


def test_a_public_council_page_never_looks_up_a_default_council(client, holbaek, default_lookups):
    response = client.get(f"/raad/{holbaek.slug}/")
    assert response.status_code == 200
    assert response.context["site_council"] == holbaek
    assert default_lookups == []
