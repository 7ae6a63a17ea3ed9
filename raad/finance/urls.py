from django.urls import path  # noqa: F401

app_name = "finance"

W = "arbejdsrum/<slug:slug>/oekonomi/"

urlpatterns: list = []
