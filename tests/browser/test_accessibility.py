"""axe-core on every kind of page a reader meets, in light and dark mode: no serious or critical violations."""
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def open_search_results(page):
    expect(page.locator("[data-nd-search-page] [role=option]").first).to_be_visible()


def open_zero_results(page):
    expect(page.locator("[data-nd-search-page] .nd-search__empty")).to_contain_text("No articles match")


def open_header_search(page):
    """The header combobox open over an article, an option highlighted: what a keyboard user sees."""
    page.locator("#nd-header-search-input").fill("refund")
    expect(page.locator("#nd-header-search-results [role=option]").first).to_be_visible()
    page.keyboard.press("ArrowDown")


VIEWS = {  # name -> (path, what to do before checking)
    "home": ("index.html", None),
    "task hub": ("get-paid/index.html", None),
    "article": ("get-paid/send-your-first-invoice.html", None),
    "search results": ("search.html?q=refund", open_search_results),
    "zero results": ("search.html?q=zzxxqqvv", open_zero_results),
    "header search open": ("get-paid/refund-a-customer.html", open_header_search),
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_or_critical_axe_violations(browser, sample_site, axe, view, scheme):
    path, prepare = VIEWS[view]
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(sample_site.as_uri() + "/" + path)
        page.wait_for_load_state("load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        if prepare:
            prepare(page)
        violations = axe.run(page).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        assert not blocking, "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in blocking)
    finally:
        context.close()
