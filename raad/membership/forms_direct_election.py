"""The form for a direct election's result (the ældreråd, retssikkerhedsloven § 30): shape only; the
service checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.councils.models import Term
from raad.membership.forms import _date
from raad.membership.services import CandidateResult


def parse_candidates(text: str) -> tuple[list[CandidateResult], list[str]]:
    """'Name; votes' per line (empty lines skipped): (the candidates, an error per bad line)."""
    found, errors = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        name, separator, votes = line.rpartition(";")
        if not separator:
            errors.append(_("Linje %(n)s: skriv navn og stemmetal adskilt af semikolon.") % {"n": number})
            continue
        votes = votes.strip()
        if not votes.isdigit():
            errors.append(_("Linje %(n)s: stemmetallet skal være et helt tal, 0 eller derover.") % {"n": number})
            continue
        found.append(CandidateResult(name=name.strip(), votes=int(votes)))
    return found, errors


class DirectElectionForm(forms.Form):
    term = forms.ModelChoiceField(label=gettext_lazy("Valgperiode"), queryset=Term.objects.none())
    held_on = _date(gettext_lazy("Valgdag"))
    seats = forms.IntegerField(label=gettext_lazy("Pladser på valg"), min_value=1, max_value=99)
    candidates = forms.CharField(
        label=gettext_lazy("Kandidater og stemmer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Én kandidat pr. linje: navn; stemmetal. Ved lige mange stemmer gælder rækkefølgen, du skriver "
            "kandidaterne i (fx efter lodtrækning)."
        ),
    )
    reference_text = forms.CharField(label=gettext_lazy("Reference til valgresultatet"), max_length=150)
    starts_on = _date(gettext_lazy("Medlemmernes første dag"))

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = Term.objects.filter(council=council).order_by("-starts_on")

    def clean_candidates(self) -> list[CandidateResult]:
        found, errors = parse_candidates(self.cleaned_data["candidates"])
        if errors:
            raise forms.ValidationError(errors)
        return found
