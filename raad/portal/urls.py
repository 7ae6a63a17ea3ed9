from django.urls import path, re_path

from raad.portal import feeds, search_views, views, views_municipality, views_subscriptions

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("persondata/", views.privacy, name="privacy"),
    path("soeg/", search_views.search, name="search"),
    path("kommune/<str:code>/", views_municipality.municipality, name="municipality"),
    path("raad/<slug:slug>/", views.council, name="council"),
    path("raad/<slug:slug>/medlemmer/", views.members, name="members"),
    path("raad/<slug:slug>/medlemmer/foto/<int:person_id>/", views.member_photo, name="member_photo"),
    path("raad/<slug:slug>/forretningsorden/", views.rules, name="rules"),
    path("raad/<slug:slug>/forretningsorden/version-<int:version>/", views.rules_version, name="rules_version"),
    path("raad/<slug:slug>/kontakt/", views.contact, name="contact"),
    re_path(r"^raad/(?P<slug>[-\w]+)/feeds/(?P<kind>[a-z]+)\.(?P<fmt>rss|atom)$", feeds.feed, name="feed"),
    path("raad/<slug:slug>/abonnement/", views_subscriptions.subscribe, name="subscribe"),
    path("raad/<slug:slug>/abonnement/tjek-din-e-mail/", views_subscriptions.sent, name="subscription_sent"),
    path("raad/<slug:slug>/abonnement/bekraeft/<str:token>/", views_subscriptions.confirm, name="subscription_confirm"),
    path(
        "raad/<slug:slug>/abonnement/afmeld/<str:token>/",
        views_subscriptions.unsubscribe,
        name="subscription_unsubscribe",
    ),
]
