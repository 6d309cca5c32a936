"""After hours, in a real Chromium: the support box on a fixed clock and time zone, the feedback queue
that survives going offline, and the service worker that serves pages never visited."""
import http.server
import json
import threading
import time

import pytest
from playwright.sync_api import expect
import yaml
from sitebuild import REPO, build_site

pytestmark = pytest.mark.browser
ARTICLE = "get-paid/refund-a-customer.html"


def config_with_endpoint(folder, endpoint):
    """The repository's mkdocs.yml, runnable from `folder`, with a feedback endpoint."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(REPO / "content"))
    config["theme"]["custom_dir"] = str(REPO / "templates")
    next(p for p in config["plugins"] if isinstance(p, dict) and "nightdesk/support" in p)[
        "nightdesk/support"]["feedback_endpoint"] = endpoint
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def new_page(browser, **options):
    """A page in its own context (time zone, offline, no JavaScript) that blocks requests to other hosts."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.external_requests, page.js_errors = [], []

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "http://127.0.0.1")):
            return route.continue_()
        page.external_requests.append(url)
        route.abort()

    context.route("**/*", guard)
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    return page


def status_of(page):
    return page.locator(".nd-article-footer").locator("xpath=preceding::aside[@data-nd-support][1]") \
        .locator("[data-nd-support-status]").inner_text()


@pytest.mark.parametrize("now, reader_zone, expected", [
    ("2026-06-16T10:00:00Z", "Europe/London", "We're open until 18:00."),
    ("2026-06-16T16:30:00Z", "America/New_York", "We're open until 18:00 (13:00 your time)."),
    ("2026-06-16T19:30:00Z", "Europe/Paris", "We're closed. Back tomorrow at 8:00 (9:00 your time). Meanwhile:"),
    ("2026-06-20T14:00:00Z", "Europe/London", "We're closed. Back Monday at 8:00. Meanwhile:"),
    ("2026-12-25T10:00:00Z", "Europe/London", "We're closed today (Christmas Day). Back Monday at 8:00. Meanwhile:"),
    # Clocks go forward in the UK on Sunday 29 March 2026: Monday 8:00 in London is 7:00 UTC.
    ("2026-03-28T20:00:00Z", "UTC", "We're closed. Back Monday at 8:00 (7:00 your time). Meanwhile:"),
    # New York is already on summer time while London is not: 8:00 GMT is 4:00 EDT, not 3:00.
    ("2026-03-21T14:00:00Z", "America/New_York", "We're closed. Back Monday at 8:00 (4:00 your time). Meanwhile:"),
    ("2026-06-16T22:30:00Z", "Europe/London", "We're closed. Back tomorrow at 8:00. Meanwhile:"),
])
def test_support_box_knows_the_business_hours(browser, sample_site, now, reader_zone, expected):
    page = new_page(browser, timezone_id=reader_zone)
    page.clock.set_fixed_time(now)
    page.goto((sample_site / ARTICLE).as_uri())  # works from disk
    assert status_of(page) == expected
    phone = page.locator(".nd-article-footer").locator("xpath=preceding::li[@data-nd-channel='0'][1]")
    assert phone.is_visible() == expected.startswith("We're open")
    assert page.js_errors == [] and page.external_requests == []
    page.context.close()


def test_closed_box_offers_only_what_is_available_now(browser, sample_site):
    page = new_page(browser, timezone_id="Europe/London")
    page.clock.set_fixed_time("2026-06-16T22:30:00Z")  # 23:30 in London: even the emergency line is closed
    page.goto((sample_site / ARTICLE).as_uri())
    box = page.locator("article aside[data-nd-support]").first
    visible = [li.get_attribute("class").split("--")[-1] for li in box.locator("li[data-nd-channel]").all() if li.is_visible()]
    assert visible == ["email", "status"]
    email = box.locator("[data-nd-email]").get_attribute("href")
    assert "subject=Help%20with%3A%20Refund%20a%20customer" in email and "refund-a-customer.html" in email
    page.context.close()


def test_without_javascript_the_hours_are_shown_and_no_dead_buttons(browser, sample_site):
    page = new_page(browser, java_script_enabled=False)
    page.goto((sample_site / ARTICLE).as_uri())
    assert "Mon–Fri 8:00–18:00, Sat 9:00–13:00 (UK time)" in page.locator("article aside[data-nd-support]").first.inner_text()
    assert not page.get_by_text("Did this answer your question?").is_visible()
    page.context.close()


def test_search_can_show_the_support_box_for_a_failed_search(browser, sample_site):
    page = new_page(browser, timezone_id="Europe/London")
    page.clock.set_fixed_time("2026-06-16T10:00:00Z")
    page.goto((sample_site / "index.html").as_uri())
    page.evaluate("""() => { const el = document.createElement('div'); el.id = 'no-results'; document.body.append(el);
                             window.nightdesk.support.render(el, {query: 'gift vouchers'}); }""")
    box = page.locator("#no-results aside[data-nd-support]")
    assert box.locator("[data-nd-support-status]").inner_text() == "We're open until 18:00."
    assert "subject=Couldn't%20find%3A%20gift%20vouchers" in box.locator("[data-nd-email]").get_attribute("href")
    assert page.evaluate("window.nightdesk.feedback.send({type: 'search', query: 'x'})") is False  # no endpoint: nothing sent
    page.context.close()


