"""Shapes shared by the endpoints: a page of a list, and an error."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    count: int = Field(description="How many match, on every page")
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description="The next page's address; null on the last page")
    previous: str | None
    results: list[T]


class ErrorOut(BaseModel):
    error: str = Field(description="What was wrong, in Danish (English with Accept-Language: en)")
