from django.urls import path

from raad.community.views import associations, events, media, volunteering

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
    # Associations (views/associations.py)
    path(P + "foreninger/", associations.directory, name="associations"),
    path(P + "foreninger/<int:pk>/", associations.association, name="association"),
    path(P + "foreninger/bliv-optaget/", associations.request_form, name="association_request"),
    path(P + "foreninger/bliv-optaget/modtaget/", associations.request_received, name="association_request_received"),
    path(W + "foreninger/", associations.RegisterView.as_view(), name="associations_register"),
    path(W + "foreninger/ny/", associations.AssociationNewView.as_view(), name="association_new"),
    path(W + "foreninger/<int:pk>/", associations.AssociationEditView.as_view(), name="association_edit"),
    path(W + "foreninger/<int:pk>/optag/", associations.AssociationApproveView.as_view(), name="association_approve"),
    path(W + "foreninger/<int:pk>/afvis/", associations.AssociationDeclineView.as_view(), name="association_decline"),
    path(W + "foreninger/<int:pk>/fjern/", associations.AssociationWithdrawView.as_view(), name="association_withdraw"),
    # Volunteering (views/volunteering.py)
    path(P + "frivillig/", volunteering.public_volunteering, name="volunteering_public"),
    path(W + "frivillighed/", volunteering.VolunteeringView.as_view(), name="volunteering"),
    path(W + "frivillighed/strategi/", volunteering.StrategyEditView.as_view(), name="volunteering_strategy"),
    path(W + "frivillighed/maal/ny/", volunteering.GoalView.as_view(), name="volunteering_goal_new"),
    path(W + "frivillighed/maal/<int:pk>/", volunteering.GoalView.as_view(), name="volunteering_goal"),
    path(W + "frivillighed/bidrag/ny/", volunteering.ContributionView.as_view(), name="volunteering_contribution_new"),
    path(
        W + "frivillighed/bidrag/<int:pk>/", volunteering.ContributionView.as_view(), name="volunteering_contribution"
    ),
    path(W + "frivillighed/job/ny/", volunteering.OpportunityView.as_view(), name="volunteering_opportunity_new"),
    path(W + "frivillighed/job/<int:pk>/", volunteering.OpportunityView.as_view(), name="volunteering_opportunity"),
    # Local media (views/media.py)
    path(P + "presse/", media.public_press, name="press_public"),
    path(P + "presse/<int:pk>/", media.public_release, name="press_release"),
    path(W + "presse/", media.PressView.as_view(), name="press"),
    path(W + "presse/ny/", media.ReleaseFormView.as_view(), name="press_release_new"),
    path(W + "presse/<int:pk>/", media.ReleaseView.as_view(), name="press_release_workspace"),
    path(W + "presse/<int:pk>/rediger/", media.ReleaseFormView.as_view(), name="press_release_edit"),
    path(W + "presse/<int:pk>/godkend/", media.ReleaseApproveView.as_view(), name="press_release_approve"),
    path(W + "presse/<int:pk>/send/", media.ReleaseSendView.as_view(), name="press_release_send"),
    path(W + "presse/medieliste/", media.OutletsView.as_view(), name="outlets"),
    path(W + "presse/medieliste/<int:pk>/", media.OutletEditView.as_view(), name="outlet"),
    path(W + "presse/omtale/", media.CoverageView.as_view(), name="coverage"),
    path(W + "presse/omtale/ny/", media.CoverageFormView.as_view(), name="coverage_new"),
    path(W + "presse/omtale/<int:pk>/", media.CoverageFormView.as_view(), name="coverage_edit"),
]
