from django.urls import path

from raad.community.views import events

app_name = "community"

P = "raad/<slug:slug>/"
W = "arbejdsrum/<slug:slug>/"

urlpatterns: list = [
    # Events (views/events.py)
    path(P + "arrangementer/", events.public_list, name="events"),
    path(P + "arrangementer/kalender/", events.public_calendar, name="events_calendar"),
    path(P + "arrangementer/arrangementer.ics", events.events_feed, name="events_feed"),
    path(P + "arrangementer/<int:pk>/", events.public_detail, name="event"),
    path(P + "arrangementer/<int:pk>/tilmeld/", events.register, name="event_register"),
    path(P + "arrangementer/<int:pk>/arrangement.ics", events.event_ics, name="event_ics"),
    path(P + "arrangementer/<int:pk>/foto/<int:photo>/", events.public_photo, name="event_photo"),
    path(P + "arrangementer/tilmelding/<str:token>/", events.registration_page, name="event_registration"),
    path(W + "arrangementer/", events.EventsView.as_view(), name="events_workspace"),
    path(W + "arrangementer/nyt/", events.EventNewView.as_view(), name="event_new"),
    path(W + "arrangementer/<int:pk>/", events.EventView.as_view(), name="event_workspace"),
    path(W + "arrangementer/<int:pk>/rediger/", events.EventEditView.as_view(), name="event_edit"),
    path(W + "arrangementer/<int:pk>/offentliggoer/", events.EventPublishView.as_view(), name="event_publish"),
    path(W + "arrangementer/<int:pk>/aflys/", events.EventCancelView.as_view(), name="event_cancel"),
    path(W + "arrangementer/<int:pk>/beretning/", events.EventReportView.as_view(), name="event_report"),
    path(W + "arrangementer/<int:pk>/fremmoede/", events.AttendanceView.as_view(), name="event_attendance"),
    path(W + "arrangementer/<int:pk>/deltagere.csv", events.RegistrationsCsvView.as_view(), name="event_csv"),
    path(W + "arrangementer/<int:pk>/fotos/", events.PhotoAddView.as_view(), name="event_photo_add"),
    path(
        W + "arrangementer/<int:pk>/fotos/<int:photo>/tilbagekald/",
        events.PhotoWithdrawView.as_view(),
        name="event_photo_withdraw",
    ),
    # Associations (views/associations.py), volunteering (views/volunteering.py),
    # media (views/media.py): each sub-domain adds its own block here.
]
