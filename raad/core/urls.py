from django.urls import path

from raad.core import sso, views

app_name = "core"

urlpatterns = [
    path("log-ind/", views.LoginView.as_view(), name="login"),
    path("log-ind/kommune/", sso.StartView.as_view(), name="sso_start"),
    path("log-ind/kommune/retur/", sso.CallbackView.as_view(), name="sso_callback"),
    path("log-ind/kode/", views.OTPVerifyView.as_view(), name="otp_verify"),
    path("log-ind/tofaktor/", views.OTPSetupView.as_view(), name="otp_setup"),
    path("konto/", views.AccountView.as_view(), name="account"),
    path("log-af/", sso.LogoutView.as_view(), name="logout"),
    path("adgangskode/", views.password_reset, name="password_reset"),
    path("adgangskode/sendt/", views.password_reset_done, name="password_reset_done"),
    path("adgangskode/ny/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("adgangskode/faerdig/", views.password_reset_complete, name="password_reset_complete"),
    path("let-dansk/", views.easy_read, name="easy_read"),
]
