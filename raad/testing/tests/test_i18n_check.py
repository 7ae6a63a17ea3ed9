"""The lint check that no msgid has two translations across the apps' catalogues (Django merges them and the
first app wins, so the other app would show the wrong word)."""

from pathlib import Path

from raad.testing import i18n_check

HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def catalogue(root: Path, app: str, body: str, language: str = "en") -> Path:
    path = root / app / "locale" / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_translation_conflict_between_two_apps_fails_and_names_both(tmp_path, capsys):
    first = catalogue(tmp_path, "meetings", '#: models.py:1\nmsgid "svar"\nmsgstr "response"\n')
    second = catalogue(tmp_path, "statements", '#: models.py:2\nmsgid "svar"\n"" \nmsgstr "answer"\n')
    assert i18n_check.main([str(first), str(second)]) == 1
    error = capsys.readouterr().err
    assert "msgid 'svar' has 2 translations" in error
    assert "'response'" in error and "'answer'" in error
    assert "meetings" in error and "statements" in error


def test_translation_with_contexts_or_the_same_words_passes(tmp_path, capsys):
    first = catalogue(
        tmp_path,
        "meetings",
        'msgctxt "minutes response"\nmsgid "svar"\nmsgstr "response"\n\nmsgid "e-mail"\nmsgstr "email"\n',
    )
    second = catalogue(tmp_path, "statements", 'msgid "svar"\nmsgstr "answer"\n\nmsgid "e-mail"\nmsgstr "email"\n')
    assert i18n_check.main([str(first), str(second)]) == 0
    assert "no msgid with two translations" in capsys.readouterr().out


def test_translation_left_out_of_the_compiled_catalogue_does_not_count(tmp_path):
    """Empty, fuzzy and obsolete entries never reach the .mo file, so they cannot override another app."""
    first = catalogue(tmp_path, "a", 'msgid "svar"\nmsgstr "response"\n')
    second = catalogue(
        tmp_path,
        "b",
        '#, fuzzy\nmsgid "svar"\nmsgstr "answer"\n\nmsgid "Ja"\nmsgstr ""\n\n#~ msgid "svar"\n#~ msgstr "reply"\n',
    )
    third = catalogue(tmp_path, "c", 'msgid "Ja"\nmsgstr "Yes"\n')
    assert i18n_check.conflicts([first, second, third]) == []


def test_translation_conflict_in_plural_forms_is_found(tmp_path):
    first = catalogue(
        tmp_path,
        "a",
        'msgid "%(n)s stemme"\nmsgid_plural "%(n)s stemmer"\nmsgstr[0] "%(n)s vote"\nmsgstr[1] "%(n)s votes"\n',
    )
    second = catalogue(
        tmp_path,
        "b",
        'msgid "%(n)s stemme"\nmsgid_plural "%(n)s stemmer"\nmsgstr[0] "%(n)s ballot"\nmsgstr[1] "%(n)s ballots"\n',
    )
    (problem,) = i18n_check.conflicts([first, second])
    assert "'%(n)s vote / %(n)s votes'" in problem and "'%(n)s ballot / %(n)s ballots'" in problem


def test_translation_languages_are_checked_separately(tmp_path):
    english = catalogue(tmp_path, "a", 'msgid "svar"\nmsgstr "answer"\n')
    german = catalogue(tmp_path, "b", 'msgid "svar"\nmsgstr "Antwort"\n', language="de")
    assert i18n_check.conflicts([english, german]) == []


def test_translation_catalogues_of_the_project_have_no_conflict():
    paths = i18n_check.catalogues()
    assert len(paths) >= 7
    assert i18n_check.conflicts(paths) == []


def test_translation_of_a_shared_danish_word_is_each_apps_own_in_english():
    """These pairs showed the first app's English in the other app before they had contexts."""
    from django.utils import translation

    from raad.core.models import AuditEntry
    from raad.meetings.forms import ItemForm, MinutesResponseForm
    from raad.meetings.models import AgendaItem, NamedVote
    from raad.membership.forms import CallForm, FlagMovedAwayForm
    from raad.membership.models import RoundCount
    from raad.statements.forms import WrittenAnswerForm
    from raad.statements.models import Committee, RecordEntry, Statement, WrittenProcedure

    with translation.override("en"):
        labels = {
            "meetings answer": str(MinutesResponseForm.base_fields["kind"].label),
            "statements answer": str(WrittenAnswerForm.base_fields["answer"].label),
            "membership note": str(FlagMovedAwayForm.base_fields["note"].label),
            "statements remark": str(WrittenAnswerForm.base_fields["comment"].label),
            "meetings heading": str(ItemForm.base_fields["title"].label),
            "membership title": str(CallForm.base_fields["title"].label),
            "meetings purposes": str(AgendaItem._meta.get_field("purposes").verbose_name),
            "statements purpose": str(Statement._meta.get_field("purpose").verbose_name),
            "meetings ballots": str(NamedVote._meta.verbose_name_plural),
            "membership votes": str(RoundCount._meta.get_field("votes").verbose_name),
            "membership count": str(RoundCount._meta.verbose_name),
            "statements tally": str(WrittenProcedure._meta.get_field("tally").verbose_name),
            "statements journal entry": str(RecordEntry._meta.verbose_name),
            "core audit entry": str(AuditEntry._meta.verbose_name),
            "statements email": str(Committee._meta.get_field("email").verbose_name),
        }
    assert labels == {
        "meetings answer": "Your response",
        "statements answer": "Your answer",
        "membership note": "Note",
        "statements remark": "Remark",
        "meetings heading": "Heading",
        "membership title": "Title",
        "meetings purposes": "purposes in the terms of reference",
        "statements purpose": "purpose in the terms of reference",
        "meetings ballots": "ballots",
        "membership votes": "votes",
        "membership count": "count",
        "statements tally": "tally",
        "statements journal entry": "journal entry",
        "core audit entry": "audit entry",
        "statements email": "email",
    }


def _arabic(root: Path, body: str, status: bool = True) -> Path:
    path = root / "portal" / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    header = (
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n'
        '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"\n'
    )
    if status:
        header += '"X-Translation-Status: draft (machine-assisted, needs review by a professional translator)\\n"\n'
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


SIX_FORMS = "".join(f'msgstr[{i}] "{i}"\n' for i in range(6))


def test_a_community_language_catalogue_with_its_status_and_six_arabic_forms_passes(tmp_path):
    path = _arabic(tmp_path, f'msgid "%(n)s medlem"\nmsgid_plural "%(n)s medlemmer"\n{SIX_FORMS}')
    assert i18n_check.main([str(path)]) == 0


def test_a_community_language_catalogue_without_its_translation_status_fails(tmp_path, capsys):
    path = _arabic(tmp_path, 'msgid "Forside"\nmsgstr "الصفحة الرئيسية"\n', status=False)
    assert i18n_check.main([str(path)]) == 1
    assert "no X-Translation-Status: header" in capsys.readouterr().err


def test_a_plural_entry_with_the_wrong_number_of_forms_fails(tmp_path, capsys):
    path = _arabic(tmp_path, 'msgid "%(n)s medlem"\nmsgid_plural "%(n)s medlemmer"\nmsgstr[0] "a"\nmsgstr[1] "b"\n')
    assert i18n_check.main([str(path)]) == 1
    assert "has 2 plural forms, the catalogue's Plural-Forms says 6" in capsys.readouterr().err
