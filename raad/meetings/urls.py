from django.urls import path

from raad.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.PlanView.as_view(), name="plan"),
    path("nyt/", views.MeetingFormView.as_view(), name="meeting_new"),
    path("kalender/", views.CalendarTokenView.as_view(), name="calendar"),
    path("ekstraordinaert/", views.ExtraordinaryRequestView.as_view(), name="extraordinary"),
    path(
        "ekstraordinaert/<int:request_pk>/stoet/",
        views.ExtraordinaryRequestView.as_view(),
        name="extraordinary_support",
    ),
    path("<int:pk>/", views.MeetingView.as_view(), name="meeting"),
    path("<int:pk>/rediger/", views.MeetingFormView.as_view(), name="meeting_edit"),
    path("<int:pk>/aflys/", views.CancelView.as_view(), name="cancel"),
    path("<int:pk>/punkter/nyt/", views.ItemFormView.as_view(), name="item_new"),
    path("<int:pk>/punkter/<int:item_pk>/", views.ItemFormView.as_view(), name="item_edit"),
    path("<int:pk>/punkter/<int:item_pk>/bilag/", views.AttachmentAddView.as_view(), name="attachment_add"),
    path("<int:pk>/bilag/<int:attachment_pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path("<int:pk>/foreslaa/", views.ProposeView.as_view(), name="propose"),
    path("<int:pk>/indkald/", views.SendNoticeView.as_view(), name="send_notice"),
    path("<int:pk>/afbud/", views.ApologyView.as_view(), name="apology"),
    path("<int:pk>/afbud/tilbage/", views.ApologyWithdrawView.as_view(), name="apology_withdraw"),
    path("<int:pk>/dagsorden.pdf", views.PacketView.as_view(), name="packet"),
    path("<int:pk>/moedeskaerm/", views.ScreenView.as_view(), name="screen"),
    path("<int:pk>/moedeskaerm/fremmoede/", views.AttendanceView.as_view(), name="attendance"),
    path("<int:pk>/moedeskaerm/moedeleder/", views.LeaderView.as_view(), name="leader"),
    path("<int:pk>/moedeskaerm/afslut/", views.HeldView.as_view(), name="held"),
    path("<int:pk>/moedeskaerm/<int:item_pk>/inhabilitet/", views.ConflictView.as_view(), name="conflict"),
    path("<int:pk>/moedeskaerm/<int:item_pk>/optagelse/", views.AdmissionView.as_view(), name="admission"),
    path("<int:pk>/moedeskaerm/<int:item_pk>/beslutning/", views.DecideView.as_view(), name="decide"),
    path("<int:pk>/moedeskaerm/<int:item_pk>/mindretal/", views.MinorityView.as_view(), name="minority"),
    path("<int:pk>/referat/", views.MinutesView.as_view(), name="minutes"),
    path("<int:pk>/referat/start/", views.MinutesStartView.as_view(), name="minutes_start"),
    path("<int:pk>/referat/rundsend/", views.MinutesCirculateView.as_view(), name="minutes_circulate"),
    path("<int:pk>/referat/svar/", views.MinutesRespondView.as_view(), name="minutes_respond"),
    path("<int:pk>/referat/godkend/", views.MinutesApproveView.as_view(), name="minutes_approve"),
    path("<int:pk>/referat/ret/", views.MinutesCorrectView.as_view(), name="minutes_correct"),
    path("<int:pk>/referat/offentliggoer/", views.MinutesPublishView.as_view(), name="minutes_publish"),
    path("<int:pk>/referat/skjul/", views.MinutesUnpublishView.as_view(), name="minutes_unpublish"),
]
