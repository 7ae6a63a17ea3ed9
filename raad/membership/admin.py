"""Admin: read-only views of membership records. Every change goes through the services (and their
rules), so the admin cannot be a side door around the composition rules."""

from django.contrib import admin

from raad.membership.models import (
    Election,
    LotDraw,
    Membership,
    NominatingBody,
    Nomination,
    NominationCall,
    Person,
    Seat,
    Substitute,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("person", "seat", "term", "role", "starts_on", "ends_on", "end_reason")
    list_filter = ("role", "end_reason", "term")


@admin.register(Seat)
class SeatAdmin(ReadOnlyAdmin):
    list_display = ("number", "council", "kind", "nominating_body")


@admin.register(NominatingBody)
class NominatingBodyAdmin(ReadOnlyAdmin):
    list_display = ("name", "council", "contact_email")


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "postcode", "resides_in_municipality", "residence_needs_confirmation")
    exclude = ("street_address", "phone")


@admin.register(Substitute)
class SubstituteAdmin(ReadOnlyAdmin):
    list_display = ("person", "membership", "starts_on", "ends_on")


@admin.register(NominationCall)
class NominationCallAdmin(ReadOnlyAdmin):
    list_display = ("title", "council", "deadline", "decided_on")


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ("candidate", "seat", "nominating_body", "status")


@admin.register(Election)
class ElectionAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "method", "elected", "decided_at")


@admin.register(LotDraw)
class LotDrawAdmin(ReadOnlyAdmin):
    list_display = ("round", "drawn_by", "drawn_at", "result")
