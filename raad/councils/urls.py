from django.urls import path

from raad.councils import views

app_name = "councils"

W = "arbejdsrum/<slug:slug>/lokaler/"

urlpatterns = [
    path(W, views.RoomsView.as_view(), name="rooms"),
    path(W + "nyt/", views.RoomNewView.as_view(), name="room_new"),
    path(W + "<int:pk>/", views.RoomView.as_view(), name="room"),
    path(W + "<int:pk>/i-brug/", views.RoomActiveView.as_view(), name="room_active"),
]
