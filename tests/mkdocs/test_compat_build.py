"""A small site written for other tools, built by MkDocs with nightdesk's defaults: what a reader gets."""
from pathlib import Path

import pytest
from sitebuild import build_site

FILES = {
    "README.md": "# Our docs\n\nTo contribute, open a pull request. Preview locally with `mkdocs serve`.\n",
    "selling/README.md": "# Selling\n\nEverything about selling.\n",
    "selling/price.md": (
        "---\ntitle: Set a price\nms.topic: how-to\n---\n"
        "In this article, you learn about prices. Open **Products** and type the price.\n\n"
        "> [!WARNING]\n> Prices include tax.\n\n"
        '{% hint style="info" %}\nPrices update at once.\n{% endhint %}\n\n'
        '{% tabs %}\n{% tab title="Phone" %}\nTap it.\n{% endtab %}\n{% tab title="Computer" %}\nClick it.\n'
        "{% endtab %}\n{% endtabs %}\n\n"
        ":::tip\nUse round prices :rocket:\n:::\n\n"
        "[!INCLUDE[footer](../includes/footer.md)]\n\n"
        "Back to [selling](../selling/) and {{< unknown-widget >}} done. [Gone](gone.md)\n"),
    "selling/secret.md": "---\ntitle: Not yet\ndraft: true\n---\nSoon.\n",
    "selling/hidden.md": "---\ntitle: Moved\nnosearch: yes\n---\nPlease see [price](price.md).\n",
    "includes/footer.md": "Questions? Ask the shop owner.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("compat")
    for path, text in FILES.items():
        (root / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / path).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nuse_directory_urls: false\ntheme: {name: material, font: false}\n"
        "plugins:\n  - nightdesk/tasks:\n      offline_zip: false\n      checks: {advisory_errors: true}\n"
        "  - nightdesk/search\n", encoding="utf-8")
    done = build_site(root / "mkdocs.yml", root / "site", strict=True)  # passes: errors are advisory
    assert done.returncode == 0, done.stderr
    return root / "site", done.stderr


def test_converted_syntax_renders(built):
    site, _ = built
    page = (site / "selling" / "price.html").read_text(encoding="utf-8")
    assert 'class="admonition warning"' in page and "Prices include tax." in page
    assert 'class="admonition info"' in page and 'class="admonition tip"' in page
    assert 'class="tabbed-set' in page and "Computer" in page
    assert "🚀" in page and "Questions? Ask the shop owner." in page
    assert 'href="README.html"' in page or 'href="./"' in page or 'href="index.html"' in page
    for raw in ("{%", "{{<", "[!", ":::", ":rocket:"):
        assert raw not in page
    assert "Open Products and type the price." in page  # the summary skipped the filler sentence


def test_drafts_snippets_and_the_repository_readme_are_not_published(built):
    site, log = built
    assert not (site / "selling" / "secret.html").exists()
    assert not (site / "includes" / "footer.html").exists()
    assert "README.md is about the repository" in log
    assert "What do you want to do?" in (site / "index.html").read_text(encoding="utf-8")


def test_nosearch_pages_are_published_but_not_searchable(built):
    site, _ = built
    assert (site / "selling" / "hidden.html").exists()
    store = (site / "assets" / "nightdesk" / "search-store.js").read_text(encoding="utf-8")
    assert "Set a price" in store and "Moved" not in store


def test_one_warning_for_the_unknown_tag_and_none_from_mkdocs(built):
    _, log = built
    assert log.count("unknown-widget") == 1
    assert "contains a link" not in log


def test_advisory_errors_are_shown_without_failing_strict(built):
    _, log = built
    assert "INFO    -  nightdesk: content/selling/price.md:" in log and "error: link 'gone.md'" in log
