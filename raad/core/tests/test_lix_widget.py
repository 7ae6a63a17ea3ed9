"""The LIX figure under the text areas where editors write public Danish: rendered by the server (so it is
there without JavaScript), named by the text area's aria-describedby, with the easy-read target where asked."""

from __future__ import annotations

import re

from django import forms
from django.test import override_settings
from django.utils import translation

from raad.core.forms import DanishTextarea, with_lix
from raad.secretariat.forms import PurposeForm, TermsOfReferenceForm
from raad.statements.forms import CorrectionForm, StatementForm, VersionForm

HARD = (
    "Integrationsrådet rådgiver kommunalbestyrelsen om bl.a. beskæftigelse, uddannelse og f.eks. boliger. "
    "Det sker skriftligt!"
)  # LIX 60


def output(html: str, output_id: str) -> str:
    match = re.search(rf'<output id="{output_id}" aria-live="polite"[^>]*>(.*?)</output>', html, re.S)
    assert match, html
    return match.group(1)


def test_the_figure_is_rendered_by_the_server_and_described_by_the_text_area():
    html = str(VersionForm(initial={"text": HARD})["text"])
    assert output(html, "id_version_text_lix") == "LIX 60 (meget svær)"
    assert re.search(r'<textarea[^>]*aria-describedby="id_version_text_lix"', html)
    assert re.search(r'<textarea[^>]*data-lix="id_version_text_lix"', html)
    assert '<script src="/static/raad/js/lix.js" defer></script>' in html


def test_empty_text_and_english_page():
    assert output(str(VersionForm()["text"]), "id_version_text_lix") == "LIX: ingen tekst endnu"
    with translation.override("en"):
        assert (
            output(str(VersionForm(initial={"text": HARD})["text"]), "id_version_text_lix") == "LIX 60 (very difficult)"
        )


@override_settings(EASY_READ_LIX_TARGET=30)
def test_easy_read_shows_the_target_and_whether_it_is_met():
    class EasyForm(forms.Form):
        text = forms.CharField(widget=DanishTextarea(easy_read=True))

    html = str(EasyForm(data={"text": "Rådet er talerør. Vi vil høre fra jer."})["text"])
    # Rådet | er | talerør || Vi | vil | høre | fra | jer: 8 words, 2 sentences, 1 long → 4 + 12.5 = 16.5 → 17
    assert output(html, "id_text_lix") == "LIX 17 (meget let): målet for let dansk er nået"
    assert "Mål for let dansk: LIX 30 eller lavere." in html


def test_applied_to_the_statement_editor_and_the_kommissorium():
    for form, name, prefix in [
        (VersionForm(), "text", "id_version_"),
        (CorrectionForm(), "text", "id_correction_"),
        (StatementForm(), "text", "id_"),
        (PurposeForm(), "description", "id_"),
        (TermsOfReferenceForm(), "introduction", "id_"),
        (TermsOfReferenceForm(), "limits", "id_"),
    ]:
        assert isinstance(form.fields[name].widget, DanishTextarea), (type(form).__name__, name)
        assert f'id="{prefix}{name}_lix"' in str(form[name])


def test_with_lix_keeps_the_attributes_and_whether_required():
    class Plain(forms.Form):
        text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))

    form = Plain()
    with_lix(form, "text")
    html = str(form["text"])
    assert 'rows="4"' in html and " required" in html and 'id="id_text_lix"' in html
