"""What a reader sees in a real Chromium: pages work from disk and from a server, with no outside requests."""
import pytest

pytestmark = pytest.mark.browser

PAGES = ["index.html", "get-paid/index.html", "get-paid/send-your-first-invoice.html",
         "reports-and-tax/export-for-your-accountant.html"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_from_disk_make_no_outside_requests(page, sample_site, path):
    page.goto((sample_site / path).as_uri())
    page.wait_for_load_state("networkidle")
    assert page.external_requests == []
    assert page.js_errors == []
    assert page.locator("h1").count() == 1


def test_pages_from_a_server_make_no_outside_requests_and_links_work(page, sample_site, serve_dir):
    base = serve_dir(sample_site)
    page.goto(base + "index.html")
    page.get_by_role("link", name="Get paid", exact=False).first.click()
    page.get_by_role("link", name="Send your first invoice").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("get-paid/send-your-first-invoice.html")
    assert page.locator(".nd-breadcrumb a").all_inner_texts() == ["Home", "Get paid"]
    assert page.external_requests == []


def test_follows_the_systems_dark_mode(browser, sample_site):
    for scheme, expected in (("dark", "slate"), ("light", "default")):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto((sample_site / "index.html").as_uri())
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        context.close()


def test_phone_layout_has_no_sideways_scroll_and_a_menu(browser, sample_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto((sample_site / "get-paid/send-your-first-invoice.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("header label[for='__drawer']").click()
    assert page.get_by_role("link", name="Fix payment problems").first.is_visible()
    context.close()
