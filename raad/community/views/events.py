"""Events: the public pages (list, month calendar, event page with registration, the registrant's page with
its signed link, iCal) and the workspace (plan, publish, cancel or move, registrations, CSV, attendance,
the account afterwards, photos with consent). Public pages read only through `selectors.public_…`."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core import signing
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.community import event_links, structured_data
from raad.community.forms import events as forms
from raad.community.models import Event, EventRegistration
from raad.community.selectors import events as selectors
from raad.community.services import events as services
from raad.core import ical, jsonld, ratelimit, workspace
from raad.core.csvexport import csv_response
from raad.core.errors import RuleViolation
from raad.core.i18n import citizen_page, language_name, shown_texts
from raad.core.links import absolute_url
from raad.core.pagination import paginate
from raad.core.translations import localized
from raad.core.workspace import council_for, public_crumbs

RATE_SCOPE = "event-registration"


def _section(council):
    return (_("Arrangementer"), reverse("community:events", args=[council.slug]))


# --- Public pages ----------------------------------------------------------------------------------------


@citizen_page
def public_list(request, slug):
    council = council_for(request, slug)
    past = paginate(request, selectors.public_past_events(council))
    past.object_list = selectors.with_translations(past.object_list)
    return render(
        request,
        "community/events/public_list.html",
        {
            "council": council,
            "upcoming": selectors.public_upcoming(council),
            "past": past,
            "feed_url": request.build_absolute_uri(reverse("community:events_feed", args=[slug])),
            "crumbs": public_crumbs(council, (_("Arrangementer"), None)),
        },
    )


@citizen_page
def public_calendar(request, slug):
    """A month as a list of its days with events, with links to the month before and after: no script, and it
    reflows at 320 pixels."""
    council = council_for(request, slug)
    today = timezone.localdate()
    year, month = forms.month_param(request.GET.get("maaned")) or (today.year, today.month)
    events = selectors.public_month(council, year, month)
    by_day: dict[datetime.date, list[Event]] = {}
    for event in events:
        by_day.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    days = sorted(by_day.items())
    before = datetime.date(year, month, 1) - datetime.timedelta(days=1)
    after = datetime.date(year, month, 28) + datetime.timedelta(days=7)
    return render(
        request,
        "community/events/public_calendar.html",
        {
            "council": council,
            "month": datetime.date(year, month, 1),
            "days": days,
            "previous": f"{before.year:04d}-{before.month:02d}",
            "next": f"{after.year:04d}-{after.month:02d}",
            "crumbs": public_crumbs(council, _section(council), (_("Kalender"), None)),
        },
    )


def _public_event_or_404(council, pk):
    event = selectors.public_event(council, pk)
    if event is None:
        raise Http404(_("Arrangementet findes ikke eller er ikke offentligt."))
    return event


def _event_page(request, council, event, form=None, status=200):
    refused = services.registration_open(event)
    left = selectors.seats_left(event)
    return render(
        request,
        "community/events/public_detail.html",
        {
            "council": council,
            "event": event,
            "shown": shown_texts([(event, "title"), (event, "description")]),
            "language_names": [language_name(code) for code in event.languages],
            "seats_left": left,
            "full": left == 0,
            "refused": refused,
            "form": form if form is not None else (forms.RegistrationForm() if not refused else None),
            "photos": selectors.public_photos(event),
            "is_past": event.starts_at < timezone.now(),
            "crumbs": public_crumbs(council, _section(council), (localized(event, "title"), None)),
            "structured_data": jsonld.script(structured_data.event_data(event, council)),
        },
        status=status,
    )


@citizen_page
def public_detail(request, slug, pk):
    council = council_for(request, slug)
    return _event_page(request, council, _public_event_or_404(council, pk))


@citizen_page
def register(request, slug, pk):
    """The registration form's POST. A flood from one address gets the 429 page."""
    council = council_for(request, slug)
    event = _public_event_or_404(council, pk)
    if request.method != "POST":
        return redirect("community:event", slug=slug, pk=pk)
    address = ratelimit.client_address(request)
    if ratelimit.exceeded(RATE_SCOPE, address):
        return ratelimit.too_many(request)
    form = forms.RegistrationForm(request.POST)
    if form.is_robot:
        form.add_error(None, _("Tilmeldingen kunne ikke sendes. Lad feltet til robotter være tomt."))
        return _event_page(request, council, event, form, status=400)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                event=event,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                seats=data["seats"],
                language=translation.get_language() or "da",
                interpreter_language=data["interpreter_language"],
                needs_step_free=data["needs_step_free"],
                needs_childcare=data["needs_childcare"],
                waiting_list=data["waiting_list"],
            )
        except RuleViolation as violation:
            violation.add_to_form(form)
        else:
            ratelimit.count(RATE_SCOPE, address)
            token = event_links.registration_token(registration_id=registration.pk)
            return redirect(reverse("community:event_registration", args=[slug, token]) + "?modtaget=1")
    return _event_page(request, council, event, form, status=400)


