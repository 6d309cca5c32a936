"""Search in the site's language: the same terms in Python (snowballstemmer) and in the browser
(lunr-languages, as mkdocs-material ships it), with elision, folded accents and German compounds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nightdesk.i18n import _read as read_catalog
from nightdesk.mkdocs.search.plugin import LUNR_JS
from nightdesk.site.assets import PACKAGE_ASSETS as ASSETS
from nightdesk.search.index import SearchArticle, build_search
from nightdesk.search.pipeline import ENGLISH, SNOWBALL, browser_language_script, language_for, normalize_text
from nightdesk.search.sections import split_sections

LANGUAGES = sorted(SNOWBALL)
# Text a help centre in each language might hold: plurals, elisions, accents, compounds.
SAMPLES = {
    "fr": "L'état d'une facture qu'il a réglée. Les factures impayées, l’échéance, jusqu'à aujourd'hui, "
          "remboursements, rembourser un client, reçus, Reçu, numéro de TVA, à payer, déjà payé.",
    "de": "Zahlungserinnerung senden: Rechnungsnummer auf Rechnungen, Quittungen und Quittung, Kundennummer, Zahlungen, "
          "Mahnungen, Straße, Größe, bezahlt, geöffnet, beantwortet, Erstattung der Überweisung.",
    "es": "Facturas pendientes, el reembolso, reembolsar pagos, recibos, número de IVA, navegación, está pagada.",
    "it": "L'ordine dell'utente, un'altra fattura, fatture non pagate, rimborsi, ricevute, c'è, perché.",
    "nl": "Betalingsherinnering sturen, factuurnummer, facturen, terugbetalingen, bonnetjes, geopend, beantwoord.",
    "pt": "Faturas em aberto, reembolsos, recibos, número de contribuinte, não pagas, já está paga, ações.",
}


def vocabulary(language: str) -> list[str]:
    texts = [SAMPLES[language]]
    for text in read_catalog(language).values():
        texts += list(text.values()) if isinstance(text, dict) else [text]
    words = {w for text in texts for w in normalize_text(re.sub(r"\{\w+\}", " ", text)).split(" ") if w}
    return sorted(words)


def test_french_elision_accents_and_plurals():
    fr = language_for("fr")
    assert fr.terms("l'état d’une facture") == fr.terms("etat facture") == ["etat", "factur"]
    assert fr.terms("Factures impayées") == fr.terms("facture impayee")
    assert fr.terms("qu'il") == []  # "il" is a stop word: nothing left to search


def test_german_compounds_are_indexed_by_their_parts():
    de = language_for("de").with_compounds([SAMPLES["de"] + " Erinnerung Nummer Rechnung"])
    assert de.compounds["zahlungserinnerung"] == ["zahlung", "erinnerung"]
    assert de.compounds["rechnungsnummer"] == ["rechnung", "nummer"]
    assert set(de.terms("Erinnerung")) <= set(de.terms("Zahlungserinnerung"))
    assert set(de.terms("Nummer")) <= set(de.terms("Rechnungsnummer"))
    assert de.terms("Quittungen") == de.terms("Quittung")


def test_a_compound_splits_even_when_its_head_is_never_used_alone():
    de = language_for("de").with_compounds(["Zahlungserinnerung Zahlung"])
    assert de.compounds["zahlungserinnerung"] == ["zahlung", "erinnerung"]  # "s" joins, it is not the head's


def test_english_and_unknown_languages_keep_the_english_pipeline():
    assert language_for("en") is ENGLISH and language_for("ja") is ENGLISH and language_for("pt-BR").code == "pt"
    assert "window.nightdeskLanguage" in browser_language_script(ENGLISH)


@pytest.fixture(scope="module")
def language_pages(tmp_path_factory):
    """One blank page per language: lunr.js, search-language.js as the build writes it, the pipeline."""
    folder = tmp_path_factory.mktemp("languages")
    pages = {}
    for code in LANGUAGES:
        (folder / f"search-language-{code}.js").write_text(browser_language_script(language_for(code)), encoding="utf-8")
        scripts = [LUNR_JS, folder / f"search-language-{code}.js", Path(str(ASSETS / "search-pipeline.js")),
                   Path(str(ASSETS / "search-unpack.js"))]
        html = "".join(f'<script src="{path.resolve().as_uri()}"></script>' for path in scripts)
        pages[code] = folder / f"{code}.html"
        pages[code].write_text(f"<!doctype html><meta charset=utf-8>{html}", encoding="utf-8")
    return pages


@pytest.mark.browser
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_word_becomes_the_same_term_in_python_and_the_browser(page, language_pages, code):
    page.goto(language_pages[code].as_uri())
    page.wait_for_function("() => !!(window.nightdeskPipeline && window.nightdeskUnpackIndex)")
    language = language_for(code)
    words = vocabulary(code) + ["l'état", "qu’il", "dell'ordine", "Straße", "STRASSE", "naïve"]
    in_browser = page.evaluate("""words => words.map(w => {
        const p = window.nightdeskPipeline, n = p.normalizeWord(w);
        return [n, n ? p.stem(n) : "", n ? p.isStopWord(n) : false]; })""", words)
    in_python = [[n, language.stem(n) if n else "", language.is_stop_word(n) if n else False]
                 for n in (language.normalize_word(w) for w in words)]
    assert page.evaluate("() => window.nightdeskPipeline.language") == code
    assert [(w, py, js) for w, py, js in zip(words, in_python, in_browser) if py != js] == []
    assert len(words) > 150


BUILD_WITH_LUNR_JS = """([docs, packed, compounds]) => {
    const built = lunr(function () {
        window.nightdeskPipeline.useNightdeskPipeline(this, compounds);
        this.ref("r");
        packed.fields.forEach((f, i) => this.field(f, {boost: packed.boosts[i]}));
        docs.forEach(d => this.add(d));
    });
    const shipped = window.nightdeskUnpackIndex(packed);
    return [Object.keys(built.invertedIndex).sort(), shipped.terms.slice().sort()];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("code", ["de", "fr", "nl"])
def test_the_shipped_index_is_the_one_lunr_js_builds(page, language_pages, code):
    page.goto(language_pages[code].as_uri())
    page.wait_for_function("() => !!(window.nightdeskPipeline && window.nightdeskUnpackIndex)")
    html = f"<p>{SAMPLES[code]}</p><h2 id='a'>{SAMPLES[code][:40]}</h2><p>{' '.join(vocabulary(code)[:200])}</p>"
    bundle = build_search([SearchArticle(url="a.html", title=SAMPLES[code][:30], summary=SAMPLES[code],
                                         sections=split_sections(html))], language=language_for(code))
    assert bundle.store["language"] == code
    built, shipped = page.evaluate(BUILD_WITH_LUNR_JS, [bundle.documents, bundle.index, bundle.language.compounds])
    assert built == sorted(bundle.lunr_builder.inverted_index) == shipped
    if code == "de":
        assert "erinner" in built and "numm" in built  # Zahlungserinnerung, Rechnungsnummer
