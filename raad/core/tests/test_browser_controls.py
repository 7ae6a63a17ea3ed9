"""Every form control the shared field templates render is visible and shows its state (issue #10: a single
checkbox rendered through includes/field.html had a 0×0 px box, so "Lukket punkt" could not be seen).

The controls are rendered through the real templates (includes/field.html, membership/includes/field.html,
includes/choices.html, includes/radios.html) with the site's CSS, in Chromium. DKFDS makes
the native checkbox and radio transparent and draws the box on the label that follows it (label::before),
so for those the drawn box is what must be visible and change when clicked."""

from __future__ import annotations

import pytest
from django import forms
from django.template.loader import render_to_string
from django.templatetags.static import static

from raad.testing.browser import login

pytestmark = pytest.mark.browser

CHOICES = [("a", "Første"), ("b", "Anden"), ("c", "Tredje")]


class EveryControl(forms.Form):
    single = forms.BooleanField(label="Lukket punkt", required=False)
    consent = forms.BooleanField(label="Jeg giver samtykke")
    several = forms.MultipleChoiceField(label="Formål", choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    several_meetings = forms.MultipleChoiceField(
        label="Formål (møder)", choices=CHOICES, widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})
    )
    one = forms.ChoiceField(label="Metode", choices=CHOICES, widget=forms.RadioSelect)
    one_meetings = forms.ChoiceField(
        label="Metode (møder)", choices=CHOICES, widget=forms.RadioSelect(attrs={"class": "form-radio"})
    )
    one_statements = forms.ChoiceField(label="Vej", choices=CHOICES, widget=forms.RadioSelect)
    pick = forms.ChoiceField(label="Sæde", choices=CHOICES)
    text = forms.CharField(label="Titel")
    long = forms.CharField(label="Sagsfremstilling", widget=forms.Textarea)
    day = forms.DateField(label="Dato", widget=forms.DateInput(attrs={"type": "date"}))
    upload = forms.FileField(label="Bilag")


TEMPLATE_OF = {
    "several_meetings": "includes/choices.html",
    "one_meetings": "includes/choices.html",
    "one_statements": "includes/radios.html",
    "several": "membership/includes/field.html",
    "one": "membership/includes/field.html",
}

STATE = """(input) => {
  const label = document.querySelector(`label[for="${input.id}"]`);
  const box = getComputedStyle(label, '::before');
  const mark = getComputedStyle(label, '::after');  // a radio's dot
  return {width: parseFloat(box.width), height: parseFloat(box.height), border: parseFloat(box.borderTopWidth),
          display: box.display, checked: input.checked,
          background: [box.backgroundColor, box.content, mark.content, mark.width, mark.borderTopWidth].join(' ')};
}"""

PLAIN = """(input) => {
  const rect = input.getBoundingClientRect(); const style = getComputedStyle(input);
  return {width: rect.width, height: rect.height, opacity: style.opacity, visibility: style.visibility,
          border: parseFloat(style.borderTopWidth)};
}"""


def _page_html(base_url: str) -> str:
    form = EveryControl()
    parts = [
        render_to_string(TEMPLATE_OF.get(name, "includes/field.html"), {"field": form[name]}) for name in form.fields
    ]
    return (
        f'<!DOCTYPE html><html lang="da"><head><base href="{base_url}/"><title>Felter</title>'
        f'<link rel="stylesheet" href="{static("vendor/dkfds/css/dkfds.min.css")}">'
        f'<link rel="stylesheet" href="{static("raad/css/raad.css")}"></head>'
        f'<body><main class="container"><h1>Felter</h1><form>{"".join(parts)}</form></main></body></html>'
    )


def _assert_toggles_visibly(page, selector: str, name: str) -> None:
    control = page.locator(selector)
    before = control.evaluate(STATE)
    assert before["width"] >= 16 and before["height"] >= 16 and before["border"] > 0, (name, before)
    assert before["display"] != "none" and not before["checked"], (name, before)
    page.locator(f'label[for="{control.get_attribute("id")}"]').click()
    after = control.evaluate(STATE)
    assert after["checked"], f"{name}: a click on the label did not check it"
    assert after["background"] != before["background"], f"{name}: checked looks the same as unchecked: {after}"


def test_every_control_type_is_visible_and_shows_its_state(page, live_server):
    page.goto(f"{live_server.url}/")
    page.set_content(_page_html(live_server.url))
    page.wait_for_load_state("load")

    _assert_toggles_visibly(page, "#id_single", "single checkbox (includes/field.html)")
    _assert_toggles_visibly(page, "#id_consent", "required single checkbox")
    for name in ("several", "several_meetings", "one", "one_meetings", "one_statements"):
        _assert_toggles_visibly(page, f"input[name={name}] >> nth=1", name)
    for name in ("pick", "text", "long", "day", "upload"):
        state = page.locator(f"[name={name}]").evaluate(PLAIN)
        assert state["width"] > 40 and state["height"] > 20, (name, state)
        assert state["opacity"] == "1" and state["visibility"] == "visible", (name, state)
    assert page.locator("#id_pick").evaluate("e => getComputedStyle(e).borderTopWidth") == "1px"


@pytest.mark.parametrize("width", [1280, 320])
def test_closed_item_box_on_the_agenda_item_form(browser, live_server, demo_data, width):
    from raad.meetings.models import Meeting
    from raad.testing.axe import format_violations, run_axe

    meeting = Meeting.objects.filter(council=demo_data["council"], status=Meeting.Status.PLANNED).first()
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    tab = context.new_page()
    try:
        login(
            tab, live_server, "sekretariat", next_url=f"/arbejdsrum/integrationsraadet/moeder/{meeting.pk}/punkter/nyt/"
        )
        closed = tab.get_by_label("Lukket punkt")
        box = closed.evaluate(STATE)
        assert box["width"] == 24 and box["height"] == 24 and box["border"] == 2, box
        tab.locator(f'label[for="{closed.get_attribute("id")}"]').click()
        assert closed.is_checked()
        assert closed.evaluate(STATE)["background"] != box["background"]
        violations = run_axe(tab)
        assert not violations, format_violations(tab.url, violations)
    finally:
        context.close()
