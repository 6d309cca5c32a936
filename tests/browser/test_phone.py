"""A phone in one hand (390 x 844, touch): tap targets of at least 44 x 44 px, no keyboard hints, a compact
two-column tile grid, the site name once on the home page, and the no-results support box styled like the
one under articles. A failure saves a screenshot and names it."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
TARGETS = (".nd-breadcrumb a, .nd-support__link, .nd-tile__link, .nd-list__link, .nd-journey__link, "
           ".nd-feedback button, .nd-search__toggle, .nd-search__option, .md-nav--primary a.md-nav__link")
MIN = 44
SMALL_TARGETS = """selector => Array.from(document.querySelectorAll(selector)).flatMap(e => {
  const r = e.getBoundingClientRect(), style = getComputedStyle(e);
  if (!r.width || !r.height || style.visibility === "hidden" || e.closest("[hidden], template")) return [];
  return r.width < %d - 0.5 || r.height < %d - 0.5
    ? [`${e.className || e.tagName} "${e.textContent.trim().slice(0, 30)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`] : [];
})""" % (MIN, MIN)


@pytest.fixture
def phone(browser, tmp_path):
    context = browser.new_context(**PHONE, timezone_id="Europe/London")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    context.close()


def check(page, condition: bool, message: str, shots: Path):
    """assert, with a screenshot of what the phone showed when it fails."""
    if not condition:
        shot = shots / (message[:40].replace(" ", "-").replace("/", "_") + ".png")
        page.screenshot(path=str(shot), full_page=True)
        pytest.fail(f"{message} (screenshot: {shot})")


@pytest.mark.parametrize("path", ["index.html", "get-paid/index.html", "get-paid/refund-a-customer.html"])
def test_every_tap_target_is_at_least_44_px(phone, sample_site, path, tmp_path):
    phone.goto((sample_site / path).as_uri())
    phone.wait_for_function("() => !!(window.nightdesk && window.nightdesk.i18n)")
    small = phone.evaluate(SMALL_TARGETS, TARGETS)
    check(phone, small == [], f"{path}: tap targets under {MIN} px: {small}", tmp_path)
    if path.endswith("refund-a-customer.html"):
        assert phone.locator(".nd-support__channel--phone a[href^='tel:']").first.inner_text().count("0161") == 1
    assert phone.js_errors == []


def test_search_on_a_phone(phone, sample_site, tmp_path):
    phone.goto((sample_site / "index.html").as_uri())
    phone.wait_for_function("() => !!(window.nightdesk && window.nightdesk.i18n)")
    placeholders = phone.eval_on_selector_all("input[type=search]", "els => els.map(e => e.placeholder)")
    check(phone, all("/" not in p for p in placeholders), f"keyboard hint on a touch screen: {placeholders}", tmp_path)
    phone.locator(".nd-search__toggle").tap()
    phone.locator("#nd-header-search-input").fill("gift vouchers")
    support = phone.locator("[data-nd-search] .nd-search__support aside.nd-support")
    expect(support).to_be_visible()
    small = phone.evaluate(SMALL_TARGETS, TARGETS)
    check(phone, small == [], f"no-results panel: tap targets under {MIN} px: {small}", tmp_path)
    styled = support.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.borderRadius, s.backgroundColor]; }")
    check(phone, styled[0] == "solid" and styled[1] != "0px" and styled[2] not in ("rgba(0, 0, 0, 0)", "transparent"),
          f"no-results support box is not styled like the article one: {styled}", tmp_path)


def test_home_is_compact(phone, sample_site, tmp_path):
    phone.goto((sample_site / "index.html").as_uri())
    tops = phone.eval_on_selector_all(".nd-tile", "els => els.slice(0, 2).map(e => e.getBoundingClientRect().top)")
    check(phone, len(tops) == 2 and abs(tops[0] - tops[1]) < 1, "tiles are not in two columns on a phone", tmp_path)
    site_name = phone.locator(".md-header__topic .md-ellipsis").first.inner_text()
    headings = phone.locator(".md-content h1").all_inner_texts()
    check(phone, site_name not in [h.strip() for h in headings], f"site name twice on the home page: {headings}", tmp_path)
    start_here = phone.locator("#nd-featured-title").bounding_box()["y"]
    check(phone, start_here < 2.2 * 844, f"'Start here' is {start_here / 844:.1f} screens down", tmp_path)
