from django.urls import path

from raad.portal import search_views, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("persondata/", views.privacy, name="privacy"),
    path("soeg/", search_views.search, name="search"),
    path("raad/<slug:slug>/", views.council, name="council"),
    path("raad/<slug:slug>/medlemmer/", views.members, name="members"),
    path("raad/<slug:slug>/medlemmer/foto/<int:person_id>/", views.member_photo, name="member_photo"),
    path("raad/<slug:slug>/forretningsorden/", views.rules, name="rules"),
    path("raad/<slug:slug>/forretningsorden/version-<int:version>/", views.rules_version, name="rules_version"),
    path("raad/<slug:slug>/kontakt/", views.contact, name="contact"),
]
