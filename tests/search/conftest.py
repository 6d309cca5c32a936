"""Fixtures for search tests: the sample site with search, and a bare lunr.js page."""
from __future__ import annotations

from pathlib import Path

import pytest

from nightdesk.mkdocs.search.plugin import LUNR_JS
from nightdesk.site.assets import PACKAGE_ASSETS as ASSETS

@pytest.fixture(scope="session")
def search_site(sample_site) -> Path:
    """The sample site, which lists nightdesk/search in its mkdocs.yml."""
    assert (sample_site / "assets/nightdesk/search-index.js").exists(), "mkdocs.yml must list nightdesk/search"
    return sample_site


@pytest.fixture
def lunr_page(page, tmp_path):
    """A blank page with lunr.js 2.3.9 (from the mkdocs package) and nightdesk's pipeline."""
    scripts = [LUNR_JS, Path(str(ASSETS / "search-pipeline.js")), Path(str(ASSETS / "search-unpack.js"))]
    html = "".join(f'<script src="{path.resolve().as_uri()}"></script>' for path in scripts)
    (tmp_path / "lunr.html").write_text(f"<!doctype html><meta charset=utf-8>{html}", encoding="utf-8")
    page.goto((tmp_path / "lunr.html").as_uri())
    page.wait_for_function("() => !!(window.lunr && window.nightdeskPipeline && window.nightdeskUnpackIndex)")
    return page
