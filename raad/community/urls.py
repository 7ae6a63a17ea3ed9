from django.urls import path

from raad.community.views import associations

app_name = "community"

P = "raad/<slug:slug>/"
W = "arbejdsrum/<slug:slug>/"

urlpatterns: list = [
    # Events (views/events.py), associations (views/associations.py), volunteering (views/volunteering.py),
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
]
