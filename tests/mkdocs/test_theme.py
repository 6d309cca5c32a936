"""nightdesk changes mkdocs-material through blocks and data, not copies of its partials, so material's
own features keep working: the repository link, the language selector, tabs, the integrated table of contents."""
from __future__ import annotations

import re

import yaml
from sitebuild import REPO, build_site

from nightdesk.mkdocs.page_extras import THEME_DIR


def test_no_copies_of_material_partials():
    assert sorted(p.relative_to(THEME_DIR).as_posix() for p in THEME_DIR.rglob("*.html")) == [
        "main.html", "partials/nightdesk-search.html"]


def test_repo_url_language_selector_tabs_and_integrated_toc(tmp_path):
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(REPO / "content"), repo_url="https://git.example/tidyhands/help",
                  extra={"alternate": [{"name": "English", "link": "/en/", "lang": "en"},
                                       {"name": "Cymraeg", "link": "/cy/", "lang": "cy"}]})
    config["theme"].update(custom_dir=str(REPO / "templates"), features=["navigation.tabs", "toc.integrate"])
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert done.returncode == 0, done.stderr

    html = (tmp_path / "site/manage-bookings/set-your-opening-hours.html").read_text(encoding="utf-8")
    header = html[html.index('<header class="md-header'):html.index("</header>")]
    assert 'href="https://git.example/tidyhands/help"' in header and "md-header__source" in header
    assert 'hreflang="cy"' in header and "Cymraeg" in header  # material's language selector
    assert header.index('class="nd-search nd-search--header"') < header.index("md-header__source")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S).group(0)
    assert "Get paid" in tabs and "md-tabs__item--active" in tabs
    assert "md-nav--integrated" in html and "md-nav--lifted" in html
    nav = html[html.index('<nav class="md-nav md-nav--primary'):html.index('<div class="md-content"')]
    assert 'data-md-component="toc"' in nav  # the table of contents sits in the navigation
    assert 'href="https://git.example/tidyhands/help"' in nav  # and the repository link in the drawer
