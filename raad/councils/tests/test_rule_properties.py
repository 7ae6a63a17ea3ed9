"""Properties of the share every rule of procedure uses (quorum, extraordinary meetings): hypothesis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raad.councils.rules import required_count


@given(total=st.integers(0, 200), denominator=st.integers(1, 20), data=st.data())
def test_required_count_is_the_smallest_head_count_reaching_the_share(total, denominator, data):
    numerator = data.draw(st.integers(0, denominator))
    required = required_count(total, numerator, denominator)
    assert 0 <= required <= total
    assert required * denominator >= numerator * total  # reaches the share
    assert required == 0 or (required - 1) * denominator < numerator * total  # one fewer would not


@given(total=st.integers(0, 200), denominator=st.integers(1, 20), data=st.data())
def test_a_larger_share_or_council_never_needs_fewer_people(total, denominator, data):
    numerator = data.draw(st.integers(0, denominator - 1))
    assert required_count(total, numerator + 1, denominator) >= required_count(total, numerator, denominator)
    assert required_count(total + 1, numerator, denominator) >= required_count(total, numerator, denominator)
