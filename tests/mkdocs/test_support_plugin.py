"""Build real sites with nightdesk/support, nightdesk/offline and nightdesk/seo and check the output."""
import json
import re
import struct
from pathlib import Path

import yaml
from sitebuild import REPO, build_site


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def sample_config(tmp_path: Path, **support_changes) -> Path:
    """The repository's mkdocs.yml, runnable from tmp_path, with nightdesk/support options changed."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / "content")
    config["theme"]["custom_dir"] = str(REPO / "templates")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "nightdesk/support" in plugin:
            plugin["nightdesk/support"].update(support_changes)
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def page_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="nd-support-data">(.*?)</script>', html).group(1))


def json_ld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_article_ends_with_feedback_then_the_support_box(sample_site):
    html = read(sample_site, "get-paid/refund-a-customer.html")
    assert html.index("Did this answer your question?") < html.index('class="nd-support"') < html.index('class="nd-article-footer"')
    assert "Mon–Fri 8:00–18:00, Sat 9:00–13:00 (UK time)" in html  # the hours without JavaScript
    assert 'href="tel:01614960000"' in html and "Card reader down? Emergency line" in html
    assert "subject=Help%20with%3A%20Refund%20a%20customer" in html
    assert "data-nd-feedback-form" not in html  # no endpoint: no question whose answer would go nowhere


def test_hubs_have_the_support_box_and_every_page_the_template_and_data(sample_site):
    assert 'class="nd-support"' in read(sample_site, "get-paid/index.html").split('<template id="nd-support-box">')[0]
    for page in ("index.html", "get-paid/index.html", "get-paid/refund-a-customer.html"):
        html = read(sample_site, page)
        assert '<template id="nd-support-box"><aside class="nd-support"' in html
        data = page_data(html)
        assert data["endpoint"] is None and data["support"]["timezone"] == "Europe/London"
    assert page_data(read(sample_site, "get-paid/refund-a-customer.html"))["article"] == "get-paid/refund-a-customer.md"


def test_scripts_and_styles_are_local(sample_site):
    html = read(sample_site, "get-paid/refund-a-customer.html")
    for name in ("support.js", "feedback.js", "offline.js", "after-hours.css"):
        assert f"../assets/nightdesk/{name}" in html
        assert (sample_site / "assets/nightdesk" / name).is_file()


def test_meta_description_canonical_and_sitemap(sample_site):
    html = read(sample_site, "get-paid/refund-a-customer.html")
    assert '<meta name="description" content="Open the paid invoice, tap Refund, choose how much, and confirm.' in html
    assert '<link rel="canonical" href="https://help.tidyhands.example/get-paid/refund-a-customer.html">' in html
    hub = read(sample_site, "get-paid/index.html")
    assert '<meta name="description" content="Send invoices, take card payments and chase late payers.">' in hub
    sitemap = read(sample_site, "sitemap.xml")
    assert "<loc>https://help.tidyhands.example/get-paid/refund-a-customer.html</loc>" in sitemap
    assert 'href="../index.html"' in html  # links stay relative, so file:// keeps working


def test_how_to_and_faq_json_ld(sample_site):
    (how_to,) = json_ld(read(sample_site, "get-paid/refund-a-customer.html"))
    assert how_to["@type"] == "HowTo" and len(how_to["step"]) == 5
    assert how_to["url"] == "https://help.tidyhands.example/get-paid/refund-a-customer.html"
    (faq,) = json_ld(read(sample_site, "fix-payment-problems/payment-problems-faq.html"))
    assert faq["@type"] == "FAQPage" and len(faq["mainEntity"]) >= 5
    assert all(q["name"].endswith("?") and q["acceptedAnswer"]["text"] for q in faq["mainEntity"])
    assert json_ld(read(sample_site, "get-paid/invoice-statuses-explained.html")) == []  # a concept


def test_service_worker_precaches_every_page_and_manifest_has_icons(sample_site):
    source = read(sample_site, "service-worker.js")
    settings = json.loads(re.match(r"self\.NIGHTDESK = (.*);\n", source).group(1))
    pages = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html")}
    assert pages <= set(settings["precache"]) and settings["complete"]
    assert re.fullmatch(r"[0-9a-f]{12}", settings["version"])
    assert not (sample_site / "assets/nightdesk/service-worker.js").exists()  # only the configured one, at the root
    manifest = json.loads(read(sample_site, "manifest.webmanifest"))
    assert manifest["short_name"] == "Tidyhands" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        png = (sample_site / icon["src"]).read_bytes()
        width, height = struct.unpack(">II", png[16:24])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and f"{width}x{height}" == icon["sizes"]
    assert '<link rel="manifest" href="../manifest.webmanifest">' in read(sample_site, "get-paid/refund-a-customer.html")


def test_endpoint_turns_on_the_follow_up_question(tmp_path):
    done = build_site(sample_config(tmp_path, feedback_endpoint="https://forms.example.com/f/1"), tmp_path / "site")
    assert done.returncode == 0, done.stderr
    html = read(tmp_path / "site", "get-paid/refund-a-customer.html")
    assert "data-nd-feedback-form" in html and "What were you looking for?" in html
    assert page_data(html)["endpoint"] == "https://forms.example.com/f/1"


def test_a_mistake_in_the_hours_stops_the_build_and_names_it(tmp_path):
    done = build_site(sample_config(tmp_path, hours={"mon": "8-18"}), tmp_path / "site")
    assert done.returncode != 0
    assert "nightdesk/support: hours.mon: '8-18' is not opening hours like 08:00-18:00" in done.stderr


def test_each_page_s_box_names_its_own_topic(sample_site):
    # nightdesk's own box is rendered once per build and filled in per page (nightdesk.site.render_once)
    for page, title in (("get-paid/refund-a-customer.html", "Refund a customer"),
                        ("get-paid/index.html", "Get paid")):
        box = re.search(r'<aside class="nd-support".*?</aside>', read(sample_site, page), re.S).group(0)
        assert f'data-nd-topic="{title}"' in box
        href = re.search(r'href="(mailto:[^"]*)"', box).group(1)
        assert title.replace(" ", "%20") in href.split("subject=")[1].split("&amp;")[0]


def test_an_overridden_box_is_rendered_on_every_page(tmp_path):
    config_path = sample_config(tmp_path)
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    overrides = tmp_path / "overrides" / "nightdesk"
    overrides.mkdir(parents=True)
    (overrides / "support.html").write_text(
        '<aside class="nd-support" data-nd-support data-nd-topic="{{ topic }}">Ask about {{ topic|upper }}'
        '<span data-nd-support-status></span></aside>', encoding="utf-8")
    config["theme"]["custom_dir"] = str(tmp_path / "overrides")
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = build_site(config_path, tmp_path / "site", strict=False)
    assert done.returncode == 0, done.stderr
    assert "Ask about REFUND A CUSTOMER" in read(tmp_path / "site", "get-paid/refund-a-customer.html")
    assert "Ask about GET PAID" in read(tmp_path / "site", "get-paid/index.html")
