"""The municipality's room catalogue in the secretariat's workspace: list, new, edit, take out of use (never
delete: meetings and events keep their room)."""

from __future__ import annotations

import copy

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.councils import forms, selectors
from raad.councils.models import Room
from raad.councils.services import rooms as services


class RoomsPage(workspace.CouncilView):
    perm = "councils.manage_rooms"
    section = (gettext_lazy("Lokaler"), "councils:rooms")

    def room_or_404(self, pk: int) -> Room:
        room = selectors.room_for_council(self.council, pk)
        if room is None:
            raise Http404(_("Lokalet findes ikke."))
        return room

    def listing(self, form=None, errors=None, status=200):
        return self.page(
            "councils/rooms/list.html",
            {
                "rooms": list(selectors.rooms_all(self.council)),
                "form": form or forms.RoomForm(),
                "errors": errors or [],
                "crumbs": self.crumbs(),
            },
            status=status,
        )

    def rooms_url(self):
        return reverse("councils:rooms", args=[self.council.slug])


class RoomsView(RoomsPage):
    def get(self, request, slug):
        return self.listing()


class RoomNewView(workspace.ActionView, RoomsPage):
    form_class = forms.RoomForm
    success = gettext_lazy("Lokalet er oprettet.")

    def act(self, data):
        services.room_create(council=self.council, data=data, by=self.request.user)

    def success_url(self):
        return self.rooms_url()

    def invalid(self, form, errors):
        return self.listing(form=form, errors=errors, status=400)


class RoomView(workspace.ActionView, RoomsPage):
    """The edit page of one room (GET shows it; POST saves)."""

    success = gettext_lazy("Lokalet er gemt.")

    def load(self):
        self.room = self.room_or_404(self.kwargs["pk"])

    def make_form(self, data, files):
        # A copy: the model form writes onto its instance while validating; the service journals the change.
        return forms.RoomForm(data, instance=copy.copy(self.room))

    def get(self, request, *args, **kwargs):
        self.load()
        return self.edit_page(forms.RoomForm(instance=self.room))

    def edit_page(self, form, errors=None, status=200):
        return self.page(
            "councils/rooms/edit.html",
            {"room": self.room, "form": form, "errors": errors or [], "crumbs": self.crumbs((self.room.name, None))},
            status=status,
        )

    def act(self, data):
        services.room_update(room=self.room, council=self.council, data=data, by=self.request.user)

    def success_url(self):
        return self.rooms_url()

    def invalid(self, form, errors):
        return self.edit_page(form, errors, status=400)


class RoomActiveView(workspace.ActionView, RoomsPage):
    def load(self):
        self.room = self.room_or_404(self.kwargs["pk"])

    def act(self, data):
        self.active = self.request.POST.get("active") == "1"
        services.room_set_active(room=self.room, council=self.council, active=self.active, by=self.request.user)

    def success_message(self):
        if self.active:
            return _("Lokalet er taget i brug igen.")
        return _("Lokalet er taget ud af brug. Det tilbydes ikke længere, men møder og arrangementer beholder det.")

    def success_url(self):
        return self.rooms_url()

    def invalid(self, form, errors):
        return self.listing(errors=errors, status=400)
