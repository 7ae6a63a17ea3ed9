from django.urls import path

from raad.secretariat import annual_report_views, archive_views, todo, translation_views, views

app_name = "secretariat"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("opgaver/<str:token>.ics", todo.DeskFeedView.as_view(), name="desk_feed"),
    path("<slug:slug>/", views.CouncilDeskView.as_view(), name="council"),
    path("<slug:slug>/kommissorium/", views.TermsOfReferenceEditView.as_view(), name="terms"),
    path("<slug:slug>/kommissorium/sprog/", views.CitizenLanguagesView.as_view(), name="citizen_languages"),
    path("<slug:slug>/kommissorium/formaal-<int:number>/", views.PurposeEditView.as_view(), name="purpose"),
    path("<slug:slug>/forretningsorden/", views.RulesListView.as_view(), name="rules"),
    path("<slug:slug>/forretningsorden/ny/", views.RulesNewVersionView.as_view(), name="rules_new"),
    path("<slug:slug>/forretningsorden/aendringer/", views.RulesChangesView.as_view(), name="rules_changes"),
    path("<slug:slug>/forretningsorden/aendringer/<int:pk>/", views.RulesChangeView.as_view(), name="rules_change"),
    path(
        "<slug:slug>/forretningsorden/aendringer/<int:pk>/afstemning/",
        views.RulesChangeVoteView.as_view(),
        name="rules_change_vote",
    ),
    path(
        "<slug:slug>/forretningsorden/aendringer/<int:pk>/vedtagelse/",
        views.RulesChangeAdoptView.as_view(),
        name="rules_change_adopt",
    ),
    path("<slug:slug>/valg-af-forperson/", views.ChairElectionItemView.as_view(), name="chair_election_item"),
    # The annual report (R23)
    path("<slug:slug>/aarsberetning/", annual_report_views.AnnualReportsView.as_view(), name="annual_reports"),
    path("<slug:slug>/aarsberetning/<int:year>/", annual_report_views.AnnualReportView.as_view(), name="annual_report"),
    path("<slug:slug>/kontakt/", views.ContactEditView.as_view(), name="contact"),
    path("<slug:slug>/journal/", views.AuditJournalView.as_view(), name="audit"),
    path("<slug:slug>/aktindsigt/", archive_views.AccessRequestView.as_view(), name="access"),
    path("<slug:slug>/aktindsigt/<int:pk>.zip", archive_views.AccessCaseDownloadView.as_view(), name="access_download"),
    path("<slug:slug>/arkiv/<int:year>.zip", archive_views.YearArchiveDownloadView.as_view(), name="archive_year"),
    path("<slug:slug>/oversaettelser/", translation_views.TranslationsView.as_view(), name="translations"),
    path(
        "<slug:slug>/oversaettelser/eksport/",
        translation_views.TranslationExportView.as_view(),
        name="translations_export",
    ),
    path(
        "<slug:slug>/oversaettelser/<str:model>/<str:pk>/<str:language>/",
        translation_views.TranslationEditView.as_view(),
        name="translation_edit",
    ),
]