@citizen_page
def registration_page(request, slug, token):
    """The registrant's receipt and status page (signed link, no account); a POST cancels."""
    council = council_for(request, slug)
    try:
        registration_id = event_links.read_registration_token(token)
    except signing.BadSignature:
        raise Http404(_("Linket er ugyldigt.")) from None
    registration = selectors.registration_for_council(council, registration_id)
    if registration is None:
        raise Http404(_("Linket er ugyldigt."))
    errors = []
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration)
        except RuleViolation as violation:
            errors = violation.messages
        else:
            messages.success(request, _("Du er afmeldt. Tak, fordi du gav besked."))
            return redirect("community:event_registration", slug=slug, token=token)
    event = registration.event
    return render(
        request,
        "community/events/registration.html",
        {
            "council": council,
            "registration": registration,
            "event": event,
            "just_sent": request.GET.get("modtaget") == "1",
            "can_cancel": registration.status != EventRegistration.Status.CANCELLED
            and event.starts_at > timezone.now(),
            "errors": errors,
            "crumbs": public_crumbs(council, _section(council), (_("Din tilmelding"), None)),
        },
        status=400 if errors else 200,
    )


def _public_vevent(event: Event):
    url = absolute_url(reverse("community:event", args=[event.council.slug, event.pk]))
    room = event.room
    access = []
    if room is not None:
        access = [
            _("Niveaufri adgang") if room.step_free else "",
            _("Teleslynge") if room.hearing_loop else "",
            room.accessibility_note,
        ]
    return ical.vevent(
        uid=ical.uid("event", event.pk, public=True),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        summary=localized(event, "title"),
        location=event.location,
        description=[url, *access, event.accessibility_note, event.interpreters],
        url=url,
        cancelled=event.status == Event.Status.CANCELLED,
    )


@citizen_page
def event_ics(request, slug, pk):
    council = council_for(request, slug)
    event = _public_event_or_404(council, pk)
    cal = ical.calendar(council.name, prodid="-//Råd//Arrangementer//DA")
    cal.add_component(_public_vevent(event))
    return ical.response(request, ical.to_ical(cal), filename=f"arrangement-{event.pk}.ics")


@citizen_page
def events_feed(request, slug):
    council = council_for(request, slug)
    cal = ical.calendar(f"{council.name}: {_('Arrangementer')}", prodid="-//Råd//Arrangementer//DA")
    for event in selectors.public_feed(council):
        cal.add_component(_public_vevent(event))
    return ical.response(request, ical.to_ical(cal), filename="arrangementer.ics")


def public_photo(request, slug, pk, photo):
    """A photo whose consent stands, of a public event (404 once consent is withdrawn)."""
    council = council_for(request, slug)
    found = selectors.public_photo(council, pk, photo)
    if found is None:
        raise Http404(_("Billedet findes ikke."))
    return FileResponse(found.file.open("rb"), content_type=found.content_type)


# --- Workspace ---------------------------------------------------------------------------------------------


class EventsPage(workspace.CouncilView):
    perm = "community.plan_events"
    section = (gettext_lazy("Arrangementer"), "community:events_workspace")

    def event_or_404(self, pk: int) -> Event:
        event = selectors.workspace_event(self.council, pk)
        if event is None:
            raise Http404(_("Arrangementet findes ikke."))
        return event

    def can_see_registrations(self) -> bool:
        return self.request.user.has_perm("community.manage_registrations", self.council)

    def detail(self, event: Event, status: int = 200, errors=(), **bound):
        show = self.can_see_registrations()
        registrations = selectors.registrations(event) if show else []
        context = {
            "event": event,
            "can_manage": show,
            "registrations": registrations,
            "taken": selectors.seats_taken(event),
            "waiting": selectors.waiting_count(event),
            "photos": selectors.photos(event) if show else [],
            "cancel_form": bound.get("cancel_form") or forms.CancelEventForm(),
            "report_form": bound.get("report_form")
            or forms.ReportForm(initial={"participant_count": event.participant_count, "account": event.account}),
            "photo_form": bound.get("photo_form") or forms.PhotoForm(),
            "is_past": event.starts_at <= timezone.now(),
            "errors": list(errors),
            "crumbs": self.crumbs((event.title, None)),
        }
        return self.page("community/events/workspace_detail.html", context, status=status)


class EventsView(EventsPage):
    def get(self, request, slug):
        return self.page(
            "community/events/workspace_list.html",
            {"events": list(selectors.workspace_events(self.council)[:200]), "crumbs": self.crumbs()},
        )


class EventFormView(EventsPage):
    def form_page(self, form, event=None, status=200):
        title = _("Rediger arrangement") if event else _("Nyt arrangement")
        return self.page(
            "community/events/form.html",
            {"form": form, "event": event, "title": title, "crumbs": self.crumbs((title, None))},
            status=status,
        )


class EventNewView(EventFormView):
    def get(self, request, slug):
        return self.form_page(forms.EventForm(council=self.council))

    def post(self, request, slug):
        form = forms.EventForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                event = services.event_create(council=self.council, data=form.cleaned_data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Arrangementet er oprettet som kladde."))
                return redirect("community:event_workspace", slug=slug, pk=event.pk)
        return self.form_page(form, status=400)


class EventEditView(EventFormView):
    def get(self, request, slug, pk):
        event = self.event_or_404(pk)
        return self.form_page(forms.EventForm(council=self.council, initial=forms.EventForm.initial_for(event)), event)

    def post(self, request, slug, pk):
        event = self.event_or_404(pk)
        form = forms.EventForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                services.event_update(event=event, data=form.cleaned_data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Arrangementet er gemt."))
                return redirect("community:event_workspace", slug=slug, pk=event.pk)
        return self.form_page(form, event, status=400)


class EventView(EventsPage):
    def get(self, request, slug, pk):
        return self.detail(self.event_or_404(pk))


class EventAction(workspace.ActionView, EventsPage):
    form_name = ""

    def load(self):
        self.event = self.event_or_404(self.kwargs["pk"])

    def success_url(self):
        return reverse("community:event_workspace", args=[self.council.slug, self.event.pk])

    def invalid(self, form, errors):
        given = {self.form_name: form} if self.form_name else {}
        return self.detail(self.event, status=400, errors=errors, **given)


class EventPublishView(EventAction):
    success = gettext_lazy("Arrangementet er offentliggjort.")

    def act(self, data):
        services.event_publish(event=self.event, by=self.request.user)


class EventCancelView(EventAction):
    form_class = forms.CancelEventForm
    form_name = "cancel_form"
    success = gettext_lazy("Arrangementet er aflyst, og de tilmeldte får besked.")

    def act(self, data):
        services.event_cancel(event=self.event, reason=data["reason"], by=self.request.user)


class EventReportView(EventAction):
    form_class = forms.ReportForm
    form_name = "report_form"
    success = gettext_lazy("Beretningen er gemt.")

    def act(self, data):
        services.event_report(
            event=self.event,
            participant_count=data["participant_count"],
            account=data["account"],
            by=self.request.user,
        )


class AttendanceView(EventAction):
    perm = "community.manage_registrations"
    success = gettext_lazy("Fremmødet er registreret.")

    def act(self, data):
        ids = [int(value) for value in self.request.POST.getlist("attended") if value.isdigit()]
        services.attendance_record(event=self.event, attended_ids=ids, by=self.request.user)


class PhotoAddView(EventAction):
    perm = "community.manage_registrations"
    form_name = "photo_form"
    success = gettext_lazy("Billedet er tilføjet.")

    def make_form(self, data, files):
        return forms.PhotoForm(data, files)

    def act(self, data):
        services.photo_add(
            event=self.event,
            data=data["file"].read(),
            description=data["description"],
            consent_statement=data["consent_statement"],
            consent_given=data["consent_given"],
            by=self.request.user,
        )


class PhotoWithdrawView(EventAction):
    perm = "community.manage_registrations"
    success = gettext_lazy("Samtykket er trukket tilbage. Billedet vises ikke længere offentligt.")

    def act(self, data):
        photo = next((p for p in selectors.photos(self.event) if p.pk == self.kwargs["photo"]), None)
        if photo is None:
            raise Http404(_("Billedet findes ikke."))
        services.photo_withdraw_consent(photo=photo, by=self.request.user)


class RegistrationsCsvView(EventsPage):
    perm = "community.manage_registrations"

    def get(self, request, slug, pk):
        event = self.event_or_404(pk)
        header = [
            _("Status"),
            _("Navn"),
            _("E-mail"),
            _("Telefon"),
            _("Pladser"),
            _("Sprog"),
            _("Tolk til"),
            _("Niveaufri adgang"),
            _("Børnepasning"),
            _("Mødte op"),
        ]
        yes, no = _("ja"), _("nej")
        rows = [
            [
                r.get_status_display(),
                r.name,
                r.email,
                r.phone,
                r.seats,
                r.language,
                r.interpreter_language,
                yes if r.needs_step_free else no,
                yes if r.needs_childcare else no,
                "" if r.attended is None else (yes if r.attended else no),
            ]
            for r in selectors.registrations(event)
            if r.status != EventRegistration.Status.CANCELLED
        ]
        return csv_response(filename=f"deltagere-{event.pk}.csv", header=header, rows=rows)
