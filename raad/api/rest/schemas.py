"""Shapes shared by the endpoints: a page of a list, and an error."""

from __future__ import annotations

from typing import Generic, TypeVar

from django.utils.translation import gettext_lazy
from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    count: int = Field(description=gettext_lazy("Hvor mange der passer, på hver side"))
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description=gettext_lazy("Adressen på næste side; null på den sidste side"))
    previous: str | None
    results: list[T]


class ErrorOut(BaseModel):
    error: str = Field(description=gettext_lazy("Hvad der var galt, på dansk (engelsk med Accept-Language: en)"))
