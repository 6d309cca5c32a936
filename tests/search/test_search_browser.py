"""The search boxes in Chromium: file:// with no network, HTTP, keyboard only, no results, JS API."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
HEADER_BOX = "#nd-header-search-input"


def results(page, box):
    listbox = page.locator(f"#{page.locator(box).get_attribute('aria-controls')}")
    return listbox.locator('[role="option"]')


def test_search_from_disk_with_the_network_blocked(page, search_site):
    page.goto((search_site / "get-paid" / "take-a-deposit.html").as_uri())
    page.locator(HEADER_BOX).fill("refnd")  # a typo
    options = results(page, HEADER_BOX)
    expect(options.first).to_contain_text("Refund a customer")
    expect(options.first.locator("mark").first).to_have_text("Refund")
    href = options.first.get_attribute("href")
    assert href.startswith("file://") and re.search(r"get-paid/refund-a-customer\.html(#[\w-]+)?$", href)
    assert page.external_requests == [] and page.js_errors == []


def test_index_loads_only_when_search_is_used(page, search_site):
    page.goto((search_site / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__nightdeskStore") == "undefined"
    assert page.locator('script[src*="search-index.js"]').count() == 0
    page.locator(HEADER_BOX).focus()
    page.wait_for_function("() => !!window.__nightdeskStore")


def test_search_over_http_updates_on_every_keystroke(page, search_site, serve_dir):
    page.goto(serve_dir(search_site) + "index.html")
    box = page.locator("[data-nd-search-home] input[role=combobox]")
    box.press_sequentially("card dec")
    options = results(page, "[data-nd-search-home] input[role=combobox]")
    expect(options.first).to_contain_text("Card payment declined")
    assert options.first.get_attribute("href").startswith("http://127.0.0.1")
    assert page.external_requests == [] and page.js_errors == []


def test_keyboard_only(page, search_site):
    page.goto((search_site / "get-started" / "connect-your-bank-account.html").as_uri())
    page.keyboard.press("/")
    box = page.locator(HEADER_BOX)
    expect(box).to_be_focused()
    page.keyboard.type("declined card")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    first = results(page, HEADER_BOX).first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("ArrowUp")  # wraps to the last option
    expect(first).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowDown")  # and back round to the first
    expect(first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("ArrowDown")  # reopens on the first result
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"card-payment-declined\.html"))
    assert page.js_errors == []


def test_combobox_markup_follows_aria_1_2(page, search_site):
    page.goto((search_site / "index.html").as_uri())
    for box in page.locator('input[role="combobox"]').all():
        assert box.get_attribute("type") == "search"
        assert box.get_attribute("aria-autocomplete") == "list"
        listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
        assert listbox.get_attribute("role") == "listbox"
        assert page.locator(f'label[for="{box.get_attribute("id")}"]').count() == 1


def test_two_typos_in_a_long_word_still_find_it(page, search_site):
    page.goto((search_site / "search.html").as_uri() + "?q=accuontantt")
    expect(page.locator("[data-nd-search-page] [role=option]").first).to_contain_text("accountant")


def test_zero_results_suggest_tasks_and_support(page, search_site):
    # Typos in both first letters are not searched (too costly per keystroke) but are suggested.
    page.goto((search_site / "search.html").as_uri() + "?q=cacountant")
    status = page.locator("[data-nd-search-page] .nd-search__empty")
    expect(status).to_contain_text("No articles match")
    options = page.locator("[data-nd-search-page] [role=option]")
    expect(options.first).to_contain_text("Did you mean accountant?")
    expect(options.filter(has_text="Get paid")).to_have_count(1)  # the task tiles
    expect(options.last).to_contain_text("Contact support")
    options.first.click()
    page.wait_for_url(re.compile(r"search\.html\?q=accountant$"))
    expect(page.locator("[data-nd-search-page] [role=option]").first).to_contain_text("accountant")


def test_shareable_search_page(page, search_site, serve_dir):
    for url in ((search_site / "search.html").as_uri(), serve_dir(search_site) + "search.html"):
        page.goto(url + "?q=money%20back")
        box = page.locator("[data-nd-search-page] input[role=combobox]")
        expect(box).to_have_value("money back")
        expect(page.locator("[data-nd-search-page] [role=option]").first).to_contain_text("Refund a customer")
    assert page.external_requests == [] and page.js_errors == []


def test_js_api(page, search_site):
    page.goto((search_site / "index.html").as_uri())
    found = page.evaluate("window.nightdesk.search('invocie')")
    assert found and {"url", "title", "summary", "task", "section"} <= found[0].keys()
    assert "invoice" in found[0]["title"].lower() and found[0]["task"]
    assert page.evaluate("window.nightdesk.search('')") == []
    assert page.evaluate("window.nightdesk.search('zzzzqqqq')") == []


def test_phone_header_opens_from_a_button(page, search_site):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto((search_site / "get-paid" / "refund-a-customer.html").as_uri())
    expect(page.locator(HEADER_BOX)).to_be_hidden()
    page.get_by_role("button", name="Search help articles").click()
    expect(page.locator(HEADER_BOX)).to_be_focused()
    page.keyboard.type("no show")
    expect(results(page, HEADER_BOX).first).to_contain_text("no-show")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_open_search_boxes(browser, search_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        for url, box in ((search_site / "get-paid" / "refund-a-customer.html", HEADER_BOX),
                         (search_site / "index.html", "[data-nd-search-home] input[role=combobox]")):
            page.goto(url.as_uri())
            page.locator(box).fill("card")
            expect(results(page, box).first).to_be_visible()
            page.keyboard.press("ArrowDown")
            violations = Axe().run(page, context={"include": [[".nd-search"]]}).response["violations"]
            assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
        page.goto((search_site / "search.html").as_uri() + "?q=accuontantt")
        expect(page.locator("[data-nd-search-page] [role=option]").first).to_be_visible()
        violations = Axe().run(page, context={"include": [[".nd-search"]]}).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    finally:
        context.close()
