from django.urls import path  # noqa: F401

from raad.dialogue.views import log, topics

app_name = "dialogue"

W = "arbejdsrum/<slug:slug>/emner/"
T = W + "<int:number>/"
L = "arbejdsrum/<slug:slug>/dialoglog/"

urlpatterns: list = [
    # Inquiries, their status pages, triage and the referral catalogue (views/inquiries.py, views/referrals.py)
    # Topics, "I sagde – vi gjorde" and the dialogue log (views/topics.py, views/log.py)
    path(W, topics.TopicsView.as_view(), name="topics"),
    path(W + "nyt/", topics.TopicNewView.as_view(), name="topic_new"),
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
