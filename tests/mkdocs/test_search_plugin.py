"""The nightdesk/search MkDocs plugin on small sites of its own (theme material, no tasks plugin)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nightdesk.mkdocs.search.plugin import LUNR_JS
from nightdesk.site.assets import PACKAGE_ASSETS as ASSETS

ARTICLE = """---
summary: Open the paid invoice and tap Refund.
keywords: [money back]
---
# Refund a customer

Give back all or part of a payment.

## Steps

Tap **Refund** and confirm.
"""


def make_site(tmp_path: Path, synonyms: str | None = "refund: [money back, reimburse]\n",
              options: str = "", directory_urls: bool = False) -> Path:
    docs = tmp_path / "docs"
    (docs / "get-paid").mkdir(parents=True)
    (docs / "index.md").write_text("# Help\n", encoding="utf-8")
    (docs / "get-paid" / "refund-a-customer.md").write_text(ARTICLE, encoding="utf-8")
    if synonyms is not None:
        (docs / "synonyms.yml").write_text(synonyms, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\nuse_directory_urls: {str(directory_urls).lower()}\ntheme: {{name: material}}\n"
        f"markdown_extensions: [toc]\nplugins:\n  - nightdesk/search{':' if options else ''}\n{options}",
        encoding="utf-8")
    return tmp_path


def build(folder: Path, strict: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(folder / "mkdocs.yml"), "-d", str(folder / "site")]
    return subprocess.run(cmd + (["--strict"] if strict else []), capture_output=True, text=True, cwd=folder,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def read_script(path: Path, name: str) -> dict:
    text = path.read_text(encoding="utf-8")
    prefix = f"window.{name}="
    assert text.startswith(prefix) and text.endswith(";\n")
    return json.loads(text[len(prefix):-2])


def test_builds_index_store_page_and_copies_lunr(tmp_path):
    site = make_site(tmp_path, options="      contact_url: mailto:help@example.com\n")
    done = build(site)
    assert done.returncode == 0, done.stderr
    assets = site / "site" / "assets" / "nightdesk"
    assert (assets / "lunr.js").read_bytes() == LUNR_JS.read_bytes()
    for name in ("search.js", "search-ui.js", "search-pipeline.js", "search-unpack.js", "search.css"):
        assert (assets / name).is_file(), name
    index = read_script(assets / "search-index.js", "__nightdeskIndex")
    store = read_script(assets / "search-store.js", "__nightdeskStore")
    assert index["fields"] == ["title", "keywords", "summary", "headings", "body"]
    assert "refund" in index["terms"] and "monei" not in index["terms"]
    assert store["articles"][-1] == ["get-paid/refund-a-customer.html", "Refund a customer",
                                     "Open the paid invoice and tap Refund.", "", 1]
    assert [s[1:] for s in store["sections"] if s[0] == len(store["articles"]) - 1] == [["", ""], ["steps", "Steps"]]
    assert store["synonyms"] == [[["money", "back"], ["refund"]], [["reimburs"], ["refund"]]]
    assert store["contact"] == "mailto:help@example.com"
    assert (site / "site" / "search.html").is_file()
    assert not (site / "site" / "synonyms.yml").exists()


def test_pages_load_search_scripts_deferred_with_a_version(tmp_path):
    site = make_site(tmp_path)
    assert build(site).returncode == 0
    html = (site / "site" / "get-paid" / "refund-a-customer.html").read_text(encoding="utf-8")
    assert '<script src="../assets/nightdesk/search.js?v=' in html and " defer></script>" in html
    assert "search-index.js" not in html  # loaded lazily by search.js


def test_browser_code_works_from_file_urls():
    """No fetch, no ES modules, no workers: search loads as classic <script>s."""
    for script in ASSETS.iterdir():
        if script.name.startswith("search") and script.name.endswith(".js"):
            code = script.read_text(encoding="utf-8")
            for banned in ("fetch(", "XMLHttpRequest", "import(", "Worker(", "export "):
                assert banned not in code, f"{script.name} uses {banned}"


def test_links_point_at_html_files_even_with_directory_urls(tmp_path):
    site = make_site(tmp_path, directory_urls=True)
    assert build(site).returncode == 0
    store = read_script(site / "site" / "assets" / "nightdesk" / "search-store.js", "__nightdeskStore")
    assert "get-paid/refund-a-customer/index.html" in [a[0] for a in store["articles"]]


def test_malformed_synonyms_fail_a_strict_build_with_file_and_line(tmp_path):
    site = make_site(tmp_path, synonyms="refund: [money back]\ninvoice: bill\n")
    done = build(site)
    assert done.returncode != 0
    assert "docs/synonyms.yml:2: error: 'invoice' needs a list: `invoice: [bill]`" in done.stderr


def test_synonyms_file_is_optional_and_configurable(tmp_path):
    site = make_site(tmp_path, synonyms=None, options="      synonyms: words/synonyms.yml\n")
    (site / "docs" / "words").mkdir()
    (site / "docs" / "words" / "synonyms.yml").write_text("payout: [transfer]\n", encoding="utf-8")
    assert build(site).returncode == 0
    store = read_script(site / "site" / "assets" / "nightdesk" / "search-store.js", "__nightdeskStore")
    assert store["synonyms"] == [[["transfer"], ["payout"]]]
    assert not (site / "site" / "words" / "synonyms.yml").exists()
