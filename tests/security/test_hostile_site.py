"""The hostile help centre (hostile_site.py) built once: every payload is plain text, every careless file
is a `path:line: error:`, no traceback, and the rest of the site is still written (and nothing from
outside docs_dir is published, searched or zipped)."""
from __future__ import annotations

import json
import re
import zipfile

import pytest

from hostile_site import EXPECTED_ERRORS, SECRET, XSS, write_hostile_site
from sitebuild import build_site

ESCAPED_XSS = "&lt;img src=x onerror=alert(1)&gt;"


def test_build_without_strict_writes_the_site_and_reports_each_bad_file(hostile):
    site, done = hostile
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Traceback" not in output
    for expected in EXPECTED_ERRORS:
        assert expected in output, f"missing: {expected}\n{output}"
    for page in ("index.html", "get-paid/index.html", "get-paid/evil.html", "get-paid/plain.html",
                 "bookings/move.html", "search.html"):
        assert (site / page).is_file(), page


def test_strict_build_fails_naming_the_files(tmp_path):
    config = write_hostile_site(tmp_path)
    done = build_site(config, tmp_path / "site", strict=True)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "Traceback" not in output
    assert "content/get-paid/latin1.md:2: error: this file is not UTF-8 text" in output


def test_front_matter_title_is_plain_text_in_title_header_and_page(hostile):
    html = (hostile[0] / "get-paid" / "evil.html").read_text(encoding="utf-8")
    assert XSS not in html
    assert f"<title>{ESCAPED_XSS} Use the &lt;Settings&gt; page - Hostile &lt;img src=x onerror=alert(7)&gt; help</title>" in html
    header_titles = [" ".join(t.split()) for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', html, re.DOTALL)]
    assert f"{ESCAPED_XSS} Use the &lt;Settings&gt; page" in header_titles
    assert f"<h1>{ESCAPED_XSS} Use the &lt;Settings&gt; page</h1>" in html
    # description: (the alias of summary) reaches <meta> as an attribute value, escaped.
    assert ('<meta name="description" content="Summary &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; '
            '&lt;!-- and') in html


def test_task_title_and_description_are_plain_text_on_the_hub(hostile):
    html = (hostile[0] / "get-paid" / "index.html").read_text(encoding="utf-8")
    assert XSS not in html
    assert f"<title>Get paid {ESCAPED_XSS} - Hostile &lt;img src=x onerror=alert(7)&gt; help</title>" in html
    assert '<p class="nd-hub__description">Use the &lt;Settings&gt; page &amp; more</p>' in html
    home = (hostile[0] / "index.html").read_text(encoding="utf-8")
    assert f'<span class="nd-tile__title">Get paid {ESCAPED_XSS}</span>' in home


def test_json_ld_cannot_end_its_script_element(hostile):
    html = (hostile[0] / "get-paid" / "evil.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1)
    assert not re.search(r"[<>&\u2028\u2029]", block)
    data = json.loads(block)
    assert data["name"] == "<img src=x onerror=alert(1)> Use the <Settings> page"
    assert data["description"].startswith("Summary </script><script>alert(2)</script> <!--")
    page_data = re.search(r'<script type="application/json" id="nd-support-data">(.*?)</script>', html).group(1)
    assert "<" not in page_data and json.loads(page_data)["title"].startswith("<img")


def test_journey_repeated_is_listed_once(hostile):
    html = (hostile[0] / "get-paid" / "index.html").read_text(encoding="utf-8")
    journey = html.split('id="nd-journey"', 1)[1].split("</section>", 1)[0]
    assert journey.count('href="evil.html"') == 1


def test_refused_icon_is_not_inlined_and_known_icon_is(hostile):
    hub = (hostile[0] / "get-paid" / "index.html").read_text(encoding="utf-8")
    assert '<span class="nd-hub__icon" aria-hidden="true"><svg' in hub
    bookings = (hostile[0] / "bookings" / "index.html").read_text(encoding="utf-8")
    assert "nd-hub__icon" not in bookings


def test_nothing_outside_docs_dir_is_published_searched_or_zipped(hostile):
    site = hostile[0]
    assert not (site / "get-paid" / "leak.html").exists()
    assert not (site / "get-paid" / "leak.png").exists()
    for file in site.rglob("*"):
        if file.is_file() and file.suffix != ".zip":
            assert SECRET.encode() not in file.read_bytes(), file
    (zip_path,) = site.glob("*.zip")
    with zipfile.ZipFile(zip_path) as archive:
        assert not [name for name in archive.namelist() if "leak" in name or "gone" in name]
        assert all(SECRET.encode() not in archive.read(name) for name in archive.namelist())


def test_search_store_keeps_titles_as_text(hostile):
    store = (hostile[0] / "assets" / "nightdesk" / "search-store.js").read_text(encoding="utf-8")
    assert "</script" not in store.lower()
    data = json.loads(store.removeprefix("window.__nightdeskStore=").rstrip().rstrip(";"))
    titles = {article[0]: article[1] for article in data["articles"]}
    assert titles["get-paid/evil.html"] == "<img src=x onerror=alert(1)> Use the <Settings> page"
    assert "get-paid/leak.html" not in titles


@pytest.mark.browser
def test_in_chromium_no_payload_runs_and_titles_read_as_written(browser, hostile):
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("get-paid/evil.html", "get-paid/index.html", "index.html"):
        page.goto((hostile[0] / path).as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0, path
    page.goto((hostile[0] / "get-paid" / "evil.html").as_uri())
    assert page.title() == ("<img src=x onerror=alert(1)> Use the <Settings> page - "
                            "Hostile <img src=x onerror=alert(7)> help")
    # mkdocs.yml texts are plain text too; an entity the author wrote still shows as its character.
    assert page.locator(".md-header__topic").first.inner_text().strip() == "Hostile <img src=x onerror=alert(7)> help"
    assert "Copyright © 2026 <img src=x onerror=alert(8)>" in page.locator(".md-copyright").inner_text()
    page.goto((hostile[0] / "index.html").as_uri())
    assert page.locator("meta[name=description]").get_attribute("content") == (
        'Help " onmouseover="alert(6) <b>bold</b>')
    page.goto((hostile[0] / "get-paid" / "evil.html").as_uri())
    assert page.locator("h1").first.inner_text() == "<img src=x onerror=alert(1)> Use the <Settings> page"
    # The search dropdown shows the stored title as text too.
    page.locator("#nd-header-search-input").fill("settings page")
    option = page.locator("#nd-header-search-results [role=option]").first
    option.wait_for()
    assert "Use the <Settings> page" in option.inner_text()
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    assert dialogs == [] and errors == []
    context.close()
