"""Phone fields take a Danish or an international number, and say clearly what they want otherwise."""

import pytest
from django.core.exceptions import ValidationError

from raad.core.forms import validate_phone


@pytest.mark.parametrize(
    "number", ["12345678", "12 34 56 78", "+45 12 34 56 78", "0045 12345678", "+46 8 123 456 78", "+1 (212) 555-0100"]
)
def test_danish_and_international_numbers_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize(
    "number", ["ring til mig", "1234", "123456789", "+45 1234", "12 34 56 78 ext", "<script>", "+123", "++4512345678"]
)
def test_anything_else_is_refused_with_a_clear_message(number):
    with pytest.raises(ValidationError, match="Skriv et telefonnummer med 8 cifre, fx 12 34 56 78"):
        validate_phone(number)
