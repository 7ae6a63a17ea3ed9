from raad.core.redaction import CPR_MASK, contains_cpr, find_personal_data, mask_cpr


def test_cpr_numbers_are_masked_in_all_common_spellings():
    text = "Borgeren 010190-1234 og 0101901234 samt 010190 1234 skrev."
    assert mask_cpr(text) == f"Borgeren {CPR_MASK} og {CPR_MASK} samt {CPR_MASK} skrev."


def test_numbers_that_are_not_cpr_are_kept():
    text = "Mødet er 12.03.2026, sag 26-004512, telefon 72 36 36 36, budget 1.250.000 kr, 999999-9999."
    assert mask_cpr(text) == text
    assert not contains_cpr(text)


def test_personal_data_check_finds_cpr_email_phone_and_address():
    text = "Skriv til anna@example.dk eller ring 22 33 44 55. Hun bor på Smedegade 12. CPR 311299-1111."
    kinds = [(f.kind, f.text) for f in find_personal_data(text)]
    assert ("cpr", "311299-1111") in kinds
    assert ("email", "anna@example.dk") in kinds
    assert ("phone", "22 33 44 55") in kinds
    assert ("address", "Smedegade 12") in kinds
