"""A French and a German help centre made by `nightdesk init`, in Chromium from disk: no English word of
nightdesk's on any page or search state, search that understands the language, no request to another host."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from nightdesk.cli import main
from nightdesk.i18n import Catalog

pytestmark = pytest.mark.browser
HOME_BOX = "[data-nd-search-home] input"
# query -> title of the article that must come first (plural, elision, accent, typo; German compounds)
SEARCHES = {
    "fr": {"relances": "Envoyer une relance de paiement",             # plural
           "l'échéance": "Envoyer une relance de paiement",           # elision, accent
           "recus": "Questions sur les reçus",                        # accent left out
           "courier indésirable": "Mon client n’a pas reçu la facture",  # typo
           },
    "de": {"Erinnerung": "Eine Zahlungserinnerung senden",           # compound, by its head
           "Nummer": "Mein Kunde hat die Rechnung nicht bekommen",   # Rechnungsnummer
           "Quittung": "Fragen zu Quittungen",                        # plural
           "Zahlungserinerung": "Eine Zahlungserinnerung senden",     # typo
           },
}


@pytest.fixture(scope="module", params=["fr", "de"])
def built(request, tmp_path_factory):
    language = request.param
    root = tmp_path_factory.mktemp(f"init-{language}")
    assert main(["init", str(root / "kb"), "--language", language]) == 0
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root / "kb",
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return language, root / "kb" / "site"


def english_only(language: str) -> list[str]:
    """Pieces of nightdesk's English texts (between placeholders) that the language's catalog never uses."""
    def pieces(catalog):
        found = set()
        for text in catalog.texts.values():
            for form in (text.values() if isinstance(text, dict) else [text]):
                found.update(p.strip(" .,:;?!()“”\"'") for p in re.split(r"\{\w+\}", form))
        return {p for p in found if re.search(r"[A-Za-z]{3}", p)}
    ours = {p.lower() for p in pieces(Catalog.for_language(language))}
    return sorted(p for p in pieces(Catalog.for_language("en")) if p.lower() not in ours)


VISIBLE_TEXT = """() => {
  const parts = [document.body.innerText];
  document.querySelectorAll("[placeholder], [aria-label], [title], [alt]").forEach(e => {
    if (e.closest("template")) return;
    ["placeholder", "aria-label", "title", "alt"].forEach(a => e.hasAttribute(a) && parts.push(e.getAttribute(a)));
  });
  return parts.join("\\n");
}"""


def english_words_in(text: str, language: str) -> list[str]:
    return [p for p in english_only(language) if re.search(r"(?<![\w’'])" + re.escape(p) + r"(?![\w’'])", text)]


def open_page(page, site: Path, path: str):
    page.goto((site / path).as_uri())
    page.wait_for_function("() => !!(window.nightdesk && window.nightdesk.i18n)")
    return page


def test_no_english_on_any_page_or_search_state(page, built):
    language, site = built
    # 404.html links from the site root (a host serves it for any missing path), so not from disk.
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 7
    for path in pages:
        open_page(page, site, path)
        assert english_words_in(page.evaluate(VISIBLE_TEXT), language) == [], path
    open_page(page, site, "index.html")
    box = page.locator(HOME_BOX)
    box.fill(list(SEARCHES[language])[0])
    expect(page.locator("[data-nd-search-home] [role=option]").first).to_be_visible()
    assert english_words_in(page.evaluate(VISIBLE_TEXT), language) == []
    box.fill("zzqx")  # nothing: "did you mean", every task, the support box
    expect(page.locator("[data-nd-search-home] .nd-search__support aside")).to_be_visible()
    text = page.evaluate(VISIBLE_TEXT)
    assert english_words_in(text, language) == [] and Catalog.for_language(language).text("support.title") in text
    open_page(page, site, "search.html")
    page.goto((site / "search.html").as_uri() + "?q=zzqx")
    expect(page.locator("[data-nd-search-page] .nd-search__empty")).not_to_be_empty()
    assert english_words_in(page.evaluate(VISIBLE_TEXT), language) == []
    assert page.js_errors == [] and page.external_requests == []


def test_search_understands_the_language(page, built):
    language, site = built
    open_page(page, site, "index.html")
    box = page.locator(HOME_BOX)
    for query, title in SEARCHES[language].items():
        box.fill(query)
        first = page.locator("[data-nd-search-home] [role=option] .nd-search__title").first
        expect(first).to_have_text(title)
    assert page.js_errors == [] and page.external_requests == []


def test_did_you_mean_in_the_language(page, built):
    """Suggestions come from the site's own words, in its language; the sentence around them too."""
    language, site = built
    open_page(page, site, "index.html")
    typos = {"fr": {"fcaturres": "factures", "l'echaence": "echeance"}, "de": {"Quitungenn": "quittungen"}}[language]
    for typo, word in typos.items():
        assert page.evaluate("q => window.nightdesk.load().then(e => e.suggest(q))", typo) == word
    said = page.evaluate("() => window.nightdesk.i18n.html('search.did_you_mean', {suggestion: 'x'})")
    assert said == Catalog.for_language(language).text("search.did_you_mean", suggestion="x")
