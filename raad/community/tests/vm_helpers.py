"""Shared builders of the volunteering and media tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from raad.community.models import Association
from raad.community.services import media, volunteering


def today() -> datetime.date:
    return timezone.localdate()


def association(council, name="Foreningen Sammen i Holbæk") -> Association:
    found, _created = Association.objects.get_or_create(council=council, name=name)
    return found


def strategy_with_goal(council, by):
    strategy = volunteering.strategy_save(council=council, title="Frivillighedsstrategi (eksempel)", by=by)
    goal = volunteering.goal_add(strategy=strategy, number=1, title="Flere unge frivillige", by=by)
    return strategy, goal


def opportunity(council, by, *, days_left=10, **values):
    if "association" not in values:
        values["association"] = association(council)
    data = {
        "title": "Lektiecafé søger frivillige",
        "description": "Hjælp børn med lektier tirsdag eftermiddag.",
        "starts_on": today() - datetime.timedelta(days=5),
        "ends_on": today() + datetime.timedelta(days=days_left),
        **values,
    }
    return volunteering.opportunity_create(council=council, by=by, **data)


def release(council, by, **values):
    data = {"title": "Rådet inviterer til integrationens dag", "body": "Kom og vær med.", **values}
    return media.press_release_draft(council=council, by=by, **data)


def outlet(council, by, name="Isefjordsposten (opdigtet)", email="redaktion@isefjordsposten.invalid"):
    return media.outlet_add(council=council, name=name, email=email, by=by)
