"""The limits the checks apply. The MkDocs plugin's `checks:` options take their defaults from here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckSettings:
    stale_after_days: int = 180  # an article whose `reviewed` date is older than this is stale
    max_grade: float = 8.0  # reading grade (Flesch-Kincaid) above which an article is hard going
    max_summary_length: int = 160  # characters: about two lines on a phone, and what search results show
    max_step_words: int = 35  # a numbered step longer than this is really two steps
    language: str = "en"  # the articles' language (theme.language): which reading-ease formula applies
