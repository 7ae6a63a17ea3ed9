from django.urls import path

from raad.effort import views

app_name = "effort"

W = "arbejdsrum/<slug:slug>/indsats/"
I = W + "indikatorer/<str:code>/"  # noqa: E741

urlpatterns: list = [
    path(W, views.IndicatorsView.as_view(), name="indicators"),
    path(W + "maal/", views.GoalsView.as_view(), name="goals"),
    path(W + "maal/nyt/", views.GoalNewView.as_view(), name="goal_new"),
    path(W + "maal/<int:pk>/", views.GoalEditView.as_view(), name="goal_edit"),
    path(W + "indlaes/", views.ImportView.as_view(), name="import"),
    path(I, views.IndicatorView.as_view(), name="indicator"),
    path(I + "rediger/", views.IndicatorEditView.as_view(), name="indicator_edit"),
    path(I + "henvisninger/", views.LinkAddView.as_view(), name="link_add"),
    path(I + "henvisninger/<int:pk>/fjern/", views.LinkRemoveView.as_view(), name="link_remove"),
    path(I + "dagsorden/", views.PutOnAgendaView.as_view(), name="put_on_agenda"),
]
