"""The PO subset Råd writes for translators (raad.core.po): what it writes, msgfmt -c accepts, and it reads
back exactly; what is outside the subset is refused with the line."""

from __future__ import annotations

import subprocess

import pytest

from raad.core import po

HEADER = {
    "Project-Id-Version": "Råd holbaek",
    "Report-Msgid-Bugs-To": "",
    "POT-Creation-Date": "2026-11-29 20:00+0000",
    "PO-Revision-Date": "2026-11-29 20:00+0000",
    "Last-Translator": "",
    "Language-Team": "العربية",
    "Language": "ar",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}

ENTRIES = [
    po.Entry(
        msgctxt="councils.purpose:12:title",
        msgid="Lige muligheder for alle",
        msgstr="فرص متساوية للجميع",
        comments=["Formål: 1 – titel"],
    ),
    po.Entry(
        msgctxt="dialogue.topic:3:summary",
        msgid='Rådet siger "velkommen".\nAnden linje med \\ og\ttabulator.',
        msgstr='المجلس يقول "أهلا".\nسطر ثان',
        flags=["fuzzy"],
        comments=["Emner: Boliger – beskrivelse", "Den danske tekst er ændret."],
    ),
    po.Entry(msgctxt="dialogue.topic:3:title", msgid="Boliger", msgstr=""),
]


def test_written_file_passes_msgfmt_check_and_reads_back_the_same(tmp_path):
    content = po.write(ENTRIES, HEADER, ["Indholdsoversættelser fra Råd"])
    path = tmp_path / "ar.po"
    path.write_text(content, encoding="utf-8")
    checked = subprocess.run(["msgfmt", "-c", "-o", str(tmp_path / "ar.mo"), str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    header, entries = po.read(content)
    assert header == HEADER
    assert [(e.msgctxt, e.msgid, e.msgstr, e.flags, e.comments) for e in entries] == [
        (e.msgctxt, e.msgid, e.msgstr, e.flags, e.comments) for e in ENTRIES
    ]
    assert [e.fuzzy for e in entries] == [False, True, False]


def test_multi_line_text_is_written_as_gettext_tools_write_it():
    content = po.write([ENTRIES[1]], {"Language": "ar"})
    assert 'msgid ""\n"Rådet siger \\"velkommen\\".\\n"\n"Anden linje med \\\\ og\\ttabulator."\n' in content
    assert "#, fuzzy\n" in content


def test_reads_what_poedit_writes_wrapped_strings_and_translator_comments():
    content = (
        '# Translator: Amal\nmsgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# a note of the translator\n#. Formål: 1\n#, fuzzy, python-format\nmsgctxt "councils.purpose:12:title"\n'
        'msgid "Lige muligheder "\n"for alle"\nmsgstr ""\n"فرص متساوية "\n"للجميع"\n'
    )
    header, [entry] = po.read(content)
    assert header == {"Language": "ar", "Content-Type": "text/plain; charset=UTF-8"}
    assert (entry.msgid, entry.msgstr, entry.flags) == (
        "Lige muligheder for alle",
        "فرص متساوية للجميع",
        ["fuzzy", "python-format"],
    )


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\n', 5),
        ('msgid ""\nmsgstr ""\n\n#~ msgid "gammel"\n#~ msgstr "old"\n', 4),
        ('msgid ""\nmsgstr ""\n\nmsgid "a\nmsgstr "b"\n', 4),
        ('msgid ""\nmsgstr ""\n\nmsgid "a"\n', 4),
        ('msgid ""\nmsgstr ""\n\nmsgstr "b"\n', 4),
        ("Hej med dig\n", 1),
    ],
)
def test_outside_the_subset_is_refused_with_its_line(content, line):
    with pytest.raises(po.POError) as refused:
        po.read(content)
    assert refused.value.line == line
