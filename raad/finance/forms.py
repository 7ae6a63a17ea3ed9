"""Forms of the finance app: shape only (Danish amounts parsed exactly). The services check the rules."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.councils.models import Purpose
from raad.finance import rules
from raad.finance.models import BudgetLine, BudgetYear, Claim, Expense


class AmountField(forms.Field):
    """An amount in Danish writing ("1.234,50") as an exact Decimal; never a float."""

    def __init__(self, *args, allow_negative: bool = False, **kwargs):
        self.allow_negative = allow_negative
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": "30"})
        )
        kwargs.setdefault("help_text", _("I kroner og øre, fx 1.234,50."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return rules.format_amount(value)
        return value

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        try:
            return rules.parse_amount(text, allow_negative=self.allow_negative)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class KmField(forms.Field):
    """Kilometres, one decimal at most, Danish comma ("12,5")."""

    def to_python(self, value):
        text = (str(value) if value is not None else "").strip().replace(" ", "")
        if not text:
            return None
        if not text.replace(",", "", 1).isdigit() or ("," in text and len(text.split(",")[1]) > 1):
            raise forms.ValidationError(_("Skriv antal kilometer som et tal, fx 24 eller 12,5."), code="invalid")
        try:
            value = Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - checked above
            raise forms.ValidationError(_("Skriv antal kilometer som et tal, fx 24 eller 12,5.")) from None
        if value <= 0 or value > Decimal("99999.9"):
            raise forms.ValidationError(_("Antal kilometer skal være mellem 0,1 og 99.999,9."), code="invalid")
        return value


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BudgetYearForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    decision_reference = forms.CharField(
        label=_("Kommunalbestyrelsens beslutning"),
        max_length=200,
        required=False,
        help_text=_("Fx KB 12.12.2026, pkt. 9."),
    )
    decided_on = forms.DateField(label=_("Beslutningsdato"), required=False, widget=DATE_WIDGET)
    transport_rate = AmountField(label=_("Kørselstakst pr. km"), help_text=_("Kommunens takst for året, fx 3,81."))
    claim_limit = AmountField(
        label=_("Beløbsgrænse for krav uden særskilt godkendelse"),
        required=False,
        help_text=_("Tomt: ingen grænse."),
    )


class BudgetLineForm(forms.Form):
    name = forms.CharField(label=_("Budgetpost"), max_length=120, help_text=_("Findes posten, ændres dens beløb."))
    amount = AmountField(label=_("Budget"))
    receives_claims = forms.ChoiceField(
        label=_("Godkendte udlæg bogføres her"), choices=BudgetLine.ClaimKind.choices, required=False
    )
    new_name = forms.CharField(
        label=_("Nyt navn"),
        max_length=120,
        required=False,
        help_text=_("Udfyld kun for at omdøbe en eksisterende post; dens udgifter følger med."),
    )


class ExpenseForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Budgetpost"), queryset=BudgetLine.objects.none())
    spent_on = forms.DateField(label=_("Dato"), widget=DATE_WIDGET)
    payee = forms.CharField(label=_("Modtager"), max_length=200)
    amount = AmountField(label=_("Beløb"))
    status = forms.ChoiceField(label=_("Status"), choices=Expense.Status.choices, initial=Expense.Status.COMMITTED)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    meeting = forms.ModelChoiceField(label=_("Møde"), required=False, queryset=None)
    event = forms.ModelChoiceField(label=_("Arrangement"), required=False, queryset=None)
    purposes = forms.ModelMultipleChoiceField(
        label=_("Formål i kommissoriet"),
        required=False,
        queryset=Purpose.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    receipt = forms.FileField(
        label=pgettext_lazy("expense receipt", "Bilag"), required=False, help_text=_("PDF, JPEG eller PNG.")
    )
    approve_over_budget = forms.BooleanField(
        label=_("Jeg godkender overskridelsen"),
        required=False,
        help_text=_("Kun hvis udgiften fører posten over budgettet. Dit navn registreres som den, der godkendte."),
    )

    def __init__(self, *args, budget: BudgetYear, meetings, events, purposes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.filter(budget=budget).order_by("position", "id")
        self.fields["meeting"].queryset = meetings
        self.fields["event"].queryset = events
        self.fields["purposes"].queryset = purposes
        self.fields["spent_on"].initial = timezone.localdate()


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Hvorfor tilbageføres udgiften?"), max_length=500)


class ClaimForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hvad vil du have dækket?"),
        choices=Claim.Kind.choices,
        widget=forms.RadioSelect,
        initial=Claim.Kind.TRANSPORT,
        error_messages={"required": _("Vælg, hvad du vil have dækket.")},
    )
    incurred_on = forms.DateField(
        label=_("Dato"), widget=DATE_WIDGET, error_messages={"invalid": _("Skriv en gyldig dato.")}
    )
    what = forms.CharField(
        label=_("Hvad"), max_length=300, help_text=_("Fx kørsel til rådsmøde, Holbæk–Tølløse tur/retur.")
    )
    km = KmField(
        label=_("Kilometer (kun kørsel)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "maxlength": "10"}),
    )
    amount = AmountField(label=_("Beløb (andet udlæg)"), required=False)
    receipt = forms.FileField(label=_("Kvittering (andet udlæg)"), required=False, help_text=_("PDF, JPEG eller PNG."))


class ApproveForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Bogfør på budgetpost"), queryset=BudgetLine.objects.none())
    approve_over_limit = forms.BooleanField(
        label=_("Jeg godkender beløbet over grænsen"),
        required=False,
        help_text=_("Kun hvis kravet er over budgetårets beløbsgrænse. Dit navn registreres."),
    )
    approve_over_budget = forms.BooleanField(
        label=_("Jeg godkender overskridelsen"),
        required=False,
        help_text=_("Kun hvis udgiften fører posten over budgettet. Dit navn registreres som den, der godkendte."),
    )

    def __init__(self, *args, claim: Claim, default_line: BudgetLine | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.filter(budget_id=claim.budget_id).order_by("position", "id")
        if default_line is not None:
            self.fields["line"].initial = default_line.pk


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Udlægsholderen får begrundelsen på e-mail."),
    )
