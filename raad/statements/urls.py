from django.urls import path

from raad.statements.views import consultations, dispatch, drafting, public, routes

app_name = "statements"

W = "arbejdsrum/<slug:slug>/hoeringer/"
S = W + "udtalelse-<int:pk>/"
P = "raad/<slug:slug>/hoeringssvar/"

urlpatterns = [
    # The workspace (login; drafts and comments are internal)
    path(W, consultations.DeskView.as_view(), name="desk"),
    path(W + "ny-hoering/", consultations.ConsultationNewView.as_view(), name="consultation_new"),
    path(W + "hoering-<int:pk>/", consultations.ConsultationView.as_view(), name="consultation"),
    path(W + "hoering-<int:pk>/dokument-<int:doc>/", consultations.DocumentView.as_view(), name="document"),
    path(W + "ny-udtalelse/", drafting.StatementNewView.as_view(), name="statement_new"),
    path(W + "journal/", consultations.JournalView.as_view(), name="journal"),
    path(S, drafting.StatementView.as_view(), name="statement"),
    path(S + "gem/", drafting.VersionSaveView.as_view(), name="version_save"),
    path(S + "kommentar/", drafting.CommentAddView.as_view(), name="comment_add"),
    path(S + "sammenlign/", drafting.CompareView.as_view(), name="compare"),
    path(S + "vej/", routes.RoutePlanView.as_view(), name="route_plan"),
    path(S + "moede/", routes.MeetingAdoptView.as_view(), name="adopt_meeting"),
    path(S + "orientering/", routes.ReportScheduleView.as_view(), name="report_schedule"),
    path(S + "skriftlig/", routes.WrittenOpenView.as_view(), name="written_open"),
    path(S + "skriftlig/svar/", routes.WrittenAnswerView.as_view(), name="written_answer"),
    path(S + "skriftlig/afslut/", routes.WrittenCloseView.as_view(), name="written_close"),
    path(S + "haste/", routes.UrgentApproveView.as_view(), name="urgent_approve"),
    path(S + "mindretal/", routes.MinorityAddView.as_view(), name="minority_add"),
    path(S + "send/", dispatch.SendView.as_view(), name="send"),
    path(S + "offentliggoer/", dispatch.PublishView.as_view(), name="publish"),
    path(S + "rettelse/", dispatch.CorrectionView.as_view(), name="correct"),
    path(S + "opfoelgning/", dispatch.FollowUpView.as_view(), name="follow_up"),
    path(S + "brev.pdf", dispatch.LetterView.as_view(), name="letter"),
    path(S + "brev-forhaandsvisning.pdf", dispatch.LetterPreviewView.as_view(), name="letter_preview"),
    # The public archive (published statements only)
    path(P, public.archive, name="public_archive"),
    path(P + "<int:pk>/", public.detail, name="public_detail"),
    path(P + "<int:pk>/brev.pdf", public.letter, name="public_letter"),
    path(P + "dokument-<int:pk>/", public.document, name="public_document"),
]
