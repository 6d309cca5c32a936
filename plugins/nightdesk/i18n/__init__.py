"""Every reader-facing word of nightdesk, one catalog per language (`<language>.yml` beside this file).

English (en.yml) is the reference: every language has exactly its keys and placeholders
(tests/i18n/test_catalogs.py). A text is either a string with `{name}` placeholders or a plural: a mapping
from CLDR plural category (`one`, `other`, and `many` where a language has it) to such strings, chosen for
`count` by the language's rules (babel here, Intl.PluralRules in the browser, both from CLDR).

A site picks the language with `theme.language` and may replace any text; `Catalog.for_language()` checks
the replacements (known key, same placeholders) and raises CatalogError naming the bad one. The browser
gets the texts it needs from `Catalog.for_browser()`, written into the built site, never copied by hand.
No MkDocs import here: the catalog is part of the core.
"""
from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any, Mapping

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_day_names
from markupsafe import Markup, escape

REFERENCE = "en"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
BROWSER_PREFIXES = ("search.", "feedback.", "support.", "offline.", "common.")
"""Texts the browser scripts use; the rest only appear in pages rendered at build time."""

Text = str | dict[str, str]
MARKUPS_REMEMBERED = 10_000
"""At most this many rendered texts are kept per catalog (a few hundred on a large site)."""
_PLAIN_VALUES = frozenset({str, Markup, int, float, bool, type(None)})


class CatalogError(ValueError):
    """A catalog or a site's replacement text that cannot be used; the message names the key."""


def languages() -> list[str]:
    """The languages nightdesk ships, e.g. ['de', 'en', 'es', ...]."""
    folder = resources.files(__name__)
    return sorted(entry.name[:-4] for entry in folder.iterdir() if entry.name.endswith(".yml"))


def base_language(language: str | None) -> str:
    """'pt_BR', 'pt-BR' -> 'pt'; a language nightdesk does not ship falls back to English."""
    code = re.split(r"[-_]", (language or REFERENCE).strip())[0].lower()
    return code if code in languages() else REFERENCE


@cache
def _read(language: str) -> dict[str, Text]:
    source = (resources.files(__name__) / f"{language}.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(source) or {}
    if not isinstance(data, dict):
        raise CatalogError(f"{language}.yml: expected key: text pairs")
    return {str(key): value for key, value in data.items()}


def placeholders(text: Text) -> set[str]:
    """{'count', 'task'} for 'All articles in {task} ({count} more)'; for a plural, those of every form."""
    forms = text.values() if isinstance(text, dict) else [text]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(str(form)) if name}


def problems(language: str) -> list[str]:
    """What is wrong with a shipped catalog compared with English (empty when it is complete)."""
    reference, catalog = _read(REFERENCE), _read(language)
    found = [f"{language}.yml: missing '{key}'" for key in reference if key not in catalog]
    found += [f"{language}.yml: unknown key '{key}'" for key in catalog if key not in reference]
    for key, text in catalog.items():
        if key in reference:
            found += [f"{language}.yml: {key}: {problem}" for problem in _check_text(key, text, reference[key], language)]
    return found


def _check_text(key: str, text: Any, reference: Text, language: str) -> list[str]:
    if isinstance(reference, dict) != isinstance(text, dict):
        return ["a plural (one/other forms) in English" if isinstance(reference, dict) else "not a plural in English"]
    if isinstance(text, dict):
        needed = set(plural_categories(language)) - {"many"}  # 'many' is only for huge round numbers: 'other' serves
        missing = sorted(needed - set(text))
        unknown = sorted(set(text) - set(PLURAL_FORMS))
        if missing or unknown:
            return [f"plural forms {', '.join(missing)} missing" if missing else f"unknown plural forms {', '.join(unknown)}"]
        if not all(isinstance(form, str) for form in text.values()):
            return ["every plural form must be text"]
    elif not isinstance(text, str):
        return ["expected text"]
    ours, theirs = placeholders(text), placeholders(reference)
    if isinstance(text, dict):
        ours |= {"count"}  # a form may say "one" in words rather than print {count}
    if ours != theirs | ({"count"} if isinstance(text, dict) else set()):
        return [f"placeholders {sorted(ours)} differ from English {sorted(theirs)}"]
    return []


