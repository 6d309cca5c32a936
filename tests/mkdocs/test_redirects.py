"""Old addresses (`redirect_from`, Hugo's `aliases`) lead to the article after a migration."""
from __future__ import annotations

import pytest

from sitebuild import build_site

MKDOCS_YML = ("site_name: Help\ndocs_dir: content\nuse_directory_urls: false\ntheme:\n  name: material\n"
              "  font: false\nplugins:\n  - nightdesk/tasks\n")


def write(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("redirects")
    write(root, {
        "mkdocs.yml": MKDOCS_YML,
        "content/tasks.yml": "- id: taxes\n  title: Taxes\n",
        "content/taxes/vat.md": ("---\ntitle: Charge VAT\naliases:\n  - /user/localization/vat/\n  - old-vat.html\n"
                                 "  - /taxes/other/\nkind: concept\n---\n\nCharge it.\n"),
        "content/taxes/other.md": "---\ntitle: Other\nkind: concept\n---\n\nText.\n",
    })
    done = build_site(root / "mkdocs.yml", root / "site")
    assert done.returncode == 0, done.stderr[-2000:]
    return root / "site", done.stderr


def test_each_old_address_gets_a_page_that_leads_on(built):
    site, _ = built
    stub = (site / "user" / "localization" / "vat" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../../taxes/vat.html"' in stub and "Charge VAT" in stub
    assert 'noindex' in stub
    assert (site / "old-vat.html").is_file()


def test_an_address_that_is_a_page_now_stays_that_page(built):
    """`/taxes/other/` is where a static host serves taxes/other.md's pretty address: no redirect there."""
    site, _ = built
    assert "Other" in (site / "taxes" / "other.html").read_text(encoding="utf-8")
    assert not (site / "taxes" / "other" / "index.html").exists()


@pytest.mark.browser
def test_from_disk_the_old_address_opens_the_article(built, browser):
    site, _ = built
    page = browser.new_page()
    page.goto((site / "user" / "localization" / "vat" / "index.html").as_uri())
    page.wait_for_url("**/taxes/vat.html")
    assert page.locator("h1").first.inner_text() == "Charge VAT"
    page.close()
