"""A search with no results, in Chromium: the support box (email names the search) and one "search"
record for the support team once the search is finished (the reader leaves the box or the page), never for half-typed words."""
import pytest
from playwright.sync_api import expect
from test_after_hours import Collector, collector, new_page, site_with_endpoint, wait_for  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
HEADER_BOX = "#nd-header-search-input"
FAILED = "gift vouchers"  # nothing in the sample help centre


def header_support(page):
    return page.locator("[data-nd-search] .nd-search__support")


def test_zero_results_show_the_support_box_with_the_search_in_the_email(browser, sample_site):
    page = new_page(browser, timezone_id="Europe/London")
    page.clock.set_fixed_time("2026-06-16T10:00:00Z")
    page.goto((sample_site / "search.html").as_uri() + "?q=gift%20vouchers")
    box = page.locator("[data-nd-search-page] .nd-search__support aside[data-nd-support]")
    expect(box.locator("[data-nd-support-status]")).to_have_text("We're open until 18:00.")
    email = box.locator("[data-nd-email]").get_attribute("href")
    assert "subject=Couldn't%20find%3A%20gift%20vouchers" in email and "gift%20vouchers" in email.split("body=")[1]

    page.locator(HEADER_BOX).fill(FAILED)  # the header box too, and it goes away once something matches
    expect(header_support(page)).to_be_visible()
    page.locator(HEADER_BOX).fill("refund")
    expect(page.locator("[data-nd-search] [role=option]").first).to_contain_text("Refund a customer")
    expect(header_support(page)).to_be_hidden()
    # No endpoint configured: nothing is sent, nothing is even stored.
    assert page.evaluate("localStorage.getItem('nightdesk.feedback.queue')") is None
    assert page.js_errors == [] and page.external_requests == []
    page.context.close()


def searches():
    return [r for r in Collector.records if r["type"] == "search"]


def test_a_finished_failed_search_is_sent_once_and_half_words_never(browser, site_with_endpoint, serve_dir, collector):
    """A search is finished when the reader leaves the box (or the page), however slowly they type."""
    Collector.records.clear()
    page = new_page(browser, service_workers="block")
    page.goto(serve_dir(site_with_endpoint) + "index.html")
    box = page.locator(HEADER_BOX)
    box.press_sequentially("xylo")  # finds nothing already, but the reader is still typing
    expect(header_support(page)).to_be_visible()
    page.wait_for_timeout(2000)  # a long pause is not the end of a search
    box.press_sequentially("phone lessons")
    page.wait_for_timeout(2000)
    assert searches() == []

    page.locator("h1").first.click()  # the reader leaves the box
    assert wait_for(page, lambda: len(searches()) == 1)
    record = searches()[0]
    assert (record["query"], record["results"], record["page"]) == ("xylophone lessons", 0, "index.html")

    box.fill("")  # the same failed search again in this page view: not sent twice
    box.press_sequentially("xylophone lessons")
    page.locator("h1").first.click()
    box.fill("refund")  # and a search that finds something is no gap at all
    page.locator("h1").first.click()
    page.wait_for_timeout(500)
    assert len(searches()) == 1
    assert page.js_errors == [] and page.external_requests == []
    page.context.close()


def test_the_search_page_reports_at_once_and_enter_adds_nothing(browser, site_with_endpoint, serve_dir, collector):
    Collector.records.clear()
    page = new_page(browser, service_workers="block")
    page.goto(serve_dir(site_with_endpoint) + "search.html?q=Gift%20Vouchers")
    assert wait_for(page, lambda: len(searches()) == 1)
    assert searches()[0]["query"] == "Gift Vouchers"
    page.locator("[data-nd-search-page] input[role=combobox]").press("Enter")
    page.wait_for_timeout(2000)  # past the settle time too
    assert len(searches()) == 1
    page.context.close()


def test_no_good_match_shows_support_first_then_partial_matches_and_records_it(
        browser, site_with_endpoint, serve_dir, collector):
    Collector.records.clear()
    page = new_page(browser, service_workers="block")
    page.goto(serve_dir(site_with_endpoint) + "search.html?q=xyzzy%20plumbing%20refund")  # 1 word of 3 matches
    root = page.locator("[data-nd-search-page]")
    expect(root.locator(".nd-search__empty")).to_contain_text("No good match")
    expect(root.locator(".nd-search__support")).to_be_visible()
    expect(root.locator("[role=option]").first).to_contain_text("Refund a customer")
    # The support box comes first, the partial matches under it.
    assert page.evaluate("""() => {
      const support = document.querySelector('[data-nd-search-page] .nd-search__support');
      const list = document.querySelector('[data-nd-search-page] [role=listbox]');
      return !!(support.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert wait_for(page, lambda: len(searches()) == 1)
    assert (searches()[0]["query"], searches()[0]["results"]) == ("xyzzy plumbing refund", 0)
    api = page.evaluate("q => window.nightdesk.search(q).then(r => [r.length > 0, r.noGoodMatch === true])",
                        "xyzzy plumbing refund")
    assert api == [True, True]
    assert page.evaluate("window.nightdesk.search('refund a customer').then(r => r.noGoodMatch)") is None
    page.context.close()
