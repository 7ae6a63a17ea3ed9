from django.urls import path

from raad.statements.views import public
from raad.statements.views import workspace as ws

app_name = "statements"

W = "arbejdsrum/<slug:slug>/hoeringer/"
S = W + "udtalelse-<int:pk>/"
P = "raad/<slug:slug>/hoeringssvar/"

urlpatterns = [
    # The workspace (login; drafts and comments are internal)
    path(W, ws.DeskView.as_view(), name="desk"),
    path(W + "ny-hoering/", ws.ConsultationNewView.as_view(), name="consultation_new"),
    path(W + "hoering-<int:pk>/", ws.ConsultationView.as_view(), name="consultation"),
    path(W + "hoering-<int:pk>/dokument-<int:doc>/", ws.DocumentView.as_view(), name="document"),
    path(W + "ny-udtalelse/", ws.StatementNewView.as_view(), name="statement_new"),
    path(W + "journal/", ws.JournalView.as_view(), name="journal"),
    path(S, ws.StatementView.as_view(), name="statement"),
    path(S + "gem/", ws.VersionSaveView.as_view(), name="version_save"),
    path(S + "kommentar/", ws.CommentAddView.as_view(), name="comment_add"),
    path(S + "sammenlign/", ws.CompareView.as_view(), name="compare"),
    path(S + "vej/", ws.RoutePlanView.as_view(), name="route_plan"),
    path(S + "moede/", ws.MeetingAdoptView.as_view(), name="adopt_meeting"),
    path(S + "orientering/", ws.ReportScheduleView.as_view(), name="report_schedule"),
    path(S + "skriftlig/", ws.WrittenOpenView.as_view(), name="written_open"),
    path(S + "skriftlig/svar/", ws.WrittenAnswerView.as_view(), name="written_answer"),
    path(S + "skriftlig/afslut/", ws.WrittenCloseView.as_view(), name="written_close"),
    path(S + "haste/", ws.UrgentApproveView.as_view(), name="urgent_approve"),
    path(S + "mindretal/", ws.MinorityAddView.as_view(), name="minority_add"),
    path(S + "send/", ws.SendView.as_view(), name="send"),
    path(S + "offentliggoer/", ws.PublishView.as_view(), name="publish"),
    path(S + "rettelse/", ws.CorrectionView.as_view(), name="correct"),
    path(S + "opfoelgning/", ws.FollowUpView.as_view(), name="follow_up"),
    path(S + "brev.pdf", ws.LetterView.as_view(), name="letter"),
    path(S + "brev-forhaandsvisning.pdf", ws.LetterPreviewView.as_view(), name="letter_preview"),
    # The public archive (published statements only)
    path(P, public.archive, name="public_archive"),
    path(P + "<int:pk>/", public.detail, name="public_detail"),
    path(P + "<int:pk>/brev.pdf", public.letter, name="public_letter"),
    path(P + "dokument-<int:pk>/", public.document, name="public_document"),
]
