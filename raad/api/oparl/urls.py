"""OParl 1.1 at /oparl/: the System object and everything reachable from it (docs/oparl.md)."""

from django.urls import path

from . import files, locations, meetings, organizations, papers, people, system, terms

app_name = "oparl"

urlpatterns = [
    path("", system.system, name="system"),
    path("body/", system.body_list, name="bodies"),
    path("body/<int:pk>/", system.body_detail, name="body"),
    path("body/<int:pk>/organization/", organizations.organization_list, name="body_organizations"),
    path("body/<int:pk>/person/", people.person_list, name="body_persons"),
    path("body/<int:pk>/membership/", people.membership_list, name="body_memberships"),
    path("body/<int:pk>/meeting/", meetings.meeting_list, name="body_meetings"),
    path("body/<int:pk>/agendaitem/", meetings.agenda_item_list, name="body_agenda_items"),
    path("body/<int:pk>/paper/", papers.paper_list, name="body_papers"),
    path("body/<int:pk>/consultation/", papers.consultation_list, name="body_consultations"),
    path("body/<int:pk>/file/", files.file_list, name="body_files"),
    path("body/<int:pk>/location/", locations.location_list, name="body_locations"),
    path("body/<int:pk>/legislativeterm/", terms.term_list, name="body_legislative_terms"),
    path("organization/council/<int:pk>/", organizations.council_detail, name="organization_council"),
    path("organization/council/<int:pk>/meeting/", meetings.council_meeting_list, name="organization_council_meetings"),
    path("organization/committee/<int:pk>/", organizations.committee_detail, name="organization_committee"),
    path("person/<int:pk>/", people.person_detail, name="person"),
    path("membership/<int:pk>/", people.membership_detail, name="membership"),
    path("meeting/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("agendaitem/<int:pk>/", meetings.agenda_item_detail, name="agenda_item"),
    path("paper/<int:pk>/", papers.paper_detail, name="paper"),
    path("consultation/<int:pk>/", papers.consultation_detail, name="consultation"),
    path("file/agenda/<int:pk>/", files.agenda_detail, name="file_agenda"),
    path("file/minutes/<int:pk>/", files.minutes_detail, name="file_minutes"),
    path("file/attachment/<int:pk>/", files.attachment_detail, name="file_attachment"),
    path("file/letter/<int:pk>/", files.letter_detail, name="file_letter"),
    path("file/document/<int:pk>/", files.document_detail, name="file_document"),
    path("location/room/<int:pk>/", locations.room_detail, name="location_room"),
    path("location/meeting/<int:pk>/", locations.place_detail, name="location_meeting"),
    path("legislativeterm/<int:pk>/", terms.term_detail, name="legislative_term"),
]
