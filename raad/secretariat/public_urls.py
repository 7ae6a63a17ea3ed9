from django.urls import path

from raad.secretariat import public_views

app_name = "annual_report_public"

urlpatterns = [
    path("<int:year>/", public_views.report, name="report"),
    path("<int:year>.pdf", public_views.report_pdf, name="pdf"),
]