@lru_cache(maxsize=4096)
def _plural_category(language: str, count) -> str:
    try:
        return Locale.parse(language).plural_form(count)
    except (UnknownLocaleError, ValueError):
        return "one" if count == 1 else "other"


@lru_cache(maxsize=4096)  # a site shows a few hundred distinct dates, on many pages
def _format_date(day: dt.date, style: str, language: str) -> str:
    try:
        return format_date(day, style, locale=language)
    except (UnknownLocaleError, ValueError):
        return format_date(day, style, locale=REFERENCE)


@cache
def plural_categories(language: str) -> tuple[str, ...]:
    return tuple(sorted(Locale.parse(language).plural_form.tags | {"other"}))


@dataclass(frozen=True)
class Catalog:
    language: str
    texts: Mapping[str, Text] = field(repr=False)

    @classmethod
    def for_language(cls, language: str | None = None, overrides: Mapping[str, Any] | None = None) -> "Catalog":
        """The shipped catalog of `language` (English for one nightdesk does not ship) with a site's replacements."""
        code = base_language(language)
        texts = dict(_read(code))
        for key, text in (overrides or {}).items():
            key = str(key)
            if key not in texts:
                close = [known for known in texts if known.split(".")[-1] == key.split(".")[-1]]
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise CatalogError(f"strings: unknown text '{key}'{hint}")
            if isinstance(text, (int, float)):
                text = str(text)
            wrong = _check_text(key, text, _read(REFERENCE)[key], code)
            if wrong:
                raise CatalogError(f"strings: {key}: {wrong[0]}")
            texts[key] = text
        return cls(code, texts)

    @cached_property
    def locale(self) -> Locale:
        try:
            return Locale.parse(self.language)
        except (UnknownLocaleError, ValueError):
            return Locale.parse(REFERENCE)

    def text(self, key: str, **values: Any) -> str:
        """Plain text (for Markdown, e-mails, logs); a plural is chosen by `count`."""
        return self._form(key, values).format(**values)

    def markup(self, key: str, **values: Any) -> Markup:
        """HTML-safe text for templates: the catalog text escaped, values escaped unless already Markup."""
        # Every page asks for the same few dozen texts, and Markup.format is slow: remembered per key and
        # values (plain values only). A value's type is part of the key: Markup("<b>") == "<b>", but
        # only the str is escaped.
        if not all(type(value) in _PLAIN_VALUES for value in values.values()):
            return Markup(escape(self._form(key, values))).format(**values)
        remembered = (key, *((name, type(value), value) for name, value in values.items()))
        found = self._markups.get(remembered)
        if found is None:
            found = Markup(escape(self._form(key, values))).format(**values)
            if len(self._markups) < MARKUPS_REMEMBERED:
                self._markups[remembered] = found
        return found

    @cached_property
    def _markups(self) -> dict[tuple, Markup]:
        return {}

    def _form(self, key: str, values: Mapping[str, Any]) -> str:
        text = self.texts[key]
        if isinstance(text, dict):
            category = _plural_category(self.language, abs(values.get("count", 0)))
            return text.get(category) or text["other"]
        return text

    def day_names(self, width: str = "abbreviated") -> list[str]:
        """Monday first: ['Mon', 'Tue', ...] / ['lun.', 'mar.', ...]."""
        names = get_day_names(width, locale=self.locale)
        return [names[index] for index in range(7)]

    def date(self, day: dt.date | None, style: str = "long") -> str:
        """'3 March 2026' / '3 mars 2026' / '3. März 2026'."""
        return _format_date(day, style, self.language) if day else ""

    def day_month(self, month: int, day: int, year: int | None = None) -> str:
        """'25 Dec' / '25 déc.' for a yearly closed day; with its year when it has one."""
        pattern = "d MMM y" if year else "d MMM"
        return format_date(dt.date(year or 2000, month, day), pattern, locale=self.locale)

    def for_browser(self) -> dict[str, Any]:
        """What the browser scripts need: the language and the texts they show."""
        return {"language": self.language,
                "texts": {key: text for key, text in self.texts.items() if key.startswith(BROWSER_PREFIXES)}}
