from django.urls import path

from raad.meetings import public_views as views

app_name = "meetings_public"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("kalender/", views.calendar_page, name="calendar"),
    path("kalender.ics", views.public_feed, name="feed"),
    path("kalender/<str:token>.ics", views.member_feed, name="member_feed"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/dagsorden.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("<int:pk>/referat.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/bilag/<int:attachment_pk>/", views.attachment, name="attachment"),
]
