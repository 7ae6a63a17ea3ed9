"""The open-data pages in every language: the API's documentation and the secretariat's API tokens. (The API
itself is at /api/, outside the language prefixes: `rest/urls.py`.)"""

from django.urls import path

from raad.api import views

app_name = "api_pages"

urlpatterns = [
    path("aabne-data/", views.documentation, name="docs"),
    path("arbejdsrum/<slug:slug>/api-noegler/", views.TokensView.as_view(), name="tokens"),
    path(
        "arbejdsrum/<slug:slug>/api-noegler/<int:pk>/tilbagekald/", views.TokenRevokeView.as_view(), name="token_revoke"
    ),
]
