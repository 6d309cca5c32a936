"""The catalogs of reader-facing text: complete in every language, placeholders intact, replacements checked."""
import datetime as dt
import re
from importlib import resources

import pytest

from nightdesk.i18n import Catalog, CatalogError, base_language, languages, placeholders, problems

SHIPPED = ["de", "en", "es", "fr", "it", "nl", "pt"]
PACKAGE = resources.files("nightdesk")


def test_the_promised_languages_ship():
    assert set(SHIPPED) <= set(languages())


@pytest.mark.parametrize("language", SHIPPED)
def test_every_language_has_every_key_with_the_same_placeholders(language):
    assert problems(language) == []


@pytest.mark.parametrize("language", [code for code in SHIPPED if code != "en"])
def test_translations_are_not_left_in_english(language):
    english, other = Catalog.for_language("en"), Catalog.for_language(language)
    same = [key for key, text in other.texts.items() if text == english.texts[key] and isinstance(text, str)
            and len(re.sub(r"\{\w+\}", "", text).split()) > 1]  # "{count} min" may well be the same
    assert same == []


def test_plurals_follow_the_language():
    assert Catalog.for_language("en").text("search.found", count=1) == "1 article found"
    assert Catalog.for_language("en").text("search.found", count=0) == "0 articles found"
    assert Catalog.for_language("fr").text("search.found", count=0) == "0 article trouvé"  # French: 0 is singular
    assert Catalog.for_language("fr").text("search.found", count=2) == "2 articles trouvés"
    assert Catalog.for_language("de").text("article.steps", count=3) == "3 Schritte"


def test_markup_escapes_text_and_values_but_keeps_given_html():
    catalog = Catalog.for_language("fr")
    assert str(catalog.markup("search.no_match", query="<b>")) == "Aucun article ne correspond à « &lt;b&gt; »."
    english = Catalog.for_language("en", {"search.no_match": "No <luck> for {query}"})
    assert str(english.markup("search.no_match", query="x")) == "No &lt;luck&gt; for x"


def test_dates_and_day_names_follow_the_language():
    day = dt.date(2026, 3, 3)
    assert Catalog.for_language("fr").date(day) == "3 mars 2026"
    assert Catalog.for_language("de").date(day) == "3. März 2026"
    assert Catalog.for_language("de").day_names()[0].startswith("Mo")
    assert Catalog.for_language("es").day_month(12, 25) == "25 dic"


def test_unknown_or_regional_languages():
    assert base_language("pt-BR") == base_language("pt_BR") == "pt"
    assert base_language("ja") == "en"  # not shipped: English rather than a half-translated page
    assert Catalog.for_language(None).language == "en"


def test_site_replacements_are_checked():
    catalog = Catalog.for_language("fr", {"home.title": "Comment pouvons-nous aider ?"})
    assert catalog.text("home.title") == "Comment pouvons-nous aider ?"
    with pytest.raises(CatalogError, match="unknown text 'title'.*home.title"):
        Catalog.for_language("en", {"title": "Hi"})
    with pytest.raises(CatalogError, match=r"search.no_match: placeholders \[\] differ from English \['query'\]"):
        Catalog.for_language("en", {"search.no_match": "Nothing"})
    with pytest.raises(CatalogError, match="search.found: a plural"):
        Catalog.for_language("en", {"search.found": "{count} found"})


def test_the_browser_gets_only_what_its_scripts_show():
    texts = Catalog.for_language("de").for_browser()["texts"]
    assert "search.did_you_mean" in texts and "support.open_until" in texts
    assert "home.title" not in texts and "scaffold.steps" not in texts


def test_no_english_text_of_the_catalog_is_left_in_templates_or_scripts():
    """Every reader-facing text comes from the catalog: none of its English sentences is written in a
    template or a browser script (a literal there would stay English on a French site)."""
    english = [form for text in Catalog.for_language("en").texts.values()
               for form in (text.values() if isinstance(text, dict) else [text])]
    sentences = {re.split(r"\{\w+\}", form)[0].strip() for form in english}
    sentences = {s for s in sentences if len(s.split()) >= 2}
    sources = [f for folder in ("templates", "theme", "assets") for f in _files(PACKAGE / folder)
               if f.name.endswith((".html", ".js", ".j2"))]
    found = [(f.name, s) for f in sources for s in sentences if s in _without_comments(f.read_text(encoding="utf-8"))]
    assert found == []


def _files(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _files(entry)
        else:
            yield entry


def _without_comments(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)  # JS block comments
    source = re.sub(r"^\s*//.*$", "", source, flags=re.M)
    return re.sub(r"\{#.*?#\}", "", source, flags=re.S)  # Jinja comments


def test_placeholders_of_plural_forms_are_read_together():
    assert placeholders({"one": "{count} step", "other": "{count} steps in {task}"}) == {"count", "task"}


def test_no_words_in_stylesheets():
    """CSS `content:` text is not in any catalog, so it must hold no words ("In: " was English everywhere)."""
    found = [(f.name, m) for f in _files(PACKAGE / "assets") if f.name.endswith(".css")
             for m in re.findall(r"content:\s*(\"[^\"]*\"|'[^']*')", f.read_text(encoding="utf-8"))
             if re.search(r"[A-Za-z]", m)]
    assert found == []
