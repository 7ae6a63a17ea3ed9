"""Forms parse and check shape only; the rules are checked by the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.forms import PhoneField
from raad.membership.models import Election, Membership, NominatingBody, Seat

_DATE = {"type": "date"}
_DATETIME = {"type": "datetime-local"}


def _date(label, **kwargs):
    return forms.DateField(label=label, widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"), **kwargs)


class NominatingBodyForm(forms.ModelForm):
    website = forms.URLField(label=_("Hjemmeside"), required=False, assume_scheme="https")
    contact_phone = PhoneField(label=_("Telefon"), required=False)

    class Meta:
        model = NominatingBody
        fields = ["name", "contact_name", "contact_email", "contact_phone", "website"]


class SeatForm(forms.Form):
    """A seat in the catalogue: its number, its type and, for a nominated seat, who nominates."""

    number = forms.IntegerField(label=_("Plads nr."), min_value=1, max_value=99)
    kind = forms.ChoiceField(label=_("Pladstype"), choices=Seat.Kind.choices)
    nominating_body = forms.ModelChoiceField(
        label=_("Indstillingsberettiget organisation"),
        queryset=NominatingBody.objects.none(),
        required=False,
        help_text=_("Kun for pladser, der besættes efter indstilling."),
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominating_body"].queryset = NominatingBody.objects.filter(council=council).order_by("name")


class SeatBodyForm(forms.Form):
    nominating_body = forms.ModelChoiceField(
        label=_("Indstillingsberettiget organisation"), queryset=NominatingBody.objects.none(), required=False
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominating_body"].queryset = NominatingBody.objects.filter(council=council).order_by("name")


class EndMembershipForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Ophørsgrund"),
        choices=[
            (Membership.EndReason.RESIGNED, _("Udtræder efter eget ønske")),
            (Membership.EndReason.MOVED_AWAY, _("Fraflyttet kommunen")),
            (Membership.EndReason.DECEASED, _("Afgået ved døden")),
        ],
        widget=forms.RadioSelect,
    )
    last_day = _date(_("Sidste dag som medlem"))


class FlagMovedAwayForm(forms.Form):
    flagged_on = _date(_("Meldt fraflyttet den"))
    note = forms.CharField(
        label=pgettext_lazy("membership note", "Bemærkning"),
        max_length=300,
        required=False,
        help_text=_("Fx hvor oplysningen kom fra. Ingen CPR-numre."),
    )


class PromoteForm(forms.Form):
    starts_on = _date(_("Indtræder som medlem fra"))


class DecisionForm(forms.Form):
    """The board's appointment decision: which nominee or person on which seat."""

    decided_on = _date(_("Beslutningsdato"))
    meeting = forms.CharField(
        label=_("Møde"), max_length=150, help_text=_("Fx Kommunalbestyrelsens møde 28. januar 2026")
    )
    reference = forms.CharField(
        label=_("Beslutningsreference"), max_length=150, help_text=_("Fx KB 28.01.2026, pkt. 7")
    )
    url = forms.URLField(label=_("Link til beslutningen"), required=False, assume_scheme="https")
    starts_on = _date(_("Medlemskabet begynder"))

    def __init__(self, *args, seats: list[Seat], nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = seats
        by_seat: dict[int, list] = {}
        for nomination in nominations:
            by_seat.setdefault(nomination.seat_id, []).append(nomination)
        self.nominations = {n.pk: n for n in nominations}
        self.seat_rows = []
        for seat in seats:
            if seat.kind == Seat.Kind.NOMINATED:
                name = f"seat_{seat.number}"
                choices = [("", _("– ikke udpeget i denne beslutning –"))] + [
                    (
                        str(n.pk),
                        f"{n.candidate} ({n.nominating_body})"
                        + (f", {_('stedfortræder')}: {n.substitute_candidate}" if n.substitute_candidate else ""),
                    )
                    for n in by_seat.get(seat.pk, [])
                ]
                self.fields[name] = forms.ChoiceField(
                    label=_("Plads %(n)s (%(body)s)") % {"n": seat.number, "body": seat.nominating_body},
                    choices=choices,
                    required=False,
                )
                self.seat_rows.append((seat, [name]))
            else:
                names = []
                for suffix, label, field in (
                    ("first_name", _("Fornavn"), forms.CharField(max_length=100, required=False)),
                    ("last_name", _("Efternavn"), forms.CharField(max_length=100, required=False)),
                    ("email", _("E-mail"), forms.EmailField(required=False)),
                    ("street_address", _("Adresse"), forms.CharField(max_length=200, required=False)),
                    ("postcode", _("Postnummer"), forms.RegexField(regex=r"^\d{4}$", required=False)),
                    ("city", _("By"), forms.CharField(max_length=100, required=False)),
                ):
                    name = f"seat_{seat.number}_{suffix}"
                    field.label = _("Plads %(n)s, direkte udpeget: %(field)s") % {"n": seat.number, "field": label}
                    self.fields[name] = field
                    names.append(name)
                self.seat_rows.append((seat, names))

    def bound_rows(self):
        return [(seat, [self[name] for name in names]) for seat, names in self.seat_rows]

    def clean(self):
        data = super().clean()
        for seat in self.seats:
            if seat.kind != Seat.Kind.NOMINATED:
                first = data.get(f"seat_{seat.number}_first_name")
                if first and not data.get(f"seat_{seat.number}_postcode"):
                    self.add_error(f"seat_{seat.number}_postcode", _("Angiv postnummer, så bopælen kan kontrolleres."))
                if first and not data.get(f"seat_{seat.number}_last_name"):
                    self.add_error(f"seat_{seat.number}_last_name", _("Angiv efternavn."))
        return data


class CallForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("nomination call", "Overskrift"), max_length=200)
    seat = forms.ModelChoiceField(
        label=_("Kun for en ledig plads"),
        queryset=Seat.objects.none(),
        required=False,
        help_text=_("Tom: indkaldelse til alle pladser efter indstilling (ny valgperiode)."),
    )
    deadline = forms.DateTimeField(
        label=_("Frist"), widget=forms.DateTimeInput(attrs=_DATETIME, format="%Y-%m-%dT%H:%M")
    )
    message = forms.CharField(
        label=_("Besked til organisationerne"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seat"].queryset = seats


class WithdrawNominationForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx at organisationen eller kandidaten har bedt om det. Ingen CPR-numre."),
        error_messages={"required": _("Skriv, hvorfor indstillingen trækkes tilbage.")},
    )


class PersonFields(forms.Form):
    """Name, address and contact of a candidate."""

    first_name = forms.CharField(label=_("Fornavn"), max_length=100)
    last_name = forms.CharField(label=_("Efternavn"), max_length=100)
    street_address = forms.CharField(
        label=_("Adresse"),
        max_length=200,
        help_text=_("Vej og husnummer"),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = forms.RegexField(
        label=_("Postnummer"),
        regex=r"^\d{4}$",
        error_messages={"invalid": _("Skriv et postnummer med 4 cifre.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    city = forms.CharField(
        label=_("By"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "address-level2"})
    )
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = PhoneField(label=_("Telefon"), required=False)


class NominationForm(forms.Form):
    seat = forms.ModelChoiceField(label=_("Plads"), queryset=Seat.objects.none(), empty_label=None)
    first_name = forms.CharField(label=_("Kandidatens fornavn"), max_length=100)
    last_name = forms.CharField(label=_("Kandidatens efternavn"), max_length=100)
    street_address = forms.CharField(label=_("Kandidatens adresse"), max_length=200, help_text=_("Vej og husnummer"))
    postcode = forms.RegexField(
        label=_("Kandidatens postnummer"),
        regex=r"^\d{4}$",
        error_messages={"invalid": _("Skriv et postnummer med 4 cifre.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    city = forms.CharField(label=_("Kandidatens by"), max_length=100)
    email = forms.EmailField(
        label=_("Kandidatens e-mail"), help_text=_("Kandidaten får en e-mail med et link til at bekræfte.")
    )
    phone = PhoneField(label=_("Kandidatens telefon"), required=False)
    motivation = forms.CharField(
        label=_("Kort motivation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Hvorfor indstiller I kandidaten? Skriv ikke CPR-nummer, etnicitet eller religion."),
    )
    substitute_first_name = forms.CharField(label=_("Stedfortræderens fornavn"), max_length=100, required=False)
    substitute_last_name = forms.CharField(label=_("Stedfortræderens efternavn"), max_length=100, required=False)
    substitute_street_address = forms.CharField(label=_("Stedfortræderens adresse"), max_length=200, required=False)
    substitute_postcode = forms.RegexField(
        label=_("Stedfortræderens postnummer"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("Skriv et postnummer med 4 cifre.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    substitute_city = forms.CharField(label=_("Stedfortræderens by"), max_length=100, required=False)
    substitute_email = forms.EmailField(label=_("Stedfortræderens e-mail"), required=False)
    substitute_phone = PhoneField(label=_("Stedfortræderens telefon"), required=False)
    submitted_by_name = forms.CharField(label=_("Dit navn (indsender)"), max_length=200)
    submitted_by_email = forms.EmailField(label=_("Din e-mail (indsender)"))

    SUBSTITUTE_FIELDS = ("first_name", "last_name", "street_address", "postcode", "city", "email")

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seat"].queryset = seats
        for name in ("first_name", "last_name", "email"):
            self.fields[name].widget.attrs.setdefault("autocomplete", "off")

    def clean(self):
        data = super().clean()
        given = [name for name in self.SUBSTITUTE_FIELDS if data.get(f"substitute_{name}")]
        if given and len(given) < len(self.SUBSTITUTE_FIELDS):
            for name in self.SUBSTITUTE_FIELDS:
                if not data.get(f"substitute_{name}") and f"substitute_{name}" not in self.errors:
                    self.add_error(f"substitute_{name}", _("Udfyld alle felter om stedfortræderen."))
        return data

    def candidate_fields(self):
        return [
            self[n]
            for n in ("first_name", "last_name", "street_address", "postcode", "city", "email", "phone", "motivation")
        ]

    def substitute_fields(self):
        return [self[f"substitute_{n}"] for n in (*self.SUBSTITUTE_FIELDS, "phone")]


class ConfirmForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "Jeg vil gerne indstilles, og jeg ved, at mit navn, min plads, den indstillende organisation og min "
            "rolle bliver offentliggjort, hvis jeg bliver udpeget."
        ),
    )
    bio = forms.CharField(
        label=_("Kort præsentation"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vises kun på rådets hjemmeside, hvis du sætter kryds nedenfor."),
    )
    publish_bio = forms.BooleanField(
        label=_("Jeg giver samtykke til, at præsentationen vises offentligt."), required=False
    )
    photo = forms.ImageField(
        label=_("Foto"),
        required=False,
        help_text=_("JPEG eller PNG, højst 2 MB. Vises kun, hvis du sætter kryds nedenfor."),
    )
    publish_photo = forms.BooleanField(label=_("Jeg giver samtykke til, at fotoet vises offentligt."), required=False)

    MAX_PHOTO_BYTES = 2 * 1024 * 1024

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            if photo.size > self.MAX_PHOTO_BYTES:
                raise forms.ValidationError(_("Fotoet må højst fylde 2 MB."))
            if getattr(photo, "image", None) is not None and photo.image.format not in ("JPEG", "PNG"):
                raise forms.ValidationError(_("Fotoet skal være en JPEG- eller PNG-fil."))
        return photo


class ElectionOpenForm(forms.Form):
    office = forms.ChoiceField(label=_("Valg af"), choices=Election.Office.choices)
    method = forms.ChoiceField(label=_("Afstemningsform"), choices=Election.Method.choices, widget=forms.RadioSelect)
    held_on = _date(_("Mødedato"))
    voters_present = forms.IntegerField(label=_("Stemmeberettigede medlemmer til stede"), min_value=0)
    candidates = forms.ModelMultipleChoiceField(
        label=_("Kandidater"), queryset=Membership.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = members
        self.fields["candidates"].label_from_instance = lambda m: f"{m.person} ({_('plads')} {m.seat.number})"


class PaperCountForm(forms.Form):
    blank = forms.IntegerField(label=_("Blanke og ugyldige stemmer"), min_value=0, initial=0)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidate_names = []
        for candidate in candidates:
            name = f"votes_{candidate.pk}"
            self.fields[name] = forms.IntegerField(
                label=_("Stemmer på %(name)s") % {"name": candidate.membership.person}, min_value=0
            )
            self.candidate_names.append((candidate.pk, name))

    def counts(self) -> dict[int, int]:
        return {pk: self.cleaned_data[name] for pk, name in self.candidate_names}


class BallotForm(forms.Form):
    choice = forms.ChoiceField(label=_("Din stemme"), widget=forms.RadioSelect)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(str(c.pk), str(c.membership.person)) for c in candidates] + [
            ("blank", _("Blank stemme"))
        ]


class LotDrawForm(forms.Form):
    drawn_by = forms.CharField(label=_("Lodtrækningen blev foretaget af"), max_length=200)
    result = forms.ChoiceField(label=_("Udtrukket"), widget=forms.RadioSelect)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = [(str(c.pk), str(c.membership.person)) for c in candidates]


class ElectionReportForm(forms.Form):
    """The day the elected representative was reported to Det Nationale Integrationsråd (R10)."""

    reported_on = _date(_("Indberettet den"))