class Collector(http.server.BaseHTTPRequestHandler):
    """A feedback endpoint on another origin that remembers every POSTed record."""
    records: list = []

    def cors(self, status):
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_OPTIONS(self):
        self.cors(204)

    def do_POST(self):
        self.records.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.cors(204)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def collector():
    Collector.records = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def site_with_endpoint(tmp_path_factory, collector):
    folder = tmp_path_factory.mktemp("feedback")
    endpoint = f"http://127.0.0.1:{collector.server_address[1]}/collect"
    done = build_site(config_with_endpoint(folder, endpoint), folder / "site")
    assert done.returncode == 0, done.stderr
    return folder / "site"


def wait_for(page, condition, seconds=5.0):
    """Poll with Playwright's own wait, so its request routing keeps running meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():
        page.wait_for_timeout(50)
    return condition()


def test_feedback_made_offline_is_sent_once_when_back_online(browser, site_with_endpoint, serve_dir, collector):
    Collector.records.clear()
    page = new_page(browser, service_workers="block")
    page.goto(serve_dir(site_with_endpoint) + ARTICLE)
    page.context.set_offline(True)
    page.get_by_role("button", name="No").click()
    page.get_by_label("What were you looking for?").fill("how to refund cash")
    page.get_by_role("button", name="Send").click()
    assert "You're offline" in page.locator("[data-nd-feedback-status]").inner_text()
    page.wait_for_timeout(300)
    assert Collector.records == []

    page.context.set_offline(False)
    assert wait_for(page, lambda: len(Collector.records) == 2)
    vote, comment = Collector.records
    assert (vote["type"], vote["vote"], vote["article"]) == ("vote", "no", "get-paid/refund-a-customer.md")
    assert (comment["type"], comment["comment"], comment["vote_id"]) == ("comment", "how to refund cash", vote["id"])
    page.reload()  # the queue is empty now: nothing is sent again
    page.wait_for_timeout(500)
    assert len(Collector.records) == 2
    assert page.evaluate("localStorage.getItem('nightdesk.feedback.queue')") == "[]"
    assert page.evaluate("document.cookie") == "" and page.js_errors == []
    page.context.close()


def test_yes_vote_online_is_one_post(browser, site_with_endpoint, serve_dir, collector):
    Collector.records.clear()
    page = new_page(browser, service_workers="block")
    page.goto(serve_dir(site_with_endpoint) + ARTICLE)
    page.get_by_role("button", name="Yes").click()
    assert wait_for(page, lambda: len(Collector.records) == 1)
    assert page.locator("[data-nd-feedback-status]").inner_text() == "Thanks! Glad it helped."
    page.wait_for_timeout(300)
    assert [r["vote"] for r in Collector.records] == ["yes"]
    page.context.close()


@pytest.mark.parametrize("browser_reports_online", [False, True], ids=["onLine-honest", "onLine-stuck-true"])
def test_service_worker_serves_a_page_never_visited_when_offline(browser, sample_site, serve_dir, browser_reports_online):
    """The offline note comes from the service worker's failed network attempt, not from navigator.onLine,
    which some Chromium versions (and captive portals) leave true while offline."""
    page = new_page(browser)
    if browser_reports_online:
        page.context.add_init_script("Object.defineProperty(Navigator.prototype, 'onLine', {get: () => true});")
    base = serve_dir(sample_site)
    page.goto(base + "index.html")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    expect(page.locator("[data-nd-offline]")).to_contain_text("Available offline")
    page.context.set_offline(True)
    page.goto(base + "manage-bookings/handle-a-no-show.html")
    assert page.locator("h1").first.inner_text().startswith("Handle a no-show")
    expect(page.locator("[data-nd-offline]")).to_have_text("You're offline. Saved pages and search still work.")
    if (sample_site / "search.html").exists():  # with nightdesk/search: query strings use the saved page
        page.goto(base + "search.html?q=refund")
        assert page.title().startswith("Search")
    page.goto(base + "no-such-page.html")  # never saved: say so kindly
    assert page.locator("h1").inner_text() == "You're offline"
    assert page.js_errors == [] and page.external_requests == []
    page.context.close()


def test_no_service_worker_from_disk(browser, sample_site):
    page = new_page(browser)
    page.goto((sample_site / "index.html").as_uri())
    page.wait_for_timeout(300)
    assert page.locator("[data-nd-offline]").is_hidden()  # nothing claims to be saved
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length, () => 'unsupported')") == "unsupported"
    assert page.js_errors == []
    page.context.close()
