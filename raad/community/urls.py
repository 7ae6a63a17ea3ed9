from django.urls import path  # noqa: F401  (the sub-domains add their paths)

app_name = "community"

P = "raad/<slug:slug>/"
W = "arbejdsrum/<slug:slug>/"

urlpatterns: list = [
    # Events (views/events.py), associations (views/associations.py), volunteering (views/volunteering.py),
    # media (views/media.py): each sub-domain adds its own block here.
]
