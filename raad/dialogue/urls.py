from django.urls import path

from raad.dialogue.views import inquiries, referrals

app_name = "dialogue"

P = "raad/<slug:slug>/"
W = "arbejdsrum/<slug:slug>/"

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
]
