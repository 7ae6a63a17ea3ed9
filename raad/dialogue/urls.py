from django.urls import path

from raad.dialogue.views import inquiries, log, referrals, topics

app_name = "dialogue"

P = "raad/<slug:slug>/"
W = "arbejdsrum/<slug:slug>/"
TW = W + "emner/"
T = TW + "<int:number>/"
L = "arbejdsrum/<slug:slug>/dialoglog/"

urlpatterns: list = [
    # Inquiries, their status pages, triage and the referral catalogue (views/inquiries.py, views/referrals.py)
    path(P + "skriv/", inquiries.inquiry_form, name="inquiry_form"),
    path(P + "henvendelse/<str:token>/", inquiries.inquiry_status, name="inquiry_status"),
    path(P + "hjaelp/", referrals.catalogue, name="referral_catalogue"),
    path(W + "henvendelser/", inquiries.InquiriesView.as_view(), name="inquiries"),
    path(W + "henvendelser/<int:pk>/", inquiries.InquiryView.as_view(), name="inquiry"),
    path(W + "henvendelser/<int:pk>/generel/", inquiries.InquiryGeneralView.as_view(), name="inquiry_general"),
    path(W + "henvendelser/<int:pk>/henvis/", inquiries.InquiryReferView.as_view(), name="inquiry_refer"),
    path(W + "henvendelser/<int:pk>/principielt/", inquiries.InquiryPrincipleView.as_view(), name="inquiry_principle"),
    path(W + "henvendelser/<int:pk>/afslut/", inquiries.InquiryCloseView.as_view(), name="inquiry_close"),
    path(W + "henvisninger/", referrals.ReferralsView.as_view(), name="referrals"),
    path(W + "henvisninger/ny/", referrals.ReferralNewView.as_view(), name="referral_new"),
    path(W + "henvisninger/<int:pk>/", referrals.ReferralView.as_view(), name="referral"),
    path(W + "henvisninger/<int:pk>/aktiv/", referrals.ReferralActiveView.as_view(), name="referral_active"),
    # Topics, "I sagde – vi gjorde" and the dialogue log (views/topics.py, views/log.py)
    path(TW, topics.TopicsView.as_view(), name="topics"),
    path(TW + "nyt/", topics.TopicNewView.as_view(), name="topic_new"),
    path(T, topics.TopicView.as_view(), name="topic_workspace"),
    path(T + "rediger/", topics.TopicEditView.as_view(), name="topic_edit"),
    path(T + "dagsorden/", topics.PlaceOnAgendaView.as_view(), name="topic_place_on_agenda"),
    path(T + "droeftet/", topics.MarkDiscussedView.as_view(), name="topic_discussed"),
    path(T + "udtalelse/", topics.StatementLinkView.as_view(), name="topic_statement"),
    path(T + "opfoelgning/", topics.OutcomeView.as_view(), name="topic_outcome"),
    path(T + "afslut/", topics.CloseView.as_view(), name="topic_close"),
    path("raad/<slug:slug>/emner/", topics.public_list, name="public_topics"),
    path("raad/<slug:slug>/emner/<int:number>/", topics.public_detail, name="topic"),
    path(L, log.LogView.as_view(), name="log"),
    path(L + "dialoglog.csv", log.LogCsvView.as_view(), name="log_csv"),
    path(L + "ny/", log.LogNewView.as_view(), name="log_new"),
    path(L + "<int:pk>/", log.LogEditView.as_view(), name="log_edit"),
    path(L + "<int:pk>/nyt-emne/", log.TopicFromEntryView.as_view(), name="log_topic_new"),
]
