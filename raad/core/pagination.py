"""Pagination of public lists: one helper and one include (`includes/pagination.html`), so every list pages the
same way. The page number is the query parameter `side`; a bad one never fails: one that is not a number
(or none, or below one) shows the first page, one past the end the last. The other query parameters
(a filter, a year) are kept in the page links. A queryset costs two queries whatever its size (count, page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PARAM = "side"
PER_PAGE = 20


def paginate(request: HttpRequest, items: Sequence[Any] | Any, *, per_page: int = PER_PAGE) -> Page:
    """The page of `items` (a queryset or a list) that `?side=` asks for, with `page.query`: the request's
    other query parameters, URL-encoded, for the include's links, and `page.window`: the page numbers to
    link (first, last and two either side of the current; None where numbers are left out)."""
    page = Paginator(items, per_page).get_page(page_number(request.GET.get(PARAM, "")))
    query = request.GET.copy()
    query.pop(PARAM, None)
    page.query = query.urlencode()  # type: ignore[attr-defined]
    page.window = window(page.number, page.paginator.num_pages)  # type: ignore[attr-defined]
    return page


def page_number(asked: str) -> int:
    """`?side=` as a number from 1: anything but digits is 1; a number too long to read is past any end."""
    if not (asked.isascii() and asked.isdigit()):
        return 1
    return max(int(asked), 1) if len(asked) <= 18 else 10**18


def window(current: int, last: int, *, around: int = 2) -> list[int | None]:
    """`[1, None, 4, 5, 6, 7, 8, None, 20]` for page 6 of 20: None marks left-out numbers."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers
