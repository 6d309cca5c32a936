"""A help centre in several languages: one folder per language, each with its own mkdocs.yml, home, tasks,
search index and texts, joined by mkdocs-material's language switcher (extra.alternate)."""
import re
from pathlib import Path

import yaml
from sitebuild import build_site

from nightdesk.cli import main


def language_site(root: Path, language: str, others: list[str]) -> Path:
    assert main(["init", str(root / language), "--language", language]) == 0
    config_file = root / language / "mkdocs.yml"
    config = config_file.read_text(encoding="utf-8")
    alternate = "".join(f"\n    - {{name: {code}, link: ../{code}/index.html, lang: {code}}}" for code in [language] + others)
    config_file.write_text(config + f"\nextra:\n  alternate:{alternate}\n", encoding="utf-8")
    return config_file


def test_each_language_has_its_own_home_tasks_index_and_texts(tmp_path):
    for language, other in (("en", "fr"), ("fr", "en")):
        config = language_site(tmp_path, language, [other])
        done = build_site(config, tmp_path / "site" / language)
        assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    english, french = (site / "en" / "index.html").read_text(), (site / "fr" / "index.html").read_text()
    assert "What do you want to do?" in english and "Que voulez-vous faire ?" in french
    assert "Get paid" in english and "Se faire payer" in french
    assert '"language":"fr"' in (site / "fr" / "assets" / "nightdesk" / "i18n.js").read_text()
    assert '"language":"fr"' in (site / "fr" / "assets" / "nightdesk" / "search-store.js").read_text()
    assert (site / "fr" / "service-worker.js").is_file() and (site / "en" / "service-worker.js").is_file()
    # The switcher's links work from disk too: relative, to a page that exists.
    article = next((site / "fr" / "factures").glob("envoyer-*.html"))
    links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', article.read_text())
    assert {lang for _, lang in links} == {"en", "fr"}
    for href, _ in links:
        assert (article.parent / href).resolve().is_file(), href
