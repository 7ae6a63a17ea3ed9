"""Membership pages: the secretariat's workspace (under /arbejdsrum/<slug>/bemanding/) and the public
nomination and confirmation forms reached from signed links (no account)."""

from django.urls import path

from raad.membership.views import confidentiality, direct_elections, elections, nominations, workspace

app_name = "membership"

W = "arbejdsrum/<slug:slug>/bemanding/"

urlpatterns = [
    path("arbejdsrum/tavshedspligt/accepter/", confidentiality.ConfidentialityView.as_view(), name="confidentiality"),
    path(W, workspace.SeatsView.as_view(), name="seats"),
    path(W + "plads-<int:number>/", workspace.SeatHistoryView.as_view(), name="seat_history"),
    path(W + "ny-plads/", workspace.SeatCreateView.as_view(), name="seat_create"),
    path(W + "plads-<int:number>/organisation/", workspace.SeatBodyView.as_view(), name="seat_body"),
    path(W + "organisationer/", workspace.BodiesView.as_view(), name="bodies"),
    path(W + "organisationer/<int:pk>/", workspace.BodyEditView.as_view(), name="body_edit"),
    path(W + "udpegning/", workspace.DecisionView.as_view(), name="decision"),
    path(W + "valgresultat/", direct_elections.DirectElectionView.as_view(), name="direct_election"),
    path(W + "medlemskab/<int:pk>/", workspace.MembershipChangeView.as_view(), name="membership_change"),
    path(W + "stedfortraeder/<int:pk>/indtraeder/", workspace.PromoteView.as_view(), name="promote"),
    path(W + "person/<int:pk>/bopael/", workspace.ResidenceConfirmView.as_view(), name="residence_confirm"),
    path(W + "indkaldelser/", nominations.CallsView.as_view(), name="calls"),
    path(W + "indkaldelser/<int:pk>/", nominations.CallDetailView.as_view(), name="call"),
    path(
        W + "indstillinger/<int:pk>/traek-tilbage/",
        nominations.NominationWithdrawView.as_view(),
        name="nomination_withdraw",
    ),
    path("arbejdsrum/<slug:slug>/valg/", elections.ElectionsView.as_view(), name="elections"),
    path("arbejdsrum/<slug:slug>/valg/<int:pk>/", elections.ElectionView.as_view(), name="election"),
    path("indstilling/<str:token>/", nominations.NominateView.as_view(), name="nominate"),
    path("indstilling/bekraeft/<str:token>/", nominations.ConfirmView.as_view(), name="confirm"),
    path("indstilling/kvittering/<str:token>/", nominations.SubmitterConfirmView.as_view(), name="submitter_confirm"),
]
