"""The sample site built by ProperDocs (a maintained fork of MkDocs 1.6, reading the same mkdocs.yml and
loading nightdesk's plugins from the `properdocs.plugins` entry points) has the same pages as with MkDocs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import REPO, build_site

pytest.importorskip("properdocs", reason="ProperDocs is in the test extra: pip install -e '.[test]'")

PAGES = ("index.html", "get-paid/index.html", "get-paid/refund-a-customer.html", "search.html", "404.html")


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    done = build_site(REPO / "mkdocs.yml", site, engine="properdocs")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return site


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and not p.name.endswith(".zip")}


def test_same_files_as_the_mkdocs_build(properdocs_site, sample_site):
    assert {f for f in files(properdocs_site) if f.endswith(".html")} == {f for f in files(sample_site) if f.endswith(".html")}
    for name in ("assets/nightdesk/search-index.js", "assets/nightdesk/search-store.js", "service-worker.js",
                 "manifest.webmanifest", "sitemap.xml"):
        assert (properdocs_site / name).is_file(), name


def main_part(html: str) -> str:
    """The article, without what differs by engine (generator meta tag, asset hashes)."""
    return re.sub(r"\?v=[0-9a-f]+", "", html[html.index('<div class="md-content"'):html.index("</main>")])


@pytest.mark.parametrize("page", PAGES)
def test_pages_match_the_mkdocs_build(properdocs_site, sample_site, page):
    ours, theirs = (properdocs_site / page).read_text(encoding="utf-8"), (sample_site / page).read_text(encoding="utf-8")
    assert main_part(ours) == main_part(theirs)
    for marker in ('class="nd-search nd-search--header"', 'id="nd-support-data"', '<link rel="manifest"'):
        assert (marker in ours) == (marker in theirs), marker


def test_plugins_are_registered_for_both_engines():
    from importlib.metadata import entry_points

    for group in ("mkdocs.plugins", "properdocs.plugins"):
        names = {ep.name for ep in entry_points(group=group) if ep.value.startswith("nightdesk.")}
        assert names == {"nightdesk/tasks", "nightdesk/search", "nightdesk/support", "nightdesk/offline", "nightdesk/seo"}
