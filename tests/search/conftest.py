"""Fixtures for search tests: the sample site with search, and a bare lunr.js page."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from nightdesk.mkdocs.search.plugin import ASSETS, LUNR_JS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def search_site(sample_site, tmp_path_factory) -> Path:
    """The sample site with nightdesk/search; built here if mkdocs.yml does not list it yet."""
    if (sample_site / "assets/nightdesk/search-index.js").exists():
        return sample_site
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / config.get("docs_dir", "docs"))
    if isinstance(config.get("theme"), dict) and config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["plugins"] = list(config.get("plugins") or []) + [{"nightdesk/search": {"contact_url": "mailto:help@example.com"}}]
    folder = tmp_path_factory.mktemp("search-sample")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(folder / "mkdocs.yml"),
                           "-d", str(folder / "site")], capture_output=True, text=True, cwd=folder)
    assert done.returncode == 0, done.stderr
    return folder / "site"


@pytest.fixture
def lunr_page(page, tmp_path):
    """A blank page with lunr.js 2.3.9 (from the mkdocs package) and nightdesk's pipeline."""
    scripts = [LUNR_JS, Path(str(ASSETS / "search-pipeline.js")), Path(str(ASSETS / "search-unpack.js"))]
    html = "".join(f'<script src="{path.resolve().as_uri()}"></script>' for path in scripts)
    (tmp_path / "lunr.html").write_text(f"<!doctype html><meta charset=utf-8>{html}", encoding="utf-8")
    page.goto((tmp_path / "lunr.html").as_uri())
    page.wait_for_function("() => !!(window.lunr && window.nightdeskPipeline && window.nightdeskUnpackIndex)")
    return page
