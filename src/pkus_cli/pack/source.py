"""A source of the bibliography: its own module, so a page that cites a few sources (the
figures chart) decodes them without building the rest of the content model."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    author: str
    kind: str
    year: int | None = None
    url: str | None = None
