from django.urls import path  # noqa: F401

app_name = "dialogue"

urlpatterns: list = [
    # Inquiries, their status pages, triage and the referral catalogue (views/inquiries.py, views/referrals.py)
    # Topics, "I sagde – vi gjorde" and the dialogue log (views/topics.py, views/log.py)
]
